// The model-file format (YAML): a study is data, not code. This schema is the single source of the
// format's documentation; README "Model files" describes it with an example.
import {z} from "zod";
import {studyActorSchema} from "./study-actor.js";
import {uncertaintySchema} from "./kengetal.js";

const id = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, {error: "expected an identifier (letters, digits, _; not starting with a digit)"});
// An actor id: one of the standard actors (lib/schema/actors.ts) or of the study's own (checked when compiled).
const actor = z.string().regex(/^[a-z][a-z0-9_]*$/, {error: "expected an actor id (lower case, a-z, 0-9, _)"});
const formula = z.union([z.string().min(1), z.number()], {error: "expected a formula (text) or a number"});

export const sourceSchema = z
  .object({
    title: z.string().min(1),
    seed: z.string().regex(/^\d{3}$/).optional(),
    page: z.union([z.number(), z.string()]).optional(),
    table: z.string().optional(),
    figure: z.string().optional(),
    section: z.string().optional(),
    url: z.string().optional(),
    note: z.string().optional()
  })
  .strict();

const controlSchema = z
  .object({min: z.number(), max: z.number(), step: z.number().positive().optional(), label: z.string().optional()})
  .strict();

/** A leaf of the model graph set by the study (not a kengetal): a number or a series per year. */
export const parameterSchema = z
  .object({
    id,
    label: z.string().min(1),
    value: z.union([z.number(), z.array(z.number()).min(1)], {error: "expected a number or a list of numbers (one per year)"}),
    unit: z.string().min(1),
    /** For a series: what happens after its last value. `zero` (default) or `last` (keep the last value). */
    extend: z.enum(["zero", "last"]).optional(),
    source: sourceSchema.optional(),
    /** The printed figure (an id in the study's printed.yaml) whose value this input copies. */
    copiesPrinted: z
      .string()
      .regex(/^[a-z0-9_]+$/)
      .optional()
      .describe("The printed figure (an id in the study's printed.yaml) whose value this input copies; a check resting only on such inputs (and kengetallen) gets basis arithmetic."),
    /** Why the value was chosen when no source prints it ("aanname"). */
    assumption: z.string().min(1).optional(),
    uncertainty: uncertaintySchema.optional(),
    control: controlSchema.optional(),
    group: z.string().optional()
  })
  .strict()
  .refine((p) => p.source !== undefined || p.assumption !== undefined, {
    error: "a parameter needs a `source` or an `assumption` saying why this value",
    path: ["source"]
  });

/** A named formula over parameters, kengetallen (`k.<id>`) and other quantities. */
export const quantitySchema = z
  .object({id, label: z.string().min(1), unit: z.string().min(1), formula, note: z.string().optional(), source: sourceSchema.optional()})
  .strict();

/**
 * A cash-flow line. Either a real cost or benefit for one actor (`actor`, `effect`, `post`), or a
 * transfer (`transfer: {from, to}`): money moving from one actor to another (uitkering, belasting,
 * loonkostensubsidie), which nets to zero in the welfare total.
 */
export const flowSchema = z
  .object({
    id,
    label: z.string().min(1),
    /** Post of the line (both ends of a transfer), or per end with `postFrom` / `postTo`. */
    post: id.optional(),
    postFrom: id.optional(),
    postTo: id.optional(),
    actor: actor.optional(),
    /** `cost`: the amount is paid by the actor (negative for it); `benefit`: received. */
    effect: z.enum(["cost", "benefit"]).optional(),
    transfer: z.object({from: actor, to: actor}).strict().optional(),
    amount: formula,
    note: z.string().optional()
  })
  .strict()
  .superRefine((f, ctx) => {
    if (f.transfer) {
      if (f.actor !== undefined || f.effect !== undefined) ctx.addIssue({code: "custom", message: "a transfer has `transfer: {from, to}` instead of `actor` and `effect`", path: ["actor"]});
      if (f.post === undefined && (f.postFrom === undefined || f.postTo === undefined)) ctx.addIssue({code: "custom", message: "a transfer needs `post`, or both `postFrom` and `postTo`", path: ["post"]});
      if (f.transfer.from === f.transfer.to) ctx.addIssue({code: "custom", message: "a transfer needs two different actors", path: ["transfer"]});
    } else {
      if (f.actor === undefined) ctx.addIssue({code: "custom", message: "expected `actor` (who pays or receives), or `transfer: {from, to}`", path: ["actor"]});
      if (f.effect === undefined) ctx.addIssue({code: "custom", message: "expected `effect: cost` or `effect: benefit`", path: ["effect"]});
      if (f.post === undefined) ctx.addIssue({code: "custom", message: "expected `post`", path: ["post"]});
      if (f.postFrom !== undefined || f.postTo !== undefined) ctx.addIssue({code: "custom", message: "`postFrom`/`postTo` are only for transfers", path: ["postFrom"]});
    }
  });

export const postSchema = z
  .object({
    id,
    label: z.string().min(1),
    /** Where the report shows the post: among the costs or among the benefits. */
    side: z.enum(["cost", "benefit"]),
    /** `immaterial` posts (quality of life, MVO) are left out of the financial ratio. */
    nature: z.enum(["financial", "immaterial"]).default("financial"),
    group: z.string().optional(),
    /** Name of a parameter holding this post's own discount rate (e.g. a lower rate for health effects). */
    discountRate: id.optional(),
    /** PM-post (pro memorie): named but not valued. */
    pm: z.boolean().optional()
  })
  .strict();

export const effectSchemeSchema = z
  .object({
    nodes: z.array(
      z
        .object({
          id: z.string().min(1),
          type: z.enum(["activity", "direct", "intermediate", "post"]),
          label: z.string().min(1),
          /** For `post` nodes: the post ids whose valuation the node shows. */
          posts: z.array(id).optional(),
          note: z.string().optional()
        })
        .strict()
    ),
    edges: z.array(
      z
        .object({
          from: z.string().min(1),
          to: z.string().min(1),
          sign: z.enum(["+", "-"]).default("+"),
          /** `uncertain` links are drawn dotted (onzeker causaal verband). */
          style: z.enum(["solid", "uncertain"]).default("solid"),
          note: z.string().optional()
        })
        .strict()
    )
  })
  .strict();

// --- roles, correlations and groups of inputs (issue 20) -------------------------------------------
// Inputs are named as in `--set` and scenarios: `name` (study parameter), `<intervention>.<name>`,
// `k.<kengetal>`; role inputs inside an intervention may also be written without the prefix.

/**
 * One role's input: its name, optionally with the range the study states for it (used when the
 * input has no uncertainty spec or control range), or `missing`: why the model has no such input
 * (Dutch, shown to the reader).
 */
export const roleInputSchema = z.union([
  z.string().min(1),
  z
    .object({
      input: z.string().min(1),
      range: z.object({low: z.number(), high: z.number(), source: z.string().optional()}).strict().optional()
    })
    .strict(),
  z.object({missing: z.string().min(1)}).strict()
]);

/** Which input plays which role, for "Uw gemeente": participants, benefit level, cost per participant, effect. */
export const rolesSchema = z
  .object({
    participants: roleInputSchema.optional(),
    benefitLevel: roleInputSchema.optional(),
    costPerParticipant: roleInputSchema.optional(),
    effect: roleInputSchema.optional()
  })
  .strict();

/** A Spearman rank correlation between two uncertain inputs (drawn through a Gaussian copula). */
export const correlationSchema = z
  .object({
    between: z.tuple([z.string().min(1), z.string().min(1)], {error: "expected two input names: between: [a, b]"}),
    /** Spearman's ρ; |ρ| = 1 is refused at load with the inputs named (lib/analysis/copula.ts). */
    rho: z.number().min(-1, {error: "expected a rank correlation between -1 and 1"}).max(1, {error: "expected a rank correlation between -1 and 1"}),
    source: z.string().optional()
  })
  .strict();

/** A named group of uncertain inputs whose value of information (EVPPI) is reported together. */
export const inputGroupSchema = z
  .object({id, label: z.string().min(1), inputs: z.array(z.string().min(1)).min(1)})
  .strict();

export const interventionSchema = z
  .object({
    id,
    label: z.string().min(1),
    description: z.string().optional(),
    /** Quantity (or parameter) that counts participants, for results per participant. */
    participants: id.optional(),
    /** Per-year quantity with the QALYs gained, for cost per QALY. */
    qalys: id.optional(),
    parameters: z.array(parameterSchema).default([]),
    quantities: z.array(quantitySchema).default([]),
    flows: z.array(flowSchema).min(1, {error: "an intervention needs at least one flow"}),
    effectScheme: effectSchemeSchema.optional(),
    /** Which of this intervention's inputs play the roles of "Uw gemeente" (overrides the model's `roles`). */
    roles: rolesSchema.optional()
  })
  .strict();

export const scenarioSchema = z
  .object({
    id,
    label: z.string().min(1),
    description: z.string().optional(),
    /** Leaf overrides: `name` (study parameter), `<intervention>.<name>` or `k.<kengetal>`. */
    set: z.record(z.string(), z.union([z.number(), z.array(z.number())])),
    source: sourceSchema.optional()
  })
  .strict();

export const modelSchema = z
  .object({
    id,
    title: z.string().min(1),
    description: z.string().optional(),
    source: sourceSchema.optional(),
    /** Price level (prijspeil) of all amounts; € kengetallen are converted to it with the CPI. */
    priceYear: z.number().int().min(1990).max(2100),
    /** Calendar year of year index 0. */
    startYear: z.number().int().min(1990).max(2100).optional(),
    /** Number of years analysed: year indices 0 … horizon − 1. */
    horizon: z.number().int().min(1).max(100),
    /** Real discount rate; default 2.25 % (Werkgroep discontovoet 2020). */
    discountRate: z.number().gt(-1).lt(1).default(0.0225),
    discountRateSource: z.string().optional(),
    posts: z.array(postSchema).min(1),
    parameters: z.array(parameterSchema).default([]),
    quantities: z.array(quantitySchema).default([]),
    interventions: z.array(interventionSchema).min(1),
    scenarios: z.array(scenarioSchema).default([]),
    /** Roles for every intervention (an intervention's own `roles` take precedence per role). */
    roles: rolesSchema.optional(),
    /** Spearman rank correlations between uncertain inputs (default: independent). */
    correlations: z.array(correlationSchema).optional(),
    /** Groups of uncertain inputs for EVPPI. */
    inputGroups: z.array(inputGroupSchema).optional(),
    /** Actors besides the standard list (the study folder's study.yaml `actors` are merged in when loaded). */
    actors: z.array(studyActorSchema).optional().describe("Actors besides the standard list; usually declared once in the study's study.yaml, which is merged into every model file of the folder.")
  })
  .strict();

export type ModelFile = z.infer<typeof modelSchema>;
export type ModelFileInput = z.input<typeof modelSchema>;
export type Parameter = z.infer<typeof parameterSchema>;
export type Quantity = z.infer<typeof quantitySchema>;
export type Flow = z.infer<typeof flowSchema>;
export type Post = z.infer<typeof postSchema>;
export type Intervention = z.infer<typeof interventionSchema>;
export type Scenario = z.infer<typeof scenarioSchema>;
export type Source = z.infer<typeof sourceSchema>;
export type EffectScheme = z.infer<typeof effectSchemeSchema>;
export type Roles = z.infer<typeof rolesSchema>;
export type RoleInput = z.infer<typeof roleInputSchema>;
export type Correlation = z.infer<typeof correlationSchema>;
export type InputGroup = z.infer<typeof inputGroupSchema>;
