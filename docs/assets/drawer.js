// Material's menu button (on phones, tablets and a zoomed desktop) is a <label> for a hidden
// checkbox: a finger or a mouse opens the navigation drawer, the keyboard never reached it, and a
// <label> may not take the role of a button (axe: aria-allowed-role). Now that the closed drawer
// leaves the Tab order (site.css), a real <button> takes the label's place, with its icon: named,
// it opens and closes the drawer (click, Enter or Space) and puts the keyboard on the drawer's
// first link; Escape closes the drawer and goes back to the button. Without JavaScript the label stays.
(function () {
  "use strict";
  var drawer = document.getElementById("__drawer");
  var label = document.querySelector('label.md-header__button[for="__drawer"]');
  var strings = (window.lcStatus || {}).strings || {};
  if (!drawer || !label) return;
  var menu = document.createElement("button");
  menu.type = "button";
  menu.className = label.className + " lc-menu-button";
  menu.append.apply(menu, Array.prototype.slice.call(label.childNodes));  // Material's icon
  if (strings["header.menu"]) menu.setAttribute("aria-label", strings["header.menu"]);
  label.replaceWith(menu);

  function show() { menu.setAttribute("aria-expanded", drawer.checked ? "true" : "false"); }

  function set(open) {
    drawer.checked = open;
    drawer.dispatchEvent(new Event("change", { bubbles: true }));  // Material watches the checkbox's changes
    show();
  }

  menu.addEventListener("click", function () {
    set(!drawer.checked);
    var first = drawer.checked && document.querySelector(".md-sidebar--primary a[href]");
    if (first) first.focus();
  });
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape" || !drawer.checked) return;
    set(false);
    menu.focus();
  });
  drawer.addEventListener("change", show);
  show();
})();
