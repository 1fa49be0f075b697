// Ids from names: a secretary types 大桥镇成人学校 and the record's id is made from its pinyin,
// da-qiao-zhen-cheng-ren-xue-xiao, unless she typed one. Pinyin from pinyin-pro (window.pinyinPro,
// vendored beside the editor by the build). Which id is made from which name is in model.js SPEC
// (a field's "from"; a record without a name, a recognition, has "made_of" instead); editor.js fills
// empty ids just before saving, so the checks see them.

const LONGEST = 60; // characters of a made id: the end of the name is dropped at a hyphen

/** "da-qiao-zhen-cheng-ren-xue-xiao" from "大桥镇成人学校"; digits and Latin letters kept, full-width ones made ASCII. */
export function idFrom(name, pinyin = window.pinyinPro && window.pinyinPro.pinyin) {
  const text = String(name || "").normalize("NFKC");
  const syllables = pinyin ? pinyin(text, { toneType: "none", type: "array", nonZh: "consecutive", v: true }) : [text];
  return slug(syllables.join("-"));
}

/** Lowercase letters and digits joined by single hyphens, cut at a hyphen after LONGEST characters. */
function slug(text) {
  let id = text.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
  if (id.length > LONGEST) id = id.slice(0, id.lastIndexOf("-", LONGEST) > 0 ? id.lastIndexOf("-", LONGEST) : LONGEST);
  return id;
}

/** A record without a name (a recognition): its id of the ids and choices it holds, in the
 * order of `parts` (model.js "made_of"): nanhu-chengnan-learning-star-2023. */
export function idOf(value, parts) {
  return slug(parts.map((part) => value[part]).filter((v) => v !== undefined && v !== null && v !== "").join("-"));
}

/** `id`, or `id-2`, `id-3`… when it is taken. */
export function unique(id, taken) {
  if (!taken.has(id)) return id;
  let n = 2;
  while (taken.has(`${id}-${n}`)) n += 1;
  return `${id}-${n}`;
}

function named(value, from) {
  const name = value && value[from];
  return name && typeof name === "object" ? name.zh : undefined;
}

/** The ids to make for a record: [path, id] for each empty id that has a name, the record's own id
 * unique among `taken` (the collection's ids), an item's among its list's. */
export function madeIds(data, spec, taken = new Set(), pinyin, at = []) {
  const made = [];
  const idField = spec.fields.find((f) => f.name === "id" && (f.from || f.made_of));
  if (idField && data && !data.id) {
    const id = idField.from ? named(data, idField.from) && idFrom(named(data, idField.from), pinyin) : idOf(data, idField.made_of);
    if (id) made.push([[...at, "id"], unique(id, taken)]);
  }
  for (const field of spec.fields) {
    const value = data && data[field.name];
    if (field.type === "list" && field.item && field.item.fields && Array.isArray(value)) {
      const siblings = new Set(value.map((item) => item && item.id).filter(Boolean));
      value.forEach((item, index) => {
        for (const [path, id] of madeIds(item, field.item, siblings, pinyin, [...at, field.name, index])) {
          if (path.length === at.length + 3) siblings.add(id); // the item's own id
          made.push([path, id]);
        }
      });
    } else if (field.fields && value && typeof value === "object" && !Array.isArray(value)) {
      made.push(...madeIds(value, field, new Set(), pinyin, [...at, field.name]));
    }
  }
  return made;
}

/** `data` with the ids set (a plain copy; Decap's own data is set with setIn, see editor.js). */
export function withIds(data, made) {
  const out = structuredClone(data);
  for (const [path, id] of made) {
    let node = out;
    for (const key of path.slice(0, -1)) node = node[key];
    node[path[path.length - 1]] = id;
  }
  return out;
}
