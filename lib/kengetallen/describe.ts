// Dutch one-line descriptions of kengetallen for the provenance views ("waar komt dit getal vandaan").
// Browser-safe: Intl only.
import type {Kengetal, Source, Uncertainty} from "../schema/kengetal.js";
import {isMoneyUnit, type Unit} from "./units.js";

const unitPhrase: Record<Unit, string> = {
  "€": "",
  "€/jaar": "per jaar",
  "€/maand": "per maand",
  "€/week": "per week",
  "€/dag": "per dag",
  "€/uur": "per uur",
  "€/persoon": "per persoon",
  "€/persoon/jaar": "per persoon per jaar",
  "€/deelnemer": "per deelnemer",
  "€/traject": "per traject",
  "€/plaatsing": "per plaatsing",
  "€/fte/jaar": "per fte per jaar",
  "€/delict": "per delict",
  "€/zaak": "per zaak",
  "€/QALY": "per QALY",
  fraction: "",
  QALY: "QALY",
  "QALY/jaar": "QALY per jaar",
  uur: "uur",
  "uur/jaar": "uur per jaar",
  "uur/maand": "uur per maand",
  "uur/week": "uur per week",
  dagen: "dagen",
  weken: "weken",
  maanden: "maanden",
  jaar: "jaar",
  fte: "fte",
  personen: "personen",
  "deelnemers/fte": "deelnemers per fte",
  aantal: "",
  index: "",
  ratio: ""
};

function decimals(x: number, max: number): number {
  for (let d = 0; d < max; d++) if (Math.abs(x * 10 ** d - Math.round(x * 10 ** d)) < 1e-9) return d;
  return max;
}

/** Dutch number: 1234.5 → "1.234,5"; keeps up to `max` decimals, no trailing zeros. */
export function formatNumberNl(x: number, max = 3): string {
  return new Intl.NumberFormat("nl-NL", {minimumFractionDigits: 0, maximumFractionDigits: max}).format(x);
}

/** Dutch money: 1234 → "€ 1.234", 8.82 → "€ 8,82", 1238.94 → "€ 1.238,94". */
export function formatEuroNl(x: number): string {
  const d = decimals(x, 2);
  const s = new Intl.NumberFormat("nl-NL", {minimumFractionDigits: d === 0 ? 0 : 2, maximumFractionDigits: 2}).format(Math.abs(x));
  return `${x < 0 ? "−" : ""}€ ${s}`;
}

/** Dutch percentage of a fraction: 0.075 → "7,5%". */
export function formatPercentNl(x: number): string {
  return `${formatNumberNl(x * 100, 2)}%`;
}

/** A value with its unit in Dutch: "€ 16.800 per jaar", "30%", "7,7 fte", "0,191 QALY per jaar". */
export function formatValueNl(value: number, unit: Unit): string {
  const phrase = unitPhrase[unit];
  let number: string;
  if (isMoneyUnit(unit)) number = formatEuroNl(value);
  else if (unit === "fraction") number = formatPercentNl(value);
  else if (unit === "index") return `index ${formatNumberNl(value)}`;
  else number = formatNumberNl(value);
  return phrase ? `${number} ${phrase}` : number;
}

/** The uncertainty of a kengetal in Dutch, or "" for a fixed value. */
export function formatUncertaintyNl(u: Uncertainty, unit: Unit): string {
  const v = (x: number) => (isMoneyUnit(unit) ? formatEuroNl(x) : unit === "fraction" ? formatPercentNl(x) : formatNumberNl(x));
  switch (u.type) {
    case "fixed":
      return "";
    case "range":
      return `bandbreedte ${v(u.low)} – ${v(u.high)}`;
    case "triangular":
      return `driehoeksverdeling ${v(u.low)} – ${v(u.high)}`;
    case "pert":
      return `PERT-verdeling ${v(u.low)} – ${v(u.high)}`;
    case "normal":
      return u.sd !== undefined ? `normaal verdeeld, sd ${v(u.sd)}` : `normaal verdeeld, se ${v(u.se as number)}`;
    case "lognormal":
      return u.sdlog !== undefined ? `lognormaal verdeeld, sdlog ${formatNumberNl(u.sdlog)}` : `lognormaal verdeeld, variatiecoëfficiënt ${formatNumberNl(u.cv as number)}`;
    case "beta":
      return u.sd !== undefined ? `bètaverdeeld, sd ${formatPercentNl(u.sd)}` : `bètaverdeeld (α ${formatNumberNl(u.alpha as number)}, β ${formatNumberNl(u.beta as number)})`;
    case "gamma":
      return u.sd !== undefined ? `gammaverdeeld, sd ${v(u.sd)}` : `gammaverdeeld (vorm ${formatNumberNl(u.shape as number)}, schaal ${formatNumberNl(u.scale as number)})`;
  }
}

/** A source citation in Dutch: "LPBL, MKBA re-integratie Zoetermeer, § 2.2, figuur 2.1, regel 290". */
export function formatSourceNl(s: Source): string {
  const parts = [s.title];
  if (s.section) parts.push(/^\d/.test(s.section) ? `§ ${s.section}` : s.section);
  if (s.page !== undefined) parts.push(`p. ${s.page}`);
  if (s.table) parts.push(/^(tabel|figuur|fig\.|box|kader)/i.test(s.table) ? s.table.charAt(0).toLowerCase() + s.table.slice(1) : `tabel ${s.table}`);
  if (s.lines !== undefined) parts.push(/[-–,]/.test(String(s.lines)) ? `regels ${s.lines}` : `regel ${s.lines}`);
  return parts.join(", ");
}

/**
 * One Dutch line describing a kengetal for a provenance view, e.g.
 * "€ 16.800 per jaar (prijspeil 2018, aangenomen) — bron: LPBL, MKBA re-integratie Zoetermeer, § 2.1, regels 178, 217".
 * Uncertainty other than fixed is added in brackets after the value.
 */
export function describeKengetal(k: Pick<Kengetal, "value" | "unit" | "priceYear" | "priceYearBasis" | "source" | "uncertainty">): string {
  const extras: string[] = [];
  if (k.priceYear !== undefined) extras.push(`prijspeil ${k.priceYear}${k.priceYearBasis === "assumed" ? ", aangenomen" : ""}`);
  const unc = formatUncertaintyNl(k.uncertainty, k.unit);
  if (unc) extras.push(unc);
  return `${formatValueNl(k.value, k.unit)}${extras.length ? ` (${extras.join("; ")})` : ""} — bron: ${formatSourceNl(k.source)}`;
}
