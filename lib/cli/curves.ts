// rendement curves <file> [--by <column>|inflow_year|start_year] [--at 3,6,12,24] [--json] [--causes detailed|work-other] [--conf-type log|log-log|plain] [--engine duckdb|js] [--max-excluded 5%]
// Kaplan–Meier survival (any exit) with its confidence interval and the Aalen–Johansen cumulative
// incidence per exit type, per group, at the requested months. Accepts the full cohort format and
// the minimal duration table (detected from the header), as CSV or Parquet, and an event table
// (group, months, exit, count) as written by `rendement aggregate`. Person-level files are read and
// aggregated by DuckDB (lib/io/cohort-duckdb.ts); `--engine js` reads CSV in process instead.
// Exit codes: 0 ok, 2 bad input or usage, or more than --max-excluded of the rows excluded (default
// 5 %, lib/cohort/exclusions.ts).
import {applyExclusionRules, CohortFileError, formatExclusions} from "../io/cohort-file-base.js";
import {withCohortSource, type CohortSource, type SourceKind} from "../io/cohort-source.js";
import {aggregateCohortFile, causesOf, CohortOptionError} from "../io/cohort-duckdb.js";
import {isEventTableHeader, readCsvHeader, readEventTable} from "../io/event-table-file.js";
import {cohortRecords, maxExcludedOption} from "./cohort-records.js";
import {curvesByGroup, summarizeAt, type GroupCurves, type GroupSummary} from "../cohort/curves.js";
import {CENSORED, curvesFromCounts, relabelExits} from "../cohort/event-counts.js";
import {EXIT_TYPES} from "../schema/cohort-columns.js";
import type {ConfType} from "../cohort/confidence.js";
import {parseNumber, UsageError} from "./args.js";
import {DEFAULT_MAX_EXCLUDED} from "../cohort/exclusions.js";

const USAGE =
  "Usage: rendement curves <file> [--by <column>] [--at 3,6,12,24] [--json] [--causes detailed|work-other] [--conf-type log|log-log|plain] [--max-excluded 5%] [--engine duckdb|js] [--sheet <name|number>]";

interface Args {
  file: string;
  by: string;
  at: number[];
  json: boolean;
  causes: "detailed" | "work-other" | undefined;
  confType: ConfType;
  maxExcluded: number;
  engine: "duckdb" | "js";
  sheet: string | undefined;
}

const ACCEPTED = "--by <column>, --at <months>, --json, --causes <mode>, --conf-type <type>, --max-excluded <share>, --engine <duckdb|js>, --sheet <name|number>, --help";

function parseArgs(argv: string[]): Args | string {
  const args: Args = {file: "", by: "group", at: [3, 6, 12, 24], json: false, causes: undefined, confType: "log", maxExcluded: DEFAULT_MAX_EXCLUDED, engine: "duckdb", sheet: undefined};
  const seen = new Set<string>();
  for (let i = 0; i < argv.length; ++i) {
    const a = argv[i];
    if (a.startsWith("--") && seen.has(a)) return `${a} is given twice; give it once`;
    seen.add(a);
    const value = () => {
      const v = argv[++i];
      if (v === undefined || v.startsWith("--")) throw new UsageError(`${a} expects a value, found ${v === undefined ? "nothing" : `the option ${v}`}`);
      return v;
    };
    if (a === "--json") args.json = true;
    else if (a === "--by") args.by = value().toLowerCase();
    else if (a === "--at") {
      const v = value();
      const at = v.split(",").map((x) => parseNumber(x.trim()) ?? NaN);
      if (!at.length || at.some((x) => !Number.isFinite(x) || x < 0 || x > 1200)) return `--at: expected months from 0 to 1200 separated by commas (3,6,12,24), found "${v}"`;
      args.at = at;
    } else if (a === "--causes") {
      const v = value();
      if (v !== "detailed" && v !== "work-other") return `--causes: expected detailed or work-other, found "${v}"`;
      args.causes = v;
    } else if (a === "--conf-type") {
      const v = value();
      if (v !== "log" && v !== "log-log" && v !== "plain") return `--conf-type: expected log, log-log or plain, found "${v}"`;
      args.confType = v;
    } else if (a === "--max-excluded") {
      const v = value();
      args.maxExcluded = maxExcludedOption(a, v);
    } else if (a === "--engine") {
      const v = value();
      if (v !== "duckdb" && v !== "js") return `--engine: expected duckdb or js, found "${v}"`;
      args.engine = v;
    } else if (a === "--sheet") args.sheet = value();
    else if (a === "--help" || a === "-h") return USAGE;
    else if (a.startsWith("--") || /^-[A-Za-z]/.test(a)) return `unknown option ${a}; rendement curves accepts ${ACCEPTED}`;
    else if (!args.file) args.file = a;
    else return `unexpected argument "${a}"`;
  }
  if (!args.file) return "expected a file";
  return args;
}

const fmt = (x: number, d = 3) => (Number.isFinite(x) ? x.toFixed(d) : "NA");
const ci = (p: {estimate: number; lower: number; upper: number}) => `${fmt(p.estimate)} (${fmt(p.lower)}–${fmt(p.upper)})`;

function renderText(summaries: GroupSummary[], by: string, confLevel: number): string {
  const out: string[] = [];
  for (const s of summaries) {
    out.push(`${by} = ${s.group}  (n = ${s.n})`);
    const head = ["month", "at risk", `no exit yet, KM (${Math.round(confLevel * 100)}% CI)`, ...s.causes.map((c) => `${c}, CIF (CI)`)];
    const rows = s.rows.map((r) => [String(r.month), String(r.nRisk), ci(r.survival), ...s.causes.map((c) => ci(r.cif[c]))]);
    const widths = head.map((h, k) => Math.max(h.length, ...rows.map((r) => r[k].length)));
    out.push(head.map((h, k) => h.padStart(widths[k])).join("  "));
    for (const r of rows) out.push(r.map((c, k) => c.padStart(widths[k])).join("  "));
    out.push("");
  }
  return out.join("\n");
}

const jsonNumber = (_k: string, v: unknown) => (typeof v === "number" && !Number.isFinite(v) ? null : v);

export async function main(argv: string[]): Promise<number> {
  let args: Args | string;
  try {
    args = parseArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    args = error.message;
  }
  if (typeof args === "string") {
    if (args === USAGE) {
      console.log(USAGE);
      return 0;
    }
    console.error(`rendement curves: ${args}${args.startsWith("expected a file") ? ` (${USAGE})` : ""}`);
    return 2;
  }
  let read: Read | string;
  try {
    const a = args;
    read = await withCohortSource(args.file, args.sheet, async (source) => {
      if (source.note) console.error(source.note);
      const r = await readCurves({...a, file: source.csvPath}, source);
      return typeof r === "string" ? r : {...r, input: source.kind};
    });
  } catch (error) {
    if (error instanceof CohortFileError || error instanceof CohortOptionError) {
      console.error(`rendement curves: ${error.message}`);
      return 2;
    }
    throw error;
  }
  if (typeof read === "string") {
    console.error(`rendement curves: ${read}`);
    return 2;
  }
  const {curves, format, rowsRead, rowsExcluded, persons, input} = read;
  const summaries = curves.map((c) => summarizeAt(c, args.at));
  if (args.json) {
    const payload = {
      file: args.file,
      format,
      input,
      by: args.by,
      confType: args.confType,
      confLevel: 0.95,
      rowsRead,
      rowsExcluded,
      groups: summaries
    };
    console.log(JSON.stringify(payload, jsonNumber, 2));
  } else {
    const what = format === "duration" ? "duration table" : format === "full" ? "full cohort" : "event table";
    const from = input === "dutch-csv" ? " (Dutch Excel CSV: semicolons, decimal commas)" : input === "xlsx" ? ` (.xlsx sheet)` : "";
    console.log(`${args.file}${from}: ${what}, ${persons} persons (${rowsExcluded} rows excluded); conf.type ${args.confType}\n`);
    console.log(renderText(summaries, args.by, 0.95));
  }
  return 0;
}

interface Read {
  curves: GroupCurves[];
  format: "full" | "duration" | "event-table";
  rowsRead: number;
  rowsExcluded: number;
  persons: number;
  input?: SourceKind;
}

/** Curves from the file by the path its kind asks for; a string is a usage problem. */
async function readCurves(args: Args, source: CohortSource): Promise<Read | string> {
  const header = source.kind === "parquet" ? null : readCsvHeader(args.file);
  if (header && isEventTableHeader(header)) return eventTableCurves(args);
  if (args.engine === "js") {
    if (source.kind === "parquet") return "--engine js: reads CSV only; Parquet is read by the DuckDB engine";
    return inProcessCurves(args, source);
  }
  const agg = await aggregateCohortFile(args.file, {by: args.by});
  // The same rules as the in-process reader (lib/cohort/exclusions.ts): a summary, never one line
  // per row, and more than --max-excluded of the rows excluded fails the command.
  const notes = applyExclusionRules(agg, args.maxExcluded);
  if (notes) console.error(notes);
  if (agg.format === "duration" && args.causes === "detailed") return "--causes detailed: the duration table only distinguishes work and other exits";
  const {causes, causeOf} = causesOf(agg.format, args.causes ?? "detailed");
  const curves = curvesFromCounts(relabelExits(agg.counts, causeOf), causes, {confType: args.confType});
  return {curves, format: agg.format, rowsRead: agg.summary.read, rowsExcluded: agg.summary.excluded, persons: agg.summary.accepted};
}

/**
 * The in-process path: every row parsed and validated in JavaScript (lib/io/cohort-file.ts, loaded
 * only here: its zod schemas cost the DuckDB path about 45 ms of CPU at every start).
 */
async function inProcessCurves(args: Args, source: CohortSource): Promise<Read | string> {
  const {parseCohortText} = await import("../io/cohort-file.js");
  // Parsed under the file's own name (the text of a spreadsheet's CSV copy has the same lines).
  const file = parseCohortText(source.text(), source.path, {maxExcluded: args.maxExcluded});
  const notes = formatExclusions(file);
  if (notes) console.error(notes);
  const grouped = cohortRecords(file, source.path, args.by, args.causes);
  if (typeof grouped === "string") return grouped;
  const curves = curvesByGroup(grouped.records, grouped.causes, {confType: args.confType});
  return {curves, format: file.format, rowsRead: file.summary.read, rowsExcluded: file.summary.excluded, persons: file.summary.accepted};
}

const DETAILED = EXIT_TYPES.filter((t) => t !== "none") as string[];

/** An event table (rendement aggregate): its exits say whether the causes are work/other or detailed. */
function eventTableCurves(args: Args): Read | string {
  if (args.by !== "group") return `--by ${args.by}: an event table (${args.file}) is already grouped by its column "group"`;
  const counts = readEventTable(args.file);
  const exits = new Set(counts.map((c) => c.exit).filter((e) => e !== CENSORED));
  const workOther = [...exits].every((e) => e === "work" || e === "other");
  const detailed = [...exits].every((e) => DETAILED.includes(e));
  if (!workOther && !detailed) {
    const bad = [...exits].find((e) => !DETAILED.includes(e) && e !== "work" && e !== "other");
    throw new CohortFileError(args.file, [`${args.file}: exit: expected ${CENSORED}, work, other or one of ${DETAILED.join(", ")}, found "${bad}"`]);
  }
  if (workOther && !detailed && args.causes === "detailed") return "--causes detailed: this event table only distinguishes work and other exits";
  const mode = workOther && !detailed ? "work-other" : (args.causes ?? "detailed");
  const {causes, causeOf} = causesOf(workOther && !detailed ? "duration" : "full", mode);
  const curves = curvesFromCounts(relabelExits(counts, causeOf), causes, {confType: args.confType});
  const persons = counts.reduce((s, c) => s + c.count, 0);
  return {curves, format: "event-table", rowsRead: counts.length, rowsExcluded: 0, persons};
}
