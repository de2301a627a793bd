// Write the generated reproduction counts (lib/reproduce/markdown.ts) into README.md and
// docs/studies.md, between their markers. Run after changing a study's printed figures:
//   npx tsx scripts/reproduce-tables.ts
import {readFileSync, writeFileSync} from "node:fs";
import {runChecks} from "../lib/reproduce/run.js";
import {summarizeChecks} from "../lib/reproduce/checks.js";
import {countsMarkdown, replaceBlock} from "../lib/reproduce/markdown.js";

export const TABLE_FILES = ["README.md", "docs/studies.md"];

const block = countsMarkdown(summarizeChecks(await runChecks()));
for (const file of TABLE_FILES) {
  const next = replaceBlock(readFileSync(file, "utf8"), block);
  if (next === null) {
    console.error(`${file}: expected the markers of the generated reproduction counts (lib/reproduce/markdown.ts)`);
    process.exit(2);
  }
  writeFileSync(file, next);
  console.log(`${file}: reproduction counts written`);
}
