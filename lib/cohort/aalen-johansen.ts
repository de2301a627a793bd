// Aalen–Johansen cumulative incidence for competing exits (e.g. work versus other exits), with the
// infinitesimal-jackknife (IJ) standard error that R survival's survfit() reports for multi-state
// (competing-risk) curves. Pure, browser-safe.
//
// Why not 1 − KM per cause: treating other exits as censoring overstates the outflow to work when
// people also leave for other reasons. The Aalen–Johansen estimate
//   F_k(t) = Σ_{s ≤ t} S(s−) · d_k(s) / n(s)
// uses the all-cause Kaplan–Meier S, so Σ_k F_k(t) = 1 − S(t) at every t.
//
// Variance: the IJ estimate V(t) = Σ_i U_i(t)², U_i the derivative of the estimate with respect to
// person i's case weight (R: survfit multi-state std.err; reference: survival/tests/testci.R).
// Persons with the same time and status share one influence vector, and after a person's exit
// the influence evolves in closed form (U^S(t) = u·S(t), U^F_k(t) = f_k + u·F_k(t)), so the variance
// costs O(times × causes): no per-person work.
import {confidenceLimits, type ConfType} from "./confidence.js";
import {atRisk, stepIndex, type EventTable} from "./event-table.js";
import {nRiskAt, type CurveOptions, type CurvePoint} from "./kaplan-meier.js";

export interface CumulativeIncidence {
  time: number[];
  nRisk: number[];
  /** nEvent[k][j]: exits by cause k at time[j]. */
  nEvent: number[][];
  nCensor: number[];
  causes: string[];
  /** Probability of still being in the initial state (= all-cause Kaplan–Meier). */
  surv: number[];
  /** IJ standard error of surv (differs slightly from Greenwood; this is what survfit reports for pstate). */
  survStdErr: number[];
  /** cif[k][j]: cumulative incidence of cause k at time[j]. */
  cif: number[][];
  stdErr: number[][];
  lower: number[][];
  upper: number[][];
  n: number;
  confType: ConfType;
  confLevel: number;
}

export function aalenJohansenFromTable(table: EventTable, {confType = "log", confLevel = 0.95}: CurveOptions = {}): CumulativeIncidence {
  const J = table.time.length;
  const K = table.causes.length;
  const nRisk = atRisk(table);
  const out: CumulativeIncidence = {
    time: table.time.slice(),
    nRisk,
    nEvent: table.events.map((e) => e.slice()),
    nCensor: table.censored.slice(),
    causes: table.causes.slice(),
    surv: new Array(J),
    survStdErr: new Array(J),
    cif: table.causes.map(() => new Array(J)),
    stdErr: table.causes.map(() => new Array(J)),
    lower: table.causes.map(() => new Array(J)),
    upper: table.causes.map(() => new Array(J)),
    n: table.n,
    confType,
    confLevel
  };
  let S = 1;
  const F = new Float64Array(K);
  // Influence of one person still at risk with no exit so far.
  let aS = 0;
  const aF = new Float64Array(K);
  // Running sums over persons who have left (weighted by count): Σu², Σf_k², Σf_k·u.
  let suu = 0;
  const sff = new Float64Array(K);
  const sfu = new Float64Array(K);
  const uEvS = new Float64Array(K);
  const uEvF = new Float64Array(K * K);
  for (let j = 0; j < J; ++j) {
    const n = nRisk[j];
    let d = 0;
    for (let k = 0; k < K; ++k) d += table.events[k][j];
    const c = table.censored[j];
    const lam = d / n;
    const Sm = S;
    // Influence at time j of a person exiting by cause k (uses values just before j).
    for (let k = 0; k < K; ++k) {
      if (table.events[k][j] === 0) continue;
      uEvS[k] = aS * (1 - lam) - (Sm * (1 - lam)) / n;
      for (let m = 0; m < K; ++m) {
        const lm = table.events[m][j] / n;
        uEvF[k * K + m] = aF[m] + aS * lm + (Sm * ((m === k ? 1 : 0) - lm)) / n;
      }
    }
    // Persons still at risk (and those censored at j) have no exit at j.
    for (let m = 0; m < K; ++m) {
      const lm = table.events[m][j] / n;
      aF[m] = aF[m] + aS * lm - (Sm * lm) / n;
    }
    aS = aS * (1 - lam) + (Sm * lam) / n;
    S = Sm * (1 - lam);
    for (let m = 0; m < K; ++m) F[m] += (Sm * table.events[m][j]) / n;
    // Variance at j: persons at risk after j plus censored at j (influence a), exits at j, and earlier leavers.
    const nA = n - d; // still at risk after j, including the censored at j
    let vS = nA * aS * aS + S * S * suu;
    const vF = new Float64Array(K);
    for (let m = 0; m < K; ++m) vF[m] = nA * aF[m] * aF[m] + sff[m] + 2 * F[m] * sfu[m] + F[m] * F[m] * suu;
    for (let k = 0; k < K; ++k) {
      const dk = table.events[k][j];
      if (dk === 0) continue;
      vS += dk * uEvS[k] * uEvS[k];
      for (let m = 0; m < K; ++m) vF[m] += dk * uEvF[k * K + m] * uEvF[k * K + m];
    }
    out.surv[j] = S;
    out.survStdErr[j] = Math.sqrt(Math.max(vS, 0));
    for (let m = 0; m < K; ++m) {
      const se = Math.sqrt(Math.max(vF[m], 0));
      out.cif[m][j] = F[m];
      out.stdErr[m][j] = se;
      const [lo, hi] = confidenceLimits(F[m], se, confType, confLevel);
      out.lower[m][j] = lo;
      out.upper[m][j] = hi;
    }
    // Leavers at j join the closed-form sums (only needed when anyone remains, i.e. S > 0).
    if (S > 0) {
      const addLeaver = (w: number, us: number, uf: ArrayLike<number>, off: number) => {
        if (w === 0) return;
        const u = us / S;
        suu += w * u * u;
        for (let m = 0; m < K; ++m) {
          const f = uf[off + m] - u * F[m];
          sff[m] += w * f * f;
          sfu[m] += w * f * u;
        }
      };
      addLeaver(c, aS, aF, 0);
      for (let k = 0; k < K; ++k) addLeaver(table.events[k][j], uEvS[k], uEvF, k * K);
    }
  }
  return out;
}

/** Cumulative incidence of one cause at time t (right-continuous; 0 before the first time). */
export function incidenceAt(ci: CumulativeIncidence, cause: string | number, t: number): CurvePoint {
  const k = typeof cause === "number" ? cause : ci.causes.indexOf(cause);
  if (k < 0 || k >= ci.causes.length) throw new RangeError(`unknown cause ${cause}; expected one of ${ci.causes.join(", ")}`);
  const j = stepIndex(ci.time, t);
  const nEv = ci.time.map((_, i) => ci.nEvent.reduce((s, e) => s + e[i], 0));
  const nRisk = nRiskAt(ci.time, ci.nRisk, nEv, ci.nCensor, t);
  if (j < 0) return {time: t, nRisk, estimate: 0, stdErr: 0, lower: 0, upper: 0};
  return {time: t, nRisk, estimate: ci.cif[k][j], stdErr: ci.stdErr[k][j], lower: ci.lower[k][j], upper: ci.upper[k][j]};
}
