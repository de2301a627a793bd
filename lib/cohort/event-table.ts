// Event tables: per distinct time, the number of exits by cause and of censorings. Both estimators
// (Kaplan–Meier, Aalen–Johansen) start from this table, so the counting fast path and the general
// (sorting) path differ only in how the table is built. Pure, browser-safe.

/**
 * Status code per person: 0 = censored, k >= 1 = exit by cause k (the k-th entry of `causes`).
 */
export type StatusCodes = ArrayLike<number>;

export interface EventTable {
  /** Distinct times at which anyone exits or is censored, ascending. */
  time: number[];
  /** events[k][j] = exits by cause k+1 at time[j]. */
  events: number[][];
  /** censored[j] = persons censored at time[j] (still at risk at time[j]: events come first). */
  censored: number[];
  /** Persons in the table (at risk at time 0). */
  n: number;
  /** Cause labels, index k = status code k+1. */
  causes: string[];
}

/** Number at risk just before each time of the table. */
export function atRisk(table: EventTable): number[] {
  const out = new Array<number>(table.time.length);
  let r = table.n;
  for (let j = 0; j < table.time.length; ++j) {
    out[j] = r;
    let left = table.censored[j];
    for (const e of table.events) left += e[j];
    r -= left;
  }
  return out;
}

function checkCauses(causes: string[]): void {
  if (causes.length < 1) throw new RangeError("expected at least one exit cause");
}

/**
 * General path: real-valued times, sorted. `times[i] >= 0` and `status[i]` in 0..causes.length.
 */
export function tabulate(times: ArrayLike<number>, status: StatusCodes, causes: string[]): EventTable {
  checkCauses(causes);
  const n = times.length;
  if (status.length !== n) throw new RangeError(`expected as many status codes as times, found ${status.length} and ${n}`);
  const K = causes.length;
  const order = new Uint32Array(n);
  for (let i = 0; i < n; ++i) {
    const t = times[i];
    const s = status[i];
    if (!(t >= 0) || !Number.isFinite(t)) throw new RangeError(`time of person ${i}: expected a finite number >= 0, found ${t}`);
    if (!Number.isInteger(s) || s < 0 || s > K) throw new RangeError(`status of person ${i}: expected an integer 0..${K}, found ${s}`);
    order[i] = i;
  }
  order.sort((a, b) => times[a] - times[b]);
  const table: EventTable = {time: [], events: causes.map(() => []), censored: [], n, causes};
  let j = -1;
  let last = NaN;
  for (let r = 0; r < n; ++r) {
    const i = order[r];
    const t = times[i];
    if (t !== last) {
      table.time.push(t);
      table.censored.push(0);
      for (const e of table.events) e.push(0);
      ++j;
      last = t;
    }
    const s = status[i];
    if (s === 0) table.censored[j]++;
    else table.events[s - 1][j]++;
  }
  return table;
}

/**
 * Counting fast path for whole months: one pass over the persons fills an Int32Array of
 * (group, status, month) counts; no sorting. `months[i]` must be an integer 0..maxMonth,
 * `group[i]` an integer 0..nGroups-1. Returns one table per group (months with no exit or
 * censoring are left out, so the tables equal those of `tabulate` on the same data).
 */
export function tabulateMonths(
  months: ArrayLike<number>,
  status: StatusCodes,
  group: ArrayLike<number> | null,
  nGroups: number,
  causes: string[],
  maxMonth?: number
): EventTable[] {
  checkCauses(causes);
  const n = months.length;
  const K = causes.length;
  let M = maxMonth ?? -1;
  if (maxMonth === undefined) for (let i = 0; i < n; ++i) if (months[i] > M) M = months[i];
  const width = M + 1;
  const stride = (K + 1) * width;
  const counts = new Int32Array(nGroups * stride);
  for (let i = 0; i < n; ++i) {
    const m = months[i];
    const s = status[i];
    const g = group === null ? 0 : group[i];
    if (!(m >= 0 && m <= M && (m | 0) === m)) throw new RangeError(`month of person ${i}: expected an integer 0..${M}, found ${m}`);
    if (!(s >= 0 && s <= K && (s | 0) === s)) throw new RangeError(`status of person ${i}: expected an integer 0..${K}, found ${s}`);
    if (!(g >= 0 && g < nGroups && (g | 0) === g)) throw new RangeError(`group of person ${i}: expected an integer 0..${nGroups - 1}, found ${g}`);
    counts[g * stride + s * width + m]++;
  }
  const tables: EventTable[] = [];
  for (let g = 0; g < nGroups; ++g) {
    const base = g * stride;
    const table: EventTable = {time: [], events: causes.map(() => []), censored: [], n: 0, causes};
    for (let m = 0; m < width; ++m) {
      let any = 0;
      for (let s = 0; s <= K; ++s) any += counts[base + s * width + m];
      if (any === 0) continue;
      table.n += any;
      table.time.push(m);
      table.censored.push(counts[base + m]);
      for (let k = 0; k < K; ++k) table.events[k].push(counts[base + (k + 1) * width + m]);
    }
    tables.push(table);
  }
  return tables;
}

/** Event table of records with string exits; `causes` lists the exit labels, anything else listed in `censoredLabels` is censoring. */
export function tabulateRecords(
  records: ReadonlyArray<{months: number; exit: string}>,
  causes: string[],
  censoredLabels: string[] = ["censored", "none"]
): EventTable {
  const times = new Float64Array(records.length);
  const status = new Int32Array(records.length);
  records.forEach((r, i) => {
    times[i] = r.months;
    const k = causes.indexOf(r.exit);
    if (k >= 0) status[i] = k + 1;
    else if (censoredLabels.includes(r.exit)) status[i] = 0;
    else throw new RangeError(`record ${i}: exit "${r.exit}" is neither a cause (${causes.join(", ")}) nor censoring (${censoredLabels.join(", ")})`);
  });
  return tabulate(times, status, causes);
}

/** Index of the last table time <= t (right-continuous step functions), or -1 before the first. */
export function stepIndex(time: ArrayLike<number>, t: number): number {
  let lo = 0;
  let hi = time.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (time[mid] <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/**
 * Event table from pre-aggregated counts, e.g. the result of
 * `SELECT months, status, count(*) FROM cohort GROUP BY ALL` in DuckDB over national microdata:
 * only counts leave the database. Rows with the same time are summed; zero counts are ignored.
 */
export function tableFromCounts(counts: ReadonlyArray<{time: number; status: number; count: number}>, causes: string[]): EventTable {
  checkCauses(causes);
  const K = causes.length;
  const byTime = new Map<number, number[]>();
  for (const [i, c] of counts.entries()) {
    if (!(c.time >= 0) || !Number.isFinite(c.time)) throw new RangeError(`counts[${i}].time: expected a finite number >= 0, found ${c.time}`);
    if (!Number.isInteger(c.status) || c.status < 0 || c.status > K) throw new RangeError(`counts[${i}].status: expected an integer 0..${K}, found ${c.status}`);
    if (!Number.isInteger(c.count) || c.count < 0) throw new RangeError(`counts[${i}].count: expected a whole number >= 0, found ${c.count}`);
    if (c.count === 0) continue;
    let row = byTime.get(c.time);
    if (!row) byTime.set(c.time, (row = new Array(K + 1).fill(0)));
    row[c.status] += c.count;
  }
  const table: EventTable = {time: [], events: causes.map(() => []), censored: [], n: 0, causes};
  for (const t of [...byTime.keys()].sort((a, b) => a - b)) {
    const row = byTime.get(t)!;
    table.time.push(t);
    table.censored.push(row[0]);
    for (let k = 0; k < K; ++k) table.events[k].push(row[k + 1]);
    table.n += row.reduce((s, x) => s + x, 0);
  }
  return table;
}
