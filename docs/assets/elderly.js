// Large-text mode (长辈模式) and reading a page aloud.
// The mode is an attribute on <html>, remembered in localStorage; an inline script in the page
// head applies it before the first paint. Reading aloud uses the browser's own speech, in the
// page's language, and its buttons stay hidden where the browser cannot speak.
(function () {
  "use strict";
  var root = document.documentElement;
  var toggle = document.getElementById("lc-elderly-toggle");

  function on() { return root.getAttribute("data-lc-mode") === "elderly"; }

  function show() { if (toggle) toggle.setAttribute("aria-pressed", on() ? "true" : "false"); }

  if (toggle) {
    toggle.hidden = false;
    show();
    toggle.addEventListener("click", function () {
      if (on()) root.removeAttribute("data-lc-mode");
      else root.setAttribute("data-lc-mode", "elderly");
      try { localStorage.setItem("lc-elderly", on() ? "1" : "0"); } catch (e) { /* private mode: this page only */ }
      show();
    });
  }

  var bar = document.querySelector(".lc-read-aloud-bar");
  if (!bar || !("speechSynthesis" in window) || typeof SpeechSynthesisUtterance === "undefined") return;
  bar.hidden = false;
  var start = bar.querySelector(".lc-read-aloud");
  var stop = bar.querySelector(".lc-read-stop");

  function blocks() {
    // the page's text, block by block, without the buttons and links around it
    var content = document.querySelector(".md-content article") || document.body;
    var found = content.querySelectorAll("h1, h2, h3, h4, p, li, dt, dd, td, th");
    return Array.prototype.filter.call(found, function (el) {
      return !el.closest(".lc-read-aloud-bar, .lc-record-links, .lc-qr, [hidden]") && el.textContent.trim()
        && !el.querySelector("p, li, dt, dd");
    }).map(function (el) { return el.textContent.replace(/\s+/g, " ").trim(); });
  }

  start.addEventListener("click", function () {
    speechSynthesis.cancel();
    blocks().forEach(function (text) {
      var utterance = new SpeechSynthesisUtterance(text);
      utterance.lang = bar.dataset.lang;
      speechSynthesis.speak(utterance);
    });
    stop.hidden = false;
    stop.focus();
  });
  stop.addEventListener("click", function () {
    speechSynthesis.cancel();
    stop.hidden = true;
    start.focus();
  });
})();
