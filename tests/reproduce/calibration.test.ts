// The basis of a check is derived (lib/reproduce/basis.ts, lib/reproduce/run.ts) from one
// declaration of what was fitted: the study's assumptions register (basis calibrated, `affects`,
// `calibrationTarget`, with its reason). These tests hold the derivation to account:
// - every input a model file's text calls fitted (gekalibreerd, gefit, …) is declared in the register;
// - every declared input is an input of the study's model files (or a scenario of them);
// - every figure the register names as a calibration target is a check with basis calibration;
// - nudging each fitted input by 5 % moves no check that still says independent (the graph misses
//   no dependency), and every check that says calibration moves or runs under a fitted scenario.
import {join} from "node:path";
import {beforeAll, describe, expect, it} from "vitest";
import {readAllPrinted} from "../../lib/io/printed-file.js";
import {readStudy} from "../../lib/io/study-description.js";
import {defaultRegistry} from "../../lib/io/study.js";
import {modelFiles, StudyComputer} from "../../lib/reproduce/compute.js";
import {moved, NUDGE, runChecks, studyFitted} from "../../lib/reproduce/run.js";
import type {Check} from "../../lib/reproduce/checks.js";
import type {Overrides} from "../../lib/model/evaluate.js";

const FITTED = /gekalibreerd|kalibr|gefit|\bfitted\b|calibrat/i;

const studies = readAllPrinted().map(({study, location, printed}) => {
  const computer = new StudyComputer({dir: location.dir, printed, registry: defaultRegistry(), study: readStudy(location)});
  const files = modelFiles(printed);
  const textFitted = new Set<string>();
  const inputs = new Set<string>();
  for (const f of files) {
    const m = computer.model(f);
    for (const l of m.leaves) {
      inputs.add(l.name);
      if (l.leaf?.assumption && FITTED.test(l.leaf.assumption)) textFitted.add(l.name);
    }
    for (const s of m.file.scenarios) inputs.add(`scenario:${s.id}`);
  }
  return {study, location, printed, computer, files, textFitted, inputs, fitted: studyFitted(location)};
});

describe("what was fitted is declared once, in the assumptions register", () => {
  it("finds fitted inputs to check (the test can fail)", () => {
    expect(studies.flatMap((s) => s.fitted.map((f) => f.input))).toEqual(expect.arrayContaining(["vertragingMaanden", "wekenPerJaar", "qalyPerWerkjaar", "belastingTarief", "nab.lksBaatJaren"]));
  });
  for (const s of studies) {
    it(`${s.study}: every input the model text calls fitted is declared in the register`, () => {
      const declared = new Set(s.fitted.map((f) => f.input));
      expect([...s.textFitted].filter((x) => !declared.has(x))).toEqual([]);
    });
    it(`${s.study}: every declared input is an input or scenario of the study's model files`, () => {
      expect(s.fitted.map((f) => f.input).filter((x) => !s.inputs.has(x))).toEqual([]);
    });
  }
});

describe("derived basis", () => {
  let checks: Check[] = [];
  beforeAll(async () => {
    checks = await runChecks();
  }, 300_000);

  it("every figure the register names as a calibration target is a calibration check resting on one of the entry's inputs", () => {
    const byKey = new Map(checks.map((c) => [`${c.study}/${c.id}`, c]));
    for (const s of studies) {
      for (const f of s.fitted) {
        for (const id of f.figures) {
          const c = byKey.get(`${s.study}/${id}`);
          expect(c, `${f.assumption} → ${id}`).toBeDefined();
          if (c!.basis === "input" || c!.basis === "arithmetic") continue;
          expect(c!.basis, `${f.assumption} → ${id}`).toBe("calibration");
        }
      }
    }
  });

  it("nudging each fitted input by 5 % moves no check that says independent", () => {
    const byKey = new Map(checks.map((c) => [`${c.study}/${c.id}`, c]));
    let movedCount = 0;
    for (const s of studies) {
      const base = new Map(s.printed.figures.map((f) => [f.id, s.computer.compute(f).value]));
      for (const input of new Set(s.fitted.map((f) => f.input).filter((x) => !x.startsWith("scenario:")))) {
        const nudges = new Map<string, Overrides>();
        for (const file of s.files) {
          const o = s.computer.nudged(file, input, NUDGE);
          if (o) nudges.set(file, o);
        }
        const nudged = s.computer.withNudges(nudges);
        for (const f of s.printed.figures) {
          let v: number | null;
          try {
            v = nudged.compute(f).value;
          } catch {
            v = null;
          }
          if (!moved(base.get(f.id)!, v)) continue;
          movedCount += 1;
          expect(byKey.get(`${s.study}/${f.id}`)!.basis, `${s.study}/${f.id} moves when ${input} is nudged`).not.toBe("independent");
        }
      }
    }
    expect(movedCount).toBeGreaterThan(0);
  }, 600_000);

  it("arithmetic checks rest on printed figures and kengetallen alone (the report's arithmetic, or model inputs that each copy a printed figure); calibration checks name what they rest on", () => {
    const byStudy = new Map(studies.map((s) => [s.study, s]));
    let copies = 0;
    for (const c of checks.filter((x) => x.basis === "arithmetic")) {
      if (c.computedFrom === "report") continue;
      const s = byStudy.get(c.study)!;
      const deps = s.computer.compute(s.printed.figures.find((f) => f.id === c.id)!).deps;
      expect(deps.copiesOnly, `${c.study}/${c.id}: a model computation with basis arithmetic rests only on inputs that copy printed figures`).toBe(true);
      copies += 1;
    }
    expect(copies, "model computations from copied printed lines exist (the branch above can fail)").toBeGreaterThan(0);
    for (const c of checks.filter((x) => x.basis === "calibration")) expect(c.calibratedInputs.length, c.id).toBeGreaterThan(0);
  });
});
