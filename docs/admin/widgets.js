// The form's widgets that speak to a school secretary on a phone, on top of Decap's:
// - lists (Decap's own list widget, extended): a collapsed item names its choices in Chinese
//   ("育婴员培训 · 周六、周日 09:30–11:00", not ["sat","sun"]), and removing an item asks first;
// - lc-date: a date typed or picked, always shown as 2027-03-02 whatever the phone's language
//   (Decap's date widget shows mm/dd/yyyy in an English browser, and "UTC" beside it);
// - lc-clock: a clock time, a full-width colon (19：30, as Chinese input methods type it) made ":";
// - lc-phone: a phone number, full-width digits, brackets and dashes made ASCII, as for times;
// - lc-email: an e-mail address typed alone, kept with the "mailto:" the link needs;
// - lc-yesno: a yes/no the record must state (是否免费, 是否须预约): 是 and 否, neither chosen on a new
//   record, so one left alone is refused as not filled in, not saved as 否 (Decap's switch is "no"
//   until turned on: a free library was saved as charging);
// - lc-consent: a yes/no that consents to publishing another field of the same item (a resident's
//   name, issue 22): while it is unticked and that field filled in, it says the site leaves it out.
// The words come from ui.yml ("editor.*") through locale.js.

import { fill } from "./checks.js";
import { idFrom } from "./ids.js";
import { zh } from "./locale.js";
import { SPEC, STRINGS } from "./model.js";
import { controlOf, ITEM, labelText, ownLabels } from "./refusals.js";

const h = window.h;
const isImmutable = (value) => value !== null && typeof value === "object" && typeof value.toJS === "function";

// --- lists ---------------------------------------------------------------------------------------

function optionLabels(field) {
  const labels = new Map();
  for (const option of field.get("options") || []) {
    if (isImmutable(option)) labels.set(option.get("value"), option.get("label"));
    else labels.set(option, option);
  }
  return labels;
}

// The names of the catalogue's records by id (records.json "names"), once editor.js has read them.
const NAMES = {};

/** What a related record is called in a list item's summary: a school by its name, not its id. */
export function knowNames(names) {
  Object.assign(NAMES, names || {});
}

/** An item with each choice (a select's value or values, a related record's id) replaced by its
 * label, for the summary. */
export function inWords(fields, item) {
  if (!fields || !isImmutable(item) || typeof item.set !== "function") return item;
  let out = item;
  for (const field of fields) {
    const name = field.get("name");
    const value = item.get(name);
    if (value === undefined || value === null) continue;
    if (field.get("widget") === "select") {
      const labels = optionLabels(field);
      const values = isImmutable(value) ? value.toJS() : [value];
      out = out.set(name, values.map((v) => labels.get(v) ?? v).join(zh("editor.list_separator")));
    } else if (field.get("widget") === "relation") {
      const named = (NAMES[field.get("collection")] || {})[value];
      if (named && named.name) out = out.set(name, named.name.zh);
    } else if (field.get("fields")) {
      out = out.set(name, inWords(field.get("fields"), value));
    }
  }
  return out;
}

function itemName(list, item) {
  if (isImmutable(item) && list.props.field.get("fields")) return list.objectLabel(item);
  if (isImmutable(item) && typeof item.get === "function") return item.get("zh") || zh("editor.this_item");
  return item === undefined || item === null || item === "" ? zh("editor.this_item") : String(item);
}

/** Decap's list widget, naming choices in words and asking before an item is removed. */
export function wordyList(List) {
  return class WordyList extends List {
    constructor(props) {
      super(props);
      const remove = this.handleRemove;
      this.handleRemove = (index, event) => {
        event.preventDefault();
        const name = itemName(this, this.props.value.get(index));
        if (window.confirm(fill(zh("editor.remove_item"), { item: name }))) remove(index, event);
      };
    }

    objectLabel(item) {
      return super.objectLabel(inWords(this.props.field.get("fields"), item));
    }
  };
}

// --- dates and times -----------------------------------------------------------------------------

/** "2027-03-02" from what a person types: 2027-3-2, 2027/3/2, 2027.3.2, 2027年3月2日, full-width
 * digits; undefined when it is not a day of the calendar. */
export function toDate(text) {
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(String(text || "").normalize("NFKC").trim());
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return `${m[1]}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** A clock time as typed, full-width forms made ASCII (１９：３０ → 19:30); "9:30" padded on leaving the field. */
export function toClock(text, leaving = false) {
  const plain = String(text || "").normalize("NFKC").replace(/\s+/g, "");
  return leaving ? plain.replace(/^(\d):(\d\d)$/, "0$1:$2") : plain;
}

const DateControl = window.createClass({
  getInitialState() {
    return { text: this.props.value || "" };
  },
  componentDidUpdate(previous) {
    const { value } = this.props;
    if (value !== previous.value && (value || "") !== (toDate(this.state.text) || this.state.text)) {
      this.setState({ text: value || "" }); // changed from outside (a restored draft, a picked date)
    }
  },
  isValid() {
    const { value } = this.props;
    return !value || toDate(value) === value ? true : { error: { message: zh("editor.date") } };
  },
  type(text) {
    this.setState({ text });
    this.props.onChange(toDate(text) || text || "");
  },
  render() {
    const { forID, value, classNameWrapper, setActiveStyle, setInactiveStyle } = this.props;
    const valid = toDate(value);
    return h("div", { className: `${classNameWrapper} lc-date` }, [
      h("input", {
        key: "text", id: forID, type: "text", inputMode: "numeric", autoComplete: "off", placeholder: zh("editor.date_placeholder"),
        value: this.state.text, onChange: (e) => this.type(e.target.value),
        onFocus: setActiveStyle, onBlur: () => { setInactiveStyle(); if (valid) this.setState({ text: valid }); },
      }),
      h("label", { key: "pick", className: "lc-date-pick" }, [
        h("span", { key: "words" }, zh("editor.pick_date")),
        h("input", {
          key: "native", type: "date", tabIndex: -1, "aria-label": zh("editor.pick_date"), value: valid || "",
          onClick: (e) => { try { e.target.showPicker(); } catch { /* a phone opens its own picker */ } },
          onChange: (e) => this.type(e.target.value),
        }),
      ]),
    ]);
  },
});

/** A phone number as typed, full-width forms made ASCII (０５７３－８２０１２３４５ → 0573-82012345,
 * （0573） → (0573)), the dashes of a Chinese input method (—, –) made "-". */
export function toPhone(text) {
  return String(text || "").normalize("NFKC").replace(/[‐‑‒–—―−ー]/g, "-");
}

/** An e-mail address as typed (office＠example.org from a Chinese input method made ASCII), kept as
 * the link the page makes of it: the secretary types the address, the form adds "mailto:". */
export function toEmail(text) {
  const address = String(text || "").normalize("NFKC").trim().replace(/^mailto:/i, "");
  return address ? `mailto:${address}` : "";
}

/** A one-line box whose text is made what the file holds as it is typed (`hold`: full-width forms
 * made ASCII), shown as `shown` gives it, and tidied once more on leaving it (`leave`). */
function typedControl({ hold, shown = (value) => value || "", leave, ...input }) {
  return window.createClass({
    render() {
      const { forID, value, onChange, classNameWrapper, setActiveStyle, setInactiveStyle } = this.props;
      return h("input", {
        ...input, id: forID, className: classNameWrapper, autoComplete: "off", value: shown(value),
        onChange: (e) => onChange(hold(e.target.value)),
        onFocus: setActiveStyle,
        onBlur: (e) => { setInactiveStyle(); if (leave && leave(e.target.value) !== (value || "")) onChange(leave(e.target.value)); },
      });
    },
  });
}

const ClockControl = typedControl({ type: "text", placeholder: "19:30", hold: toClock, leave: (text) => toClock(text, true) });
const PhoneControl = typedControl({ type: "text", inputMode: "tel", hold: toPhone });
const EmailControl = typedControl({
  type: "email", inputMode: "email", placeholder: "office@example.org",
  hold: (text) => toEmail(text) || undefined, shown: (value) => String(value || "").replace(/^mailto:/i, ""),
});

const YesNoControl = window.createClass({
  render() {
    const { forID, field, value, onChange, classNameWrapper, setActiveStyle, setInactiveStyle } = this.props;
    const choice = (state, words) => h("label", { key: words }, [
      h("input", {
        key: "input", type: "radio", name: forID, checked: value === state,
        onChange: () => onChange(state), onFocus: setActiveStyle, onBlur: setInactiveStyle,
      }),
      h("span", { key: "words" }, zh(words)),
    ]);
    // the id on the group, not on a radio: a tap on the field's title must not answer 是
    return h("div", { id: forID, className: `${classNameWrapper} lc-yesno`, role: "radiogroup", "aria-label": field.get("label") }, [
      choice(true, "editor.yes"), choice(false, "editor.no"),
    ]);
  },
});

/** An id: typed, or left empty and made from the name on saving (ids.js); a record's own id shows
 * what it will be while the name is typed. */
const IdControl = window.createClass({
  // Decap re-renders a field when its own value changes, not its neighbour's: the suggestion is
  // looked at twice a second while the id is empty.
  componentDidMount() {
    this.timer = setInterval(() => {
      if (!this.props.value && this.suggestion() !== this.shown) this.forceUpdate();
    }, 500);
  },
  componentWillUnmount() {
    clearInterval(this.timer);
  },
  suggestion() {
    const { parentIds, collection, getEntry } = this.props;
    if ((parentIds && parentIds.length) || !collection || !getEntry) return "";
    const spec = SPEC[collection.get("name")];
    const from = spec && (spec.fields.find((f) => f.name === "id") || {}).from;
    const name = from && getEntry().getIn(["data", from, "zh"]);
    return name ? idFrom(name) : "";
  },
  render() {
    const { forID, value, onChange, classNameWrapper, setActiveStyle, setInactiveStyle } = this.props;
    const made = value ? "" : this.suggestion();
    this.shown = made;
    return h("input", {
      id: forID, type: "text", className: classNameWrapper, autoComplete: "off", spellCheck: false, value: value || "",
      placeholder: made ? fill(zh("editor.id_suggested"), { id: made }) : "",
      onChange: (e) => onChange(e.target.value.normalize("NFKC").toLowerCase()),
      onFocus: setActiveStyle, onBlur: setInactiveStyle,
    });
  },
});

/** The label of the field `name` anywhere in a record's spec. */
function labelOf(fields, name) {
  for (const field of fields || []) {
    if (field.name === name) return field.label;
    const inner = labelOf(field.fields || (field.item && field.item.fields), name);
    if (inner) return inner;
  }
  return undefined;
}

/** The Chinese typed in the field labelled `label` of the same list item as `element` (its first input). */
export function typedBeside(element, label) {
  const scope = (element && element.closest(ITEM)) || document;
  const found = ownLabels(scope).find((l) => labelText(l) === label);
  const input = found && controlOf(found).querySelector("input");
  return input ? input.value.trim() : "";
}

/** Decap's yes/no, and under it, while unticked with the field it consents to filled in, what the
 * site shows instead: "注意：没有勾选此项，网站上不会出现姓名“陆建明”，只写“一位居民”…". Not a refusal:
 * a name kept unpublished is a right choice; the clerk is told so no one believes it is shown. */
function consentControl(Toggle) {
  return window.createClass({
    // the other field's text is read twice a second: Decap re-renders a field for its own value only
    componentDidMount() {
      this.timer = setInterval(() => {
        if (this.named() !== this.shown) this.forceUpdate();
      }, 500);
    },
    componentWillUnmount() {
      clearInterval(this.timer);
    },
    named() {
      const { field, collection } = this.props;
      const spec = collection && SPEC[collection.get("name")];
      const label = spec && labelOf(spec.fields, field.get("consent_of"));
      return label && this.element ? typedBeside(this.element, label) : "";
    },
    render() {
      const name = this.props.value ? "" : this.named();
      this.shown = name;
      const notice = fill(zh("editor.name_not_published"), { name, resident: STRINGS["recognitions.a_resident"].zh });
      return h("div", { ref: (element) => { this.element = element; } }, [
        h(Toggle, { ...this.props, key: "toggle" }),
        name ? h("p", { key: "notice", className: "lc-notice", role: "status" }, notice) : null,
      ]);
    },
  });
}

export function registerWidgets(CMS) {
  CMS.registerWidget("lc-yesno", YesNoControl);
  CMS.registerWidget("lc-consent", consentControl(CMS.getWidget("boolean").control));
  CMS.registerWidget("lc-id", IdControl);
  const list = CMS.getWidget("list");
  CMS.registerWidget("list", wordyList(list.control), list.preview, list.schema);
  CMS.registerWidget("lc-date", DateControl);
  CMS.registerWidget("lc-clock", ClockControl);
  CMS.registerWidget("lc-phone", PhoneControl);
  CMS.registerWidget("lc-email", EmailControl);
}
