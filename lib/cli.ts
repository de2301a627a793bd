// The `rendement` command line. Each sub-command lives in lib/cli/<name>.ts and exports
// `main(argv): Promise<number>` (the exit code). Exit codes: 0 ok, 1 a check failed, 2 bad input or usage.
import {pathToFileURL} from "node:url";

const commands: Record<string, {summary: string}> = {
  check: {summary: "check <model-file> [--strict]   validate a model file and check the units of its formulas"},
  evaluate: {summary: "evaluate <model-file> [--json] [--set name=value ...]   result tables of a study"},
  aggregate: {summary: "aggregate <person-level file> [--by <column>] [--min-cell N] [--out file]   disclosure-checked event table"},
  curves: {summary: "curves <file> [--by <column>] [--at 3,6,12,24] [--json]   Kaplan–Meier and cumulative incidence"},
  "net-effect": {summary: "net-effect <cohort-file> --reference <curve-id> [--group G] [--json]   net effect per year against a nulalternatief curve"},
  sensitivity: {summary: "sensitivity <model-file> [--json]   one-way sensitivity (tornado)"},
  scenarios: {summary: "scenarios <model-file> [--json]   the study's scenarios side by side"},
  psa: {summary: "psa <model-file> [--draws N] [--seed S] [--json]   probabilistic sensitivity analysis"},
  breakeven: {summary: "breakeven <model-file> [--parameter name] [--json]   value at which the saldo is zero"},
  reproduce: {summary: "reproduce [--json] [--study id]   printed figures of the seed reports against computed ones"}
};

export function usage(): string {
  return ["Usage: rendement <command> [options]", "", "Commands:", ...Object.entries(commands).map(([name, c]) => `  ${c.summary.startsWith(name) ? c.summary : name + " " + c.summary}`)].join("\n");
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    console.log(usage());
    return name ? 0 : 2;
  }
  const command = commands[name];
  if (!command) {
    console.error(`rendement: unknown command "${name}"\n\n${usage()}`);
    return 2;
  }
  let mod;
  try {
    // Resolved at run time, so a command module is loaded only when it is called.
    mod = (await import(`./cli/${name}.js`)) as {main: (argv: string[]) => Promise<number>};
  } catch (error) {
    console.error(`rendement ${name}: this command is not available yet (${(error as Error).message})`);
    return 2;
  }
  return mod.main(rest);
}

// Run directly (tsx lib/cli.ts ...), e.g. from npm scripts.
if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  process.exitCode = await main(process.argv.slice(2));
}
