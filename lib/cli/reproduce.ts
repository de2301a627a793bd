// rendement reproduce [--json | --markdown] [--study id]: every printed figure of the seed reports beside what
// Rendement computes, with the difference, its basis (independent / calibration / input) and a
// verdict (match / close / report-inconsistent / model-gap / fail); then the counts per basis and
// verdict, per study, and the causes (each counted once). Exit code 1 when any check fails.
import {runChecks} from "../reproduce/run.js";
import {summarizeChecks, VERDICTS, type Check, type CheckSummary} from "../reproduce/checks.js";
import {BASES} from "../schema/printed.js";
import {BASIS_LABEL, VERDICT_LABEL} from "../reproduce/labels.js";
import {num, pad} from "./format.js";
import {checkOptions, option, UsageError} from "./args.js";
import {readAllPrinted} from "../io/printed-file.js";
import {countsMarkdown} from "../reproduce/markdown.js";

/** A value with the digits its printed figure has (one more for computed values and differences). */
function value(x: number | null, decimals: number, extra = 0): string {
  return num(x, Math.max(0, decimals + extra));
}

export function table(checks: Check[]): string {
  const head = ["studie", "controle", "basis", "gedrukt", "berekend", "verschil", "verschil %", "± precisie", "oordeel", "oorzaak"];
  const rows = checks.map((c) => [
    c.study,
    c.id,
    BASIS_LABEL[c.basis],
    value(c.printed, c.decimals),
    value(c.computed, c.decimals, 1),
    value(c.difference, c.decimals, 1),
    c.gapPercent === null ? "—" : `${num(c.gapPercent, 1)} %`,
    c.rounding === "truncate" ? `afgekapt ${value(c.printedPrecision, c.decimals)}` : value(c.printedPrecision, c.decimals, 1),
    VERDICT_LABEL[c.verdict],
    (c.cause ?? "") + (c.restsOnAssumption ? " (rust op een aanname)" : "")
  ]);
  return pad([head, ...rows], {right: new Set([3, 4, 5, 6, 7]), maxWidth: 48, lastFree: true});
}

/** Counts per basis × verdict (one table), or per study × basis × verdict. */
export function countsTable(summary: CheckSummary, perStudy = false): string {
  const head = [perStudy ? "studie" : "", "basis", ...VERDICTS.map((v) => VERDICT_LABEL[v]), "totaal"];
  const groups = perStudy ? summary.byStudy : [{study: "alle studies", byBasis: summary.byBasis}];
  // Per study, a basis without checks is left out.
  const rows = groups.flatMap((g) =>
    BASES.flatMap((b) => {
      const counts = VERDICTS.map((v) => g.byBasis[b][v]);
      const total = counts.reduce((x, y) => x + y, 0);
      return perStudy && total === 0 ? [] : [[g.study, BASIS_LABEL[b], ...counts.map(String), String(total)]];
    })
  );
  return pad([head, ...rows], {right: new Set(VERDICTS.map((_, i) => i + 2).concat([VERDICTS.length + 2])), maxWidth: 48, lastFree: true});
}

export function summaryText(checks: Check[]): string {
  const s = summarizeChecks(checks);
  const out = [
    `Modelberekeningen uit onafhankelijke invoer die kloppen: ${s.independentMatch} van ${s.independent} (${s.total} controles in totaal; kalibratie, rekensom en invoer tellen niet mee).`,
    "",
    countsTable(s),
    "",
    countsTable(s, true),
    "",
    `${s.causes.length} oorzaken, elk één keer geteld:`,
    ...s.causes.flatMap((c) => [
      `  ${c.study}/${c.id} (${VERDICT_LABEL[c.verdict as keyof typeof VERDICT_LABEL]}${c.restsOnAssumption ? ", rust op een aanname" : ""}): ${c.checks.join(", ")}`,
      `    ${c.description}`
    ])
  ];
  return out.join("\n");
}

export async function main(argv: string[]): Promise<number> {
  let checks: Check[];
  let json: boolean;
  try {
    const extra = checkOptions("reproduce", argv, {flags: ["--json", "--markdown"], values: ["--study"]});
    if (extra.length) throw new UsageError(`unexpected argument "${extra[0]}"; usage: rendement reproduce [--json | --markdown] [--study id]`);
    json = argv.includes("--json");
    const study = option(argv, "--study");
    // A study without printed figures is a typo, not a pass with zero checks.
    const known = readAllPrinted().map((p) => p.study).sort();
    if (study !== undefined && !known.includes(study)) throw new UsageError(`--study: unknown study "${study}"; known studies: ${known.join(", ")}`);
    checks = await runChecks({study});
    if (study !== undefined && checks.length === 0) throw new UsageError(`--study ${study}: no printed figures found; known studies: ${known.join(", ")}`);
  } catch (error) {
    console.error(`rendement reproduce: ${(error as Error).message}`);
    return 2;
  }
  if (json) {
    console.log(JSON.stringify({summary: summarizeChecks(checks), checks}, null, 2));
  } else if (argv.includes("--markdown")) {
    console.log(countsMarkdown(summarizeChecks(checks)));
  } else {
    console.log(table(checks));
    console.log("\n" + summaryText(checks));
  }
  return exitCode(checks);
}

/** 1 when any check fails, else 0. */
export function exitCode(checks: Check[]): number {
  return checks.some((c) => c.verdict === "fail") ? 1 : 0;
}
