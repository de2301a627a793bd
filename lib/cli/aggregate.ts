// rendement aggregate <person-level file> [--by <column>] [--causes work-other|detailed] [--months whole|exact] [--min-cell N] [--out file]
// Reads a person-level cohort file (CSV or Parquet) with DuckDB, validates every row, and writes the
// disclosure-checked event table (group, months, exit, count): every published cell counts at least
// --min-cell persons (default 10), small cells are merged forward in time, and groups that cannot be
// published are left out. Times are rounded up to whole months first unless --months exact. What was merged or suppressed is stated on stderr (and in <out>.disclosure.json).
// The event table is what may leave a secure environment; `rendement curves` reads it.
// Exit codes: 0 ok, 2 bad input or usage.
import {writeFileSync} from "node:fs";
import {formatExclusions} from "../io/cohort-file.js";
import {CohortFileError} from "../io/cohort-file.js";
import {aggregateCohortFile, causesOf, CohortOptionError} from "../io/cohort-duckdb.js";
import {formatEventTable} from "../io/event-table-file.js";
import {discloseEventTable, formatDisclosure, relabelExits, roundUpMonths} from "../cohort/event-counts.js";
import {DEFAULT_MIN_CELL} from "../cohort/aggregate.js";

const USAGE = "Usage: rendement aggregate <person-level file> [--by <column>] [--causes work-other|detailed] [--months whole|exact] [--min-cell N] [--out file]";

interface Args {
  file: string;
  by: string;
  causes: "work-other" | "detailed";
  minCell: number;
  months: "whole" | "exact";
  out: string | undefined;
}

function parseArgs(argv: string[]): Args | string {
  const args: Args = {file: "", by: "group", causes: "work-other", minCell: DEFAULT_MIN_CELL, months: "whole", out: undefined};
  for (let i = 0; i < argv.length; ++i) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined || v.startsWith("--")) throw new Error(`${a}: expected a value`);
      return v;
    };
    if (a === "--by") args.by = value().toLowerCase();
    else if (a === "--causes") {
      const v = value();
      if (v !== "detailed" && v !== "work-other") return `--causes: expected work-other or detailed, found "${v}"`;
      args.causes = v;
    } else if (a === "--min-cell") {
      const v = value();
      if (!/^\d+$/.test(v) || Number(v) < 1) return `--min-cell: expected a whole number >= 1, found "${v}"`;
      args.minCell = Number(v);
    } else if (a === "--months") {
      const v = value();
      if (v !== "whole" && v !== "exact") return `--months: expected whole or exact, found "${v}"`;
      args.months = v;
    } else if (a === "--out") args.out = value();
    else if (a === "--help" || a === "-h") return USAGE;
    else if (a.startsWith("--")) return `unknown option ${a}`;
    else if (!args.file) args.file = a;
    else return `unexpected argument "${a}"`;
  }
  if (!args.file) return "expected a file";
  return args;
}

export async function main(argv: string[]): Promise<number> {
  let args: Args | string;
  try {
    args = parseArgs(argv);
  } catch (error) {
    args = (error as Error).message;
  }
  if (typeof args === "string") {
    if (args === USAGE) {
      console.log(USAGE);
      return 0;
    }
    console.error(`rendement aggregate: ${args}\n${USAGE}`);
    return 2;
  }
  let agg;
  try {
    agg = await aggregateCohortFile(args.file, {by: args.by});
  } catch (error) {
    if (error instanceof CohortFileError || error instanceof CohortOptionError) {
      console.error(`rendement aggregate: ${error.message}`);
      return 2;
    }
    throw error;
  }
  if (agg.excluded.length) console.error(formatExclusions(agg));
  if (agg.format === "duration" && args.causes === "detailed") {
    console.error("rendement aggregate: --causes detailed: the duration table only distinguishes work and other exits");
    return 2;
  }
  const {causeOf} = causesOf(agg.format, args.causes);
  const relabelled = relabelExits(agg.counts, causeOf);
  const {counts, report} = discloseEventTable(args.months === "whole" ? roundUpMonths(relabelled) : relabelled, args.minCell);
  const text = formatEventTable(counts);
  const statement = `${args.months === "whole" ? "times rounded up to whole months; " : ""}${formatDisclosure(report)}`;
  if (args.out) {
    try {
      writeFileSync(args.out, text);
      writeFileSync(`${args.out}.disclosure.json`, JSON.stringify({source: args.file, by: args.by, causes: args.causes, months: args.months, ...report}, null, 2) + "\n");
    } catch (error) {
      console.error(`rendement aggregate: cannot write ${args.out}: ${(error as Error).message}`);
      return 2;
    }
    console.error(`${args.out}: ${counts.length} cells, ${counts.reduce((s, c) => s + c.count, 0)} persons (from ${agg.summary.accepted} accepted rows of ${args.file})`);
  } else process.stdout.write(text);
  console.error(statement);
  return 0;
}
