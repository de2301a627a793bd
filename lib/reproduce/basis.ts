// The basis of a check is derived, not typed (browser-safe):
// - `input`: the figure says the computed value is an input equal to it (`basis: input`);
// - `arithmetic`: computed from printed figures and kengetallen alone (a formula without model
//   references: the report's own arithmetic), or a model computation whose inputs all copy printed
//   figures (`copiesPrinted` on the parameter) besides kengetallen and settings;
// - `calibration`: the computation depends, through the model graph, on an input that the study's
//   assumptions register declares fitted to a printed figure (basis calibrated, `affects`,
//   `calibrationTarget`), or runs under a scenario declared fitted (`scenario:<id>`);
// - `independent`: a model computation from inputs none of which was fitted.
// The one declaration of what was fitted is the register (with its reason); nothing per check.
import type {CompiledModel} from "../model/compile.js";
import type {AssumptionsFile} from "../schema/assumptions.js";

export interface FittedInput {
  /** Leaf name (`x`, `vh.x`) or `scenario:<id>`. */
  input: string;
  /** Printed figures it was fitted to. */
  figures: string[];
  /** Register entry id. */
  assumption: string;
}

/** Every input the register declares fitted (basis calibrated), with its targets. */
export function fittedInputs(register: AssumptionsFile | null): FittedInput[] {
  return (register?.assumptions ?? []).filter((a) => a.basis === "calibrated").flatMap((a) => a.affects.map((input) => ({input, figures: a.calibrationTarget?.figures ?? [], assumption: a.id})));
}

/** Leaf names (parameters, kengetallen, settings) that `roots` depend on through the model graph. */
export function dependencyLeaves(model: CompiledModel, roots: Iterable<string>): Set<string> {
  const seen = new Set<string>();
  const leaves = new Set<string>();
  const stack = [...roots];
  while (stack.length) {
    const name = stack.pop()!;
    if (seen.has(name)) continue;
    seen.add(name);
    const node = model.nodes.get(name);
    if (!node) continue;
    if (node.leaf) leaves.add(name);
    for (const d of node.deps) stack.push(d.node);
  }
  return leaves;
}

/** Graph nodes a summary of `scope` reads: its lines, its participant and QALY quantities, the discount rate. */
export function summaryRoots(model: CompiledModel, scope: string, filter: {post?: string; flow?: string; actor?: string} = {}): string[] {
  const lines = model.lines.filter((l) => (scope === "total" || l.intervention === scope) && (!filter.post || l.post === filter.post) && (!filter.flow || l.flow === filter.flow) && (!filter.actor || l.actor === filter.actor));
  const roots = new Set<string>(["discountRate", ...lines.map((l) => l.node), ...lines.map((l) => l.rate)]);
  if (!filter.post && !filter.flow) {
    for (const iv of model.file.interventions) {
      if (scope !== "total" && iv.id !== scope) continue;
      if (iv.participants) roots.add(`${iv.id}.${iv.participants}`);
      const q = (iv as {qalys?: string}).qalys;
      if (q) roots.add(`${iv.id}.${q}`);
    }
  }
  return [...roots];
}

/**
 * Whether a leaf is printed: a kengetal, or a parameter with a source (its note may explain it).
 * Settings count as printed, and so does an unprinted switch left at 0 (e.g. "0 = per subgroup",
 * "0 = follow the rule"): it selects the report's own arithmetic and adds no value of its own.
 */
export function printedLeaf(model: CompiledModel, name: string): boolean {
  const node = model.nodes.get(name);
  if (!node?.leaf) return true;
  const v = node.leaf.value;
  const zero = typeof v === "number" ? v === 0 : v.every((x) => x === 0);
  return node.kind === "kengetal" || node.kind === "setting" || node.leaf.source !== undefined || zero || copiedFigure(model, name) !== undefined;
}

/**
 * Whether a leaf adds nothing but printed figures: a setting, an unprinted switch left at 0, or a
 * parameter that declares the printed figure it copies (`copiesPrinted`). A kengetal does not: it is
 * a unit value the model combines, not a line of the report.
 */
export function copiedLeaf(model: CompiledModel, name: string): boolean {
  const node = model.nodes.get(name);
  if (!node?.leaf) return true;
  if (node.kind === "kengetal") return false;
  if (node.kind === "setting") return true;
  const v = node.leaf.value;
  if (typeof v === "number" ? v === 0 : v.every((x) => x === 0)) return true;
  return copiedFigure(model, name) !== undefined;
}

/** The printed figure a parameter of the model declares it copies (`copiesPrinted`), if any. */
export function copiedFigure(model: CompiledModel, name: string): string | undefined {
  const [iv, leaf] = name.includes(".") ? name.split(".", 2) : [undefined, name];
  const params = iv === undefined ? model.file.parameters : (model.file.interventions.find((i) => i.id === iv)?.parameters ?? []);
  return params.find((p) => p.id === leaf)?.copiesPrinted;
}

/**
 * Declared copies that do not hold: a `copiesPrinted` naming no figure of the study's printed
 * figures, or a parameter whose value differs from the figure's printed value. Each with its path.
 */
export function copyProblems(model: CompiledModel, figures: Map<string, number>): {path: (string | number)[]; field: string; message: string}[] {
  const out: {path: (string | number)[]; field: string; message: string}[] = [];
  const check = (p: {id: string; value: number | number[]; copiesPrinted?: string}, path: (string | number)[], field: string) => {
    if (p.copiesPrinted === undefined) return;
    const printed = figures.get(p.copiesPrinted);
    if (printed === undefined) out.push({path, field, message: `expected a figure id of the study's printed.yaml, found "${p.copiesPrinted}"`});
    else if (p.value !== printed) out.push({path, field, message: `expected the value of ${p.id} (${JSON.stringify(p.value)}) to equal the printed figure ${p.copiesPrinted} (${printed})`});
  };
  model.file.parameters.forEach((p, i) => check(p, ["parameters", i, "copiesPrinted"], `parameters[${i}].copiesPrinted`));
  model.file.interventions.forEach((iv, j) => (iv.parameters ?? []).forEach((p, i) => check(p, ["interventions", j, "parameters", i, "copiesPrinted"], `interventions[${j}].parameters[${i}].copiesPrinted`)));
  return out;
}
