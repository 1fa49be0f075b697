// Decap's own words in Chinese, with ours laid over them where Decap's are jargon (集合, 工作流,
// 新建帖子, 不满足模式), wrong for this site, or missing (Decap falls back to English for those).
// Ours come from ui.yml through model.js (DECAP, keyed by Decap's own phrase key); the editor's
// locale is zh_Hans (config.yml).

import { DECAP } from "./model.js";

function put(tree, path, text) {
  const last = path.pop();
  let node = tree;
  for (const key of path) {
    if (typeof node[key] !== "object" || node[key] === null) node[key] = {};
    node = node[key];
  }
  node[last] = text;
}

/** Decap's zh_Hans phrases with ours over them; `lang` picks the language of ours. */
export function phrases(base, lang = "zh") {
  const tree = structuredClone(base || {});
  for (const [key, texts] of Object.entries(DECAP)) put(tree, key.split("."), texts[lang]);
  return tree;
}

export function registerLocale(CMS) {
  CMS.registerLocale("zh_Hans", phrases(CMS.getLocale("zh_Hans")));
}

// --- where a refusal is, in words ----------------------------------------------------------------

const TEXT = ["zh", "en"];
const PART = /([A-Za-z_]\w*)|\[(\d+)\]/g;

function itemTitle(item) {
  if (item === null || item === undefined) return "";
  if (typeof item !== "object") return String(item);
  const named = item.title || item.name || item;
  return (named && named.zh) || item.id || "";
}

/** A field's path in a record ("courses[0].schedule.end") as a person finds it in the form:
 * "课程列表 › 第 1 项“育婴员培训” › 上课时间 › 结束时间" (labels from model.js SPEC, the item by its title). */
export function place(path, spec, data, strings) {
  const words = [];
  let fields = spec.fields;
  let list = null;
  let value = data;
  for (const [, name, index] of path.matchAll(PART)) {
    if (index !== undefined) {
      value = value ? value[Number(index)] : undefined;
      const title = itemTitle(value);
      words.push(`第 ${Number(index) + 1} 项${title ? `“${title}”` : ""}`);
      fields = list && list.item ? list.item.fields : undefined;
      if (list && list.item && list.item.type === "text") fields = undefined;
      list = null;
      continue;
    }
    const field = (fields || []).find((f) => f.name === name);
    if (!field && TEXT.includes(name)) {
      words.push(strings[name === "zh" ? "editor.chinese" : "editor.english"].zh);
    } else {
      words.push(field ? field.label : name);
    }
    value = value && typeof value === "object" ? value[name] : undefined;
    list = field && field.type === "list" ? field : null;
    fields = field ? field.fields : undefined;
  }
  return words.join(" › ");
}

/** One refusal, "courses[0].schedule.end: 结束早于开始… / ends before…", in Chinese words for the form. */
export function saying(line, spec, data, strings) {
  const cut = line.indexOf(": ");
  const where = cut < 0 ? "" : line.slice(0, cut);
  const message = (cut < 0 ? line : line.slice(cut + 2)).split(" / ")[0];
  const inWords = message.replace(/[A-Za-z_]\w*(?:\[\d+\]|\.[A-Za-z_]\w*)*\[\d+\](?:\[\d+\]|\.[A-Za-z_]\w*)*/g, (path) => place(path, spec, data, strings));
  return where ? `${place(where, spec, data, strings)}：${inWords}` : inWords;
}

/** The error a save is refused with: its text is the refusals (an Error's "Error: " left off, as
 * Decap shows the error itself in its pop-up). */
export function refusal(lines) {
  const error = new Error(lines.join("；"));
  error.name = "";
  return error;
}
