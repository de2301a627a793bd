// Run every study's reproduction checks (Node only): data/studies/<study>/printed.yaml holds the
// printed figures, each with its computation as data (`computed:`), resolved by lib/reproduce/compute.ts
// with the one calculation library. File access goes through lib/io.
import {readAllPrinted, readPrinted} from "../io/printed-file.js";
import {readStudy} from "../io/study-description.js";
import {defaultRegistry} from "../io/study.js";
import {judge, type Check} from "./checks.js";
import {StudyComputer, fromPrintedOnly} from "./compute.js";

export {readPrinted};

export async function runChecks({study, roots}: {study?: string; roots?: string[]} = {}): Promise<Check[]> {
  const checks: Check[] = [];
  const registry = defaultRegistry();
  for (const {study: id, location, printed} of readAllPrinted(roots)) {
    if (study && id !== study) continue;
    const computer = new StudyComputer({dir: location.dir, printed, registry, study: readStudy(location)});
    const causes = new Map(printed.causes.map((c) => [c.id, c]));
    for (const figure of printed.figures) {
      const cause = figure.cause ? causes.get(figure.cause) : undefined;
      const computedFrom = fromPrintedOnly(figure.computed) ? "report" : "model";
      let result: {value: number | null; note?: string};
      try {
        result = computer.compute(figure);
      } catch (error) {
        checks.push(judge(id, figure, null, {cause, note: `Berekening mislukt: ${(error as Error).message}`, computedFrom}));
        continue;
      }
      checks.push(judge(id, figure, result.value, {cause, note: result.note, computedFrom}));
    }
  }
  return checks;
}
