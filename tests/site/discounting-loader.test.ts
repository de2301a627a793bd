// The home page's data loader, run as Framework runs it (tsx, cwd = project root).
import {spawnSync} from "node:child_process";
import {readFileSync, writeFileSync} from "node:fs";
import {join, resolve} from "node:path";
import {describe, expect, test} from "vitest";
import {tempDir} from "../temp-dir.js";

const LOADER = "src/data/discounting-example.json.ts";
const TSX = resolve("node_modules/.bin/tsx");

function runLoader(file?: string) {
  const result = spawnSync(TSX, [LOADER, ...(file ? [file] : [])], {encoding: "utf8"});
  return {status: result.status, stdout: result.stdout, stderr: result.stderr};
}

function withYaml(text: string): string {
  const file = join(tempDir("rendement-"), "example.yaml");
  writeFileSync(file, text);
  return file;
}

const good = readFileSync("data/examples/discounting.yaml", "utf8");

describe("src/data/discounting-example.json.ts", () => {
  test("the loader's present value equals the annuity formula: −6.000 + 1.500 × (1 − 1,0225^−5) / 0,0225 = 1.019,18", () => {
    const {status, stdout, stderr} = runLoader();
    expect(stderr).toBe("");
    expect(status).toBe(0);
    const out = JSON.parse(stdout);
    // data/examples/discounting.yaml: year 0 −6000, years 1–5 +1500, rate 2.25 %; year 0 not discounted.
    expect(out.presentValue).toBeCloseTo(-6000 + (1500 * (1 - 1.0225 ** -5)) / 0.0225, 9);
    expect(out.presentValue).toBeCloseTo(1019.18, 2);
    expect(out.nominalTotal).toBe(1500);
    expect(out.flows[0].discounted).toBe(-6000);
  });

  test("the loader rejects a non-numeric amount with file, line and field, and exits 1", () => {
    const file = withYaml(good.replace("{year: 3, amount: 1500,", '{year: 3, amount: "veel",'));
    const {status, stderr, stdout} = runLoader(file);
    expect(status).toBe(1);
    expect(stdout).toBe("");
    const line = good.split("\n").findIndex((l) => l.includes("{year: 3,")) + 1;
    expect(stderr).toContain(`${file}:${line}: flows[3].amount: expected an amount in euro`);
    expect(stderr).toContain('found "veel"');
  });

  test("the loader rejects a gap in the years (years run 0, 1, 2, … without gaps)", () => {
    const file = withYaml(good.replace("{year: 3,", "{year: 4,"));
    const {status, stderr} = runLoader(file);
    expect(status).toBe(1);
    expect(stderr).toMatch(/flows\[3\]\.year: expected year 3 .*found 4/);
  });

  test("the loader rejects a missing source", () => {
    const file = withYaml(good.replace(/^source: .*$/m, ""));
    const {status, stderr} = runLoader(file);
    expect(status).toBe(1);
    expect(stderr).toMatch(/:\d+: source: /);
  });

  test("the loader reports a YAML syntax error with its line", () => {
    const file = withYaml(good + "flows: [\n");
    const {status, stderr} = runLoader(file);
    expect(status).toBe(1);
    expect(stderr).toMatch(/example\.yaml:\d+: YAML syntax: /);
  });
});
