// Computations for data/printed/zoetermeer.yaml: the Zoetermeer MKBA (seed 000) rebuilt in
// data/studies/zoetermeer/model.yaml. Ratios, scenario results and cockpit totals come from the
// model; the derived per-participant costs are recomputed from the printed inputs (kengetallen), so
// that a figure whose own arithmetic does not close shows up as a gap rather than being copied.
import {loadStudy, defaultRegistry} from "../../io/study.js";
import {evaluate, valueOf, type Overrides} from "../../model/evaluate.js";
import {summarize, type Summary} from "../../finance/summary.js";
import {scenarioOverrides} from "../../analysis/scenarios.js";
import {businessCycleCorrection} from "../../cohort/net-effect.js";
import type {CompiledModel} from "../../model/compile.js";
import type {PrintedFigure} from "../../schema/printed.js";

export const modelPath = "data/studies/zoetermeer/model.yaml";

let cachedModel: CompiledModel | undefined;
function model(): CompiledModel {
  cachedModel ??= loadStudy(modelPath);
  return cachedModel;
}

/** A kengetal value as entered (no price-year conversion: these are checks of the report's own arithmetic). */
function k(id: string): number {
  const kg = defaultRegistry().get(id);
  if (!kg) throw new Error(`kengetal "${id}" is missing from data/kengetallen`);
  return kg.value;
}

const summaries = new Map<string, Summary>();
/** Summary of one intervention (or "total") under a scenario of the model file (or the base case). */
export function summaryOf(scope: string, scenario?: string): Summary {
  const key = `${scope}|${scenario ?? ""}`;
  if (!summaries.has(key)) {
    const m = model();
    const overrides: Overrides = scenario ? scenarioOverrides(m, scenario) : {};
    summaries.set(key, summarize(evaluate(m, overrides), scope));
  }
  return summaries.get(key)!;
}

export function gemeenteSaldo(s: Summary): number {
  return s.actors.find((a) => a.actor === "gemeente")?.saldo ?? 0;
}
export function gemeenteBaten(s: Summary): number {
  return s.actors.find((a) => a.actor === "gemeente")?.benefits ?? 0;
}
function post(s: Summary, id: string): number {
  const p = s.posts.find((x) => x.post === id);
  if (!p) throw new Error(`post "${id}" is missing from the model`);
  return p.amount;
}
function posts(s: Summary, ids: string[]): number {
  return ids.reduce((sum, id) => sum + post(s, id), 0);
}
function parameter(name: string): number {
  const v = valueOf(evaluate(model()), name);
  return typeof v === "number" ? v : v[0];
}
function series(name: string, overrides: Overrides = {}): Float64Array {
  const v = valueOf(evaluate(model(), overrides), name);
  return typeof v === "number" ? Float64Array.from({length: model().horizon}, () => v) : v;
}

/** Cockpit (Bijlage 1) amounts as printed, for the actor-rule check. */
const cockpit = {
  kosten_teams: 3356000,
  kosten_specifieke_inzet: 1008000,
  kosten_reguliere_inzet: 778000,
  loonkostensubsidies: 1454000,
  begeleidingskosten_werkgever: 202000,
  besparing_uitkering: 3093000,
  meer_scholing: 421000,
  zorg: 1349000
};

/**
 * Saldo gemeente from the cockpit's printed post amounts under the model's actor rules: the gemeente
 * pays the team, inzet and LKS posts and its share of the employer's guidance, and receives the
 * benefit saving, its share of the care savings and of the school benefit.
 */
export function gemeenteFromCockpitPosts(): number {
  const zorgBijGemeente = parameter("zorgBijGemeente");
  const begeleiding = parameter("nab.bijdrageBegeleidingGemeente");
  const scholing = parameter("scholingAandeelGemeente");
  if (zorgBijGemeente !== 1) throw new Error("the actor-rule check assumes zorgBijGemeente = 1 (all care savings with the gemeente)");
  const costs = cockpit.kosten_teams + cockpit.kosten_specifieke_inzet + cockpit.kosten_reguliere_inzet + cockpit.loonkostensubsidies + begeleiding * cockpit.begeleidingskosten_werkgever;
  return -costs + cockpit.besparing_uitkering + cockpit.zorg + scholing * cockpit.meer_scholing;
}

/** Short-term additional outflow to regular work: VH's extra workers at the end of year 3 plus the WA and NAB net effects. */
export function extraUitstroomKorteTermijn(): number {
  const vh = series("vh.extraWerkend")[2];
  const wa = (parameter("wa.nettoVoltijd") + parameter("wa.nettoDeeltijd")) * parameter("wa.deelnemers");
  const nab = (parameter("nab.nettoVoltijd") + parameter("nab.nettoDeeltijd")) * parameter("nab.deelnemers");
  return vh + wa + nab;
}

function value(figure: PrintedFigure): number | null {
  const sc = figure.scenario;
  const vh = () => summaryOf("vh", sc);
  const wa = () => summaryOf("wa", sc);
  const nab = () => summaryOf("nab", sc);
  const total = () => summaryOf("total", sc);
  switch (figure.id) {
    // Ratios and scenario results.
    case "vh_verhouding":
    case "vh_lange_termijn_verhouding":
    case "vh_extrapolatie_verhouding":
      return vh().ratio;
    case "vh_verhouding_financieel":
    case "vh_kosten_min_10_financieel":
      return vh().financialRatio;
    case "vh_school_extra_baat":
      return vh().benefits - summaryOf("vh").benefits;
    case "vh_extrapolatie_gemeente":
      return gemeenteSaldo(summaryOf("vh")) - gemeenteSaldo(vh());
    case "vh_investering":
      return vh().costs;
    case "vh_baat_gemeente":
      return gemeenteBaten(vh());
    case "wa_verhouding":
    case "wa_netto_6_verhouding":
    case "wa_netto_2_verhouding":
    case "wa_alleen_werkacademie_verhouding":
    case "wa_alleen_klantmanagement_verhouding":
      return wa().ratio;
    case "wa_verhouding_financieel":
      return wa().financialRatio;
    case "wa_wgsp_verandering_verhouding":
      return wa().ratio! - summaryOf("wa").ratio!;
    case "wa_alleen_werkacademie_gemeente":
      return gemeenteSaldo(wa());
    case "nab_verhouding":
    case "nab_attributie_75_verhouding":
    case "nab_attributie_100_verhouding":
    case "nab_twee_jaar_verhouding":
    case "nab_dagbesteding_verhouding":
      return nab().ratio;
    case "nab_verhouding_financieel":
      return nab().financialRatio;
    case "nab_attributie_75_gemeente":
    case "nab_attributie_100_gemeente":
      return gemeenteSaldo(nab());
    case "nab_dagbesteding_gemeente":
      return gemeenteSaldo(nab()) - gemeenteSaldo(summaryOf("nab"));
    case "nab_investering":
      return nab().costs;
    // Cockpit (all three interventions).
    case "cockpit_deelnemers":
      return total().participants;
    case "cockpit_kosten_totaal":
      return total().costs;
    case "cockpit_kosten_teams":
    case "cockpit_kosten_specifieke_inzet":
    case "cockpit_kosten_reguliere_inzet":
    case "cockpit_loonkostensubsidies":
    case "cockpit_begeleidingskosten_werkgever":
    case "cockpit_besparing_uitkering":
    case "cockpit_extra_inkomen":
    case "cockpit_extra_inkomstenbelasting":
    case "cockpit_meer_scholing":
    case "cockpit_vrijwilligerswerk":
    case "cockpit_mvo_werkgever":
    case "cockpit_zorg_tijdens":
    case "cockpit_zorg_na":
    case "cockpit_qol_tijdens":
    case "cockpit_qol_na":
    case "cockpit_criminaliteit":
    case "cockpit_overlast":
      return post(total(), figure.id.replace(/^cockpit_/, ""));
    case "cockpit_baten_totaal":
      return total().benefits;
    case "cockpit_productiviteit":
      return posts(total(), ["besparing_uitkering", "extra_inkomen", "extra_inkomstenbelasting", "meer_scholing", "vrijwilligerswerk", "mvo_werkgever"]);
    case "cockpit_zorg":
      return posts(total(), ["zorg_tijdens", "zorg_na"]);
    case "cockpit_kwaliteit_van_leven":
      return posts(total(), ["qol_tijdens", "qol_na"]);
    case "cockpit_saldo":
      return total().saldo;
    case "cockpit_verhouding":
      return total().ratio;
    case "cockpit_verhouding_financieel":
      return total().financialRatio;
    case "cockpit_kosten_per_deelnemer":
      return total().costPerParticipant;
    case "cockpit_baten_per_deelnemer":
      return total().benefitPerParticipant;
    case "cockpit_saldo_gemeente":
      return gemeenteSaldo(total());
    case "cockpit_saldo_gemeente_uit_posten":
      return gemeenteFromCockpitPosts();
    case "cockpit_extra_uitstroom_werk":
      return extraUitstroomKorteTermijn();
    case "cockpit_extra_uitstroom_lks":
      return parameter("nab.attributie") * parameter("nab.deelnemers") * (parameter("nab.lksVoltijd") + parameter("nab.lksDeeltijd") + parameter("nab.lksBeschut"));
    case "cockpit_qalys":
      return total().qalys;
    case "cockpit_qalys_uit_ncw":
      return 1782000 / k("qaly_waarde");
    // Derived per-participant costs, recomputed from the printed inputs.
    case "vh_team_per_persoon":
      return (k("vh_team_loonkosten_jaar") + k("vh_team_fte") * k("overhead_per_fte")) / k("vh_caseload_jaar");
    case "vh_specifiek_per_persoon":
      return k("vh_specifieke_trajecten_jaar") / k("vh_caseload_jaar");
    case "vh_regulier_per_persoon":
      return k("vh_aandeel_wgsp") * k("wgsp_per_deelnemer") + k("vh_aandeel_werkacademie") * k("wa_werkacademie_per_deelnemer");
    case "vh_regulier_met_980":
      return k("vh_aandeel_wgsp") * k("wgsp_per_deelnemer") + k("vh_aandeel_werkacademie") * k("vh_werkacademie_prijs_tekst");
    case "wa_werkacademie_per_deelnemer":
      return (k("wa_kosten_jaar_tabel") * 0.51 * 0.9) / k("wa_deelnemers_incl_vh_nab");
    case "wa_km_poort_per_deelnemer":
      return k("wa_km_poort_bedrag") / k("wa_km_poort_deelnemers_jaar");
    case "wa_jobcoach_per_deelnemer":
      return (k("wa_jobcoach_fte") * k("wa_km_poort_kosten_fte")) / k("wa_deelnemers_incl_vh_nab");
    case "wa_regulier_per_deelnemer":
      return bijlage2("wa", ["bewegen", "zorg", "dress_for_success", "ecoware", "overig", "participatieplaats", "piezo", "tijdelijke_lks", "werkplus"]) / k("wa_deelnemers_regulier");
    case "wa_wgsp_per_deelnemer":
      return k("wgsp_accountmanagers_kosten_jaar") / k("wgsp_ondersteunde_deelnemers_jaar");
    case "wa_kosten_per_deelnemer":
      return parameter("wa.kostenPerDeelnemer");
    case "nab_team_per_persoon":
      return k("nab_team_personeelskosten_jaar") / k("nab_caseload_jaar");
    case "nab_specifiek_per_klant":
      return k("nab_specifieke_deskundigheid_jaar") / (k("nab_caseload_jaar") - k("nab_werkend_met_lks_2018"));
    case "nab_regulier_per_klant":
      return bijlage2("nab", ["bewegen", "zorg", "dress_for_success", "ecoware", "werkacademie", "wgsp"]) / (k("nab_caseload_jaar") - k("nab_werkend_met_lks_2018"));
    case "nab_niet_werkend_per_persoon":
      return parameter("nab.kostenNietWerkendPerJaar");
    case "nab_jobcoaching_per_persoon":
      return k("nab_jobcoaching_kosten_jaar") / k("nab_werkend_met_lks_2018");
    case "nab_team_werkend_per_persoon":
      return k("nab_klantmanagement_werkend_per_persoon") + k("nab_jobcoaching_per_persoon");
    case "nab_lks_gewogen": {
      const [vt, dt, bs] = [parameter("nab.lksVoltijd"), parameter("nab.lksDeeltijd"), parameter("nab.lksBeschut")];
      return (vt * k("lks_regulier_jaar") + dt * k("lks_deeltijd_jaar") + bs * (k("lks_beschut_jaar") + k("begeleiding_beschut_jaar"))) / (vt + dt + bs);
    }
    case "nab_werkend_per_persoon":
      return k("nab_team_werkend_per_persoon") + k("nab_lks_begeleiding_gewogen");
    case "nab_beschut_per_plek":
      return k("lks_beschut_jaar") + k("begeleiding_beschut_jaar");
    case "conjunctuur_minder_bijstand":
      return -conjunctuur().deltaBijstand;
    case "conjunctuur_uitstroom":
      return conjunctuur().extraOutflow;
    case "conjunctuur_aandeel":
      return conjunctuur().shareOfReportedOutflow;
    default:
      return null;
  }
}

/** Sum of aantal × prijs over a Bijlage 2 list (seed 000, regel 2731-2775). */
export function bijlage2(list: "wa" | "nab", items: string[]): number {
  return items.reduce((sum, item) => sum + k(`bijlage2_${list}_${item}_aantal`) * k(`bijlage2_${list}_${item}_prijs`), 0);
}

/** Bijlage 3: CPB business-cycle effect on the bijstand volume, WBB Zoetermeer 2015-2017 (CBS Statline as printed). */
export function conjunctuur() {
  return businessCycleCorrection({
    wbb: [
      {year: 2015, value: 5226},
      {year: 2016, value: 4623},
      {year: 2017, value: 3752}
    ],
    year: 2017,
    weights: {lag1: k("cpb_bijstand_coef_wbb_vorig_jaar"), lag0: k("cpb_bijstand_coef_wbb_jaar")},
    outflowShare: k("conjunctuur_aandeel_uitstroom"),
    reportedOutflowToWork: 550
  });
}

// What was fitted to which figure is data: `basis: calibration` and `calibratedInputs` in
// data/printed/zoetermeer.yaml, cross-checked against the assumptions register.
export function compute(figure: PrintedFigure): number | null {
  return value(figure);
}
