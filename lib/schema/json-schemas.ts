// JSON Schema files for the YAML an author writes (browser-safe: zod only), generated from the zod
// schemas with zod 4's z.toJSONSchema, so that an editor with the YAML language server validates and
// completes while the author types (each shipped YAML starts with `# yaml-language-server: $schema=…`).
// Field descriptions live in the zod schemas (.describe()). `npx tsx scripts/json-schemas.ts` writes
// schemas/*.schema.json; tests/studies/json-schemas.test.ts keeps them equal to this generator.
import {z} from "zod";
import {studySchema} from "./study.js";
import {printedFileSchema} from "./printed.js";
import {kengetallenFileSchema} from "./kengetal.js";
import {assumptionsFileSchema} from "./assumptions.js";
import {modelSchema} from "./model.js";

export const JSON_SCHEMAS: Record<string, {title: string; schema: z.ZodType}> = {
  study: {title: "Rendement study description (data/studies/<study>/study.yaml)", schema: studySchema},
  model: {title: "Rendement model file (data/studies/<study>/*.yaml)", schema: modelSchema},
  printed: {title: "Rendement printed figures and their computations (data/studies/<study>/printed.yaml)", schema: printedFileSchema},
  kengetallen: {title: "Rendement kengetallen file (data/kengetallen/*.yaml, data/studies/<study>/kengetallen.yaml)", schema: kengetallenFileSchema},
  assumptions: {title: "Rendement assumptions register (data/studies/<study>/assumptions.yaml)", schema: assumptionsFileSchema}
};

/** The JSON text of schema `name` (input side: what an author may write). */
export function jsonSchemaText(name: string): string {
  const {title, schema} = JSON_SCHEMAS[name];
  const json = z.toJSONSchema(schema, {io: "input", unrepresentable: "any", target: "draft-7"}) as Record<string, unknown>;
  return JSON.stringify({...json, title}, null, 2) + "\n";
}
