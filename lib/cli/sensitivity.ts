// rendement sensitivity <model-file> [--json] [--set name=value ...] [--scenario id] [--control-ranges] [--top N]
// One-way sensitivity (tornado): every input with an uncertainty at its low and high value; the saldo
// and the B/C ratio at both ends, overall, per actor and per intervention, sorted by swing.
import {loadStudy} from "../io/study.js";
import {oneWay, type Tornado} from "../analysis/sensitivity.js";
import {scenarioOverrides} from "../analysis/scenarios.js";
import {checkOptions, option, parseNumber, parseSets, UsageError} from "./args.js";
import {euro, num, pad} from "./format.js";
import {isInputError} from "./errors.js";

const usage = "usage: rendement sensitivity <model-file> [--json] [--set name=value ...] [--scenario id] [--control-ranges] [--top N]";

const value = (x: number) => (Math.abs(x) >= 100 ? Math.round(x).toLocaleString("nl-NL") : x.toLocaleString("nl-NL", {maximumSignificantDigits: 4}));

export function formatTornado(t: Tornado, top = Infinity): string {
  const head = `== ${t.label} — saldo ${euro(t.baseSaldo)}, B/K ${num(t.baseRatio)}`;
  if (!t.bars.length) return `${head}\n(geen invoer met een onzekerheid)`;
  const rows = t.bars.slice(0, top).map((b) => [b.label, `${value(b.low)} – ${value(b.high)}`, euro(b.saldoLow), euro(b.saldoHigh), euro(b.swing), num(b.ratioLow), num(b.ratioHigh)]);
  return `${head}\n${pad([["invoer", "laag – hoog", "saldo laag", "saldo hoog", "bereik", "B/K laag", "B/K hoog"], ...rows])}`;
}

export async function main(argv: string[]): Promise<number> {
  try {
    const [file, ...extra] = checkOptions("sensitivity", argv, {flags: ["--json", "--control-ranges"], values: ["--set", "--scenario", "--top"], repeatable: ["--set"]});
    if (!file || extra.length) throw new UsageError(usage);
    const topText = option(argv, "--top");
    const top = topText === undefined ? Infinity : (parseNumber(topText) ?? NaN);
    if (!(top >= 1 && Number.isInteger(top)) && top !== Infinity) throw new UsageError(`--top expects a positive integer, found "${topText}"`);
    const model = loadStudy(file);
    const scenario = option(argv, "--scenario");
    const overrides = {...(scenario ? scenarioOverrides(model, scenario) : {}), ...parseSets(argv, model)};
    const result = oneWay(model, {overrides, controlRanges: argv.includes("--control-ranges")});
    if (argv.includes("--json")) {
      console.log(JSON.stringify({model: model.file.id, title: model.file.title, scenario: scenario ?? null, overrides, ...result}, null, 2));
    } else {
      console.log(`${model.file.title}: eenzijdige gevoeligheid (${result.inputs.length} invoerwaarden, ${result.evaluations} doorrekeningen)`);
      console.log("laag/hoog: de grenzen van range, driehoek en PERT; anders het 2,5%- en 97,5%-kwantiel\n");
      for (const t of [result.overall, ...(result.interventions.length > 1 ? result.interventions : []), ...result.actors]) console.log(formatTornado(t, top) + "\n");
    }
    return 0;
  } catch (error) {
    if (isInputError(error)) {
      console.error(`rendement sensitivity: ${(error as Error).message}`);
      return 2;
    }
    throw error;
  }
}
