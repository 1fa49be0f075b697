// One bundle of one language's search index: Pagefind 1.6 (npm, pinned by package-lock.json) over
// that language's built pages and records written by the build (learning_city/site/search_records.py),
// one per course, team, resource and event, so that each is a result of its own, linked to its
// anchor, with its details under the title.
//
//     node scripts/search_index.mjs SITE_DIR RECORDS.json BUNDLE ROOT OUT [OTHER_ROOT …]
//
// RECORDS.json is a list of bundles; bundle 0 is indexed with the pages into OUT (the language's
// index, pagefind/), any other alone (into OUT = pagefind/<lang>-<n>/, which the search page merges).
// Pagefind's memory grows with what one run indexes: learning_city/plugin/build.py runs this once per
// bundle and language, one after the other (each language's files are named by its own hashes).
// ROOT is the language's folder in SITE_DIR ("" for the Chinese site at the top, "en/"), so that
// pages get their addresses in the whole site; other languages' folders inside it are left out.
import { readFileSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import * as pagefind from "pagefind";

const [site, recordFile, bundle, root, out, ...others] = process.argv.slice(2);

function fail(errors) {
  if (errors.length) {
    console.error("search index failed / 搜索索引失败:\n" + errors.join("\n"));
    process.exit(1);
  }
}

const { index, errors } = await pagefind.createIndex({});
fail(errors);
if (bundle === "0") {
  // The language's pages: everything under ROOT but the other languages' folders and the index itself.
  const skip = new Set(["pagefind", ...others.map((other) => other.replace(/\/$/, ""))]);
  const folders = readdirSync(join(site, root), { withFileTypes: true }).filter((e) => e.isDirectory() && !skip.has(e.name));
  const glob = root + "{" + ["*.html", ...folders.map((e) => `${e.name}/**/*.html`)].join(",") + "}";
  fail((await index.addDirectory({ path: site, glob })).errors);
}
// Sent in order, a thousand at a time (the index is the same run after run, tested): awaiting each
// record in turn took half as long again at city scale (20,000 records a language); sending all at
// once held about 50 MB more in node and was no faster (issue 23).
const records = JSON.parse(readFileSync(recordFile, "utf-8"))[Number(bundle)];
for (let start = 0; start < records.length; start += 1000) {
  for (const added of await Promise.all(records.slice(start, start + 1000).map((record) => index.addCustomRecord(record)))) fail(added.errors);
}
fail((await index.writeFiles({ outputPath: out })).errors);
await pagefind.close();
if (bundle !== "0") {
  // A merged bundle is read with the first bundle's scripts and WebAssembly: only its index stays.
  for (const entry of readdirSync(out, { withFileTypes: true })) {
    const kept = entry.isDirectory() || entry.name === "pagefind-entry.json" || entry.name.endsWith(".pf_meta");
    if (!kept) rmSync(join(out, entry.name));
  }
}
