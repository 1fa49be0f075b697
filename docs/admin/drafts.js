// A record's changes not saved, across leaving the page (issue 21): Decap keeps them on this device
// (its local backup, written 2 s after the last change), warns before the page is left with
// changes not saved, and offers them back when the record is opened again (its question: locale.js).
// Two things of Decap's are mended here, through its store (store.js):
// - it asks as soon as it has read the kept changes, while the record is still loading, and the
//   record, once loaded, then replaces the changes restored (Decap issues 5055, 5470, 6989): the
//   question waits until the record has loaded;
// - it mounts its editor once per visit to a record's address, not again when the address moves to
//   another record (a link, the back button, an address typed): the address then names record B
//   and the form still shows record A, whose save would write A. It has no hook for this (its
//   routes give the editor no key), so the page is loaded again at the new address, once the
//   changes to A are kept.

const decap = window.lcDecap; // store.js
const RECORD = /^#\/collections\/([^/?]+)\/entries\/([^?]+)/;
const KEPT = 2000 + 500; // Decap's backup: 2000 ms after the last change (Editor.createBackup), and its write

/** "providers/nanhu-daqiao-adult-school" for an address of the editor showing that record, else null. */
export function recordOf(url) {
  const found = RECORD.exec(new URL(url).hash);
  return found ? `${found[1]}/${decodeURIComponent(found[2])}` : null;
}

/** Decap's offer of kept changes, held back while its record loads (nothing in the form yet: the
 * draft's key is empty until Decap makes it from the record) and made once the record is in the form. */
function offerOnceLoaded() {
  let held = null;
  decap.before.push((action, store) => {
    if (action.type === "DRAFT_DISCARD") held = null; // the record was left
    if (action.type !== "DRAFT_LOCAL_BACKUP_RETRIEVED" || store.getState().entryDraft.get("key")) return true;
    held = action;
    return false;
  });
  decap.after.push((action, store) => {
    if (!held || !["DRAFT_CREATE_FROM_ENTRY", "DRAFT_CREATE_EMPTY"].includes(action.type)) return;
    const offer = held;
    held = null;
    store.dispatch(offer);
  });
}

/** The page loaded again when the address moves from one record to another; before CMS.init, so that
 * these listeners come before Decap's (its router's on hashchange, its warning on beforeunload). */
function oneRecordPerLoad(win) {
  let changed = 0; // when the draft last changed while not saved: Decap keeps it KEPT after
  decap.after.push((action, store) => {
    if (store.getState().entryDraft.get("hasChanged")) changed = Date.now();
  });
  let reloading = false;
  win.addEventListener("beforeunload", (event) => {
    if (reloading) event.stopImmediatePropagation(); // the changes are kept: no "leave the page?"
  });
  win.addEventListener("hashchange", (event) => {
    const from = recordOf(event.oldURL);
    const to = recordOf(event.newURL);
    if (!from || !to || from === to) return;
    event.stopImmediatePropagation(); // Decap would go on showing `from`
    reloading = true;
    win.setTimeout(() => win.location.reload(), Math.max(0, changed + KEPT - Date.now()));
  });
}

export function keepDrafts(win = window) {
  offerOnceLoaded();
  oneRecordPerLoad(win);
}
