// The whole study as tables for download: every input (parameter, kengetal, setting) with its base
// value, unit, source and price year and the value the reader set; every line's undiscounted yearly
// amount and its present value per post, actor and year; and the totals per intervention and actor.
//
// Conventions:
// - One row per leaf, or per year for a series leaf (`year` filled), so values stay numbers.
// - Values are in the model's price year (a kengetal's source value times `priceFactor`).
// - `currentValue` is filled only where the evaluation's value differs from the base value (a
//   control the reader moved).
// - Result amounts are signed for the actor: a gain is positive, a cost negative (as summary.ts).
//   `presentValue` of a row is `amount × discountFactor` at the line's rate, so the rows of an
//   intervention add up to its present values: per actor to the actor's saldo, all actors to the
//   societal saldo, and per year to the undiscounted yearly flow.
// - `scope` is an intervention id; "total" rows in the totals table are the whole model file.
import {actorLabel, type ActorId} from "../schema/actors.js";
import {formatSourceNl} from "../kengetallen/describe.js";
import {valueOf, type Evaluation} from "../model/evaluate.js";
import {discountFactors} from "./discount.js";
import {summarizeAll} from "./summary.js";

export interface InputRow {
  model: string;
  name: string;
  kind: string;
  scope: string;
  label: string;
  year: number | null;
  value: number;
  unit: string;
  currentValue: number | null;
  source: string;
  /** Price year of the source; the value is converted to the model's price year by `priceFactor`. */
  priceYear: number | null;
  priceFactor: number;
  modelPriceYear: number;
  assumption: string;
}

export interface ResultRow {
  model: string;
  scope: string;
  scopeLabel: string;
  post: string;
  postLabel: string;
  side: "kosten" | "baten";
  nature: "financieel" | "immaterieel";
  flow: string;
  flowLabel: string;
  actor: ActorId;
  actorLabel: string;
  transfer: boolean;
  year: number;
  calendarYear: number | null;
  amount: number;
  discountRate: number;
  discountFactor: number;
  presentValue: number;
}

export interface TotalRow {
  model: string;
  scope: string;
  scopeLabel: string;
  /** Empty for the societal total (the sum over actors). */
  actor: string;
  actorLabel: string;
  costs: number;
  benefits: number;
  saldo: number;
  ratio: number | null;
}

export interface StudyExport {
  inputs: InputRow[];
  results: ResultRow[];
  totals: TotalRow[];
}

/** A source as Dutch citation text: a registry/model source object, a plain string, or "". */

/** A reader's word for what kind of input a row is (the model's `kind` is code). */
const KIND_NL: Record<string, string> = {parameter: "invoer", kengetal: "kengetal", setting: "instelling", quantity: "grootheid", flow: "geldstroom"};
/** A share is written as a share: the model's unit `fraction` (0,75 = 75 %). */
const FRACTION_NL = "aandeel";
/** The unit as a reader reads it: `fraction` is a share, every other unit is already Dutch (€, jaar, personen, %). */
export function unitText(unit: string): string {
  return unit === "fraction" ? FRACTION_NL : unit;
}

export function sourceCitation(source: unknown): string {
  if (!source) return "";
  if (typeof source === "string") return source;
  if (typeof source === "object" && typeof (source as {title?: unknown}).title === "string") {
    const s = source as {title: string; seed?: string | number; note?: string};
    const text = formatSourceNl(s as Parameters<typeof formatSourceNl>[0]);
    return s.seed !== undefined ? `${text} (seed ${s.seed}${s.note ? `; ${s.note}` : ""})` : s.note ? `${text}; ${s.note}` : text;
  }
  return JSON.stringify(source);
}

function inputRows(modelFile: string, e: Evaluation): InputRow[] {
  const out: InputRow[] = [];
  for (const node of e.model.leaves) {
    const leaf = node.leaf!;
    const now = valueOf(e, node.name);
    const common = {model: modelFile, name: node.name, kind: KIND_NL[node.kind] ?? node.kind, scope: node.scope ?? "", label: node.label, unit: unitText(node.unit), source: sourceCitation(leaf.source), priceYear: leaf.priceYear ?? null, priceFactor: leaf.priceFactor ?? 1, modelPriceYear: e.model.file.priceYear, assumption: leaf.assumption ?? ""};
    if (typeof now === "number") {
      const base = Array.isArray(leaf.value) ? leaf.value[0] : leaf.value;
      out.push({...common, year: null, value: base, currentValue: now !== base ? now : null});
    } else {
      // The base series as the kernel fills it (a scalar repeats; a short list extends by its rule).
      const values = Array.isArray(leaf.value) ? leaf.value : [leaf.value];
      const extend = Array.isArray(leaf.value) ? leaf.extend : "last";
      for (let t = 0; t < now.length; ++t) {
        const base = t < values.length ? values[t] : extend === "last" ? values[values.length - 1] : 0;
        out.push({...common, year: t, value: base, currentValue: now[t] !== base ? now[t] : null});
      }
    }
  }
  return out;
}

function resultRows(modelFile: string, e: Evaluation): ResultRow[] {
  const {model, S, V} = e;
  const H = model.horizon;
  const ivLabel = new Map(model.file.interventions.map((iv) => [iv.id, iv.label]));
  const startYear = model.file.startYear ?? null;
  const out: ResultRow[] = [];
  for (const line of model.lines) {
    const post = model.posts.get(line.post)!;
    const rate = S[model.nodes.get(line.rate)!.slot];
    const f = discountFactors(rate, H);
    const offset = model.nodes.get(line.node)!.slot;
    for (let t = 0; t < H; ++t) {
      const amount = line.sign * V[offset + t];
      out.push({
        model: modelFile,
        scope: line.intervention,
        scopeLabel: ivLabel.get(line.intervention) ?? line.intervention,
        post: line.post,
        postLabel: post.label,
        side: post.side === "cost" ? "kosten" : "baten",
        nature: post.nature === "immaterial" ? "immaterieel" : "financieel",
        flow: line.flow,
        flowLabel: line.label,
        actor: line.actor,
        actorLabel: actorLabel(line.actor, model.file.actors),
        transfer: line.transfer,
        year: t,
        calendarYear: startYear === null ? null : startYear + t,
        amount,
        discountRate: rate,
        discountFactor: f[t],
        presentValue: amount * f[t]
      });
    }
  }
  return out;
}

function totalRows(modelFile: string, e: Evaluation): TotalRow[] {
  const {total, interventions} = summarizeAll(e);
  return [total, ...interventions].flatMap((s) => [
    {model: modelFile, scope: s.scope, scopeLabel: s.scope === "total" ? "alle interventies" : s.label, actor: "", actorLabel: "maatschappij", costs: s.costs, benefits: s.benefits, saldo: s.saldo, ratio: s.ratio},
    ...s.actors.map((a) => ({model: modelFile, scope: s.scope, scopeLabel: s.scope === "total" ? "alle interventies" : s.label, actor: a.actor, actorLabel: a.label, costs: a.costs, benefits: a.benefits, saldo: a.saldo, ratio: a.ratio}))
  ]);
}

/**
 * The whole study as three tables, from one evaluation per model file of the study (keyed by the
 * model file's name as study.yaml gives it): inputs, results per line and year, totals.
 */
export function studyExport(evaluations: {model: string; evaluation: Evaluation}[]): StudyExport {
  return {
    inputs: evaluations.flatMap(({model, evaluation}) => inputRows(model, evaluation)),
    results: evaluations.flatMap(({model, evaluation}) => resultRows(model, evaluation)),
    totals: evaluations.flatMap(({model, evaluation}) => totalRows(model, evaluation))
  };
}

export interface ExportColumn {
  key: string;
  /** Reader-facing (Dutch) column name. */
  label: string;
  /** How a number in this column is shown in a spreadsheet: euro, share (fraction), or plain. */
  display?: "euro" | "fraction" | "number" | "unit";
}

/** The columns of each table, in order, with Dutch names (the CSV header, the XLSX header row). */
export const exportColumns: Record<keyof StudyExport, ExportColumn[]> = {
  inputs: [
    {key: "model", label: "modelbestand"},
    {key: "scope", label: "interventie"},
    {key: "name", label: "naam"},
    {key: "kind", label: "soort"},
    {key: "label", label: "omschrijving"},
    {key: "year", label: "jaar (0 = eerste jaar)", display: "number"},
    {key: "value", label: "uitgangswaarde", display: "unit"},
    {key: "unit", label: "eenheid"},
    {key: "currentValue", label: "ingestelde waarde", display: "unit"},
    {key: "source", label: "bron"},
    {key: "priceYear", label: "prijspeil van de bron"},
    {key: "priceFactor", label: "omrekenfactor naar prijspeil model (CPI)", display: "number"},
    {key: "modelPriceYear", label: "prijspeil model"},
    {key: "assumption", label: "aanname"}
  ],
  results: [
    {key: "model", label: "modelbestand"},
    {key: "scope", label: "interventie"},
    {key: "scopeLabel", label: "interventie (naam)"},
    {key: "post", label: "post"},
    {key: "postLabel", label: "post (naam)"},
    {key: "side", label: "kant"},
    {key: "nature", label: "aard"},
    {key: "flow", label: "geldstroom"},
    {key: "flowLabel", label: "geldstroom (naam)"},
    {key: "actor", label: "belanghebbende"},
    {key: "actorLabel", label: "belanghebbende (naam)"},
    {key: "transfer", label: "overdracht"},
    {key: "year", label: "jaar (0 = eerste jaar)", display: "number"},
    {key: "calendarYear", label: "kalenderjaar"},
    {key: "amount", label: "bedrag (niet verdisconteerd, winst positief)", display: "euro"},
    {key: "discountRate", label: "discontovoet", display: "fraction"},
    {key: "discountFactor", label: "disconteringsfactor", display: "number"},
    {key: "presentValue", label: "contante waarde", display: "euro"}
  ],
  totals: [
    {key: "model", label: "modelbestand"},
    {key: "scope", label: "interventie"},
    {key: "scopeLabel", label: "interventie (naam)"},
    {key: "actor", label: "belanghebbende"},
    {key: "actorLabel", label: "belanghebbende (naam)"},
    {key: "costs", label: "kosten (NCW)", display: "euro"},
    {key: "benefits", label: "baten (NCW)", display: "euro"},
    {key: "saldo", label: "saldo (NCW)", display: "euro"},
    {key: "ratio", label: "baten-kostenverhouding", display: "number"}
  ]
};

/** Dutch table names: the `table` column of the CSV, the XLSX sheet names, the JSON keys' labels. */
export const exportTableNames: Record<keyof StudyExport, string> = {inputs: "invoer", results: "resultaten", totals: "totalen"};

/**
 * All three tables as one list of rows for a single CSV file: a first column `tabel` naming the
 * table (invoer, resultaten, totalen), then the union of the tables' columns (empty where a table
 * has no such column). Returns the columns and the rows.
 */
export function studyExportLong(x: StudyExport): {columns: ExportColumn[]; rows: Record<string, unknown>[]} {
  const columns: ExportColumn[] = [{key: "table", label: "tabel"}];
  const seen = new Set<string>(["table"]);
  for (const t of Object.keys(exportColumns) as (keyof StudyExport)[]) {
    for (const c of exportColumns[t]) {
      if (seen.has(c.key)) continue;
      seen.add(c.key);
      columns.push(c);
    }
  }
  const rows = (Object.keys(exportColumns) as (keyof StudyExport)[]).flatMap((t) => (x[t] as unknown as Record<string, unknown>[]).map((r) => ({table: exportTableNames[t], ...r})));
  return {columns, rows};
}

/** A spreadsheet cell: a number with an Excel display format, or text. */
export type SheetCell = {kind: "number"; value: number; format: string} | {kind: "text"; value: string; bold?: boolean} | null;

const EURO = "[$€-413] #,##0";
const EURO_CENTS = "[$€-413] #,##0.00";
const PERCENT = "0.0##%";
const PLAIN = "#,##0.####";

/** The Excel display format of a number in a column (an input's value takes its row's unit). */
export function sheetFormat(column: ExportColumn, row: Record<string, unknown>): string {
  if (column.key === "year" || column.key === "calendarYear" || column.key === "priceYear" || column.key === "modelPriceYear") return "0";
  switch (column.display) {
    case "euro":
      return EURO;
    case "fraction":
      return PERCENT;
    case "unit": {
      const unit = String(row.unit ?? "");
      if (unit.startsWith("€")) return EURO_CENTS;
      if (unit === FRACTION_NL) return PERCENT;
      return PLAIN;
    }
    default:
      return PLAIN;
  }
}

/**
 * The three tables as spreadsheet sheets (invoer, resultaten, totalen): a bold header row of Dutch
 * column names, then numbers as numbers with Dutch-style display formats (€, %, thousands) and text
 * as text; an empty value is an empty cell. Excel shows the formats with the reader's separators.
 */
export function studyExportSheets(x: StudyExport): {sheet: string; rows: SheetCell[][]}[] {
  return (Object.keys(exportColumns) as (keyof StudyExport)[]).map((t) => {
    const columns = exportColumns[t];
    const header: SheetCell[] = columns.map((c) => ({kind: "text", value: c.label, bold: true}));
    const body = (x[t] as unknown as Record<string, unknown>[]).map((r) =>
      columns.map((c): SheetCell => {
        const v = r[c.key];
        if (typeof v === "number") return Number.isFinite(v) ? {kind: "number", value: v, format: sheetFormat(c, r)} : null;
        if (v === null || v === undefined || v === "") return null;
        if (typeof v === "boolean") return {kind: "text", value: v ? "ja" : "nee"};
        return {kind: "text", value: String(v)};
      })
    );
    return {sheet: exportTableNames[t], rows: [header, ...body]};
  });
}
