// rendement reproduce [--json] [--study id]: every printed figure of the seed reports beside what
// Rendement computes, with the difference and a verdict. Exit code 1 when any check fails.
import {readdirSync} from "node:fs";
import {runChecks} from "../reproduce/run.js";
import {checkOptions, option, UsageError} from "./args.js";
import type {Check} from "../reproduce/checks.js";

function fmt(x: number | null): string {
  if (x === null) return "—";
  const digits = Math.abs(x) >= 100 ? 0 : Math.abs(x) >= 1 ? 3 : 4;
  return x.toLocaleString("en-US", {maximumFractionDigits: digits});
}

export function table(checks: Check[]): string {
  const rows = checks.map((c) => [c.study, c.id, fmt(c.printed), fmt(c.computed), fmt(c.difference), fmt(c.tolerance), c.verdict, c.explanation]);
  const header = ["study", "check", "printed", "computed", "difference", "tolerance", "verdict", "explanation"];
  const widths = header.map((h, i) => Math.min(60, Math.max(h.length, ...rows.map((r) => r[i].length))));
  const line = (r: string[]) => r.map((x, i) => (i < r.length - 1 ? x.padEnd(widths[i]) : x)).join("  ");
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n");
}

export async function main(argv: string[]): Promise<number> {
  let checks: Check[];
  let json: boolean;
  try {
    const extra = checkOptions("reproduce", argv, {flags: ["--json"], values: ["--study"]});
    if (extra.length) throw new UsageError(`unexpected argument "${extra[0]}"; usage: rendement reproduce [--json] [--study id]`);
    json = argv.includes("--json");
    const study = option(argv, "--study");
    // A study without printed figures is a typo, not a pass with zero checks.
    const known = readdirSync("data/printed").filter((f) => f.endsWith(".yaml")).map((f) => f.slice(0, -".yaml".length)).sort();
    if (study !== undefined && !known.includes(study)) throw new UsageError(`--study: unknown study "${study}"; known studies: ${known.join(", ")}`);
    checks = await runChecks({study});
    if (study !== undefined && checks.length === 0) throw new UsageError(`--study ${study}: no printed figures found; known studies: ${known.join(", ")}`);
  } catch (error) {
    console.error(`rendement reproduce: ${(error as Error).message}`);
    return 2;
  }
  if (json) {
    console.log(JSON.stringify(checks.map(({study, quantity, source, printed, computed, tolerance, verdict, explanation, id, unit, difference}) => ({study, id, quantity, source, printed, computed, difference, unit, tolerance, verdict, explanation})), null, 2));
  } else {
    console.log(table(checks));
    const count = (v: string) => checks.filter((c) => c.verdict === v).length;
    console.log(`\n${checks.length} checks: ${count("match")} match, ${count("explained")} explained, ${count("fail")} fail`);
  }
  return checks.some((c) => c.verdict === "fail") ? 1 : 0;
}
