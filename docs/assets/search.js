// The search page: Pagefind's UI over the index built after the site (python -m pagefind).
// Pagefind loads only the index chunks a query needs, in the page's language.
(function () {
  "use strict";
  var box = document.getElementById("lc-search");
  if (!box) return;
  var style = document.createElement("link");
  style.rel = "stylesheet";
  style.href = box.dataset.bundle + "pagefind-ui.css";
  document.head.appendChild(style);
  var script = document.createElement("script");
  script.src = box.dataset.bundle + "pagefind-ui.js";
  // A course's result shows, under its title, its provider, days and time, place, fee and
  // enrolment status, labelled in the page's language; the status is worked out for today by
  // the same script as the pages' (status.js), from the dates the index holds.
  var status = window.lcStatus;
  var FIELDS = ["provider", "when", "place", "fee"];
  function course(data) {
    var meta = data.meta;
    if (!meta.enrolment_status || !status) return data;
    var shown = { title: meta.title };
    FIELDS.forEach(function (key) { if (meta[key]) shown[status.strings["search." + key]] = meta[key]; });
    var facts = { status: meta.enrolment_status, opens: meta.enrolment_opens, closes: meta.enrolment_closes, ends: meta.enrolment_ends };
    shown[status.strings["search.status"]] = status.label(status.compute(facts, status.today()));
    data.meta = shown;
    return data;
  }

  script.onload = function () {
    // Result links are made absolute from the site's root, wherever the site is served from.
    var root = new URL(box.dataset.bundle, location.href).pathname.replace(/pagefind\/$/, "");
    var ui = new PagefindUI({
      element: "#lc-search",
      bundlePath: box.dataset.bundle,
      baseUrl: root,
      showSubResults: true,
      showImages: false,
      resetStyles: false,
      processResult: course,
      translations: JSON.parse(box.dataset.translations)
    });
    var query = new URLSearchParams(location.search).get("q");
    if (query) ui.triggerSearch(query);
    var input = box.querySelector("input");
    if (input) {
      input.focus();
      input.addEventListener("input", function () {
        history.replaceState(null, "", location.pathname + (input.value ? "?q=" + encodeURIComponent(input.value) : ""));
      });
    }
  };
  document.head.appendChild(script);
})();
