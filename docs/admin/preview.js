// The editor's preview pane: the record's public page, from the site's own templates (page.js),
// (an event, a team or a resource: its part of the page that lists it; the recognitions: their page),
// with the site's own stylesheets and page scripts, so a secretary sees what readers will see:
// names rather than ids, the network tier, the children, the enrolment status as of today, the
// calendar links and the course's copy and print buttons. Everything comes from this site.
// The templates escape every value: record text stays text here as on the site.

import { zh } from "./locale.js";
import { escapeHtml, pages, todayInJiaxing } from "./page.js";

// the page's margins inside the pane; the rest is the site's CSS
export const PREVIEW_CSS = ".lc-preview { padding: 0 1rem 2rem; }";
const SITE = new URL("../", window.location.href); // /admin/ lives at the root of the Chinese site

function json(name) {
  return fetch(name).then((response) => (response.ok ? response.json() : Promise.reject(new Error(`${name}: ${response.status}`))));
}

// admin/preview.json and records.json are written by the build beside the editor
const renderer = Promise.all([json("preview.json"), json("records.json")]).then(([kit, records]) => ({
  pages: pages(window.nunjucks, kit, records),
  scripts: kit.scripts.map((path) => new URL(path, SITE).href),
}));

// the site's stylesheets, as its home page links them (the theme's file names change with its version)
const styles = fetch(SITE)
  .then((response) => (response.ok ? response.text() : ""))
  .then((html) => [...new DOMParser().parseFromString(html, "text/html").querySelectorAll('link[rel="stylesheet"]')].map((link) => new URL(link.getAttribute("href"), SITE).href))
  .catch(() => []);

/** The page's scripts (the course's copy and print buttons, the status for the reader's day, a
 * venue's hours now), run on each new rendering of the page as each page load runs them: the pane
 * writes the page anew as the form changes, whenever React replaces it. */
function pageScripts(doc, scripts) {
  if (doc.lcPageScripts) return;
  doc.lcPageScripts = true;
  let pending = null;
  const run = () => {
    pending = null;
    const record = doc.querySelector(".lc-preview .lc-record");
    if (!record || record.dataset.lcScripts) return;
    record.dataset.lcScripts = "run";
    for (const src of scripts) {
      const script = doc.createElement("script");
      script.src = src;
      script.async = false; // in the page's order
      script.addEventListener("load", () => script.remove());
      doc.body.appendChild(script);
    }
  };
  new doc.defaultView.MutationObserver(() => {
    pending = pending || setTimeout(run, 50);
  }).observe(doc.body, { childList: true, subtree: true });
  run();
}

/** The preview component of one collection ("providers", "venues"; issue 22's "events", "teams",
 * "resources", and "recognitions", the one file of that collection). */
export function previewOf(h, collection, seen = () => {}) {
  return window.createClass({
    getInitialState() {
      return { kit: null, styles: [], failed: "" };
    },
    componentDidMount() {
      renderer.then((kit) => this.setState({ kit }), (error) => this.setState({ failed: String(error) }));
      styles.then((found) => this.setState({ styles: found }));
    },
    componentDidUpdate() {
      if (this.root && this.state.kit) pageScripts(this.root.ownerDocument, this.state.kit.scripts);
    },
    render() {
      const { entry } = this.props;
      seen(entry); // the record as the form holds it now (editor.js: every refusal at once)
      const data = entry.get("data").toJS();
      const links = this.state.styles.map((href) => h("link", { key: href, rel: "stylesheet", href }));
      let html = "";
      if (this.state.kit) {
        try {
          html = this.state.kit.pages.render(collection, data, { lang: "zh", base: "../", today: todayInJiaxing(), path: entry.get("path") });
        } catch (error) {
          html = `<p class="lc-preview-error">${escapeHtml(error.message)}</p>`;
        }
      } else if (this.state.failed) {
        html = `<p class="lc-preview-error">${escapeHtml(this.state.failed)}</p>`;
      }
      return h("div", { className: "md-typeset lc-preview", ref: (element) => { this.root = element; } }, [
        ...links,
        h("h1", { key: "title" }, this.state.kit ? this.state.kit.pages.title(collection, data, "zh") : (data.name && data.name.zh) || ""),
        h("div", { key: "page", dangerouslySetInnerHTML: { __html: html } }),
      ]);
    },
  });
}

/** On a phone the form fills the screen (editor.css); a button shows the preview in its place,
 * and the form again. Only while a record is open. */
export function phonePreviewSwitch(doc = document) {
  const root = doc.documentElement;
  const button = doc.createElement("button");
  button.type = "button";
  button.className = "lc-preview-switch";
  const show = (preview) => {
    root.classList.toggle("lc-phone-preview", preview);
    button.textContent = zh(preview ? "editor.show_form" : "editor.show_preview");
    button.setAttribute("aria-pressed", String(preview));
  };
  const place = () => {
    const editing = /^#\/collections\/[^/]+\/(?:entries\/|new)/.test(doc.defaultView.location.hash);
    button.hidden = !editing;
    if (!editing) show(false);
  };
  button.addEventListener("click", () => show(!root.classList.contains("lc-phone-preview")));
  show(false);
  place();
  doc.defaultView.addEventListener("hashchange", place);
  doc.body.appendChild(button);
}
