// The course finder. It loads the per-county course files (data/courses/<county>.json), filters
// them, and keeps the filters in the URL so a link can be shared. Course text is set with
// textContent, never parsed as HTML. Without JavaScript the form stays hidden and the page
// links to each county's full course list.
(function () {
  "use strict";
  var form = document.querySelector(".lc-finder-form");
  if (!form) return;
  var PAGE = 50;
  var base = form.dataset.base;
  var counties = form.dataset.counties.split(" ");
  var list = document.getElementById("lc-results");
  var count = document.querySelector(".lc-count");
  var more = document.querySelector(".lc-more");
  // beside the filters: a link to the results with their number, or (none found) what to do and a
  // button that clears the filters (absent from a site's own finder.html of before: then nothing)
  var show = form.querySelector(".lc-show-results");
  var none = form.querySelector(".lc-none");
  var names = ["q", "county", "town", "category", "audience", "mode", "day", "time", "kind", "start", "free", "enrol", "sort"];
  var status = window.lcStatus;
  var finder = form.closest(".lc-finder");
  var loaded = false;
  var courses = [];
  var matched = [];
  var shown = 0;
  var day = "";
  var chosen = false; // the reader changed a filter before the courses were in
  var countyField = form.elements.county;
  var townField = form.elements.town;
  var townGroups = Array.prototype.slice.call(townField.querySelectorAll("optgroup")); // a county's towns each
  var offeredFor; // the county whose towns the town list offers now
  var mark = document.querySelector(".lc-untranslated-mark"); // lc/untranslated.html, with no text in it

  function state() {
    var s = {};
    names.forEach(function (name) {
      var field = form.elements[name];
      var value = field.type === "checkbox" ? (field.checked ? "1" : "") : field.value.trim();
      if (value) s[name] = value;
    });
    return s;
  }

  function matches(c, s) {
    if (s.q && s.q.toLowerCase().split(/\s+/).some(function (w) { return c.text.indexOf(w) === -1; })) return false;
    if (s.county && c.county !== s.county) return false;
    if (s.town && c.town !== s.town) return false;
    if (s.category && c.category !== s.category) return false;
    if (s.audience && c.audience.indexOf(s.audience) === -1) return false;
    if (s.mode && c.mode !== s.mode) return false;
    if (s.day && c.days.indexOf(s.day) === -1) return false;
    if (s.time && c.times.indexOf(s.time) === -1) return false;
    if (s.kind && c.kind !== s.kind) return false;
    if (s.start && (!c.start || c.start < s.start)) return false;
    if (s.free && !c.free) return false;
    if (s.enrol && !status.canEnrol(c.status.kind)) return false;
    return true;
  }

  function soonest(a, b) {
    var aLater = a.start >= day ? 0 : 1, bLater = b.start >= day ? 0 : 1;
    if (aLater !== bLater) return aLater - bLater;
    return a.start < b.start ? -1 : a.start > b.start ? 1 : 0;
  }

  // Course text in the page's language; untranslated text is the Chinese, tagged and marked as
  // the pages mark it (the same template, rendered into the page for the script).
  function span(text, lang, tag) {
    var el = document.createElement(tag || "span");
    if (lang === document.documentElement.lang || !mark) { // no mark: a site's own finder.html without one
      if (lang !== document.documentElement.lang) el.lang = lang;
      el.textContent = text;
      return el;
    }
    var marked = mark.content.cloneNode(true);
    marked.querySelector("[lang]").textContent = text;
    el.appendChild(marked);
    return el;
  }

  // Only the chosen county's towns are offered (all, grouped by county, when none is chosen); a
  // town of another county is cleared. Returns whether it was.
  function offerTowns() {
    var county = countyField.value;
    if (county === offeredFor) return false;
    offeredFor = county;
    var town = townField.value;
    townGroups.forEach(function (group) {
      if (group.parentNode) townField.removeChild(group);
    });
    townGroups.forEach(function (group) {
      // a group without its county (a site's own finder.html from before) is always offered
      if (!county || !group.dataset.county || group.dataset.county === county) townField.appendChild(group);
    });
    townField.value = town;
    if (townField.value === town) return false;
    townField.value = "";
    return true;
  }

  function item(c) {
    var li = document.createElement("li");
    li.className = "lc-result";
    li.dataset.county = c.county;
    var a = document.createElement("a");
    a.href = base + c.href;
    a.appendChild(span(c.title, c.title_lang, "strong"));
    li.appendChild(a);
    li.appendChild(document.createElement("br"));
    var small = document.createElement("small");
    small.appendChild(span(c.provider, c.provider_lang));
    small.appendChild(document.createTextNode(" · " + c.when + " · " + c.fee));
    small.appendChild(document.createElement("br"));
    small.appendChild(status.element(c.enrolment, day));
    li.appendChild(small);
    return li;
  }

  function showMore() {
    var end = Math.min(shown + PAGE, matched.length);
    var fragment = document.createDocumentFragment();
    for (var i = shown; i < end; i++) fragment.appendChild(item(matched[i]));
    list.appendChild(fragment);
    shown = end;
    more.hidden = shown >= matched.length;
  }

  function apply(remember) {
    if (!loaded) { // what was chosen meanwhile applies, and goes into the URL, once the courses are in
      chosen = chosen || remember;
      return;
    }
    var s = state();
    matched = courses.filter(function (c) { return matches(c, s); });
    // starting soonest: courses yet to start, the nearest first, then those already under way
    if (s.sort === "soonest") matched = matched.slice().sort(soonest);
    list.textContent = "";
    shown = 0;
    showMore();
    count.textContent = (matched.length === 1 ? form.dataset.countOne : form.dataset.count).replace("{count}", matched.length);
    if (show && none) {
      show.textContent = (matched.length === 1 ? form.dataset.showOne : form.dataset.show).replace("{count}", matched.length);
      show.hidden = matched.length === 0;
      none.hidden = matched.length > 0;
    }
    if (!matched.length && none) { // under the results' "0 courses found", the way back to the filters
      var back = document.createElement("a");
      back.href = "#lc-found";
      back.textContent = form.dataset.change;
      var li = document.createElement("li");
      li.className = "lc-none-help";
      li.appendChild(back);
      list.appendChild(li);
    }
    if (remember) {
      var query = new URLSearchParams(s).toString();
      history.replaceState(null, "", location.pathname + (query ? "?" + query : ""));
    }
  }

  function restore() {
    var params = new URLSearchParams(location.search);
    names.forEach(function (name) {
      var field = form.elements[name];
      var value = params.get(name) || "";
      if (field.type === "checkbox") field.checked = value === "1";
      else field.value = value;
    });
    chosen = offerTowns(); // a shared link's town of another county: cleared, and the address with it
  }

  // The form shows from the first paint (site.css): filters from the URL are set now, and what a
  // reader chooses while the course files load is kept.
  count.textContent = form.dataset.loading;
  restore();
  function changed(event) {
    if (event.target === countyField) offerTowns();
    finder.classList.add("lc-changed"); // the count keeps to the screen from now on (site.css)
    apply(true);
  }
  form.addEventListener("input", changed);
  form.addEventListener("change", changed);
  form.addEventListener("reset", function () { setTimeout(function () { offerTowns(); apply(true); }, 0); });
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  more.addEventListener("click", function () { showMore(); keepPlace(); });

  // Back from a course comes back to it: how many results were shown and how far down the page the
  // reader was, kept in this history entry (the address keeps the filters) and put back once the
  // courses are drawn (the browser would scroll before they are, to a page still too short).
  if ("scrollRestoration" in history) history.scrollRestoration = "manual";
  function keepPlace() {
    history.replaceState({ shown: shown, scroll: window.scrollY }, "", location.href);
  }
  list.addEventListener("click", keepPlace);
  // and as the reader scrolls, once it rests (not on leaving: a page that writes its history then is
  // not kept whole by the browser for Back, its back/forward cache, which keeps the place by itself)
  var resting;
  window.addEventListener("scroll", function () { clearTimeout(resting); resting = setTimeout(keepPlace, 300); }, { passive: true });
  function returnToPlace() {
    var kept = history.state;
    if (!kept || typeof kept.shown !== "number") return;
    while (shown < Math.min(kept.shown, matched.length)) showMore();
    if (typeof kept.scroll === "number") window.scrollTo(0, kept.scroll);
  }
  Promise.all(counties.map(function (county) {
    return fetch(base + "data/courses/" + county + ".json").then(function (response) {
      if (!response.ok) throw new Error(response.status);
      return response.json();
    });
  })).then(function (shards) {
    courses = [].concat.apply([], shards);
    day = status.today();
    courses.forEach(function (c) { c.status = status.compute(c.enrolment, day); });
    loaded = true;
    form.hidden = false;
    apply(chosen);
    finder.classList.remove("lc-loading");
    if (!chosen) returnToPlace();
  }).catch(function () {
    count.textContent = form.dataset.failed;
    if (show) show.hidden = true;
    finder.classList.remove("lc-loading");
  });
})();
