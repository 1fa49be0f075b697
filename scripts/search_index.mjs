// One language's search index: Pagefind 1.6 (npm, pinned by package-lock.json) over that language's
// built pages, plus one record per course (written by the build, learning_city/site/search_records.py)
// so that a course is a result of its own, linked to its anchor, with its details under the title.
// scripts/build.py runs it once per language, one after the other, into the same OUT folder (each
// language's files are named by its own hashes): at city scale one Pagefind process for both
// languages held 2.2 GB, one per language 1.5 GB at most.
//
//     node scripts/search_index.mjs SITE_DIR RECORDS.json ROOT OUT [OTHER_ROOT …]
//
// ROOT is the language's folder in SITE_DIR ("" for the Chinese site at the top, "en/"), so that
// pages get their addresses in the whole site; other languages' folders inside it are left out.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import * as pagefind from "pagefind";

const [site, recordFile, root, out, ...others] = process.argv.slice(2);

function fail(errors) {
  if (errors.length) {
    console.error("search index failed / 搜索索引失败:\n" + errors.join("\n"));
    process.exit(1);
  }
}

// The language's pages: everything under ROOT but the other languages' folders and the index itself.
const skip = new Set(["pagefind", ...others.map((other) => other.replace(/\/$/, ""))]);
const folders = readdirSync(join(site, root), { withFileTypes: true }).filter((e) => e.isDirectory() && !skip.has(e.name));
const glob = root + "{" + ["*.html", ...folders.map((e) => `${e.name}/**/*.html`)].join(",") + "}";

const { index, errors } = await pagefind.createIndex({});
fail(errors);
fail((await index.addDirectory({ path: site, glob })).errors);
// Sent in order, a thousand at a time (the index is the same run after run, tested): awaiting each
// record in turn took half as long again at city scale (20,000 records a language); sending all at
// once held about 50 MB more in node and was no faster (issue 23).
const records = JSON.parse(readFileSync(recordFile, "utf-8"));
for (let start = 0; start < records.length; start += 1000) {
  for (const added of await Promise.all(records.slice(start, start + 1000).map((record) => index.addCustomRecord(record)))) fail(added.errors);
}
fail((await index.writeFiles({ outputPath: out })).errors);
await pagefind.close();
