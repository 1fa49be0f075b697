// What the validator refuses within one record and a form cannot say field by field: a required
// field of an optional part that was filled in, Chinese missing where English is given, and a field
// before the one it follows (an end before its start, a last day before the first, a maximum age
// below the minimum: each field's "after", generated from the model's ordered pairs). editor.js
// refuses to save while any is found, with the validator's message.

import { tidy } from "./format.js";
import { COUNTY_TIER, FOR_KIND, PROVIDER_KINDS, REFERENCES, SPEC, WEEKDAY_NAMES, WEEKDAYS } from "./model.js";

function fieldsOf(field) {
  if (field.type !== "text") return field.fields || [];
  const { line, max_length } = field; // a text's bounds hold for its Chinese and its English
  return [{ name: "zh", required: true, line, max_length }, { name: "en", line, max_length }];
}

/** What the model bounds in one value beyond its widget (model.py, through the spec): its length,
 * a line break in one-line text, an id the site reserves, an item of a list given twice, a date (or
 * each of a list) out of range. */
function valueProblems(field, value, where, messages, found) {
  const say = (code, args = {}) => found.push(`${where}: ${fill(messages[code], args)}`);
  if (typeof value === "string") {
    if (field.max_length && [...value].length > field.max_length) say("too_long", { limit: field.max_length });
    if (field.line && /[\n\r\t]/.test(value)) say("line_break");
    if (field.reserved && field.reserved.includes(value)) say("reserved_id", { value });
  }
  if (field.unique && Array.isArray(value)) {
    const twice = value.find((item, i) => value.indexOf(item) !== i); // a holiday picked twice
    if (twice !== undefined) say("repeated", { value: twice });
  }
  if (!field.earliest) return;
  const days = Array.isArray(value) ? value.map((day, i) => [day, `${where}[${i}]`]) : [[value, where]];
  for (const [day, at] of days) {
    if (typeof day === "string" && /^\d{4}-\d\d-\d\d$/.test(day) && (day < field.earliest || day > field.latest)) {
      found.push(`${at}: ${fill(messages.date_out_of_range, { value: day, min: field.earliest, max: field.latest })}`);
    }
  }
}

function walk(data, fields, path, messages, found) {
  for (const field of fields) {
    const value = data[field.name];
    const where = path ? `${path}.${field.name}` : field.name;
    if (value === undefined) {
      if (field.required) found.push(`${where}: ${field.type === undefined && field.name === "zh" ? messages.missing_zh : messages.missing}`);
      continue;
    }
    valueProblems(field, value, where, messages, found);
    if (field.type === "text" || field.type === "object") walk(value, fieldsOf(field), where, messages, found);
    if (field.type === "list" && field.item) {
      value.forEach((item, i) => walk(item, fieldsOf(field.item), `${where}[${i}]`, messages, found));
    }
  }
  for (const field of fields.filter((f) => f.after)) {
    const { field: earlier, strictly, code } = field.after; // model.py not_before, on the later field
    const start = data[earlier];
    const end = data[field.name];
    if (start === undefined || start === null || end === undefined || end === null || start === "" || end === "") continue;
    if (strictly ? end <= start : end < start) {
      found.push(`${path ? `${path}.` : ""}${field.name}: ${fill(messages[code], { start, other: earlier })}`);
    }
  }
}

/** Problems of a record's data as the form holds it, each "where: message". */
export function problems(data, spec, messages) {
  const found = [];
  walk(tidy(data, spec.fields), spec.fields, "", messages, found);
  return found;
}

// --- across a record's parts and across records (learning_city/data/loader.py's rules) ---------
// `context`: what the form cannot see in the record itself. `records` is admin/records.json, the
// ids of the published catalogue (providers with their kind, venues), written by the build;
// `tiers` the network tier of each kind of provider (model.js); `slug` the file the record was read
// from (absent for a new record).

const DAY = 86400000;

/** The day in Jiaxing now (learning_city/data/today.py without SOURCE_DATE_EPOCH). */
export function todayInJiaxing(now = new Date()) {
  return new Date(now.getTime() + 8 * 3600 * 1000).toISOString().slice(0, 10);
}

/** A message with its {placeholders} filled from `args`. */
export function fill(message, args) {
  return message.replace(/\{(\w+)\}/g, (_, name) => (name in args ? String(args[name]) : `{${name}}`));
}

/** unknown_ref's arguments naming what was referred to (problems.REFERENCES). */
function reference(kind) {
  const [what, what_en] = REFERENCES[kind];
  return { what, what_en };
}

function day(value) {
  const m = /^(\d{4})-(\d\d)-(\d\d)$/.exec(String(value || ""));
  return m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : null;
}

function weekday(time) {
  return WEEKDAYS[(new Date(time).getUTCDay() + 6) % 7];
}

/** How many days a class meets between its dates, counted as status.meeting_count counts them. */
function meetings(schedule, start, end) {
  const wanted = new Set((schedule.days || []).map((d) => WEEKDAYS.indexOf(d)));
  const total = Math.round((end - start) / DAY) + 1;
  const weeks = Math.floor(total / 7);
  const first = WEEKDAYS.indexOf(weekday(start));
  let count = weeks * wanted.size;
  for (let i = 0; i < total % 7; i += 1) if (wanted.has((first + i) % 7)) count += 1;
  const skipped = new Set((schedule.except_dates || []).map(day).filter((t) => t !== null && start <= t && t <= end));
  for (const t of skipped) if (wanted.has(WEEKDAYS.indexOf(weekday(t)))) count -= 1;
  return count;
}

function duplicates(items, where, add) {
  const seen = new Map();
  (items || []).forEach((item, i) => {
    const id = item && item.id;
    if (!id) return;
    if (seen.has(id)) add(`${where}[${i}].id`, "duplicate_id", { value: id, first: `${where}[${seen.get(id)}]` });
    else seen.set(id, i);
  });
}

/** A term's or class's first and last day, or null: none given, or the wrong way round. The validator
 * refuses reversed dates (end_before_start, which `problems` says) and judges nothing by them; counted,
 * they gave each class a negative number of class days ("课次 15 多于日期范围内的上课日（-19 天）"). */
function span(dates) {
  const start = dates && day(dates.start);
  const end = dates && day(dates.end);
  return start !== null && start !== undefined && end !== null && end !== undefined && start <= end ? { start, end } : null;
}

function enrolmentFits(enrolment, dates, where, add) {
  const within = span(dates);
  if (!enrolment || !within) return;
  for (const key of ["opens", "closes"]) {
    if (enrolment[key] && day(enrolment[key]) > within.end) add(`${where}.${key}`, "enrolment_after_end", { date: enrolment[key], end: dates.end });
  }
}

/** Characters that show text other than it is (the validator's list, `hidden` from model.js), wherever they are. */
function hiddenCharacters(value, where, hidden, add) {
  if (typeof value === "string") {
    const found = value.match(hidden);
    if (found) add(where, "hidden_character", { char: `U+${found[0].codePointAt(0).toString(16).toUpperCase().padStart(4, "0")}` });
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => hiddenCharacters(item, `${where}[${i}]`, hidden, add));
  } else if (value && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) hiddenCharacters(item, where ? `${where}.${key}` : key, hidden, add);
  }
}

/** Every field that names another record (a region, a venue, a provider, a parent: its spec's
 * "refers", generated from the model) names one the catalogue has, in any collection, at any depth
 * (loader.py, events.py, teams.py: unknown_ref). */
function references(data, fields, path, records, add) {
  for (const field of fields || []) {
    const value = data && data[field.name];
    if (value === undefined || value === null || value === "") continue;
    const where = path ? `${path}.${field.name}` : field.name;
    const known = field.refers === "regions" ? (records.names || {}).regions || {} : records[field.refers] || {};
    if (field.refers && !Object.hasOwn(known, value)) add(where, "unknown_ref", { ...reference(field.name), value });
    if (field.type === "object") references(value, field.fields, where, records, add);
    if (field.type === "list" && field.item && field.item.type === "object" && Array.isArray(value)) {
      value.forEach((item, i) => references(item, field.item.fields, `${where}[${i}]`, records, add));
    }
  }
}

/** An event names who holds it, and a place or a link for how it is held (learning_city/data/events.py). */
function eventProblems(data, add) {
  if (!data.venue && !data.provider) add(data.mode === "online" ? "provider" : "venue", "event_no_host"); // the field to fill (events.py host_field)
  if ((data.mode === "in-person" || data.mode === "blended") && !data.venue && !data.place) add("mode", "event_no_place", { mode: data.mode });
  if ((data.mode === "online" || data.mode === "blended") && !data.online_url) add("mode", "event_no_link", { mode: data.mode });
}

/** A value given: an id chosen, or a text with a Chinese or English part typed (tidy leaves an emptied part out). */
const given = (value) => (typeof value === "string" ? value.trim() !== "" : Boolean(value && (value.zh || value.en)));

/** The bureau's recognitions (learning_city/data/model.py Recognition, loader.py): ids unique in the
 * file (the region and provider real: references()), a resident's name only on a 百姓学习之星 and
 * an organisation's on (and always on) a 学习型组织, a school's title on a school (provider) and any
 * other on a region or none, a city-wide title (model.js FOR_KIND, with each kind's Chinese for the
 * message the clerk reads), consent only with a name (a field's "consent_of"). */
function recognitionProblems(data, add) {
  const fields = SPEC.recognitions.fields.find((f) => f.name === "recognitions").item.fields;
  duplicates(data.recognitions, "recognitions", add);
  (data.recognitions || []).forEach((recognition, i) => {
    if (!recognition) return;
    const where = `recognitions[${i}]`;
    const { kind } = recognition;
    const { fields: bound, kinds } = FOR_KIND.recognitions; // kinds: each kind's Chinese, for the message
    for (const [name, { kinds: only, required }] of Object.entries(bound)) {
      const shown = only.map((k) => kinds[k] || k).join("、");
      if (kind && given(recognition[name]) && !only.includes(kind)) add(`${where}.${name}`, "not_for_kind", { kind: kinds[kind] || kind, only: shown, only_en: only.join(", ") });
      if (required && only.includes(kind) && !given(recognition[name])) add(`${where}.${name}`, "missing");
    }
    for (const field of fields.filter((f) => f.consent_of)) {
      if (recognition[field.name] === true && !given(recognition[field.consent_of])) add(`${where}.${field.name}`, "consent_without_person");
    }
  });
  // a title listed twice, as loader.py _recognitions_once: a learning star with no name given may repeat
  const first = new Map();
  (data.recognitions || []).forEach((r, i) => {
    if (!r || (r.kind === "learning-star" && !given(r.person))) return;
    const key = JSON.stringify([r.kind, r.level, Number(r.year), r.region || null, r.provider || null, r.person || null, r.organisation || null]);
    if (first.has(key)) add(`recognitions[${i}].kind`, "repeated_recognition", { row: first.get(key) + 1 });
    else first.set(key, i);
  });
}

/** A provider's kind still one tier above the providers under it (records.json "names": each one's
 * parent and tier), as loader.py _children_fit: a school's type changed here would otherwise fail
 * their files, which the person never opened. */
function childrenFit(data, records, tiers, add) {
  const wrong = new Map(); // the tier they need -> [id, record] of each, by id (records.json's order)
  for (const [id, child] of Object.entries((records.names || {}).providers || {})) {
    if (child.parent !== data.id || typeof child.tier !== "number" || tiers[data.kind] === child.tier - 1) continue;
    wrong.set(child.tier - 1, [...(wrong.get(child.tier - 1) || []), [id, child]]);
  }
  for (const [tier, children] of [...wrong].sort(([a], [b]) => a - b)) {
    const children_zh = children.map(([id, child]) => (child.name && child.name.zh) || id).join("、");
    add("kind", "children_wrong_tier", { tier, kind: data.kind, children: children_zh, children_en: children.map(([id]) => id).join(", ") });
  }
}

/** A region's county (records.json "names": each region's county, and its name), or none for a region not known. */
function countyOf(records, region) {
  const names = records.names || {};
  const id = (names.county_of || {})[region];
  const name = id && ((names.regions || {})[id] || [])[0];
  return id ? { id, zh: (name && name.zh) || id, en: (name && (name.en || name.zh)) || id } : null;
}
const countyNames = (prefix, county) => ({ [`${prefix}county`]: county.zh, [`${prefix}county_en`]: county.en });

/** What a record names, in the county it says it is in (learning_city/data/places.py): a town or
 * village school's parent; the schools under a school (its region changed here would fail their
 * files); an event's venue, a team's meeting venues. */
function placesFit(collection, data, records, tiers, slug, add) {
  const names = records.names || {};
  const county = countyOf(records, data.region);
  if (!county) return; // a region not known: unknown_ref
  const venueFits = (id, where) => {
    const venue = (names.venues || {})[id];
    const there = venue && countyOf(records, venue.region);
    if (!there || there.id === county.id) return;
    add(where, "venue_other_county", { venue: venue.name.zh, venue_en: venue.name.en || id, ...countyNames("", county), ...countyNames("venue_", there) });
  };
  if (collection === "events") venueFits(data.venue, "venue");
  if (collection === "teams") (data.meetings || []).forEach((meeting, i) => meeting && venueFits(meeting.venue, `meetings[${i}].venue`));
  if (collection !== "providers") return;
  const parent = (names.providers || {})[data.parent];
  const parentCounty = parent && countyOf(records, parent.region);
  if (parentCounty && tiers[data.kind] >= COUNTY_TIER && parentCounty.id !== county.id) {
    add("parent", "parent_other_county", {
      parent: parent.name.zh, parent_en: parent.name.en || data.parent, ...countyNames("", county), ...countyNames("parent_", parentCounty),
    });
  }
  if (!data.id || slug !== data.id) return; // a new record has no schools under it yet
  const away = new Map(); // county id -> [id, record] of each school under this one there, by id
  for (const [id, child] of Object.entries(names.providers || {})) {
    const there = child.parent === data.id && child.tier >= COUNTY_TIER && countyOf(records, child.region);
    if (there && there.id !== county.id) away.set(there.id, [...(away.get(there.id) || []), [id, child, there]]);
  }
  for (const [, children] of [...away].sort(([a], [b]) => (a < b ? -1 : 1))) {
    add("region", "children_other_county", {
      children: children.map(([id, child]) => (child.name && child.name.zh) || id).join("、"),
      children_en: children.map(([id]) => id).join(", "),
      ...countyNames("", county),
      ...countyNames("children_", children[0][2]),
    });
  }
}

/** A day's rows of opening hours apart from each other, as loader.py _hours_apart: on the later row. */
function hoursApart(hours, add) {
  (hours || []).forEach((row, later) => {
    for (const [earlier, other] of (hours || []).slice(0, later).entries()) {
      const day = row && other && (row.days || []).find((d) => (other.days || []).includes(d));
      if (day && row.opens < other.closes && other.opens < row.closes) {
        add(`opening_hours[${later}]`, "hours_overlap", { day: WEEKDAY_NAMES[day] || day, day_en: day, row: earlier + 1, opens: other.opens, closes: other.closes });
        break;
      }
    }
  });
}

/** Problems of one provider, venue or event, or of the recognitions, against the rest of the catalogue, each [where, code, args]. */
export function crossProblems(collection, data, context) {
  const found = [];
  const add = (where, code, args = {}) => found.push([where, code, args]);
  const { records = {}, tiers = {}, slug, hidden, today = todayInJiaxing() } = context;
  const known = records[collection] || {};
  // a year still to come where only a past one can be (loader.py _not_yet)
  (collection === "recognitions" ? data.recognitions || [] : []).forEach((recognition, i) => {
    if (recognition && Number(recognition.year) > Number(today.slice(0, 4))) add(`recognitions[${i}].year`, "not_yet", { value: recognition.year, today });
  });
  if (hidden) hiddenCharacters(data, "", new RegExp(hidden, "u"), add);
  if (SPEC[collection]) references(data, SPEC[collection].fields, "", records, add);
  if (data.id && slug === undefined && Object.hasOwn(known, data.id)) {
    add("id", "duplicate_id", { value: data.id, first: `catalogue/${collection}/${data.id}.yml` });
  }
  if (data.id && slug !== undefined && data.id !== slug) add("id", "id_mismatch", { value: data.id, stem: slug });
  if (collection === "events") eventProblems(data, add);
  if (collection === "recognitions") recognitionProblems(data, add);
  placesFit(collection, data, records, tiers, slug, add);
  if (collection === "venues") hoursApart(data.opening_hours, add);
  if (collection !== "providers") return found;
  const parentKind = (records.providers || {})[data.parent]; // none for a parent unknown, refused by references()
  if (data.parent && parentKind !== undefined) {
    const tier = tiers[data.kind];
    if (tier === undefined) add("parent", "no_kind_tier", { kind: PROVIDER_KINDS[data.kind] || data.kind }); // 中职学校, as the form names it
    else if (tiers[parentKind] !== tier - 1) add("parent", "wrong_parent_tier", { tier: tier - 1 });
  }
  if (data.id && slug !== undefined && data.id === slug) childrenFit(data, records, tiers, add); // a new record has none yet
  for (const list of ["terms", "courses", "projects"]) duplicates(data[list], list, add);
  const terms = new Map((data.terms || []).filter((t) => t && t.id).map((t) => [t.id, t]));
  (data.terms || []).forEach((term, i) => term && enrolmentFits(term.enrolment, term.dates, `terms[${i}].enrolment`, add));
  (data.courses || []).forEach((course, i) => {
    if (!course) return;
    const where = `courses[${i}]`;
    if (course.term && !terms.has(course.term)) add(`${where}.term`, "unknown_ref", { ...reference("term"), value: course.term });
    const schedule = course.schedule || {};
    const dates = schedule.dates || (terms.get(course.term) || {}).dates;
    enrolmentFits(course.enrolment, dates, `${where}.enrolment`, add);
    const within = span(dates);
    if (!within) return;
    const { start, end } = within;
    (schedule.except_dates || []).forEach((skip, d) => {
      const t = day(skip);
      if (t !== null && !(start <= t && t <= end && (schedule.days || []).includes(weekday(t)))) {
        add(`${where}.schedule.except_dates[${d}]`, "not_a_class_day", { date: skip });
      }
    });
    const possible = meetings(schedule, start, end);
    if (possible === 0) {
      const days = schedule.days || [];
      add(`${where}.schedule.days`, "no_class_day", {
        start: dates.start, end: dates.end,
        days: days.map((d) => WEEKDAY_NAMES[d] || d).join("、"), days_en: days.join(", "), // 周六, as the form names it
      });
    } else if (schedule.sessions && schedule.sessions > possible) {
      add(`${where}.schedule.sessions`, "too_many_sessions", { sessions: schedule.sessions, possible });
    }
  });
  return found;
}

/** crossProblems as the form shows them, "where: message". */
export function crossMessages(collection, data, spec, context, messages) {
  return crossProblems(collection, tidy(data, spec.fields), context).map(([where, code, args]) => `${where}: ${fill(messages[code], args)}`);
}
