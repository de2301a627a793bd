// The `rendement` command line. Each sub-command lives in lib/cli/<name>.ts and exports
// `main(argv): Promise<number>` (the exit code). Exit codes: 0 ok, 1 a check failed (or an internal
// error, reported in one line), 2 bad input or usage. README: "Errors: what each command guarantees".
import {pathToFileURL} from "node:url";

type CommandModule = {main: (argv: string[]) => Promise<number>};

// `load` imports the command's module only when it is called; a plain string import, so bundlers
// and vitest resolve it too (tests call `main` in-process).
const commands: Record<string, {summary: string; load?: () => Promise<CommandModule>}> = {
  check: {summary: "check <model-file> [--strict] | check <study folder> | check --assumptions <study folder|model-file> [--json]   validate a model file (units), a whole study folder with its reproduction, or print an assumptions register", load: () => import("./cli/check.js")},
  new: {summary: "new <id> [--dir data/studies]   write a working study folder to start from", load: () => import("./cli/new.js")},
  evaluate: {summary: "evaluate <model-file> [--json] [--set name=value ...] [--scenario id]   result tables of a study", load: () => import("./cli/evaluate.js")},
  aggregate: {summary: "aggregate <person-level file> [--by <column>] [--min-cell N] [--out file]   disclosure-checked event table", load: () => import("./cli/aggregate.js")},
  curves: {summary: "curves <file> [--by <column>] [--at 3,6,12,24] [--max-excluded 5%] [--engine duckdb|js] [--json]   Kaplan–Meier and cumulative incidence", load: () => import("./cli/curves.js")},
  "net-effect": {summary: "net-effect <cohort-file> --reference <curve-id> [--group G] [--json]   net effect per year against a nulalternatief curve", load: () => import("./cli/net-effect.js")},
  sensitivity: {summary: "sensitivity <model-file> [--json]   one-way sensitivity (tornado)", load: () => import("./cli/sensitivity.js")},
  scenarios: {summary: "scenarios <model-file> [--json]   the study's scenarios side by side", load: () => import("./cli/scenarios.js")},
  psa: {summary: "psa <model-file> [--draws N] [--seed S] [--workers N] [--progress] [--evppi] [--json]   probabilistic sensitivity analysis, EVPI (and EVPPI)", load: () => import("./cli/psa.js")},
  compare: {summary: "compare <model-file> [--scenario id] [--set name=value ...] | [--file settings.yaml] [--json]   report's base against a configuration, difference per changed input (Shapley)", load: () => import("./cli/compare.js")},
  breakeven: {summary: "breakeven <model-file> [--parameter name] [--json]   value at which the saldo is zero", load: () => import("./cli/breakeven.js")},
  reproduce: {summary: "reproduce [--json] [--study id]   printed figures of the seed reports against computed ones", load: () => import("./cli/reproduce.js")}
};

export function usage(): string {
  return ["Usage: rendement <command> [options]", "", "Commands:", ...Object.entries(commands).map(([name, c]) => `  ${c.summary.startsWith(name) ? c.summary : name + " " + c.summary}`)].join("\n");
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name) {
    console.error(`rendement: expected a command\n\n${usage()}`);
    return 2;
  }
  if (name === "--help" || name === "-h" || name === "help") {
    console.log(usage());
    return 0;
  }
  const command = commands[name];
  if (!command) {
    console.error(`rendement: unknown command "${name}"\n\n${usage()}`);
    return 2;
  }
  if (rest.includes("--help") || rest.includes("-h")) {
    console.log(`Usage: rendement ${command.summary.startsWith(name) ? command.summary : `${name} ${command.summary}`}\nErrors and exit codes: README, "Errors: what each command guarantees".`);
    return 0;
  }
  let mod;
  try {
    // Resolved at run time, so a command module is loaded only when it is called.
    mod = command.load ? await command.load() : ((await import(`./cli/${name}.js`)) as CommandModule);
  } catch (error) {
    console.error(`rendement ${name}: this command is not available yet (${(error as Error).message})`);
    return 2;
  }
  return runGuarded(name, () => mod.main(rest));
}

/**
 * Run a command so that nothing escapes as a stack trace. Input errors are reported by the commands
 * themselves (exit 2); anything that still escapes is a bug: one line naming it, exit 1
 * (RENDEMENT_DEBUG=1 also prints the stack trace).
 */
export async function runGuarded(name: string, command: () => Promise<number>): Promise<number> {
  try {
    return await command();
  } catch (error) {
    // A non-finite result (NaN, ±Infinity): one line naming the quantity, year and inputs, exit 1.
    // (Imported here, not at the top: its imports would slow down `rendement --help`.)
    const {isResultError} = await import("./cli/errors.js");
    if (isResultError(error)) {
      console.error(`rendement ${name}: ${error.message}`);
      return 1;
    }
    const message = error instanceof Error ? error.message : String(error);
    console.error(`rendement ${name}: internal error: ${message.split("\n")[0]} (please report it; RENDEMENT_DEBUG=1 shows where it happened)`);
    if (process.env.RENDEMENT_DEBUG) console.error(error);
    return 1;
  }
}

/**
 * A closed pipe (`rendement evaluate ... | head -1`) ends the command quietly with exit 0: the
 * reader has what it wanted. Installed once for every command by `run`.
 */
export function endQuietlyOnClosedPipe(): void {
  for (const stream of [process.stdout, process.stderr])
    stream.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code === "EPIPE") process.exit(0);
      throw error;
    });
}

/**
 * Reads the kengetallen registry once, so that the command-line bundle's cache of validated data
 * files (lib/io/parse-cache.ts) holds it before the first command: scripts/build-cli.mjs calls this
 * after a build.
 */
export async function warmDataCache(): Promise<void> {
  const {defaultRegistry} = await import("./io/study.js");
  defaultRegistry();
}

/** The command line as a process: `bin/rendement.mjs` and `tsx lib/cli.ts` call this. */
export async function run(argv: string[]): Promise<void> {
  endQuietlyOnClosedPipe();
  process.exitCode = await main(argv);
}

// Run directly (tsx lib/cli.ts ...), e.g. from npm scripts.
if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await run(process.argv.slice(2));
