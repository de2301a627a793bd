// rendement breakeven <model-file> [--parameter name] [--json] [--set name=value ...] [--scenario id]
// The value of an input at which the saldo is zero: with --parameter, overall, per actor and per
// intervention; without, the overall break-even of every single-number parameter of the study.
import {loadStudy} from "../io/study.js";
import {breakEvenAll, breakEvenIfDependent, type BreakEvenResult} from "../analysis/breakeven.js";
import {scenarioOverrides} from "../analysis/scenarios.js";
import {findLeaf} from "../model/evaluate.js";
import {checkOptions, option, parseSets, UsageError} from "./args.js";
import {isInputError} from "./errors.js";
import {euro, pad} from "./format.js";

const usage = "usage: rendement breakeven <model-file> [--parameter name] [--json] [--set name=value ...] [--scenario id]";
const value = (x: number | null) => (x === null ? "geen" : Math.abs(x) >= 100 ? x.toLocaleString("nl-NL", {maximumFractionDigits: 2}) : x.toLocaleString("nl-NL", {maximumSignificantDigits: 6}));

const reasonNl = (r: BreakEvenResult) => r.reasonNl ?? r.reason ?? "";
const cells = (label: string, r: BreakEvenResult) => [label, value(r.base), value(r.value), euro(r.metricAtBase), reasonNl(r)];

export async function main(argv: string[]): Promise<number> {
  try {
    const [file, ...extra] = checkOptions("breakeven", argv, {flags: ["--json"], values: ["--set", "--scenario", "--parameter"], repeatable: ["--set"]});
    if (!file || extra.length) throw new UsageError(usage);
    const model = loadStudy(file);
    const scenario = option(argv, "--scenario");
    const overrides = {...(scenario ? scenarioOverrides(model, scenario) : {}), ...parseSets(argv, model)};
    const parameter = option(argv, "--parameter");
    const json = argv.includes("--json");
    const head = ["", "basis", "break-even", "saldo bij basis", ""];
    if (parameter) {
      const r = breakEvenAll(model, findLeaf(model, parameter).name, {overrides});
      if (json) console.log(JSON.stringify({model: model.file.id, title: model.file.title, scenario: scenario ?? null, overrides, ...r}, null, 2));
      else {
        console.log(`${model.file.title}: break-even van ${r.input} (saldo = 0)\n`);
        console.log(pad([head, cells("totaal", r.overall), ...r.interventions.map((i) => cells(i.label, i.result)), ...r.actors.map((a) => cells(a.label, a.result))]));
      }
      return 0;
    }
    const held = new Set(Object.keys(overrides));
    const candidates = model.leaves.filter((l) => l.kind === "parameter" && !l.series && !held.has(l.name));
    const results = candidates.map((l) => ({label: l.label, result: breakEvenIfDependent(model, l.name, {overrides})}));
    if (json) console.log(JSON.stringify({model: model.file.id, title: model.file.title, scenario: scenario ?? null, overrides, parameters: results.map((r) => r.result)}, null, 2));
    else {
      console.log(`${model.file.title}: break-even van elke parameter (totaal saldo = 0, andere invoer op de basiswaarde)\n`);
      console.log(pad([["parameter", "basis", "break-even", "saldo bij basis", ""], ...results.map((r) => cells(`${r.label} (${r.result.input})`, r.result))]));
    }
    return 0;
  } catch (error) {
    if (isInputError(error)) {
      console.error(`rendement breakeven: ${(error as Error).message}`);
      return 2;
    }
    throw error;
  }
}
