// The conclusion of a result in one plain Dutch sentence, generated from the numbers. Browser-safe.
//
// Conventions (the Leidraad-based werkwijzer: a saldo whose bandwidth crosses zero is "onzeker",
// not positive):
// - The bandwidth is the 90 % interval of the Monte Carlo (5th and 95th percentile) when there is
//   one, else the tornado's range (the lowest and highest saldo over the one-way ends), else none.
// - Interval entirely above zero: the benefits outweigh the costs, also within the uncertainty.
//   Entirely below: the costs outweigh the benefits. Crossing zero (low < 0 < high, or touching
//   it): "baten en kosten zijn binnen de onzekerheid in evenwicht", naming the deciding inputs
//   (at most three, in the order given: largest influence first).
// - Without any bandwidth: the sign of the saldo, saying that its uncertainty is not known.
// - Amounts in the one formatter (lib/format.ts).
import {formatEuro, NBSP} from "../format.js";
import type {Tornado} from "./sensitivity.js";
import type {Stats} from "./psa.js";

export interface ConclusionInput {
  /** The saldo (base case) of the scope: society, an actor or an intervention. */
  saldo: number;
  /** Whose saldo, for the sentence ("de samenleving", "de gemeente", …); default "de samenleving". */
  who?: string;
  /** The bandwidth and where it comes from. */
  interval?: {low: number; high: number; basis: "montecarlo" | "tornado"} | null;
  /** Labels of the inputs that decide it, largest influence first (tornado order or EVPPI order). */
  deciding?: string[];
}

/** A label inside a sentence: "Aantal deelnemers" → "aantal deelnemers" (not "WA: …" or "QALY"). */
function inSentence(label: string): string {
  return /^[A-Z][a-z]/.test(label) ? label[0].toLowerCase() + label.slice(1) : label;
}

function list(names: string[]): string {
  if (names.length <= 1) return names.join("");
  return `${names.slice(0, -1).join(", ")} en ${names[names.length - 1]}`;
}

/** One Dutch sentence (or two) stating what the numbers conclude; see the conventions above. */
export function conclusionSentence({saldo, who = "de samenleving", interval = null, deciding = []}: ConclusionInput): string {
  const amount = formatEuro(Math.abs(saldo));
  const sign = saldo > 0 ? `de baten zijn ${amount} hoger dan de kosten` : saldo < 0 ? `de kosten zijn ${amount} hoger dan de baten` : "baten en kosten zijn even groot";
  const head = `Voor ${who}: ${sign}`;
  if (!interval) return `${head}; hoe onzeker dat is, is niet bekend (het model geeft geen bandbreedte).`;
  const band = interval.basis === "montecarlo" ? `het 90${NBSP}%-interval van de onzekerheidsanalyse` : "de bandbreedte van de gevoeligheidsanalyse";
  const range = `${formatEuro(interval.low)} tot ${formatEuro(interval.high)}`;
  if (interval.low > 0) return `${head}, en dat blijft zo binnen ${band} (${range}).`;
  if (interval.high < 0) return `${head}, en dat blijft zo binnen ${band} (${range}).`;
  const names = deciding.slice(0, 3).map(inSentence);
  return (
    `${head}, maar ${band} loopt van ${range}: baten en kosten zijn binnen de onzekerheid in evenwicht, het saldo is onzeker.` +
    (names.length ? ` Doorslaggevend ${names.length === 1 ? "is" : "zijn"} ${list(names)}.` : "")
  );
}

/**
 * The sentence where the one-way ranges cannot give a bandwidth: an end of an input's range where the
 * model has no finite result (a division by an input at 0). `inputs`: the labels of those inputs.
 */
export function noBandwidthSentence(saldo: number, inputs: string[], who?: string): string {
  const which = inputs.map((l) => `“${l}”`).join(", ");
  return `${conclusionSentence({saldo, who})} Een bandbreedte is hier niet te geven: aan een uiteinde van het bereik${which ? ` van ${which}` : ""} geeft het model geen eindige uitkomst (bijvoorbeeld een deling door nul).`;
}

/** The sentence's verdict in one word: which of its four cases applies (see the conventions). */
export type ConclusionVerdict = "positief" | "negatief" | "onzeker" | "onbekend";

/** Short Dutch labels of the verdicts, for a table column (the sentence says the rest). */
export const VERDICT_TEXT: Record<ConclusionVerdict, string> = {
  positief: "baten hoger, ook binnen de onzekerheid",
  negatief: "kosten hoger, ook binnen de onzekerheid",
  onzeker: "in evenwicht binnen de onzekerheid",
  onbekend: "onzekerheid niet bekend"
};

/** The verdict of a bandwidth by the same rule as conclusionSentence (an interval touching zero is uncertain). */
export function conclusionVerdict(interval: ConclusionInput["interval"]): ConclusionVerdict {
  if (!interval) return "onbekend";
  return interval.low > 0 ? "positief" : interval.high < 0 ? "negatief" : "onzeker";
}

/**
 * The inputs that decide the sign: the tornado's bars whose ends lie on both sides of zero (largest
 * swing first), else the bars with the largest swing; at most `n`.
 */
export function decidingInputs(tornado: Tornado, n = 3): string[] {
  const flips = tornado.bars.filter((b) => Math.sign(b.saldoLow) !== Math.sign(b.saldoHigh) || Math.sign(b.saldoLow) !== Math.sign(tornado.baseSaldo));
  return (flips.length ? flips : tornado.bars).slice(0, n).map((b) => b.label);
}

/** The bandwidth for the sentence: the Monte Carlo's 5–95 % interval when given, else the tornado's range. */
export function bandwidth(saldo: Stats | null | undefined, tornado: Tornado | null | undefined): ConclusionInput["interval"] {
  if (saldo && Number.isFinite(saldo.percentiles.p5) && Number.isFinite(saldo.percentiles.p95)) return {low: saldo.percentiles.p5, high: saldo.percentiles.p95, basis: "montecarlo"};
  if (tornado && tornado.bars.length) {
    const ends = tornado.bars.flatMap((b) => [b.saldoLow, b.saldoHigh]);
    return {low: Math.min(tornado.baseSaldo, ...ends), high: Math.max(tornado.baseSaldo, ...ends), basis: "tornado"};
  }
  return null;
}
