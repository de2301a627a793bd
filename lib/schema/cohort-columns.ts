// The cohort formats' columns, value lists and date conversions, without zod: the DuckDB path of
// `rendement curves` and `rendement aggregate` validates in SQL and loads these only (zod and the
// row schemas cost about 45 ms of CPU at every start). lib/schema/cohort.ts re-exports all of it
// beside the zod schemas of the in-process reader; the documentation of the formats is there.
import type {CohortRow} from "./cohort.js";

/** Exit types of the full format. `none` = still on benefit / in the project at the end of follow-up. */
export const EXIT_TYPES = ["work_fulltime", "work_parttime", "work_subsidised", "school", "other", "none"] as const;
export type ExitType = (typeof EXIT_TYPES)[number];

/** Exit types of the minimal duration table. */
export const DURATION_EXITS = ["work", "other", "censored"] as const;
export type DurationExit = (typeof DURATION_EXITS)[number];

/** Benefit types as in seed 002 Table 1 (WWB = bijstand). */
export const BENEFIT_TYPES = ["wwb", "wajong", "wia", "ww", "other", "none"] as const;
export type BenefitType = (typeof BENEFIT_TYPES)[number];

/** The 11 domains of the Zelfredzaamheidsmatrix (ZRM), each scored 1–5 (seed 002 §4.1). */
export const ZRM_DOMAINS = [
  "finances",
  "daytime_activities",
  "housing",
  "domestic_relations",
  "mental_health",
  "physical_health",
  "addiction",
  "adl",
  "social_network",
  "social_participation",
  "justice"
] as const;
export type ZrmDomain = (typeof ZRM_DOMAINS)[number];

/** Measurement moments (months since the start of the trajectory). */
export const MEASURE_MONTHS = [0, 6, 12] as const;

/** Categorical characteristics used by the effectiveness model (seed 002 Table 2). */
export const EDUCATION_LEVELS = ["low", "middle", "high"] as const;
export const ORIGINS = ["nl", "tr_ma", "sr_an", "other"] as const;
export const UNEMPLOYMENT_DURATIONS = ["le1y", "1to5y", "gt5y_or_never"] as const;
export const CHILDREN = ["none_or_adult", "lt12", "12to18"] as const;

export const FULL_REQUIRED_COLUMNS = [
  "id",
  "inflow_date",
  "group",
  "follow_up_start",
  "follow_up_end",
  "exit_type",
  "exit_date",
  "hours",
  "benefit_type"
] as const;

export const FULL_OPTIONAL_COLUMNS = [
  "age",
  "sex",
  "education",
  "origin",
  "unemployment_duration",
  "children",
  "poor_mental_health",
  "trajectory_date",
  "job_end_date",
  ...MEASURE_MONTHS.map((m) => `ladder_${m}`),
  ...MEASURE_MONTHS.map((m) => `zrm_${m}`),
  ...ZRM_DOMAINS.flatMap((d) => MEASURE_MONTHS.map((m) => `zrm_${d}_${m}`))
];

export const DURATION_COLUMNS = ["id", "group", "months", "exit"] as const;

export const isWorkExit = (t: ExitType | DurationExit): boolean => t.startsWith("work");

// ---------------------------------------------------------------------------------------------
// Conversions shared by the estimators, the CLI and the loaders.

const DAY_MS = 86_400_000;
/** Average month length used to turn dates into months: 365.25 / 12 = 30.4375 days. */
export const DAYS_PER_MONTH = 365.25 / 12;

export function daysBetween(from: string, to: string): number {
  return (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS;
}

/** Months between two ISO dates, as days / 30.4375 (real-valued). */
export function monthsBetween(from: string, to: string): number {
  return daysBetween(from, to) / DAYS_PER_MONTH;
}

/** A person's time to exit (or censoring) and the exit cause, the common input of the estimators. */
export interface DurationRecord {
  id: string;
  group: string;
  months: number;
  /** `censored`, or the exit cause (`work`/`other` in the minimal table, an ExitType in the full format). */
  exit: string;
}

/**
 * Time from follow-up start to exit (or to the end of follow-up, censored) of a full-format row.
 * `causes: "work-other"` maps the three work exits to `work` and school/other to `other`;
 * `"detailed"` keeps the exit type.
 */
export function durationOf(row: CohortRow, causes: "work-other" | "detailed" = "detailed"): {months: number; exit: string} {
  if (row.exit_type === "none" || row.exit_date === null) return {months: monthsBetween(row.follow_up_start, row.follow_up_end), exit: "censored"};
  const exit = causes === "detailed" ? row.exit_type : isWorkExit(row.exit_type) ? "work" : "other";
  return {months: monthsBetween(row.follow_up_start, row.exit_date), exit};
}
