// Material's menu button (on phones, tablets and a zoomed desktop) is a <label> for a hidden
// checkbox: a finger or a mouse opens the navigation drawer, the keyboard never reached it. Now
// that the closed drawer leaves the Tab order (site.css), the button itself joins it: named, it
// opens and closes the drawer with Enter or Space and puts the keyboard on the drawer's first link;
// Escape closes the drawer and goes back to the button.
(function () {
  "use strict";
  var drawer = document.getElementById("__drawer");
  var menu = document.querySelector('label.md-header__button[for="__drawer"]');
  var strings = (window.lcStatus || {}).strings || {};
  if (!drawer || !menu || menu.hasAttribute("role")) return;
  menu.setAttribute("role", "button");
  menu.tabIndex = 0;
  if (strings["header.menu"]) menu.setAttribute("aria-label", strings["header.menu"]);

  function show() { menu.setAttribute("aria-expanded", drawer.checked ? "true" : "false"); }

  function set(open) {
    drawer.checked = open;
    drawer.dispatchEvent(new Event("change", { bubbles: true }));  // Material watches the checkbox's changes
    show();
  }

  menu.addEventListener("keydown", function (event) {
    if (event.key !== "Enter" && event.key !== " ") return;
    event.preventDefault();
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
