// Data loader for the Zoetermeer pages (seed 000): reads and validates the study's model file with its
// kengetallen (lib/io/study.ts), the assumptions register, and emits JSON with
// - `file`: the parsed model file, from which a page rebuilds the compiled model in the browser
//   (`compileModel(file, registryContext(Registry.fromJSON(registry)))`);
// - `registry`: the kengetallen registry restricted to the kengetallen the model uses (with the CPI);
// - `base` and `scenarios`: results computed here, so a page can show them without recomputing and a
//   test can compare them with what the browser computes;
// - `views`: which model quantities make up each intervention's cohort and outflow charts;
// - `assumptions`: the assumptions register as written (reconstruction apart from the report).
// A file that is missing or invalid ends the build with a message naming file, line and field.
// Outside the build: `npx tsx src/data/zoetermeer.json.ts [model.yaml [assumptions.yaml]]`.
import {existsSync, readFileSync} from "node:fs";
import {loadStudy, defaultRegistry} from "../../lib/io/study.js";
import {Registry} from "../../lib/kengetallen/registry.js";
import {parseYaml} from "../../lib/io/yaml-errors.js";
import {evaluate} from "../../lib/model/evaluate.js";
import {summarizeAll} from "../../lib/finance/summary.js";
import {runScenarios} from "../../lib/analysis/scenarios.js";
import type {CompiledModel} from "../../lib/model/compile.js";

const modelPath = process.argv[2] ?? process.env.ZOETERMEER_MODEL ?? "data/studies/zoetermeer/model.yaml";
const assumptionsPath = process.argv[3] ?? process.env.ZOETERMEER_ASSUMPTIONS ?? "data/studies/zoetermeer/assumptions.yaml";

function fail(message: string): never {
  process.stderr.write(`zoetermeer.json: ${message}\n`);
  process.exit(1);
}

let model: CompiledModel;
try {
  model = loadStudy(modelPath);
} catch (error) {
  fail((error as Error).message);
}

// The registry restricted to what the model uses: enough to rebuild the model in the browser.
const registry = defaultRegistry();
const used = [...model.nodes.values()].filter((n) => n.kind === "kengetal").map((n) => n.id);
const restricted = new Registry(
  used.map((id) => registry.get(id)),
  {themes: registry.themes.filter((t) => used.some((id) => registry.get(id).theme === t.theme)), cpi: registry.cpi}
).toJSON();

// The assumptions register: a YAML file whose shape the study owns; passed through as written.
let assumptions: unknown = null;
if (existsSync(assumptionsPath)) {
  try {
    assumptions = parseYaml(readFileSync(assumptionsPath, "utf8"), assumptionsPath).data;
  } catch (error) {
    fail((error as Error).message);
  }
} else if (!process.env.ZOETERMEER_MODEL) {
  fail(`${assumptionsPath}: the assumptions register is missing (expected next to the model file)`);
}

// Views: the quantities behind the cohort and outflow charts, found by name in each intervention.
// A state or curve the model does not define is left out; the page says so instead of drawing it.
const COHORT_STATES: [string, string][] = [
  ["inBegeleiding", "In begeleiding"],
  ["begeleiding", "In begeleiding"],
  ["werkVoltijd", "Werk voltijd"],
  ["werkDeeltijd", "Werk deeltijd"],
  ["aanHetWerk", "Aan het werk"],
  ["werk", "Aan het werk"],
  ["metLks", "Werk met loonkostensubsidie"],
  ["lks", "Werk met loonkostensubsidie"],
  ["beschut", "Beschut werk"],
  ["dagbesteding", "Dagbesteding"],
  ["overigeUitstroom", "Overige uitstroom"],
  ["overig", "Overige uitstroom"]
];

function exists(iv: string, id: string): boolean {
  const node = model.nodes.get(`${iv}.${id}`);
  return node !== undefined && node.kind !== "flow";
}

const views = Object.fromEntries(
  model.file.interventions.map((iv) => {
    const states = COHORT_STATES.filter(([id]) => exists(iv.id, id)).map(([id, label]) => ({name: `${iv.id}.${id}`, label: model.nodes.get(`${iv.id}.${id}`)!.label ?? label}));
    return [iv.id, {cohort: states}];
  })
);

const base = summarizeAll(evaluate(model));
const scenarios = runScenarios(model).map((r) => ({
  id: r.id,
  label: r.label,
  description: r.description,
  overrides: r.overrides,
  total: {...r.total, lines: []},
  interventions: r.interventions.map((s) => ({...s, lines: []}))
}));

process.stdout.write(
  JSON.stringify({
    modelPath,
    assumptionsPath,
    file: model.file,
    registry: restricted,
    views,
    base,
    scenarios,
    assumptions
  })
);
