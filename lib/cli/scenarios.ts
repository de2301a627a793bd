// rendement scenarios <model-file> [--json] [--set name=value ...]
// The base case and every scenario of the model side by side: costs, benefits, saldo, ratio, per actor.
import {loadStudy} from "../io/study.js";
import {runScenarios} from "../analysis/scenarios.js";
import {checkOptions, parseSets, UsageError} from "./args.js";
import {isInputError} from "./errors.js";
import {euro, num, pad} from "./format.js";

const usage = "usage: rendement scenarios <model-file> [--json] [--set name=value ...]";

export async function main(argv: string[]): Promise<number> {
  try {
    const [file, ...extra] = checkOptions("scenarios", argv, {flags: ["--json"], values: ["--set"], repeatable: ["--set"]});
    if (!file || extra.length) throw new UsageError(usage);
    const model = loadStudy(file);
    const base = parseSets(argv, model);
    const results = runScenarios(model, base);
    if (argv.includes("--json")) {
      const slim = results.map((r) => ({
        id: r.id,
        label: r.label,
        description: r.description ?? null,
        overrides: r.overrides,
        total: {costs: r.total.costs, benefits: r.total.benefits, saldo: r.total.saldo, ratio: r.total.ratio, financialRatio: r.total.financialRatio, costPerParticipant: r.total.costPerParticipant, actors: r.total.actors.map((a) => ({actor: a.actor, label: a.label, costs: a.costs, benefits: a.benefits, saldo: a.saldo, ratio: a.ratio}))},
        interventions: r.interventions.map((s) => ({id: s.scope, label: s.label, costs: s.costs, benefits: s.benefits, saldo: s.saldo, ratio: s.ratio}))
      }));
      console.log(JSON.stringify({model: model.file.id, title: model.file.title, base, scenarios: slim}, null, 2));
      return 0;
    }
    console.log(`${model.file.title}: scenario's (prijspeil ${model.file.priceYear})\n`);
    console.log(pad([["scenario", "kosten", "baten", "saldo", "B/K", "financiële B/K"], ...results.map((r) => [r.label, euro(r.total.costs), euro(r.total.benefits), euro(r.total.saldo), num(r.total.ratio), num(r.total.financialRatio)])]));
    const actorIds = [...new Set(results.flatMap((r) => r.total.actors.map((a) => a.actor)))];
    const label = (a: string) => results[0].total.actors.find((x) => x.actor === a)?.label ?? a;
    console.log("\nsaldo per actor");
    console.log(pad([["scenario", ...actorIds.map(label)], ...results.map((r) => [r.label, ...actorIds.map((a) => euro(r.total.actors.find((x) => x.actor === a)?.saldo ?? 0))])]));
    for (const r of results) if (r.description) console.log(`\n${r.label}: ${r.description}`);
    return 0;
  } catch (error) {
    if (isInputError(error)) {
      console.error(`rendement scenarios: ${(error as Error).message}`);
      return 2;
    }
    throw error;
  }
}
