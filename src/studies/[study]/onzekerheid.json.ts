// Data loader for the uncertainty page of one study (`--study=<id>`): for every model file the study
// names (study.yaml `uncertainty`, default every model of its pages) the tornado, scenarios and
// break-even inputs (lib/analysis/overview.ts), with the model file and kengetallen from which the
// page and the Monte Carlo worker rebuild the model (lib/model/rebuild.ts).
import {failLoader} from "../../../lib/io/loader-error.js";
import {runLoader, studyParam} from "../../../lib/io/loader-run.js";
import {join} from "node:path";
import {findStudy, readStudy} from "../../../lib/io/study-description.js";
import {loadStudy, defaultRegistry} from "../../../lib/io/study.js";
import {registryJSONFor} from "../../../lib/model/context.js";
import {uncertaintyOverview} from "../../../lib/analysis/overview.js";

export async function load(args: string[]): Promise<string> {
  const studyId = studyParam(args);
  const location = findStudy(studyId);
  const study = readStudy(location);
  const files = study.uncertainty ?? [...new Set([...study.items.map((i) => i.model), ...study.tools.map((t) => t.model), ...(study.cockpit ? [study.cockpit.model] : [])])];
  const registry = defaultRegistry();
  const all = files.map((file) => {
    const path = join(location.dir, file);
    const model = loadStudy(path);
    return {key: file, path, file: model.file, registry: registryJSONFor(model, registry), ...uncertaintyOverview(model)};
  });
  // A model with no input to vary (no uncertainty, no slider) has nothing to show here; the page
  // names it instead.
  const models = all.filter((m) => m.tornado.inputs.length > 0 && m.breakeven.candidates.length > 0);
  const without = all.filter((m) => !models.includes(m)).map((m) => ({path: m.path, title: m.model.title}));
  return JSON.stringify({study: {id: study.id, title: study.title, shortTitle: study.shortTitle}, models, without});
}

// A bad file: the build fails naming it; the preview shows it on the study's pages (lib/io/loader-error.ts).
await runLoader(import.meta.url, load, (error) => failLoader(`studies/${studyParam(process.argv.slice(2))}/onzekerheid.json`, error.message));
