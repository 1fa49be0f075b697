// The search page: Pagefind's UI over the index built after the site (python -m pagefind).
// Pagefind loads only the index chunks a query needs, in the page's language.
(function () {
  "use strict";
  var box = document.getElementById("lc-search");
  if (!box) return;
  // the page's own box (search_box.html), shown until Pagefind's takes its place
  var early = box.querySelector(".lc-search-form");
  // Pagefind's UI goes in once both its script and its styles are here: unstyled, it would jump
  var waiting = 2;
  function ready() { if (--waiting === 0) afterPaint(start); }
  // once the page's own box has painted: Pagefind's, of the same size, is then no new largest paint
  function afterPaint(then) { requestAnimationFrame(function () { setTimeout(then, 0); }); }
  var style = document.createElement("link");
  style.rel = "stylesheet";
  style.href = box.dataset.bundle + "pagefind-ui.css";
  style.onload = style.onerror = ready;
  document.head.appendChild(style);
  var script = document.createElement("script");
  script.src = box.dataset.bundle + "pagefind-ui.js";
  script.onload = ready;
  // Under each result's title, what a reader decides by (a course's provider, days and time, place,
  // fee; an event's host and how to take part; a resource's publisher and subject), labelled in the
  // page's language (strings.js searchLabels, in their order). A course's enrolment status is worked
  // out for today by the same script as the pages' (status.js), from the dates the index holds.
  var status = window.lcStatus;
  var LABELS = (window.lcStrings || {}).searchLabels || [];
  function labelled(data) {
    var meta = data.meta;
    var shown = { title: meta.title };
    LABELS.forEach(function (pair) { if (meta[pair[0]]) shown[pair[1]] = meta[pair[0]]; });
    if (meta.enrolment_status && status) {
      // the excerpt only when it shows why the course was found beyond its title (a word of its
      // description): otherwise it would repeat the title and the provider its facts already give
      var title = meta.title.toLowerCase();
      var found = (data.excerpt.match(/<mark>[^<]*<\/mark>/g) || []).map(function (m) { return m.slice(6, -7).trim().toLowerCase(); });
      if (found.every(function (word) { return title.indexOf(word) >= 0; })) data.excerpt = "";
      var facts = { status: meta.enrolment_status, opens: meta.enrolment_opens, closes: meta.enrolment_closes, ends: meta.enrolment_ends };
      var words = status.label(status.compute(facts, status.today()));
      LABELS.forEach(function (pair) { if (pair[0] === "status") shown[pair[1]] = words; });
    }
    data.meta = shown;
    return data;
  }

  // Every result: the part of the page under its own title is the page itself, its excerpt the
  // result's (its <h1> has an id, so Pagefind made it a sub-result, shown again under the page's
  // title); a title that is the Chinese, not yet translated, is remembered by its address, to be
  // tagged and marked once drawn (untranslated).
  var chinese = {};
  function result(data) {
    var title = data.meta.title, subs = data.sub_results || [];
    var top = subs.filter(function (sub) { return sub.title === title; })[0];
    if (top) {
      top.url = data.meta.url || data.url;  // Pagefind shows a first sub-result at the page's address as the page
      data.sub_results = [top].concat(subs.filter(function (sub) { return sub !== top; }));
    }
    if (data.meta.untranslated) chinese[data.url] = true;
    delete data.meta.untranslated;  // Pagefind shows every other meta as a line under the title
    if (english) [data].concat(data.sub_results || []).forEach(function (part) { part.excerpt = taggedChinese(part.excerpt || ""); });
    return labelled(data);
  }
  // marked as the pages mark it: lang="zh" on the title, and after it the pages' own mark
  // (lc/untranslated.html, rendered into the page with no text: search_box.html)
  var mark = document.querySelector(".lc-untranslated-mark");
  function untranslated(root) {
    root.querySelectorAll(".pagefind-ui__result-title > .pagefind-ui__result-link:not([lang])").forEach(function (link) {
      if (!chinese[link.getAttribute("href")]) return;
      link.lang = "zh";
      link.after(mark.content.querySelector(".lc-untranslated").cloneNode(true));
      link.after(" ");
    });
  }

  // On the English page, Chinese in an excerpt (a record not yet translated) is tagged as Chinese, so
  // a screen reader speaks it in Chinese; the excerpt is Pagefind's HTML, tags only around its <mark>s,
  // and Chinese characters are never part of a tag.
  var english = document.documentElement.lang === "en";
  function taggedChinese(html) {
    return html.replace(/[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]+/g, '<span lang="zh">$&</span>');
  }

  // Back from a result comes back to it, as on the finder: how many results were shown and how far
  // down the page, kept in this history entry (the address keeps the query), put back once Pagefind
  // has drawn them again (pressing its "more results" as the reader did).
  if ("scrollRestoration" in history) history.scrollRestoration = "manual";
  function resultsShown() { return box.querySelectorAll(".pagefind-ui__result").length; }
  function keepPlace() { history.replaceState({ shown: resultsShown(), scroll: window.scrollY }, "", location.href); }
  function returnTo(kept) {
    var pressedAt = -1;
    var observer = new MutationObserver(step);
    observer.observe(box, { childList: true, subtree: true });
    setTimeout(function () { observer.disconnect(); }, 15000);  // a search that never completes: leave the page as it is
    function step() {
      var now = resultsShown();
      if (!now || box.querySelector(".pagefind-ui__loading")) return;  // results still filling in
      var more = box.querySelector(".pagefind-ui__button");
      if (now < kept.shown && more) {
        if (now > pressedAt) { pressedAt = now; more.click(); }
        return;
      }
      observer.disconnect();
      window.scrollTo(0, kept.scroll || 0);
    }
  }

  // Pagefind writes each fact as "label: value", an ASCII colon; a Chinese page has its own, "：" (punct.colon)
  var colon = (window.lcStrings || {})["punct.colon"];
  function colons(root) {
    if (!colon || colon === ": ") return;
    root.querySelectorAll(".pagefind-ui__result-tag").forEach(function (tag) {
      tag.childNodes.forEach(function (node) { if (node.nodeType === 3 && node.data === ": ") node.data = colon; });
    });
  }

  function start() {
    var typed = early ? early.querySelector("input").value : "";
    // Result links are made absolute from the site's root, wherever the site is served from.
    var root = new URL(box.dataset.bundle, location.href).pathname.replace(/pagefind\/$/, "");
    var ui = new PagefindUI({
      element: "#lc-search",
      bundlePath: box.dataset.bundle,
      // the language's further bundles (a large catalogue's courses, indexed apart: search_records.py)
      mergeIndex: JSON.parse(box.dataset.merge || "[]").map(function (folder) { return { bundlePath: box.dataset.bundle + folder, baseUrl: root }; }),
      baseUrl: root,
      ranking: JSON.parse(box.dataset.ranking || "{}"),
      showSubResults: true,
      showImages: false,
      resetStyles: false,
      processResult: result,
      translations: JSON.parse(box.dataset.translations)
    });
    new MutationObserver(function () { if (mark) untranslated(box); colons(box); }).observe(box, { childList: true, subtree: true });
    if (early) early.remove();  // in the same task as Pagefind's box went in: one paint, no jump
    var query = typed || new URLSearchParams(location.search).get("q");
    var kept = history.state;
    if (query && !typed && kept && kept.shown > 0) returnTo(kept);
    if (query) ui.triggerSearch(query);
    if (typed) remember(typed);
    box.addEventListener("click", function (event) {
      var target = event.target instanceof Element ? event.target : null;
      if (target && target.closest(".pagefind-ui__result a")) keepPlace();
      if (target && target.closest(".pagefind-ui__search-clear")) remember("");  // 清除 empties the box, and the address
    });
    // and as the reader scrolls, once it rests (as finder.js: not on leaving, which would cost the page
    // its place in the browser's back/forward cache)
    var resting;
    window.addEventListener("scroll", function () { clearTimeout(resting); resting = setTimeout(keepPlace, 300); }, { passive: true });
    var input = box.querySelector("input");
    if (input) {
      // Pagefind names its box by a title only, which not every screen reader reads (axe: label-title-only)
      input.setAttribute("aria-label", JSON.parse(box.dataset.translations).placeholder);
      input.focus();
      input.addEventListener("input", function () { remember(input.value); });
    }
  }
  // the query in the address, to share or come back to
  function remember(value) {
    history.replaceState(null, "", location.pathname + (value ? "?q=" + encodeURIComponent(value) : ""));
  }
  document.head.appendChild(script);
})();
