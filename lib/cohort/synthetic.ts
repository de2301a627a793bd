// A deterministic SYNTHETIC cohort generator (no real person is in it). Seeded with d3-random's
// randomLcg, so the same seed gives the same rows on every machine. Pure, browser-safe.
//
// Shaped after the printed profiles of seed 002 (Monitor Voorbeeldprojecten):
// - group sizes in the ratio of Tabel 1 (ExIT 340, IPS-NHN 118, VIP 120) times `scale`, plus a
//   comparison group "Regulier" shaped after the Fit4Work control group (8,5 % work in a year);
// - characteristics per group from Tabel 1 (mean age, women, education, origin, benefit type);
// - 12-month chance of paid work from Tabel 3 (VIP 29,3 %, IPS-NHN 16,5 %, ExIT 6,3 %), with
//   individual variation by the odds ratios of Tabel 2 (model 1);
// - participation ladder at start from §4.2 (about half on rung 2, four in five on rung <= 3;
//   VIP 28 % isolated and 12 % in paid work), ZRM total about 3,6 at start and 3,8 after 6 months;
// - registration window as in §4.1: trajectories starting from January 2013, data up to July 2015.
// Everything else (hazard of other exits, job loss, measurement completeness, hours, and all
// characteristics of the comparison group except its 8,5 %) is an assumption chosen to look
// plausible, not a printed value.
import {randomLcg, randomNormal, randomUniform} from "d3-random";
import type {CohortRow, ExitType} from "../schema/cohort.js";
import {ZRM_DOMAINS, DAYS_PER_MONTH} from "../schema/cohort.js";

export interface GroupProfile {
  name: string;
  /** Persons at scale 1 (seed 002 Tabel 1 n). */
  n: number;
  meanAge: number;
  female: number;
  education: [low: number, middle: number, high: number];
  origin: [nl: number, trMa: number, srAn: number, other: number];
  benefit: Record<"wwb" | "wajong" | "wia" | "ww" | "other" | "none", number>;
  /** Target cumulative incidence of work at 12 months (seed 002 Tabel 3). */
  work12: number;
  /** Split of work exits: full-time, part-time, subsidised (assumption). */
  workSplit: [number, number, number];
  /** Monthly hazard of leaving the job once started (assumption; seed 002: IPS-NHN most durable). */
  jobLossHazard: number;
  /** Share isolated (rung 1) and in paid work (rung 6) at the start (seed 002 §4.2). */
  ladderStart: {isolated: number; paid: number};
  /** Has a trajectory start (projects) or not (comparison group). */
  trajectory: boolean;
}

/** Seed 002 Tabel 1; VIP's benefit Overig/Geen read as 5 % / 31 % (the extraction swaps them, see reading aid §8). */
export const SEED002_PROFILES: GroupProfile[] = [
  {
    name: "ExIT",
    n: 340,
    meanAge: 34.8,
    female: 0.51,
    education: [0.71, 0.18, 0.11],
    origin: [0.47, 0.18, 0.18, 0.17],
    benefit: {wwb: 1, wajong: 0, wia: 0, ww: 0, other: 0, none: 0},
    work12: 0.063,
    workSplit: [0.3, 0.55, 0.15],
    jobLossHazard: 0.06,
    ladderStart: {isolated: 0.15, paid: 0.02},
    trajectory: true
  },
  {
    name: "IPS-NHN",
    n: 118,
    meanAge: 33.4,
    female: 0.25,
    education: [0.51, 0.37, 0.12],
    origin: [0.86, 0.0, 0.03, 0.11],
    benefit: {wwb: 0.09, wajong: 0.42, wia: 0.24, ww: 0.03, other: 0.13, none: 0.09},
    work12: 0.165,
    workSplit: [0.25, 0.6, 0.15],
    jobLossHazard: 0.025,
    ladderStart: {isolated: 0.12, paid: 0.05},
    trajectory: true
  },
  {
    name: "VIP",
    n: 120,
    meanAge: 25.6,
    female: 0.28,
    education: [0.46, 0.37, 0.17],
    origin: [0.35, 0.19, 0.18, 0.28],
    benefit: {wwb: 0.19, wajong: 0.34, wia: 0.1, ww: 0.01, other: 0.05, none: 0.31},
    work12: 0.293,
    workSplit: [0.2, 0.65, 0.15],
    jobLossHazard: 0.07,
    ladderStart: {isolated: 0.28, paid: 0.12},
    trajectory: true
  },
  {
    name: "Regulier",
    n: 200,
    meanAge: 40,
    female: 0.45,
    education: [0.6, 0.28, 0.12],
    origin: [0.55, 0.15, 0.15, 0.15],
    benefit: {wwb: 0.7, wajong: 0.1, wia: 0.1, ww: 0.05, other: 0.03, none: 0.02},
    work12: 0.085,
    workSplit: [0.35, 0.5, 0.15],
    jobLossHazard: 0.05,
    ladderStart: {isolated: 0.15, paid: 0.03},
    trajectory: false
  }
];

export interface SyntheticOptions {
  seed?: number;
  /** Multiplies every group's n. */
  scale?: number;
  profiles?: GroupProfile[];
  /** First and last trajectory start, and the data extraction date (end of follow-up). */
  startFrom?: string;
  startTo?: string;
  extractDate?: string;
  /** Monthly hazard of other exits (school/other), assumption. */
  otherHazard?: number;
}

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const ms = (d: string) => Date.parse(`${d}T00:00:00Z`);

// Seed 002 Tabel 2, model 1 (alle uren) odds ratios, used for individual variation.
const OR = {
  age: {"18-25": 0.53, "25-35": 1, "35-65": 0.68} as Record<string, number>,
  male: 1.24,
  education: {low: 1, middle: 1.29, high: 1.77} as Record<string, number>,
  origin: {nl: 1, tr_ma: 0.89, sr_an: 0.59, other: 0.87} as Record<string, number>,
  unemployment: {le1y: 1, "1to5y": 0.83, gt5y_or_never: 0.62} as Record<string, number>,
  children: {none_or_adult: 1.8, lt12: 1, "12to18": 2.4} as Record<string, number>,
  poorMental: 0.51
};

/** Monthly work hazard h such that h/(h+o)·(1 − (1−h−o)^12) = target (bisection). */
function workHazardFor(target: number, other: number): number {
  let lo = 0;
  let hi = 1 - other;
  for (let i = 0; i < 100; ++i) {
    const h = (lo + hi) / 2;
    const f = (h / (h + other)) * (1 - Math.pow(1 - h - other, 12));
    if (f < target) lo = h;
    else hi = h;
  }
  return (lo + hi) / 2;
}

export function generateSyntheticCohort({
  seed = 20150731,
  scale = 5,
  profiles = SEED002_PROFILES,
  startFrom = "2013-01-01",
  startTo = "2015-06-30",
  extractDate = "2015-07-31",
  otherHazard = 0.01
}: SyntheticOptions = {}): CohortRow[] {
  const lcg = randomLcg(seed);
  const u = randomUniform.source(lcg)(0, 1);
  const normal = randomNormal.source(lcg);
  const pick = <T extends string>(values: readonly T[], probs: readonly number[]): T => {
    const x = u() * probs.reduce((s, p) => s + p, 0);
    let acc = 0;
    for (let i = 0; i < values.length; ++i) if (x < (acc += probs[i])) return values[i];
    return values[values.length - 1];
  };
  const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));
  const rows: CohortRow[] = [];
  const t0 = ms(startFrom);
  const t1 = ms(startTo);
  const tEnd = ms(extractDate);
  let serial = 0;
  for (const p of profiles) {
    const n = Math.round(p.n * scale);
    const base = workHazardFor(p.work12, otherHazard);
    const ageN = normal(p.meanAge, 8);
    // Draw characteristics first, then scale hazards by relative odds so the group mean stays on target.
    const people = Array.from({length: n}, () => {
      const age = Math.round(clamp(ageN(), 18, 64));
      const sex = u() < p.female ? ("f" as const) : ("m" as const);
      const education = pick(["low", "middle", "high"] as const, p.education);
      const origin = pick(["nl", "tr_ma", "sr_an", "other"] as const, p.origin);
      const unemployment = pick(["le1y", "1to5y", "gt5y_or_never"] as const, [0.2, 0.45, 0.35]);
      const children = pick(["none_or_adult", "lt12", "12to18"] as const, [0.6, 0.3, 0.1]);
      const poorMental = u() < 0.7 ? 1 : 0;
      const benefit = pick(["wwb", "wajong", "wia", "ww", "other", "none"] as const, Object.values(p.benefit));
      const band = age < 25 ? "18-25" : age < 35 ? "25-35" : "35-65";
      const rel =
        OR.age[band] * (sex === "m" ? OR.male : 1) * OR.education[education] * OR.origin[origin] * OR.unemployment[unemployment] * OR.children[children] * (poorMental ? OR.poorMental : 1);
      return {age, sex, education, origin, unemployment, children, poorMental, benefit, rel};
    });
    const meanRel = people.reduce((s, x) => s + x.rel, 0) / Math.max(1, people.length);
    for (const x of people) {
      const id = `S${String(++serial).padStart(5, "0")}`;
      const start = t0 + Math.floor(u() * ((t1 - t0) / DAY + 1)) * DAY;
      const inflow = start - Math.floor(u() * 3 * 365) * DAY;
      const hWork = clamp((base * x.rel) / meanRel, 0, 0.5);
      // Monthly competing hazards; exit at a uniform day within the month of exit.
      let exitType: ExitType = "none";
      let exitMs: number | null = null;
      for (let m = 0; m < 120; ++m) {
        const r = u();
        if (r < hWork + otherHazard) {
          exitType = r < hWork ? pick(["work_fulltime", "work_parttime", "work_subsidised"] as const, p.workSplit) : u() < 0.4 ? "school" : "other";
          exitMs = start + Math.floor((m + u()) * DAYS_PER_MONTH) * DAY;
          break;
        }
      }
      if (exitMs !== null && exitMs > tEnd) {
        exitType = "none";
        exitMs = null;
      }
      let hours: number | null = null;
      if (exitType === "work_fulltime") hours = 32 + Math.floor(u() * 9);
      else if (exitType === "work_parttime") hours = pick(["short", "mid"], [0.35, 0.65]) === "short" ? 4 + Math.floor(u() * 5) : 9 + Math.floor(u() * 20);
      else if (exitType === "work_subsidised") hours = 16 + Math.floor(u() * 17);
      let jobEnd: string | null = null;
      if (exitMs !== null && hours !== null) {
        for (let m = 0; m < 120; ++m) {
          if (u() < p.jobLossHazard) {
            const end = exitMs + Math.floor((m + u()) * DAYS_PER_MONTH) * DAY;
            if (end <= tEnd) jobEnd = iso(end);
            break;
          }
        }
      }
      const followMonths = (tEnd - start) / DAY / DAYS_PER_MONTH;
      // Participation ladder at start (rung 1–6) and after 6 and 12 months.
      const r0 = u();
      const rung0 = r0 < p.ladderStart.isolated ? 1 : r0 > 1 - p.ladderStart.paid ? 6 : pick([2, 3, 4, 5].map(String), [0.62, 0.26, 0.08, 0.04]);
      const ladder0 = Number(rung0);
      const workedBy = (months: number) => exitMs !== null && hours !== null && exitMs <= start + months * DAYS_PER_MONTH * DAY;
      const later = (months: number, missing: number): number | null => {
        if (followMonths < months || u() < missing) return null;
        if (workedBy(months)) return u() < 0.7 ? 6 : 5;
        const step = u() < 0.1 ? 2 : u() < 0.4 ? 1 : 0;
        return clamp(ladder0 + step, 1, 4 + (ladder0 >= 5 ? 2 : 0));
      };
      // ZRM: 11 domains scored 1–5; four limited domains lower (seed 002 §4.2 / Figure 2).
      const limited = new Set(["finances", "daytime_activities", "mental_health", "social_participation"]);
      const zrm0: Record<string, number> = {};
      for (const d of ZRM_DOMAINS) zrm0[d] = Math.round(clamp(normal(limited.has(d) ? 2.9 : 4.0, 0.8)(), 1, 5));
      const has6 = followMonths >= 6 && u() > 0.2;
      const has12 = followMonths >= 12 && u() > 0.7;
      const zrmAt = (gain: number) => Object.fromEntries(ZRM_DOMAINS.map((d) => [d, Math.round(clamp(zrm0[d] + (u() < (limited.has(d) ? gain : gain / 3) ? 1 : 0), 1, 5))]));
      const zrm6 = has6 ? zrmAt(0.3) : null;
      const zrm12 = has12 ? zrmAt(0.45) : null;
      const mean = (z: Record<string, number> | null) => (z ? Math.round((ZRM_DOMAINS.reduce((s, d) => s + z[d], 0) / ZRM_DOMAINS.length) * 100) / 100 : null);
      const row: Record<string, unknown> = {
        id,
        inflow_date: iso(inflow),
        group: p.name,
        follow_up_start: iso(start),
        follow_up_end: extractDate,
        exit_type: exitType,
        exit_date: exitMs === null ? null : iso(exitMs),
        hours,
        benefit_type: x.benefit,
        age: x.age,
        sex: x.sex,
        education: x.education,
        origin: x.origin,
        unemployment_duration: x.unemployment,
        children: x.children,
        poor_mental_health: x.poorMental,
        trajectory_date: p.trajectory ? iso(start) : null,
        job_end_date: jobEnd,
        ladder_0: ladder0,
        ladder_6: has6 ? later(6, 0) : null,
        ladder_12: has12 ? later(12, 0) : null,
        zrm_0: mean(zrm0),
        zrm_6: mean(zrm6),
        zrm_12: mean(zrm12)
      };
      for (const d of ZRM_DOMAINS) {
        row[`zrm_${d}_0`] = zrm0[d];
        row[`zrm_${d}_6`] = zrm6 ? zrm6[d] : null;
        row[`zrm_${d}_12`] = zrm12 ? zrm12[d] : null;
      }
      rows.push(row as unknown as CohortRow);
    }
  }
  return rows;
}
