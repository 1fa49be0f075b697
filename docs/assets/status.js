// Enrolment status for the reader's day. A page says what was true on the day it was built; a page
// cached for a week must still tell the truth, so this script works the status out again from the
// dates in the page (data-status, data-opens, data-closes, data-ends on each .lc-status), with the
// rules of learning_city/data/status.py, on today's date in Jiaxing. The finder and the search use
// the same functions (window.lcStatus). Without JavaScript the build's words stay, "as of" their day.
(function () {
  "use strict";
  var strings = window.lcStrings || {};  // assets/strings.js, written by the build in the page's language

  // Today in Jiaxing (Asia/Shanghai), as YYYY-MM-DD, whatever the reader's own time zone.
  function today() {
    var parts = {};
    new Intl.DateTimeFormat("en-GB", { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit" })
      .formatToParts(new Date()).forEach(function (p) { parts[p.type] = p.value; });
    return parts.year + "-" + parts.month + "-" + parts.day;
  }

  // status.py's enrolment_status: dates are YYYY-MM-DD strings, so they compare as text.
  function compute(facts, day) {
    if (facts.status === "cancelled") return { kind: "cancelled", date: "" };
    if ((facts.closes && day > facts.closes) || (facts.ends && day > facts.ends)) return { kind: "closed", date: "" };
    if (facts.opens && day < facts.opens) return { kind: "not-yet", date: facts.opens };
    if (facts.status === "full") return { kind: "full", date: "" };
    if (facts.status === "waitlist") return { kind: "waitlist", date: "" };
    return { kind: "open", date: facts.closes || "" };
  }

  function formatDate(iso) {
    var p = iso.split("-").map(Number);
    return (strings["date.format"] || "{year}-{month}-{day}")
      .replace("{year}", p[0]).replace("{month}", p[1]).replace("{day}", p[2])
      .replace("{month_name}", (strings.months || [])[p[1] - 1] || p[1]);
  }

  // enrolment.py's text(): the words for a status
  function label(status) {
    var key = status.kind === "open" ? (status.date ? "status.open_until" : "status.open")
      : status.kind === "not-yet" ? "status.not_yet" : "status." + status.kind;
    var words = strings[key];
    return words ? words.replace("{date}", status.date ? formatDate(status.date) : "") : null;
  }

  function factsOf(el) {
    return { status: el.dataset.status || "open", opens: el.dataset.opens || "", closes: el.dataset.closes || "", ends: el.dataset.ends || "" };
  }

  // enrolment.py's CAN_ENROL, written by the build into strings.js
  var enrollable = strings.canEnrol || [];
  function canEnrol(kind) { return enrollable.indexOf(kind) !== -1; }

  // Rewrites one status element for `day`, and hides the link to enrol beside it (record.html's
  // enrolment) once enrolment is over; returns its kind.
  function update(el, day) {
    var status = compute(factsOf(el), day || today());
    var link = el.parentElement && el.parentElement.querySelector(".lc-enrol-link");
    if (link) link.hidden = !canEnrol(status.kind);
    var words = label(status);
    if (words === null) return el.dataset.kind;
    el.textContent = words;
    el.dataset.kind = status.kind;
    return status.kind;
  }

  // A new status element for the finder and the search results.
  function element(facts, day) {
    var el = document.createElement("span");
    el.className = "lc-status";
    ["status", "opens", "closes", "ends"].forEach(function (name) { if (facts[name]) el.dataset[name] = facts[name]; });
    update(el, day);
    return el;
  }

  function refresh(root) {
    var day = today();
    var done = 0;
    (root || document).querySelectorAll(".lc-status").forEach(function (el) { update(el, day); done++; });
    // the statuses are the reader's day's now, so the "as of" note names that day: its words change
    // in place, where hiding it would move the whole list up under the reader (layout shift, issue 16)
    if (done && strings["status.open"] && strings["status.as_of"]) {
      var words = strings["status.as_of"].replace("{date}", formatDate(day));
      (root || document).querySelectorAll(".lc-status-as-of").forEach(function (note) {
        (note.querySelector("small") || note).textContent = words;
        note.dataset.day = day;
      });
    }
  }

  window.lcStatus = {
    today: today, compute: compute, label: label, element: element, refresh: refresh, formatDate: formatDate,
    canEnrol: canEnrol,
    strings: strings
  };
  refresh(document);
})();
