// The editor's preview pane: a provider or venue as its page shows it (learning_city/site/records.py),
// in Chinese, with the page's own labels (from ui.yml, through the generated model.js).
// React escapes every text it is given: record text stays text here as on the site.

import { fill } from "./checks.js";

export const PREVIEW_CSS = `
body { font-family: system-ui, "Noto Sans CJK SC", sans-serif; margin: 1rem 1.5rem; line-height: 1.6; color: #222; }
h1 { font-size: 1.6rem; margin: 0 0 .5rem; } h2 { font-size: 1.3rem; margin-top: 1.5rem; } h3 { font-size: 1.1rem; margin: 1rem 0 .25rem; }
.lc-facts { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; margin: .5rem 0; }
.lc-facts dt { font-weight: 600; } .lc-facts dd { margin: 0; }
.lc-course { border-top: 1px solid #ddd; padding-top: .5rem; margin-top: .5rem; }
.lc-sample { background: #fff3cd; padding: .25rem .5rem; }
`;

function strings(STRINGS) {
  return (key, args = {}) => {
    const found = STRINGS[key];
    if (!found) return key;
    return fill(found.zh, args);
  };
}

function text(value) {
  return (value && (value.zh || value.en)) || "";
}

function dateText(t, value) {
  const m = /^(\d{4})-(\d\d)-(\d\d)$/.exec(value || "");
  return m ? t("date.format", { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) }) : value || "";
}

function number(value) {
  return typeof value === "number" ? String(value) : value || "";
}

function facts(h, rows) {
  const items = [];
  for (const [label, value] of rows) {
    if (value === undefined || value === null || value === "" || value === false) continue;
    items.push(h("dt", { key: `${label}-t` }, label), h("dd", { key: `${label}-d` }, value));
  }
  return h("dl", { className: "lc-facts" }, items);
}

function enrolment(t, value) {
  if (!value || !value.method) return "";
  const parts = [t(`enrol.${value.method}`)];
  if (value.opens && value.closes) parts.push(t("label.dates", { start: dateText(t, value.opens), end: dateText(t, value.closes) }));
  if (value.note) parts.push(text(value.note));
  if (value.url) parts.push(`${t("label.enrol_link")}: ${value.url}`);
  return parts.join(" · ");
}

function days(t, list) {
  return (list || []).map((d) => t(`day.${d}`)).join("、");
}

function courseBlock(h, t, course) {
  const s = course.schedule || {};
  let when = `${days(t, s.days)} ${s.start || ""}–${s.end || ""}`;
  if (s.dates && s.dates.start && s.dates.end) when += ` · ${t("label.dates", { start: dateText(t, s.dates.start), end: dateText(t, s.dates.end) })}`;
  const amount = course.fee && course.fee.amount;
  let fee = amount === 0 || amount === "0" ? t("label.free") : amount ? t("label.yuan", { amount: number(amount) }) : "";
  if (course.fee && course.fee.note) fee += ` (${text(course.fee.note)})`;
  const where = [text(course.place), course.venue].filter(Boolean).join(" · ");
  return h("article", { className: "lc-course", key: course.id || Math.random() }, [
    h("h3", { key: "h" }, text(course.title)),
    course.description ? h("p", { key: "p" }, text(course.description)) : null,
    h("div", { key: "f" }, facts(h, [
      [t("label.schedule"), when],
      [t("label.hours"), number(course.hours)],
      [t("label.fee"), fee],
      [t("label.capacity"), number(course.capacity)],
      [t("label.audience"), (course.audience || []).map((a) => t(`audience.${a}`)).join("、")],
      [t("label.mode"), course.mode ? t(`mode.${course.mode}`) : ""],
      [t("label.category"), course.category ? t(`category.${course.category}`) : ""],
      [t("label.place"), where],
      [t("label.enrolment"), enrolment(t, course.enrolment)],
    ])),
  ]);
}

function coursesByTerm(h, t, record) {
  const courses = (record.courses || []).filter(Boolean);
  if (!courses.length) return [h("p", { key: "none" }, t("label.no_courses"))];
  const parts = [];
  for (const term of (record.terms || []).filter(Boolean)) {
    const inTerm = courses.filter((c) => c.term && c.term === term.id);
    if (!inTerm.length) continue;
    const dates = term.dates ? t("label.dates", { start: dateText(t, term.dates.start), end: dateText(t, term.dates.end) }) : "";
    const window = enrolment(t, term.enrolment);
    parts.push(h("section", { key: `term-${term.id}` }, [
      h("h3", { key: "h" }, text(term.name)),
      h("p", { key: "p" }, window ? `${dates} · ${t("label.enrolment")}: ${window}` : dates),
      ...inTerm.map((c) => courseBlock(h, t, c)),
    ]));
  }
  const others = courses.filter((c) => !c.term || !(record.terms || []).some((term) => term && term.id === c.term));
  if (others.length) {
    parts.push(h("section", { key: "others" }, [
      parts.length ? h("h3", { key: "h" }, t("label.other_courses")) : null,
      ...others.map((c) => courseBlock(h, t, c)),
    ]));
  }
  return parts;
}

function regionLabel(collection, id) {
  const field = collection && collection.get("fields").find((f) => f.get("name") === "region");
  const option = field && field.get("options").find((o) => o.get("value") === id);
  return option ? option.get("label") : id || "";
}

function contactRows(t, record) {
  const c = record.contact || {};
  return [
    [t("label.address"), text(record.address)],
    [t("label.phone"), c.phone],
    [t("label.email"), (c.email || "").replace(/^mailto:/, "")],
    [t("label.website"), c.website],
  ];
}

function ageRule(t, rule) {
  if (!rule) return "";
  let shown = "";
  if (rule.min_age != null && rule.max_age != null) shown = t("label.age_range", { min: rule.min_age, max: rule.max_age });
  else if (rule.min_age != null) shown = t("label.age_min", { min: rule.min_age });
  if (rule.note) shown = shown ? `${shown} · ${text(rule.note)}` : text(rule.note);
  return shown;
}

export function providerPreview(h, STRINGS) {
  const t = strings(STRINGS);
  return function ProviderPreview({ entry, collection }) {
    const record = entry.get("data").toJS();
    return h("div", { className: "lc-record lc-provider" }, [
      h("h1", { key: "title" }, text(record.name)),
      record.sample ? h("p", { key: "sample", className: "lc-sample" }, t("sample.badge")) : null,
      record.description ? h("p", { key: "description" }, text(record.description)) : null,
      h("div", { key: "facts" }, facts(h, [
        [t("label.kind"), record.kind ? t(`kind.${record.kind}`) : ""],
        [t("label.plaques"), (record.plaques || []).map(text).join("；")],
        [t("label.parent"), record.parent],
        [t("label.region"), regionLabel(collection, record.region)],
        ...contactRows(t, record),
        [t("label.age_rule"), ageRule(t, record.age_rule)],
      ])),
      (record.projects || []).length ? h("h2", { key: "projects-h" }, t("label.projects")) : null,
      (record.projects || []).length
        ? h("ul", { key: "projects" }, record.projects.filter(Boolean).map((p, i) => h("li", { key: i }, `${text(p.name)} (${p.year || ""})`)))
        : null,
      h("h2", { key: "courses-h" }, t("label.courses")),
      h("div", { key: "courses" }, coursesByTerm(h, t, record)),
      record.last_verified ? h("p", { key: "verified" }, h("small", null, `${t("label.last_verified")}: ${dateText(t, record.last_verified)}`)) : null,
    ]);
  };
}

const ACCESS = ["step_free", "lift", "accessible_toilet", "hearing_loop", "braille", "wheelchair_loan"];

export function venuePreview(h, STRINGS) {
  const t = strings(STRINGS);
  return function VenuePreview({ entry, collection }) {
    const venue = entry.get("data").toJS();
    const hours = (venue.opening_hours || []).filter(Boolean);
    const access = venue.accessibility || {};
    const admission = venue.admission || {};
    const booking = venue.booking || {};
    return h("div", { className: "lc-record lc-venue" }, [
      h("h1", { key: "title" }, text(venue.name)),
      venue.sample ? h("p", { key: "sample", className: "lc-sample" }, t("sample.badge")) : null,
      venue.description ? h("p", { key: "description" }, text(venue.description)) : null,
      h("div", { key: "facts" }, facts(h, [
        [t("label.kind"), venue.kind ? t(`venue.${venue.kind}`) : ""],
        [t("label.region"), regionLabel(collection, venue.region)],
        ...contactRows(t, venue),
      ])),
      h("h2", { key: "hours-h" }, t("label.opening_hours")),
      h("table", { key: "hours" }, h("tbody", null, hours.map((row, i) =>
        h("tr", { key: i }, [h("td", { key: "d" }, days(t, row.days)), h("td", { key: "t" }, `${row.opens || ""}–${row.closes || ""}`)])))),
      venue.closed ? h("p", { key: "closed" }, `${t("label.closed_days")}: ${text(venue.closed)}`) : null,
      h("div", { key: "visit" }, facts(h, [
        [t("label.admission"), [t(admission.free ? "label.free_admission" : "label.paid_admission"), text(admission.note)].filter(Boolean).join(" · ")],
        [t("label.booking"), [t(booking.required ? "label.booking_required" : "label.booking_not_required"), text(booking.note), booking.url].filter(Boolean).join(" · ")],
      ])),
      h("h2", { key: "access-h" }, t("label.accessibility")),
      h("ul", { key: "access" }, ACCESS.map((name) =>
        h("li", { key: name }, `${access[name] ? "✓" : "✗"} ${t(`access.${name}`)}: ${t(access[name] ? "label.yes" : "label.no")}`))),
      (venue.services || []).length ? h("h2", { key: "services-h" }, t("label.services")) : null,
      (venue.services || []).length
        ? h("ul", { key: "services" }, venue.services.filter(Boolean).map((s, i) => h("li", { key: i }, `${t(`service.${s.kind}`)}: ${text(s.description)}`)))
        : null,
      venue.last_verified ? h("p", { key: "verified" }, h("small", null, `${t("label.last_verified")}: ${dateText(t, venue.last_verified)}`)) : null,
    ]);
  };
}
