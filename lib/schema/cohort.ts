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
import {
  BENEFIT_TYPES,
  CHILDREN,
  DURATION_EXITS,
  EDUCATION_LEVELS,
  EXIT_TYPES,
  isWorkExit,
  MEASURE_MONTHS,
  ORIGINS,
  UNEMPLOYMENT_DURATIONS,
  ZRM_DOMAINS,
  type DurationExit,
  type ZrmDomain
} from "./cohort-columns.js";

// The columns, value lists and conversions (no zod), in a module of their own for the DuckDB path.
export * from "./cohort-columns.js";

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
