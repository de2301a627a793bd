// The model an intervention page evaluates, found from the page's address and the study's data
// (data/studies/<study>/study.yaml `items`), compiled as the page compiles it: from the loader's
// JSON, with the control ranges a page derives where the file gives none. Node side of the
// browser checks; nothing here names a study.
import {join} from "node:path";
import {listStudies, readStudy} from "../../lib/io/study-description.js";
import {defaultRegistry, loadStudy} from "../../lib/io/study.js";
import {rebuildModel} from "../../lib/model/rebuild.js";
import {registryJSONFor} from "../../lib/model/context.js";
import {withDerivedControls} from "../../lib/model/control-overrides.js";
import type {CompiledModel} from "../../lib/model/compile.js";
import type {StudyItem} from "../../lib/schema/study.js";

export interface ItemPage {
  study: string;
  item: StudyItem;
  model: CompiledModel;
}

/** The study item of an address "/studies/<study>/<item>" (with or without .html), or null. */
export function itemOfPath(path: string): {study: string; item: StudyItem; dir: string} | null {
  const m = /^\/studies\/([^/]+)\/([^/.]+)(\.html)?$/.exec(path);
  if (!m) return null;
  const location = listStudies().find((s) => s.id === m[1]);
  if (!location) return null;
  const item = readStudy(location).items.find((i) => i.id === m[2]);
  return item ? {study: location.id, item, dir: location.dir} : null;
}

const cache = new Map<string, ItemPage>();

/** The page's model, compiled as the page compiles it. */
export function itemPage(path: string): ItemPage | null {
  const found = itemOfPath(path);
  if (!found) return null;
  const key = `${found.study}/${found.item.id}`;
  if (!cache.has(key)) {
    const model = loadStudy(join(found.dir, found.item.model));
    const iv = model.file.interventions.find((x) => x.id === found.item.intervention)!;
    const derive = (iv.parameters ?? []).some((p) => p.control) ? new Set<string>() : new Set([iv.id]);
    cache.set(key, {study: found.study, item: found.item, model: rebuildModel({file: withDerivedControls(model.file, derive), registry: registryJSONFor(model, defaultRegistry())})});
  }
  return cache.get(key)!;
}
