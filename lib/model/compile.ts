// Compile a model file into a graph of named quantities and an evaluation plan.
//
// Leaves are study parameters, kengetallen (`k.<id>`) and settings (`discountRate`). Formulas define
// quantities; flows are quantities tied to a post and an actor. Every node is a scalar or a series
// over the years 0 … horizon − 1; a node is a series when it uses the year (t, year, once, yearly),
// a series leaf, or another series in the same year. Evaluation runs in stages: scalars once, and
// consecutive series in one loop over the years, so `x[t - 1]` may refer to any series of its loop.
//
// Two backends share the plan: `evaluate` runs a generated JavaScript kernel (fast enough for
// 100,000 Monte Carlo draws), `interpret` walks the formulas (the plain reference implementation,
// also used to explain a number). Tests require the two to agree.
import {actorIds, isActorId, type ActorId, type StudyActor} from "../schema/actors.js";
import type {Flow, ModelFile, Post, Source} from "../schema/model.js";

// Kept free of runtime imports from the zod schemas, so that pages can compile a model in the
// browser without bundling zod (the loader validated the file already).
function isTransfer(flow: Flow): flow is Flow & {transfer: {from: string; to: string}} {
  return flow.transfer !== undefined;
}
import type {Uncertainty} from "../schema/kengetal.js";
import {dependencies, FormulaError, resolveFormula, usesYear, type IR} from "./expression.js";
import {scaleUncertainty} from "../kengetallen/registry.js";
import {formatNumber} from "../format.js";
import {DISCOUNT_RATE_WARNING_RANGE, kindOf, rateWarning as rateWarningText, valueProblem} from "./value-rules.js";

/** What the model needs from the kengetallen registry. */
export interface KengetalLeaf {
  id: string;
  label: string;
  value: number;
  unit: string;
  priceYear?: number;
  source?: unknown;
  uncertainty?: Uncertainty;
  nature?: "financial" | "immaterial";
  actor?: string;
}

export interface ModelContext {
  kengetal(id: string): KengetalLeaf | undefined;
  /** Factor converting € amounts of price year `from` to price year `to` (CPI ratio); throws for a year outside the CPI series. */
  priceFactor?(from: number, to: number): number;
  /** Actors the study declares besides the standard list (its study.yaml `actors`). */
  actors?: readonly StudyActor[];
}

/** A problem that does not stop evaluation (e.g. a discount rate outside 0–10 %); `check --strict` fails on it. */
export interface ModelWarning {
  path: (string | number)[];
  message: string;
}

export type NodeKind = "parameter" | "kengetal" | "setting" | "quantity" | "flow";

export interface Leaf {
  value: number | number[];
  extend: "zero" | "last";
  uncertainty?: Uncertainty;
  source?: Source | unknown;
  assumption?: string;
  control?: {min: number; max: number; step?: number; label?: string; scale?: "log"};
  group?: string;
  /** Price-year conversion applied to a kengetal (1 when none). */
  priceFactor?: number;
  priceYear?: number;
}

export interface GraphNode {
  /** Fully qualified name: `x` (study level), `vh.x` (intervention), `k.id` (kengetal), `vh:flowId` (flow). */
  name: string;
  kind: NodeKind;
  scope?: string;
  id: string;
  label: string;
  unit: string;
  formula?: string;
  note?: string;
  ir?: IR;
  deps: {node: string; kind: "same" | "lag" | "whole"}[];
  series: boolean;
  leaf?: Leaf;
  /** Where the node is defined in the model file, for error messages (e.g. interventions.0.flows.2). */
  path: (string | number)[];
  /** Slot: index into S (scalars) or offset into V (series). */
  slot: number;
}

/** One line of the cash-flow table: a flow (or one end of a transfer) for one actor in one post. */
export interface Line {
  intervention: string;
  flow: string;
  label: string;
  post: string;
  actor: ActorId;
  /** +1: the actor receives the amount; −1: the actor pays it. */
  sign: 1 | -1;
  transfer: boolean;
  node: string;
  /**
   * Node holding the discount rate of this line: its post's rate for a real cost or benefit; the
   * study's `discountRate` for both ends of a transfer, whatever posts they are booked in, so that a
   * transfer cancels in the saldo by construction.
   */
  rate: string;
}

export type Stage = {kind: "scalar"; node: string} | {kind: "loop"; nodes: string[]};

export class ModelError extends Error {
  constructor(
    message: string,
    readonly path: (string | number)[]
  ) {
    super(message);
    this.name = "ModelError";
  }
}

export interface CompiledModel {
  file: ModelFile;
  horizon: number;
  startYear: number;
  nodes: Map<string, GraphNode>;
  /** Leaves in a stable order (study settings, parameters, kengetallen). */
  leaves: GraphNode[];
  stages: Stage[];
  lines: Line[];
  posts: Map<string, Post>;
  /** Discount-rate node per post (for real costs and benefits; transfers use `discountRate`, see `Line.rate`). */
  postRate: Map<string, string>;
  scalarCount: number;
  seriesCount: number;
  /** Generated kernel: fills every non-leaf slot of S and V from the leaf slots. */
  kernel: (S: Float64Array, V: Float64Array) => void;
  /** The generated source of the kernel, for inspection. */
  kernelSource: string;
  /** Problems found at load that do not stop evaluation. */
  warnings: ModelWarning[];
}

const reserved = new Set(["t", "year", "horizon", "k", "true", "false", "discountRate"]);

export {DISCOUNT_RATE_WARNING_RANGE};

/** The Dutch standard real discount rate (Werkgroep discontovoet 2020): the default of a model's `discountRate`. */
export const STANDARD_DISCOUNT_RATE = 0.0225;

/** A rate as Dutch reader text: 0.0225 → "2,25 %", 0 → "0 %" (up to four decimals of a percent). */
export function ratePercentNl(rate: number): string {
  const pct = +(rate * 100).toFixed(4);
  const digits = (String(pct).split(".")[1] ?? "").length;
  return `${formatNumber(pct, digits)} %`;
}

/**
 * Why the model uses its discount rate, when the file gives no `discountRateSource`: the standard rate
 * is named as such; any other rate is stated as it is, never under the standard rate's name.
 */
export function discountRateReason(rate: number): string {
  if (rate === STANDARD_DISCOUNT_RATE) return `standaard reële discontovoet ${ratePercentNl(rate)} (Werkgroep discontovoet 2020)`;
  return `discontovoet ${ratePercentNl(rate)}, zoals het modelbestand die opgeeft (zonder bron: discountRateSource ontbreekt)`;
}

/** Refuse the second of two records with the same id in one list (posts, scenarios, interventions, …). */
function uniqueIds(list: {id: string}[], path: (string | number)[], what: string): void {
  const seen = new Map<string, number>();
  list.forEach((x, i) => {
    const other = seen.get(x.id);
    if (other !== undefined) throw new ModelError(`${what} "${x.id}" is defined twice (also at ${[...path, other].join(".")})`, [...path, i, "id"]);
    seen.set(x.id, i);
  });
}

/**
 * A slider (`control`) must be a real range that holds the input's base value, every element of a
 * series: otherwise a page would clamp the start value and show a figure the CLI does not give.
 */
function checkControl(c: {min: number; max: number}, value: number | number[], path: (string | number)[]): void {
  if (!(c.min < c.max)) throw new ModelError(`expected min < max, found min ${c.min} >= max ${c.max}`, path);
  const values = Array.isArray(value) ? value : [value];
  values.forEach((v, i) => {
    if (!(v >= c.min && v <= c.max)) throw new ModelError(`expected min <= value <= max, found ${v}${values.length > 1 ? ` (element ${i + 1})` : ""} outside [${c.min}, ${c.max}]`, path);
  });
}

export function compileModel(file: ModelFile, context: ModelContext): CompiledModel {
  // The study's own actors join the model's (carried in the file, so that a rebuild keeps them).
  const ownActors = [...(file.actors ?? []), ...(context.actors ?? []).filter((a) => !(file.actors ?? []).some((b) => b.id === a.id))];
  if (ownActors.length) file = {...file, actors: ownActors};
  ownActors.forEach((a, i) => {
    if (isActorId(a.id)) throw new ModelError(`actor "${a.id}" is a standard actor (lib/schema/actors.ts); expected a new id`, ["actors", i, "id"]);
  });
  const knownActors = [...actorIds, ...ownActors.map((a) => a.id)];
  const checkActor = (a: string, path: (string | number)[]): ActorId => {
    if (!knownActors.includes(a)) throw new ModelError(`expected one of the actors: ${knownActors.join(", ")} (or an actor declared in the study's study.yaml), found "${a}"`, path);
    return a as ActorId;
  };
  const H = file.horizon;
  const nodes = new Map<string, GraphNode>();
  const warnings: ModelWarning[] = [];
  // Duplicate ids of every kind are refused (parameters, quantities and flows below, when declared).
  uniqueIds(file.interventions, ["interventions"], "intervention");
  uniqueIds(file.posts, ["posts"], "post");
  uniqueIds(file.scenarios, ["scenarios"], "scenario");
  file.interventions.forEach((iv, j) => {
    if (iv.effectScheme) uniqueIds(iv.effectScheme.nodes, ["interventions", j, "effectScheme", "nodes"], "effect-scheme node");
  });
  const interventionIds = new Set(file.interventions.map((iv) => iv.id));
  const studyIds = new Set([...file.parameters, ...file.quantities].map((x) => x.id));
  const rateWarning = (rate: number, path: (string | number)[], what: string) => {
    const message = rateWarningText(rate, what);
    if (message) warnings.push({path, message});
  };
  rateWarning(file.discountRate, ["discountRate"], "the discount rate");

  const add = (node: Omit<GraphNode, "slot" | "deps" | "series">): GraphNode => {
    if (nodes.has(node.name)) {
      const other = nodes.get(node.name)!;
      throw new ModelError(`"${node.id}" is defined twice (also at ${other.path.join(".")})`, [...node.path, "id"]);
    }
    const full: GraphNode = {...node, deps: [], series: false, slot: -1};
    nodes.set(node.name, full);
    return full;
  };
  const checkId = (id: string, path: (string | number)[]): void => {
    if (reserved.has(id)) throw new ModelError(`"${id}" is a reserved name`, [...path, "id"]);
    if (interventionIds.has(id)) throw new ModelError(`"${id}" is also an intervention id; use another name`, [...path, "id"]);
  };

  // Settings.
  add({name: "discountRate", kind: "setting", id: "discountRate", label: "Discontovoet", unit: "fraction", path: ["discountRate"], leaf: {value: file.discountRate, extend: "last", source: file.discountRateSource ? {title: file.discountRateSource} : undefined, assumption: file.discountRateSource ? undefined : discountRateReason(file.discountRate)}});

  // Declarations: parameters and quantities, study level then per intervention.
  const declare = (scope: string | undefined, base: (string | number)[], params: ModelFile["parameters"], quantities: ModelFile["quantities"]) => {
    params.forEach((p, i) => {
      checkId(p.id, [...base, "parameters", i]);
      if (scope && studyIds.has(p.id)) throw new ModelError(`"${p.id}" is also a study-level parameter or quantity; this intervention's own "${p.id}" would hide it from the intervention's formulas (and --set ${p.id} would not reach them): use another name`, [...base, "parameters", i, "id"]);
      if (Array.isArray(p.value) && p.value.length > H) throw new ModelError(`a series of ${p.value.length} values for a horizon of ${H} years (years 0 … ${H - 1}); remove the extra values or lengthen the horizon`, [...base, "parameters", i, "value"]);
      if (p.control) checkControl(p.control, p.value, [...base, "parameters", i, "control"]);
      add({
        name: scope ? `${scope}.${p.id}` : p.id,
        kind: "parameter",
        scope,
        id: p.id,
        label: p.label,
        unit: p.unit,
        path: [...base, "parameters", i],
        leaf: {value: p.value, extend: p.extend ?? "zero", uncertainty: p.uncertainty, source: p.source, assumption: p.assumption, control: p.control, group: p.group}
      });
    });
    quantities.forEach((q, i) => {
      checkId(q.id, [...base, "quantities", i]);
      if (scope && studyIds.has(q.id)) throw new ModelError(`"${q.id}" is also a study-level parameter or quantity; this intervention's own "${q.id}" would hide it from the intervention's formulas (and --set ${q.id} would not reach them): use another name`, [...base, "quantities", i, "id"]);
      add({name: scope ? `${scope}.${q.id}` : q.id, kind: "quantity", scope, id: q.id, label: q.label, unit: q.unit, formula: String(q.formula), note: q.note, path: [...base, "quantities", i]});
    });
  };
  declare(undefined, [], file.parameters, file.quantities);
  file.interventions.forEach((iv, j) => {
    declare(iv.id, ["interventions", j], iv.parameters, iv.quantities);
    iv.flows.forEach((f, i) => {
      add({name: `${iv.id}:${f.id}`, kind: "flow", scope: iv.id, id: f.id, label: f.label, unit: "€", formula: String(f.amount), note: f.note, path: ["interventions", j, "flows", i]});
    });
  });

  // Name resolution: local to the intervention, then study level, then kengetallen and other interventions.
  const resolverFor = (scope: string | undefined, usedAt: (string | number)[] = []) => (name: string): string | undefined => {
    if (name.startsWith("k.")) {
      const id = name.slice(2);
      if (nodes.has(name)) return name;
      const k = context.kengetal(id);
      if (!k) return undefined;
      let priceFactor = 1;
      if (k.unit.startsWith("€") && k.priceYear !== undefined && k.priceYear !== file.priceYear && context.priceFactor) {
        try {
          priceFactor = context.priceFactor(k.priceYear, file.priceYear);
        } catch (error) {
          throw new ModelError(`kengetal "k.${id}" (price year ${k.priceYear}) cannot be converted to the model's price year ${file.priceYear}: ${(error as Error).message}`, usedAt);
        }
      }
      // Value and money-valued uncertainty bounds move to the model's price year together.
      const uncertainty = k.uncertainty && priceFactor !== 1 ? scaleUncertainty(k.uncertainty, priceFactor) : k.uncertainty;
      add({name, kind: "kengetal", id, label: k.label, unit: k.unit, path: [], leaf: {value: k.value * priceFactor, extend: "last", uncertainty, source: k.source, priceFactor, priceYear: k.priceYear}});
      return name;
    }
    if (!name.includes(".")) {
      if (scope && nodes.has(`${scope}.${name}`)) return `${scope}.${name}`;
      if (nodes.has(name) && nodes.get(name)!.kind !== "flow") return name;
      return undefined;
    }
    const [head, ...rest] = name.split(".");
    if (interventionIds.has(head) && rest.length === 1 && nodes.has(name)) return name;
    return undefined;
  };
  const knownNames = (scope: string | undefined) => () =>
    [...nodes.values()].filter((n) => n.kind !== "flow" && (n.scope === undefined || n.scope === scope)).map((n) => (n.scope === scope ? n.id : n.name));

  for (const node of [...nodes.values()]) {
    if (node.formula === undefined) continue;
    try {
      node.ir = resolveFormula(node.formula, resolverFor(node.scope, [...node.path, node.kind === "flow" ? "amount" : "formula"]), knownNames(node.scope));
    } catch (error) {
      if (error instanceof FormulaError) throw new ModelError(error.message, [...node.path, node.kind === "flow" ? "amount" : "formula"]);
      throw error;
    }
    node.deps = dependencies(node.ir);
  }

  // Per-post discount rates.
  const posts = new Map<string, Post>();
  const postRate = new Map<string, string>();
  file.posts.forEach((p, i) => {
    if (posts.has(p.id)) throw new ModelError(`post "${p.id}" is defined twice`, ["posts", i, "id"]);
    posts.set(p.id, p);
    let rate = "discountRate";
    if (p.discountRate) {
      const n = resolverFor(undefined)(p.discountRate);
      if (!n) throw new ModelError(`unknown discount-rate parameter "${p.discountRate}" (define it under parameters)`, ["posts", i, "discountRate"]);
      rate = n;
      if (!nodes.get(n)!.leaf) throw new ModelError(`"${p.discountRate}" is a formula, not an input: a post's discount rate must be a parameter (a number the file states), so that it can be checked to be greater than -1`, ["posts", i, "discountRate"]);
      const leaf = nodes.get(n)!.leaf;
      if (leaf && typeof leaf.value === "number") {
        if (!(leaf.value > -1)) throw new ModelError(`discount rate "${p.discountRate}" is ${leaf.value}; a discount rate must be greater than -1 (−100 %)`, ["posts", i, "discountRate"]);
        rateWarning(leaf.value, ["posts", i, "discountRate"], `the discount rate "${p.discountRate}" of post "${p.id}"`);
      }
    }
    postRate.set(p.id, rate);
  });

  // Series inference (fixed point: a node is a series if it uses the year or a series in the same or an earlier year).
  for (const node of nodes.values()) {
    if (node.leaf) node.series = Array.isArray(node.leaf.value);
    else if (node.kind === "flow") node.series = true;
    else node.series = usesYear(node.ir!);
  }
  for (let changed = true; changed; ) {
    changed = false;
    for (const node of nodes.values()) {
      if (node.series || node.leaf) continue;
      if (node.deps.some((d) => d.kind !== "whole" && nodes.get(d.node)!.series)) {
        node.series = true;
        changed = true;
      }
    }
  }
  for (const [rateName] of new Map([...postRate.values()].map((r) => [r, true]))) {
    if (nodes.get(rateName)!.series) throw new ModelError(`discount rate "${rateName}" must be a single number, not a series`, nodes.get(rateName)!.path);
  }

  // Lines of the cash-flow table.
  const lines: Line[] = [];
  file.interventions.forEach((iv, j) => {
    iv.flows.forEach((f: Flow, i) => {
      const node = `${iv.id}:${f.id}`;
      const checkPost = (post: string, field: string): string => {
        if (!posts.has(post)) throw new ModelError(`unknown post "${post}"; known posts: ${[...posts.keys()].join(", ")}`, ["interventions", j, "flows", i, field]);
        return post;
      };
      if (isTransfer(f)) {
        const from = checkPost(f.postFrom ?? f.post!, f.postFrom ? "postFrom" : "post");
        const to = checkPost(f.postTo ?? f.post!, f.postTo ? "postTo" : "post");
        const fromActor = checkActor(f.transfer.from, ["interventions", j, "flows", i, "transfer", "from"]);
        const toActor = checkActor(f.transfer.to, ["interventions", j, "flows", i, "transfer", "to"]);
        // One rate for both ends (the study's), so that the transfer nets to zero by construction.
        lines.push({intervention: iv.id, flow: f.id, label: f.label, post: from, actor: fromActor, sign: -1, transfer: true, node, rate: "discountRate"});
        lines.push({intervention: iv.id, flow: f.id, label: f.label, post: to, actor: toActor, sign: 1, transfer: true, node, rate: "discountRate"});
      } else {
        const post = checkPost(f.post!, "post");
        lines.push({intervention: iv.id, flow: f.id, label: f.label, post, actor: checkActor(f.actor!, ["interventions", j, "flows", i, "actor"]), sign: f.effect === "cost" ? -1 : 1, transfer: false, node, rate: postRate.get(post)!});
      }
    });
  });

  // Names given by interventions: participants (a count) and qalys (QALYs per year) of this intervention.
  file.interventions.forEach((iv, j) => {
    if (iv.participants !== undefined && resolverFor(iv.id)(iv.participants) === undefined) {
      throw new ModelError(`unknown participants "${iv.participants}"; expected a parameter or quantity of this intervention or the study`, ["interventions", j, "participants"]);
    }
    if (iv.qalys !== undefined && !nodes.has(`${iv.id}.${iv.qalys}`)) {
      throw new ModelError(`unknown qalys "${iv.qalys}"; expected a parameter or quantity of this intervention (QALYs gained per year)`, ["interventions", j, "qalys"]);
    }
  });
  // Counts, shares and rates (lib/model/value-rules.ts): the file's own values, then every scenario's.
  const rateNodes = new Set(["discountRate", ...postRate.values()]);
  const participantNodes = new Set(file.interventions.filter((iv) => iv.participants !== undefined).map((iv) => resolverFor(iv.id)(iv.participants!)!));
  const kindOfNode = (n: GraphNode) => kindOf(n.unit, {rate: rateNodes.has(n.name), participants: participantNodes.has(n.name)});
  for (const node of nodes.values()) {
    if (node.kind !== "parameter") continue;
    const problem = valueProblem(kindOfNode(node), node.leaf!.value);
    if (problem) throw new ModelError(`"${node.id}" (unit ${node.unit}): ${problem}`, [...node.path, "value"]);
  }
  // Scenario targets: every name a scenario sets is an input (a leaf), with a value of its shape.
  file.scenarios.forEach((sc, i) => {
    for (const [name, value] of Object.entries(sc.set)) {
      const path = ["scenarios", i, "set", name];
      const target = nodes.get(name) ?? (name.startsWith("k.") ? (resolverFor(undefined, path)(name), nodes.get(name)) : undefined);
      if (!target) throw new ModelError(`scenario "${sc.id}" sets "${name}", which is not an input of this model (a study parameter "x", an intervention's "iv.x", a kengetal "k.id" or "discountRate")`, path);
      if (!target.leaf) throw new ModelError(`scenario "${sc.id}" sets "${name}", which is a formula (${target.formula}), not an input`, path);
      if (Array.isArray(value)) {
        if (!Array.isArray(target.leaf.value)) throw new ModelError(`"${name}" is a single number, found a list`, path);
        if (value.length > H) throw new ModelError(`a series of ${value.length} values for a horizon of ${H} years`, path);
      }
      const kind = kindOfNode(target);
      const problem = kind === "rate" && typeof value === "number" && new Set(postRate.values()).has(target.name) ? null : valueProblem(kind, value); // a single rate: below, with its own message
      if (problem) throw new ModelError(`scenario "${sc.id}" sets "${name}" (unit ${target.unit}): ${problem}`, path);
      if (typeof value === "number" && new Set(postRate.values()).has(target.name)) {
        if (!(value > -1)) throw new ModelError(`scenario "${sc.id}" sets the discount rate "${name}" to ${value}; a discount rate must be greater than -1 (−100 %)`, path);
        rateWarning(value, path, `the discount rate "${name}" set by scenario "${sc.id}"`);
      }
    }
  });

  const stages = plan(nodes);
  // Flows must vary by year explicitly: a constant amount is ambiguous (once? every year?).
  for (const node of nodes.values()) {
    if (node.kind !== "flow") continue;
    const scalarFormula = !usesYear(node.ir!) && !node.deps.some((d) => d.kind !== "whole" && nodes.get(d.node)!.series);
    if (scalarFormula) {
      throw new ModelError(`the amount "${node.formula}" is the same in every year; write once(...) for an amount in year 0 only, or yearly(...) for every year of the horizon`, [...node.path, "amount"]);
    }
  }

  // Slots.
  let scalarCount = 0;
  let seriesCount = 0;
  const leaves: GraphNode[] = [];
  for (const node of nodes.values()) {
    if (node.series) node.slot = seriesCount++ * H;
    else node.slot = scalarCount++;
    if (node.leaf) leaves.push(node);
  }
  const startYear = file.startYear ?? 0;
  const kernelSource = generateKernel(nodes, stages, H, startYear);
  // The kernel is generated from the model's own formulas after resolution: only numbers, slots
  // and Math calls reach the source, never text from the file.
  const kernel = new Function("return " + kernelSource)() as (S: Float64Array, V: Float64Array) => void;
  return {file, horizon: H, startYear, nodes, leaves, stages, lines, posts, postRate, scalarCount, seriesCount, kernel, kernelSource, warnings};
}

/** Order nodes so that same-year and whole-series dependencies come first; group series into loops. */
function plan(nodes: Map<string, GraphNode>): Stage[] {
  const indegree = new Map<string, number>();
  const users = new Map<string, string[]>();
  for (const node of nodes.values()) {
    indegree.set(node.name, 0);
    users.set(node.name, []);
  }
  for (const node of nodes.values()) {
    for (const d of new Set(node.deps.filter((d) => d.kind !== "lag").map((d) => d.node))) {
      if (d === node.name) throw new ModelError(`"${node.id}" uses itself in the same year; refer to an earlier year as ${node.id}[t - 1]`, node.path);
      indegree.set(node.name, indegree.get(node.name)! + 1);
      users.get(d)!.push(node.name);
    }
  }
  // Kahn's algorithm, taking scalars before series so that series loops stay long.
  const readyScalar: string[] = [];
  const readySeries: string[] = [];
  for (const [name, deg] of indegree) if (deg === 0) (nodes.get(name)!.series ? readySeries : readyScalar).push(name);
  const order: string[] = [];
  while (readyScalar.length || readySeries.length) {
    const name = readyScalar.length ? readyScalar.shift()! : readySeries.shift()!;
    order.push(name);
    for (const u of users.get(name)!) {
      indegree.set(u, indegree.get(u)! - 1);
      if (indegree.get(u) === 0) (nodes.get(u)!.series ? readySeries : readyScalar).push(u);
    }
  }
  if (order.length < nodes.size) {
    const stuck = [...indegree].filter(([, d]) => d > 0).map(([n]) => nodes.get(n)!);
    throw new ModelError(`circular formulas: ${stuck.map((n) => n.name).join(" → ")} (a quantity may only use an earlier year of itself, as x[t - 1])`, stuck[0].path);
  }
  const stages: Stage[] = [];
  const stageOf = new Map<string, number>();
  for (const name of order) {
    const node = nodes.get(name)!;
    if (node.leaf) continue;
    if (!node.series) {
      stages.push({kind: "scalar", node: name});
      stageOf.set(name, stages.length - 1);
      continue;
    }
    const last = stages[stages.length - 1];
    const needsWhole = node.deps.some((d) => d.kind === "whole" && last?.kind === "loop" && last.nodes.includes(d.node));
    if (last?.kind === "loop" && !needsWhole) last.nodes.push(name);
    else stages.push({kind: "loop", nodes: [name]});
    stageOf.set(name, stages.length - 1);
  }
  for (const node of nodes.values()) {
    for (const d of node.deps) {
      if (d.kind !== "lag") continue;
      const target = nodes.get(d.node)!;
      if (target.leaf) continue;
      if ((stageOf.get(d.node) ?? -1) > (stageOf.get(node.name) ?? -1)) {
        throw new ModelError(`"${node.id}" uses an earlier year of "${target.id}", but "${target.id}" needs a whole-series value that is computed later`, node.path);
      }
    }
  }
  return stages;
}

/**
 * The JavaScript of a binary operator over two operand expressions: comparisons and logic give 1 or
 * 0. Shared by the one-draw kernel (here) and the block kernel (block-kernel.ts).
 */
export function binaryCode(operator: string, a: string, b: string): string {
  switch (operator) {
    case "**":
      return `Math.pow(${a}, ${b})`;
    case "==":
      return `(${a} === ${b} ? 1 : 0)`;
    case "!=":
      return `(${a} !== ${b} ? 1 : 0)`;
    case "<":
    case "<=":
    case ">":
    case ">=":
      return `(${a} ${operator} ${b} ? 1 : 0)`;
    case "&&":
      return `(${a} && ${b} ? 1 : 0)`;
    case "||":
      return `(${a} || ${b} ? 1 : 0)`;
    default:
      return `(${a} ${operator} ${b})`;
  }
}

/** The JavaScript of a formula function call over its argument expressions (both kernels; `t` is the year). */
export function callCode(fn: string, args: string[]): string {
  switch (fn) {
    case "clamp":
      return `Math.min(Math.max(${args[0]}, ${args[1]}), ${args[2]})`;
    case "if":
      return `(${args[0]} ? ${args[1]} : ${args[2]})`;
    case "once":
      return `(t === 0 ? ${args[0]} : 0)`;
    case "yearly":
      return args[0];
    default:
      return `Math.${fn}(${args.join(", ")})`;
  }
}

function generateKernel(nodes: Map<string, GraphNode>, stages: Stage[], H: number, startYear: number): string {
  const ref = (e: Extract<IR, {op: "ref"}>, series: boolean): string => {
    const target = nodes.get(e.node)!;
    const at = (i: string) => (target.series ? `V[${target.slot} + ${i}]` : `S[${target.slot}]`);
    switch (e.index.kind) {
      case "same":
        return target.series ? `V[${target.slot} + t]` : `S[${target.slot}]`;
      case "lag":
        return `(t >= ${e.index.lag} ? ${at(`t - ${e.index.lag}`)} : 0)`;
      case "at": {
        const i = code(e.index.expr, series);
        return target.series ? `AT(V, ${target.slot}, ${i})` : `ATS(S[${target.slot}], ${i})`;
      }
    }
  };
  const code = (e: IR, series: boolean): string => {
    switch (e.op) {
      case "num":
        return Object.is(e.value, -0) ? "0" : `(${e.value})`;
      case "t":
        return "t";
      case "year":
        return `(${startYear} + t)`;
      case "horizon":
        return `${H}`;
      case "ref":
        return ref(e, series);
      case "sum": {
        const target = nodes.get(e.node)!;
        return target.series ? `SUM(V, ${target.slot})` : `(${H} * S[${target.slot}])`;
      }
      case "unary":
        return e.operator === "!" ? `(${code(e.arg, series)} ? 0 : 1)` : `(${e.operator}${code(e.arg, series)})`;
      case "binary": {
        const a = code(e.left, series);
        const b = code(e.right, series);
        return binaryCode(e.operator, a, b);
      }
      case "cond":
        return `(${code(e.test, series)} ? ${code(e.then, series)} : ${code(e.else, series)})`;
      case "call": {
        const args = e.args.map((x) => code(x, series));
        return callCode(e.fn, args);
      }
    }
  };
  const body: string[] = [];
  for (const stage of stages) {
    if (stage.kind === "scalar") {
      const n = nodes.get(stage.node)!;
      body.push(`  S[${n.slot}] = ${code(n.ir!, false)}; // ${n.name}`);
    } else {
      body.push(`  for (let t = 0; t < ${H}; ++t) {`);
      for (const name of stage.nodes) {
        const n = nodes.get(name)!;
        body.push(`    V[${n.slot} + t] = ${code(n.ir!, true)}; // ${n.name}`);
      }
      body.push("  }");
    }
  }
  // The helpers are created once per compiled model, outside the kernel, so that a call (one
  // Monte Carlo draw) allocates nothing.
  return [
    "(() => {",
    // x[i] for a fractional i interpolates linearly between the two neighbouring years; a year
    // outside 0 … horizon − 1 counts as 0.
    `  const AT = (V, o, i) => { const j = Math.floor(i), f = i - j; const a = j >= 0 && j < ${H} ? V[o + j] : 0; if (f === 0) return a; const b = j + 1 >= 0 && j + 1 < ${H} ? V[o + j + 1] : 0; return a + (b - a) * f; };`,
    `  const ATS = (x, i) => { const j = Math.floor(i), f = i - j; const a = j >= 0 && j < ${H} ? x : 0; if (f === 0) return a; const b = j + 1 >= 0 && j + 1 < ${H} ? x : 0; return a + (b - a) * f; };`,
    `  const SUM = (V, o) => { let s = 0; for (let i = 0; i < ${H}; ++i) s += V[o + i]; return s; };`,
    "  return function kernel(S, V) {",
    ...body,
    "  };",
    "})()"
  ].join("\n");
}
