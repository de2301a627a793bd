// rendement evaluate <model-file> [--json] [--set name=value ...] [--scenario id]
// Prints the result tables of a study (or JSON). A bad file or option: a clear error and exit code 2.
import {defaultRegistry, loadStudy} from "../io/study.js";
import {registryJSONFor} from "../model/context.js";
import {contentHash, effectiveSettings} from "../analysis/content-hash.js";
import {evaluate} from "../model/evaluate.js";
import {summarizeAll, type Summary} from "../finance/summary.js";
import {scenarioOverrides} from "../analysis/scenarios.js";
import {checkOptions, option, parseSets, UsageError} from "./args.js";
import {euro, num, pad} from "./format.js";
import {isInputError} from "./errors.js";

const usage = "usage: rendement evaluate <model-file> [--json] [--set name=value ...] [--scenario id]";


export function formatSummary(s: Summary): string {
  const out: string[] = [];
  out.push(`== ${s.label} (${s.scope}) — horizon ${s.horizon} jaar, discontovoet ${num(s.discountRate * 100, 2)} %`);
  out.push("");
  const posts = s.posts.filter((p) => p.amount !== 0 || p.pm);
  out.push(pad([["post", "kant", "NCW"], ...posts.map((p) => [p.label + (p.nature === "immaterial" ? " (immaterieel)" : "") + (p.pm ? " (PM)" : ""), p.side === "cost" ? "kosten" : "baten", euro(p.amount)])]));
  out.push("");
  out.push(
    pad([
      ["totaal", ""],
      ["kosten", euro(s.costs)],
      ["baten", euro(s.benefits)],
      ["saldo", euro(s.saldo)],
      ["maatschappelijke B/K-verhouding", num(s.ratio)],
      ["financiële B/K-verhouding", num(s.financialRatio)],
      ["kosten per deelnemer", euro(s.costPerParticipant)],
      ["baten per deelnemer", euro(s.benefitPerParticipant)],
      ["QALY's (verdisconteerd)", num(s.qalys)],
      ["kosten per QALY", euro(s.costPerQaly)],
      ["terugverdientijd (jaar)", num(s.paybackYears, 1)],
      ["interne rentevoet", s.internalRateOfReturn === null ? "—" : `${num(s.internalRateOfReturn * 100, 1)} %`]
    ])
  );
  out.push("");
  out.push(pad([["actor", "kosten", "baten", "saldo", "B/K", "terugverdientijd"], ...s.actors.map((a) => [a.label, euro(a.costs), euro(a.benefits), euro(a.saldo), num(a.ratio), num(a.paybackYears, 1)])]));
  return out.join("\n");
}

export async function main(argv: string[]): Promise<number> {
  try {
    const [file, ...extra] = checkOptions("evaluate", argv, {flags: ["--json"], values: ["--set", "--scenario"], repeatable: ["--set"]});
    if (!file || extra.length) throw new UsageError(usage);
    const model = loadStudy(file);
    const scenario = option(argv, "--scenario");
    const overrides = {...(scenario ? scenarioOverrides(model, scenario) : {}), ...parseSets(argv, model)};
    const result = summarizeAll(evaluate(model, overrides));
    if (argv.includes("--json")) {
      // hash: the content hash of the model file, its kengetallen and the settings that change
      // something (lib/analysis/content-hash.ts).
      const hash = contentHash({file: model.file, registry: registryJSONFor(model, defaultRegistry())}, effectiveSettings(model, overrides));
      console.log(JSON.stringify({model: model.file.id, title: model.file.title, priceYear: model.file.priceYear, scenario: scenario ?? null, overrides, hash, ...result}, null, 2));
    } else {
      console.log(`${model.file.title} (prijspeil ${model.file.priceYear}${scenario ? `, scenario ${scenario}` : ""})\n`);
      for (const s of result.interventions.length > 1 ? [...result.interventions, result.total] : [result.total]) console.log(formatSummary(s) + "\n");
    }
    return 0;
  } catch (error) {
    if (isInputError(error)) {
      console.error(`rendement evaluate: ${(error as Error).message}`);
      return 2;
    }
    throw error;
  }
}
