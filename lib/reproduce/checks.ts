// Verdicts for printed-versus-computed checks (browser-safe).
//
// - `match`: within the printed precision (half a unit of the last printed digit, one unit above a
//   truncated figure, or the stated rounding of a "circa" figure);
// - `close`: within the figure's stated wider tolerance; the gap in % is shown;
// - `report-inconsistent`: the report contradicts itself, shown by a check computing its own arithmetic;
// - `model-gap`: Rendement cannot reproduce the figure, and the cause says why;
// - `fail`: none of these.
import {printedPrecision, type Basis, type Cause, type PrintedFigure} from "../schema/printed.js";

export const VERDICTS = ["match", "close", "report-inconsistent", "model-gap", "fail"] as const;
export type Verdict = (typeof VERDICTS)[number];

export interface Check {
  study: string;
  id: string;
  quantity: string;
  source: string;
  printed: number;
  computed: number | null;
  unit: string;
  basis: Basis;
  /** Fitted inputs (and `scenario:<id>`) the computation rests on, from the assumptions register. */
  calibratedInputs: string[];
  /** Every model input the computation rests on is printed (a kengetal or a sourced parameter). */
  printedInputsOnly: boolean;
  decimals: number;
  rounding: "half" | "truncate" | "circa";
  /** Half-width of the printed figure (one unit for a truncated figure). */
  printedPrecision: number;
  tolerance: number;
  toleranceWhy: string;
  /** Why the wider tolerance, in Dutch (null when not recorded). */
  tolerantieWaarom: string | null;
  difference: number | null;
  /** (computed − printed) / |printed| in %, null when printed is 0 or nothing was computed. */
  gapPercent: number | null;
  verdict: Verdict;
  computedFrom: "report" | "model";
  cause: string | null;
  /** The cause's description in Dutch (with the assumption it rests on, if any). */
  causeDescription: string | null;
  /** Dutch text for the reader: the cause's description and the figure's own note. */
  explanation: string;
  restsOnAssumption: boolean;
  reconstructed: boolean;
}

/** Whether `computed` lies within the printed precision of `figure`. */
export function withinPrinted(figure: Pick<PrintedFigure, "printed" | "decimals" | "rounding" | "circa">, computed: number): boolean {
  const eps = 1e-9 * Math.max(1, Math.abs(figure.printed));
  const d = computed - figure.printed;
  if (figure.rounding === "truncate" && !figure.circa) {
    // Truncation toward zero: the true value lies in [printed, printed + unit) away from zero.
    const unit = 10 ** -figure.decimals;
    const away = Math.sign(figure.printed || computed) * d;
    return away >= -eps && away < unit - eps;
  }
  return Math.abs(d) <= printedPrecision(figure) + eps;
}

export function judge(
  study: string,
  figure: PrintedFigure,
  computed: number | null,
  {cause, note = "", computedFrom = "model", basis = figure.basis ?? "independent", calibratedInputs = [], printedInputsOnly = computedFrom === "report"}: {cause?: Cause; note?: string; computedFrom?: "report" | "model"; basis?: Basis; calibratedInputs?: string[]; printedInputsOnly?: boolean} = {}
): Check {
  const value = computed === null || !Number.isFinite(computed) ? null : computed;
  const difference = value === null ? null : value - figure.printed;
  const eps = 1e-9 * Math.max(1, Math.abs(figure.printed));
  let verdict: Verdict;
  if (value !== null && withinPrinted(figure, value)) verdict = "match";
  else if (cause) verdict = cause.verdict;
  else if (difference !== null && Math.abs(difference) <= figure.tolerance + eps) verdict = "close";
  else verdict = "fail";
  const why = verdict === "fail" ? (value === null ? "Geen berekening voor dit getal." : "Wijkt meer af dan de tolerantie en er is geen oorzaak vastgelegd.") : "";
  const gap = verdict === "report-inconsistent" || verdict === "model-gap";
  const causeDescription = gap && cause ? [cause.beschrijving, cause.aanname ? `Aanname: ${cause.aanname}` : ""].filter(Boolean).join(" ") : null;
  const explanation = [causeDescription, figure.toelichting, note, why].filter(Boolean).join(" ");
  return {
    study,
    id: figure.id,
    quantity: figure.quantity,
    source: figure.source,
    printed: figure.printed,
    computed: value,
    unit: figure.unit,
    basis,
    calibratedInputs,
    printedInputsOnly,
    decimals: figure.decimals,
    rounding: figure.circa ? "circa" : (figure.rounding ?? "half"),
    printedPrecision: printedPrecision(figure),
    tolerance: figure.tolerance,
    toleranceWhy: figure.toleranceWhy,
    tolerantieWaarom: figure.tolerantieWaarom ?? null,
    difference,
    gapPercent: difference === null || figure.printed === 0 ? null : (100 * difference) / Math.abs(figure.printed),
    verdict,
    computedFrom,
    cause: gap ? (cause?.id ?? null) : null,
    causeDescription,
    explanation,
    restsOnAssumption: gap && (cause?.restsOnAssumption ?? false),
    reconstructed: figure.reconstructed ?? false
  };
}

export type Counts = Record<Verdict, number>;

function emptyCounts(): Counts {
  return {match: 0, close: 0, "report-inconsistent": 0, "model-gap": 0, fail: 0};
}

export interface CheckSummary {
  total: number;
  /** The headline: independent checks that match. */
  independentMatch: number;
  independent: number;
  byVerdict: Counts;
  byBasis: Record<Basis, Counts>;
  byStudy: {study: string; byBasis: Record<Basis, Counts>}[];
  /** Causes counted once, with the checks each touches. */
  causes: {study: string; id: string; verdict: Verdict; checks: string[]; restsOnAssumption: boolean; description: string}[];
}

export function summarizeChecks(checks: Check[]): CheckSummary {
  const byBasis = (cs: Check[]): Record<Basis, Counts> => {
    const out = {independent: emptyCounts(), calibration: emptyCounts(), arithmetic: emptyCounts(), input: emptyCounts()};
    for (const c of cs) out[c.basis][c.verdict] += 1;
    return out;
  };
  const byVerdict = emptyCounts();
  for (const c of checks) byVerdict[c.verdict] += 1;
  const studies = [...new Set(checks.map((c) => c.study))];
  const causes = new Map<string, CheckSummary["causes"][number]>();
  for (const c of checks) {
    if (!c.cause) continue;
    const key = `${c.study}/${c.cause}`;
    if (!causes.has(key)) causes.set(key, {study: c.study, id: c.cause, verdict: c.verdict, checks: [], restsOnAssumption: c.restsOnAssumption, description: c.causeDescription ?? ""});
    causes.get(key)!.checks.push(c.id);
  }
  const independent = checks.filter((c) => c.basis === "independent");
  return {
    total: checks.length,
    independentMatch: independent.filter((c) => c.verdict === "match").length,
    independent: independent.length,
    byVerdict,
    byBasis: byBasis(checks),
    byStudy: studies.map((study) => ({study, byBasis: byBasis(checks.filter((c) => c.study === study))})),
    causes: [...causes.values()]
  };
}
