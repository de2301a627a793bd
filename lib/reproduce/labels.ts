// Dutch names of the reproduction bases and verdicts (browser-safe), shared by the CLI and the
// Reproductie page so that one concept has one name.
import type {Basis} from "../schema/printed.js";
import type {Verdict} from "./checks.js";

export const BASIS_LABEL: Record<Basis, string> = {
  independent: "onafhankelijk",
  calibration: "kalibratie",
  arithmetic: "rekensom",
  input: "invoer"
};

export const BASIS_MEANING: Record<Basis, string> = {
  independent: "berekend uit andere invoer: een echte toets",
  calibration: "de berekening rust op een invoer die op een gedrukt getal is gekalibreerd (zie het aannameregister); de overeenkomst toont de kalibratie, niet het model",
  arithmetic: "berekend uit gedrukte getallen en kengetallen alleen: de eigen rekensom van het rapport, geen toets van het model",
  input: "het gedrukte getal is zelf invoer; getoond voor de volledigheid, nooit als 'klopt' meegeteld"
};

export const VERDICT_LABEL: Record<Verdict, string> = {
  match: "klopt",
  close: "dichtbij",
  "report-inconsistent": "rapport niet consistent",
  "model-gap": "niet te reproduceren",
  fail: "wijkt af"
};

export const VERDICT_MEANING: Record<Verdict, string> = {
  match: "binnen de gedrukte precisie (een halve eenheid van het laatste gedrukte cijfer, of de genoemde afronding van een 'circa'-getal)",
  close: "buiten de gedrukte precisie maar binnen een genoemde ruimere tolerantie; het verschil in % staat erbij",
  "report-inconsistent": "het rapport spreekt zichzelf tegen, aangetoond met een rekensom uit zijn eigen getallen",
  "model-gap": "Rendement kan het getal niet reproduceren; de oorzaak zegt waarom",
  fail: "geen van de bovenstaande: een fout die opgelost moet worden"
};
