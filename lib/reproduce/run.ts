// Run every study's reproduction checks (Node only): data/studies/<study>/printed.yaml holds the
// printed figures, each with its computation as data (`computed:`), resolved by lib/reproduce/compute.ts
// with the one calculation library; the basis of each check is derived (lib/reproduce/basis.ts) from
// the model graph and the study's assumptions register. File access goes through lib/io.
import {readAllPrinted, readPrinted} from "../io/printed-file.js";
import {allStudyKengetallenFiles, assumptionsPath, readStudy, type StudyLocation} from "../io/study-description.js";
import {loadKengetallen} from "../io/kengetallen.js";
import {readAssumptions} from "../io/assumptions.js";
import {defaultRegistry} from "../io/study.js";
import {judge, type Check} from "./checks.js";
import {StudyComputer, fromPrintedOnly, type Dependencies} from "./compute.js";
import {fittedInputs, type FittedInput} from "./basis.js";
import type {Basis, PrintedFigure} from "../schema/printed.js";
import type {Overrides} from "../model/evaluate.js";

export {readPrinted};

/** How much a fitted input is nudged to see whether a check rests on it. */
export const NUDGE = 1.05;

/** Whether two computed values differ (beyond rounding noise). */
export function moved(a: number | null, b: number | null): boolean {
  if (a === null || b === null) return a !== b;
  return Math.abs(a - b) > 1e-9 * Math.max(1, Math.abs(a));
}

/**
 * The derived basis of one check and the fitted inputs it rests on: `rests` says whether the check's
 * value moves when a fitted input it reaches through the model graph is nudged.
 */
export function deriveBasis(figure: PrintedFigure, deps: Dependencies, fitted: FittedInput[], rests: (file: string, input: string) => boolean): {basis: Basis; calibratedInputs: string[]} {
  if (figure.basis === "input") return {basis: "input", calibratedInputs: []};
  if (fromPrintedOnly(figure.computed)) return {basis: "arithmetic", calibratedInputs: []};
  // A model computation over inputs that copy printed figures re-adds the report's own lines.
  if (deps.copiesOnly && deps.copies && !deps.scenarios.size) return {basis: "arithmetic", calibratedInputs: []};
  const scenarios = new Set([...deps.scenarios].map((d) => `scenario:${d.split("|")[1]}`));
  const used = new Set<string>();
  for (const f of fitted) {
    if (f.input.startsWith("scenario:")) {
      if (scenarios.has(f.input)) used.add(f.input);
      continue;
    }
    for (const d of deps.leaves) {
      const [file, leaf] = d.split("|");
      if (leaf === f.input && rests(file, leaf)) used.add(f.input);
    }
  }
  return used.size ? {basis: "calibration", calibratedInputs: [...used].sort()} : {basis: "independent", calibratedInputs: []};
}

/** The fitted inputs a study's register declares (none without a register). */
export function studyFitted(location: StudyLocation): FittedInput[] {
  const register = assumptionsPath(location);
  return fittedInputs(register ? readAssumptions(register) : null);
}

export async function runChecks({study, roots, nudges}: {study?: string; roots?: string[]; nudges?: Map<string, Overrides>} = {}): Promise<Check[]> {
  const checks: Check[] = [];
  // Studies under other roots (a draft outside data/studies) bring their own kengetallen.
  const registry = roots ? loadKengetallen(undefined, {files: [...new Set([...allStudyKengetallenFiles(), ...allStudyKengetallenFiles(roots)])]}) : defaultRegistry();
  for (const {study: id, location, printed} of readAllPrinted(roots)) {
    if (study && id !== study) continue;
    const computer = new StudyComputer({dir: location.dir, printed, registry, study: readStudy(location)}, {nudges});
    const fitted = studyFitted(location);
    const causes = new Map(printed.causes.map((c) => [c.id, c]));
    // Nudged computers, one per fitted input and model file, made when a check reaches that input.
    const nudgedComputers = new Map<string, StudyComputer>();
    const restsOn = (figure: PrintedFigure, base: number | null) => (file: string, input: string) => {
      const key = `${file}|${input}`;
      if (!nudgedComputers.has(key)) {
        const o = computer.nudged(file, input, NUDGE);
        nudgedComputers.set(key, computer.withNudges(new Map(o ? [[file, o]] : [])));
      }
      let other: number | null;
      try {
        other = nudgedComputers.get(key)!.compute(figure).value;
      } catch {
        return true;
      }
      return moved(base, other);
    };
    for (const figure of printed.figures) {
      const cause = figure.cause ? causes.get(figure.cause) : undefined;
      const computedFrom = fromPrintedOnly(figure.computed) ? "report" : "model";
      let result: ReturnType<StudyComputer["compute"]>;
      try {
        result = computer.compute(figure);
      } catch (error) {
        checks.push(judge(id, figure, null, {cause, note: `Berekening mislukt: ${(error as Error).message}`, computedFrom}));
        continue;
      }
      const {basis, calibratedInputs} = deriveBasis(figure, result.deps, fitted, restsOn(figure, result.value));
      checks.push(judge(id, figure, result.value, {cause, note: result.note, computedFrom, basis, calibratedInputs, printedInputsOnly: computedFrom === "report" || result.deps.printedOnly}));
    }
  }
  return checks;
}
