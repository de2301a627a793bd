// Effectiveness indicator of seed 002 §4.4–4.5: observed starters divided by expected starters,
// expected from a logistic risk model fitted on a reference group (Fit4Work control group).
// Pure, browser-safe (yaml + zod only).
//
//   EI = O / E; O = observed share starting paid work within 12 months (follow-up adjusted: the
//   Aalen–Johansen / KM value at 12 months), E = mean over the project's clients of the predicted
//   probability p_i = 1 / (1 + exp(−(β0 + Σ log OR))).
//   EI > 1: more starters than expected under regular guidance.
import {parseDocument} from "yaml";
import {yamlData} from "../yaml.js";
import {z} from "zod";
import {confidenceLimits, zForLevel} from "./confidence.js";

const levelOrs = z.record(z.string(), z.number({error: "expected an odds ratio > 0"}).positive({error: "expected an odds ratio > 0"}));

const modelSchema = z
  .object({
    id: z.string({error: "expected an id"}).min(1),
    outcome: z.string({error: "expected a description of the outcome"}).min(1),
    auc: z.number({error: "expected the AUC 0.5–1"}).min(0.5).max(1).nullable(),
    referenceRate: z.number({error: "expected a share 0–1 or null"}).min(0).max(1).nullable(),
    intercept: z.number({error: "expected a number or null"}).nullable(),
    factors: z.record(z.string(), levelOrs)
  })
  .strict()
  .superRefine((m, ctx) => {
    for (const [f, levels] of Object.entries(m.factors))
      if (!Object.values(levels).includes(1)) ctx.addIssue({code: "custom", path: ["factors", f], message: "expected a reference level with odds ratio 1"});
  });

export type RiskModel = z.infer<typeof modelSchema>;

/** Parse a risk-model YAML text (e.g. data/seed-002/fit4work-model.yaml). */
export function parseRiskModels(text: string, file: string): RiskModel[] {
  const doc = parseDocument(text);
  if (doc.errors.length) throw new Error(doc.errors.map((e) => `${file}:${e.linePos?.[0].line ?? 1}: yaml: ${e.message}`).join("\n"));
  const parsed = z.object({models: z.array(modelSchema)}).safeParse(yamlData(doc, file));
  if (!parsed.success) throw new Error(parsed.error.issues.map((i) => `${file}: ${i.path.join(".")}: ${i.message}`).join("\n"));
  return parsed.data.models;
}

/** A client's covariates as the model's factor levels (keys as in the cohort format; age is banded). */
export type Covariates = Record<string, string | number | null | undefined>;

/** Seed 002 Tabel 2 age bands (assumption on the boundaries: 25 → 25-35, 35 → 35-65). */
export function ageBand(age: number | null | undefined): string | null {
  if (age === null || age === undefined || !Number.isFinite(age)) return null;
  return age < 25 ? "18-25" : age < 35 ? "25-35" : "35-65";
}

/** Linear predictor without intercept: Σ log OR of the person's levels; null when a factor is missing or unknown. */
export function linearPredictor(model: RiskModel, person: Covariates): number | null {
  let eta = 0;
  for (const [factor, levels] of Object.entries(model.factors)) {
    const raw = factor === "age_band" && !("age_band" in person) ? ageBand(person.age as number | null) : person[factor];
    if (raw === null || raw === undefined || raw === "") return null;
    const or = levels[String(raw)];
    if (or === undefined) return null;
    eta += Math.log(or);
  }
  return eta;
}

const logistic = (x: number) => 1 / (1 + Math.exp(-x));

export interface ExpectedResult {
  /** Mean predicted probability over persons with complete covariates. */
  expected: number;
  /** Persons with a prediction. */
  n: number;
  /** Persons left out because a covariate was missing or had an unknown level (reported, not dropped silently). */
  missing: number;
}

/** Expected share of starters: mean predicted probability with the given (or the model's) intercept. */
export function expectedRate(model: RiskModel, persons: Covariates[], intercept: number | null = model.intercept): ExpectedResult {
  if (intercept === null) throw new Error(`model ${model.id}: the intercept is not known; calibrate it with calibrateIntercept first`);
  let sum = 0;
  let n = 0;
  for (const p of persons) {
    const eta = linearPredictor(model, p);
    if (eta === null) continue;
    sum += logistic(intercept + eta);
    ++n;
  }
  return {expected: n ? sum / n : NaN, n, missing: persons.length - n};
}

/**
 * Intercept such that the mean predicted probability in `reference` equals `targetRate`
 * (bisection; the mean is increasing in the intercept). Use it when a report prints odds ratios and
 * a base rate but no intercept, as seed 002 does (8,5 % in the Fit4Work control group).
 */
export function calibrateIntercept(model: RiskModel, reference: Covariates[], targetRate: number): number {
  if (!(targetRate > 0 && targetRate < 1)) throw new RangeError(`targetRate: expected a share in (0, 1), found ${targetRate}`);
  const etas = reference.map((p) => linearPredictor(model, p)).filter((e): e is number => e !== null);
  if (!etas.length) throw new Error("calibrateIntercept: no reference person has complete covariates");
  const mean = (b: number) => etas.reduce((s, e) => s + logistic(b + e), 0) / etas.length;
  let lo = -30;
  let hi = 30;
  for (let i = 0; i < 200 && hi - lo > 1e-13; ++i) {
    const mid = (lo + hi) / 2;
    if (mean(mid) < targetRate) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

export interface Indicator {
  observed: number;
  expected: number;
  /** O / E. */
  indicator: number;
  /** Confidence limits of O / E from those of O (E treated as known), when a standard error of O is given. */
  lower: number | null;
  upper: number | null;
}

/**
 * O / E. The report prints no interval; with the standard error of the observed share (e.g. the
 * Aalen–Johansen std.err at 12 months) this gives log-scale limits of O divided by E (E taken as
 * fixed — the uncertainty of the risk model is not included, which makes the interval too narrow).
 */
export function effectivenessIndicator(observed: number, expected: number, observedStdErr?: number, level = 0.95): Indicator {
  if (!(expected > 0)) throw new RangeError(`expected: expected a share > 0, found ${expected}`);
  let lower: number | null = null;
  let upper: number | null = null;
  if (observedStdErr !== undefined && Number.isFinite(observedStdErr)) {
    zForLevel(level); // validates level
    const [lo, hi] = confidenceLimits(observed, observedStdErr, "log", level);
    lower = Number.isFinite(lo) ? lo / expected : null;
    upper = Number.isFinite(hi) ? hi / expected : null;
  }
  return {observed, expected, indicator: observed / expected, lower, upper};
}
