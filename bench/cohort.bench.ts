// Cohort curves at scale: Kaplan–Meier and Aalen–Johansen on 1,000,000 persons in 4 groups with
// whole-month durations (0–60), two competing causes. Data are generated once, outside the timing.
import {randomLcg} from "d3-random";
import {measure, type BenchResult} from "./harness.js";
import {tabulate, tabulateMonths} from "../lib/cohort/event-table.js";
import {kaplanMeierFromTable} from "../lib/cohort/kaplan-meier.js";
import {aalenJohansenFromTable} from "../lib/cohort/aalen-johansen.js";

const N = 1_000_000;
const GROUPS = 4;
const CAUSES = ["work", "other"];

function makeData() {
  const rng = randomLcg(42);
  const months = new Int32Array(N);
  const status = new Uint8Array(N);
  const group = new Int32Array(N);
  for (let i = 0; i < N; ++i) {
    const g = i % GROUPS;
    group[i] = g;
    // Monthly hazards differ by group; censoring when follow-up (uniform 1–60 months) ends first.
    const hWork = 0.01 + 0.01 * g;
    const follow = 1 + Math.floor(rng() * 60);
    let m = 0;
    let s = 0;
    for (; m < follow; ++m) {
      const r = rng();
      if (r < hWork) {
        s = 1;
        break;
      }
      if (r < hWork + 0.01) {
        s = 2;
        break;
      }
    }
    months[i] = Math.min(m, follow);
    status[i] = s;
  }
  return {months, status, group};
}

export function run(): BenchResult[] {
  const {months, status, group} = makeData();
  // Per-group copies as real-valued times for the general (sorting) path.
  const split = Array.from({length: GROUPS}, (_, g) => {
    const idx: number[] = [];
    for (let i = 0; i < N; ++i) if (group[i] === g) idx.push(i);
    return {t: Float64Array.from(idx, (i) => months[i]), s: Uint8Array.from(idx, (i) => status[i])};
  });
  const note = "4 groups, months 0–60, 2 causes";
  return [
    measure("Kaplan–Meier, counting path (tabulate + curve)", () => tabulateMonths(months, status, group, GROUPS, CAUSES).map((t) => kaplanMeierFromTable(t)), {
      unit: "1,000,000 persons",
      runs: 15,
      note
    }),
    measure("Aalen–Johansen + IJ variance, counting path", () => tabulateMonths(months, status, group, GROUPS, CAUSES).map((t) => aalenJohansenFromTable(t)), {
      unit: "1,000,000 persons",
      runs: 15,
      note
    }),
    measure("KM + AJ, counting path (both curves)", () => tabulateMonths(months, status, group, GROUPS, CAUSES).map((t) => [kaplanMeierFromTable(t), aalenJohansenFromTable(t)]), {
      unit: "1,000,000 persons",
      runs: 15,
      note
    }),
    measure("KM + AJ, general path (sort real-valued times)", () => split.map(({t, s}) => {
      const table = tabulate(t, s, CAUSES);
      return [kaplanMeierFromTable(table), aalenJohansenFromTable(table)];
    }), {unit: "1,000,000 persons", runs: 5, warmup: 1, note: `${note}; for comparison`})
  ];
}
