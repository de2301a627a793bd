// The assumptions register of a study (YAML, data/studies/<study>/assumptions.yaml): every
// input the report does not print, with what was assumed, why, and on what basis. Kept apart from
// what the report states: a model parameter carries either a `source` (printed) or an `assumption`
// pointing here. Browser-safe (types and zod only).
import {z} from "zod";

/**
 * How the value was obtained:
 * - `reconstructed`: derived by reasoning from what the report does say (text, tables, figures' captions);
 * - `calibrated`: chosen so that a printed result comes out (name it in `calibrationTarget`; a
 *   reproduction check of that figure is then not independent);
 * - `stated-elsewhere`: taken from a source outside the report (guidance, law, another study).
 */
export const assumptionBases = ["reconstructed", "calibrated", "stated-elsewhere"] as const;
export type AssumptionBasis = (typeof assumptionBases)[number];

const kebab = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, {error: "expected a lower-case id with dashes (e.g. vh-uitstroomcurven)"});

export const assumptionSchema = z
  .object({
    id: kebab,
    /** What is assumed (Dutch, reader-facing). */
    what: z.string().min(1).describe("What is assumed (Dutch, reader-facing)."),
    /** Why an assumption is needed: what the report leaves out. */
    why: z.string().min(1).describe("Why an assumption is needed: what the report leaves out."),
    basis: z.enum(assumptionBases, {error: `expected basis one of ${assumptionBases.join(", ")}`}),
    /** The reasoning or arithmetic behind the value. */
    reasoning: z.string().min(1).describe("The reasoning or arithmetic behind the value."),
    /** Model inputs this assumption sets: leaf names (`x`, `vh.x`), settings (`discountRate`, `horizon`, `priceYear`) or `scenario:<id>`. */
    affects: z.array(z.string().min(1)).min(1, {error: "expected at least one affected model input"}).describe("Model inputs this assumption sets: leaf names (`x`, `vh.x`), settings (`discountRate`, `horizon`, `priceYear`) or `scenario:<id>`."),
    /** Where the reasoning comes from: seed section and lines, a guideline, a table. */
    source: z.string().min(1).describe("Where the reasoning comes from: seed section and lines, a guideline, a table."),
    /** The value(s) chosen, as text (e.g. "3 %", "[1, 0,93, 0,88]"). */
    value: z.string().min(1).optional().describe("The value(s) chosen, as text (e.g. \"3 %\", \"[1, 0,93, 0,88]\")."),
    /**
     * For `calibrated`: the printed figure(s) it was fitted to, by id in the study's printed.yaml, with a
     * short description. This is the one declaration of what was fitted: every reproduction check whose
     * computation rests on an input in `affects` gets basis calibration (lib/reproduce/basis.ts).
     */
    calibrationTarget: z
      .object({figures: z.array(z.string().regex(/^[a-z0-9_]+$/)).min(1), description: z.string().min(1)})
      .strict()
      .optional()
  })
  .strict()
  .superRefine((a, ctx) => {
    if (a.basis === "calibrated" && !a.calibrationTarget)
      ctx.addIssue({code: "custom", message: "a calibrated assumption needs `calibrationTarget` naming the printed figure(s) it was fitted to", path: ["calibrationTarget"]});
    if (a.basis !== "calibrated" && a.calibrationTarget)
      ctx.addIssue({code: "custom", message: "`calibrationTarget` is only for basis: calibrated", path: ["calibrationTarget"]});
  });

export const assumptionsFileSchema = z
  .object({
    study: z.string().min(1),
    seed: z.string().regex(/^\d{3}$/).optional(),
    title: z.string().min(1),
    description: z.string().optional(),
    assumptions: z.array(assumptionSchema).min(1)
  })
  .strict()
  .superRefine((f, ctx) => {
    const seen = new Map<string, number>();
    f.assumptions.forEach((a, i) => {
      if (seen.has(a.id)) ctx.addIssue({code: "custom", message: `duplicate id "${a.id}" (also assumptions[${seen.get(a.id)}])`, path: ["assumptions", i, "id"]});
      else seen.set(a.id, i);
    });
  });

export type Assumption = z.infer<typeof assumptionSchema>;
export type AssumptionsFile = z.infer<typeof assumptionsFileSchema>;
