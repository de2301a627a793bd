// Cohort data formats (the single source of their documentation). Browser-safe: zod only.
//
// Two formats are accepted, both CSV with a header row:
//
// 1. The full person-level cohort (one row per person), shaped after the monitor of seed 002 §4.1:
//    id, inflow_date, group, follow_up_start, follow_up_end, exit_type, exit_date, hours, benefit_type
//    plus optional columns (characteristics for the effectiveness model of seed 002 Table 2,
//    repeated ZRM and participation-ladder measures at 0/6/12 months, trajectory and job-end dates).
// 2. The minimal duration table: id, group, months, exit  with exit work | other | censored.
//
// Every field schema carries an "expected ..." message; the reader (lib/io/cohort-file.ts) adds
// file, line and what was found.
import {z} from "zod";

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

// ---------------------------------------------------------------------------------------------
// Field schemas on raw CSV strings.

const blankToNull = (v: unknown) => (typeof v === "string" && v.trim() === "" ? null : typeof v === "string" ? v.trim() : v);

function isCalendarDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
}

const nonEmpty = (what: string) => z.preprocess(blankToNull, z.string({error: `expected ${what}`}).min(1, {error: `expected ${what}`}));
const date = z.string({error: "expected a date YYYY-MM-DD"}).refine(isCalendarDate, {error: "expected a date YYYY-MM-DD"});
const requiredDate = z.preprocess(blankToNull, date);
const optionalDate = z.preprocess(blankToNull, date.nullable());
const numberIn = (lo: number, hi: number, what: string) =>
  z.preprocess(
    (v) => {
      const s = blankToNull(v);
      if (s === null || typeof s !== "string") return s;
      const x = Number(s.replace(",", "."));
      return Number.isFinite(x) && /^-?\d+([.,]\d+)?$/.test(s) ? x : s;
    },
    z.number({error: `expected ${what}`}).min(lo, {error: `expected ${what}`}).max(hi, {error: `expected ${what}`}).nullable()
  );
const integerIn = (lo: number, hi: number, what: string) =>
  z.preprocess(
    (v) => {
      const s = blankToNull(v);
      if (s === null || typeof s !== "string") return s;
      return /^-?\d+$/.test(s) ? Number(s) : s;
    },
    z.number({error: `expected ${what}`}).int({error: `expected ${what}`}).min(lo, {error: `expected ${what}`}).max(hi, {error: `expected ${what}`}).nullable()
  );
const lowerEnum = <T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, {error: `expected one of ${values.join("|")}`});
const lower = (v: unknown) => {
  const s = blankToNull(v);
  return typeof s === "string" ? s.toLowerCase() : s;
};
const oneOf = <T extends readonly [string, ...string[]]>(values: T) => z.preprocess(lower, lowerEnum(values));
const oneOfOrBlank = <T extends readonly [string, ...string[]]>(values: T) => z.preprocess(lower, lowerEnum(values).nullable());

const zrmShape: Record<string, ReturnType<typeof numberIn>> = {};
for (const m of MEASURE_MONTHS) zrmShape[`zrm_${m}`] = numberIn(1, 5, "a ZRM score 1–5 or blank").optional() as never;
for (const d of ZRM_DOMAINS) for (const m of MEASURE_MONTHS) zrmShape[`zrm_${d}_${m}`] = numberIn(1, 5, "a ZRM score 1–5 or blank").optional() as never;

const fullBase = z.object({
  id: nonEmpty("a non-empty pseudonymous id"),
  inflow_date: requiredDate,
  group: nonEmpty("a non-empty group name"),
  follow_up_start: requiredDate,
  follow_up_end: requiredDate,
  exit_type: oneOf(EXIT_TYPES),
  exit_date: optionalDate,
  hours: numberIn(0, 80, "hours per week 0–80 or blank"),
  benefit_type: oneOf(BENEFIT_TYPES),
  age: integerIn(15, 70, "an age 15–70 or blank").optional(),
  sex: oneOfOrBlank(["f", "m"] as const).optional(),
  education: oneOfOrBlank(EDUCATION_LEVELS).optional(),
  origin: oneOfOrBlank(ORIGINS).optional(),
  unemployment_duration: oneOfOrBlank(UNEMPLOYMENT_DURATIONS).optional(),
  children: oneOfOrBlank(CHILDREN).optional(),
  poor_mental_health: integerIn(0, 1, "0 or 1 or blank").optional(),
  trajectory_date: optionalDate.optional(),
  job_end_date: optionalDate.optional(),
  ladder_0: integerIn(1, 6, "a ladder rung 1–6 or blank").optional(),
  ladder_6: integerIn(1, 6, "a ladder rung 1–6 or blank").optional(),
  ladder_12: integerIn(1, 6, "a ladder rung 1–6 or blank").optional()
});

type ZrmColumns = {[K in `zrm_${0 | 6 | 12}` | `zrm_${ZrmDomain}_${0 | 6 | 12}`]?: number | null};

/** One validated person of the full cohort format (keys are the CSV column names). */
export type CohortRow = z.output<typeof fullBase> & ZrmColumns;

export const isWorkExit = (t: ExitType | DurationExit): boolean => t.startsWith("work");

/** Cross-field rules of the full format, each reported on the field it concerns. */
export const cohortRowSchema = fullBase.extend(zrmShape).superRefine((row, ctx) => {
  const r = row as unknown as CohortRow;
  const issue = (path: string, message: string) => ctx.addIssue({code: "custom", path: [path], message});
  // Cross-field rules compare dates and hours that passed their own field rules; a field that failed
  // is already reported on its own (and its raw text must not appear inside another field's message).
  const dates = ["inflow_date", "follow_up_start", "follow_up_end", "exit_date", "trajectory_date", "job_end_date"] as const;
  for (const d of dates) if (r[d] != null && !(typeof r[d] === "string" && isCalendarDate(r[d] as string))) return;
  if (!EXIT_TYPES.includes(r.exit_type) || (r.hours !== null && typeof r.hours !== "number")) return;
  if (r.follow_up_end < r.follow_up_start) issue("follow_up_end", `expected a date on or after follow_up_start ${r.follow_up_start}`);
  if (r.exit_type === "none") {
    if (r.exit_date !== null) issue("exit_date", "expected blank when exit_type is none");
  } else if (r.exit_date === null) {
    issue("exit_date", `expected a date YYYY-MM-DD when exit_type is ${r.exit_type}`);
  } else if (r.exit_date < r.follow_up_start || r.exit_date > r.follow_up_end) {
    issue("exit_date", `expected a date within follow-up ${r.follow_up_start}..${r.follow_up_end}`);
  }
  if (isWorkExit(r.exit_type) && (r.hours === null || r.hours <= 0)) issue("hours", `expected hours per week > 0 when exit_type is ${r.exit_type}`);
  if (r.job_end_date != null) {
    if (!isWorkExit(r.exit_type)) issue("job_end_date", "expected blank unless exit_type is a work exit");
    else if (r.exit_date !== null && (r.job_end_date < r.exit_date || r.job_end_date > r.follow_up_end))
      issue("job_end_date", `expected a date within ${r.exit_date}..${r.follow_up_end}`);
  }
  if (r.trajectory_date != null && r.trajectory_date < r.inflow_date) issue("trajectory_date", `expected a date on or after inflow_date ${r.inflow_date}`);
}) as unknown as z.ZodType<CohortRow>;

/** One validated row of the minimal duration table. */
export interface DurationRow {
  id: string;
  group: string;
  months: number;
  exit: DurationExit;
}

export const durationRowSchema: z.ZodType<DurationRow> = z.object({
  id: nonEmpty("a non-empty pseudonymous id"),
  group: nonEmpty("a non-empty group name"),
  months: z.preprocess((v) => {
    const s = blankToNull(v);
    if (typeof s !== "string") return s;
    return /^\d+([.,]\d+)?$/.test(s) ? Number(s.replace(",", ".")) : s;
  }, z.number({error: "expected a duration in months >= 0"}).min(0, {error: "expected a duration in months >= 0"})),
  exit: oneOf(DURATION_EXITS)
}) as unknown as z.ZodType<DurationRow>;

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
