// The assumptions register of a model, generated from the model itself and ranked by what each
// input decides; a hand-written register (data/studies/<study>/assumptions.yaml,
// lib/schema/assumptions.ts) merges in. Browser-safe: a page loader or the command line passes the
// compiled model and, when there is one, the parsed hand-written register.
//
// Conventions:
// - One row per input of the model (every leaf: settings, parameters, kengetallen it uses).
// - `origin`: "source" when the input names a source (model file, or the kengetal's registry
//   entry), "assumption" when it carries an assumption text instead; `text` is that source or
//   assumption, in the file's own words.
// - Range: the uncertainty spec's one-way range (lowHigh: its bounds, or 2,5 %/97,5 % quantiles),
//   else the slider (control) range, else none ("geen bereik opgegeven").
// - Influence: the saldo (society, whole model) with the input at the low and at the high end of
//   its range, every other input at its base value; swing = |saldo(high) − saldo(low)|. `signFlips`:
//   the saldo takes both signs (> 0 and < 0) among the base value and seven points spread evenly
//   over the range (so a flip inside a non-monotone range is caught at that resolution).
// - Rows are ranked by swing, largest first; inputs without a range follow in the model's order.
// - A hand-written entry joins every row whose input it `affects`; entries that affect no input of
//   the model (settings such as horizon, or `scenario:<id>`) are listed in `other`.
import type {CompiledModel, GraphNode} from "../model/compile.js";
import {evaluate, type LeafValue, type Overrides} from "../model/evaluate.js";
import {summarize} from "../finance/summary.js";
import type {AssumptionsFile} from "../schema/assumptions.js";
import {inputValue, uncertainInputs} from "./inputs.js";

export interface RegisterRange {
  low: number;
  high: number;
  /** "uncertainty": the spec's range; "control": the slider's. */
  basis: "uncertainty" | "control";
  /** For basis "uncertainty": the spec's type (range, normal, pert, …). */
  type?: string;
}

export interface RegisterRow {
  input: string;
  label: string;
  unit: string;
  kind: GraphNode["kind"];
  value: LeafValue;
  origin: "source" | "assumption" | "none";
  text: string;
  range: RegisterRange | null;
  influence: {saldoLow: number; saldoHigh: number; swing: number; signFlips: boolean} | null;
  /** Entries of the hand-written register that set this input. */
  register: {id: string; what: string; basis: string; value?: string}[];
}

export interface AssumptionsRegister {
  model: string;
  title: string;
  baseSaldo: number;
  rows: RegisterRow[];
  /** Hand-written entries that set no input of this model (settings such as horizon, scenarios). */
  other: {id: string; what: string; basis: string; affects: string[]}[];
}

type SourceLike = {title?: string; page?: number | string; table?: string; figure?: string; section?: string; note?: string; url?: string} | string | undefined;

/** A source as one line: title, then table/figure/section/page. */
export function sourceText(source: SourceLike): string {
  if (!source) return "";
  if (typeof source === "string") return source;
  const named = (word: string, x: string | undefined) => x && (new RegExp(`^${word}`, "i").test(x) ? x : `${word} ${x}`);
  const parts = [source.title, named("tabel", source.table), named("figuur", source.figure), source.section && `§ ${source.section}`, source.page !== undefined && `p. ${source.page}`].filter(Boolean);
  return parts.join(", ");
}

const saldoAt = (model: CompiledModel, overrides: Overrides) => summarize(evaluate(model, overrides)).saldo;

/** The register of `model` (see the conventions above), with `handWritten` merged in when given. */
export function assumptionsRegister(model: CompiledModel, handWritten?: AssumptionsFile | null): AssumptionsRegister {
  const baseSaldo = saldoAt(model, {});
  const uncertain = new Map(uncertainInputs(model).map((u) => [u.name, u]));
  const entries = handWritten?.assumptions ?? [];
  const leafNames = new Set(model.leaves.map((l) => l.name));
  const rows: RegisterRow[] = model.leaves.map((node) => {
    const leaf = node.leaf!;
    const u = uncertain.get(node.name);
    let range: RegisterRange | null = null;
    let at: ((x: number) => LeafValue) | null = null;
    if (u) {
      range = {low: u.range.low, high: u.range.high, basis: "uncertainty", type: u.spec.type};
      at = (x) => inputValue(u, x);
    } else if (leaf.control && !node.series && leaf.control.max > leaf.control.min && !(leaf.uncertainty?.type === "fixed")) {
      range = {low: leaf.control.min, high: leaf.control.max, basis: "control"};
      at = (x) => x;
    }
    let influence: RegisterRow["influence"] = null;
    if (range && at) {
      const saldoLow = saldoAt(model, {[node.name]: at(range.low)});
      const saldoHigh = saldoAt(model, {[node.name]: at(range.high)});
      const signs = new Set<number>([Math.sign(baseSaldo), Math.sign(saldoLow), Math.sign(saldoHigh)]);
      for (let i = 1; i < 6 && !(signs.has(1) && signs.has(-1)); ++i) signs.add(Math.sign(saldoAt(model, {[node.name]: at(range.low + ((range.high - range.low) * i) / 6)})));
      influence = {saldoLow, saldoHigh, swing: Math.abs(saldoHigh - saldoLow), signFlips: signs.has(1) && signs.has(-1)};
    }
    const source = sourceText(leaf.source as SourceLike);
    const origin: RegisterRow["origin"] = source ? "source" : leaf.assumption ? "assumption" : "none";
    return {
      input: node.name,
      label: node.label,
      unit: node.unit,
      kind: node.kind,
      value: leaf.value,
      origin,
      text: source || leaf.assumption || "",
      range,
      influence,
      register: entries.filter((a) => a.affects.includes(node.name)).map((a) => ({id: a.id, what: a.what, basis: a.basis, ...(a.value ? {value: a.value} : {})}))
    };
  });
  const order = new Map(rows.map((r, i) => [r.input, i]));
  rows.sort((a, b) => (b.influence?.swing ?? -1) - (a.influence?.swing ?? -1) || order.get(a.input)! - order.get(b.input)!);
  return {
    model: model.file.id,
    title: model.file.title,
    baseSaldo,
    rows,
    other: entries.filter((a) => !a.affects.some((n) => leafNames.has(n))).map((a) => ({id: a.id, what: a.what, basis: a.basis, affects: a.affects}))
  };
}
