// Curves per group: all-cause Kaplan–Meier plus Aalen–Johansen cumulative incidence per exit cause,
// read off at chosen months. Pure, browser-safe.
import {aalenJohansenFromTable, incidenceAt, type CumulativeIncidence} from "./aalen-johansen.js";
import {tabulateMonths, tabulateRecords, type EventTable} from "./event-table.js";
import {kaplanMeierFromTable, survivalAt, type CurveOptions, type CurvePoint, type KaplanMeierCurve} from "./kaplan-meier.js";

export interface GroupCurves {
  group: string;
  n: number;
  km: KaplanMeierCurve;
  aj: CumulativeIncidence;
}

export interface GroupSummaryRow {
  month: number;
  /** Number at risk at that month (see survivalAt). */
  nRisk: number;
  /** Kaplan–Meier: share without any exit yet. */
  survival: CurvePoint;
  /** Cumulative incidence per cause. */
  cif: Record<string, CurvePoint>;
}

export interface GroupSummary {
  group: string;
  n: number;
  causes: string[];
  rows: GroupSummaryRow[];
}

export function curvesFromTable(group: string, table: EventTable, options: CurveOptions = {}): GroupCurves {
  return {group, n: table.n, km: kaplanMeierFromTable(table, options), aj: aalenJohansenFromTable(table, options)};
}

/** General path: records with real-valued months, grouped by `group` (groups sorted by name). */
export function curvesByGroup(
  records: ReadonlyArray<{group: string; months: number; exit: string}>,
  causes: string[],
  options: CurveOptions = {}
): GroupCurves[] {
  const groups = new Map<string, {months: number; exit: string}[]>();
  for (const r of records) {
    let list = groups.get(r.group);
    if (!list) groups.set(r.group, (list = []));
    list.push(r);
  }
  return [...groups.keys()].sort().map((g) => curvesFromTable(g, tabulateRecords(groups.get(g)!, causes), options));
}

/**
 * Counting fast path: whole months as Int32Array-like columns. `status` 0 = censored, k = causes[k-1];
 * `group[i]` indexes `groupNames`.
 */
export function curvesFromMonths(
  months: ArrayLike<number>,
  status: ArrayLike<number>,
  group: ArrayLike<number>,
  groupNames: string[],
  causes: string[],
  options: CurveOptions = {}
): GroupCurves[] {
  const tables = tabulateMonths(months, status, group, groupNames.length, causes);
  return tables.map((t, g) => curvesFromTable(groupNames[g], t, options));
}

/** The curves of one group read off at the given months. */
export function summarizeAt(c: GroupCurves, months: number[]): GroupSummary {
  return {
    group: c.group,
    n: c.n,
    causes: c.aj.causes,
    rows: months.map((m) => {
      const survival = survivalAt(c.km, m);
      const cif: Record<string, CurvePoint> = {};
      c.aj.causes.forEach((cause, k) => (cif[cause] = incidenceAt(c.aj, k, m)));
      return {month: m, nRisk: survival.nRisk, survival, cif};
    })
  };
}
