// Data loader for the chapter-6 page ("kosten per type klant"): the worked example of the Zoetermeer
// MKBA §6.2 as a model file (data/models/investering-per-deelnemer.yaml), validated and compiled
// here; the page rebuilds it in the browser and solves the justified investment per participant with
// breakEven. The base and scenario break-even values are included for comparison with the report.
import {loadStudy, defaultRegistry} from "../../lib/io/study.js";
import {Registry} from "../../lib/kengetallen/registry.js";
import {breakEven} from "../../lib/analysis/breakeven.js";
import {scenarioOverrides} from "../../lib/analysis/scenarios.js";

const modelPath = process.argv[2] ?? "data/models/investering-per-deelnemer.yaml";

try {
  const model = loadStudy(modelPath);
  const registry = defaultRegistry();
  const used = [...model.nodes.values()].filter((n) => n.kind === "kengetal").map((n) => n.id);
  const restricted = new Registry(used.map((id) => registry.get(id)), {themes: [], cpi: registry.cpi}).toJSON();
  const input = "traject.kostenPerDeelnemer";
  const solve = (overrides = {}) => breakEven(model, input, {actor: "gemeente", overrides}).value;
  process.stdout.write(
    JSON.stringify({
      modelPath,
      file: model.file,
      registry: restricted,
      breakEvenInput: input,
      base: solve(),
      scenarios: model.file.scenarios.map((s) => ({id: s.id, label: s.label, breakEven: solve(scenarioOverrides(model, s.id))}))
    })
  );
} catch (error) {
  process.stderr.write(`klanttypen.json: ${(error as Error).message}\n`);
  process.exit(1);
}
