// Shared loading for the Zoetermeer (seed 000) tests: the model file, summaries per scope and scenario.
import {loadStudy} from "../../lib/io/study.js";
import {evaluate, type Overrides} from "../../lib/model/evaluate.js";
import {summarize, type Summary} from "../../lib/finance/summary.js";
import {scenarioOverrides} from "../../lib/analysis/scenarios.js";

export const modelPath = "data/studies/zoetermeer/model.yaml";
export const model = loadStudy(modelPath);

export function summary(scope: "vh" | "wa" | "nab" | "total", scenario?: string, extra: Overrides = {}): Summary {
  return summarize(evaluate(model, {...(scenario ? scenarioOverrides(model, scenario) : {}), ...extra}), scope);
}

export function actorSaldo(s: Summary, actor: string): number {
  return s.actors.find((a) => a.actor === actor)?.saldo ?? 0;
}

export function post(s: Summary, id: string): number {
  return s.posts.find((p) => p.post === id)!.amount;
}

/** Round to one decimal as the report prints ratios (1,3). */
export function printed1(x: number | null): number {
  return Math.round(x! * 10) / 10;
}
