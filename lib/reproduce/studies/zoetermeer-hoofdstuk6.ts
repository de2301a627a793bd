// Computations for data/printed/zoetermeer-hoofdstuk6.yaml (seed 000 §6.2 worked example).
import {loadStudy} from "../../io/study.js";
import {evaluate} from "../../model/evaluate.js";
import {summarize} from "../../finance/summary.js";
import {breakEven} from "../../analysis/breakeven.js";
import {scenarioOverrides} from "../../analysis/scenarios.js";
import type {PrintedFigure} from "../../schema/printed.js";

const model = loadStudy("data/models/investering-per-deelnemer.yaml");

export function compute(figure: PrintedFigure): number | null {
  const overrides = figure.scenario ? scenarioOverrides(model, figure.scenario) : {};
  const s = summarize(evaluate(model, overrides));
  const flow = (id: string) => s.lines.find((l) => l.flow === id)!.presentValue;
  switch (figure.id) {
    case "besparing_lks":
      return flow("besparingLks");
    case "besparing_vrijwilligerswerk":
      return flow("besparingVrijwilligerswerk");
    case "besparing_totaal":
      return s.benefits;
    case "extra_besparing_regulier_werk":
      return s.benefits - summarize(evaluate(model)).benefits;
    case "investering_per_deelnemer":
    case "investering_per_deelnemer_met_regulier_werk":
      return breakEven(model, "traject.kostenPerDeelnemer", {actor: "gemeente", overrides}).value;
    default:
      return null;
  }
}
