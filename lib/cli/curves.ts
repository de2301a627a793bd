// rendement curves <file> [--by <column>|inflow_year|start_year] [--at 3,6,12,24] [--json] [--causes detailed|work-other] [--conf-type log|log-log|plain] [--max-excluded 5%]
// Kaplan–Meier survival (any exit) with its confidence interval and the Aalen–Johansen cumulative
// incidence per exit type, per group, at the requested months. Accepts the full cohort format and
// the minimal duration table (detected from the header). Exit codes: 0 ok, 2 bad input or usage, or
// more than --max-excluded of the rows excluded (default 5 %, lib/cohort/exclusions.ts).
import {CohortFileError, formatExclusions, readCohortFile} from "../io/cohort-file.js";
import {cohortRecords} from "./cohort-records.js";
import {curvesByGroup, summarizeAt, type GroupSummary} from "../cohort/curves.js";
import type {ConfType} from "../cohort/confidence.js";
import {numberOption, parseNumber, UsageError} from "./args.js";
import {DEFAULT_MAX_EXCLUDED} from "../cohort/exclusions.js";

const USAGE = "Usage: rendement curves <file> [--by <column>] [--at 3,6,12,24] [--json] [--causes detailed|work-other] [--conf-type log|log-log|plain] [--max-excluded 5%]";

interface Args {
  file: string;
  by: string;
  at: number[];
  json: boolean;
  causes: "detailed" | "work-other" | undefined;
  confType: ConfType;
  maxExcluded: number;
}

const ACCEPTED = "--by <column>, --at <months>, --json, --causes <mode>, --conf-type <type>, --max-excluded <share>, --help";

function parseArgs(argv: string[]): Args | string {
  const args: Args = {file: "", by: "group", at: [3, 6, 12, 24], json: false, causes: undefined, confType: "log", maxExcluded: DEFAULT_MAX_EXCLUDED};
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
      args.maxExcluded = numberOption([a, v], a, DEFAULT_MAX_EXCLUDED, {min: 0, max: 1, percent: true, what: "a share of the rows from 0 to 1 (0.05) or a percentage (5%)"});
    } else if (a === "--help" || a === "-h") return USAGE;
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
  let file;
  try {
    file = readCohortFile(args.file, {maxExcluded: args.maxExcluded});
  } catch (error) {
    if (error instanceof CohortFileError) {
      console.error(`rendement curves: ${error.message}`);
      return 2;
    }
    throw error;
  }
  const notes = formatExclusions(file);
  if (notes) console.error(notes);

  const grouped = cohortRecords(file, args.file, args.by, args.causes);
  if (typeof grouped === "string") {
    console.error(`rendement curves: ${grouped}`);
    return 2;
  }
  const {records, causes} = grouped;
  const curves = curvesByGroup(records, causes, {confType: args.confType});
  const summaries = curves.map((c) => summarizeAt(c, args.at));
  if (args.json) {
    const payload = {
      file: args.file,
      format: file.format,
      by: args.by,
      confType: args.confType,
      confLevel: 0.95,
      rowsRead: file.summary.read,
      rowsExcluded: file.summary.excluded,
      groups: summaries
    };
    console.log(JSON.stringify(payload, jsonNumber, 2));
  } else {
    console.log(`${args.file}: ${file.format === "duration" ? "duration table" : "full cohort"}, ${file.summary.accepted} persons (${file.summary.excluded} rows excluded); conf.type ${args.confType}\n`);
    console.log(renderText(summaries, args.by, 0.95));
  }
  return 0;
}
