// Writes data/cohorts/synthetic-monitor.csv: a SYNTHETIC cohort (no real persons) in the full cohort
// format, generated deterministically by lib/cohort/synthetic.ts. Run: npx tsx scripts/make-synthetic-cohort.ts [--seed N] [--scale S] [--out path]
import {writeFileSync} from "node:fs";
import {csvFormat} from "d3-dsv";
import {generateSyntheticCohort} from "../lib/cohort/synthetic.js";
import {FULL_OPTIONAL_COLUMNS, FULL_REQUIRED_COLUMNS} from "../lib/schema/cohort.js";
import {parseCohortText} from "../lib/io/cohort-file.js";

const arg = (name: string) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined);
const seed = Number(arg("--seed") ?? 20150731);
const scale = Number(arg("--scale") ?? 5);
const out = arg("--out") ?? "data/cohorts/synthetic-monitor.csv";

const rows = generateSyntheticCohort({seed, scale});
const columns = [...FULL_REQUIRED_COLUMNS, ...FULL_OPTIONAL_COLUMNS];
const text = csvFormat(
  rows.map((r) => Object.fromEntries(columns.map((c) => [c, (r as Record<string, unknown>)[c] ?? ""]))) as Record<string, string>[],
  columns
) + "\n";
// Validate what we write with the same reader users run.
const check = parseCohortText(text, out, "full");
if (check.excluded.length) {
  console.error(check.excluded.flatMap((e) => e.reasons).slice(0, 20).join("\n"));
  process.exit(1);
}
writeFileSync(out, text);
console.log(`${out}: ${rows.length} synthetic persons (seed ${seed}, scale ${scale})`);
