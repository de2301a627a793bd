// Resolve a printed figure's `computed:` (lib/schema/printed.ts) with the one calculation library
// (Node only: it loads the study's model files). A reference names a model file, scope, scenario and
// a measure; a formula combines such references (`where`), other printed figures (their printed value:
// the report's own arithmetic) and `k.` kengetallen (as entered). Payback uses lib/finance/payback.ts
// with the same extension rule as the study's pages; a break-even uses lib/analysis/breakeven.ts.
import {join} from "node:path";
import {loadStudy} from "../io/study.js";
import {evaluate, valueOf, type Evaluation, type Overrides} from "../model/evaluate.js";
import {summarize, type Summary} from "../finance/summary.js";
import {paybackPeriod, internalRateOfReturn} from "../finance/payback.js";
import {breakEven} from "../analysis/breakeven.js";
import {scenarioOverrides} from "../analysis/scenarios.js";
import {evaluatePrinted, referencedIds} from "./arithmetic.js";
import {copiedFigure, copiedLeaf, dependencyLeaves, printedLeaf, summaryRoots} from "./basis.js";
import type {CompiledModel} from "../model/compile.js";
import type {Computed, PrintedFigure, PrintedFile, Reference} from "../schema/printed.js";
import type {Registry} from "../kengetallen/registry.js";
import type {StudyDescription} from "../schema/study.js";

/** A value that cannot be computed (a ratio without costs, a payback that never comes). */
class NoValue extends Error {}

/** An author's mistake in a computation: the message names the field. */
export class ComputeError extends Error {}

export interface StudyContext {
  /** The study folder. */
  dir: string;
  printed: PrintedFile;
  registry: Registry;
  /** The study description, for the pages' payback rule (optional). */
  study?: StudyDescription | null;
}

const nl = (x: number) => x.toLocaleString("nl-NL", {minimumFractionDigits: 2, maximumFractionDigits: 2});

/** What a computation rests on: model leaves (`file|leaf`) and scenarios (`file|scenario`). */
export interface Dependencies {
  leaves: Set<string>;
  scenarios: Set<string>;
  /** Every model leaf it rests on is printed (a kengetal or a sourced parameter). */
  printedOnly: boolean;
  /**
   * Every model leaf it rests on adds nothing but printed figures (a setting, a zero switch, or a
   * parameter declaring `copiesPrinted`), and at least one parameter copies a printed figure.
   */
  copiesOnly: boolean;
  /** Whether some leaf it rests on declares `copiesPrinted`. */
  copies: boolean;
}

/** Computes the figures of one study, caching models, evaluations and summaries. */
export class StudyComputer {
  private models = new Map<string, CompiledModel>();
  private evaluations = new Map<string, Evaluation>();
  private summaries = new Map<string, Summary>();
  private values: Map<string, number>;
  /** Inputs set in every evaluation of a model file (the perturbation test nudges fitted inputs). */
  private nudges: Map<string, Overrides>;

  constructor(private readonly ctx: StudyContext, options: {nudges?: Map<string, Overrides>; models?: Map<string, CompiledModel>} = {}) {
    this.values = new Map(ctx.printed.figures.map((f) => [f.id, f.printed]));
    this.nudges = options.nudges ?? new Map();
    if (options.models) this.models = options.models;
  }

  /** A computer of the same study with inputs set in every evaluation (sharing the loaded models). */
  withNudges(nudges: Map<string, Overrides>): StudyComputer {
    return new StudyComputer(this.ctx, {nudges, models: this.models});
  }

  /** The value of `input` (a leaf of `file`) times `factor`, as an override. */
  nudged(file: string, input: string, factor: number): Overrides | null {
    const node = this.model(file).nodes.get(input);
    if (!node?.leaf) return null;
    const v = node.leaf.value;
    return {[input]: typeof v === "number" ? v * factor : v.map((x) => x * factor)};
  }

  /** The model file a reference names, relative to the study folder. */
  modelFile(ref: {model?: string}, where: string): string {
    const file = ref.model ?? this.ctx.printed.model;
    if (!file) throw new ComputeError(`${where}.model: expected a model file (or a default \`model\` at the top of printed.yaml)`);
    return file;
  }

  model(file: string): CompiledModel {
    if (!this.models.has(file)) this.models.set(file, loadStudy(join(this.ctx.dir, file), {registry: this.ctx.registry}));
    return this.models.get(file)!;
  }

  private overridesOf(model: CompiledModel, scenario: string | null | undefined, overrides: Overrides | undefined): Overrides {
    return {...(scenario ? scenarioOverrides(model, scenario) : {}), ...(overrides ?? {})};
  }

  private evaluation(file: string, scenario: string | null | undefined, overrides?: Overrides): Evaluation {
    const key = `${file}|${scenario ?? ""}|${JSON.stringify(overrides ?? {})}`;
    if (!this.evaluations.has(key)) {
      const m = this.model(file);
      this.evaluations.set(key, evaluate(m, this.overridesOf(m, scenario, overrides)));
    }
    return this.evaluations.get(key)!;
  }

  private summary(file: string, scope: string, scenario: string | null | undefined, overrides?: Overrides): Summary {
    const key = `${file}|${scope}|${scenario ?? ""}|${JSON.stringify(overrides ?? {})}`;
    if (!this.summaries.has(key)) this.summaries.set(key, summarize(this.evaluation(file, scenario, overrides), scope));
    return this.summaries.get(key)!;
  }

  /** Extension of the payback rule: the reference's own, else the study page's for this model and intervention. */
  private extendYears(ref: Reference, file: string, scope: string): number {
    if (ref.extendYears !== undefined) return ref.extendYears;
    const item = this.ctx.study?.items.find((i) => i.model === file && (scope === "total" || i.intervention === scope) && i.payback);
    return item?.payback?.extendYears ?? 0;
  }

  /** A summary measure of a scope or an actor. */
  private measure(s: Summary, ref: Reference, file: string, scope: string, where: string, notes: string[]): number {
    const measure = ref.measure ?? "saldo";
    const actor = ref.actor ? s.actors.find((a) => a.actor === ref.actor) : undefined;
    if (ref.actor && !actor) throw new NoValue(`actor ${ref.actor} has no line in ${file}`);
    let v: number | null;
    if (measure === "payback") {
      const perYear = actor ? actor.perYear : s.perYear;
      const extendYears = this.extendYears(ref, file, scope);
      const years = paybackPeriod(perYear, 0, {extendYears});
      const within = actor ? actor.paybackYears : s.paybackYears;
      if (extendYears > 0) notes.push(`Terugverdientijd ${years === null ? "nooit (de cumulatieve netto stroom blijft negatief)" : `${nl(years)} jaar`} met de stroom van het laatste jaar voortgezet; binnen de horizon van ${s.horizon} jaar: ${within === null ? "geen" : `${nl(within)} jaar`}.`);
      if (ref.above !== undefined) return years === null || years > ref.above ? 1 : 0;
      v = years;
    } else if (measure === "irr") {
      v = internalRateOfReturn(actor ? actor.perYear : s.perYear);
    } else if (actor) {
      if (!(measure === "saldo" || measure === "costs" || measure === "benefits" || measure === "ratio")) throw new ComputeError(`${where}.measure: expected saldo, costs, benefits, ratio, payback or irr for an actor, found "${measure}"`);
      v = actor[measure];
    } else {
      v = s[measure];
    }
    if (v === null || v === undefined) throw new NoValue(`${measure} has no value`);
    return ref.perParticipant ? v / (s.participants ?? 1) : v;
  }

  /** Record what a reference rests on (model graph leaves, scenario). */
  private record(deps: Dependencies, model: CompiledModel, file: string, ref: Reference, scope: string, scenario: string | null | undefined, overrides: Record<string, number> | undefined): void {
    if (scenario) deps.scenarios.add(`${file}|${scenario}`);
    const roots =
      ref.quantity !== undefined
        ? [ref.quantity]
        : ref.post !== undefined
          ? summaryRoots(model, scope, {post: ref.post})
          : ref.flow !== undefined
            ? summaryRoots(model, scope, {flow: ref.flow, actor: ref.actor})
            : [...summaryRoots(model, scope), ...(ref.breakEven ? [ref.breakEven.input] : [])];
    for (const leaf of dependencyLeaves(model, roots)) {
      if (overrides && leaf in overrides) continue;
      deps.leaves.add(`${file}|${leaf}`);
      if (!printedLeaf(model, leaf)) deps.printedOnly = false;
      if (!copiedLeaf(model, leaf)) deps.copiesOnly = false;
      if (copiedFigure(model, leaf) !== undefined) deps.copies = true;
    }
  }

  /** The value of one reference; `base` supplies model, scope and scenario not given. */
  reference(ref: Reference, base: Reference, figure: PrintedFigure, where: string, notes: string[], names: (id: string) => number | undefined, deps?: Dependencies): number {
    const file = this.modelFile({model: ref.model ?? base.model}, where);
    const model = this.model(file);
    const scope = ref.scope ?? base.scope ?? "total";
    if (scope !== "total" && !model.file.interventions.some((iv) => iv.id === scope)) throw new ComputeError(`${where}.scope: expected an intervention of ${file} (${model.file.interventions.map((iv) => iv.id).join(", ")}) or total, found "${scope}"`);
    const scenario = ref.scenario !== undefined ? ref.scenario : base.scenario !== undefined ? base.scenario : figure.scenario;
    const overrides = {...((ref.overrides !== undefined ? ref.overrides : base.overrides) ?? {}), ...(this.nudges.get(file) ?? {})};
    if (deps) this.record(deps, model, file, ref, scope, scenario, ref.overrides !== undefined ? ref.overrides : base.overrides);
    if (ref.breakEven) {
      const be = ref.breakEven;
      const target = be.target === undefined ? 0 : typeof be.target === "number" ? be.target : evaluatePrinted(be.target, names);
      const o = {...this.overridesOf(model, scenario, overrides), ...(be.start !== undefined ? {[be.input]: be.start} : {})};
      const plain = (ref.measure ?? "saldo") === "saldo" && target === 0 && !ref.perParticipant;
      const metric = plain ? undefined : (s: Summary) => target - this.measure(s, ref, file, scope, where, []);
      const r = breakEven(model, be.input, {actor: plain ? ref.actor : undefined, scope, overrides: o, metric});
      if (r.value === null || r.metricAtValue === null || Math.abs(r.metricAtValue) >= 1) throw new NoValue(r.reasonNl ?? "geen break-even");
      const what = {saldo: "het saldo", costs: "de kosten", benefits: "de baten"}[ref.measure as string] ?? ref.measure ?? "het saldo";
      notes.push(`Berekend als break-even van ${r.input}: de waarde waarbij ${what}${ref.actor ? ` van de ${ref.actor}` : ""} ${target === 0 ? "nul is" : `gelijk is aan ${nl(target)}`}.`);
      return r.value;
    }
    if (ref.quantity !== undefined) {
      if (!model.nodes.has(ref.quantity)) throw new ComputeError(`${where}.quantity: expected a quantity of ${file}, found "${ref.quantity}"`);
      const v = valueOf(this.evaluation(file, scenario, overrides), ref.quantity);
      if (typeof v === "number") return v;
      if (ref.year === undefined) throw new ComputeError(`${where}.year: ${ref.quantity} is a series in ${file}; expected year (1 for the first model year)`);
      if (ref.year > v.length) throw new ComputeError(`${where}.year: expected a year from 1 to ${v.length}, found ${ref.year}`);
      return v[ref.year - 1];
    }
    const s = this.summary(file, scope, scenario, overrides);
    if (ref.post !== undefined) {
      const p = s.posts.find((x) => x.post === ref.post);
      if (!p) throw new ComputeError(`${where}.post: expected a post of ${file} (${s.posts.map((x) => x.post).join(", ")}), found "${ref.post}"`);
      return p.amount;
    }
    if (ref.flow !== undefined) {
      const l = s.lines.find((x) => x.flow === ref.flow && (!ref.actor || x.actor === ref.actor));
      if (!l) throw new ComputeError(`${where}.flow: expected a flow of ${file}${ref.actor ? ` with a line for ${ref.actor}` : ""}, found "${ref.flow}"`);
      return l.presentValue;
    }
    return this.measure(s, ref, file, scope, where, notes);
  }

  /** Compute one figure: its value (null when there is none), a note (Dutch) for the reader, and what it rests on. */
  compute(figure: PrintedFigure): {value: number | null; note?: string; deps: Dependencies} {
    const c: Computed = figure.computed;
    const notes: string[] = [];
    const deps: Dependencies = {leaves: new Set(), scenarios: new Set(), printedOnly: true, copiesOnly: true, copies: false};
    const where = `figures[${figure.id}].computed`;
    const whereValues = new Map<string, number>();
    const names = (id: string): number | undefined => {
      if (id.startsWith("k.")) return this.ctx.registry.has(id.slice(2)) ? this.ctx.registry.get(id.slice(2)).value : undefined;
      if (c.where && id in c.where) {
        if (!whereValues.has(id)) whereValues.set(id, this.reference(c.where[id], c, figure, `${where}.where.${id}`, notes, names, deps));
        return whereValues.get(id);
      }
      if (id === figure.id) return undefined;
      return this.values.get(id);
    };
    try {
      const value = c.formula !== undefined ? evaluatePrinted(c.formula, names) : this.reference(c, {}, figure, where, notes, names, deps);
      return {value, note: notes.join(" ") || undefined, deps};
    } catch (error) {
      if (error instanceof NoValue) return {value: null, note: notes.join(" ") || undefined, deps};
      throw error;
    }
  }
}

/** Whether a computation uses printed figures and kengetallen alone (the report's own arithmetic). */
export function fromPrintedOnly(c: Computed): boolean {
  return c.formula !== undefined && !c.where;
}

/** Names a formula uses that are neither `where` names, printed figures nor kengetallen. */
export function unknownNames(c: Computed, printed: PrintedFile, registry: Registry): string[] {
  if (c.formula === undefined) return [];
  const ids = new Set(printed.figures.map((f) => f.id));
  return referencedIds(c.formula).filter((n) => !(n.startsWith("k.") ? registry.has(n.slice(2)) : ids.has(n) || (c.where !== undefined && n in c.where)));
}

/** Every model file the figures' computations name (relative to the study folder), sorted. */
export function modelFiles(printed: PrintedFile): string[] {
  const out = new Set<string>();
  if (printed.model) out.add(printed.model);
  for (const f of printed.figures) {
    const c = f.computed;
    if (c.model) out.add(c.model);
    for (const r of Object.values(c.where ?? {})) if (r.model) out.add(r.model);
  }
  return [...out].sort();
}
