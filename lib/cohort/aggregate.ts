// Monitoring aggregates with small-cell suppression (seed 002 chapter 4, seed 004 §2.6).
// Pure, browser-safe. Person rows go in; only aggregate cells come out.
//
// Suppression rule (default minCell = 10, configurable):
// - a cell based on fewer than minCell persons is suppressed: value null, n null, suppressed true;
// - a share or count whose numerator is 1..minCell−1 is suppressed too, because a share of a
//   published n reveals the count;
// - a curve point is suppressed when fewer than minCell persons are at risk, or when the number
//   of exits behind the estimate so far is 1..minCell−1.
import {daysBetween, isWorkExit, monthsBetween, durationOf, ZRM_DOMAINS} from "../schema/cohort-columns.js";
import type {CohortRow} from "../schema/cohort.js";
import {curvesByGroup} from "./curves.js";
import {survivalAt} from "./kaplan-meier.js";
import {incidenceAt} from "./aalen-johansen.js";
import {stepIndex} from "./event-table.js";

export const DEFAULT_MIN_CELL = 10;

export interface Cell {
  value: number | null;
  /** Persons the cell is based on (null when suppressed). */
  n: number | null;
  suppressed: boolean;
}

export interface CurveCell extends Cell {
  month: number;
  lower: number | null;
  upper: number | null;
}

function check(minCell: number) {
  if (!(Number.isInteger(minCell) && minCell >= 1)) throw new RangeError(`minCell: expected a whole number >= 1, found ${minCell}`);
}

/** A mean or other statistic over n persons. */
export function statCell(value: number, n: number, minCell = DEFAULT_MIN_CELL): Cell {
  check(minCell);
  if (n < minCell || !Number.isFinite(value)) return {value: null, n: null, suppressed: n < minCell};
  return {value, n, suppressed: false};
}

/** A share count/n; suppressed when n < minCell or 0 < count < minCell. */
export function shareCell(count: number, n: number, minCell = DEFAULT_MIN_CELL): Cell {
  check(minCell);
  if (n < minCell || (count > 0 && count < minCell)) return {value: null, n: null, suppressed: true};
  return {value: count / n, n, suppressed: false};
}

/** A count; suppressed when 0 < count < minCell. */
export function countCell(count: number, minCell = DEFAULT_MIN_CELL): Cell {
  check(minCell);
  if (count > 0 && count < minCell) return {value: null, n: null, suppressed: true};
  return {value: count, n: count, suppressed: false};
}

function groupRows(rows: CohortRow[], by: keyof CohortRow): Map<string, CohortRow[]> {
  const m = new Map<string, CohortRow[]>();
  for (const r of rows) {
    const v = r[by];
    const key = v === null || v === undefined ? "(blank)" : String(v);
    let list = m.get(key);
    if (!list) m.set(key, (list = []));
    list.push(r);
  }
  return new Map([...m.entries()].sort(([a], [b]) => a.localeCompare(b)));
}

// ---------------------------------------------------------------------------------------------
// Participant characteristics (seed 002 Tabel 1).

export interface Characteristics {
  group: string;
  n: Cell;
  meanAge: Cell;
  /** Share per category, per characteristic (denominator: persons with a value). */
  shares: Record<string, Record<string, Cell>>;
  /** Persons without a value, per characteristic. */
  missing: Record<string, number>;
}

const CATEGORICAL = ["sex", "education", "origin", "benefit_type", "unemployment_duration", "children", "poor_mental_health"] as const;

export function participantCharacteristics(rows: CohortRow[], {by = "group" as keyof CohortRow, minCell = DEFAULT_MIN_CELL} = {}): Characteristics[] {
  return [...groupRows(rows, by)].map(([group, list]) => {
    const ages = list.map((r) => r.age).filter((a): a is number => typeof a === "number");
    const shares: Record<string, Record<string, Cell>> = {};
    const missing: Record<string, number> = {age: list.length - ages.length};
    for (const c of CATEGORICAL) {
      const values = list.map((r) => r[c]).filter((v) => v !== null && v !== undefined).map(String);
      missing[c] = list.length - values.length;
      const counts = new Map<string, number>();
      for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
      shares[c] = Object.fromEntries([...counts].sort(([a], [b]) => a.localeCompare(b)).map(([k, cnt]) => [k, shareCell(cnt, values.length, minCell)]));
    }
    return {
      group,
      n: countCell(list.length, minCell),
      meanAge: statCell(ages.reduce((s, a) => s + a, 0) / ages.length, ages.length, minCell),
      shares,
      missing
    };
  });
}

// ---------------------------------------------------------------------------------------------
// Participation ladder and ZRM between two measurements (seed 002 Figures 3–5).

export const LADDER_BANDS = ["1-2", "3-4", "5-6"] as const;
const band = (rung: number) => (rung <= 2 ? "1-2" : rung <= 4 ? "3-4" : "5-6");

export interface MeasureChange {
  group: string;
  from: number;
  to: number;
  /** Persons with a ladder rung at both moments. */
  ladderPairs: Cell;
  ladderFrom: Record<string, Cell>;
  ladderTo: Record<string, Cell>;
  /** Mean ZRM total (and per domain) at both moments, over persons with both scores. */
  zrm: Record<string, {from: Cell; to: Cell; change: Cell}>;
}

export function measureChange(rows: CohortRow[], {from = 0, to = 6, by = "group" as keyof CohortRow, minCell = DEFAULT_MIN_CELL}: {from?: 0 | 6 | 12; to?: 0 | 6 | 12; by?: keyof CohortRow; minCell?: number} = {}): MeasureChange[] {
  return [...groupRows(rows, by)].map(([group, list]) => {
    const pairs = list
      .map((r) => [r[`ladder_${from}` as keyof CohortRow], r[`ladder_${to}` as keyof CohortRow]] as [unknown, unknown])
      .filter((p): p is [number, number] => typeof p[0] === "number" && typeof p[1] === "number");
    const dist = (k: 0 | 1) => Object.fromEntries(LADDER_BANDS.map((b) => [b, shareCell(pairs.filter((p) => band(p[k]) === b).length, pairs.length, minCell)]));
    const zrm: MeasureChange["zrm"] = {};
    for (const key of ["", ...ZRM_DOMAINS.map((d) => `${d}_`)]) {
      const both = list
        .map((r) => [r[`zrm_${key}${from}` as keyof CohortRow], r[`zrm_${key}${to}` as keyof CohortRow]] as [unknown, unknown])
        .filter((p): p is [number, number] => typeof p[0] === "number" && typeof p[1] === "number");
      if (!both.length) continue;
      const mean = (k: 0 | 1) => both.reduce((s, p) => s + p[k], 0) / both.length;
      zrm[key ? key.slice(0, -1) : "total"] = {
        from: statCell(mean(0), both.length, minCell),
        to: statCell(mean(1), both.length, minCell),
        change: statCell(mean(1) - mean(0), both.length, minCell)
      };
    }
    return {group, from, to, ladderPairs: countCell(pairs.length, minCell), ladderFrom: dist(0), ladderTo: dist(1), zrm};
  });
}

// ---------------------------------------------------------------------------------------------
// Curves with suppression: chance of paid work over time, and durability of work.

export interface SuppressedCurve {
  group: string;
  n: Cell;
  /** Cumulative incidence of the cause (or KM survival for durability) at whole months. */
  points: CurveCell[];
}

function curveCell(month: number, nRisk: number, exitsSoFar: number, est: {estimate: number; lower: number; upper: number}, minCell: number): CurveCell {
  if (nRisk < minCell || (exitsSoFar > 0 && exitsSoFar < minCell)) return {month, value: null, n: null, lower: null, upper: null, suppressed: true};
  const fin = (x: number) => (Number.isFinite(x) ? x : null);
  return {month, value: est.estimate, n: nRisk, lower: fin(est.lower), upper: fin(est.upper), suppressed: false};
}

/**
 * Chance of paid work (any of the three work exits) over time per group: Aalen–Johansen cumulative
 * incidence with school/other exits competing, censored at the end of follow-up (seed 002 Figure 6).
 */
export function workOverTime(rows: CohortRow[], {months = Array.from({length: 13}, (_, m) => m), by = "group" as keyof CohortRow, minCell = DEFAULT_MIN_CELL} = {}): SuppressedCurve[] {
  check(minCell);
  const records = rows.map((r) => ({group: String(r[by] ?? "(blank)"), ...durationOf(r, "work-other")}));
  return curvesByGroup(records, ["work", "other"]).map((c) => ({
    group: c.group,
    n: countCell(c.n, minCell),
    points: months.map((m) => {
      const p = incidenceAt(c.aj, "work", m);
      const j = stepIndex(c.aj.time, m);
      let exits = 0;
      for (let i = 0; i <= j; ++i) exits += c.aj.nEvent[0][i];
      // A point at month 0 is based on everyone in the group.
      return curveCell(m, m === 0 ? c.n : p.nRisk, exits, p, minCell);
    })
  }));
}

/**
 * Durability of work (seed 002 Figure 8): among persons who started work, Kaplan–Meier of still
 * being in that job, from the start of work to job_end_date (loss) or the end of follow-up (censored).
 */
export function durabilityOfWork(rows: CohortRow[], {months = [0, 3, 6, 9, 12], by = "group" as keyof CohortRow, minCell = DEFAULT_MIN_CELL} = {}): SuppressedCurve[] {
  check(minCell);
  const starters = rows.filter((r) => isWorkExit(r.exit_type) && r.exit_date !== null);
  const records = starters.map((r) => ({
    group: String(r[by] ?? "(blank)"),
    months: monthsBetween(r.exit_date!, r.job_end_date ?? r.follow_up_end),
    exit: r.job_end_date ? "job-lost" : "censored"
  }));
  return curvesByGroup(records, ["job-lost"]).map((c) => ({
    group: c.group,
    n: countCell(c.n, minCell),
    points: months.map((m) => {
      const p = survivalAt(c.km, m);
      const j = stepIndex(c.km.time, m);
      let exits = 0;
      for (let i = 0; i <= j; ++i) exits += c.km.nEvent[i];
      return curveCell(m, m === 0 ? c.n : p.nRisk, exits, p, minCell);
    })
  }));
}

// ---------------------------------------------------------------------------------------------
// Outflow breakdown of an inflow cohort (seed 004 §2.6, Figuur 2.4 / 2.5).

export interface OutflowBreakdown {
  /** Persons in the inflow cohort. */
  total: number;
  /** Left benefit within a year of inflow. */
  outWithinYear: number;
  /** ... without a trajectory started before leaving ("zelfstandig", "spontaan"). */
  spontaneousWithinYear: number;
  /** ... with a trajectory started before leaving. */
  withTrajectoryWithinYear: number;
  /** Spontaneous and within the early window (seed 004: 7 weeks). */
  spontaneousEarly: number;
  /** Spontaneous after the early window but within a year. */
  spontaneousLate: number;
  /** Mean weeks from inflow to outflow of the spontaneous-late group (seed 004: 24,7 weeks). */
  meanWeeksSpontaneousLate: number | null;
  /** Still on benefit one year after inflow. */
  stillInAfterYear: number;
  /** Follow-up ended within the year without outflow: status after a year unknown (reported, not dropped). */
  unknown: number;
}

/**
 * Breakdown of an inflow cohort's outflow in its first year, as in seed 004 Figuur 2.4: the first
 * year is 365 days from inflow_date, the early window `earlyWeeks` × 7 days (inclusive); outflow is
 * any exit with a date; a trajectory counts when trajectory_date is on or before the exit date.
 */
export function outflowBreakdown(rows: CohortRow[], {earlyWeeks = 7, yearDays = 365} = {}): OutflowBreakdown {
  const b: OutflowBreakdown = {
    total: rows.length,
    outWithinYear: 0,
    spontaneousWithinYear: 0,
    withTrajectoryWithinYear: 0,
    spontaneousEarly: 0,
    spontaneousLate: 0,
    meanWeeksSpontaneousLate: null,
    stillInAfterYear: 0,
    unknown: 0
  };
  let lateWeeks = 0;
  for (const r of rows) {
    const days = r.exit_date ? daysBetween(r.inflow_date, r.exit_date) : Infinity;
    if (days <= yearDays) {
      b.outWithinYear++;
      const helped = r.trajectory_date != null && r.trajectory_date <= r.exit_date!;
      if (helped) b.withTrajectoryWithinYear++;
      else {
        b.spontaneousWithinYear++;
        if (days <= earlyWeeks * 7) b.spontaneousEarly++;
        else {
          b.spontaneousLate++;
          lateWeeks += days / 7;
        }
      }
    } else if (daysBetween(r.inflow_date, r.follow_up_end) >= yearDays) b.stillInAfterYear++;
    else b.unknown++;
  }
  b.meanWeeksSpontaneousLate = b.spontaneousLate ? lateWeeks / b.spontaneousLate : null;
  return b;
}

/** The breakdown as suppressed share cells of the total (what a page may publish). */
export function outflowBreakdownCells(b: OutflowBreakdown, minCell = DEFAULT_MIN_CELL): Record<string, Cell> {
  const keys = ["outWithinYear", "spontaneousWithinYear", "withTrajectoryWithinYear", "spontaneousEarly", "spontaneousLate", "stillInAfterYear", "unknown"] as const;
  const out: Record<string, Cell> = {total: countCell(b.total, minCell)};
  for (const k of keys) out[k] = shareCell(b[k], b.total, minCell);
  out.meanWeeksSpontaneousLate = b.meanWeeksSpontaneousLate === null ? {value: null, n: null, suppressed: false} : statCell(b.meanWeeksSpontaneousLate, b.spontaneousLate, minCell);
  return out;
}

/**
 * Outflow to work from an outflow share when only the national split of outflow reasons is known
 * (seed 004: IWI 2007, work 22 % of new inflow out of 47 % leaving within a year).
 */
export function conversionToWork(outflowShare: number, workShareOfOutflow = 22 / 47): number {
  return outflowShare * workShareOfOutflow;
}

// ---------------------------------------------------------------------------------------------
// Published curves: KM (no exit yet) and CIF per cause, per group, at whole months, suppressed.

export interface PublishedCurvePoint {
  month: number;
  /** Number at risk (null when suppressed). */
  nRisk: number | null;
  km: CurveCell;
  cif: Record<string, CurveCell>;
}

export interface PublishedCurves {
  group: string;
  n: Cell;
  causes: string[];
  points: PublishedCurvePoint[];
}

/**
 * Kaplan–Meier and Aalen–Johansen curves per group at the given months, every point suppressed by
 * the curve rule (fewer than minCell at risk, or 1..minCell−1 exits behind it).
 */
export function publishedCurves(
  records: ReadonlyArray<{group: string; months: number; exit: string}>,
  causes: string[],
  {months = Array.from({length: 25}, (_, m) => m), minCell = DEFAULT_MIN_CELL} = {}
): PublishedCurves[] {
  check(minCell);
  return curvesByGroup(records, causes).map((c) => {
    const groupSuppressed = c.n < minCell;
    return {
      group: c.group,
      n: countCell(c.n, minCell),
      causes,
      points: months.map((m) => {
        const km = survivalAt(c.km, m);
        const nRisk = m === 0 ? c.n : km.nRisk;
        const j = stepIndex(c.km.time, m);
        let allExits = 0;
        for (let i = 0; i <= j; ++i) allExits += c.km.nEvent[i];
        const cif: Record<string, CurveCell> = {};
        causes.forEach((cause, k) => {
          let exits = 0;
          for (let i = 0; i <= j; ++i) exits += c.aj.nEvent[k][i];
          cif[cause] = curveCell(m, groupSuppressed ? 0 : nRisk, exits, incidenceAt(c.aj, k, m), minCell);
        });
        const kmCell = curveCell(m, groupSuppressed ? 0 : nRisk, allExits, km, minCell);
        return {month: m, nRisk: kmCell.suppressed && nRisk < minCell ? null : nRisk, km: kmCell, cif};
      })
    };
  });
}
