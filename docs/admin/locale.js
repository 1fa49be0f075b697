// Decap's own words in Chinese, with ours laid over them where Decap's are jargon (集合, 工作流,
// 新建帖子, 不满足模式), wrong for this site, or missing (Decap falls back to English for those).
// Ours come from ui.yml through model.js (DECAP, keyed by Decap's own phrase key); the editor's
// locale is zh_Hans (config.yml).

import { DECAP, STRINGS } from "./model.js";

/** One of the form's words (ui.yml "editor.*") in Chinese, the language of the people using it. */
export const zh = (key) => STRINGS[key].zh;

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
  return (named && named.zh) || ""; // not its id: a recognition's is English made from its parts ("第 1 项" says enough)
}

/** The steps of a field's path ("courses[0].schedule.end") as the form shows them: a field by its
 * label (model.js SPEC), or an item of a list by its index, with the item's value from `data`. */
export function steps(path, spec, data) {
  const found = [];
  let fields = spec.fields;
  let list = null;
  let value = data;
  for (const [, name, index] of path.matchAll(PART)) {
    if (index !== undefined) {
      value = value ? value[Number(index)] : undefined;
      found.push({ index: Number(index), title: itemTitle(value) });
      fields = list && list.item && list.item.type !== "text" ? list.item.fields : undefined;
      list = null;
      continue;
    }
    const field = (fields || []).find((f) => f.name === name);
    found.push({ name, label: field ? field.label : undefined });
    value = value && typeof value === "object" ? value[name] : undefined;
    list = field && field.type === "list" ? field : null;
    fields = field ? field.fields : undefined;
  }
  return found;
}

/** A field's path as a person finds it in the form:
 * "课程列表 › 第 1 项“育婴员培训” › 上课时间 › 结束时间". */
export function place(path, spec, data, strings) {
  return steps(path, spec, data).map((step) => {
    if (step.index !== undefined) return `第 ${step.index + 1} 项${step.title ? `“${step.title}”` : ""}`;
    if (step.label) return step.label;
    if (TEXT.includes(step.name)) return strings[step.name === "zh" ? "editor.chinese" : "editor.english"].zh;
    return step.name;
  }).join(" › ");
}

/** One refusal, "courses[0].schedule.end: 结束早于开始… / ends before…", for the form: the field's
 * path, where it is in words, and the Chinese message with any path in it in words too. */
export function saying(line, spec, data, strings) {
  const cut = line.indexOf(": ");
  const path = cut < 0 ? "" : line.slice(0, cut);
  const message = (cut < 0 ? line : line.slice(cut + 2)).split(" / ")[0];
  const inWords = message.replace(/[A-Za-z_]\w*(?:\[\d+\]|\.[A-Za-z_]\w*)*\[\d+\](?:\[\d+\]|\.[A-Za-z_]\w*)*/g, (p) => place(p, spec, data, strings));
  return { path, where: path ? place(path, spec, data, strings) : "", message: inWords };
}

const REFUSALS = new WeakSet();
const REFUSAL_TEXTS = new Set(); // as Decap's simple save passes them on: error.toString()

/** The error a save is refused with: its text is the refusals (an Error's "Error: " left off, as
 * Decap shows the error itself in its pop-up). */
export function refusal(lines) {
  const error = new Error(lines.join("；"));
  error.name = "";
  REFUSALS.add(error);
  REFUSAL_TEXTS.add(error.toString());
  return error;
}

/** Whether `reason` (a promise's rejection, or what is logged) is a refusal, or Decap's action for a
 * save that failed with one: with pull requests (unpublishedEntryPersistedFail: its `error`), or
 * without (entryPersistFail: its payload's `error`, the refusal's text). */
export function refused(reason) {
  if (typeof reason !== "object" || reason === null) return false;
  return REFUSALS.has(reason) || REFUSALS.has(reason.error) || REFUSAL_TEXTS.has(reason.payload && reason.payload.error);
}
