// The machine-readable link between fitted inputs and calibration checks, in both directions:
// - an input whose `assumption` text in a model file says it was fitted/calibrated (gekalibreerd,
//   gefit, fitted, calibrated) is named in `calibratedInputs` of a check with basis `calibration`;
// - a calibrated entry of an assumptions register (data/studies/<study>/assumptions.yaml) lists
//   checks in calibrationTarget.figures, and each of those is basis `calibration` naming one of the
//   entry's inputs;
// - every name in `calibratedInputs` is an input of the study's model files that the model text or
//   the register marks as fitted to that figure.
import {existsSync} from "node:fs";
import {describe, expect, it} from "vitest";
import {readAllPrinted} from "../../lib/io/printed-file.js";
import {modelFiles} from "../../lib/reproduce/compute.js";
import {join} from "node:path";
import {readAssumptions} from "../../lib/io/assumptions.js";
import {loadStudy} from "../../lib/io/study.js";

const FITTED = /gekalibreerd|kalibr|gefit|\bfitted\b|calibrat/i;

const studies = readAllPrinted().map(({study, location, printed}) => {
  const models = modelFiles(printed).map((m) => loadStudy(join(location.dir, m)));
  const fitted = new Set<string>();
  const leaves = new Set<string>();
  for (const m of models) {
    for (const l of m.leaves) {
      leaves.add(l.name);
      if (l.leaf?.assumption && FITTED.test(l.leaf.assumption)) fitted.add(l.name);
    }
    for (const s of m.file.scenarios) leaves.add(`scenario:${s.id}`);
  }
  const registerFile = join(location.dir, "assumptions.yaml");
  const register = existsSync(registerFile) ? readAssumptions(registerFile) : undefined;
  return {study, printed, fitted, leaves, register};
});

describe("calibration targets are marked, both ways", () => {
  it("finds fitted inputs to check (the test can fail)", () => {
    const all = studies.flatMap((s) => [...s.fitted]);
    expect(all).toEqual(expect.arrayContaining(["vertragingMaanden", "wekenPerJaar", "qalyPerWerkjaar", "belastingTarief"]));
  });
  for (const {study, printed, fitted, leaves, register} of studies) {
    it(`${study}: every input the model text calls fitted is named by a calibration check`, () => {
      const named = new Set(printed.figures.filter((f) => f.basis === "calibration").flatMap((f) => f.calibratedInputs!));
      expect([...fitted].filter((x) => !named.has(x))).toEqual([]);
    });
    it(`${study}: every figure the register says an input was fitted to is a calibration check naming that input`, () => {
      for (const a of register?.assumptions.filter((x) => x.basis === "calibrated") ?? []) {
        for (const id of a.calibrationTarget!.figures) {
          const f = printed.figures.find((x) => x.id === id);
          expect(f, `${a.id} → ${id}`).toBeDefined();
          expect(f!.basis, `${a.id} → ${id}`).toBe("calibration");
          expect(f!.calibratedInputs!.some((i) => a.affects.includes(i)), `${a.id} → ${id}: calibratedInputs ${f!.calibratedInputs} share none of ${a.affects}`).toBe(true);
        }
      }
    });
    it(`${study}: every calibratedInputs name is a model input marked as fitted to that figure`, () => {
      for (const f of printed.figures.filter((x) => x.basis === "calibration")) {
        for (const input of f.calibratedInputs!) {
          expect(leaves.has(input), `${f.id}: "${input}" is not an input of ${modelFiles(printed).join(", ")}`).toBe(true);
          const inRegister = register?.assumptions.some((a) => a.basis === "calibrated" && a.affects.includes(input) && a.calibrationTarget!.figures.includes(f.id)) ?? false;
          expect(fitted.has(input) || inRegister, `${f.id}: "${input}" is not marked as fitted (model assumption text or register)`).toBe(true);
        }
      }
    });
  }
});
