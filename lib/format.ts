// Dutch number formatting for reader-facing text (pages, tables, chart labels).
//
// Conventions (Intl "nl-NL", as Dutch reports print numbers):
// - decimal comma and thousands point: 1234567.25 → "1.234.567,3" (grouping from 1.000 on);
// - rounding is half away from zero (Intl's default "halfExpand"): 1.25 → "1,3", -1.25 → "-1,3";
// - amounts are "€ 1.234"; the space after € is a no-break space (U+00A0) so that the
//   symbol never ends a line; negative amounts are "€ -1.234" (Intl nl-NL);
// - a value that rounds to zero never shows a sign: -0.4 → "€ 0", not "€ -0";
// - a value that is not a number is shown as "—" and ±Infinity as "∞" / "-∞", never "NaN".
// Percentages take a fraction: formatPercent(0.0225, 2) → "2,25%".
// This module is loaded in the browser too (src/lib -> ../lib): no node: imports.

/** The no-break space Intl puts between € and the number ("€\u00A01.234"). */
export const NBSP = "\u00A0";

const cache = new Map<string, Intl.NumberFormat>();

function formatter(options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = JSON.stringify(options);
  let f = cache.get(key);
  if (!f) cache.set(key, (f = new Intl.NumberFormat("nl-NL", options)));
  return f;
}

function checkDigits(digits: number, name: string): void {
  if (!Number.isInteger(digits) || digits < 0 || digits > 20) {
    throw new RangeError(`${name}: digits must be an integer from 0 to 20, found ${digits}`);
  }
}

function nonFinite(x: number): string | undefined {
  if (Number.isNaN(x)) return "—";
  if (x === Infinity) return "∞";
  if (x === -Infinity) return "-∞";
  return undefined;
}

/**
 * An amount in euro, Dutch style: formatEuro(1234.4) → "€ 1.234", formatEuro(1234.5, {digits: 2})
 * → "€ 1.234,50", formatEuro(-1234) → "€ -1.234" (the space is U+00A0, see {@link NBSP}).
 * `digits` (default 0) is both the minimum and the maximum number of decimals.
 */
export function formatEuro(x: number, {digits = 0}: {digits?: number} = {}): string {
  checkDigits(digits, "formatEuro");
  return (
    nonFinite(x) ??
    formatter({
      style: "currency",
      currency: "EUR",
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
      signDisplay: "negative"
    }).format(x)
  );
}

/**
 * A plain number, Dutch style, with exactly `digits` decimals (default 0):
 * formatNumber(1.25, 1) → "1,3", formatNumber(1234567) → "1.234.567".
 */
export function formatNumber(x: number, digits = 0): string {
  checkDigits(digits, "formatNumber");
  return (
    nonFinite(x) ??
    formatter({minimumFractionDigits: digits, maximumFractionDigits: digits, signDisplay: "negative"}).format(x)
  );
}

/**
 * A fraction as a percentage, Dutch style, with exactly `digits` decimals (default 1):
 * formatPercent(0.0225, 2) → "2,25%", formatPercent(0.191) → "19,1%".
 */
export function formatPercent(x: number, digits = 1): string {
  checkDigits(digits, "formatPercent");
  return (
    nonFinite(x) ??
    formatter({style: "percent", minimumFractionDigits: digits, maximumFractionDigits: digits, signDisplay: "negative"}).format(x)
  );
}

// ---------------------------------------------------------------------------------------------
// Values with a unit: one function for every table and card.
//
// A unit is the string a data file declares (`unit:` in kengetallen, model parameters and printed
// figures). The value is in that unit's own scale: 1.58 with "€ miljoen" is € 1,58 miljoen, 11 with
// "%" is 11%, while 0.11 with "fraction" is also 11% (a share stored as a fraction).
// Grammar: `<base>[/<per>[/<per>]]`, e.g. "€/persoon/jaar" → "€ 1.234 per persoon per jaar",
// "personen/fte" → "35 personen per fte". An unknown base unit is an error (a number is shown with
// its unit or not at all), so a new unit in data/ must be added here, with a test.

/** Plural → singular for count units, used when the value is exactly 1 ("1 maand", "2 maanden"). */
const SINGULAR: Record<string, string> = {
  personen: "persoon",
  deelnemers: "deelnemer",
  maanden: "maand",
  weken: "week",
  jaren: "jaar",
  plaatsingen: "plaatsing",
  trajecten: "traject"
};

/** Base units that are a plain count or measure, printed as "<number> <unit>". */
const COUNT_UNITS = new Set([
  "personen",
  "deelnemers",
  "aantal",
  "jaar",
  "maanden",
  "weken",
  "uur",
  "fte",
  "QALY",
  "plaatsingen",
  "trajecten",
  "keuze"
]);

/** A yes/no switch as model files write it ("0/1"): printed as "ja"/"nee", like "1 = ja, 0 = nee". */
const SWITCH_UNIT = "0/1";

/** Default decimals per base unit when the caller gives none. */
function defaultDigits(base: string, x: number): number {
  if (base === "€") return 0;
  if (base === "€ miljoen") return Math.abs(x) >= 100 ? 0 : Math.abs(x) >= 10 ? 1 : 2;
  if (base === "ratio" || base === "verhouding") return 2;
  if (base === "%" || base === "fraction") return 1;
  return Number.isInteger(x) ? 0 : 1;
}

/** The unit's parts: base ("€", "€ miljoen", "personen", …) and the "per" units in order. */
export function parseUnit(unit: string): {base: string; per: string[]} {
  const parts = unit.split("/").map((p) => p.trim());
  const base = parts[0];
  const per = parts.slice(1);
  if (per.some((p) => p === "")) throw new RangeError(`unit "${unit}": empty part after "/"`);
  return {base, per};
}

/** True when formatQuantity knows the unit (its base; any "per" part is printed as written). */
export function isKnownUnit(unit: string): boolean {
  if (unit === SWITCH_UNIT) return true;
  try {
    const {base} = parseUnit(unit);
    return base === "€" || base === "€ miljoen" || base === "%" || base === "fraction" || base === "ratio" ||
      base === "verhouding" || base === "1 = ja, 0 = nee" || COUNT_UNITS.has(base);
  } catch {
    return false;
  }
}

/**
 * A value with its unit as Dutch reader text: formatQuantity(1234, "€/cliënt") → "€ 1.234 per cliënt",
 * formatQuantity(1.58, "€ miljoen") → "€ 1,58 miljoen", formatQuantity(11, "%") → "11,0%",
 * formatQuantity(0.11, "fraction") → "11,0%", formatQuantity(1.31, "verhouding") → "1,31",
 * formatQuantity(1, "maanden") → "1 maand", formatQuantity(35, "personen/fte") → "35 personen per fte",
 * formatQuantity(1, "1 = ja, 0 = nee") → "ja".
 * `digits` sets the decimals (defaults: € 0, € miljoen 0–2 by size, ratio 2, % 1, counts 0 when whole
 * else 1). Not-a-number is "—" (never "NaN"); an unknown unit throws a RangeError naming it.
 */
export function formatQuantity(x: number, unit: string, {digits}: {digits?: number} = {}): string {
  if (!isKnownUnit(unit)) throw new RangeError(`formatQuantity: unknown unit "${unit}"`);
  if (unit === SWITCH_UNIT) unit = "1 = ja, 0 = nee";
  const {base, per} = parseUnit(unit);
  const perText = per.map((p) => ` per ${p}`).join("");
  const nf = nonFinite(x);
  if (nf !== undefined) return nf;
  const d = digits ?? defaultDigits(base, x);
  switch (base) {
    case "€":
      return formatEuro(x, {digits: d}) + perText;
    case "€ miljoen":
      return `${formatEuro(x, {digits: d})} miljoen${perText}`;
    case "%":
      return formatPercent(x / 100, d) + perText;
    case "fraction":
      return formatPercent(x, d) + perText;
    case "ratio":
    case "verhouding":
      return formatNumber(x, d) + perText;
    case "1 = ja, 0 = nee":
      if (x === 1) return "ja";
      if (x === 0) return "nee";
      return formatNumber(x, d);
    case "keuze":
      return formatNumber(x, d);
    default: {
      const text = formatNumber(x, d);
      const word = text === "1" && SINGULAR[base] ? SINGULAR[base] : base;
      return `${text}${NBSP}${word}${perText}`;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Number boxes: what a reader types, and what the box shows.

/**
 * A number as a reader types it, Dutch or plain: "3,5" → 3.5, "3.5" → 3.5, "1.234,5" → 1234.5,
 * "1.000" → 1000 (a dot before exactly three digits is a Dutch thousands point), "−2" → -2,
 * "2,25 %" → 2.25 (a trailing % or a leading € is ignored; the box's unit says what it means).
 * Anything else ("", "-", "3,5,1", "abc", "1e3") is NaN: the caller shows a message, never a
 * silently different value.
 */
export function parseDutchNumber(text: string): number {
  let s = String(text).trim().replace(/[\s\u00A0\u202F]/g, "").replace(/^€/, "").replace(/%$/, "").replace(/^[−–]/, "-");
  if (!/^-?[\d.,]+$/.test(s)) return NaN;
  const negative = s.startsWith("-");
  if (negative) s = s.slice(1);
  let normalized: string;
  if (s.includes(",")) {
    // Comma = decimal comma; dots before it are thousands points in groups of three.
    const [int, frac, ...rest] = s.split(",");
    if (rest.length || !/^\d*$/.test(frac) || !/\d/.test(int + frac)) return NaN;
    if (int.includes(".") && !/^\d{1,3}(\.\d{3})+$/.test(int)) return NaN;
    normalized = `${int.replace(/\./g, "") || "0"}.${frac || "0"}`;
  } else if (/^\d{1,3}(\.\d{3})+$/.test(s)) {
    normalized = s.replace(/\./g, "");
  } else if (/^\d*\.?\d*$/.test(s) && /\d/.test(s)) {
    normalized = s;
  } else {
    return NaN;
  }
  if (!/\d/.test(normalized)) return NaN;
  const x = Number(normalized);
  return negative ? -x : x;
}

/**
 * A number for a number box: Dutch decimal comma and thousands points, all significant decimals
 * (up to 10), so that parseDutchNumber reads the box back: formatInputNumber(3.5) → "3,5",
 * formatInputNumber(2250) → "2.250", formatInputNumber(3e8) → "300.000.000",
 * formatInputNumber(0.1 + 0.2) → "0,3".
 */
export function formatInputNumber(x: number): string {
  const nf = nonFinite(x);
  if (nf !== undefined) return nf;
  return formatter({maximumFractionDigits: 10, useGrouping: true, signDisplay: "negative"}).format(Number(x.toPrecision(12)));
}

/**
 * One compact money format for chart axes and labels: formatEuroCompact(1_500_000) → "€ 1,5 mln",
 * formatEuroCompact(250_000) → "€ 250.000", formatEuroCompact(-2_000_000) → "€ -2 mln",
 * formatEuroCompact(3e9) → "€ 3.000 mln". Amounts under € 1 miljoen are written out (no "k"),
 * from € 1 miljoen on in "mln" with at most one decimal, so one chart never mixes "k" and "mln".
 */
export function formatEuroCompact(x: number): string {
  const nf = nonFinite(x);
  if (nf !== undefined) return nf;
  if (Math.abs(x) < 999_999.5) return formatEuro(x);
  const m = x / 1e6;
  const text = formatter({maximumFractionDigits: Math.abs(m) >= 100 ? 0 : 1, signDisplay: "negative"}).format(m);
  return `€${NBSP}${text}${NBSP}mln`;
}
