// Material's menu button (on phones, tablets and a zoomed desktop) is a <label> for a hidden
// checkbox: a finger or a mouse opens the navigation drawer, the keyboard never reached it, and a
// <label> may not take the role of a button (axe: aria-allowed-role). Now that the closed drawer
// leaves the Tab order (site.css), a real <button> takes the label's place, with its icon: named,
// it opens and closes the drawer (click, Enter or Space) and puts the keyboard on the drawer's
// first link; Escape closes the drawer and goes back to the button. Without JavaScript the label stays.
// The open drawer covers the page (Material's overlay): Tab and Shift+Tab go round the drawer's own
// controls, never to the page behind it, and the drawer has a close button of its own at its top.
// Focus that still leaves it (a screen reader's cursor, a tap on the page) closes the drawer.
(function () {
  "use strict";
  var drawer = document.getElementById("__drawer");
  var label = document.querySelector('label.md-header__button[for="__drawer"]');
  var sidebar = document.querySelector(".md-sidebar--primary");
  var strings = (window.lcStatus || {}).strings || {};
  if (!drawer || !label || !sidebar) return;
  var menu = document.createElement("button");
  menu.type = "button";
  menu.className = label.className + " lc-menu-button";
  menu.append.apply(menu, Array.prototype.slice.call(label.childNodes));  // Material's icon
  if (strings["header.menu"]) menu.setAttribute("aria-label", strings["header.menu"]);
  label.replaceWith(menu);

  // the drawer's close button: an ✕ and its words, at the top of the drawer, before its links
  var close = document.createElement("button");
  close.type = "button";
  close.className = "lc-drawer-close";
  close.innerHTML = '<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M19 6.41 17.59 5 12 10.59 6.41 5 5 6.41 10.59 12 5 17.59 6.41 19 12 13.41 17.59 19 19 17.59 13.41 12z"/></svg>';
  close.appendChild(document.createElement("span")).textContent = strings["header.close_menu"] || "×";
  var nav = sidebar.querySelector(".md-nav--primary") || sidebar;
  nav.insertBefore(close, nav.firstChild);

  function show() { menu.setAttribute("aria-expanded", drawer.checked ? "true" : "false"); }

  function set(open) {
    drawer.checked = open;
    drawer.dispatchEvent(new Event("change", { bubbles: true }));  // Material watches the checkbox's changes
    show();
  }

  // the drawer is a drawer (not the desktop's sidebar, always shown) where the menu button shows
  function covering() { return drawer.checked && menu.getClientRects().length > 0; }

  function stops() {
    var all = sidebar.querySelectorAll('a[href], button, input:not([type="hidden"]), select, textarea, [tabindex]:not([tabindex="-1"])');
    return Array.prototype.filter.call(all, function (el) {
      return !el.disabled && el.getClientRects().length > 0 && getComputedStyle(el).visibility !== "hidden";
    });
  }

  menu.addEventListener("click", function () {
    set(!drawer.checked);
    var first = drawer.checked && sidebar.querySelector("a[href]");
    if (first) first.focus();
  });
  close.addEventListener("click", function () {
    set(false);
    menu.focus();
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && drawer.checked) {
      set(false);
      menu.focus();
      return;
    }
    if (event.key !== "Tab" || !covering()) return;
    var items = stops();
    if (!items.length) return;
    var first = items[0], last = items[items.length - 1], active = document.activeElement;
    var inside = sidebar.contains(active);
    if (event.shiftKey ? (active === first || !inside) : (active === last || !inside)) {
      event.preventDefault();
      (event.shiftKey ? last : first).focus();
    }
  });
  document.addEventListener("focusin", function (event) {
    if (covering() && !sidebar.contains(event.target) && event.target !== menu) set(false);
  });
  drawer.addEventListener("change", function () {
    show();
    // closed by a tap on the page beside it: the keyboard goes back to the menu button, not nowhere
    if (!drawer.checked && sidebar.contains(document.activeElement) && menu.getClientRects().length) menu.focus();
  });
  show();
})();
