// Data loader for the reproduction page: every study's printed figures (data/studies/<study>/printed.yaml) beside
// what Rendement computes (lib/reproduce/run.ts), with basis, difference, printed precision and
// verdict, plus the summary (counts per basis × verdict, per study, causes counted once).
// A check that fails does not fail the build: the page shows the verdict. An unreadable or invalid
// printed-figures file, or a computation naming an unknown model, does fail it (exit code 1, with
// the file, line and field in the message).
// Outside the build: `npx tsx src/data/reproductie.json.ts`.
import {runChecks} from "../../lib/reproduce/run.js";
import {summarizeChecks} from "../../lib/reproduce/checks.js";
import {readAllPrinted} from "../../lib/io/printed-file.js";
import {runLoader} from "../../lib/io/loader-run.js";

export async function load(): Promise<string> {
  const checks = await runChecks();
  return JSON.stringify({generatedFrom: "data/studies", files: readAllPrinted().map((p) => p.file), summary: summarizeChecks(checks), checks});
}

await runLoader(import.meta.url, load, (error) => {
  process.stderr.write(`reproductie.json: ${error.message}\n`);
  process.exit(1);
});
