// The kengetallen registry: look up unit values by id, list them by theme/actor/seed, and convert
// money amounts between price years (prijspeil) with the CBS consumer price index. Pure and
// browser-safe: a page rebuilds the registry from its plain-JSON form (`toJSON` / `fromJSON`).
import type {ActorId} from "../schema/actors.js";
import type {CpiFile, Uncertainty} from "../schema/kengetal.js";
import {isMoneyUnit, type Nature, type SeedId, type Unit} from "./units.js";
import {KengetalError} from "./errors.js";
import type {RegisteredKengetal} from "./parse.js";

export type {RegisteredKengetal} from "./parse.js";
export type {Kengetal, Uncertainty, Source} from "../schema/kengetal.js";
export type {Unit, Nature} from "./units.js";

export interface ThemeInfo {
  theme: string;
  description: string;
  file?: string;
}

/** Plain-JSON form of a registry, as written by a data loader and read back in the browser. */
export interface RegistryJSON {
  format: "rendement-kengetallen@1";
  themes: ThemeInfo[];
  kengetallen: RegisteredKengetal[];
  cpi: CpiFile | null;
}

export interface ListFilter {
  theme?: string;
  actor?: ActorId;
  seed?: SeedId;
  nature?: Nature;
  unit?: Unit;
}

function editDistance(a: string, b: string): number {
  const d = Array.from({length: b.length + 1}, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = d[0];
    d[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = d[j];
      d[j] = Math.min(d[j] + 1, d[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return d[b.length];
}

/**
 * Factor that converts an amount at the price level of `fromYear` to that of `toYear`:
 * CPI(toYear) / CPI(fromYear), with yearly-average index values. Throws when a year is missing.
 */
export function cpiFactor(cpi: CpiFile, fromYear: number, toYear: number): number {
  if (fromYear === toYear) return 1;
  const at = (year: number) => {
    const v = cpi.values.find((x) => x.year === year);
    if (!v) {
      const years = cpi.values.map((x) => x.year);
      throw new Error(`no CPI value for ${year} in CBS table ${cpi.table} (data/cpi.yaml covers ${Math.min(...years)}–${Math.max(...years)})`);
    }
    return v.index;
  };
  return at(toYear) / at(fromYear);
}

/** Scale the money quantities of an uncertainty spec by `f` (relative measures stay as they are). */
export function scaleUncertainty(u: Uncertainty, f: number): Uncertainty {
  switch (u.type) {
    case "fixed":
    case "lognormal":
      return {...u};
    case "range":
      return {...u, low: u.low * f, high: u.high * f};
    case "triangular":
    case "pert":
      return {...u, low: u.low * f, high: u.high * f, ...(u.mode !== undefined ? {mode: u.mode * f} : {})};
    case "normal":
      return {...u, ...(u.sd !== undefined ? {sd: u.sd * f} : {}), ...(u.se !== undefined ? {se: u.se * f} : {})};
    case "gamma":
      return {...u, ...(u.scale !== undefined ? {scale: u.scale * f} : {}), ...(u.sd !== undefined ? {sd: u.sd * f} : {})};
    case "beta":
      return {...u};
  }
}

export class Registry {
  readonly themes: ThemeInfo[];
  readonly cpi: CpiFile | null;
  readonly #byId = new Map<string, RegisteredKengetal>();

  /** Build a registry; throws KengetalError when an id occurs twice (naming both places). */
  constructor(kengetallen: RegisteredKengetal[], options: {themes?: ThemeInfo[]; cpi?: CpiFile | null} = {}) {
    this.themes = options.themes ?? [];
    this.cpi = options.cpi ?? null;
    const problems = [];
    for (const k of kengetallen) {
      const first = this.#byId.get(k.id);
      if (first) {
        const where = (x: RegisteredKengetal) => (x.file ? `${x.file}:${x.line ?? "?"}` : `theme ${x.theme}`);
        problems.push({file: k.file ?? `(theme ${k.theme})`, line: k.line ?? 0, field: "id", id: k.id, message: `expected a unique id, found "${k.id}" again (first at ${where(first)})`});
      } else this.#byId.set(k.id, k);
    }
    if (problems.length) throw new KengetalError(problems);
  }

  static fromJSON(json: RegistryJSON): Registry {
    if (json?.format !== "rendement-kengetallen@1") throw new Error(`expected a kengetallen registry in format "rendement-kengetallen@1", found ${JSON.stringify(json?.format)}`);
    return new Registry(json.kengetallen, {themes: json.themes, cpi: json.cpi});
  }

  toJSON(): RegistryJSON {
    return {format: "rendement-kengetallen@1", themes: this.themes, kengetallen: [...this.#byId.values()], cpi: this.cpi};
  }

  get size(): number {
    return this.#byId.size;
  }

  has(id: string): boolean {
    return this.#byId.has(id);
  }

  /**
   * The record with this id. With `{priceYear}`, a money record is returned converted to that price
   * level (value and uncertainty scaled by the CPI factor, `priceYear` replaced, and `convertedFrom`
   * set to the original price year). Throws for an unknown id, suggesting near matches.
   */
  get(id: string, options: {priceYear?: number} = {}): RegisteredKengetal & {convertedFrom?: number} {
    const k = this.#byId.get(id);
    if (!k) {
      const near = [...this.#byId.keys()]
        .map((other) => ({other, d: editDistance(id, other)}))
        .filter((x) => x.d <= Math.max(2, Math.floor(id.length / 4)))
        .sort((a, b) => a.d - b.d)
        .slice(0, 3)
        .map((x) => x.other);
      throw new Error(`unknown kengetal "${id}"${near.length ? `; did you mean ${near.map((n) => `"${n}"`).join(" or ")}?` : ""}`);
    }
    const to = options.priceYear;
    if (to === undefined || k.priceYear === undefined || !isMoneyUnit(k.unit) || to === k.priceYear) return k;
    const f = this.factor(k.priceYear, to);
    return {...k, value: k.value * f, uncertainty: scaleUncertainty(k.uncertainty, f), priceYear: to, convertedFrom: k.priceYear};
  }

  /**
   * The value of a kengetal, for money units converted to `priceYear` when given:
   * value × CPI(priceYear) / CPI(record's priceYear). Non-money values are returned unchanged.
   */
  value(id: string, options: {priceYear?: number} = {}): number {
    return this.get(id, options).value;
  }

  /** CPI(toYear) / CPI(fromYear); throws when the registry has no CPI series or lacks a year. */
  factor(fromYear: number, toYear: number): number {
    if (fromYear === toYear) return 1;
    if (!this.cpi) throw new Error(`cannot convert from price year ${fromYear} to ${toYear}: the registry has no CPI series (data/cpi.yaml)`);
    return cpiFactor(this.cpi, fromYear, toYear);
  }

  /** Convert an amount between price years: amount × CPI(toYear) / CPI(fromYear). */
  convert(amount: number, fromYear: number, toYear: number): number {
    return amount * this.factor(fromYear, toYear);
  }

  /** Records matching every given filter, in file order. */
  list(filter: ListFilter = {}): RegisteredKengetal[] {
    return [...this.#byId.values()].filter(
      (k) =>
        (filter.theme === undefined || k.theme === filter.theme) &&
        (filter.actor === undefined || k.actor === filter.actor) &&
        (filter.seed === undefined || k.source.seed === filter.seed) &&
        (filter.nature === undefined || k.nature === filter.nature) &&
        (filter.unit === undefined || k.unit === filter.unit)
    );
  }

  ids(): string[] {
    return [...this.#byId.keys()];
  }
}
