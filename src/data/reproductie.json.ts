// Data loader for the reproduction page: every study's printed figures (data/printed/*.yaml) beside
// what Rendement computes (lib/reproduce/run.ts), with difference, tolerance and verdict.
// A check that fails does not fail the build: the page shows the verdict. An unreadable or invalid
// printed-figures file, or a study module that cannot load, does fail it (exit code 1, with the
// file, line and field in the message).
// Outside the build: `npx tsx src/data/reproductie.json.ts`.
import {runChecks} from "../../lib/reproduce/run.js";
import {readdirSync} from "node:fs";

const dir = process.argv[2] ?? "data/printed";

try {
  const checks = await runChecks({dir});
  const studies = readdirSync(dir).filter((f) => f.endsWith(".yaml")).sort();
  process.stdout.write(JSON.stringify({generatedFrom: dir, files: studies, checks}));
} catch (error) {
  process.stderr.write(`reproductie.json: ${(error as Error).message}\n`);
  process.exit(1);
}
