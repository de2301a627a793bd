// Data loader for the home page's worked example: reads data/examples/discounting.yaml, validates it,
// discounts the flows with lib/finance/discount.ts and writes JSON to stdout.
// Framework runs it with tsx and cwd = project root. A bad file ends the build with exit code 1 and a
// message `file:line: field: expected …, found …`.
// Usage outside the build: `npx tsx src/data/discounting-example.json.ts [other.yaml]`.
import {readFileSync} from "node:fs";
import {LineCounter, parseDocument, isNode} from "yaml";
import {z} from "zod";
import {discountFactors, presentValue} from "../../lib/finance/discount.js";
import {runLoader} from "../../lib/io/loader-run.js";

const Flow = z.strictObject({
  year: z.int().min(0, {error: "expected a year index ≥ 0 (0 = first year, not discounted)"}),
  amount: z.number({error: "expected an amount in euro (positive = benefit, negative = cost)"}),
  label: z.string().min(1)
});

const Example = z
  .strictObject({
    title: z.string().min(1),
    description: z.string().min(1),
    source: z.string().min(1, {error: "expected a source, or 'aanname: …' stating the assumption"}),
    unit: z.literal("€"),
    priceYear: z.int().min(1990).max(2100),
    discountRate: z.strictObject({
      value: z.number().gt(-1).lt(1, {error: "expected a fraction, e.g. 0.0225 for 2,25%"}),
      source: z.string().min(1)
    }),
    flows: z.array(Flow).min(1)
  })
  .superRefine((example, ctx) => {
    example.flows.forEach((flow, i) => {
      if (flow.year !== i) {
        ctx.addIssue({
          code: "custom",
          path: ["flows", i, "year"],
          message: `expected year ${i} (years run 0, 1, 2, … without gaps), found ${flow.year}`
        });
      }
    });
  });

export type DiscountingExample = z.infer<typeof Example>;

/** Invalid input: one line per problem, `file:line: field: …`. */
class InvalidExample extends Error {
  constructor(readonly lines: string[]) {
    super(lines.join("\n"));
  }
}

function fail(lines: string[]): never {
  throw new InvalidExample(lines);
}

export function load(args: string[]): string {
  const file = args[0] ?? "data/examples/discounting.yaml";
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    fail([`${file}: cannot read the file (${(error as Error).message})`]);
  }

  const lineCounter = new LineCounter();
  const doc = parseDocument(text, {lineCounter, prettyErrors: false});
  if (doc.errors.length) {
    fail(doc.errors.map((e) => `${file}:${lineCounter.linePos(e.pos[0]).line}: YAML syntax: ${e.message}`));
  }

  const parsed = Example.safeParse(doc.toJS());
  if (!parsed.success) {
    fail(
      parsed.error.issues.map((issue) => {
        // Line of the offending field, or of the nearest enclosing node that exists.
        let line = 1;
        for (let n = issue.path.length; n >= 0; --n) {
          const node = doc.getIn(issue.path.slice(0, n) as (string | number)[], true);
          if (isNode(node) && node.range) {
            line = lineCounter.linePos(node.range[0]).line;
            break;
          }
        }
        const field = issue.path.map((p, i) => (typeof p === "number" ? `[${p}]` : `${i ? "." : ""}${String(p)}`)).join("") || "(top level)";
        const value = doc.getIn(issue.path as (string | number)[]);
        const found = issue.path.length && value !== undefined ? `, found ${JSON.stringify(value)}` : "";
        return `${file}:${line}: ${field}: ${issue.message}${found}`;
      })
    );
  }

  const example = parsed.data;
  const amounts = example.flows.map((f) => f.amount);
  const factors = discountFactors(example.discountRate.value, amounts.length);

  return JSON.stringify({
    ...example,
    file,
    flows: example.flows.map((f, t) => ({...f, discounted: f.amount * factors[t]})),
    nominalTotal: amounts.reduce((a, b) => a + b, 0),
    presentValue: presentValue(amounts, example.discountRate.value)
  });
}

await runLoader(import.meta.url, load, (error) => {
  if (!(error instanceof InvalidExample)) throw error;
  process.stderr.write(`discounting-example: invalid input\n${error.message}\n`);
  process.exit(1);
});
