// Computations for data/printed/voorbeeldprojecten.yaml (seed 002, Monitor Voorbeeldprojecten, chapter 5):
// the 4-year MKBA per stakeholder (Tabel 9-11) and the payback periods (Tabel 12), one model file per
// project in data/studies/voorbeeldprojecten/.
//
// Payback (Tabel 12) runs beyond the report's 4-year horizon (4,4 … 7,2 years, "> 8"). The report's
// figures follow from constant savings continued after year 4; the engine's `paybackPeriod` looks only
// within the model horizon, so `paybackExtrapolated` continues each actor's last-year net flow (a
// constant monthly saving) for `years` years and then applies `paybackPeriod` unchanged.
import {loadStudy} from "../../io/study.js";
import {evaluate, valueOf} from "../../model/evaluate.js";
import {summarize, type Summary} from "../../finance/summary.js";
import {paybackPeriod} from "../../finance/payback.js";
import {scenarioOverrides} from "../../analysis/scenarios.js";
import type {CompiledModel} from "../../model/compile.js";
import type {PrintedFigure} from "../../schema/printed.js";

export const projectFiles = {
  vip: "data/studies/voorbeeldprojecten/vip-amsterdam.yaml",
  ips: "data/studies/voorbeeldprojecten/ips-nhn.yaml",
  exit: "data/studies/voorbeeldprojecten/exit-rotterdam.yaml"
} as const;
export type Project = keyof typeof projectFiles;

const models = new Map<Project, CompiledModel>();
export function projectModel(p: Project): CompiledModel {
  if (!models.has(p)) models.set(p, loadStudy(projectFiles[p]));
  return models.get(p)!;
}

/** Payback period of a yearly net flow, the last year's flow continued until `years` years. */
export function paybackExtrapolated(perYear: ArrayLike<number>, years = 40): number | null {
  return paybackPeriod(perYear, 0, {extendYears: Math.max(0, years - perYear.length)});
}

/** Summary of a project under a scenario, and its quantities by name (intervention first, then study level). */
export function projectSummary(p: Project, scenario?: string): {summary: Summary; value: (q: string) => number} {
  const model = projectModel(p);
  const e = evaluate(model, scenario ? scenarioOverrides(model, scenario) : {});
  return {summary: summarize(e), value: (q) => valueOf(e, model.nodes.has(`${p}.${q}`) ? `${p}.${q}` : q) as number};
}

/** Present value of a flow's line for one actor (a transfer has a line per end). */
function line(s: Summary, flow: string, actor: string): number {
  const l = s.lines.find((x) => x.flow === flow && x.actor === actor);
  if (!l) throw new Error(`no line for flow "${flow}" and actor "${actor}"`);
  return l.presentValue;
}

const deltaPost: Record<string, [string, string]> = {
  reint: ["reintegratie_uitkeringsinstantie", "gemeente"],
  intake: ["reintegratie_zorgverzekeraar", "zorgverzekeraar"],
  uitk: ["uitkering", "gemeente"],
  zorg: ["zorggebruik", "zorgverzekeraar"],
  cl: ["uitkering", "deelnemer"],
  ink: ["inkomen_werk", "deelnemer"]
};

export function compute(figure: PrintedFigure): number | null | {value: number | null; note?: string} {
  const m = /^(vip|ips|exit)_(.+)$/.exec(figure.id);
  if (!m) return null;
  const p = m[1] as Project;
  const rest = m[2].replace(/_tabel9$/, "");
  const {summary, value} = projectSummary(p, figure.scenario);
  let r: RegExpExecArray | null;
  if (rest === "zorg_geen") return value("zorgGeen");
  if ((r = /^(uitk|zorg|ink)_regulier$/.exec(rest))) return value({uitk: "uitkeringNul", zorg: "zorgNul", ink: "inkomenNul"}[r[1]]!);
  if ((r = /^delta_(geen|regulier)_(\w+)$/.exec(rest))) {
    const [flow, actor] = deltaPost[r[2]];
    return line(summary, flow, actor);
  }
  if ((r = /^terugverdientijd_(gemeente|zorgverzekeraar)_(geen|regulier)(_meer_dan_8|_samenvatting)?$/.exec(rest))) {
    const actor = summary.actors.find((a) => a.actor === r![1]);
    if (!actor) return null;
    const years = paybackExtrapolated(actor.perYear);
    const within = actor.paybackYears;
    const nl = (x: number) => x.toLocaleString("nl-NL", {minimumFractionDigits: 2, maximumFractionDigits: 2});
    const note = `Terugverdientijd ${years === null ? "nooit (de cumulatieve netto stroom blijft negatief)" : `${nl(years)} jaar`} met de stroom van het laatste jaar voortgezet; binnen de horizon van 4 jaar: ${within === null ? "geen" : `${nl(within)} jaar`}.`;
    if (r[3] === "_meer_dan_8") return {value: years === null || years > 8 ? 1 : 0, note};
    return {value: years, note};
  }
  return null;
}
