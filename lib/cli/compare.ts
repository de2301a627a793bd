// rendement compare <model-file> [--scenario id] [--set name=value ...] | [--file settings.yaml]
//                   [--permutations N] [--seed S] [--json]
// The report's base against another configuration (a scenario and/or --set, or a settings file):
// totals and per actor, and the difference in saldo attributed to each changed input by Shapley
// values (lib/analysis/shapley.ts): exact up to 10 changed inputs, sampled (seeded) beyond.
import {readFileSync} from "node:fs";
import {defaultRegistry, loadStudy} from "../io/study.js";
import {InputError} from "../io/model-file.js";
import {registryJSONFor} from "../model/context.js";
import {compareConfigurations} from "../analysis/shapley.js";
import {readSettings} from "../analysis/settings-file.js";
import {modelVersion} from "../analysis/content-hash.js";
import {scenarioOverrides} from "../analysis/scenarios.js";
import {checkOptions, numberOption, option, parseSets, UsageError} from "./args.js";
import {isInputError} from "./errors.js";
import {euro, pad} from "./format.js";

const usage = "usage: rendement compare <model-file> [--scenario id] [--set name=value ...] | [--file settings.yaml] [--permutations N] [--seed S] [--json]";

export async function main(argv: string[]): Promise<number> {
  try {
    const [file, ...extra] = checkOptions("compare", argv, {flags: ["--json"], values: ["--set", "--scenario", "--file", "--permutations", "--seed"], repeatable: ["--set"]});
    if (!file || extra.length) throw new UsageError(usage);
    const settingsPath = option(argv, "--file");
    const scenario = option(argv, "--scenario");
    if (settingsPath && (scenario || argv.includes("--set"))) throw new UsageError("--file gives the whole configuration; give either --file or --scenario/--set");
    const permutations = numberOption(argv, "--permutations", 1000, {integer: true, min: 2});
    const seed = numberOption(argv, "--seed", 1, {integer: true, min: 0});
    const model = loadStudy(file);
    const version = modelVersion({file: model.file, registry: registryJSONFor(model, defaultRegistry())});
    let alternative;
    let label: string;
    let notices: string[] = [];
    if (settingsPath) {
      let text: string;
      try {
        text = readFileSync(settingsPath, "utf8");
      } catch (error) {
        throw new InputError(`${settingsPath}: cannot read the settings file (${(error as Error).message})`, settingsPath);
      }
      const loaded = readSettings(text, settingsPath, model, version);
      alternative = loaded.overrides;
      notices = loaded.notices;
      label = loaded.label ?? settingsPath;
    } else {
      alternative = {...(scenario ? scenarioOverrides(model, scenario) : {}), ...parseSets(argv, model)};
      label = scenario ? `scenario ${scenario}` : "instellingen";
    }
    if (!Object.keys(alternative).length) throw new UsageError(`nothing to compare: give --scenario, --set or --file (${usage.slice(7)})`);
    for (const n of notices) console.error(`rendement compare: ${n}`);
    const c = compareConfigurations(model, {}, alternative, {permutations, seed});
    if (argv.includes("--json")) {
      console.log(JSON.stringify({model: model.file.id, version, title: model.file.title, configuration: {label, overrides: alternative}, notices, ...c}, null, 2));
      return 0;
    }
    console.log(`${model.file.title}: basis van het rapport tegen ${label} (versie ${version})\n`);
    console.log(
      pad([
        ["", "basis", label, "verschil"],
        ["kosten", euro(c.base.costs), euro(c.alternative.costs), euro(c.difference.costs)],
        ["baten", euro(c.base.benefits), euro(c.alternative.benefits), euro(c.difference.benefits)],
        ["saldo", euro(c.base.saldo), euro(c.alternative.saldo), euro(c.difference.saldo)],
        ...c.base.actors.map((a, i) => [`saldo ${a.label}`, euro(a.saldo), euro(c.alternative.actors[i].saldo), euro(c.difference.actors[i].saldo)])
      ])
    );
    const how = c.method === "exact" ? `exact, ${c.evaluations} doorrekeningen` : `geschat uit ${c.permutations} volgordes (seed ${seed}), ${c.evaluations} doorrekeningen`;
    console.log(`\nbijdrage per veranderde invoer aan het verschil in saldo (Shapley-waarden, ${how}):`);
    const rows = [...c.contributions].sort((a, b) => Math.abs(b.value) - Math.abs(a.value));
    console.log(pad([["invoer", "van", "naar", "bijdrage"], ...rows.map((r) => [r.input, JSON.stringify(r.from), JSON.stringify(r.to), euro(r.value)]), ["totaal", "", "", euro(c.difference.saldo)]]));
    return 0;
  } catch (error) {
    if (isInputError(error)) {
      console.error(`rendement compare: ${(error as Error).message}`);
      return 2;
    }
    throw error;
  }
}
