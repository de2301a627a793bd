// Data loader for the reproduction page: every study's printed figures (data/printed/*.yaml) beside
// what Rendement computes (lib/reproduce/run.ts), with basis, difference, printed precision and
// verdict, plus the summary (counts per basis × verdict, per study, causes counted once).
// A check that fails does not fail the build: the page shows the verdict. An unreadable or invalid
// printed-figures file, or a study module that cannot load, does fail it (exit code 1, with the
// file, line and field in the message).
// Outside the build: `npx tsx src/data/reproductie.json.ts`.
import {runChecks} from "../../lib/reproduce/run.js";
import {summarizeChecks} from "../../lib/reproduce/checks.js";
import {printedFileNames} from "../../lib/io/printed-file.js";

const dir = process.argv[2] ?? "data/printed";

try {
  const checks = await runChecks({dir});
  process.stdout.write(JSON.stringify({generatedFrom: dir, files: printedFileNames(dir), summary: summarizeChecks(checks), checks}));
} catch (error) {
  process.stderr.write(`reproductie.json: ${(error as Error).message}\n`);
  process.exit(1);
}
