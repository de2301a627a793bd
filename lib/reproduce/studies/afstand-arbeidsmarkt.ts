// Computations for data/printed/afstand-arbeidsmarkt.yaml (seed 003, Berenschot 2021): chapter 5 cost
// scenarios of the desired caseloads for the SMO group and the §4.3 UWV tariffs. The report's
// scenarios 3 and 4 ("which caseload does € 300 mln extra buy?") are solved with `breakEven` on the
// caseload input: the caseload at which the costs equal the available budget.
import {loadStudy} from "../../io/study.js";
import {evaluate, valueOf, type Overrides} from "../../model/evaluate.js";
import {summarize} from "../../finance/summary.js";
import {breakEven} from "../../analysis/breakeven.js";
import {scenarioOverrides} from "../../analysis/scenarios.js";
import type {CompiledModel} from "../../model/compile.js";
import type {PrintedFigure} from "../../schema/printed.js";

export const smoFile = "data/studies/afstand-arbeidsmarkt/ondersteuning-smo.yaml";
export const uwvFile = "data/studies/afstand-arbeidsmarkt/uwv-begeleidingstarief.yaml";

const cache = new Map<string, CompiledModel>();
export function model(file: string): CompiledModel {
  if (!cache.has(file)) cache.set(file, loadStudy(file));
  return cache.get(file)!;
}

const MLN = 1e6;

/**
 * Caseload reachable with `budget` (€/year, existing plus extra) at `provisions` € per user: for the
 * intensive group alone (report scenario 3) or with one caseload for the whole SMO group (scenario 4).
 */
export function caseloadForBudget(scope: "intensief" | "total", budget: number, provisions: number): number | null {
  const m = model(smoFile);
  const input = scope === "intensief" ? "intensief.caseload" : "caseloadSmo";
  // Start the search at a positive caseload (caseloadSmo's base value 0 means "per subgroup"), and let
  // breakEven grow its bracket from there.
  const overrides: Overrides = {"k.voorzieningen_per_persoon": provisions, [input]: 100};
  const r = breakEven(m, input, {scope, overrides, metric: (s) => budget - s.costs});
  // Guard: accept only a real root (within one euro of the budget).
  return r.value !== null && r.metricAtValue !== null && Math.abs(r.metricAtValue) < 1 ? r.value : null;
}

function smo(scenario?: string) {
  const m = model(smoFile);
  const e = evaluate(m, scenario ? scenarioOverrides(m, scenario) : {});
  return {e, total: summarize(e), q: (name: string) => valueOf(e, name) as number};
}

export function compute(figure: PrintedFigure): number | null {
  if (figure.id.startsWith("uwv_")) {
    const m = model(uwvFile);
    const e = evaluate(m, figure.scenario ? scenarioOverrides(m, figure.scenario) : {});
    const level = figure.id.split("_")[2].toUpperCase();
    return valueOf(e, `tarief.niveau${level}`) as number;
  }
  const {q, total} = smo(figure.scenario);
  const group = (g: "intensief" | "beperkt", what: string) => q(`${g}.${what}`);
  let r: RegExpExecArray | null;
  if ((r = /^s1_(fte|personeel|voorzieningen|totaal|intensivering)_(laag|hoog)$/.exec(figure.id))) {
    const what = r[1];
    if (what === "fte") return group("intensief", "fte");
    if (what === "totaal") return (group("intensief", "personeelskosten") + group("intensief", "voorzieningskosten")) / MLN;
    return group("intensief", {personeel: "personeelskosten", voorzieningen: "voorzieningskosten", intensivering: "intensivering"}[what]!) / MLN;
  }
  if ((r = /^s2a_(personeel|voorzieningen|totaal|intensivering)(_laag|_hoog)?$/.exec(figure.id))) {
    const what = r[1];
    if (what === "totaal") return (group("beperkt", "personeelskosten") + group("beperkt", "voorzieningskosten")) / MLN;
    return group("beperkt", {personeel: "personeelskosten", voorzieningen: "voorzieningskosten", intensivering: "intensivering"}[what]!) / MLN;
  }
  if (figure.id.startsWith("s2_totaal_")) return total.costs / MLN;
  if (figure.id.startsWith("s2_intensivering_")) return (group("intensief", "intensivering") + group("beperkt", "intensivering")) / MLN;
  if (figure.id === "s2_bestaand_budget") return (group("intensief", "bestaandBudget") + group("beperkt", "bestaandBudget")) / MLN;
  if (figure.id === "s2_bestaand_fte") return (group("intensief", "bestaandBudget") + group("beperkt", "bestaandBudget")) / q("kostenPerFte");
  if (figure.id.startsWith("s2_caseload_label_")) return (group("intensief", "personen") + group("beperkt", "personen")) / (group("intensief", "fte") + group("beperkt", "fte"));
  if (figure.id === "overhead_per_fte") return q("overheadVolgensOpslag");
  if ((r = /^s([34])_caseload_v(500|1000)$/.exec(figure.id))) {
    const extra = 300 * MLN;
    const existing = r[1] === "3" ? group("intensief", "bestaandBudget") : group("intensief", "bestaandBudget") + group("beperkt", "bestaandBudget");
    return caseloadForBudget(r[1] === "3" ? "intensief" : "total", existing + extra, Number(r[2]));
  }
  return null;
}
