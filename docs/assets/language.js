// The language switch keeps the reader where they are: the same page in the other language, with
// the page's ?query (the finder's filters, a search) and #fragment (a course) carried over. Without
// JavaScript the switch still links to the same page. Its own click handler keeps Material's
// language handling (which would drop the fragment) out of the way.
(function () {
  "use strict";
  // A search in Chinese characters finds nothing in the English index (its pages hold English):
  // the English search page opens empty for it, not with "No results for 太极".
  var searching = document.getElementById("lc-search");
  function carried(lang) {
    var query = new URLSearchParams(location.search).get("q") || "";
    return searching && lang !== "zh" && /[\u3400-\u9fff\uf900-\ufaff]/.test(query) ? "" : location.search;
  }
  document.querySelectorAll("a.lc-alternate").forEach(function (link) {
    var page = link.getAttribute("href");
    link.addEventListener("click", function (event) {
      event.stopPropagation();
      link.href = page + carried(link.getAttribute("hreflang")) + location.hash;  // read at the click: the finder and the search change them
    });
  });
})();

// An untranslated record's name, in the header as Material shows the page's title, is tagged as its
// heading is (<h1><span lang="zh">), so that a screen reader speaks it in Chinese.
(function () {
  "use strict";
  var named = document.querySelector("article h1 > span[lang]");
  if (!named) return;
  document.querySelectorAll(".md-header__topic .md-ellipsis").forEach(function (topic) {
    if (topic.textContent.trim() === named.textContent.trim()) topic.setAttribute("lang", named.lang);
  });
})();
