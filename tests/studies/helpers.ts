// Test helpers over the shipped study folders: a study's model files and its printed figures'
// computations (lib/reproduce/compute.ts), so that a study's own tests read the data, not code.
import {globSync} from "glob";
import {join} from "node:path";
import {loadStudy} from "../../lib/io/study.js";
import {defaultRegistry} from "../../lib/io/study.js";
import {findStudy, readStudy, readStudyPrinted} from "../../lib/io/study-description.js";
import {StudyComputer} from "../../lib/reproduce/compute.js";
import {evaluate, valueOf} from "../../lib/model/evaluate.js";
import {summarize, type Summary} from "../../lib/finance/summary.js";
import {scenarioOverrides} from "../../lib/analysis/scenarios.js";
import type {CompiledModel} from "../../lib/model/compile.js";
import type {Computed, PrintedFigure} from "../../lib/schema/printed.js";

const models = new Map<string, CompiledModel>();
/** A model file (path from the repository root), loaded once. */
export function model(file: string): CompiledModel {
  if (!models.has(file)) models.set(file, loadStudy(file));
  return models.get(file)!;
}

/** The model files of a study folder matching `pattern` (sorted). */
export function studyFiles(study: string, pattern = "*.yaml"): string[] {
  return globSync(join("data/studies", study, pattern)).sort();
}

const computers = new Map<string, StudyComputer>();
function computer(study: string): StudyComputer {
  if (!computers.has(study)) {
    const location = findStudy(study);
    computers.set(study, new StudyComputer({dir: location.dir, printed: readStudyPrinted(location)!, registry: defaultRegistry(), study: readStudy(location)}));
  }
  return computers.get(study)!;
}

/** A printed figure of a study. */
export function figure(study: string, id: string): PrintedFigure {
  const f = readStudyPrinted(findStudy(study))!.figures.find((x) => x.id === id);
  if (!f) throw new Error(`no printed figure ${id} in ${study}`);
  return f;
}

/** The value Rendement computes for a printed figure (its `computed:`). */
export function computeFigure(study: string, id: string): number | null {
  return computer(study).compute(figure(study, id)).value;
}

/** The value of a computation written here, as it would stand in the study's printed.yaml. */
export function computeWith(study: string, computed: Computed, scenario?: string): number | null {
  const f = {id: "test_figure", quantity: "test", source: "test", printed: 0, unit: "€", decimals: 0, tolerance: 0, toleranceWhy: "test", computed, scenario} as PrintedFigure;
  return computer(study).compute(f).value;
}

/** A model file's summary and quantities under a scenario (intervention-level name first). */
export function modelSummary(file: string, scenario?: string, prefix?: string): {summary: Summary; value: (q: string) => number} {
  const m = model(file);
  const e = evaluate(m, scenario ? scenarioOverrides(m, scenario) : {});
  return {summary: summarize(e), value: (q) => valueOf(e, prefix && m.nodes.has(`${prefix}.${q}`) ? `${prefix}.${q}` : q) as number};
}
