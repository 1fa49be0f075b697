// What the validator refuses within one record and a form cannot say field by field: a required
// field of an optional part that was filled in, Chinese missing where English is given, and an end
// before its start. editor.js refuses to save while any is found, with the validator's message.

import { tidy } from "./format.js";

const PAIRS = [["start", "end", false], ["opens", "closes", false]]; // (from, until, times must differ)
const CLOCK = /^\d\d:\d\d$/;

function fieldsOf(field) {
  return field.type === "text" ? [{ name: "zh", required: true }, { name: "en" }] : field.fields || [];
}

function walk(data, fields, path, messages, found) {
  for (const field of fields) {
    const value = data[field.name];
    const where = path ? `${path}.${field.name}` : field.name;
    if (value === undefined) {
      if (field.required) found.push(`${where}: ${field.type === undefined && field.name === "zh" ? messages.missing_zh : messages.missing}`);
      continue;
    }
    if (field.type === "text" || field.type === "object") walk(value, fieldsOf(field), where, messages, found);
    if (field.type === "list" && field.item) {
      value.forEach((item, i) => walk(item, fieldsOf(field.item), `${where}[${i}]`, messages, found));
    }
  }
  for (const [from, until] of PAIRS) {
    const start = data[from];
    const end = data[until];
    const times = CLOCK.test(String(start)) && CLOCK.test(String(end));
    if (start && end && (times ? end <= start : end < start)) {
      found.push(`${path ? `${path}.` : ""}${until}: ${messages.end_before_start.replaceAll("{start}", start)}`);
    }
  }
}

/** Problems of a record's data as the form holds it, each "where: message". */
export function problems(data, spec, messages) {
  const found = [];
  walk(tidy(data, spec.fields), spec.fields, "", messages, found);
  return found;
}
