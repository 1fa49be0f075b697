// The site's search index: Pagefind 1.6 (npm, pinned by package-lock.json) over the built pages of
// both languages, plus one record per course (written by the build, learning_city/site/search_records.py)
// so that a course is a result of its own, linked to its anchor, with its details under the title.
//
//     node scripts/search_index.mjs SITE_DIR [RECORDS.json …]
import { readFileSync } from "node:fs";
import { join } from "node:path";
import * as pagefind from "pagefind";

const [site, ...recordFiles] = process.argv.slice(2);

function fail(errors) {
  if (errors.length) {
    console.error("search index failed / 搜索索引失败:\n" + errors.join("\n"));
    process.exit(1);
  }
}

const { index, errors } = await pagefind.createIndex({});
fail(errors);
fail((await index.addDirectory({ path: site })).errors);
// Sent all at once, in order (the index is the same run after run, tested); awaiting each record
// in turn took half as long again at city scale (40,000 records).
const pending = [];
for (const file of recordFiles) {
  for (const record of JSON.parse(readFileSync(file, "utf-8"))) pending.push(index.addCustomRecord(record));
}
for (const added of await Promise.all(pending)) fail(added.errors);
fail((await index.writeFiles({ outputPath: join(site, "pagefind") })).errors);
await pagefind.close();
