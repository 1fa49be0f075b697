// A provider's or venue's public page, rendered in the browser from the site's own templates
// (learning_city/site/templates/lc/), for the editor's preview. The build sends the templates as
// the site reads them (lines joined, overrides first), the interface strings and the site's
// addresses in admin/preview.json (records.preview_json); Nunjucks reads Jinja's syntax. What the
// templates call is here, each a twin of the Python it names: the pages' context is built from
// the form's data in the shape the Python renderers give it (records.provider_page, venue_page).
// tests/test_preview.py renders every shipped record both ways and compares the HTML.

import { fill } from "./checks.js";
import { tidy } from "./format.js";
import { SPEC, TIERS, WEEKDAYS } from "./model.js";

// The model's choices that the templates read as enums (`provider.kind.value`): given to them as
// {value}, as Python's Enum members are. Lists of choices (days, audience) go to helpers as words.
const ENUMS = new Set(["kind", "mode", "category", "status", "method"]);

/** Python's html.escape(quote=True), as templates.py's html() writes every value (Nunjucks' own writes &#39; and &#92;). */
export function escapeHtml(value) {
  return String(value).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;" })[c]);
}

/** urllib.parse.quote_plus: what urlencode leaves as it is (letters, digits, _.-~), spaces as +. */
function quotePlus(value) {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`).replace(/%20/g, "+");
}

/** i18n.number: Python's "{:g}" (six significant digits, an exponent outside 1e-4…1e6). */
export function number(value) {
  const x = Number(value);
  if (!Number.isFinite(x)) return String(value);
  if (x === 0) return "0";
  const [mantissa, exp] = x.toExponential(5).split("e");
  const e = Number(exp);
  if (e < -4 || e >= 6) return `${mantissa.replace(/\.?0+$/, "")}e${e < 0 ? "-" : "+"}${String(Math.abs(e)).padStart(2, "0")}`;
  return String(Number(x.toPrecision(6)));
}

function isoDay(day) {
  return typeof day === "string" ? day.slice(0, 10) : day instanceof Date ? day.toISOString().slice(0, 10) : "";
}

function addDays(day, n) {
  const [y, m, d] = day.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

/** The weekday of an ISO day, as the model names it (mon…sun). */
function weekday(day) {
  const [y, m, d] = day.split("-").map(Number);
  return WEEKDAYS[(new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7];
}

/** The day in Jiaxing now (learning_city/data/today.py without SOURCE_DATE_EPOCH). */
export function todayInJiaxing(now = new Date()) {
  return new Date(now.getTime() + 8 * 3600 * 1000).toISOString().slice(0, 10);
}

/** A record of the form as the model holds it once saved: what format.js would write (tidy),
 * every field the model has present (null, [] or its default, as pydantic fills them), and the
 * choices the templates read as enums given as {value}. */
export function modelShape(data, fields) {
  return shapeObject(tidy(data || {}, fields), fields);
}

function shapeObject(data, fields) {
  const out = {};
  for (const field of fields) out[field.name] = shapeValue(data[field.name], field);
  return out;
}

function shapeValue(value, field) {
  if (value === undefined || value === null || value === "") {
    if (field.type === "list") return [];
    if (!("default" in field)) return null;
    value = field.default;
  }
  if (field.type === "text") return value.zh || value.en ? { zh: value.zh || "", en: value.en || null } : null;
  if (field.type === "object") return shapeObject(value, field.fields);
  if (field.type === "list") {
    const item = field.item;
    if (!item) return value;
    return value.map((v) => shapeValue(v, item)).filter((v) => v !== null);
  }
  if (field.type === "date") return isoDay(value);
  if (ENUMS.has(field.name) && typeof value === "string") return { value };
  return value;
}

/** Nunjucks tests a value for truth as JavaScript does, where an empty list is true; Jinja as
 * Python, where it is false (`{% if children %}`). The context's empty lists are given as null,
 * which both read as nothing and loop over as nothing. */
function jinjaTruth(value) {
  if (Array.isArray(value)) return value.length ? value.map(jinjaTruth) : null;
  if (value && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, jinjaTruth(v)]));
  }
  return value;
}

/** Pages of records rendered in the browser. `nunjucks`: the library (window.nunjucks, or Node's
 * require); `kit`: admin/preview.json; `records`: admin/records.json (names by id). */
export function pages(nunjucks, kit, records) {
  // templates.py's html(): every value escaped the one way, &#x27; for a quote as the site writes it
  // (this replaces Nunjucks' own escape, for every template this page renders)
  nunjucks.lib.escape = escapeHtml;
  const safe = (html) => new nunjucks.runtime.SafeString(html);
  const loader = {
    getSource: (name) => (name in kit.templates ? { src: kit.templates[name], path: name, noCache: false } : null),
  };
  const env = new nunjucks.Environment([loader], { autoescape: true });
  const names = (records && records.names) || { providers: {}, venues: {}, regions: {} };

  // i18n.py
  const t = (key, lang, args = {}) => {
    const found = kit.strings[key];
    if (!found) return ""; // a choice not made yet ("kind." and nothing): the site's build would stop
    return fill(found[lang], args); // Nunjucks' keyword arguments, as Python's **args
  };
  const i18n = {
    number,
    date(day, lang) {
      if (!/^\d{4}-\d\d-\d\d$/.test(isoDay(day))) return ""; // not filled in yet
      const [year, month, d] = isoDay(day).split("-").map(Number);
      return t("date.format", lang, { year, month, day: d, month_name: kit.months[month - 1] });
    },
  };
  const get = (value, lang) => (lang === "en" ? value.en : null) || value.zh;

  // templates.Templates.text: catalogue text in the reader's language, escaped, untranslated text marked
  function text(value, lang, shown) {
    if (value === null || value === undefined) return safe("");
    if (lang === "en" && !value.en) return safe(env.render("lc/untranslated.html", { ...globals, text: shown === undefined ? value.zh : shown, lang }));
    return shown === undefined ? safe(escapeHtml(get(value, lang))) : shown;
  }

  // text.py
  const sep = (lang) => (lang === "zh" ? "、" : ", ");
  const days_text = (days, lang) => (days || []).map((d) => t(`day.${d}`, lang)).join(sep(lang));
  const dates_text = (start, end, lang) => (start && end ? t("label.dates", lang, { start: i18n.date(start, lang), end: i18n.date(end, lang) }) : "");
  const plain = {
    course_anchor: (id) => `course-${id || ""}`, // a new course's id, once typed
    provider_url: (base, id) => `${base}providers/${id}/`,
    venue_url: (base, id) => `${base}venues/${id}/`,
    area_url: (base, id) => `${base}areas/${id}/`,
    county_courses_url: (base, id) => `${base}courses/${id}/`,
    county_courses_page_url: (base, id, n) => `${base}courses/${id}/` + (n > 1 ? `${n}/` : ""),
    email_address: (link) => String(link).replace(/^mailto:/, ""),
    days_text,
    dates_text,
    audience_text: (course, lang) => (course.audience || []).map((a) => t(`audience.${a}`, lang)).join(sep(lang)),
    when_text: (course, lang) => {
      const s = course.schedule || {};
      return `${days_text(s.days, lang)} ${s.start || ""}–${s.end || ""}`;
    },
    fee_text: (course, lang) => {
      const amount = course.fee ? course.fee.amount : null;
      if (amount === null || amount === undefined) return ""; // not filled in yet
      return amount === 0 ? t("label.free", lang) : t("label.yuan", lang, { amount: number(amount) });
    },
  };

  // data/status.py and site/enrolment.py: a course's enrolment on the build's (here: today's) day
  const termOf = (provider, course) => (provider.terms || []).find((term) => term.id === course.term) || null;
  function window(course, term) {
    const own = course.enrolment || {};
    const shared = term ? term.enrolment : null;
    const dates = (course.schedule && course.schedule.dates) || (term ? term.dates : null);
    return {
      opens: own.opens || (shared && shared.opens) || null,
      closes: own.closes || (shared && shared.closes) || null,
      ends: dates ? dates.end : null,
    };
  }
  function enrolmentStatus(course, term, today) {
    const word = course.status ? course.status.value : "open";
    if (word === "cancelled") return { kind: "cancelled" };
    const days = window(course, term);
    if ((days.closes && today > days.closes) || (days.ends && today > days.ends)) return { kind: "closed" };
    if (days.opens && today < days.opens) return { kind: "not-yet", date: days.opens };
    if (word === "full" || word === "waitlist") return { kind: word };
    return { kind: "open", date: days.closes };
  }
  function statusText(status, lang) {
    if (status.kind === "open") return status.date ? t("status.open_until", lang, { date: i18n.date(status.date, lang) }) : t("status.open", lang);
    if (status.kind === "not-yet") return t("status.not_yet", lang, { date: i18n.date(status.date, lang) });
    return t(`status.${status.kind}`, lang);
  }
  function live(facts, today) {
    const kept = facts.status !== "open" ? { status: facts.status } : {};
    if (facts.status === "cancelled") return kept;
    if (facts.opens && today < facts.opens) kept.opens = facts.opens;
    if (facts.closes) kept.closes = facts.closes;
    if (facts.ends && !(facts.closes && facts.closes <= facts.ends)) kept.ends = facts.ends;
    return kept;
  }
  function badge(provider, course, lang, today) {
    const days = window(course, termOf(provider, course));
    const facts = { status: course.status ? course.status.value : "open", opens: days.opens || "", closes: days.closes || "", ends: days.ends || "" };
    const attrs = Object.entries(live(facts, today)).map(([name, value]) => ` data-${name}="${value}"`).join("");
    return safe(`<span class="lc-status"${attrs}>${escapeHtml(statusText(enrolmentStatus(course, termOf(provider, course), today), lang))}</span>`);
  }

  const globals = { t, i18n, text, ...plain };
  for (const [name, value] of Object.entries(globals)) env.addGlobal(name, value);

  function statusGlobals(today) {
    return {
      course_status: (provider, course, lang) => badge(provider, course, lang, today),
      status_as_of: (lang) => safe(`<p class="lc-status-as-of"><small>${escapeHtml(t("status.as_of", lang, { date: i18n.date(today, lang) }))}</small></p>`),
    };
  }

  // records.py
  function reportUrl(path, name, anchor, page, lang) {
    const query = [["title", t("record.report_title", lang, { name, id: anchor })]];
    if (page) query.push(["body", t("record.report_body", lang, { page, file: path })]);
    return `${kit.repository}/issues/new?${query.map(([k, v]) => `${k}=${quotePlus(v)}`).join("&")}`;
  }
  const regionsOf = (id) => (names.regions[id] || []).map((name) => ({ name }));
  const named = (collection, id) => ({ id, name: (names[collection][id] || {}).name || { zh: id } });

  /** The page's variables, as records.provider_page and venue_page give them. `where`: lang,
   * base (the site's root from the page), today (ISO), path (the record's file), qr and jsonld
   * (left empty: a QR code drawn for print, and data for other software, neither seen on screen). */
  function common(record, collection, where) {
    const id = record.id || ""; // a new record's, once typed
    const page = `${kit.site_url}${collection}/${id}/`;
    const path = where.path || `catalogue/${collection}/${id}.yml`;
    return {
      lang: where.lang, base: where.base, repository: kit.repository, path, page, speech_lang: kit.speech_lang[where.lang],
      qr: safe(where.qr || ""), jsonld: safe(where.jsonld || ""), regions: regionsOf(record.region),
      report: reportUrl(path, (record.name && record.name.zh) || "", id, page, where.lang),
    };
  }

  function providerContext(data, where) {
    const provider = modelShape(data, SPEC.providers.fields);
    provider.tier = TIERS[provider.kind && provider.kind.value] || null;
    const base = common(provider, "providers", where);
    const courses = provider.courses;
    const groups = provider.terms.map((term) => [term, courses.filter((c) => c.term === term.id)]).filter(([, cs]) => cs.length);
    const others = courses.filter((c) => !c.term);
    if (others.length) groups.push([null, others]);
    const reports = Object.fromEntries(courses.map((c) => [c.id, reportUrl(base.path, (c.title && c.title.zh) || "", `${provider.id || ""}#${plain.course_anchor(c.id)}`, null, where.lang)]));
    const children = Object.entries(names.providers).filter(([, p]) => p.parent && p.parent === provider.id).map(([id]) => id).sort();
    const venues = Object.fromEntries(courses.filter((c) => c.venue).map((c) => [c.venue, named("venues", c.venue)]));
    return {
      ...base, provider, catalogue: { venues }, reports, groups,
      parent: provider.parent ? named("providers", provider.parent) : null,
      children: children.map((id) => named("providers", id)),
      calendar: `calendars/providers/${provider.id || ""}.ics`,
      course_calendar: (pid, cid) => `calendars/courses/${pid}/${cid || ""}.ics`,
    };
  }

  // venue_today.py: the week from today, and the hours and closures for the venue script (of the
  // rows and closures filled in: a row without its times says nothing yet)
  const hoursOf = (venue) => (venue.opening_hours || []).filter((row) => row.days && row.opens && row.closes);
  function closureOn(venue, day) {
    return (venue.closures || []).find((c) => c.dates && c.dates.start && c.dates.end && c.dates.start <= day && day <= c.dates.end) || null;
  }
  function week(venue, today, lang) {
    const days = [];
    for (let offset = 0; offset < 7; offset++) {
      const day = addDays(today, offset);
      const closure = closureOn(venue, day);
      const hours = closure ? [] : hoursOf(venue).filter((row) => row.days.includes(weekday(day)));
      let shown;
      if (closure) shown = t("today.closed_reason", lang, { reason: get(closure.reason || { zh: "" }, lang) });
      else if (hours.length) shown = hours.map((row) => `${row.opens}–${row.closes}`).join(", ");
      else shown = t("label.closed_days", lang);
      days.push({ date: day, label: `${i18n.date(day, lang)} ${t(`day.${weekday(day)}`, lang)}`, hours: shown, open: hours.length > 0 });
    }
    return days;
  }
  function todayFacts(venue, lang) {
    return JSON.stringify({
      hours: hoursOf(venue).map((row) => ({ days: row.days, opens: row.opens, closes: row.closes })),
      closures: (venue.closures || []).filter((c) => c.dates && c.dates.start && c.dates.end).map((c) => ({ start: c.dates.start, end: c.dates.end, reason: get(c.reason || { zh: "" }, lang) })),
    });
  }

  function venueContext(data, where) {
    const venue = modelShape(data, SPEC.venues.fields);
    const open = new Set(venue.opening_hours.flatMap((row) => row.days || []));
    return {
      ...common(venue, "venues", where), venue,
      closed: WEEKDAYS.filter((d) => !open.has(d)),
      week: week(venue, where.today, where.lang), today_facts: todayFacts(venue, where.lang), today: where.today,
    };
  }

  const CONTEXTS = { providers: providerContext, venues: venueContext };
  const TEMPLATES = { providers: "lc/provider.html", venues: "lc/venue.html" };

  /** The page's main content (what the site puts under the record's name) for the form's data. */
  function render(collection, data, where) {
    const context = jinjaTruth(CONTEXTS[collection](data, where));
    return env.render(TEMPLATES[collection], { ...context, ...statusGlobals(where.today) });
  }
  return { render, env };
}
