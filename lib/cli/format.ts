// Dutch number formatting for the command line's text tables (plain spaces; pages use lib/format.ts,
// which writes a no-break space after "€"). A missing or non-finite value prints as "—"; a rounded
// −0 prints as 0, so a zero line never shows as "€ -0".
const finite = (x: number | null | undefined): x is number => typeof x === "number" && Number.isFinite(x);

export const euro = (x: number | null | undefined): string => (finite(x) ? `€ ${(Math.round(x) || 0).toLocaleString("nl-NL")}` : "—");

export const num = (x: number | null | undefined, d = 2): string =>
  finite(x) ? x.toLocaleString("nl-NL", {minimumFractionDigits: d, maximumFractionDigits: d}) : "—";

export const pct = (x: number | null | undefined, d = 1): string => (finite(x) ? `${num(x * 100, d)} %` : "—");
