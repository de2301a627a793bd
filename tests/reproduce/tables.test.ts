// The counts tables in README.md and docs/studies.md are generated (scripts/reproduce-tables.ts from
// lib/reproduce/markdown.ts), never typed: each file's block equals what the checks give now.
import {readFileSync} from "node:fs";
import {beforeAll, describe, expect, it} from "vitest";
import {runChecks} from "../../lib/reproduce/run.js";
import {summarizeChecks} from "../../lib/reproduce/checks.js";
import {countsMarkdown, currentBlock, replaceBlock, TABLE_END, TABLE_START} from "../../lib/reproduce/markdown.js";

describe("generated reproduction counts", () => {
  let block = "";
  beforeAll(async () => {
    block = countsMarkdown(summarizeChecks(await runChecks()));
  }, 180_000);
  it.each(["README.md", "docs/studies.md"])("%s carries the current generated table (run `npx tsx scripts/reproduce-tables.ts` after a change)", (file) => {
    expect(currentBlock(readFileSync(file, "utf8")), file).toBe(block);
  });
  it("replaceBlock swaps only the text between the markers", () => {
    const text = `a\n${TABLE_START}\nold\n${TABLE_END}\nb`;
    expect(replaceBlock(text, "new")).toBe(`a\n${TABLE_START}\nnew\n${TABLE_END}\nb`);
    expect(replaceBlock("no markers", "new")).toBeNull();
  });
});
