// Printed figures of a seed report, to be compared with what Rendement computes. One YAML file per
// study under data/printed/; the computation of each figure lives in lib/reproduce/studies/<study>.ts.
import {z} from "zod";

export const printedFigureSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9_]+$/, {error: "expected a lower-case id (a-z, 0-9, _)"}),
    /** What the figure is, in Dutch as a reader would name it. */
    quantity: z.string().min(1),
    /** Where the report prints it: section, table or figure, and seed-text line. */
    source: z.string().min(1),
    /** The figure as printed (in plain numbers: 1,3 → 1.3; € 6.798.000 → 6798000). */
    printed: z.number(),
    unit: z.string().min(1),
    /** Largest absolute difference that still counts as a match. */
    tolerance: z.number().nonnegative(),
    /** Why this tolerance (e.g. "printed with one decimal: [1,25; 1,35) prints as 1,3"). */
    toleranceWhy: z.string().min(1),
    /** Scenario id of the study's model file under which the figure is computed, if any. */
    scenario: z.string().optional(),
    /**
     * Set only when the figure is known not to be reproducible and the reason is understood
     * (e.g. the report's own arithmetic does not close): then a difference is `explained`, not `fail`.
     */
    explanation: z.string().min(1).optional(),
    /** Whether the computed figure rests on reconstructed inputs (see the study's assumptions register). */
    reconstructed: z.boolean().optional()
  })
  .strict();

export const printedFileSchema = z
  .object({
    study: z.string().min(1),
    seed: z.string().regex(/^\d{3}$/),
    title: z.string().min(1),
    figures: z.array(printedFigureSchema).min(1)
  })
  .strict();

export type PrintedFigure = z.infer<typeof printedFigureSchema>;
export type PrintedFile = z.infer<typeof printedFileSchema>;
