// The assumptions register format (lib/schema/assumptions.ts) and its reader: the shipped Zoetermeer
// register validates and cross-references the model; bad input names file, line and field.
import {readFileSync} from "node:fs";
import {describe, expect, it} from "vitest";
import {checkAssumptions, parseAssumptionsText, readAssumptions} from "../../lib/io/assumptions.js";
import {readPrinted} from "../../lib/reproduce/run.js";
import {model} from "./helpers.js";

const file = "data/studies/zoetermeer/assumptions.yaml";
const printedIds = readPrinted("data/studies/zoetermeer/printed.yaml").figures.map((f) => f.id);

const good = `study: x
seed: "000"
title: t
assumptions:
  - id: discontovoet
    what: w
    why: y
    basis: stated-elsewhere
    reasoning: r
    affects: [discountRate]
    source: s
`;

describe("assumptions register", () => {
  it("the Zoetermeer register validates and every affected input and calibration target exists", () => {
    const r = readAssumptions(file);
    expect(r.study).toBe("zoetermeer");
    expect(() => checkAssumptions(readFileSync(file, "utf8"), file, model, printedIds)).not.toThrow();
  }, 30_000);
  it("every calibrated entry names the printed figures it was fitted to; reconstructed ones do not", () => {
    const r = readAssumptions(file);
    const calibrated = r.assumptions.filter((a) => a.basis === "calibrated");
    expect(calibrated.length).toBeGreaterThanOrEqual(8);
    for (const a of calibrated) expect(a.calibrationTarget!.figures.length).toBeGreaterThan(0);
    for (const a of r.assumptions.filter((x) => x.basis !== "calibrated")) expect(a.calibrationTarget).toBeUndefined();
  });
  it("a minimal register parses", () => {
    expect(parseAssumptionsText(good, "x.yaml").assumptions[0].id).toBe("discontovoet");
  });
  it("an unknown basis is refused with file, line and field", () => {
    expect(() => parseAssumptionsText(good.replace("stated-elsewhere", "guessed"), "bad.yaml")).toThrow(/bad\.yaml:8: assumptions\[0\]\.basis \(discontovoet\): expected basis one of reconstructed, calibrated, stated-elsewhere, found "guessed"/);
  });
  it("a calibrated entry without calibrationTarget is refused", () => {
    expect(() => parseAssumptionsText(good.replace("stated-elsewhere", "calibrated"), "bad.yaml")).toThrow(/bad\.yaml:\d+: assumptions\[0\]\.calibrationTarget.*needs `calibrationTarget`/);
  });
  it("a duplicate id is refused", () => {
    const twice = good + good.split("assumptions:\n")[1];
    expect(() => parseAssumptionsText(twice, "bad.yaml")).toThrow(/duplicate id "discontovoet"/);
  });
  it("an affected input the model does not have is reported with its line", () => {
    const text = good.replace("[discountRate]", "[vh.bestaatNiet]");
    expect(() => checkAssumptions(text, "bad.yaml", model, printedIds)).toThrow(/bad\.yaml:10: assumptions\[0\]\.affects\[0\] \(discontovoet\): expected a model input .* found "vh\.bestaatNiet"/);
  });
});
