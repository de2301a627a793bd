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
