// Reference outflow curves as data: the YAML format of data/reference-curves/*.yaml and its parser.
// Errors as `file:line: field: expected ..., found ...`. Browser-safe (yaml + zod), but pages should
// receive parsed curves from a loader rather than load zod.
import {parseDocument, LineCounter} from "yaml";
import {yamlData} from "../yaml.js";
import {z} from "zod";
import type {ReferenceCurve} from "./net-effect.js";

const sourceSchema = z.object({
  title: z.string({error: "expected the title of the source"}).min(1),
  /** Where in the source (page, table, line of the seed text). */
  locator: z.string({error: "expected where in the source (page, table or line)"}).min(1),
  url: z.string().optional()
}, {error: "expected {title, locator} of the source"});

const referenceCurveSchema = z
  .object({
    id: z.string({error: "expected an id"}).regex(/^[a-z0-9][a-z0-9-]*$/, {error: "expected an id of lowercase letters, digits and dashes"}),
    label: z.string({error: "expected a label"}).min(1),
    outcome: z.enum(["work", "any-exit"], {error: "expected outcome work or any-exit"}),
    population: z.string({error: "expected a description of the population"}).min(1),
    segment: z
      .object({
        distanceToLabourMarket: z.enum(["short", "medium", "long", "very-long", "mixed"], {error: "expected short|medium|long|very-long|mixed"}),
        benefitDuration: z.string({error: "expected a benefit-duration class, e.g. new-inflow or 1-3y"}).min(1)
      }, {error: "expected {distanceToLabourMarket, benefitDuration}"})
      .strict(),
    points: z
      .array(
        z
          .object({
            month: z.number({error: "expected a month > 0"}).positive({error: "expected a month > 0"}),
            cumulative: z.number({error: "expected a share 0–1"}).min(0, {error: "expected a share 0–1"}).max(1, {error: "expected a share 0–1"})
          })
          .strict(),
        {error: "expected a list of {month, cumulative} points"}
      )
      .min(1, {error: "expected at least one point"}),
    interpolation: z.enum(["linear", "constant-hazard"], {error: "expected linear or constant-hazard"}),
    beyondLastPoint: z.enum(["flat", "constant-hazard"], {error: "expected flat or constant-hazard"}),
    source: sourceSchema,
    /** Why the interpolation/extrapolation was chosen where the source gives only anchor points. */
    assumption: z.string({error: "expected the assumption behind the curve's shape"}).min(1)
  })
  .strict()
  .superRefine((c, ctx) => {
    for (let i = 1; i < c.points.length; ++i) {
      if (c.points[i].month <= c.points[i - 1].month)
        ctx.addIssue({code: "custom", path: ["points", i, "month"], message: `expected months in increasing order, after ${c.points[i - 1].month}`});
      if (c.points[i].cumulative < c.points[i - 1].cumulative)
        ctx.addIssue({code: "custom", path: ["points", i, "cumulative"], message: `expected a non-decreasing cumulative outflow, after ${c.points[i - 1].cumulative}`});
    }
  });


const referenceFileSchema = z.object({curves: z.array(referenceCurveSchema, {error: "expected a list `curves`"})}).strict();

/** Parse a reference-curves YAML text; errors as `file:line: field: expected ..., found ...`. */
export function parseReferenceCurves(text: string, file: string): ReferenceCurve[] {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, {lineCounter});
  if (doc.errors.length) throw new Error(doc.errors.map((e) => `${file}:${e.linePos?.[0].line ?? 1}: yaml: ${e.message}`).join("\n"));
  const parsed = referenceFileSchema.safeParse(yamlData(doc, file, lineCounter));
  if (parsed.success) {
    const ids = new Set<string>();
    for (const c of parsed.data.curves) {
      if (ids.has(c.id)) throw new Error(`${file}: curves: expected unique ids, found "${c.id}" twice`);
      ids.add(c.id);
    }
    return parsed.data.curves satisfies ReferenceCurve[];
  }
  const problems = parsed.error.issues.map((issue) => {
    let node: unknown = doc.getIn(issue.path as (string | number)[], true);
    for (let k = issue.path.length; !(node && typeof node === "object" && "range" in node) && k > 0; --k) node = doc.getIn(issue.path.slice(0, k - 1) as (string | number)[], true);
    const range = (node as {range?: [number, number, number]} | undefined)?.range;
    const line = range ? lineCounter.linePos(range[0]).line : 1;
    const found = doc.getIn(issue.path as (string | number)[]);
    return `${file}:${line}: ${issue.path.join(".")}: ${issue.message}, found ${found === undefined ? "nothing" : JSON.stringify(found)}`;
  });
  throw new Error(problems.join("\n"));
}

