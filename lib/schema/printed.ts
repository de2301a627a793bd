// Printed figures of a seed report, to be compared with what Rendement computes. One YAML file per
// study under data/printed/; the computation of each figure lives in lib/reproduce/studies/<study>.ts,
// or, for the report's own arithmetic, in the figure's `fromPrinted` formula over other printed figures.
//
// Every figure has a basis (is the check a test at all?) and a printed precision (how wide is the
// printed figure?); a figure that cannot be reproduced names a cause from the file's cause table.
import {z} from "zod";

const id = z.string().regex(/^[a-z0-9_]+$/, {error: "expected a lower-case id (a-z, 0-9, _)"});

/**
 * - `independent`: computed from other inputs; a real test.
 * - `calibration`: an unprinted input was fitted to this very figure (named in `calibratedInputs`);
 *   reproducing it shows the fit, not the model.
 * - `input`: the computed value is (an input equal to) the printed figure itself; shown for
 *   completeness, never counted as a match.
 */
export const BASES = ["independent", "calibration", "input"] as const;
export type Basis = (typeof BASES)[number];

/** Verdicts a cause can give to a figure that does not reproduce. */
export const CAUSE_VERDICTS = ["report-inconsistent", "model-gap"] as const;

export const causeSchema = z
  .object({
    id,
    /** `report-inconsistent`: the report contradicts itself (see `shownBy`); `model-gap`: we cannot reproduce it. */
    verdict: z.enum(CAUSE_VERDICTS),
    /** The cause in Dutch, for the reader. */
    beschrijving: z.string().min(20),
    /** The English original of the explanation, if any (for maintainers). */
    explanation: z.string().min(1).optional(),
    /** Whether the explanation rests on an assumption rather than on arithmetic alone. */
    restsOnAssumption: z.boolean(),
    /** For `restsOnAssumption`: the assumption, in Dutch. */
    aanname: z.string().min(1).optional(),
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

export const printedFigureSchema = z
  .object({
    id,
    /** What the figure is, in Dutch as a reader would name it. */
    quantity: z.string().min(1),
    /** Where the report prints it: section, table or figure, and seed-text line. */
    source: z.string().min(1),
    /** The figure as printed (in plain numbers: 1,3 → 1.3; € 6.798.000 → 6798000). */
    printed: z.number(),
    unit: z.string().min(1),
    basis: z.enum(BASES),
    /** For `calibration`: the input(s) fitted to this figure, as leaf names of the study's model file(s). */
    calibratedInputs: z.array(z.string().min(1)).min(1).optional(),
    /**
     * Position of the last printed digit of `printed` in its unit: 1 for 1,3; 0 for 2.440 printed to the
     * euro; −1 for amounts printed to € 10; −3 for € 6.798.000 printed to the thousand.
     */
    decimals: z.number().int().min(-9).max(6),
    /** How the report rounds: to the nearest (default) or down (truncation, shown by its own arithmetic). */
    rounding: z.enum(["half", "truncate"]).optional(),
    /** For a "circa"/"ongeveer" figure: the stated rounding as a half-width, and why. */
    circa: z.object({halfWidth: z.number().positive(), why: z.string().min(1)}).strict().optional(),
    /** A wider tolerance within which the figure is `close` (not `match`), with the gap in % shown. */
    tolerance: z.number().nonnegative(),
    /** Why this tolerance (e.g. "printed with one decimal: [1,25; 1,35) prints as 1,3"). */
    toleranceWhy: z.string().min(1),
    /** The same reason in Dutch, for the reader (required where a check is `close`; a test enforces it). */
    tolerantieWaarom: z.string().min(1).optional(),
    /** Scenario id of the study's model file under which the figure is computed, if any. */
    scenario: z.string().optional(),
    /**
     * `report`: computed only from figures the report prints (its own arithmetic); `model` (default):
     * computed with the study's model, which may rest on reconstructed or fitted inputs.
     */
    computedFrom: z.enum(["report", "model"]).optional(),
    /** The report's own arithmetic as a formula over the ids of other printed figures of this file. */
    fromPrinted: z.string().min(1).optional(),
    /** Id of an entry in the file's cause table, for a figure that does not reproduce. */
    cause: id.optional(),
    /** A note for the reader in Dutch (e.g. what was fitted, for a calibration target). */
    toelichting: z.string().min(1).optional(),
    /** Whether the computed figure rests on reconstructed inputs (see the study's assumptions register). */
    reconstructed: z.boolean().optional()
  })
  .strict()
  .refine((f) => (f.basis === "calibration") === (f.calibratedInputs !== undefined), {
    error: "calibratedInputs is required for basis calibration and only there",
    path: ["calibratedInputs"]
  })
  .refine((f) => f.fromPrinted === undefined || f.computedFrom === "report", {error: "a fromPrinted figure is computed from the report: set computedFrom: report", path: ["computedFrom"]})
  .refine((f) => Math.abs(f.printed * 10 ** f.decimals - Math.round(f.printed * 10 ** f.decimals)) < 1e-6, {
    error: "printed has more digits than `decimals` says are printed",
    path: ["decimals"]
  });

export const printedFileSchema = z
  .object({
    study: z.string().min(1),
    seed: z.string().regex(/^\d{3}$/),
    title: z.string().min(1),
    /** Model files the checks of this study are computed with (for the calibration cross-check). */
    models: z.array(z.string().min(1)).min(1),
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
