// rendement psa <model-file> [--draws N] [--seed S] [--json] [--set name=value ...] [--scenario id]
//                [--qaly-value name] [--reference]
// Probabilistic sensitivity analysis: seeded Monte Carlo over every input with an uncertainty.
import {loadStudy} from "../io/study.js";
import {percentileKey, psa, psaReference, PERCENTILES, type Stats} from "../analysis/psa.js";
import {scenarioOverrides} from "../analysis/scenarios.js";
import {checkOptions, option, parseNumber, parseSets, UsageError} from "./args.js";
import {isInputError} from "./errors.js";
import {euro, num, pct} from "./format.js";

const usage = "usage: rendement psa <model-file> [--draws N] [--seed S] [--json] [--set name=value ...] [--scenario id] [--qaly-value name] [--reference]";

function pad(rows: string[][]): string {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return rows.map((r) => r.map((x, i) => (i === 0 ? x.padEnd(widths[i]) : x.padStart(widths[i]))).join("  ")).join("\n");
}

function integer(argv: string[], name: string, fallback: number, min: number): number {
  const text = option(argv, name);
  if (text === undefined) return fallback;
  const v = parseNumber(text);
  if (!(v !== undefined && Number.isInteger(v) && v >= min)) throw new UsageError(`${name} expects an integer >= ${min}, found "${text}"`);
  return v;
}

export async function main(argv: string[]): Promise<number> {
  try {
    const [file, ...extra] = checkOptions("psa", argv, {flags: ["--json", "--reference"], values: ["--set", "--scenario", "--draws", "--seed", "--qaly-value"], repeatable: ["--set"]});
    if (!file || extra.length) throw new UsageError(usage);
    const draws = integer(argv, "--draws", 10_000, 1);
    const seed = integer(argv, "--seed", 1, 0);
    const model = loadStudy(file);
    const scenario = option(argv, "--scenario");
    const overrides = {...(scenario ? scenarioOverrides(model, scenario) : {}), ...parseSets(argv, model)};
    const qalyValue = option(argv, "--qaly-value");
    const t0 = performance.now();
    const run = argv.includes("--reference") ? psaReference : psa;
    const r = run(model, {draws, seed, overrides, qalyValue});
    const ms = performance.now() - t0;
    if (argv.includes("--json")) {
      console.log(JSON.stringify({model: model.file.id, title: model.file.title, scenario: scenario ?? null, overrides, milliseconds: Math.round(ms), ...r}, null, 2));
      return 0;
    }
    console.log(`${model.file.title}: probabilistische gevoeligheidsanalyse`);
    console.log(`${draws.toLocaleString("nl-NL")} trekkingen, seed ${seed}, ${r.inputs.length} onzekere invoerwaarden (${r.method}, ${(ms / 1000).toLocaleString("nl-NL", {maximumFractionDigits: 2})} s)\n`);
    const row = (label: string, s: Stats, f: (x: number) => string) => [label, f(s.mean), f(s.sd), ...PERCENTILES.map((p) => f(s.percentiles[percentileKey(p)]))];
    const head = ["", "gemiddelde", "sd", ...PERCENTILES.map((p) => `${String(p).replace(".", ",")}%`)];
    console.log(pad([head, row("kosten", r.costs, euro), row("baten", r.benefits, euro), row("saldo", r.saldo, euro), row("K/B", r.ratio, (x) => num(x)), row("financiële K/B", r.financialRatio, (x) => num(x))]));
    console.log(`\nsaldo deterministisch ${euro(r.deterministic.saldo)}; kans op een positief saldo ${pct(r.probPositive)}`);
    console.log("\n" + pad([["actor", "gemiddeld saldo", "2,5%", "97,5%", "P(saldo > 0)"], ...r.actors.map((a) => [a.label, euro(a.saldo.mean), euro(a.saldo.percentiles.p2_5), euro(a.saldo.percentiles.p97_5), pct(a.probPositive)])]));
    if (r.interventions.length > 1) console.log("\n" + pad([["interventie", "gemiddeld saldo", "2,5%", "97,5%", "P(saldo > 0)"], ...r.interventions.map((a) => [a.label, euro(a.saldo.mean), euro(a.saldo.percentiles.p2_5), euro(a.saldo.percentiles.p97_5), pct(a.probPositive)])]));
    for (const c of [r.acceptability.qaly, r.acceptability.discountRate]) {
      if (!c) continue;
      console.log(`\naanvaardbaarheid: P(saldo > 0) naar ${c.label} (${c.method})`);
      const digits = Math.max(...c.points.map((p) => Math.abs(p.x))) < 1 ? 3 : 0;
      console.log(c.points.map((p) => `  ${num(p.x, digits)}: ${pct(p.probPositive)}`).join("\n"));
    }
    return 0;
  } catch (error) {
    if (isInputError(error)) {
      console.error(`rendement psa: ${(error as Error).message}`);
      return 2;
    }
    throw error;
  }
}
