// Write schemas/<name>.schema.json from the zod schemas (lib/schema/json-schemas.ts).
//   npx tsx scripts/json-schemas.ts
import {mkdirSync, writeFileSync} from "node:fs";
import {JSON_SCHEMAS, jsonSchemaText} from "../lib/schema/json-schemas.js";

mkdirSync("schemas", {recursive: true});
for (const name of Object.keys(JSON_SCHEMAS)) {
  writeFileSync(`schemas/${name}.schema.json`, jsonSchemaText(name));
  console.log(`schemas/${name}.schema.json written`);
}
