// A record's changes not saved, across leaving the page (issue 21): Decap keeps them on this device
// (its local backup, in the browser's IndexedDB through localforage), warns before the page is left
// with changes not saved, and offers them back when the record is opened again (its question in
// Chinese: locale.js). Three things of Decap's are mended here, through its store (store.js):
// - it offers them as soon as it has read them, while the record is still loading, and the record,
//   once loaded, then replaces the changes restored (Decap issues 5055, 5470, 6989): the offer waits
//   until the record is in the form;
// - it writes its backup 2 s after the last change, so a page left sooner lost the last changes:
//   when the page is left or hidden, the changes are parked at once in localStorage (which writes
//   before the page goes), and put in Decap's backup when the editor next starts, before Decap reads it;
// - it mounts its editor once per visit to a record's address, not again when the address moves to
//   another record (a link, the back button, an address typed): the address then names record B and
//   the form still shows record A, whose save would write A. It has no hook for this (its routes
//   give the editor no key), so the page is loaded again at the new address, A's changes parked.

const decap = window.lcDecap; // store.js
const RECORD = /^#\/collections\/([^/?]+)\/entries\/([^?]+)/;
const PARKED = "lc-draft"; // localStorage: Decap's backup of the changes not saved when the page was left
const BACKUPS = ["localforage", "keyvaluepairs"]; // where Decap's localforage keeps its backups

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

/** Decap's backup of the form's changes not saved ({key, value} as Backend.persistLocalDraftBackup
 * writes it; the file's text from `toFile`, the collection's format), or null when all is saved. */
export function backupOf(entryDraft, toFile) {
  if (!entryDraft || !entryDraft.get("hasChanged")) return null;
  const entry = entryDraft.get("entry");
  const collection = entry.get("collection");
  const slug = entry.get("slug");
  const raw = toFile(collection, entry.get("data").toJS());
  if (!raw || !raw.trim()) return null; // as Decap: no backup of nothing
  return { key: slug ? `backup.${collection}.${slug}` : `backup.${collection}`, value: { raw, path: entry.get("path"), mediaFiles: [] } };
}

/** The changes parked when the page was left, put in Decap's backup (before CMS.init: Decap reads it
 * when it opens the record). Only into the store Decap made: never creates its database. */
function unpark(win) {
  const parked = win.localStorage.getItem(PARKED);
  win.localStorage.removeItem(PARKED);
  if (!parked) return Promise.resolve();
  const { key, value } = JSON.parse(parked);
  return new Promise((resolve) => {
    const opened = win.indexedDB.open(BACKUPS[0]);
    opened.onupgradeneeded = () => opened.transaction.abort(); // no database: nothing of Decap's to add to
    opened.onerror = () => resolve();
    opened.onsuccess = () => {
      const db = opened.result;
      try {
        const write = db.transaction(BACKUPS[1], "readwrite");
        write.objectStore(BACKUPS[1]).put(value, key);
        write.oncomplete = write.onerror = write.onabort = () => { db.close(); resolve(); };
      } catch {
        db.close();
        resolve();
      }
    };
  });
}

/** Park the changes not saved when the page is left or hidden; a page shown again is live again. */
function parkOnLeaving(win, toFile) {
  const park = () => {
    const backup = decap.store && backupOf(decap.store.getState().entryDraft, toFile);
    if (backup) win.localStorage.setItem(PARKED, JSON.stringify(backup));
  };
  win.addEventListener("pagehide", park);
  win.addEventListener("pageshow", () => win.localStorage.removeItem(PARKED));
  win.document.addEventListener("visibilitychange", () => (win.document.visibilityState === "hidden" ? park() : win.localStorage.removeItem(PARKED)));
}

/** The page loaded again when the address moves from one record to another. */
function oneRecordPerLoad(win) {
  let reloading = false;
  win.addEventListener("beforeunload", (event) => {
    if (reloading) event.stopImmediatePropagation(); // the changes are parked: no "leave the page?"
  });
  win.addEventListener("hashchange", (event) => {
    const from = recordOf(event.oldURL);
    const to = recordOf(event.newURL);
    if (!from || !to || from === to) return;
    event.stopImmediatePropagation(); // Decap would go on showing `from`
    reloading = true;
    win.location.reload();
  });
}

/** All of the above; before CMS.init, so that these listeners come before Decap's (its router's on
 * hashchange, its warning on beforeunload). `toFile(collection, data)`: a record's file text, as
 * Decap's format for the collection writes it. Resolves when Decap may start. */
export function keepDrafts(toFile, win = window) {
  offerOnceLoaded();
  parkOnLeaving(win, toFile);
  oneRecordPerLoad(win);
  return unpark(win);
}
