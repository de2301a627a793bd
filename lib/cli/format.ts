// Dutch number formatting for the command line's text tables (plain spaces; pages use lib/format.ts,
// which writes a no-break space after "€"). A missing or non-finite value prints as "—"; a rounded
// −0 prints as 0, so a zero line never shows as "€ -0".
const finite = (x: number | null | undefined): x is number => typeof x === "number" && Number.isFinite(x);

// One Intl.NumberFormat per number of digits, made once: `x.toLocaleString("nl-NL", options)` makes a
// new one on every call, which was a fifth of `rendement evaluate`'s run time. Same output.
const whole = new Intl.NumberFormat("nl-NL");
const fixed = new Map<number, Intl.NumberFormat>();
const digits = (d: number): Intl.NumberFormat => {
  let f = fixed.get(d);
  if (!f) fixed.set(d, (f = new Intl.NumberFormat("nl-NL", {minimumFractionDigits: d, maximumFractionDigits: d})));
  return f;
};

export const euro = (x: number | null | undefined): string => (finite(x) ? `€ ${whole.format(Math.round(x) || 0)}` : "—");

export const num = (x: number | null | undefined, d = 2): string => (finite(x) ? digits(d).format(x) : "—");

export const pct = (x: number | null | undefined, d = 1): string => (finite(x) ? `${num(x * 100, d)} %` : "—");

/**
 * A text table with aligned columns (two spaces between): by default the first column left-aligned
 * and the others right-aligned; `right` names the right-aligned columns instead. `maxWidth` caps a
 * column's width (longer cells overflow); `lastFree` leaves the last column unpadded (free text) and
 * trims each line's end.
 */
export function pad(rows: string[][], {right, maxWidth = Infinity, lastFree = false}: {right?: Set<number>; maxWidth?: number; lastFree?: boolean} = {}): string {
  if (!rows.length) return "";
  const widths = rows[0].map((_, i) => Math.min(maxWidth, Math.max(...rows.map((r) => r[i].length))));
  const alignRight = (i: number) => (right ? right.has(i) : i !== 0);
  return rows
    .map((r) => {
      const line = r.map((x, i) => (lastFree && i === r.length - 1 ? x : alignRight(i) ? x.padStart(widths[i]) : x.padEnd(widths[i]))).join("  ");
      return lastFree ? line.trimEnd() : line;
    })
    .join("\n");
}
