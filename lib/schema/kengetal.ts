// The kengetallen (unit values) format: one record per unit value, with unit, price year (prijspeil),
// source, actor, nature and an uncertainty spec. Files live in data/kengetallen/<theme>.yaml as
// `{theme, description, kengetallen: [...]}`. This schema is the single source of the format;
// docs/kengetallen.md describes it for readers. Browser-safe (zod only); code that must not load zod
// imports the constants from lib/kengetallen/units.ts and only types from here.
import {z} from "zod";
import {actorIds, type ActorId} from "./actors.js";
import {isMoneyUnit, natures, seedIds, uncertaintyTypes, units} from "../kengetallen/units.js";
export {isMoneyUnit, natures, seedIds, uncertaintyTypes, units, type Nature, type SeedId, type Unit} from "../kengetallen/units.js";

const idPattern = /^[a-z][a-z0-9_]*$/;
export const kengetalId = z
  .string({error: "expected a snake_case id (string)"})
  .regex(idPattern, {error: "expected a snake_case id: lower-case letters, digits and _, starting with a letter"});

const finite = (what = "number") => z.number({error: `expected a ${what}`}).refine(Number.isFinite, {error: `expected a finite ${what}`});
const positive = (what: string) => z.number({error: `expected a positive number (${what})`}).gt(0, {error: `expected ${what} > 0`});

export const sourceSchema = z
  .strictObject({
    title: z.string({error: "expected the title of the source (string)"}).min(1, {error: "expected a non-empty title"}),
    seed: z.enum(seedIds, {error: `expected a seed id, one of ${seedIds.join(", ")}`}).optional(),
    page: z.union([z.number().int().positive(), z.string().min(1)], {error: "expected a page number or a page range such as \"14-15\""}).optional(),
    table: z.string({error: "expected a table name (string), e.g. \"2.3\""}).min(1).optional(),
    section: z.string({error: "expected a section (string), e.g. \"2.4\" or \"Bijlage 3\""}).min(1).optional(),
    // Line(s) in the plain-text seed file under /work/shared/seeds (the seeds carry no page numbers).
    lines: z.union([z.number().int().positive(), z.string().regex(/^\d+(\s*[-–,]\s*\d+)*$/)], {error: "expected a line number or lines such as \"174-178\" or \"174, 215\""}).optional(),
    url: z.url({error: "expected a URL"}).optional(),
    note: z.string().optional()
  })
  .check((ctx) => {
    const s = ctx.value;
    if (s.seed !== undefined && s.page === undefined && s.table === undefined && s.section === undefined) {
      ctx.issues.push({code: "custom", input: s, path: [], message: "a source with a seed needs at least one of page, table or section"});
    }
  });
export type Source = z.infer<typeof sourceSchema>;

// --- uncertainty -------------------------------------------------------------------------------
// `value` of the record is the central value (the mean for normal, lognormal, beta and gamma; the
// mode for triangular and PERT unless `mode` is given).

const fixedU = z.strictObject({type: z.literal("fixed"), note: z.string().optional()});
const rangeU = z.strictObject({type: z.literal("range"), low: finite("low bound"), high: finite("high bound"), note: z.string().optional()});
const normalU = z.strictObject({
  type: z.literal("normal"),
  sd: positive("sd").optional(),
  se: positive("se").optional(),
  note: z.string().optional()
});
const lognormalU = z.strictObject({
  type: z.literal("lognormal"),
  sdlog: positive("sdlog").optional(),
  cv: positive("cv").optional(),
  note: z.string().optional()
});
const betaU = z.strictObject({
  type: z.literal("beta"),
  alpha: positive("alpha").optional(),
  beta: positive("beta").optional(),
  sd: positive("sd").optional(),
  note: z.string().optional()
});
const gammaU = z.strictObject({
  type: z.literal("gamma"),
  shape: positive("shape").optional(),
  scale: positive("scale").optional(),
  sd: positive("sd").optional(),
  note: z.string().optional()
});
const triangularU = z.strictObject({type: z.literal("triangular"), low: finite("low bound"), mode: finite("mode").optional(), high: finite("high bound"), note: z.string().optional()});
const pertU = z.strictObject({type: z.literal("pert"), low: finite("low bound"), mode: finite("mode").optional(), high: finite("high bound"), note: z.string().optional()});

export const uncertaintySchema = z.discriminatedUnion("type", [fixedU, rangeU, normalU, lognormalU, betaU, gammaU, triangularU, pertU], {
  error: `expected an uncertainty with type one of ${uncertaintyTypes.join(", ")}`
});
export type Uncertainty = z.infer<typeof uncertaintySchema>;
export type UncertaintyType = Uncertainty["type"];

// --- the record ----------------------------------------------------------------------------------

const kengetalObject = z.strictObject({
  id: kengetalId,
  label: z.string({error: "expected a Dutch label (string)"}).min(1, {error: "expected a non-empty label"}),
  value: finite("number (the value)"),
  unit: z.enum(units, {error: `expected a unit, one of ${units.join(", ")}`}),
  priceYear: z
    .number({error: "expected integer (the price year, prijspeil)"})
    .int({error: "expected integer (the price year, prijspeil)"})
    .min(1990, {error: "expected a price year between 1990 and 2100"})
    .max(2100, {error: "expected a price year between 1990 and 2100"})
    .optional(),
  // "printed" (default): the source states the price year; "assumed": it does not, and the
  // record's note says why this year was chosen.
  priceYearBasis: z.enum(["printed", "assumed"], {error: 'expected priceYearBasis "printed" or "assumed"'}).optional(),
  source: sourceSchema,
  actor: z.enum(actorIds as [ActorId, ...ActorId[]], {error: `expected an actor id, one of ${actorIds.join(", ")}`}).optional(),
  nature: z.enum(natures, {error: `expected nature "financial" or "immaterial"`}),
  dimensions: z.record(z.string(), z.string({error: "expected a string value for each dimension"})).optional(),
  // Dutch, like every text here a reader sees (label, source and uncertainty notes, the file's
  // description); tests/kengetallen/language.test.ts refuses English.
  note: z.string().optional(),
  uncertainty: uncertaintySchema
});

const tolerance = (x: number) => 1e-9 * Math.max(1, Math.abs(x));

/** Cross-field rules of a kengetal, as messages keyed by the field they concern. */
export function kengetalProblems(k: z.infer<typeof kengetalObject>): {path: (string | number)[]; message: string}[] {
  const out: {path: (string | number)[]; message: string}[] = [];
  const money = isMoneyUnit(k.unit);
  if (money && k.priceYear === undefined) out.push({path: ["priceYear"], message: `expected integer: unit "${k.unit}" is money and needs a price year (prijspeil)`});
  if (!money && k.priceYear !== undefined) out.push({path: ["priceYear"], message: `expected no price year: unit "${k.unit}" is not money`});
  if (k.priceYearBasis !== undefined && k.priceYear === undefined) out.push({path: ["priceYearBasis"], message: "expected priceYearBasis only together with priceYear"});
  if (k.priceYearBasis === "assumed" && !k.note) out.push({path: ["note"], message: "expected a note saying why the price year was assumed (priceYearBasis: assumed)"});
  if (k.unit === "fraction" && (k.value < 0 || k.value > 1)) out.push({path: ["value"], message: `expected a fraction between 0 and 1, found ${k.value}`});
  const u = k.uncertainty;
  const v = k.value;
  const within = (low: number, high: number, what: string) => {
    if (low > high) out.push({path: ["uncertainty", "low"], message: `expected low <= high, found low ${low} > high ${high}`});
    else if (v < low - tolerance(low) || v > high + tolerance(high)) out.push({path: ["value"], message: `expected low <= value <= high (${what}), found ${v} outside [${low}, ${high}]`});
  };
  switch (u.type) {
    case "fixed":
      break;
    case "range":
      within(u.low, u.high, "range");
      break;
    case "triangular":
    case "pert": {
      within(u.low, u.high, u.type);
      if (u.mode !== undefined && (u.mode < u.low || u.mode > u.high)) out.push({path: ["uncertainty", "mode"], message: `expected low <= mode <= high, found mode ${u.mode} outside [${u.low}, ${u.high}]`});
      if (u.low === u.high) out.push({path: ["uncertainty", "high"], message: `expected high > low for a ${u.type} distribution (use type fixed for a point value)`});
      break;
    }
    case "normal":
      if ((u.sd === undefined) === (u.se === undefined)) out.push({path: ["uncertainty"], message: "expected exactly one of sd or se for a normal distribution"});
      break;
    case "lognormal":
      if ((u.sdlog === undefined) === (u.cv === undefined)) out.push({path: ["uncertainty"], message: "expected exactly one of sdlog or cv for a lognormal distribution"});
      if (v <= 0) out.push({path: ["value"], message: `expected value > 0 for a lognormal distribution, found ${v}`});
      break;
    case "beta": {
      if (k.unit !== "fraction") {
        out.push({path: ["uncertainty", "type"], message: `expected unit "fraction" for a beta distribution, found unit "${k.unit}"`});
        break;
      }
      const byShape = u.alpha !== undefined || u.beta !== undefined;
      if (byShape && u.sd !== undefined) out.push({path: ["uncertainty"], message: "expected either alpha and beta, or sd, not both"});
      else if (byShape && (u.alpha === undefined || u.beta === undefined)) out.push({path: ["uncertainty"], message: "expected both alpha and beta"});
      else if (!byShape && u.sd === undefined) out.push({path: ["uncertainty"], message: "expected alpha and beta, or sd, for a beta distribution"});
      if (u.alpha !== undefined && u.beta !== undefined) {
        const mean = u.alpha / (u.alpha + u.beta);
        if (Math.abs(mean - v) > 1e-3) out.push({path: ["uncertainty"], message: `expected alpha / (alpha + beta) to equal value ${v}, found ${mean.toFixed(4)}`});
      }
      if (u.sd !== undefined && !(u.sd * u.sd < v * (1 - v))) out.push({path: ["uncertainty", "sd"], message: `expected sd < sqrt(value × (1 − value)) = ${Math.sqrt(v * (1 - v)).toFixed(4)} for a beta distribution, found ${u.sd}`});
      break;
    }
    case "gamma": {
      const byShape = u.shape !== undefined || u.scale !== undefined;
      if (byShape && u.sd !== undefined) out.push({path: ["uncertainty"], message: "expected either shape and scale, or sd, not both"});
      else if (byShape && (u.shape === undefined || u.scale === undefined)) out.push({path: ["uncertainty"], message: "expected both shape and scale"});
      else if (!byShape && u.sd === undefined) out.push({path: ["uncertainty"], message: "expected shape and scale, or sd, for a gamma distribution"});
      if (v <= 0) out.push({path: ["value"], message: `expected value > 0 for a gamma distribution, found ${v}`});
      if (u.shape !== undefined && u.scale !== undefined) {
        const mean = u.shape * u.scale;
        if (Math.abs(mean - v) > 1e-3 * Math.max(1, Math.abs(v))) out.push({path: ["uncertainty"], message: `expected shape × scale to equal value ${v}, found ${mean}`});
      }
      break;
    }
  }
  return out;
}

export const kengetalSchema = kengetalObject.check((ctx) => {
  for (const p of kengetalProblems(ctx.value)) ctx.issues.push({code: "custom", input: ctx.value, path: p.path, message: p.message});
});

/** One unit value as written in a data/kengetallen/*.yaml file. */
export type Kengetal = z.infer<typeof kengetalSchema>;

export const themeId = z.string({error: "expected a theme id (string)"}).regex(idPattern, {error: "expected a snake_case theme id"});

export const kengetallenFileSchema = z.strictObject({
  theme: themeId,
  description: z.string({error: "expected a description of the file (string)"}).min(1),
  kengetallen: z.array(kengetalSchema, {error: "expected a list of kengetallen"})
});
export type KengetallenFile = z.infer<typeof kengetallenFileSchema>;

// --- CPI ------------------------------------------------------------------------------------------

export const cpiFileSchema = z.strictObject({
  title: z.string().min(1),
  table: z.string({error: "expected the CBS StatLine table id"}).min(1),
  base: z.string({error: "expected the base of the index, e.g. \"2015=100\""}).min(1),
  url: z.url().optional(),
  note: z.string().optional(),
  values: z
    .array(
      z.strictObject({
        year: z.number({error: "expected integer (the year)"}).int({error: "expected integer (the year)"}),
        index: positive("index"),
        inflation: finite("yearly inflation in percent").optional(),
        status: z.string({error: "expected a provenance status, e.g. \"recalled-from-CBS-83131NED, verify\""}).min(1)
      })
    )
    .min(1)
});
export type CpiFile = z.infer<typeof cpiFileSchema>;
