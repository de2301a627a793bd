// The study report (issue 20, point 7): one printable Dutch document per study, built from the same
// data as the study's other pages. Pure and browser-safe: the page (src/studies/[study]/rapport.md)
// renders the document model as HTML, the download (src/components/studyReport.js) as a Word file,
// so both show the same sections, rows and words.
//
// Conventions:
// - The reader's inputs come from the page address, in the same codec and keys as the item pages
//   (lib/page-state.ts; one key per control leaf, model units; a series input is keyed by its largest
//   value and scales the whole series, as lib/model/control-values.ts does). A key applies to every
//   model file of the study that has an input of that name; a refused value keeps the base value
//   and its Dutch message is listed in the report.
// - Inputs: every input an item page has a box for (a control range, or a role input of "Uw gemeente"
//   with its box range: pageBoxLeaves), per model file, with its value, the report's value and
//   whether the reader changed it (`marked`).
// - Results per actor: lib/model/evaluate.ts + lib/finance/summary.ts, per intervention, at the
//   reader's inputs (the item pages' own calculation).
// - Conclusion per intervention: the item pages' sentence (lib/analysis/conclusion.ts) with the
//   tornado's bandwidth at the reader's inputs (lib/analysis/sensitivity.ts oneWay; over the slider
//   ranges where the model states no uncertainty), the same rule as src/components/conclusion.js.
// - Uncertainty: the assumptions register (lib/analysis/assumptions-register.ts) at the report's
//   inputs: the inputs with the largest swing in saldo over their range, and how many can flip its sign.
// - Verdicts: the Reproductie verdict of every printed figure linked to the study's pages; they hold
//   at the report's inputs only, which the report says when the reader changed one.
import type {CompiledModel, GraphNode} from "../model/compile.js";
import {evaluate, valueOf, type LeafValue, type Overrides} from "../model/evaluate.js";
import {summarize, type Summary} from "../finance/summary.js";
import {baseNumber, controlLeaves, overrideFor, type ControlLeaf} from "../model/control-values.js";
import {allRoleControlRanges} from "../analysis/municipality.js";
import {interventionRoles} from "../analysis/roles.js";
import {decodeState, isReservedKey, type StateInput} from "../page-state.js";
import {formatEuro, formatInputNumber, formatNumber, formatQuantity, isKnownUnit, parseUnit} from "../format.js";
import {readerCitations} from "../reader-citation.js";
import {sourceText, type AssumptionsRegister, type RegisterRow} from "../analysis/assumptions-register.js";
import type {PageVerdict} from "../reproduce/verdict.js";
import {amountBasis, basisText, printedText} from "../reproduce/verdict.js";
import {VERDICT_LABEL} from "../reproduce/labels.js";
import {oneWay, sensitivityInputs, type SensitivityResult} from "../analysis/sensitivity.js";
import {bandwidth, conclusionSentence, decidingInputs} from "../analysis/conclusion.js";
import type {Verdict} from "../reproduce/checks.js";

// ---------------------------------------------------------------------------------------------
// The document model

/** A table cell: text, optionally a verdict (drawn as a badge on the page) or a marked value. */
export type ReportCell = string | {text: string; verdict?: Verdict; marked?: boolean};

export interface ReportTable {
  kind: "table";
  caption: string;
  columns: {label: string; align?: "left" | "right"}[];
  /** `marked`: a row the reader changed (drawn highlighted, "gewijzigd" in its last column); `key`: the input's address key. */
  rows: {cells: ReportCell[]; marked?: boolean; key?: string; min?: number; max?: number}[];
}

export type ReportBlock =
  | {kind: "heading"; level: 2 | 3; text: string; id?: string}
  | {kind: "paragraph"; text: string; tone?: "note" | "warning"}
  | {kind: "list"; items: string[]}
  | ReportTable;

export interface ReportChange {
  model: string;
  input: string;
  label: string;
  base: string;
  value: string;
}

export interface ReportDocument {
  title: string;
  subtitle: string;
  /** File name of the Word download, without extension. */
  filename: string;
  blocks: ReportBlock[];
  /** Inputs the reader changed (one per model file that has the input). */
  changes: ReportChange[];
  /** Dutch messages for address values that were not taken, and for unknown keys. */
  refused: string[];
  /** Society's saldo per intervention at the reader's inputs (the figures the page and the file show). */
  saldi: {model: string; intervention: string; title: string; saldo: number; text: string}[];
}

// ---------------------------------------------------------------------------------------------
// The input

export interface ReportStudy {
  id: string;
  title: string;
  shortTitle: string;
  report: string;
  question: string;
  computes: string;
  differences: string;
  seed?: string;
  citation?: {title: string; publisher: string; year: number; url?: string; doi?: string};
}

export interface ReportItem {
  id: string;
  title: string;
  approach: string;
  targetGroup: string;
  model: string;
  intervention: string;
  amountsPerParticipant?: boolean;
  source?: string;
  /** Printed figures linked to the page, with the verdict of their Reproductie row. */
  printed?: {label?: string | null; quantity: string; verdict: PageVerdict | null}[];
  comparisons?: {label: string; printed?: {actor: string; computed: string; verdict: PageVerdict | null}[]}[];
}

export interface ReportTool {
  id: string;
  title: string;
  model: string;
  outputs: {name: string; label: string; unit: string; series?: boolean; figure?: {verdict: PageVerdict | null} | null}[];
}

export interface StudyReportInput {
  study: ReportStudy;
  items: ReportItem[];
  tools?: ReportTool[];
  /** Every model file of the study, compiled as the pages have it (with the sliders the loader derived). */
  models: {file: string; model: CompiledModel}[];
  /** The page address's query ("?a=1&v=1" or ""). */
  query?: string;
  /** The assumptions register per model file (at the report's inputs). */
  registers?: {file: string; register: AssumptionsRegister}[];
  /** Further printed figures of the study with their verdicts (a cockpit's), labelled. */
  figures?: {label: string; verdict: PageVerdict | null}[];
  /** How many register rows per model the uncertainty section lists (default 8). */
  topInputs?: number;
}

// ---------------------------------------------------------------------------------------------
// Inputs from the address

const boxCache = new WeakMap<CompiledModel, ControlLeaf[]>();
/**
 * The inputs an item page of the model has a box for: its control leaves and the role inputs of
 * "Uw gemeente" (participants, benefit level, …) with the ranges of the page's boxes.
 */
export function pageBoxLeaves(model: CompiledModel): ControlLeaf[] {
  let leaves = boxCache.get(model);
  if (!leaves) boxCache.set(model, (leaves = controlLeaves(model, {ranges: allRoleControlRanges(model, interventionRoles(model))})));
  return leaves;
}

/** The page-state inputs of a model's boxes: the same keys, labels and ranges as the item pages' boxes. */
export function controlStateInputs(model: CompiledModel): StateInput[] {
  return pageBoxLeaves(model).map((leaf) => ({key: leaf.name, label: leaf.leaf.control.label ?? leaf.label, min: leaf.leaf.control.min, max: leaf.leaf.control.max, base: baseNumber(leaf), unit: leaf.unit}));
}

/**
 * The overrides an address gives for one model (as the item page's controls would set them), and the
 * refusals; keys the model does not know are returned in `unknown`.
 */
export function overridesFromQuery(model: CompiledModel, query: string): {overrides: Overrides; refused: string[]; unknown: string[]} {
  const leaves = new Map(pageBoxLeaves(model).map((l) => [l.name, l]));
  const decoded = decodeState(controlStateInputs(model), query);
  const overrides: Overrides = {};
  for (const [key, v] of Object.entries(decoded.values)) {
    const leaf = leaves.get(key)!;
    if (typeof v !== "number" || v === baseNumber(leaf)) continue;
    overrides[key] = overrideFor(leaf, leaf.unit === "fraction" ? v * 100 : v);
  }
  return {overrides, refused: decoded.refused.map((r) => r.message), unknown: decoded.unknown};
}

// ---------------------------------------------------------------------------------------------
// Text

/** Markdown of a study file as plain paragraphs: emphasis, code and link markup out, reader citations. */
export function plainParagraphs(markdown: string | undefined): string[] {
  if (!markdown) return [];
  return readerCitations(markdown)
    .split(/\n\s*\n/)
    .map((p) =>
      p
        .replace(/\[([^\]]+)\]\([^)]*\)/g, "$1")
        .replace(/`([^`]*)`/g, "$1")
        .replace(/\*\*([^*]+)\*\*/g, "$1")
        .replace(/(^|[\s(])[*_]([^*_]+)[*_](?=[\s).,;:!?]|$)/g, "$1$2")
        .replace(/\s+/g, " ")
        .trim()
    )
    .filter(Boolean);
}

const decimals = (x: number) => {
  const s = String(Number(x.toPrecision(12)));
  const i = s.indexOf(".");
  return i < 0 || s.includes("e") ? 0 : Math.min(6, s.length - i - 1);
};

/** One number of an input as a reader reads it, with its unit and every significant decimal. */
export function inputNumberText(x: number, unit: string): string {
  if (unit === "fraction") return formatQuantity(x, "fraction", {digits: decimals(Number((x * 100).toPrecision(12)))});
  if (unit && isKnownUnit(unit) && parseUnit(unit).base !== "%") return formatQuantity(x, unit, {digits: decimals(x)});
  if (unit === "%") return formatQuantity(x, "%", {digits: decimals(x)});
  return unit ? `${formatInputNumber(x)} ${unit}` : formatInputNumber(x);
}

/** An input's value (a number or a series per year) as text. */
export function inputValueText(value: LeafValue, unit: string): string {
  if (typeof value === "number") return inputNumberText(value, unit);
  const xs = Array.from(value as ArrayLike<number>);
  return `reeks per jaar: ${xs.map((x) => inputNumberText(x, unit)).join("; ")}`;
}

const sameValue = (a: LeafValue, b: LeafValue) => {
  const close = (x: number, y: number) => x === y || Math.abs(x - y) <= 1e-9 * Math.max(1, Math.abs(x), Math.abs(y));
  if (typeof a === "number" || typeof b === "number") return typeof a === "number" && typeof b === "number" && close(a, b);
  const [xs, ys] = [Array.from(a as ArrayLike<number>), Array.from(b as ArrayLike<number>)];
  return xs.length === ys.length && xs.every((x, i) => close(x, ys[i]));
};

const ratioText = (r: number | null) => (r === null ? "—" : formatNumber(r, 2));

function verdictCell(v: PageVerdict | null): ReportCell {
  return v ? {text: VERDICT_LABEL[v.verdict] + (v.verdict === "close" && v.gapPercent !== null ? ` (${v.gapPercent > 0 ? "+" : ""}${formatNumber(v.gapPercent, 1)}%)` : ""), verdict: v.verdict} : "—";
}

function computedText(v: PageVerdict): string {
  return v.computed === null ? "—" : printedText({printed: v.computed, unit: v.unit, decimals: v.decimals});
}

function rangeText(row: RegisterRow): string {
  if (!row.range) return "geen bereik opgegeven";
  return `${inputNumberText(row.range.low, row.unit)} tot ${inputNumberText(row.range.high, row.unit)}`;
}

/**
 * The tornado at the reader's inputs, as the item pages compute it for their conclusion: over the
 * uncertainty specs, or over the slider ranges where the model states none; null when an end of a
 * range gives no finite result or an input is refused there (the sentence then has no bandwidth).
 */
function tornadoAt(model: CompiledModel, overrides: Overrides): SensitivityResult | null {
  try {
    return oneWay(model, {overrides, controlRanges: sensitivityInputs(model, {overrides}).length === 0});
  } catch {
    // As src/components/conclusion.js: the sentence from the saldo alone.
    return null;
  }
}

// ---------------------------------------------------------------------------------------------
// The report

/** The study report as a document model (see the conventions at the top of this file). */
export function studyReport(input: StudyReportInput): ReportDocument {
  const {study, items, tools = [], models, query = "", registers = [], figures = [], topInputs = 8} = input;
  const blocks: ReportBlock[] = [];
  const h2 = (text: string, id?: string) => blocks.push({kind: "heading", level: 2, text, ...(id ? {id} : {})});
  const h3 = (text: string, id?: string) => blocks.push({kind: "heading", level: 3, text, ...(id ? {id} : {})});
  const p = (text: string, tone?: "note" | "warning") => blocks.push({kind: "paragraph", text, ...(tone ? {tone} : {})});
  const multiModel = models.length > 1;
  const modelTitle = (m: CompiledModel, file: string) => (multiModel ? `${m.file.title} (${file})` : m.file.title);

  // The reader's inputs per model file, from the address.
  const refused: string[] = [];
  const unknownSets: Set<string>[] = [];
  const state = models.map(({file, model}) => {
    const r = overridesFromQuery(model, query);
    refused.push(...r.refused);
    unknownSets.push(new Set(r.unknown));
    return {file, model, overrides: r.overrides};
  });
  const unknown = unknownSets.length ? [...unknownSets[0]].filter((k) => !isReservedKey(k) && unknownSets.every((s) => s.has(k))) : [];
  if (unknown.length) refused.push(`Het adres noemt ${unknown.length === 1 ? "een invoer" : "invoer"} die geen rekenmodel van deze studie kent: ${unknown.join(", ")}. Die ${unknown.length === 1 ? "is" : "zijn"} genegeerd.`);
  const changes: ReportChange[] = [];
  for (const {file, model, overrides} of state) {
    for (const [name, value] of Object.entries(overrides)) {
      const leaf = model.nodes.get(name) as GraphNode;
      if (sameValue(value, leaf.leaf!.value as LeafValue)) continue;
      changes.push({model: file, input: name, label: leaf.leaf!.control?.label ?? leaf.label, base: inputValueText(leaf.leaf!.value as LeafValue, leaf.unit), value: inputValueText(value, leaf.unit)});
    }
  }
  const changed = changes.length > 0;

  const source = study.citation ? `${study.citation.title} (${study.citation.publisher}, ${study.citation.year})` : "";
  const title = `Studierapport: ${study.title}`;
  const subtitle = changed
    ? `Berekend met Rendement bij de invoer van de lezer: ${changes.length} ${changes.length === 1 ? "invoerwaarde wijkt" : "invoerwaarden wijken"} af van het rapport (gemarkeerd in hoofdstuk 2).`
    : "Berekend met Rendement bij de invoer van het rapport.";

  // 1. Question and approach.
  h2("1. Vraag en aanpak", "vraag");
  if (study.citation) p(`Rapport: ${source}.`);
  for (const t of plainParagraphs(study.report)) p(t);
  h3("Wat vroeg het rapport?");
  for (const t of plainParagraphs(study.question)) p(t);
  h3("Wat rekent Rendement?");
  for (const t of plainParagraphs(study.computes)) p(t);
  h3("Waar verschillen rapport en Rendement?");
  for (const t of plainParagraphs(study.differences)) p(t);
  if (items.length) {
    blocks.push({
      kind: "table",
      caption: "Interventies van de studie",
      columns: [{label: "interventie"}, {label: "aanpak"}, {label: "doelgroep"}, {label: "bron"}],
      rows: items.map((i) => ({cells: [i.title, i.approach, i.targetGroup, i.source ? readerCitations(i.source) : "—"]}))
    });
  }

  // 2. Inputs.
  h2("2. Gebruikte invoer", "invoer");
  p(
    changed
      ? `De lezer heeft ${changes.length} ${changes.length === 1 ? "invoerwaarde" : "invoerwaarden"} gewijzigd; ${changes.length === 1 ? "die staat" : "die staan"} gemarkeerd met “gewijzigd”, naast de waarde van het rapport. Alle andere invoer staat op de waarde van het rapport.`
      : "Alle invoer staat op de waarde van het rapport (de uitgangswaarden van het model). Wie op een pagina van de studie invoer verschuift en daarna het studierapport opent, ziet hier de gewijzigde waarden gemarkeerd."
  );
  for (const message of refused) p(message, "warning");
  for (const {file, model, overrides} of state) {
    const leaves: ControlLeaf[] = pageBoxLeaves(model);
    if (multiModel) h3(`Invoer van ${modelTitle(model, file)}`);
    if (!leaves.length) {
      p("Dit rekenmodel heeft geen instelbare invoer; het rekent met de waarden uit het modelbestand.");
      continue;
    }
    blocks.push({
      kind: "table",
      caption: multiModel ? `Invoer (${file}): ${leaves.length} instelbare waarden` : `Invoer: ${leaves.length} instelbare waarden`,
      columns: [{label: "invoer"}, {label: "gebruikte waarde", align: "right"}, {label: "waarde rapport", align: "right"}, {label: "bron of aanname"}, {label: "status"}],
      rows: leaves.map((leaf) => {
        const base = leaf.leaf.value as LeafValue;
        const used = overrides[leaf.name] ?? base;
        const marked = !sameValue(used, base);
        const src = sourceText(leaf.leaf.source as Parameters<typeof sourceText>[0]);
        const origin = src ? `bron: ${readerCitations(src)}` : leaf.leaf.assumption ? `aanname: ${readerCitations(leaf.leaf.assumption)}` : "—";
        return {
          key: leaf.name,
          min: leaf.leaf.control.min,
          max: leaf.leaf.control.max,
          marked,
          cells: [leaf.leaf.control.label ?? leaf.label, {text: inputValueText(used, leaf.unit), marked}, inputValueText(base, leaf.unit), origin, marked ? {text: "gewijzigd", marked: true} : "rapport"]
        };
      })
    });
  }

  // 3. Results per actor.
  h2("3. Uitkomsten per belanghebbende", "uitkomsten");
  p(`Netto contante waarde van kosten en baten per belanghebbende, ${changed ? "bij de invoer van de lezer" : "bij de invoer van het rapport"}; een positief saldo is winst. Berekend met hetzelfde rekenmodel als de andere pagina's van de studie.`);
  const saldi: ReportDocument["saldi"] = [];
  const bands: {title: string; saldo: number; interval: ReturnType<typeof bandwidth>; deciding: string[]}[] = [];
  for (const {file, model, overrides} of state) {
    const e = evaluate(model, overrides);
    const tornado = tornadoAt(model, overrides);
    const own = items.filter((i) => i.model === file);
    // Interventions with a page first (in the study's order), then the model's others.
    const scopes = [...own.map((i) => ({intervention: i.intervention, title: i.title, id: i.id, perParticipant: i.amountsPerParticipant ?? false})), ...model.file.interventions.filter((iv) => !own.some((i) => i.intervention === iv.id)).map((iv) => ({intervention: iv.id, title: multiModel ? `${iv.label} (${model.file.title})` : iv.label, id: `${file.replace(/\.ya?ml$/, "")}-${iv.id}`, perParticipant: false}))];
    for (const scope of scopes) {
      const s: Summary = summarize(e, scope.intervention);
      const basis = basisText(amountBasis(s.participants, scope.perParticipant));
      const saldoText = `Maatschappelijk saldo: ${formatEuro(s.saldo)} (${basis}).`;
      saldi.push({model: file, intervention: scope.intervention, title: scope.title, saldo: s.saldo, text: saldoText});
      h3(scope.title, `uitkomsten-${scope.id}`);
      p(`${saldoText} Kosten ${formatEuro(s.costs)}, baten ${formatEuro(s.benefits)}; maatschappelijke B/K-verhouding ${ratioText(s.ratio)}, financiële ${ratioText(s.financialRatio)}. Horizon ${formatNumber(s.horizon)} jaar.`);
      const t = tornado?.interventions.find((x) => x.scope === scope.intervention) ?? null;
      const interval = t ? bandwidth(null, t) : null;
      const deciding = t ? decidingInputs(t) : [];
      bands.push({title: scope.title, saldo: s.saldo, interval, deciding});
      p(`Conclusie: ${conclusionSentence({saldo: s.saldo, interval, deciding})}`, "note");
      blocks.push({
        kind: "table",
        caption: `${scope.title}: per belanghebbende (${basis})`,
        columns: [{label: "belanghebbende"}, {label: "kosten", align: "right"}, {label: "baten", align: "right"}, {label: "saldo", align: "right"}],
        rows: [...s.actors.map((a) => ({cells: [a.label, formatEuro(a.costs), formatEuro(a.benefits), formatEuro(a.saldo)]})), {cells: ["maatschappij (totaal)", formatEuro(s.costs), formatEuro(s.benefits), formatEuro(s.saldo)]}]
      });
    }
    for (const tool of tools.filter((t) => t.model === file)) {
      const outputs = tool.outputs.filter((o) => !o.series);
      if (!outputs.length) continue;
      h3(`Rekenhulp: ${tool.title}`);
      blocks.push({
        kind: "table",
        caption: `${tool.title}: uitkomsten`,
        columns: [{label: "uitkomst"}, {label: "waarde", align: "right"}],
        rows: outputs.map((o) => {
          const v = valueOf(e, o.name);
          return {cells: [o.label, typeof v === "number" ? inputNumberText(v, o.unit) : "—"]};
        })
      });
    }
  }

  // 4. Uncertainty.
  h2("4. Onzekerheid", "onzekerheid");
  if (bands.some((b) => b.interval)) {
    p(`De bandbreedte van het maatschappelijke saldo per interventie ${changed ? "bij de invoer van de lezer" : "bij de invoer van het rapport"}: de laagste en hoogste uitkomst als telkens één invoer naar de grens van zijn bereik gaat (gevoeligheidsanalyse), met de invoer die het meest beslist (eerst de invoer die het teken kan omdraaien). De Monte Carlo-analyse staat op de pagina Onzekerheid van de studie.`);
    blocks.push({
      kind: "table",
      caption: "Bandbreedte van het saldo per interventie",
      columns: [{label: "interventie"}, {label: "saldo", align: "right"}, {label: "laagste", align: "right"}, {label: "hoogste", align: "right"}, {label: "invoer met de meeste invloed"}],
      rows: bands.map((b) => ({cells: [b.title, formatEuro(b.saldo), b.interval ? formatEuro(b.interval.low) : "—", b.interval ? formatEuro(b.interval.high) : "—", b.deciding.join("; ") || "—"]}))
    });
  }
  if (!registers.length) {
    p("Voor deze studie is geen aannameregister berekend.");
  } else {
    p(`Per rekenmodel de invoer die het maatschappelijke saldo het meest verschuift: het saldo met alleen die invoer op de onder- en op de bovengrens van zijn bereik, alle andere invoer op de waarde van het rapport (aannameregister). Het bereik is de onzekerheid uit het modelbestand of de kengetallen, anders het bereik van de schuifregelaar.${changed ? " Dit geldt bij de invoer van het rapport, niet bij de gewijzigde invoer." : ""}`);
    for (const {file, register} of registers) {
      const ranked = register.rows.filter((r) => r.influence);
      const flips = ranked.filter((r) => r.influence!.signFlips).length;
      if (multiModel) h3(`Onzekerheid ${register.title} (${file})`);
      p(`Saldo bij de invoer van het rapport ${formatEuro(register.baseSaldo)}. ${formatNumber(ranked.length)} van de ${formatNumber(register.rows.length)} invoerwaarden hebben een bereik; bij ${formatNumber(flips)} daarvan kan het saldo binnen het bereik van teken wisselen.${flips ? " Dan hangt de conclusie af van die invoer." : ""}`);
      if (!ranked.length) continue;
      blocks.push({
        kind: "table",
        caption: multiModel ? `Invoer met de grootste invloed (${file})` : `${register.title}: invoer met de grootste invloed`,
        columns: [{label: "invoer"}, {label: "bereik"}, {label: "saldo ondergrens", align: "right"}, {label: "saldo bovengrens", align: "right"}, {label: "teken wisselt"}],
        rows: ranked.slice(0, topInputs).map((r) => ({cells: [r.label, rangeText(r), formatEuro(r.influence!.saldoLow), formatEuro(r.influence!.saldoHigh), r.influence!.signFlips ? "ja" : "nee"]}))
      });
    }
  }

  // 5. Verdicts against the report.
  h2("5. Oordelen ten opzichte van het rapport", "oordelen");
  const rows: ReportTable["rows"] = [];
  for (const i of items) {
    for (const f of i.printed ?? []) if (f.verdict) rows.push({cells: [`${i.title}: ${f.label ?? f.quantity}`, printedText(f.verdict), computedText(f.verdict), verdictCell(f.verdict)]});
    for (const c of i.comparisons ?? []) for (const f of c.printed ?? []) if (f.verdict) rows.push({cells: [`${i.title}, ${c.label}: ${f.computed === "paybackYears" ? "terugverdientijd" : "saldo"} ${f.actor}`, printedText(f.verdict), computedText(f.verdict), verdictCell(f.verdict)]});
  }
  for (const t of tools) for (const o of t.outputs) if (o.figure?.verdict) rows.push({cells: [`${t.title}: ${o.label}`, printedText(o.figure.verdict), computedText(o.figure.verdict), verdictCell(o.figure.verdict)]});
  for (const f of figures) if (f.verdict) rows.push({cells: [f.label, printedText(f.verdict), computedText(f.verdict), verdictCell(f.verdict)]});
  if (!rows.length) {
    p("Het rapport drukt geen getallen die aan de pagina's van deze studie gekoppeld zijn; de uitkomsten hierboven zijn een eigen waardering van Rendement.");
  } else {
    p(`Elk gedrukt getal van het rapport dat bij deze studie hoort, naast wat Rendement bij de invoer van het rapport berekent, met het oordeel van de reproductie (${Object.values(VERDICT_LABEL).join(", ")}).${changed ? " De oordelen gelden bij de invoer van het rapport; de gewijzigde invoer van de lezer verandert ze niet." : ""}`);
    blocks.push({kind: "table", caption: "Gedrukt en berekend, met oordeel", columns: [{label: "getal"}, {label: "rapport", align: "right"}, {label: "Rendement", align: "right"}, {label: "oordeel"}], rows});
  }

  return {title, subtitle, filename: `${study.id}-studierapport`, blocks, changes, refused, saldi};
}
