// Data loader for the uncertainty page of one study (`--study=<id>`): for every model file the study
// names (study.yaml `uncertainty`, default every model of its pages) the tornado, scenarios and
// break-even inputs (lib/analysis/overview.ts), with the model file and kengetallen from which the
// page and the Monte Carlo worker rebuild the model (lib/model/rebuild.ts).
import {failLoader} from "../../../lib/io/loader-error.js";
import {parseArgs} from "node:util";
import {join} from "node:path";
import {findStudy, readStudy} from "../../../lib/io/study-description.js";
import {loadStudy, defaultRegistry} from "../../../lib/io/study.js";
import {registryJSONFor} from "../../../lib/model/context.js";
import {uncertaintyOverview} from "../../../lib/analysis/overview.js";

const {values} = parseArgs({options: {study: {type: "string"}}, strict: false});
const studyId = String(values.study ?? process.argv[2] ?? "");

try {
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
  process.stdout.write(JSON.stringify({study: {id: study.id, title: study.title, shortTitle: study.shortTitle}, models, without}));
} catch (error) {
  failLoader(`studies/${studyId}/onzekerheid.json`, (error as Error).message);
}
