// Issue 17 case 13: messages that named the wrong thing. Each says what the file holds and what was
// expected, in the project's words.
import {describe, expect, it} from "vitest";
import {compileModelText, InputError} from "../../lib/io/model-file.js";
import {noKengetallen} from "../model/helpers.js";
import {runCli} from "../cli/run.js";
import {tempFiles} from "../temp-files.js";

const base = `id: m
title: M
priceYear: 2020
horizon: 2
posts:
  - {id: baten, label: Baten, side: benefit}
interventions:
  - id: iv
    label: IV
    parameters:
      - {id: loon, label: Loon, value: 22500, unit: "€/jaar", assumption: test}
    flows:
      - {id: b, label: B, post: baten, actor: gemeente, effect: benefit, amount: "yearly(loon)"}
`;
const refusal = (text: string): string => {
  try {
    compileModelText(text, "m.yaml", noKengetallen);
  } catch (e) {
    if (e instanceof InputError) return e.message;
    throw e;
  }
  throw new Error("expected the model to be refused");
};

describe("issue 17 case 13: messages", () => {
  it("base loads", () => {
    expect(compileModelText(base, "m.yaml", noKengetallen).warnings).toEqual([]);
  });
  it(".nan, .inf and 1e400 are 'not a finite number', not 'found null'", () => {
    for (const v of [".nan", ".inf", "-.inf", "1e400"]) {
      expect(refusal(base.replace("value: 22500", `value: ${v}`))).toBe(`m.yaml:11: interventions[0].parameters[0].value (loon): expected a number or a list of numbers (one per year), found ${v}, which is not a finite number`);
    }
  });
  it("a member call a.b() says member calls are not allowed, not 'unknown function \"?\"'", () => {
    expect(refusal(base.replace('"yearly(loon)"', '"yearly(Math.max(loon))"'))).toMatch(/^m\.yaml:13: interventions\[0\]\.flows\[0\]\.amount: formula "yearly\(Math\.max\(loon\)\)": "Math\.max\(…\)" is a member call; member calls such as a\.b\(\) are not allowed, only the functions min, max/);
  });
  it("a second YAML document: one document per file expected (not the library's 'please use parseAllDocuments')", () => {
    const message = refusal(base + "---\nid: n\n");
    expect(message).toBe('m.yaml:14: expected one YAML document per file, found a second one (a line "---" starts another document)');
    expect(message).not.toMatch(/parseAllDocuments/);
  });
  it("a merge key is named as such, not reported as missing fields", () => {
    const text = base.replace("      - {id: loon, label: Loon, value: 22500, unit: \"€/jaar\", assumption: test}", "      - &loon {id: loon, label: Loon, value: 22500, unit: \"€/jaar\", assumption: test}\n      - {<<: *loon, id: loon2}");
    expect(refusal(text)).toBe("m.yaml:12: merge keys (<<: *anchor) are not supported; write the fields out");
  });
  it("net-effect refuses a Parquet file (by extension or magic bytes) instead of reading it as CSV", {timeout: 60_000}, async () => {
    const file = tempFiles();
    for (const name of ["cohort.parquet", "renamed.csv"]) {
      const path = file(name, "PAR1\u0000\u0000\u0000\u0000junkPAR1");
      const r = await runCli(["net-effect", path, "--reference", "iwi-2007-bijstand-inflow-work"]);
      expect(r.code).toBe(2);
      expect(r.err).toBe(`rendement net-effect: ${path}: a Parquet file; net-effect reads a CSV cohort file (export it to CSV, or use rendement curves, which reads Parquet)`);
    }
  });
});
