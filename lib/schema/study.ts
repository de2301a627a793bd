// The study description (data/studies/<study>/study.yaml): what the report asked, what Rendement
// computes, where the two differ, and which pages the site builds for the study. The site's page
// templates (src/studies/[study]/…) read only this file and the model files it names; nothing in
// src/ or lib/ names a study. Narrative fields are Dutch and may hold Markdown. Browser-safe.
import {z} from "zod";
import {studyActorSchema} from "./study-actor.js";

const id = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, {error: "expected a lower-case id with dashes (e.g. fs01-groepstraining)"});
const text = z.string().min(1);

/** Page ids the templates use themselves; an item may not take them. */
export const reservedPageIds = ["index", "onzekerheid", "cockpit", "aannames", "study", "rapport"] as const;
const pageId = id.refine((s) => !(reservedPageIds as readonly string[]).includes(s), {error: `expected an id other than ${reservedPageIds.join(", ")} (used by the templates)`});

/** Which quantities of an intervention the cohort and outflow charts draw (picked from the model). */
export const viewSchema = z
  .object({
    cohort: z.object({stacked: z.boolean().default(false), states: z.array(z.string().min(1))}).strict().optional(),
    outflow: z
      .object({
        mode: z.enum(["curves", "net"]),
        unit: z.enum(["personen", "fraction"]).default("personen"),
        panels: z.array(z.object({id, title: text, with: z.string().min(1), without: z.string().min(1).optional()}).strict()).min(1)
      })
      .strict()
      .optional()
  })
  .strict();

/** The result a printed figure of the study's printed.yaml is set beside. */
export const computedResults = ["costs", "benefits", "saldo", "ratio", "financialRatio", "costPerParticipant", "benefitPerParticipant", "saldoPerParticipant", "paybackYears"] as const;
const printedLink = z.object({figure: z.string().min(1), computed: z.enum(computedResults), label: text.optional()}).strict();

/** A titled narrative section of an item page (e.g. the steps of a factsheet). */
const section = z.object({title: text.describe("Section heading (Dutch)."), text: text.describe("Section text (Dutch Markdown).")}).strict();

/** One intervention (or factsheet) page: one intervention of one model file. */
export const itemSchema = z
  .object({
    id: pageId,
    title: text,
    /** Model file, relative to the study directory. */
    model: text.describe("Model file, relative to the study directory."),
    /** Intervention id in that model file. */
    intervention: z.string().min(1).describe("Intervention id in that model file."),
    /** Kind of approach and target group, for the comparison page. */
    approach: text.describe("Kind of approach and target group, for the comparison page."),
    targetGroup: text,
    narrative: text,
    /** The nulalternatief this page compares with. */
    nulalternatief: text.optional().describe("The nulalternatief this page compares with."),
    cohort: text.optional(),
    views: viewSchema.optional(),
    sectionsTitle: text.optional().describe("Heading above the sections (default: Toelichting)."),
    sections: z.array(section).optional().describe("Titled narrative sections, in order (e.g. the eight steps of a factsheet)."),
    printed: z.array(printedLink).default([]),
    /** The model's amounts are per participant already (no participant count in the model). */
    amountsPerParticipant: z.boolean().default(false).describe("The model's amounts are per participant already (no participant count in the model)."),
    /** Result per actor against each comparison: the base case and named scenarios of the model. */
    comparisons: z
      .array(
        z
          .object({
            label: text,
            scenario: z.string().min(1).optional(),
            /** Printed figures per actor under this comparison (the page shows their verdicts beside the figure). */
            printed: z.array(z.object({figure: z.string().min(1), actor: z.string().min(1), computed: z.enum(["paybackYears", "saldo"])}).strict()).default([])
          })
          .strict()
      )
      .optional()
      .describe("Result per actor against each comparison: the base case and named scenarios of the model."),
    /** Payback per actor: the last year's net flow continues for `extendYears`; `rule` states it. */
    payback: z.object({extendYears: z.number().int().nonnegative(), rule: text}).strict().optional().describe("Payback per actor: the last year's net flow continues for `extendYears`; `rule` states it."),
    source: text
  })
  .strict();

const toolInput = z
  .object({
    name: z.string().min(1),
    min: z.number().optional(),
    max: z.number().optional(),
    step: z.number().positive().optional(),
    /** `log`: the slider moves on a log scale (a range from a group of 20 to the country; needs min > 0). */
    scale: z.enum(["linear", "log"]).optional().describe("`log`: the slider moves on a log scale (for a range like 20 to 1.000.000 persons; needs min > 0).")
  })
  .strict();

/** A calculator page: controls on chosen inputs, live outputs, and one question solved on an input. */
export const toolSchema = z
  .object({
    id: pageId,
    title: text,
    model: text,
    narrative: text,
    /** Inputs shown as controls (leaf names; kengetallen as k.<id>); a range overrides the model's. */
    inputs: z.array(toolInput).describe("Inputs shown as controls (leaf names; kengetallen as k.<id>); a range overrides the model's."),
    /** Quantities shown live (names), each optionally beside a printed figure. */
    outputs: z.array(z.object({quantity: z.string().min(1), figure: z.string().min(1).optional()}).strict()).min(1).describe("Quantities shown live (names), each optionally beside a printed figure."),
    /**
     * A question answered on one input: the value of `input` at which `quantity` equals a target
     * the reader sets (or, without `quantities`, at which the saldo of `actor` is zero).
     */
    solve: z
      .object({
        input: z.string().min(1),
        label: text,
        /** The sum of these quantities is brought to the target. */
        quantities: z.array(z.string().min(1)).min(1).optional().describe("The sum of these quantities is brought to the target."),
        figure: z.string().min(1).optional(),
        /** Where the search starts when the input is not among the controls (default its model value). */
        start: z.number().optional().describe("Where the search starts when the input is not among the controls (default its model value)."),
        target: z.object({label: text, value: z.number(), unit: text, min: z.number(), max: z.number(), step: z.number().positive()}).strict().optional(),
        actor: z.string().min(1).optional()
      })
      .strict()
      .optional(),
    source: text
  })
  .strict();

/** A report cited by title, publisher and year, with an address or DOI. */
export const citationSchema = z
  .object({
    title: text,
    publisher: text,
    year: z.number().int().min(1900).max(2100),
    url: z.string().url().optional(),
    doi: z.string().min(1).optional()
  })
  .strict();

export const studySchema = z
  .object({
    /** Equal to the directory name under data/studies/. */
    id,
    /** Number of one of the project's seed reports (three digits), if the study reproduces one. */
    seed: z.string().regex(/^\d{3}$/, {error: "expected the seed number as three digits, e.g. \"001\""}).optional().describe("Number of one of the project's seed reports (three digits), if the study reproduces one."),
    /** The report the study reproduces, when it is not one of the project's seeds. */
    citation: citationSchema.optional().describe("The report the study reproduces, when it is not one of the project's seeds."),
    actors: z.array(studyActorSchema).optional().describe("Actors besides the standard list (lib/schema/actors.ts): id, Dutch label, kind. Every model file of the study may use them in `actor` and `transfer`."),
    title: text,
    /** Short name for the sidebar. */
    shortTitle: text.describe("Short name for the sidebar."),
    report: text,
    question: text,
    computes: text,
    differences: text,
    /** Monitoring data kept in this study's folder (paths relative to it), read by the monitoring page. */
    monitoring: z
      .object({
        riskModel: text.optional(),
        referenceCurves: text.optional(),
        effectIndicator: text.optional()
      })
      .strict()
      .optional(),
    items: z.array(itemSchema).default([]),
    tools: z.array(toolSchema).default([]),
    /** A cockpit page: every input of this model as a control, with the report's printed column. */
    cockpit: z.object({model: text, title: text, narrative: text, figurePrefix: z.string().min(1)}).strict().optional().describe("A cockpit page: every input of this model as a control, with the report's printed column."),
    /**
     * Old site addresses that now live under this study: old path (e.g. "/studie/aanpak") → page of
     * the study ("vh", "rekenhulp/klanttypen", "index"). Each old path becomes a small page that
     * sends the reader on (src/[legacy]…md).
     */
    redirects: z.record(z.string().regex(/^(\/[a-z0-9-]+){1,2}$/, {error: "expected an old path with one or two parts, e.g. /studie/aanpak"}), z.string().min(1)).default({}),
    /** Model files the uncertainty page offers (default: every model an item uses). */
    uncertainty: z.array(text).optional()
  })
  .strict()
  .superRefine((s, ctx) => {
    if (s.seed === undefined && s.citation === undefined) ctx.addIssue({code: "custom", message: "expected seed (one of the project's reports) or citation (title, publisher, year)", path: ["citation"]});
    const seen = new Set<string>();
    [...s.items, ...s.tools].forEach((p) => {
      if (seen.has(p.id)) ctx.addIssue({code: "custom", message: `page id "${p.id}" is used twice`, path: ["items"]});
      seen.add(p.id);
    });
  });

export type StudyItem = z.infer<typeof itemSchema>;
export type StudyTool = z.infer<typeof toolSchema>;
export type StudyDescription = z.infer<typeof studySchema>;
