// One course to share: each course on a provider page gets "copy link" (its own address, the
// page's canonical address with #course-…) and "print this course" (the large-print card of that
// course alone, with a QR code of its address). The buttons are made here, not written into the
// page: without JavaScript they could do nothing, and a page of many courses stays light.
// The QR code is drawn in the browser by qrcode-generator (npm, copied to assets/vendor/ by the
// build), loaded only when a reader prints.
(function () {
  "use strict";
  var courses = document.querySelectorAll("article.lc-course[id]");
  var strings = (window.lcStatus || {}).strings || {};
  if (!courses.length || !strings["course.copy_link"]) return;
  var script = document.currentScript;
  var vendor = new URL("vendor/qrcode.js", script ? script.src : location.href).href;

  var live = document.createElement("p");
  live.className = "lc-announce";
  live.setAttribute("role", "status");
  live.setAttribute("aria-live", "polite");
  document.querySelector(".lc-record").appendChild(live);

  function announce(words) {
    live.textContent = "";
    setTimeout(function () { live.textContent = words; }, 50);  // a change that screen readers hear every time
  }

  function address(article) {
    var canonical = document.querySelector('link[rel="canonical"]');
    var page = canonical ? canonical.href : location.href;
    return page.split("#")[0] + "#" + article.id;
  }

  function fallback(article, url) {
    var field = article.querySelector(".lc-copy-field");
    if (!field) {
      field = document.createElement("input");
      field.className = "lc-copy-field";
      field.readOnly = true;
      field.setAttribute("aria-label", strings["course.copy_link"]);
      article.querySelector(".lc-course-tools").appendChild(field);
    }
    field.value = url;
    field.focus();
    field.select();
    var copied = false;
    try { copied = document.execCommand("copy"); } catch (e) { copied = false; }
    announce(strings[copied ? "course.copied" : "course.copy_failed"]);
  }

  function copy(article) {
    var url = address(article);
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(url).then(function () { announce(strings["course.copied"]); }, function () { fallback(article, url); });
    } else {
      fallback(article, url);
    }
  }

  function withQr(done) {
    if (window.qrcode) return done();
    var tag = document.createElement("script");
    tag.src = vendor;
    tag.onload = done;
    tag.onerror = done;  // printed without the code rather than not at all
    document.head.appendChild(tag);
  }

  function print(article) {
    withQr(function () {
      var url = address(article);
      var figure = article.querySelector(".lc-course-qr");
      if (!figure) {
        figure = document.createElement("figure");
        figure.className = "lc-course-qr";
        article.appendChild(figure);
      }
      figure.textContent = "";
      if (window.qrcode) {
        var code = window.qrcode(0, "M");
        code.addData(url, "Byte");
        code.make();
        var holder = document.createElement("span");
        holder.setAttribute("role", "img");
        holder.setAttribute("aria-label", url);
        holder.innerHTML = code.createSvgTag({ cellSize: 4, margin: 2, scalable: true });  // markup made by the library from the address
        figure.appendChild(holder);
      }
      var caption = document.createElement("figcaption");
      caption.textContent = url;
      figure.appendChild(caption);
      document.documentElement.dataset.lcPrintCourse = article.id;
      article.classList.add("lc-print-this");
      window.print();
    });
  }

  window.addEventListener("afterprint", function () {
    delete document.documentElement.dataset.lcPrintCourse;
    document.querySelectorAll(".lc-print-this").forEach(function (a) { a.classList.remove("lc-print-this"); });
  });

  courses.forEach(function (article) {
    // once per course: the editor's preview may run this script twice on one rendering
    if (article.querySelector(".lc-course-tools")) return;
    var bar = document.createElement("p");
    bar.className = "lc-course-tools";
    [["course.copy_link", copy, "lc-copy-link"], ["course.print", print, "lc-print-course"]].forEach(function (b) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "md-button " + b[2];
      button.textContent = strings[b[0]];
      button.addEventListener("click", function () { b[1](article); });
      bar.appendChild(button);
      bar.appendChild(document.createTextNode(" "));
    });
    article.appendChild(bar);
  });
})();
