// Constants of the kengetallen format that browser code needs without loading zod:
// the closed list of units, seed ids, natures and uncertainty types. lib/schema/kengetal.ts
// builds its zod schema from these lists.

/** Units a kengetal may have. Units starting with "€" are money and need a price year. */
export const units = [
  "€",
  "€/jaar",
  "€/maand",
  "€/week",
  "€/dag",
  "€/uur",
  "€/persoon",
  "€/persoon/jaar",
  "€/deelnemer",
  "€/traject",
  "€/plaatsing",
  "€/fte/jaar",
  "€/delict",
  "€/zaak",
  "€/QALY",
  "fraction",
  "QALY",
  "QALY/jaar",
  "uur",
  "uur/jaar",
  "uur/maand",
  "uur/week",
  "dagen",
  "weken",
  "maanden",
  "jaar",
  "fte",
  "personen",
  "deelnemers/fte",
  "aantal",
  "index",
  "ratio"
] as const;
export type Unit = (typeof units)[number];

/** True for money units (those starting with "€"): they need a price year. */
export function isMoneyUnit(unit: string): boolean {
  return unit.startsWith("€");
}

export const seedIds = ["000", "001", "002", "003", "004"] as const;
export type SeedId = (typeof seedIds)[number];

export const natures = ["financial", "immaterial"] as const;
export type Nature = (typeof natures)[number];

export const uncertaintyTypes = ["fixed", "range", "normal", "lognormal", "beta", "gamma", "triangular", "pert"] as const;
