// Printed figures of a study's report, to be compared with what Rendement computes: printed.yaml in
// the study folder (data/studies/<study>/printed.yaml). Each figure states its computation as data in
// `computed:` (lib/reproduce/compute.ts resolves it): a reference to a model result (model file, scope,
// scenario, measure), or a formula over such references, other printed figures and `k.` kengetallen.
//
// Every figure has a basis (is the check a test at all?) and a printed precision (how wide is the
// printed figure?); a figure that cannot be reproduced names a cause from the file's cause table.
import {z} from "zod";

const id = z.string().regex(/^[a-z0-9_]+$/, {error: "expected a lower-case id (a-z, 0-9, _)"});

/**
 * The basis of a check, derived by lib/reproduce/basis.ts (only `input` is declared, on the figure):
 * - `independent`: a model computation from inputs none of which was fitted; a real test.
 * - `calibration`: the computation rests, through the model graph, on an input the study's
 *   assumptions register declares fitted to a printed figure; the match shows the fit, not the model.
 * - `arithmetic`: computed from printed figures and kengetallen alone (the report's own arithmetic).
 * - `input`: the computed value is (an input equal to) the printed figure itself; shown for
 *   completeness, never counted as a match.
 */
export const BASES = ["independent", "calibration", "arithmetic", "input"] as const;
export type Basis = (typeof BASES)[number];

/** Verdicts a cause can give to a figure that does not reproduce. */
export const CAUSE_VERDICTS = ["report-inconsistent", "model-gap"] as const;

export const causeSchema = z
  .object({
    id,
    /** `report-inconsistent`: the report contradicts itself (see `shownBy`); `model-gap`: we cannot reproduce it. */
    verdict: z.enum(CAUSE_VERDICTS).describe("`report-inconsistent`: the report contradicts itself (see `shownBy`); `model-gap`: we cannot reproduce it."),
    /** The cause in Dutch, for the reader. */
    beschrijving: z.string().min(20).describe("The cause in Dutch, for the reader."),
    /** The English original of the explanation, if any (for maintainers). */
    explanation: z.string().min(1).optional().describe("The English original of the explanation, if any (for maintainers)."),
    /** Whether the explanation rests on an assumption rather than on arithmetic alone. */
    restsOnAssumption: z.boolean().describe("Whether the explanation rests on an assumption rather than on arithmetic alone."),
    /** For `restsOnAssumption`: the assumption, in Dutch. */
    aanname: z.string().min(1).optional().describe("For `restsOnAssumption`: the assumption, in Dutch."),
    /**
     * For `report-inconsistent`: checks that compute the report's own arithmetic from its own figures
     * (`computedFrom: report`) and do not close. Required there, so "the report contradicts itself"
     * is shown, not asserted.
     */
    shownBy: z.array(id).optional()
  })
  .strict()
  .refine((c) => c.verdict !== "report-inconsistent" || (c.shownBy?.length ?? 0) > 0, {
    error: "a report-inconsistent cause needs shownBy: the check(s) computing the report's own arithmetic",
    path: ["shownBy"]
  })
  .refine((c) => !c.restsOnAssumption || c.aanname !== undefined, {error: "restsOnAssumption needs aanname: the assumption, in Dutch", path: ["aanname"]});

/** What a reference measures in a model's summary (of a scope, or of one actor with `actor`). */
export const MEASURES = ["saldo", "costs", "benefits", "ratio", "financialRatio", "financialSaldo", "participants", "costPerParticipant", "benefitPerParticipant", "qalys", "payback", "irr"] as const;
export type Measure = (typeof MEASURES)[number];

const referenceShape = {
  model: z.string().min(1).optional().describe("Model file, relative to the study folder (default: the printed file's `model`)."),
  scope: z.string().min(1).optional().describe("Intervention id, or \"total\" (default) for the whole model file."),
  scenario: z.string().min(1).nullable().optional().describe("Scenario id of the model file; default the figure's `scenario`; null for the base case."),
  overrides: z.record(z.string(), z.number()).optional().describe("Inputs set to these values (leaf names, kengetallen as k.<id>)."),
  measure: z.enum(MEASURES, {error: `expected a measure, one of ${MEASURES.join(", ")}`}).optional().describe("A summary result: saldo, costs, benefits, ratio, financialRatio, … (of `actor` when given)."),
  actor: z.string().min(1).optional().describe("With measure: that actor's saldo, costs, benefits, ratio or payback; with flow: the line of that actor."),
  perParticipant: z.boolean().optional().describe("Divide the measure by the number of participants (1 when the model has none)."),
  post: z.string().min(1).optional().describe("Present value (amount as shown) of a post in the overview."),
  flow: z.string().min(1).optional().describe("Present value of a flow's line (with actor: that actor's line)."),
  quantity: z.string().min(1).optional().describe("A model quantity by name; a series needs `year`."),
  year: z.number().int().min(1).optional().describe("For a series: the model year, 1 for the first."),
  extendYears: z.number().int().nonnegative().optional().describe("For payback: years the last year's net flow continues (default: the study page's payback rule)."),
  above: z.number().optional().describe("For payback: 1 when the payback is never or longer than this many years, else 0."),
  breakEven: z
    .object({
      input: z.string().min(1).describe("The input solved for (leaf name, or k.<id>)."),
      target: z.union([z.number(), z.string().min(1)]).optional().describe("The value the measure is brought to (default 0): a number or a formula over `where` names."),
      start: z.number().optional().describe("Where the search starts (default the input's value).")
    })
    .strict()
    .optional()
    .describe("The value of an input at which the measure (default the saldo, of `actor` if given) equals the target.")
};

export const referenceSchema = z
  .object(referenceShape)
  .strict()
  .refine((r) => [r.measure !== undefined || r.breakEven !== undefined, r.post, r.flow, r.quantity].filter(Boolean).length === 1, {error: "expected exactly one of measure (or breakEven), post, flow, quantity"});
export type Reference = z.infer<typeof referenceSchema>;

export const computedSchema = z
  .object({
    ...referenceShape,
    formula: z.string().min(1).optional().describe("Arithmetic over `where` names, other printed figure ids (their printed value) and k.<id> kengetallen."),
    where: z.record(z.string().regex(/^[a-zA-Z_][a-zA-Z0-9_]*$/), referenceSchema).optional().describe("Named references the formula uses; model, scope and scenario default to this block's.")
  })
  .strict()
  .refine((c) => (c.formula !== undefined ? c.measure === undefined && c.breakEven === undefined && c.post === undefined && c.flow === undefined && c.quantity === undefined : [c.measure !== undefined || c.breakEven !== undefined, c.post, c.flow, c.quantity].filter(Boolean).length === 1), {
    error: "expected a formula, or exactly one of measure (or breakEven), post, flow, quantity"
  })
  .refine((c) => c.where === undefined || c.formula !== undefined || c.breakEven !== undefined, {error: "where is for the names of a formula or a break-even target", path: ["where"]})
  .describe("How Rendement computes this figure.");
export type Computed = z.infer<typeof computedSchema>;

export const printedFigureSchema = z
  .object({
    id,
    /** What the figure is, in Dutch as a reader would name it. */
    quantity: z.string().min(1).describe("What the figure is, in Dutch as a reader would name it."),
    /** Where the report prints it: section, table or figure, and seed-text line. */
    source: z.string().min(1).describe("Where the report prints it: section, table or figure, and seed-text line."),
    /** The figure as printed (in plain numbers: 1,3 → 1.3; € 6.798.000 → 6798000). */
    printed: z.number().describe("The figure as printed (in plain numbers: 1,3 → 1.3; € 6.798.000 → 6798000)."),
    unit: z.string().min(1),
    basis: z.literal("input", {error: "expected basis: input (the computed value is an input equal to the printed figure) or no basis: the others are derived"}).optional().describe("Declare `input` when the computed value is an input equal to this printed figure; every other basis is derived."),
    /**
     * Position of the last printed digit of `printed` in its unit: 1 for 1,3; 0 for 2.440 printed to the
     * euro; −1 for amounts printed to € 10; −3 for € 6.798.000 printed to the thousand.
     */
    decimals: z.number().int().min(-9).max(6),
    /** How the report rounds: to the nearest (default) or down (truncation, shown by its own arithmetic). */
    rounding: z.enum(["half", "truncate"]).optional().describe("How the report rounds: to the nearest (default) or down (truncation, shown by its own arithmetic)."),
    /** For a "circa"/"ongeveer" figure: the stated rounding as a half-width, and why. */
    circa: z.object({halfWidth: z.number().positive(), why: z.string().min(1)}).strict().optional().describe("For a \"circa\"/\"ongeveer\" figure: the stated rounding as a half-width, and why."),
    /** A wider tolerance within which the figure is `close` (not `match`), with the gap in % shown. */
    tolerance: z.number().nonnegative().describe("A wider tolerance within which the figure is `close` (not `match`), with the gap in % shown."),
    /** Why this tolerance (e.g. "printed with one decimal: [1,25; 1,35) prints as 1,3"). */
    toleranceWhy: z.string().min(1).describe("Why this tolerance (e.g. \"printed with one decimal: [1,25; 1,35) prints as 1,3\")."),
    /** The same reason in Dutch, for the reader (required where a check is `close`; a test enforces it). */
    tolerantieWaarom: z.string().min(1).optional().describe("The same reason in Dutch, for the reader (required where a check is `close`; a test enforces it)."),
    /** Scenario id of the study's model file under which the figure is computed, if any. */
    scenario: z.string().optional().describe("Scenario id of the study's model file under which the figure is computed, if any."),
    computed: computedSchema,
    /** Id of an entry in the file's cause table, for a figure that does not reproduce. */
    cause: id.optional().describe("Id of an entry in the file's cause table, for a figure that does not reproduce."),
    /** A note for the reader in Dutch (e.g. what was fitted, for a calibration target). */
    toelichting: z.string().min(1).optional().describe("A note for the reader in Dutch (e.g. what was fitted, for a calibration target)."),
    /** Whether the computed figure rests on reconstructed inputs (see the study's assumptions register). */
    reconstructed: z.boolean().optional()
  })
  .strict()
  .refine((f) => Math.abs(f.printed * 10 ** f.decimals - Math.round(f.printed * 10 ** f.decimals)) < 1e-6, {
    error: "printed has more digits than `decimals` says are printed",
    path: ["decimals"]
  });

export const printedFileSchema = z
  .object({
    title: z.string().min(1).describe("What the figures are, in Dutch."),
    model: z.string().min(1).optional().describe("Default model file of the figures' computations, relative to the study folder."),
    causes: z.array(causeSchema).default([]),
    figures: z.array(printedFigureSchema).min(1)
  })
  .strict()
  .superRefine((file, ctx) => {
    const ids = new Set(file.figures.map((f) => f.id));
    const causes = new Set(file.causes.map((c) => c.id));
    file.figures.forEach((f, i) => {
      if (f.cause && !causes.has(f.cause)) ctx.addIssue({code: "custom", path: ["figures", i, "cause"], message: `expected the id of a cause in this file's causes, found "${f.cause}"`});
    });
    file.causes.forEach((c, i) => {
      c.shownBy?.forEach((s, j) => {
        if (!ids.has(s)) ctx.addIssue({code: "custom", path: ["causes", i, "shownBy", j], message: `expected the id of a printed figure, found "${s}"`});
      });
      if (!file.figures.some((f) => f.cause === c.id)) ctx.addIssue({code: "custom", path: ["causes", i, "id"], message: `cause "${c.id}" is not used by any figure`});
    });
  });

export type PrintedFigure = z.infer<typeof printedFigureSchema>;
export type PrintedFile = z.infer<typeof printedFileSchema>;
export type Cause = z.infer<typeof causeSchema>;

/** Half-width of the printed figure (or, when truncated, the width of one unit above it). */
export function printedPrecision(f: Pick<PrintedFigure, "decimals" | "rounding" | "circa">): number {
  if (f.circa) return f.circa.halfWidth;
  const unit = 10 ** -f.decimals;
  return f.rounding === "truncate" ? unit : unit / 2;
}
