// The JSON Schema files (schemas/*.schema.json) equal what the zod schemas generate
// (lib/schema/json-schemas.ts; regenerate with `npx tsx scripts/json-schemas.ts`), carry the field
// descriptions, and every shipped study, model, printed-figures, kengetallen and assumptions file
// names its schema in a first `# yaml-language-server: $schema=…` line that resolves.
import {existsSync, readFileSync} from "node:fs";
import {dirname, join} from "node:path";
import {globSync} from "glob";
import {describe, expect, it} from "vitest";
import {JSON_SCHEMAS, jsonSchemaText} from "../../lib/schema/json-schemas.js";

describe("JSON Schema files", () => {
  it.each(Object.keys(JSON_SCHEMAS))("schemas/%s.schema.json equals the generator", (name) => {
    expect(readFileSync(`schemas/${name}.schema.json`, "utf8")).toBe(jsonSchemaText(name));
  });
  it("field descriptions reach the JSON Schema (printed.yaml's computed: measure)", () => {
    const printed = JSON.parse(jsonSchemaText("printed"));
    const computed = printed.properties.figures.items.properties.computed;
    expect(computed.description).toMatch(/How Rendement computes this figure/);
    expect(JSON.stringify(computed)).toMatch(/A summary result: saldo, costs, benefits/);
  });
  it("every shipped YAML of a study folder and the shared registry starts with the schema line of its kind", () => {
    const files = [...globSync("data/studies/**/*.yaml"), ...globSync("data/kengetallen/*.yaml")].filter((f) => !f.includes("/monitoring/")).sort();
    expect(files.length).toBeGreaterThan(20);
    for (const f of files) {
      const first = readFileSync(f, "utf8").split("\n")[0];
      const m = /^# yaml-language-server: \$schema=(\S+)$/.exec(first);
      expect(m, f).not.toBeNull();
      expect(existsSync(join(dirname(f), m![1])), `${f}: ${m![1]}`).toBe(true);
    }
  });
});
