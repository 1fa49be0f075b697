// When a save is refused, a panel at the foot of the screen takes the person to each field that must
// change, one at a time: "第 1 处，共 3 处", the field's place in words and its message, with the
// field scrolled into view above it. Decap alone shows one toast and red marks somewhere down a long
// form, which a secretary on a phone may never scroll to.
// Two kinds of refusal reach it: Decap's own checks of a field (required, pattern, range: its red
// messages in the form), and the catalogue checks editor.js runs before saving (by path).
// Text goes in with textContent: record text stays text.

import { fill } from "./checks.js";
import { zh } from "./locale.js";
import { DECAP } from "./model.js";

const OPTIONAL = /\s*\(可选\)$/; // Decap's own mark after an optional field's label
const PANEL = "lc-refusals";

const shown = (element) => element.getClientRects().length > 0;
export const labelText = (label) => label.textContent.replace(OPTIONAL, "").trim();
export const controlOf = (label) => label.parentElement && label.parentElement.parentElement; // label → topbar → control
export const ITEM = "[class*=SortableListItem]";
const itemOf = (element) => element.parentElement && element.parentElement.closest(ITEM);

// A scope's own labels and list items: not those inside a list item nested in it.
export const ownLabels = (scope) => [...scope.querySelectorAll("label")].filter((label) => label.closest(ITEM) === scope.closest(ITEM));
const ownItems = (scope) => [...scope.querySelectorAll(ITEM)].filter((item) => itemOf(item) === scope.closest(ITEM));

const rendered = () => new Promise((resolve) => setTimeout(resolve, 60)); // React draws what a click opened

/** The control of the field a path's steps lead to (locale.js `steps`), opening collapsed list
 * items and parts on the way; the nearest control found when the form does not show the last step. */
export async function locate(root, path) {
  let scope = root;
  for (const step of path) {
    if (step.index !== undefined) {
      const item = ownItems(scope)[step.index];
      if (!item) return scope;
      if (![...item.querySelectorAll("label")].some(shown)) {
        item.querySelector("button")?.click(); // a collapsed item: open it
        await rendered();
      }
      scope = item;
      continue;
    }
    const find = () => step.label && ownLabels(scope).find((l) => labelText(l) === step.label);
    const closed = scope.querySelector(`button[aria-label='${DECAP["editor.editorWidgets.object.expand"].zh}']`);
    if (!(find() && shown(find())) && closed) {
      closed.click(); // a collapsed part: open it
      await rendered();
    }
    const label = find();
    if (!label) return scope;
    scope = controlOf(label);
  }
  return scope;
}

/** Where an element of the form is, in words: the labels of the fields around it, outermost first,
 * and a list item by its summary ("课程列表 › 育婴员培训 · 周六 09:30–11:00 › 上课时间 › 开始时间"). */
function whereIs(element) {
  const words = [];
  for (let node = element; node && node !== document.body; node = node.parentElement) {
    const own = node.querySelector(":scope > [class*=ControlTopbar] > label");
    const summary = node.matches(ITEM) && node.querySelector(":scope > [class*=NestedObjectLabel]");
    if (own) words.unshift(labelText(own));
    else if (summary && summary.textContent.trim()) words.unshift(summary.textContent.trim().replace(/^[·\s]+|[·\s]+$/g, "")); // "… · " of a part not filled in
  }
  return words.join(" › ");
}

/** The fields Decap marked refused, each with where it is and its messages. */
export function markedFields(root) {
  return [...root.querySelectorAll("[class*=ControlErrorsList]")].filter((list) => list.textContent.trim()).map((list) => {
    const control = list.parentElement.parentElement;
    return { where: whereIs(control), message: [...list.querySelectorAll("li")].map((li) => li.textContent).join("；"), find: () => control };
  });
}

let showing = 0; // the latest show(): an earlier one still opening collapsed items must not scroll after it

async function show(found) {
  const mine = ++showing;
  const element = await found;
  if (!element || mine !== showing) return;
  element.scrollIntoView({ block: "center" });
  const input = element.querySelector("input, textarea, select, [contenteditable=true]");
  if (input) input.focus({ preventScroll: true });
}

function button(text, onClick) {
  const b = document.createElement("button");
  b.type = "button";
  b.textContent = text;
  b.addEventListener("click", onClick);
  return b;
}

/** The panel for `refusals` ({where, message, find}), at the first of them. */
export function showRefusals(refusals) {
  document.getElementById(PANEL)?.remove();
  if (!refusals.length) return;
  const panel = document.createElement("section");
  panel.id = PANEL;
  panel.setAttribute("role", "alertdialog");
  panel.setAttribute("aria-live", "assertive");
  const count = document.createElement("p");
  const where = document.createElement("p");
  const message = document.createElement("p");
  count.className = "lc-refusals-count";
  where.className = "lc-refusals-where";
  message.className = "lc-refusals-message";
  panel.setAttribute("aria-label", fill(zh("editor.refused"), { count: refusals.length }));
  let at = 0;
  const buttons = document.createElement("div");
  const previous = button(zh("editor.refused_previous"), () => go(at - 1));
  const next = button(zh("editor.refused_next"), () => go(at + 1));
  buttons.append(previous, next, button(zh("editor.refused_close"), () => panel.remove()));
  panel.append(count, where, message, buttons);
  document.body.append(panel);
  function go(to) {
    at = (to + refusals.length) % refusals.length;
    const refusal = refusals[at];
    count.textContent = fill(zh("editor.refused_at"), { at: at + 1, count: refusals.length });
    where.textContent = refusal.where;
    message.textContent = refusal.message;
    previous.hidden = next.hidden = refusals.length === 1;
    show(refusal.find());
  }
  go(0);
}

/** After a click on 保存, the fields Decap refused (if any) in the panel, and after them what
 * `more()` finds that Decap's field checks do not (a promise of refusals, editor.js). */
export function watchSaves(more = async () => [], root = document) {
  root.addEventListener("click", (event) => {
    const target = event.target instanceof Element && event.target.closest("button");
    if (!target || target.textContent.trim() !== DECAP["editor.editorToolbar.save"].zh) return;
    setTimeout(async () => {
      const marked = markedFields(document);
      if (marked.length) showRefusals([...marked, ...(await more())]);
    }, 300);
  }, true);
}
