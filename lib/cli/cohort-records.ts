// Turn a read cohort file (full format or duration table) into per-person duration records grouped
// by a column, for the `curves` and `net-effect` commands. Returns an error message for a grouping or
// cause mode the file cannot give.
import type {AnyCohortFile} from "../io/cohort-file.js";
import {durationOf, EXIT_TYPES} from "../schema/cohort-columns.js";
import type {CohortRow} from "../schema/cohort.js";
import {DEFAULT_MAX_EXCLUDED} from "../cohort/exclusions.js";
import {numberOption} from "./args.js";

export type CohortRecord = {group: string; months: number; exit: string};

export function cohortRecords(
  file: AnyCohortFile,
  path: string,
  by: string,
  causesMode: "detailed" | "work-other" | undefined
): {records: CohortRecord[]; causes: string[]} | string {
  if (file.format === "duration") {
    if (by !== "group") return `--by ${by}: the duration table (${path}) only has the column "group"`;
    if (causesMode === "detailed") return "--causes detailed: the duration table only distinguishes work and other exits";
    return {causes: ["work", "other"], records: file.rows.map((r) => ({group: r.group, months: r.months, exit: r.exit}))};
  }
  const rows = file.rows as CohortRow[];
  // Derived grouping columns: the calendar year of inflow or of the start of follow-up (curves by cohort).
  const derived: Record<string, (r: CohortRow) => string> = {
    inflow_year: (r) => r.inflow_date.slice(0, 4),
    start_year: (r) => r.follow_up_start.slice(0, 4)
  };
  const byCol = by as keyof CohortRow;
  if (!derived[by] && !rows.some((r) => byCol in r)) return `--by ${by}: expected a column of ${path}, found none named "${by}"`;
  const mode = causesMode ?? "detailed";
  const causes = mode === "detailed" ? EXIT_TYPES.filter((t) => t !== "none") : ["work", "other"];
  const records = rows.map((r) => {
    const v = derived[by] ? derived[by](r) : r[byCol];
    return {group: v === null || v === undefined || v === "" ? "(blank)" : String(v), ...durationOf(r, mode)};
  });
  return {records, causes};
}

/** The --max-excluded option of every cohort command: a share from 0 to 1 or a percentage (default 5 %). */
export function maxExcludedOption(name: string, value: string): number {
  return numberOption([name, value], name, DEFAULT_MAX_EXCLUDED, {min: 0, max: 1, percent: true, what: "a share of the rows from 0 to 1 (0.05) or a percentage (5%)"});
}
