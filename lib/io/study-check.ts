// Check one study folder as a whole (Node only): the schemas of study.yaml, its model files, its
// kengetallen, printed.yaml and assumptions.yaml; every cross-reference the pages rely on
// (intervention ids, view quantities, printed figure ids, calculator inputs and outputs, cockpit);
// the kengetallen (merged with the shared registry: a clash names both files; a `k.` reference must
// resolve in the shared registry or the study's own files); each printed figure's computation; and the
// reproduction. Every problem is one line `file:line: field: message`. Used by `rendement check
// <study folder>` and by the build's study loader (src/studies/[study]/study.json.ts).
import {logScaleError} from "../slider-scale.js";
import {existsSync, readdirSync, statSync} from "node:fs";
import {readTextFile} from "./read-file.js";
import {basename, join, resolve} from "node:path";
import {parseYaml, lineOf, InputError, type ParsedYaml} from "./yaml-errors.js";
import {missingStudyYaml, parseStudyText, printedPath, studyKengetallenFiles, type StudyLocation} from "./study-description.js";
import {readPrinted} from "./printed-file.js";
import {readAssumptions} from "./assumptions.js";
import {loadKengetallen, readKengetallenFile, SHARED_KENGETALLEN} from "./kengetallen.js";
import {KengetalError, formatProblem} from "../kengetallen/errors.js";
import {loadStudy} from "./study.js";
import {findLeaf} from "../model/evaluate.js";
import {StudyComputer, ComputeError, unknownNames, modelFiles} from "../reproduce/compute.js";
import {copyProblems, fittedInputs} from "../reproduce/basis.js";
import type {CompiledModel} from "../model/compile.js";
import type {StudyDescription} from "../schema/study.js";
import type {PrintedFile} from "../schema/printed.js";
import type {Registry} from "../kengetallen/registry.js";

export interface StudyCheck {
  problems: string[];
  study: StudyDescription | null;
  models: Map<string, CompiledModel>;
}

function messages(error: unknown): string[] {
  if (error instanceof KengetalError) return error.problems.map(formatProblem);
  if (error instanceof InputError) return error.message.split("\n");
  return [(error as Error).message];
}

/**
 * The cross-references of a study description against its model files and printed figures, as
 * `file:line: field: message` lines (the pages' loader refuses the same).
 */
export function studyReferences(file: string, parsed: ParsedYaml, study: StudyDescription, modelOf: (f: string) => CompiledModel, printed: PrintedFile | null | "invalid"): string[] {
  const out: string[] = [];
  const at = (path: (string | number)[], field: string, message: string) => out.push(`${file}:${lineOf(parsed, path) ?? "?"}: ${field}: ${message}`);
  if (printed === "invalid") printed = undefined as unknown as null;
  const skipFigures = printed === undefined;
  const figures = new Set(printed?.figures.map((f) => f.id) ?? []);
  const figure = (id: string | undefined, path: (string | number)[], field: string) => {
    if (id !== undefined && !skipFigures && !figures.has(id)) at(path, field, printed ? `expected a figure id of printed.yaml, found "${id}"` : `expected a printed.yaml in the study folder for figure "${id}"`);
  };
  const quantity = (model: CompiledModel, name: string, path: (string | number)[], field: string, what: string) => {
    const node = model.nodes.get(name);
    if (!node || node.kind === "flow") at(path, field, `expected a quantity of ${what}, found "${name}"`);
  };
  const load = (f: string, path: (string | number)[], field: string): CompiledModel | null => {
    try {
      return modelOf(f);
    } catch (error) {
      for (const m of messages(error)) out.push(m.includes(":") ? m : `${file}:${lineOf(parsed, path) ?? "?"}: ${field}: ${m}`);
      return null;
    }
  };
  study.items.forEach((item, i) => {
    const model = load(item.model, ["items", i, "model"], `items[${i}].model`);
    if (!model) return;
    const iv = model.file.interventions.find((x) => x.id === item.intervention);
    if (!iv) return at(["items", i, "intervention"], `items[${i}].intervention`, `expected an intervention of ${item.model} (${model.file.interventions.map((x) => x.id).join(", ")}), found "${item.intervention}"`);
    const q = (name: string, path: (string | number)[], field: string) => quantity(model, `${item.intervention}.${name}`, path, field, `intervention ${item.intervention} of ${item.model}`);
    item.views?.cohort?.states.forEach((s, j) => q(s, ["items", i, "views", "cohort", "states", j], `items[${i}].views.cohort.states[${j}]`));
    item.views?.outflow?.panels.forEach((p, j) => {
      q(p.with, ["items", i, "views", "outflow", "panels", j, "with"], `items[${i}].views.outflow.panels[${j}].with`);
      if (p.without) q(p.without, ["items", i, "views", "outflow", "panels", j, "without"], `items[${i}].views.outflow.panels[${j}].without`);
    });
    item.printed.forEach((p, j) => figure(p.figure, ["items", i, "printed", j, "figure"], `items[${i}].printed[${j}].figure`));
    const actors = [...new Set(model.lines.filter((l) => l.intervention === item.intervention).map((l) => l.actor as string))];
    item.comparisons?.forEach((c, j) => {
      if (c.scenario && !model.file.scenarios.some((s) => s.id === c.scenario)) at(["items", i, "comparisons", j, "scenario"], `items[${i}].comparisons[${j}].scenario`, `expected a scenario of ${item.model}, found "${c.scenario}"`);
      c.printed.forEach((p, k) => {
        figure(p.figure, ["items", i, "comparisons", j, "printed", k, "figure"], `items[${i}].comparisons[${j}].printed[${k}].figure`);
        if (!actors.includes(p.actor)) at(["items", i, "comparisons", j, "printed", k, "actor"], `items[${i}].comparisons[${j}].printed[${k}].actor`, `expected an actor with a line in intervention ${item.intervention} (${actors.join(", ")}), found "${p.actor}"`);
      });
    });
  });
  study.tools.forEach((tool, i) => {
    const model = load(tool.model, ["tools", i, "model"], `tools[${i}].model`);
    if (!model) return;
    const leaf = (name: string, path: (string | number)[], field: string) => {
      try {
        return findLeaf(model, name);
      } catch {
        at(path, field, `expected an input (leaf) of ${tool.model}, found "${name}"`);
        return null;
      }
    };
    tool.inputs.forEach((inp, j) => {
      const l = leaf(inp.name, ["tools", i, "inputs", j, "name"], `tools[${i}].inputs[${j}].name`);
      if (l && (inp.min === undefined || inp.max === undefined) && !l.leaf?.control) at(["tools", i, "inputs", j], `tools[${i}].inputs[${j}]`, `${inp.name} has no control range in ${tool.model}; expected min and max`);
      const lo = inp.min ?? l?.leaf?.control?.min;
      const hi = inp.max ?? l?.leaf?.control?.max;
      if (l && inp.scale === "log" && lo !== undefined && hi !== undefined && logScaleError(lo, hi)) at(["tools", i, "inputs", j, "scale"], `tools[${i}].inputs[${j}].scale`, `expected a range with 0 < min < max for a log scale, found ${lo} to ${hi}`);
    });
    tool.outputs.forEach((o, j) => {
      quantity(model, o.quantity, ["tools", i, "outputs", j, "quantity"], `tools[${i}].outputs[${j}].quantity`, tool.model);
      figure(o.figure, ["tools", i, "outputs", j, "figure"], `tools[${i}].outputs[${j}].figure`);
    });
    if (tool.solve) {
      leaf(tool.solve.input, ["tools", i, "solve", "input"], `tools[${i}].solve.input`);
      tool.solve.quantities?.forEach((q, j) => quantity(model, q, ["tools", i, "solve", "quantities", j], `tools[${i}].solve.quantities[${j}]`, tool.model));
      figure(tool.solve.figure, ["tools", i, "solve", "figure"], `tools[${i}].solve.figure`);
    }
  });
  if (study.cockpit) {
    load(study.cockpit.model, ["cockpit", "model"], "cockpit.model");
    if (printed && !printed.figures.some((f) => f.id.startsWith(study.cockpit!.figurePrefix))) at(["cockpit", "figurePrefix"], "cockpit.figurePrefix", `expected printed figures whose id starts with "${study.cockpit.figurePrefix}"`);
  }
  study.uncertainty?.forEach((f, j) => {
    if (!existsSync(join(file, "..", f))) at(["uncertainty", j], `uncertainty[${j}]`, `expected a model file in the study folder, found "${f}"`);
    else load(f, ["uncertainty", j], `uncertainty[${j}]`);
  });
  return out;
}

/** Check a study folder; `reproduce` also runs every printed figure's computation. */
export function checkStudyFolder(dir: string, {reproduce = true, registry: given}: {reproduce?: boolean; registry?: Registry} = {}): StudyCheck {
  const problems: string[] = [];
  const models = new Map<string, CompiledModel>();
  const studyFile = join(dir, "study.yaml");
  if (!existsSync(studyFile)) return {problems: [missingStudyYaml(dir) ?? `${dir}: expected a study folder with a study.yaml and its model files (rendement new <id> writes one)`], study: null, models};
  const location: StudyLocation = {id: basename(resolve(dir)), dir};

  // Kengetallen: the study's own files parse, and merge with the shared registry and the other studies without a clash.
  for (const f of studyKengetallenFiles(dir)) {
    try {
      readKengetallenFile(f);
    } catch (error) {
      problems.push(...messages(error));
    }
  }
  let registry: Registry | undefined = given;
  if (!registry) {
    try {
      registry = loadKengetallen(undefined, {files: [...new Set([...studyKengetallenFiles(dir), ...allOtherStudyFiles(dir)])]});
    } catch (error) {
      problems.push(...messages(error));
    }
  }

  let study: StudyDescription | null = null;
  let parsed: ParsedYaml | null = null;
  const text = readTextFile(studyFile);
  try {
    parsed = parseYaml(text, studyFile);
    study = parseStudyText(text, studyFile, location.id);
  } catch (error) {
    problems.push(...messages(error));
  }
  if (!registry) return {problems: [...new Set(problems)], study, models};

  const modelOf = (f: string): CompiledModel => {
    if (!models.has(f)) models.set(f, loadStudy(join(dir, f), {registry, onWarning: () => {}}));
    return models.get(f)!;
  };

  let printed: PrintedFile | null = null;
  let printedInvalid = false;
  const pPath = printedPath(location);
  if (pPath) {
    try {
      printed = readPrinted(pPath);
    } catch (error) {
      printedInvalid = true;
      problems.push(...messages(error));
    }
  }
  if (study && parsed) problems.push(...studyReferences(studyFile, parsed, study, modelOf, printedInvalid ? "invalid" : printed));

  // `k.` references of this study resolve in the shared registry or the study's own files.
  const own = new Set<string>();
  try {
    for (const f of studyKengetallenFiles(dir)) for (const k of readKengetallenFile(f).kengetallen) own.add(k.id);
    const shared = loadKengetallen(SHARED_KENGETALLEN, {cpiPath: null, files: []});
    for (const k of shared.list()) own.add(k.id);
  } catch {
    // reported above
  }
  for (const [f, m] of models) {
    for (const l of m.leaves) if (l.kind === "kengetal" && !own.has(l.name.slice(2))) problems.push(`${join(dir, f)}: ${l.name}: expected a kengetal of the shared registry (${SHARED_KENGETALLEN}) or of this study's kengetallen, found one of another study`);
  }

  // Printed figures: model files, formula names, and the computation itself.
  if (printed && pPath) {
    const pParsed = parseYaml(readTextFile(pPath), pPath);
    for (const f of modelFiles(printed)) {
      if (!existsSync(join(dir, f))) problems.push(`${pPath}:${lineOf(pParsed, ["model"]) ?? "?"}: model: expected a model file in the study folder, found "${f}" (no such file)`);
      else {
        try {
          modelOf(f);
        } catch (error) {
          problems.push(...messages(error));
        }
      }
    }
    const computer = new StudyComputer({dir, printed, registry, study}, {models});
    // A model that does not load is reported once, above; its figures are not computed.
    const loadFailed = problems.length > 0;
    printed.figures.forEach((figure, i) => {
      const where = `${pPath}:${lineOf(pParsed, ["figures", i, "computed"]) ?? "?"}: figures[${i}].computed (${figure.id})`;
      for (const n of unknownNames(figure.computed, printed!, registry!)) problems.push(`${where}: expected a printed figure id, a where name or a k.<kengetal>, found "${n}"`);
      if (!reproduce || loadFailed) return;
      try {
        const r = computer.compute(figure);
        if (r.value === null && !figure.cause) problems.push(`${where}: the computation gives no value${r.note ? ` (${r.note})` : ""} and the figure names no cause`);
      } catch (error) {
        if (error instanceof ComputeError || error instanceof InputError) problems.push(`${where}: ${(error as Error).message.replace(/^figures\[[^\]]+\]\.computed\.?/, "")}`);
        else problems.push(`${where}: ${(error as Error).message}`);
      }
    });
  }

  // Inputs that declare the printed figure they copy: the figure exists and the values are equal.
  if (printed) {
    const values = new Map(printed.figures.map((f) => [f.id, f.printed]));
    for (const [f, m] of models) {
      const problemsOf = copyProblems(m, values);
      if (!problemsOf.length) continue;
      const file = join(dir, f);
      const mParsed = parseYaml(readTextFile(file), file);
      for (const p of problemsOf) problems.push(`${file}:${lineOf(mParsed, p.path) ?? "?"}: ${p.field}: ${p.message}`);
    }
  }

  // The register: a fitted input needs a reason (schema) and must be an input of the study's models.
  const register = join(dir, "assumptions.yaml");
  if (existsSync(register)) {
    try {
      const r = readAssumptions(register);
      const inputs = new Set<string>();
      for (const m of models.values()) {
        for (const l of m.leaves) inputs.add(l.name);
        for (const s of m.file.scenarios) inputs.add(`scenario:${s.id}`);
      }
      const ids = new Set(printed?.figures.map((f) => f.id) ?? []);
      const rParsed = parseYaml(readTextFile(register), register);
      r.assumptions.forEach((a, i) => {
        if (a.basis !== "calibrated") return;
        for (const f of a.calibrationTarget?.figures ?? []) if (printed && !ids.has(f)) problems.push(`${register}:${lineOf(rParsed, ["assumptions", i, "calibrationTarget"]) ?? "?"}: assumptions[${i}].calibrationTarget (${a.id}): expected a figure id of printed.yaml, found "${f}"`);
      });
      for (const f of fittedInputs(r)) if (models.size && !inputs.has(f.input)) problems.push(`${register}: ${f.assumption}: affects: expected an input of the study's model files, found "${f.input}"`);
    } catch (error) {
      problems.push(...messages(error));
    }
  }
  return {problems: [...new Set(problems)], study, models};
}

/** The kengetallen files of every shipped study other than `dir` (so that a clash with another study is found too). */
function allOtherStudyFiles(dir: string): string[] {
  const root = "data/studies";
  if (!existsSync(root)) return [];
  return readdirSync(root)
    .map((n) => join(root, n))
    .filter((p) => statSync(p).isDirectory() && resolve(p) !== resolve(dir))
    .flatMap((p) => studyKengetallenFiles(p));
}

/** The cross-reference problems of a study (for the pages' loader): parse study.yaml, load its models, read printed.yaml. */
export function studyReferenceProblems(location: StudyLocation, modelOf: (f: string) => CompiledModel): string[] {
  const file = join(location.dir, "study.yaml");
  const text = readTextFile(file);
  const study = parseStudyText(text, file, location.id);
  const p = printedPath(location);
  return studyReferences(file, parseYaml(text, file), study, modelOf, p ? readPrinted(p) : null);
}
