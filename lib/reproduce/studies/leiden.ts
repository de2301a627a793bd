// Computations for data/printed/leiden.yaml (seed 004, Rekenkamercommissie Leiden 2014): the Leidse
// Kracht break-even (§2.6), the Bijlage B effect estimate and the chapter 4-5 forecast of the new
// target groups, each a model file in data/studies/leiden/.
import {loadStudy} from "../../io/study.js";
import {evaluate, valueOf} from "../../model/evaluate.js";
import {breakEven} from "../../analysis/breakeven.js";
import type {CompiledModel} from "../../model/compile.js";
import type {PrintedFigure} from "../../schema/printed.js";

export const leidenFiles = {
  leidseKracht: "data/studies/leiden/leidse-kracht.yaml",
  effect: "data/studies/leiden/effect-instrumenten.yaml",
  prognose: "data/studies/leiden/nieuwe-doelgroepen.yaml",
  begroting: "data/studies/leiden/begroting.yaml"
} as const;

const cache = new Map<string, CompiledModel>();
export function leidenModel(which: keyof typeof leidenFiles): CompiledModel {
  if (!cache.has(which)) cache.set(which, loadStudy(leidenFiles[which]));
  return cache.get(which)!;
}

/** Months of benefit per person Leidse Kracht must save for the gemeente to break even. */
export function leidseKrachtBreakEven(): number | null {
  return breakEven(leidenModel("leidseKracht"), "lk.maandenSneller", {actor: "gemeente"}).value;
}

function quantity(which: keyof typeof leidenFiles, name: string): number {
  return valueOf(evaluate(leidenModel(which)), name) as number;
}

const direct: Record<string, [keyof typeof leidenFiles, string]> = {
  lk_bonus_totaal: ["leidseKracht", "lk.bonusTotaal"],
  lk_kosten_totaal: ["leidseKracht", "lk.kostenTotaal"],
  lk_maanden_uitkering: ["leidseKracht", "lk.maandenUitkering"],
  lk_weken_sneller: ["leidseKracht", "lk.wekenSneller"],
  lk_plaatsing_na_weken: ["leidseKracht", "lk.plaatsingNaWeken"],
  lk_plaatsing_na_weken_samenvatting: ["leidseKracht", "lk.plaatsingNaWeken"],
  lk_plaatsing_na_toewijzing: ["leidseKracht", "lk.plaatsingNaToewijzing"],
  b_scholing_extra_werk_2: ["effect", "scholing.extraWerkNa2Jaar"],
  b_scholing_extra_werk_8: ["effect", "scholing.extraWerkNa8Jaar"],
  b_matching_extra_werk_2: ["effect", "matching.extraWerkNa2Jaar"],
  b_matching_extra_werk_8: ["effect", "matching.extraWerkNa8Jaar"],
  b_maanden_bespaard: ["effect", "matching.maandenBespaard"],
  p_niet_meer_wajong: ["prognose", "prognose.nietMeerWajong"],
  p_werkregeling: ["prognose", "prognose.werkregeling"],
  p_studieregeling: ["prognose", "prognose.studieregeling"],
  p_wajong_kort: ["prognose", "prognose.wajongProfielKort"],
  p_wajong_lang_125: ["prognose", "prognose.wajongProfielLang"],
  p_wajong_lang_120: ["prognose", "prognose.wajongProfielLang"],
  p_wajong_lang_130: ["prognose", "prognose.wajongProfielLang"],
  p_doelgroep_kort: ["prognose", "prognose.nieuweDoelgroepKort"],
  p_doelgroep_lang_185: ["prognose", "prognose.nieuweDoelgroepLang"],
  p_doelgroep_lang_190: ["prognose", "prognose.nieuweDoelgroepLang"],
  p_plaatsbaar: ["prognose", "prognose.plaatsbaarZoalsVoorheen"],
  p_restgroep: ["prognose", "prognose.restgroep"]
};

export function compute(figure: PrintedFigure): number | null | {value: number | null; note?: string} {
  if (figure.id in direct) {
    const [which, name] = direct[figure.id];
    return quantity(which, name);
  }
  switch (figure.id) {
    case "lk_breakeven_maanden": {
      const value = leidseKrachtBreakEven();
      return {value, note: "Berekend als break-even van lk.maandenSneller op het saldo van de gemeente."};
    }
    case "b_totaal_extra_werk_2":
      return quantity("effect", "scholing.extraWerkNa2Jaar") + quantity("effect", "matching.extraWerkNa2Jaar");
    case "b_totaal_extra_werk_8":
    case "b_extra_werk_deel_a":
      return quantity("effect", "scholing.extraWerkNa8Jaar") + quantity("effect", "matching.extraWerkNa8Jaar");
    default: {
      const b = /^begroting_(totaal|aandeel_leidse_kracht)_(\d{4})$/.exec(figure.id);
      if (!b) return null;
      const e = evaluate(leidenModel("begroting"));
      const t = Number(b[2]) - 2014;
      const series = (name: string) => (valueOf(e, `begroting.${name}`) as Float64Array)[t];
      return b[1] === "totaal" ? series("totaal") / 1e6 : 100 * series("aandeelLeidseKracht");
    }
  }
}
