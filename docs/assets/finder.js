// The course finder: filters the server-rendered list in place and keeps the filters in the URL.
// Without JavaScript the form stays hidden and the full list, grouped by county, is the page.
(function () {
  "use strict";
  var form = document.querySelector(".lc-finder-form");
  if (!form) return;
  var items = Array.prototype.slice.call(document.querySelectorAll(".lc-result"));
  var groups = Array.prototype.slice.call(document.querySelectorAll(".lc-county-courses"));
  var count = document.querySelector(".lc-count");
  var names = ["q", "county", "town", "category", "audience", "mode", "day", "time", "kind", "start", "free"];

  function state() {
    var s = {};
    names.forEach(function (name) {
      var field = form.elements[name];
      var value = field.type === "checkbox" ? (field.checked ? "1" : "") : field.value.trim();
      if (value) s[name] = value;
    });
    return s;
  }

  function has(list, value) {
    return (" " + list + " ").indexOf(" " + value + " ") !== -1;
  }

  function matches(item, s) {
    var d = item.dataset;
    if (s.q && s.q.toLowerCase().split(/\s+/).some(function (w) { return d.text.indexOf(w) === -1; })) return false;
    if (s.county && d.county !== s.county) return false;
    if (s.town && d.town !== s.town) return false;
    if (s.category && d.category !== s.category) return false;
    if (s.audience && !has(d.audience, s.audience)) return false;
    if (s.mode && d.mode !== s.mode) return false;
    if (s.day && !has(d.days, s.day)) return false;
    if (s.time && !has(d.times, s.time)) return false;
    if (s.kind && d.kind !== s.kind) return false;
    if (s.start && (!d.start || d.start < s.start)) return false;
    if (s.free && d.free !== "1") return false;
    return true;
  }

  function apply(push) {
    var s = state();
    var shown = 0;
    items.forEach(function (item) {
      var ok = matches(item, s);
      item.hidden = !ok;
      if (ok) shown += 1;
    });
    groups.forEach(function (group) {
      group.hidden = !group.querySelector(".lc-result:not([hidden])");
    });
    count.textContent = count.dataset.template.replace("{count}", shown);
    var query = new URLSearchParams(s).toString();
    var url = location.pathname + (query ? "?" + query : "");
    if (push) history.replaceState(null, "", url);
  }

  function restore() {
    var params = new URLSearchParams(location.search);
    names.forEach(function (name) {
      var field = form.elements[name];
      var value = params.get(name) || "";
      if (field.type === "checkbox") field.checked = value === "1";
      else field.value = value;
    });
  }

  form.hidden = false;
  count.hidden = false;
  restore();
  apply(false);
  form.addEventListener("input", function () { apply(true); });
  form.addEventListener("change", function () { apply(true); });
  form.addEventListener("reset", function () { setTimeout(function () { apply(true); }, 0); });
  form.addEventListener("submit", function (event) { event.preventDefault(); });
})();
