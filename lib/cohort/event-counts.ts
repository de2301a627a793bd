// Event tables as counts per (group, months, exit): what the SQL aggregation of a person-level file
// yields and what `rendement aggregate` publishes. Curves from counts, and the disclosure check
// (small cells merged in time, groups that cannot be published suppressed). Pure, browser-safe.
import {tableFromCounts} from "./event-table.js";
import {curvesFromTable, type GroupCurves} from "./curves.js";
import type {CurveOptions} from "./kaplan-meier.js";
import {DEFAULT_MIN_CELL} from "./aggregate.js";

/** Persons in `group` whose spell ended at `months` by `exit` (`censored` = still in at the end of follow-up). */
export interface EventCount {
  group: string;
  months: number;
  exit: string;
  count: number;
}

export const CENSORED = "censored";

/** Order of event-table rows: group, months, exit (code-unit order, as Array.prototype.sort). */
export function compareCounts(a: EventCount, b: EventCount): number {
  return a.group < b.group ? -1 : a.group > b.group ? 1 : a.months - b.months || (a.exit < b.exit ? -1 : a.exit > b.exit ? 1 : 0);
}

/** Relabel exits (e.g. the detailed exit types onto work/other) and add up cells that become equal. */
export function relabelExits(counts: readonly EventCount[], exitOf: (exit: string) => string): EventCount[] {
  const merged = new Map<string, EventCount>();
  for (const c of counts) {
    const exit = exitOf(c.exit);
    const key = `${c.group}\u0000${c.months}\u0000${exit}`;
    const cell = merged.get(key);
    if (cell) cell.count += c.count;
    else merged.set(key, {...c, exit});
  }
  return [...merged.values()].sort(compareCounts);
}

/**
 * Times rounded up to whole months (an exit at 2,3 months counts at month 3), cells that become
 * equal added up. Coarser times leave fewer, larger cells for the disclosure check; no person is
 * moved earlier.
 */
export function roundUpMonths(counts: readonly EventCount[]): EventCount[] {
  return relabelExits(
    counts.map((c) => ({...c, months: Math.ceil(c.months)})),
    (e) => e
  );
}

/**
 * Kaplan–Meier and Aalen–Johansen per group from counts (groups sorted by name, as curvesByGroup).
 * Every exit must be `censored` or one of `causes`.
 */
export function curvesFromCounts(counts: readonly EventCount[], causes: string[], options: CurveOptions = {}): GroupCurves[] {
  const byGroup = new Map<string, {time: number; status: number; count: number}[]>();
  for (const c of counts) {
    const status = c.exit === CENSORED ? 0 : causes.indexOf(c.exit) + 1;
    if (status === 0 && c.exit !== CENSORED) throw new RangeError(`exit "${c.exit}" of group ${c.group}: expected censored or one of ${causes.join(", ")}`);
    let list = byGroup.get(c.group);
    if (!list) byGroup.set(c.group, (list = []));
    list.push({time: c.months, status, count: c.count});
  }
  return [...byGroup.keys()].sort().map((g) => curvesFromTable(g, tableFromCounts(byGroup.get(g)!, causes), options));
}

export interface DisclosureGroup {
  group: string;
  persons: number;
  published: boolean;
  /** Why a group is not published. */
  reason?: string;
  /** Cells of the person-level table before the check, and published cells after merging. */
  cellsBefore: number;
  cellsAfter: number;
  /** Persons whose time was moved to a later month by merging, and the largest move (months). */
  personsMoved: number;
  largestMove: number;
}

export interface DisclosureReport {
  minCell: number;
  groups: DisclosureGroup[];
}

/**
 * Disclosure check of an event table: every published cell counts at least `minCell` persons.
 * Per group and exit, cells are merged forward in time: persons are pooled until the pool reaches
 * `minCell` and published at the latest time in the pool (an exit or censoring is never moved
 * earlier); a remainder at the end joins the last published cell, which moves to the remainder's
 * time. A group with fewer than `minCell` persons, or with an exit (or censoring) that fewer than
 * `minCell` persons have, is not published at all: its counts would reveal small numbers.
 */
export function discloseEventTable(counts: readonly EventCount[], minCell = DEFAULT_MIN_CELL): {counts: EventCount[]; report: DisclosureReport} {
  if (!(Number.isInteger(minCell) && minCell >= 1)) throw new RangeError(`minCell: expected a whole number >= 1, found ${minCell}`);
  const groups = new Map<string, EventCount[]>();
  for (const c of [...counts].sort(compareCounts)) {
    if (c.count === 0) continue;
    let list = groups.get(c.group);
    if (!list) groups.set(c.group, (list = []));
    list.push(c);
  }
  const out: EventCount[] = [];
  const report: DisclosureReport = {minCell, groups: []};
  for (const [group, cells] of groups) {
    const persons = cells.reduce((s, c) => s + c.count, 0);
    const entry: DisclosureGroup = {group, persons, published: false, cellsBefore: cells.length, cellsAfter: 0, personsMoved: 0, largestMove: 0};
    report.groups.push(entry);
    if (persons < minCell) {
      entry.reason = `${persons} persons, fewer than ${minCell}`;
      continue;
    }
    const byExit = new Map<string, EventCount[]>();
    for (const c of cells) {
      let list = byExit.get(c.exit);
      if (!list) byExit.set(c.exit, (list = []));
      list.push(c);
    }
    const small = [...byExit].filter(([, list]) => list.reduce((s, c) => s + c.count, 0) < minCell);
    if (small.length) {
      entry.reason = small.map(([exit, list]) => `${exit}: ${list.reduce((s, c) => s + c.count, 0)} persons, fewer than ${minCell}`).join("; ");
      continue;
    }
    const published: EventCount[] = [];
    for (const [exit, list] of byExit) {
      const emitted: {months: number; count: number; members: EventCount[]}[] = [];
      let pool: EventCount[] = [];
      let pooled = 0;
      for (const c of list) {
        pool.push(c);
        pooled += c.count;
        if (pooled >= minCell) {
          emitted.push({months: c.months, count: pooled, members: pool});
          pool = [];
          pooled = 0;
        }
      }
      if (pool.length) {
        const last = emitted[emitted.length - 1]; // exists: the exit's total is >= minCell
        last.members.push(...pool);
        last.count += pooled;
        last.months = pool[pool.length - 1].months;
      }
      for (const e of emitted) {
        for (const m of e.members)
          if (m.months !== e.months) {
            entry.personsMoved += m.count;
            entry.largestMove = Math.max(entry.largestMove, e.months - m.months);
          }
        published.push({group, months: e.months, exit, count: e.count});
      }
    }
    entry.published = true;
    entry.cellsAfter = published.length;
    out.push(...published);
  }
  return {counts: out.sort(compareCounts), report};
}

/** The report as lines of text (English, for the command line). */
export function formatDisclosure(report: DisclosureReport): string {
  const lines = [`disclosure check: every published cell has at least ${report.minCell} persons`];
  for (const g of report.groups) {
    if (!g.published) lines.push(`  group ${g.group}: suppressed (${g.reason})`);
    else if (g.cellsBefore === g.cellsAfter) lines.push(`  group ${g.group}: ${g.persons} persons, ${g.cellsAfter} cells, nothing merged`);
    else
      lines.push(
        `  group ${g.group}: ${g.persons} persons, ${g.cellsBefore} cells merged into ${g.cellsAfter}; ${g.personsMoved} persons moved to a later time, by at most ${+g.largestMove.toFixed(4)} months`
      );
  }
  return lines.join("\n");
}
