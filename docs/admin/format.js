// How the web editor reads and writes a catalogue file: a save is a small diff.
//
// Decap's own YAML writer rewrites the whole file (it drops the schema line, unquotes clock
// times, reorders keys). This one patches the file as it was read: only the values that changed
// are rewritten, in place, and new keys, courses or records are written in the catalogue's
// canonical form (scripts/fmt.py): keys in the model's order, two-space indentation, lists of
// choices in brackets, clock times and any text YAML could misread in double quotes, and the
// schema line first. Runs in the browser (editor.js) and under Node (the tests).

import { isMap, isScalar, isSeq, parse, parseDocument } from "yaml";

const CLOCK = /^(?:[01][0-9]|2[0-3]):[0-5][0-9]$/;
const TEXT = [{ name: "zh", type: "string" }, { name: "en", type: "string" }];
const YAML_OPTIONS = { version: "1.2", schema: "core" };
const FIRST = Number.MAX_SAFE_INTEGER; // removals and replacements apply before insertions at the same place

/** A record file's data as YAML 1.2 reads it (dates and clock times stay text). */
export function read(text) {
  return parseDocument(text, YAML_OPTIONS).toJS();
}

/** Which file data was read from: a record's file by its id; a file of many records (recognitions.yml)
 * has no id of its own, and is the one file of its collection. */
const fileOf = (data) => (data && data.id !== undefined ? `id:${data.id}` : "file");

/** fromFile/toFile for Decap's registerCustomFormat, for one kind of record. */
export function formatter(spec) {
  const sources = new Map(); // fileOf(data) -> the file's text when it was last read
  return {
    fromFile(text) {
      const data = read(text);
      if (data && typeof data === "object") sources.set(fileOf(data), text);
      return data;
    },
    toFile(data) {
      return write(data, spec, sources.get(fileOf(data)));
    },
  };
}

/** The file's new text: `source` patched where `data` differs from it, or a new file. */
export function write(data, spec, source) {
  if (source === undefined) {
    return `${spec.schema_line}\n${renderMap(tidy(data, spec.fields), spec.fields, 0)}`;
  }
  const doc = parseDocument(source, YAML_OPTIONS);
  const edits = [];
  patchMap({ source, doc, edits }, doc.contents, tidy(data, spec.fields, doc.toJS()), spec.fields);
  edits.sort((a, b) => b.start - a.start || b.order - a.order);
  let text = source;
  for (const edit of edits) text = text.slice(0, edit.start) + edit.text + text.slice(edit.end);
  return text;
}

// --- what is kept -------------------------------------------------------------------------

function fieldsOf(spec) {
  return spec.type === "text" ? TEXT : spec.fields || [];
}

function isEmpty(value) {
  return (
    value === undefined || value === null || value === "" ||
    (Array.isArray(value) && value.length === 0) ||
    (typeof value === "object" && !Array.isArray(value) && Object.keys(value).length === 0)
  );
}

/** The data as the catalogue writes it: keys in the model's order, nothing empty, and no default
 * value the original did not have (turning a switch on and off again changes nothing). */
export function tidy(data, fields, original) {
  const out = {};
  const known = new Set(fields.map((f) => f.name));
  for (const field of fields) {
    const value = tidyValue(data[field.name], field, original && original[field.name]);
    const unchanged = original && field.name in original;
    if (isEmpty(value) || (!unchanged && "default" in field && value === field.default)) continue;
    out[field.name] = value;
  }
  for (const [key, value] of Object.entries(data || {})) {
    if (!known.has(key) && !isEmpty(value)) out[key] = value;
  }
  return out;
}

function tidyValue(value, field, original) {
  if (value === undefined || value === null) return undefined;
  if (field.type === "text" || field.type === "object") {
    return typeof value === "object" ? tidy(value, fieldsOf(field), original) : value;
  }
  if (field.type === "list") {
    if (!Array.isArray(value)) return value;
    const item = field.item;
    const items = item
      ? value.map((v, i) => tidyValue(v, item, originalItem(v, i, original)))
      : value.map((v) => (typeof v === "string" ? v.trim() : v));
    return items.filter((v) => !isEmpty(v));
  }
  if (field.type === "number" && typeof value === "string") {
    return value.trim() === "" ? undefined : Number(value);
  }
  return typeof value === "string" ? value.trim() : value;
}

/** The item of the original list a list item was: the one with its id (an item added on top moves
 * the others down), or the one at its place for items without ids. */
function originalItem(value, index, original) {
  if (!Array.isArray(original)) return undefined;
  const hasId = (v) => v !== null && typeof v === "object" && "id" in v;
  return hasId(value) ? original.find((o) => hasId(o) && o.id === value.id) : original[index];
}

// --- writing new text ---------------------------------------------------------------------

const RESERVED = /^(?:y|yes|n|no|true|false|on|off|null|~)$/i;
const NUMBERLIKE = /^[-+]?(?:(?:\d[\d_]*)?\.?\d[\d_]*(?:[eE][-+]?\d+)?|0[xob][\da-f_]+|\.(?:inf|nan))$/i;

/** Whether text can stand unquoted and be read back as the same text by any YAML tool. */
export function plainSafe(text) {
  if (text === "" || text !== text.trim()) return false;
  if (/[\u0000-\u001f\u007f-\u009f\u00a0\u2028\u2029\ufeff]/.test(text)) return false;
  if (/^[-?:,[\]{}#&*!|>'"%@`]/.test(text) || /^\.\.\./.test(text) || /: |\s#|:$/.test(text)) return false;
  if (RESERVED.test(text) || NUMBERLIKE.test(text)) return false;
  if (/^\d+(?::[0-5]?\d)+(?:\.\d*)?$/.test(text) || /^\d{4}-\d\d?-\d\d?/.test(text)) return false;
  return parse(`k: ${text}`, YAML_OPTIONS).k === text;
}

export function scalar(value, field) {
  if (typeof value === "boolean" || typeof value === "number") return String(value);
  const text = String(value);
  if (field && field.type === "date") return text;
  if ((field && field.type === "clock") || CLOCK.test(text) || !plainSafe(text)) return JSON.stringify(text);
  return text;
}

function renderValue(name, value, field, indent) {
  const pad = " ".repeat(indent);
  if (Array.isArray(value)) {
    if (field.flow) return `${pad}${name}: [${value.map((v) => scalar(v)).join(", ")}]\n`;
    const items = value.map((item) =>
      field.item
        ? renderItem(item, fieldsOf(field.item), indent + 2)
        : `${pad}  - ${scalar(item, field)}\n`,
    );
    return `${pad}${name}:\n${items.join("")}`;
  }
  if (value !== null && typeof value === "object") {
    return `${pad}${name}:\n${renderMap(value, fieldsOf(field), indent + 2)}`;
  }
  return `${pad}${name}: ${scalar(value, field)}\n`;
}

function fieldNamed(fields, name) {
  return fields.find((f) => f.name === name) || { name, type: "string" };
}

export function renderMap(data, fields, indent) {
  return Object.entries(data)
    .map(([name, value]) => renderValue(name, value, fieldNamed(fields, name), indent))
    .join("");
}

function renderItem(item, fields, dashIndent) {
  const body = renderMap(item, fields, dashIndent + 2);
  return " ".repeat(dashIndent) + "- " + body.slice(dashIndent + 2);
}

// --- patching the text as it was --------------------------------------------------------

function lineStart(source, pos) {
  return source.lastIndexOf("\n", pos - 1) + 1;
}

function lineEnd(source, pos) {
  const end = source.indexOf("\n", pos);
  return end === -1 ? source.length : end + 1;
}

/** Where a key and its value stand, as whole lines. */
function pairSpan(source, pair) {
  const end = pair.value && pair.value.range ? pair.value.range[1] : pair.key.range[1];
  return [lineStart(source, pair.key.range[0]), lineEnd(source, Math.max(end - 1, pair.key.range[0]))];
}

function itemSpan(source, node) {
  return [lineStart(source, node.range[0]), lineEnd(source, node.range[1] - 1)];
}

function column(source, node) {
  return node.range[0] - lineStart(source, node.range[0]);
}

function same(a, b) {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

function canonical(value) {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.keys(value).sort().map((k) => [k, canonical(value[k])]));
  }
  return value;
}

function patchMap(ctx, node, data, fields) {
  const { source, edits } = ctx;
  const pairs = new Map(node.items.map((pair) => [String(pair.key.value), pair]));
  const indent = node.items.length ? column(source, node.items[0].key) : 0;
  const order = [...fields.map((f) => f.name), ...Object.keys(data).filter((k) => !fields.some((f) => f.name === k))];
  for (const [name, pair] of pairs) {
    if (!(name in data)) {
      const [start, end] = pairSpan(source, pair);
      edits.push({ start, end, text: "", order: FIRST });
    }
  }
  order.forEach((name, index) => {
    if (!(name in data)) return;
    const field = fieldNamed(fields, name);
    const pair = pairs.get(name);
    if (pair) {
      patchValue(ctx, pair, data[name], field, indent);
      return;
    }
    // a new key goes after the last key before it in the model's order
    const before = order.slice(0, index).reverse().find((n) => pairs.has(n));
    const at = before
      ? pairSpan(source, pairs.get(before))[1]
      : lineStart(source, node.items[0].key.range[0]);
    edits.push({ start: at, end: at, text: renderValue(name, data[name], field, indent), order: index });
  });
}

function patchValue(ctx, pair, value, field, indent) {
  const { source, doc, edits } = ctx;
  const node = pair.value;
  if (node && same(node.toJS(doc), value)) return;
  const replacePair = () => {
    const [start, end] = pairSpan(source, pair);
    edits.push({ start, end, text: renderValue(String(pair.key.value), value, field, indent), order: FIRST });
  };
  if (!node) return replacePair();
  if (isScalar(node) && (value === null || typeof value !== "object")) {
    edits.push({ start: node.range[0], end: node.range[1], text: scalar(value, field), order: FIRST });
  } else if (isMap(node) && !node.flow && value && typeof value === "object" && !Array.isArray(value) && node.items.length) {
    patchMap(ctx, node, value, fieldsOf(field));
  } else if (isSeq(node) && node.flow && field.flow && Array.isArray(value)) {
    edits.push({ start: node.range[0], end: node.range[1], text: `[${value.map((v) => scalar(v)).join(", ")}]`, order: FIRST });
  } else if (isSeq(node) && !node.flow && field.item && Array.isArray(value) && node.items.length) {
    patchSeq(ctx, node, value, field, replacePair);
  } else {
    replacePair();
  }
}

/** A list of records: items matched by id (or by place), each patched, added or removed. */
function patchSeq(ctx, node, values, field, replacePair) {
  const { source, doc, edits } = ctx;
  const olds = node.items.map((item) => item.toJS(doc));
  const byId = [...olds, ...values].every((v) => v && typeof v === "object" && "id" in v);
  const keyOf = (v, i) => (byId ? `id:${v.id}` : `at:${i}`);
  const oldKeys = olds.map(keyOf);
  const newKeys = values.map(keyOf);
  const kept = newKeys.filter((k) => oldKeys.includes(k));
  const reordered = kept.join("\n") !== oldKeys.filter((k) => newKeys.includes(k)).join("\n");
  if (reordered || !node.items.every((item) => isMap(item) && !item.flow)) return replacePair();
  const dashIndent = column(source, node.items[0]) - 2;
  node.items.forEach((item, i) => {
    if (!newKeys.includes(oldKeys[i])) {
      const [start, end] = itemSpan(source, item);
      edits.push({ start, end, text: "", order: FIRST });
    }
  });
  let after = lineStart(source, node.items[0].range[0]);
  values.forEach((value, i) => {
    const at = oldKeys.indexOf(newKeys[i]);
    if (at >= 0) {
      const item = node.items[at];
      patchMap(ctx, item, value, fieldsOf(field.item));
      after = itemSpan(source, item)[1];
    } else {
      edits.push({ start: after, end: after, text: renderItem(value, fieldsOf(field.item), dashIndent), order: i + 1 });
    }
  });
}
