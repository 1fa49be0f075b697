// Decap's choice widgets (select, relation) are react-select, which speaks English: to a screen
// reader ("option 周二 focused, 2 of 7", "7 results available", "Use Up and Down to choose options…",
// read out of its live region) and on the screen ("No options", Decap's "Loading options…").
// Decap passes none of react-select's props for these, so its two controls are wrapped: each
// renders Decap's own, with react-select's words in Chinese (ui.yml "editor.select_*").

import { fill } from "./checks.js";
import { zh } from "./locale.js";

const h = window.h;

/** 1-based place of `item` among `items`, with their count: "第 2 项，共 7 项" ("" when not among them). */
function placeOf(items, item) {
  const at = items ? items.indexOf(item) : -1;
  return at < 0 ? "" : fill(zh("editor.select_place"), { at: at + 1, count: items.length });
}

const join = (...parts) => parts.filter(Boolean).join("，");
const sentence = (text) => (text ? `${text}。` : ""); // react-select reads its messages one after another

/** Each of react-select's messages (`messages`' functions) said as a sentence. */
const sentences = (messages) => Object.fromEntries(Object.entries(messages).map(([name, say]) => [name, (props) => sentence(say(props))]));

/** react-select's ariaLiveMessages (its defaults' cases, in Chinese). */
export const LIVE_MESSAGES = sentences({
  guidance({ context, isSearchable, isMulti, isInitialFocus, tabSelectsValue }) {
    if (context === "menu") return join(zh("editor.select_menu"), tabSelectsValue ? zh("editor.select_menu_tab") : "");
    if (context === "value") return zh("editor.select_values");
    if (context === "input" && isInitialFocus) {
      return join(isSearchable ? zh("editor.select_type") : "", zh("editor.select_open"), isMulti ? zh("editor.select_to_values") : "");
    }
    return "";
  },
  onChange({ action, label = "", labels = [], isDisabled }) {
    if (["deselect-option", "pop-value", "remove-value"].includes(action)) return fill(zh("editor.select_removed"), { label });
    if (action === "clear") return zh("editor.select_cleared");
    if (action === "initial-input-focus") return fill(zh("editor.select_chosen"), { label: labels.join(zh("editor.list_separator")) });
    if (action === "select-option") return fill(zh(isDisabled ? "editor.select_disabled" : "editor.select_chosen"), { label });
    return "";
  },
  onFocus({ context, focused, options, label = "", selectValue, isDisabled, isSelected, isAppleDevice }) {
    if (context === "value" && selectValue) return join(fill(zh("editor.select_chosen"), { label }), placeOf(selectValue, focused));
    // elsewhere the focused option is read from the list itself (aria-activedescendant), as react-select does
    if (context === "menu" && isAppleDevice) {
      return join(label, isSelected ? zh("editor.select_is_chosen") : "", isDisabled ? zh("editor.select_is_disabled") : "", placeOf(options, focused));
    }
    return "";
  },
  onFilter({ inputValue, resultsMessage }) {
    return inputValue ? fill(zh("editor.select_results_for"), { input: inputValue, results: resultsMessage }) : resultsMessage;
  },
});

/** react-select's props for its words; the same objects on every render (react-select memoises on them). */
export const WORDS = {
  ariaLiveMessages: LIVE_MESSAGES,
  screenReaderStatus: ({ count }) => fill(zh("editor.select_results"), { count }),
  noOptionsMessage: () => zh("editor.select_none"),
  loadingMessage: () => zh("editor.select_loading"),
};

/** A Decap control that renders a react-select, rendering it with WORDS. */
export function spoken(Control) {
  return class SpokenSelect extends Control {
    render() {
      const element = super.render();
      return element && element.props ? h(element.type, { ...element.props, ...WORDS }) : element;
    }
  };
}

export function registerSelects(CMS) {
  for (const name of ["select", "relation"]) {
    const widget = CMS.getWidget(name);
    CMS.registerWidget(name, spoken(widget.control), widget.preview, widget.schema);
  }
}
