// A venue's doors now: open now (until when), opening later today, or closed today (and why), from
// the weekly hours and dated closures in the page (data-facts), on the reader's clock in Jiaxing.
// The rules are learning_city/data/status.py's hours_on and closure_on. Without JavaScript the
// page shows the week from the day it was built.
(function () {
  "use strict";
  var box = document.querySelector(".lc-venue-today");
  var strings = (window.lcStatus || {}).strings || {};
  if (!box || !strings["today.closed"]) return;
  var facts = JSON.parse(box.dataset.facts);
  var WEEKDAYS = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];

  function now() {
    var parts = {};
    new Intl.DateTimeFormat("en-GB", {
      timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23"
    }).formatToParts(new Date()).forEach(function (p) { parts[p.type] = p.value; });
    var date = parts.year + "-" + parts.month + "-" + parts.day;
    var weekday = WEEKDAYS[new Date(Date.UTC(+parts.year, +parts.month - 1, +parts.day)).getUTCDay()];
    return { date: date, weekday: weekday, time: parts.hour + ":" + parts.minute };
  }

  var at = now();
  var closure = facts.closures.filter(function (c) { return c.start <= at.date && at.date <= c.end; })[0];
  var rows = closure ? [] : facts.hours.filter(function (row) { return row.days.indexOf(at.weekday) !== -1; });
  var open = rows.filter(function (row) { return row.opens <= at.time && at.time < row.closes; })[0];
  var words;
  if (closure) words = strings["today.closed_reason"].replace("{reason}", closure.reason);
  else if (!rows.length) words = strings["today.closed"];
  else if (open) words = strings["today.open_now"].replace("{closes}", open.closes);
  else words = strings["today.open_later"].replace("{hours}", rows.map(function (r) { return r.opens + "–" + r.closes; }).join(", "));
  var line = box.querySelector(".lc-today-now");
  line.textContent = words;
  line.dataset.state = closure || !rows.length ? "closed-today" : open ? "open" : "closed-now";
  line.hidden = false;
  box.querySelectorAll(".lc-week li").forEach(function (li) {
    if (li.dataset.date === at.date) li.setAttribute("aria-current", "date");
  });
})();
