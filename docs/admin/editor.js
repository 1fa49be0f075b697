// The web editor's own parts, on top of Decap CMS (loaded before this by index.html):
// the catalogue's file format (format.js), the choice of a course's term, the checks that
// span several fields, and a preview that shows a record as its page does (preview.js).
// model.js is generated from the model (scripts/editor_config.py).

import { formatter } from "./format.js";
import { crossMessages, problems } from "./checks.js";
import { HELD, HIDDEN, MESSAGES, SPEC, STRINGS, TIERS } from "./model.js";
import { phonePreviewSwitch, previewOf, PREVIEW_CSS } from "./preview.js";
import { refusal, refused, registerLocale, saying, steps, zh } from "./locale.js";
import { locate, showRefusals, watchSaves } from "./refusals.js";
import { knowNames, registerWidgets } from "./widgets.js";
import { madeIds, withIds } from "./ids.js";
import { keepDrafts } from "./drafts.js";
import { registerSelects } from "./selects.js";

const CMS = window.CMS;
document.title = zh("editor.title");
registerLocale(CMS); // Decap's words a secretary understands (locale.js)
registerWidgets(CMS); // choices named in lists, removal asked, dates and times (widgets.js)
registerSelects(CMS); // the choice widgets' words for screen readers, in Chinese (selects.js)

// Decap refuses to save a form with a wrong field by showing the field's message, and then rejects
// a promise with no reason; a save refused below (preSave) it rejects with its failed-save action,
// which carries the refusal. Browsers report both as uncaught errors ("Object"); both are expected,
// and said in the form. Any other rejection is reported.
window.addEventListener("unhandledrejection", (event) => {
  if (event.reason === undefined || refused(event.reason)) event.preventDefault();
});
// Without pull requests (publish_mode simple: gitea), Decap also logs the refusal as an error: that
// one call is left out; every other is logged.
const logError = console.error.bind(console);
console.error = (...args) => (args.length === 1 && refused(args[0]) ? undefined : logError(...args));
const h = window.h;

const formats = {};
for (const [collection, spec] of Object.entries(SPEC)) {
  formats[collection] = formatter(spec);
  CMS.registerCustomFormat(`lc-${collection}`, "yml", formats[collection]);
}
// changes not saved kept across leaving the page; one record per page load (drafts.js)
const kept = keepDrafts((collection, data) => (formats[collection] ? formats[collection].toFile(data) : ""));

// The record as the form holds it now, from the preview, which Decap draws on every change (a
// field is re-drawn for its own value only, so its `entry` can be older): null before the first.
let drawn = null;
const current = (entry) => (drawn && drawn.get("collection") === entry.get("collection") ? drawn : entry);

// A course's term: one of the terms of the same record, shown by name. The terms are read from the
// record as it is now, twice a second (Decap re-draws this field for its own value only: a term
// added above showed only after a reload), each with the id it has or will be given on saving.
const TermControl = window.createClass({
  componentDidMount() {
    this.timer = setInterval(() => {
      if (JSON.stringify(this.terms()) !== this.shown) this.forceUpdate();
    }, 500);
  },
  componentWillUnmount() {
    clearInterval(this.timer);
  },
  terms() {
    const entry = current(this.props.entry);
    const spec = SPEC[entry.get("collection")];
    const data = entry.get("data").toJS();
    const terms = spec ? withIds(data, madeIds(data, spec)).terms : data.terms;
    return (terms || []).filter((term) => term && term.id).map((term) => [term.id, (term.name && term.name.zh) || term.id]);
  },
  render() {
    const { forID, value, onChange, classNameWrapper, setActiveStyle, setInactiveStyle } = this.props;
    const terms = this.terms();
    this.shown = JSON.stringify(terms);
    const named = (name) => terms.filter(([, other]) => other === name).length;
    const options = [h("option", { key: "", value: "" }, zh("editor.no_term"))];
    for (const [id, name] of terms) {
      options.push(h("option", { key: id, value: id }, named(name) > 1 ? `${name}（${id}）` : name)); // the id only to tell two of one name apart
    }
    if (value && !terms.some(([id]) => id === value)) {
      options.push(h("option", { key: value, value }, value));
    }
    return h(
      "select",
      { id: forID, className: classNameWrapper, value: value || "", onChange: (e) => onChange(e.target.value || undefined), onFocus: setActiveStyle, onBlur: setInactiveStyle },
      options,
    );
  },
});
CMS.registerWidget("lc-term", TermControl);

// The ids of the published catalogue (written by the build), which a record is checked against.
const records = fetch("records.json").then((response) => (response.ok ? response.json() : null)).catch(() => null);
records.then((known) => known && knowNames(known.names)); // a school named in a list item's summary (widgets.js)

// The records saved from this tab since the site was built: records.json is rebuilt only after CI,
// and a new record must not take the id of one saved (in review, or published) meanwhile, which
// Decap would save as <id>-1.yml, refused by the check; a new school may be their child. Kept for
// the tab's session, through drafts.js's reloads, each as records.json holds it (model.js HELD).
const SAVED = "lc-saved-records";
function savedRecords() {
  try {
    return JSON.parse(window.sessionStorage.getItem(SAVED)) || {};
  } catch {
    return {};
  }
}
CMS.registerEventListener({
  name: "postSave",
  handler: ({ entry }) => {
    const collection = entry.get("collection");
    const data = entry.get("data").toJS();
    if (!HELD[collection] || !data.id) return;
    const saved = savedRecords();
    saved[collection] = { ...saved[collection], [data.id]: data[HELD[collection]] || "" };
    window.sessionStorage.setItem(SAVED, JSON.stringify(saved));
  },
});
function withSaved(known) {
  const saved = savedRecords();
  return { ...known, ...Object.fromEntries(Object.entries(saved).map(([collection, ids]) => [collection, { ...ids, ...known[collection] }])) };
}

// What Decap's own field checks say of a field too: a field required and empty (its red marks).
const DECAPS_OWN = [MESSAGES.missing, MESSAGES.missing_zh];

/** What the validator refuses in a record that the form's fields cannot (across fields, across its
 * parts, against the rest of the catalogue), each {where, message, path, find}; `beside`: beside
 * Decap's own refusals, so without what those already say (a required field left empty). */
function catalogueRefusals(entry, known, beside = false) {
  const collection = entry.get("collection");
  const spec = SPEC[collection];
  const slug = entry.get("newRecord") ? undefined : entry.get("slug");
  const made = madeIds(entry.get("data").toJS(), spec, new Set(Object.keys(known[collection] || {}))); // ids from names (ids.js)
  const data = withIds(entry.get("data").toJS(), made);
  const found = [
    ...problems(data, spec, MESSAGES).filter((line) => !(beside && DECAPS_OWN.some((said) => line.endsWith(`: ${said}`)))),
    ...crossMessages(collection, data, spec, { records: known, tiers: TIERS, slug, hidden: HIDDEN }, MESSAGES),
  ];
  const form = () => document.querySelector("[class*=ControlPaneContainer]") || document.body;
  const refusals = found.map((line) => saying(line, spec, data, STRINGS)).map((s) => ({ ...s, find: () => locate(form(), steps(s.path, spec, data)) }));
  return { refusals, made };
}

// Refused before saving with the validator's message: a save never fails the pull request's check.
CMS.registerEventListener({
  name: "preSave",
  handler: async ({ entry }) => {
    if (!SPEC[entry.get("collection")]) return entry.get("data");
    const published = await records;
    if (!published) throw refusal([zh("editor.records_unavailable")]);
    const { refusals, made } = catalogueRefusals(entry, withSaved(published));
    if (refusals.length) {
      showRefusals(refusals);
      throw refusal(refusals.map((s) => (s.where ? `${s.where}：${s.message}` : s.message)));
    }
    return made.reduce((saved, [path, id]) => saved.setIn(path, id), entry.get("data"));
  },
});

// A save Decap refuses for a field never reaches preSave: the panel then also counts what preSave
// would refuse (an end before its start, a choice given twice, a rule across fields or records), so
// the count is every problem at once, not a count that grows as each is mended. The record is the
// form's now (`drawn`; with no preview drawn, Decap's own are counted, as before).
watchSaves(async () => {
  const published = drawn && SPEC[drawn.get("collection")] && (await records);
  return published ? catalogueRefusals(drawn, withSaved(published), true).refusals : [];
});

CMS.registerPreviewStyle(PREVIEW_CSS, { raw: true });
for (const collection of ["providers", "venues", "events", "teams", "resources", "recognitions"]) {
  // recognitions: the collection's one file, of that name
  CMS.registerPreviewTemplate(collection, previewOf(h, collection, (entry) => { drawn = entry; }));
}
phonePreviewSwitch(); // on a phone, the preview in the form's place (editor.css)

kept.then(() => CMS.init());
