// rendement aggregate <person-level file> [--by <column>] [--causes work-other|detailed] [--months whole|exact] [--min-cell N] [--out file]
// rendement aggregate --engine postgres --table <relation> [--connection postgres://user@host:port/db] [...the same options]
//   runs the same query inside a PostgreSQL server (lib/io/cohort-postgres.ts): person rows never
//   leave it; the connection comes from --connection or PGHOST/PGPORT/PGDATABASE/PGUSER/PGPASSWORD.
// Reads a person-level cohort file (CSV or Parquet) with DuckDB, validates every row, and writes the
// disclosure-checked event table (group, months, exit, count): every published cell counts at least
// --min-cell persons (default 10), small cells are merged forward in time, and groups that cannot be
// published are left out. Times are rounded up to whole months first unless --months exact. What was merged or suppressed is stated on stderr (and in <out>.disclosure.json).
// The event table is what may leave a secure environment; `rendement curves` reads it.
// The exclusion rules are those of `curves` (lib/io/cohort-file.ts applyExclusionRules): more than
// --max-excluded (default 5 %) of the rows excluded refuses the file, so no event table is written
// from a file that is mostly bad. Nothing it prints or writes quotes a cell value or an id (only
// row positions, fields and what was expected), since its output is what leaves a secure environment. An --out that is the input file (same real path, or the same file
// through a hard link) is refused before anything is read.
// Exit codes: 0 ok, 2 bad input or usage.
import {realpathSync, statSync, writeFileSync} from "node:fs";
import path from "node:path";
import {applyExclusionRules, CohortFileError} from "../io/cohort-file-base.js";
import {maxExcludedOption} from "./cohort-records.js";
import {UsageError} from "./args.js";
import {DEFAULT_MAX_EXCLUDED, privateExcludedRow} from "../cohort/exclusions.js";
import {aggregateCohortFile, causesOf, CohortOptionError} from "../io/cohort-duckdb.js";
import {withCohortSource} from "../io/cohort-source.js";
import {formatEventTable, unsafeGroupMessage} from "../io/event-table-file.js";
import {discloseEventTable, formatDisclosure, relabelExits, roundUpMonths} from "../cohort/event-counts.js";
import {DEFAULT_MIN_CELL} from "../cohort/aggregate.js";

const USAGE =
  "Usage: rendement aggregate <person-level file> [--by <column>] [--causes work-other|detailed] [--months whole|exact] [--min-cell N] [--max-excluded 5%] [--sheet <name|number>] [--out file]\n" +
  "       rendement aggregate --engine postgres --table <relation> [--connection postgres://user@host:port/database] [the same options]";

interface Args {
  file: string;
  by: string;
  causes: "work-other" | "detailed";
  minCell: number;
  months: "whole" | "exact";
  maxExcluded: number;
  out: string | undefined;
  engine: "duckdb" | "postgres";
  table: string | undefined;
  connection: string | undefined;
  sheet: string | undefined;
}

function parseArgs(argv: string[]): Args | string {
  const args: Args = {file: "", by: "group", causes: "work-other", minCell: DEFAULT_MIN_CELL, months: "whole", maxExcluded: DEFAULT_MAX_EXCLUDED, out: undefined, engine: "duckdb", table: undefined, connection: undefined, sheet: undefined};
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
    } else if (a === "--max-excluded") args.maxExcluded = maxExcludedOption(a, value());
    else if (a === "--out") args.out = value();
    else if (a === "--engine") {
      const v = value();
      if (v !== "duckdb" && v !== "postgres") return `--engine: expected duckdb or postgres, found "${v}"`;
      args.engine = v;
    } else if (a === "--table") args.table = value();
    else if (a === "--connection") args.connection = value();
    else if (a === "--sheet") args.sheet = value();
    else if (a === "--help" || a === "-h") return USAGE;
    else if (a.startsWith("--")) return `unknown option ${a}`;
    else if (!args.file) args.file = a;
    else return `unexpected argument "${a}"`;
  }
  if (args.engine === "postgres") {
    if (args.file) return `--engine postgres reads the relation named by --table, not a file ("${args.file}")`;
    if (!args.table) return "--engine postgres: expected --table <relation>";
    return args;
  }
  if (args.table || args.connection) return `${args.table ? "--table" : "--connection"}: only with --engine postgres`;
  if (!args.file) return "expected a file";
  return args;
}

export async function main(argv: string[]): Promise<number> {
  let args: Args | string;
  try {
    args = parseArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError) && !(error instanceof Error && /expected a value$/.test(error.message))) throw error;
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
  if (args.out && args.engine === "duckdb") {
    const same = sameFile(args.out, args.file) ?? sameFile(`${args.out}.disclosure.json`, args.file);
    if (same) {
      console.error(`rendement aggregate: --out: ${same}; the event table must not overwrite the person-level file`);
      return 2;
    }
  }
  let agg;
  let notes: string;
  try {
    const a = args;
    agg =
      args.engine === "postgres"
        ? // loaded only here, so the file path does not load the pg client
          await (await import("../io/cohort-postgres.js")).aggregatePostgres({table: args.table!, connection: args.connection}, {by: args.by})
        : await withCohortSource(args.file, args.sheet, (source) => {
            if (source.note) console.error(source.note);
            return aggregateCohortFile(source.csvPath, {by: a.by});
          });
    // What aggregate prints or writes may leave a secure environment: no cell value and no id, on
    // every engine (the database queries already return none; this also covers the CSV reader's own
    // messages). docs/cohort.md, "What leaves the database".
    agg = {...agg, excluded: agg.excluded.map((e) => privateExcludedRow(agg!.summary.file, e))};
    notes = applyExclusionRules(agg, args.maxExcluded);
  } catch (error) {
    if (error instanceof CohortFileError || error instanceof CohortOptionError) {
      console.error(`rendement aggregate: ${error.message}`);
      return 2;
    }
    throw error;
  }
  if (notes) console.error(notes);
  if (agg.format === "duration" && args.causes === "detailed") {
    console.error("rendement aggregate: --causes detailed: the duration table only distinguishes work and other exits");
    return 2;
  }
  const {causeOf} = causesOf(agg.format, args.causes);
  const relabelled = relabelExits(agg.counts, causeOf);
  const {counts, report} = discloseEventTable(args.months === "whole" ? roundUpMonths(relabelled) : relabelled, args.minCell);
  // The event table is opened in spreadsheets and read back by curves: a group name that a
  // spreadsheet may run as a formula is refused, never rewritten (lib/io/event-table-file.ts).
  const unsafe = [...new Set(counts.map((c) => c.group))].filter((g) => unsafeGroupMessage(g));
  if (unsafe.length) {
    console.error(unsafe.map((g) => `rendement aggregate: ${args.file || args.table}: ${args.by}: ${unsafeGroupMessage(g)}; rename the group in the person-level file`).join("\n"));
    return 2;
  }
  const text = formatEventTable(counts);
  const source = args.engine === "postgres" ? `postgres ${(await import("../io/cohort-postgres.js")).connectionLabel(args.connection)} ${args.table}` : args.file;
  const statement = `${args.months === "whole" ? "times rounded up to whole months; " : ""}${formatDisclosure(report)}`;
  if (args.out) {
    try {
      writeFileSync(args.out, text);
      writeFileSync(`${args.out}.disclosure.json`, JSON.stringify({source, by: args.by, causes: args.causes, months: args.months, ...report}, null, 2) + "\n");
    } catch (error) {
      console.error(`rendement aggregate: cannot write ${args.out}: ${(error as Error).message}`);
      return 2;
    }
    console.error(`${args.out}: ${counts.length} cells, ${counts.reduce((s, c) => s + c.count, 0)} persons (from ${agg.summary.accepted} accepted rows of ${source})`);
  } else process.stdout.write(text);
  console.error(statement);
  return 0;
}

/** Where `a` is or would be, resolved through symbolic links (the folder when `a` does not exist yet). */
function resolved(a: string): string | null {
  try {
    return realpathSync(a);
  } catch {
    try {
      return path.join(realpathSync(path.dirname(path.resolve(a))), path.basename(a));
    } catch {
      return null;
    }
  }
}

/** Why writing `out` would overwrite `input` (same real path or same inode), or null. */
function sameFile(out: string, input: string): string | null {
  const o = resolved(out);
  const i = resolved(input);
  if (o !== null && o === i) return `${out} is the input file ${input}`;
  try {
    const so = statSync(out);
    const si = statSync(input);
    if (so.dev === si.dev && so.ino === si.ino) return `${out} is the input file ${input} (a link to it)`;
  } catch {
    // out does not exist yet: a new file cannot be the input
  }
  return null;
}
