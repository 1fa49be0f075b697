// A provider's or venue's public page (and issue 22's records: an event, a team or a resource as the
// page that lists it shows it, the recognitions as their page), rendered in the browser from the site's own templates
// (learning_city/site/templates/lc/), for the editor's preview. The build sends the templates as
// the site reads them (lines joined, overrides first), the interface strings and the site's
// addresses in admin/preview.json (records.preview_json); Nunjucks reads Jinja's syntax. What the
// templates call is here, each a twin of the Python it names: the pages' context is built from
// the form's data in the shape the Python renderers give it (records.provider_page, venue_page).
// tests/test_preview.py renders every shipped record both ways and compares the HTML.

import { fill, todayInJiaxing } from "./checks.js";
import { tidy } from "./format.js";
import { LINK_SCHEMES, SPEC, TIERS, WEEKDAYS } from "./model.js";

// The model's choices that the templates read as enums (`provider.kind.value`): given to them as
// {value}, as Python's Enum members are. Lists of choices (days, audience) go to helpers as words.
const ENUMS = new Set(["kind", "mode", "category", "status", "method"]);

/** Python's html.escape(quote=True), as templates.py's html() writes every value (Nunjucks' own writes &#39; and &#92;). */
export { todayInJiaxing };

export function escapeHtml(value) {
  return String(value).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;" })[c]);
}

/** urllib.parse.quote_plus: what urlencode leaves as it is (letters, digits, _.-~), spaces as +. */
function quotePlus(value) {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`).replace(/%20/g, "+");
}

/** records.query_string: quotePlus, but letters, digits and punctuation beyond ASCII kept as they are. */
function queryString(query) {
  const iri = (value) => Array.from(String(value), (c) => (c.codePointAt(0) >= 0xa0 && !/[\p{C}\p{Z}]/u.test(c) ? c : quotePlus(c))).join("");
  return query.map(([key, value]) => `${quotePlus(key)}=${iri(value)}`).join("&");
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
    counted(key, amount, lang, args = {}) {
      const exact = `${key}.${number(amount)}`;
      return t(exact in kit.strings ? exact : `${key}.n`, lang, { ...args, count: number(amount) });
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
  // links.py: an address from the catalogue is a link only to one of the model's schemes, as written
  const safeLink = new RegExp(`^(?:${LINK_SCHEMES.join("|")}):`, "i");
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
    safe_link: (link) => typeof link === "string" && safeLink.test(link),
    days_text,
    dates_text,
    audience_text: (course, lang) => // common nouns: lower case in an English running list
      (course.audience || []).map((a) => t(`audience.${a}`, lang)).map((l) => (lang === "zh" ? l : l.slice(0, 1).toLowerCase() + l.slice(1))).join(sep(lang)),
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
  function statusElement(course, term, lang, today) {
    const days = window(course, term);
    const facts = { status: course.status ? course.status.value : "open", opens: days.opens || "", closes: days.closes || "", ends: days.ends || "" };
    const attrs = Object.entries(live(facts, today)).map(([name, value]) => ` data-${name}="${value}"`).join("");
    return safe(`<span class="lc-status"${attrs}>${escapeHtml(statusText(enrolmentStatus(course, term, today), lang))}</span>`);
  }
  const badge = (provider, course, lang, today) => statusElement(course, termOf(provider, course), lang, today);
  // enrolment.term_badge: a course of the term with no dates or word of its own
  const termBadge = (term, lang, today) => statusElement({ enrolment: {}, schedule: {} }, term, lang, today);

  const globals = { t, i18n, text, ...plain };
  for (const [name, value] of Object.entries(globals)) env.addGlobal(name, value);

  function statusGlobals(today) {
    return {
      course_status: (provider, course, lang) => badge(provider, course, lang, today),
      term_status: (term, lang) => termBadge(term, lang, today),
      status_as_of: (lang) => safe(`<p class="lc-status-as-of"><small>${escapeHtml(t("status.as_of", lang, { date: i18n.date(today, lang) }))}</small></p>`),
    };
  }

  // records.py
  function reportUrl(path, name, anchor, page, lang) {
    const query = [["title", t("record.report_title", lang, { name, id: anchor })]];
    if (page) query.push(["body", t("record.report_body", lang, { page, file: path })]);
    return `${kit.repository}/issues/new?${queryString(query)}`;
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
    const children = Object.entries(names.providers).filter(([, p]) => p.parent && p.parent === provider.id).map(([id]) => id).sort()
      .map((id) => ({ ...named("providers", id), tier: names.providers[id].tier || null }));
    const tiers = [...new Set(children.map((child) => child.tier))].sort((a, b) => (a || 0) - (b || 0)); // records._by_tier
    const venues = Object.fromEntries(courses.filter((c) => c.venue).map((c) => [c.venue, named("venues", c.venue)]));
    return {
      ...base, provider, catalogue: { venues }, reports, groups,
      parent: provider.parent ? named("providers", provider.parent) : null,
      children: tiers.map((tier) => [tier, children.filter((child) => child.tier === tier)]),
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
      const label = t("date.with_weekday", lang, { date: i18n.date(day, lang), weekday: t(`day.${weekday(day)}`, lang) });
      days.push({ date: day, label, hours: shown, open: hours.length > 0 });
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

  // --- issue 22: the records listed on a shared page (an event, a team, a resource), each shown
  // by the template fragment its page renders it with (lc/event.html, team.html, resource.html)
  // under its page's headings; the recognitions, one file, as their whole page.

  const enums = (values) => (values || []).map((value) => ({ value }));
  const county = (region) => (names.county_of || {})[region] || null;
  const regionNamed = (id) => (id && names.regions[id] ? { name: names.regions[id][names.regions[id].length - 1] } : null);
  const lists = { providers: names.providers, venues: names.venues }; // names (and a venue's address) by id

  // site/events.py
  const eventAnchor = (id) => `event-${id || ""}`;
  const lastDay = (event) => event.end_date || event.date;
  function eventWhen(event, lang) {
    const hours = `${event.start || ""}–${event.end || ""}`;
    if (event.end_date && event.end_date !== event.date) {
      return t("events.days_hours", lang, { days: t("label.dates", lang, { start: i18n.date(event.date, lang), end: i18n.date(event.end_date, lang) }), hours });
    }
    return `${i18n.date(event.date, lang)} ${hours}`;
  }
  function joinText(event, lang) {
    const parts = [t(event.free ? "label.free" : "events.paid", lang), t(event.join && event.join.booking ? "events.booking" : "events.walk_in", lang)];
    if (event.join && event.join.note) parts.push(get(event.join.note, lang));
    return parts.join(" · ");
  }
  function eventContext(data, where) {
    const event = modelShape(data, SPEC.events.fields);
    const past = Boolean(event.date) && lastDay(event) < where.today;
    const week = Boolean(event.date) && !past && event.date <= addDays(where.today, 6); // data/events.py this_week
    const [year, month] = (event.date || "").split("-").map(Number);
    return {
      ...lists, lang: where.lang, base: where.base, event, past, level: past ? 3 : 4,
      month: month ? t("events.month", where.lang, { year, month, month_name: kit.months[month - 1] }) : "",
      week, now: week ? { [event.id]: true } : {}, anchor: eventAnchor, learning_week: "learning-week",
      when_text: eventWhen, join_text: joinText, calendar_path: (id) => `calendars/events/${id || ""}.ics`,
    };
  }

  // site/teams.py
  function teamContext(data, where) {
    const team = modelShape(data, SPEC.teams.fields);
    const id = county(team.region);
    return {
      ...lists, lang: where.lang, base: where.base, team, county: regionNamed(id) || { name: null },
      town_of: (region) => (region && region !== id ? regionNamed(region) : null),
      team_anchor: (tid) => `team-${tid || ""}`, teams_url: (base, cid) => `${base}teams/` + (cid ? `${cid}/` : ""),
    };
  }
  function resourceContext(data, where) {
    const resource = modelShape(data, SPEC.resources.fields);
    resource.languages = enums(resource.languages);
    return {
      ...lists, lang: where.lang, base: where.base, resource,
      subject: resource.subject ? t(`category.${resource.subject}`, where.lang) : "", subject_anchor: `subject-${resource.subject || ""}`,
      resource_anchor: (rid) => `resource-${rid || ""}`,
    };
  }

  // site/recognitions.py and data/recognitions.py: a resident named only with consent
  const sameText = (a, b) => Boolean(a && b) && a.zh === b.zh && (a.en || null) === (b.en || null);
  function recipient(r) {
    if (r.organisation) return r.organisation;
    if (r.kind.value === "learning-star") return r.name_public ? r.person : null;
    if (r.provider && names.providers[r.provider]) return names.providers[r.provider].name;
    return regionNamed(r.region) ? regionNamed(r.region).name : null;
  }
  function recognitionCounty(r) {
    if (r.region) return county(r.region);
    const provider = names.providers[r.provider || ""];
    return provider ? county(provider.region) : null;
  }
  function entry(r) {
    const cid = recognitionCounty(r);
    const countyName = cid ? regionNamed(cid).name : null;
    const town = r.region && r.region !== cid ? regionNamed(r.region) : null;
    const who = recipient(r);
    return {
      record: r, county: cid ? { name: countyName } : null,
      town: town && !sameText(town.name, who) ? town : null,
      who: countyName && sameText(who, countyName) ? null : who,
      resident: r.kind.value === "learning-star" && !who,
      provider: r.provider && names.providers[r.provider] ? r.provider : null,
    };
  }
  function recognitionsContext(data, where) {
    const all = modelShape(data, SPEC.recognitions.fields).recognitions.filter((r) => r.kind && r.year);
    const order = Object.fromEntries((names.counties || []).map((id, n) => [id, n]));
    const place = (r) => [recognitionCounty(r) === null ? Object.keys(order).length : order[recognitionCounty(r)], r.id || ""];
    const byPlace = (a, b) => { const [x, y] = [place(a), place(b)]; return x[0] - y[0] || (x[1] < y[1] ? -1 : x[1] > y[1] ? 1 : 0); };
    const sections = [];
    for (const kind of kit.recognition_kinds) {
      const held = all.filter((r) => r.kind.value === kind).map((r) => ({ ...r, level: r.level ? { value: r.level } : null }));
      if (!held.length) continue;
      const years = [...new Set(held.map((r) => Number(r.year)))].sort((a, b) => b - a);
      sections.push({
        kind: { value: kind }, count: held.length, targets: ((names.recognition_targets || {})[kind] || []),
        years: years.map((year) => [year, held.filter((r) => Number(r.year) === year).sort(byPlace).map(entry)]),
      });
    }
    return {
      lang: where.lang, base: where.base, sections, has_sample: all.some((r) => r.sample),
      kind_anchor: (kind) => `recognitions-${kind.value}`, year_anchor: (kind, year) => `recognitions-${kind.value}-${year}`,
      recognition_anchor: (id) => `recognition-${id || ""}`, target_anchor: (id) => `target-${id}`,
    };
  }

  // templates.sentence: an interface string with HTML put into its {placeholders}, the words escaped
  env.addGlobal("sentence", (key, lang, parts) => {
    const escaped = Object.fromEntries(Object.entries(parts || {}).filter(([name]) => name !== "__keywords").map(([name, part]) => [name, part instanceof nunjucks.runtime.SafeString ? String(part) : escapeHtml(part)]));
    return safe(fill(escapeHtml((kit.strings[key] || { [lang]: "" })[lang]), escaped));
  });

  // the fragment under its page's headings: what the events, teams and resources pages put around it
  const FRAGMENTS = {
    events: '{% import "lc/event.html" as e with context %}<div class="lc-directory lc-events">{% if past %}<h2 class="lc-past">{{ t("events.past", lang) }}</h2>{% else %}<h3 class="lc-month{% if week %} lc-now{% endif %}">{{ month }}</h3>{% endif %}{{ e.event_section(event, level) }}</div>',
    teams: '{% import "lc/team.html" as tm with context %}<div class="lc-directory lc-teams">{{ tm.team_section(team) }}</div>',
    resources: '{% import "lc/resource.html" as rs with context %}<div class="lc-directory lc-resources"><h2 id="{{ subject_anchor }}">{{ subject }}</h2>{{ rs.resource_section(resource) }}</div>',
  };

  const CONTEXTS = { providers: providerContext, venues: venueContext, events: eventContext, teams: teamContext, resources: resourceContext, recognitions: recognitionsContext };
  const TEMPLATES = { providers: "lc/provider.html", venues: "lc/venue.html", recognitions: "lc/recognitions.html" };

  /** The page's main content (what the site puts under the page's title) for the form's data. */
  function render(collection, data, where) {
    const context = { ...jinjaTruth(CONTEXTS[collection](data, where)), ...statusGlobals(where.today) };
    return collection in FRAGMENTS ? env.renderString(FRAGMENTS[collection], context) : env.render(TEMPLATES[collection], context);
  }

  /** The page's title: a provider's or venue's name, or the title of the page that lists the record. */
  function title(collection, data, lang) {
    const name = (data && data.name && data.name.zh) || "";
    if (collection === "events") return t("nav.events", lang);
    if (collection === "resources") return t("nav.resources", lang);
    if (collection === "recognitions") return t("nav.recognitions", lang);
    if (collection === "teams") {
      const id = county(data && data.region);
      return id ? t("teams.county_title", lang, { county: get(regionNamed(id).name, lang) }) : t("nav.teams", lang);
    }
    return name;
  }
  return { render, title, env };
}
