// Data loader for every page of one study (start page, intervention/factsheet pages, calculators,
// cockpit, assumptions): Framework runs it once per study with `--study=<id>` (a parameterised
// route, see observablehq.config.ts `dynamicPaths`). It reads data/studies/<id>/study.yaml and the
// model files it names (validated, with the kengetallen), evaluates them with lib/, and emits:
// - `study`: the description (narrative in Dutch Markdown);
// - `models`: per model file the parsed file and its kengetallen, from which a page rebuilds the
//   compiled model with lib/model/rebuild.ts;
//   (`hashFile`: the file as read, when the loader derived sliders for the page, for the citation hash);
// - `items`, `tools`, `cockpit`: each page's data, with the results at the base inputs (so a test
//   can compare them with the CLI), the views resolved against the model and the printed figures.
// One loader output serves all pages of a study (one loader run per study keeps the build short).
// A bad file ends the build with file, line and field (in the preview, its pages show the message).
import {join, relative} from "node:path";
import {findStudy, readStudy, readStudyPrinted, assumptionsPath} from "../../../lib/io/study-description.js";
import {readAssumptions} from "../../../lib/io/assumptions.js";
import {failLoader} from "../../../lib/io/loader-error.js";
import {runLoader, studyParam} from "../../../lib/io/loader-run.js";
import {studyReferenceProblems} from "../../../lib/io/study-check.js";
import {studyHasUncertainty} from "../../../lib/io/study-pages.js";
import {loadStudy, defaultRegistry} from "../../../lib/io/study.js";
import {registryJSONFor} from "../../../lib/model/context.js";
import {evaluate, findLeaf, valueOf, type Overrides} from "../../../lib/model/evaluate.js";
import {summarize, type Summary} from "../../../lib/finance/summary.js";
import {payback, paybackText} from "../../../lib/finance/payback.js";
import {runScenarios, scenarioOverrides} from "../../../lib/analysis/scenarios.js";
import {solveInput} from "../../../lib/analysis/solve.js";
import type {CompiledModel} from "../../../lib/model/compile.js";
import type {StudyItem} from "../../../lib/schema/study.js";
import {runChecks} from "../../../lib/reproduce/run.js";
import {amountBasis, pageVerdict} from "../../../lib/reproduce/verdict.js";
import {derivedControlsByModel, withDerivedControls} from "../../../lib/model/control-overrides.js";
import MarkdownIt from "markdown-it";
import {readerCitations} from "../../../lib/reader-citation.js";

// Narrative is Markdown; raw HTML in it is escaped (html: false), so the page may insert the result.
const markdown = new MarkdownIt({html: false, linkify: false, typographer: false});
// Citations for readers name the report's place, not the seed file's lines (lib/reader-citation.ts).
const md = (text: string | undefined) => (text ? markdown.render(readerCitations(text).replace(/€ (?=[\d−-])/g, "€\u00a0")) : null);

export async function load(args: string[]): Promise<string> {
  const studyId = studyParam(args);
  const location = findStudy(studyId);
  const study = readStudy(location);
  const printedFile = readStudyPrinted(location);
  const registry = defaultRegistry();
  const models = new Map<string, CompiledModel>();
  const modelOf = (file: string): CompiledModel => {
    const path = join(location.dir, file);
    if (!models.has(file)) models.set(file, loadStudy(path));
    return models.get(file)!;
  };
  // Every cross-reference (intervention ids, view quantities, printed figure ids, calculator inputs),
  // checked by the same lib code as `rendement check <study folder>`.
  const problems = studyReferenceProblems(location, modelOf);
  if (problems.length) throw new Error(problems.join("\n"));
  // The verdict of every printed figure, as its row on the Reproductie page gives it.
  const verdicts = new Map((await runChecks({study: studyId})).map((c) => [c.id, pageVerdict(c)]));
  // Figure ids, intervention ids, view quantities, actors and calculator inputs were checked above.
  const figure = (id: string) => {
    const p = printedFile!;
    const f = p.figures.find((x) => x.id === id)!;
    // The reader's explanation: the cause the figure shares with others (Dutch), else its own note.
    const cause = f.cause ? p.causes?.find((c) => c.id === f.cause) : undefined;
    const verdict = verdicts.get(f.id) ?? null;
    return {id: f.id, quantity: f.quantity, source: f.source, printed: f.printed, unit: f.unit, tolerance: f.tolerance, explanation: cause?.beschrijving ?? f.toelichting ?? null, verdict};
  };

  const headline = (s: Summary, perParticipant: boolean) => {
    const n = s.participants ?? (perParticipant ? 1 : null);
    return {
      costs: s.costs,
      benefits: s.benefits,
      saldo: s.saldo,
      ratio: s.ratio,
      financialRatio: s.financialRatio,
      participants: s.participants,
      costPerParticipant: n ? s.costs / n : null,
      benefitPerParticipant: n ? s.benefits / n : null,
      saldoPerParticipant: n ? s.saldo / n : null,
      paybackYears: s.paybackYears,
      horizon: s.horizon,
      discountRate: s.discountRate,
      actors: s.actors.map((a) => ({actor: a.actor, label: a.label, costs: a.costs, benefits: a.benefits, saldo: a.saldo}))
    };
  };

  // A view names model quantities; a name the model lacks fails the build (the page would be wrong).
  const resolveView = (model: CompiledModel, item: StudyItem) => {
    const v = item.views;
    if (!v) return null;
    const q = (name: string) => {
      const node = model.nodes.get(`${item.intervention}.${name}`)!;
      return {name: node.name, label: node.label};
    };
    return {
      cohort: {stacked: v.cohort?.stacked ?? false, states: (v.cohort?.states ?? []).map(q)},
      outflow: v.outflow ? {mode: v.outflow.mode, unit: v.outflow.unit, panels: v.outflow.panels.map((p) => ({id: p.id, title: p.title, with: q(p.with).name, without: p.without ? q(p.without).name : null}))} : null
    };
  };

  const items = study.items.map((item) => {
    const model = modelOf(item.model);
    const base = summarize(evaluate(model), item.intervention);
    const h = headline(base, item.amountsPerParticipant);
    // One payback rule per page (lib/finance/payback.ts): the same text in every table of the page.
    const paybackOf = (perYear: ArrayLike<number>) => {
      if (!item.payback) return {paybackYears: null, paybackText: null};
      const p = payback(perYear, item.payback);
      return {paybackYears: p.years, paybackText: paybackText(p)};
    };
    const comparisons = (item.comparisons ?? []).map((c) => {
      const overrides: Overrides = c.scenario ? scenarioOverrides(model, c.scenario) : {};
      const s = summarize(evaluate(model, overrides), item.intervention);
      const actorIds = s.actors.map((a) => a.actor);
      return {
        label: c.label,
        scenario: c.scenario ?? null,
        // Per post and actor (as the report's tables per stakeholder): present value, gain positive.
        posts: s.posts.map((p) => ({post: p.post, label: p.label, side: p.side, byActor: Object.fromEntries(actorIds.map((a) => [a, p.byActor[a] ?? 0])), total: p.presentValue})),
        actors: s.actors.map((a) => ({actor: a.actor, label: a.label, costs: a.costs, benefits: a.benefits, saldo: a.saldo, ...paybackOf(a.perYear)})),
        // Printed per-actor figures of this comparison, each with its Reproductie verdict.
        printed: (c.printed ?? []).map((p) => ({...figure(p.figure), actor: p.actor, computed: p.computed})),
        saldo: s.saldo
      };
    });
    return {
      ...item,
      html: {narrative: md(item.narrative), nulalternatief: md(item.nulalternatief), cohort: md(item.cohort)},
      steps: item.sections ? item.sections.map((s, i) => ({id: String(i + 1), title: s.title, html: md(s.text)})) : null,
      stepsTitle: item.sectionsTitle ?? "Toelichting",
      label: model.file.interventions.find((iv) => iv.id === item.intervention)!.label,
      views: resolveView(model, item),
      base: h,
      // "per deelnemer" or "totaal" for the amounts (costs, benefits, saldo) of this page.
      basis: amountBasis(base.participants, item.amountsPerParticipant),
      printed: item.printed.map((p) => ({...figure(p.figure), label: p.label ?? null, computed: p.computed, value: h[p.computed]})),
      comparisons
    };
  });

  const leafInfo = (model: CompiledModel, name: string) => {
    const leaf = findLeaf(model, name);
    const value = leaf.leaf!.value;
    if (Array.isArray(value)) throw new Error(`${name}: a calculator input must be a single number, this is a series`);
    return {name: leaf.name, label: leaf.label, unit: leaf.unit, value: value as number, control: leaf.leaf!.control ?? null};
  };
  const outputValue = (v: number | Float64Array) => (typeof v === "number" ? v : Array.from(v));

  const tools = study.tools.map((tool) => {
    const model = modelOf(tool.model);
    const inputs = tool.inputs.map((i) => {
      const info = leafInfo(model, i.name);
      const min = i.min ?? info.control?.min;
      const max = i.max ?? info.control?.max;
      return {name: info.name, label: info.label, unit: info.unit, value: info.value, min: min!, max: max!, step: i.step ?? info.control?.step ?? (max! - min!) / 100, scale: i.scale ?? "linear"};
    });
    const e = evaluate(model);
    const outputs = tool.outputs.map((o) => {
      const node = model.nodes.get(o.quantity)!;
      return {name: node.name, label: node.label, unit: node.unit, series: node.series, value: outputValue(valueOf(e, node.name)), figure: o.figure ? figure(o.figure) : null};
    });
    const scenarios = runScenarios(model).map((r) => {
      const es = evaluate(model, r.overrides);
      return {id: r.id, label: r.label, description: r.description ?? null, overrides: r.overrides, outputs: outputs.map((o) => outputValue(valueOf(es, o.name))), solved: tool.solve ? solveInput(model, tool.solve.input, {quantities: tool.solve.quantities, target: tool.solve.target?.value, actor: tool.solve.actor, start: tool.solve.start, overrides: r.overrides}) : null};
    });
    const solve = tool.solve
      ? {...tool.solve, inputInfo: leafInfo(model, tool.solve.input), base: solveInput(model, tool.solve.input, {quantities: tool.solve.quantities, target: tool.solve.target?.value, actor: tool.solve.actor, start: tool.solve.start}), figure: tool.solve.figure ? figure(tool.solve.figure) : null}
      : null;
    return {...tool, html: {narrative: md(tool.narrative)}, inputs, outputs, scenarios, solve, years: Array.from({length: model.horizon}, (_, t) => (model.file.startYear ?? 0) + t + (model.file.startYear ? 0 : 1))};
  });

  const cockpit = study.cockpit
    ? {...study.cockpit, html: {narrative: md(study.cockpit.narrative)}, figures: (printedFile?.figures ?? []).filter((f) => f.id.startsWith(study.cockpit!.figurePrefix)).map((f) => ({id: f.id, printed: f.printed, unit: f.unit, verdict: verdicts.get(f.id) ?? null}))}
    : null;
  if (cockpit) modelOf(cockpit.model);

  // An intervention page needs inputs to move. Where the model gives none of its parameters a
  // slider range, the page gets one per single-number parameter: 0 to twice the value (a fraction:
  // 0 to 100 %). Only the ranges of the sliders are added; values and formulas are the model's.
  const derivedControls = derivedControlsByModel(study.items, (file) => modelOf(file).file);
  const fileForPage = (file: string, m: CompiledModel) => withDerivedControls(m.file, derivedControls.get(file) ?? new Set());

  const register = assumptionsPath(location);
  const assumptions = register ? {path: relative(process.cwd(), register), register: readAssumptions(register)} : null;

  return JSON.stringify({
    study: {...study, items: undefined, tools: undefined, cockpit: undefined, html: {report: md(study.report), question: md(study.question), computes: md(study.computes), differences: md(study.differences)}},
    // The report's figures computed under a scenario (the scenario charts mark them).
    printedScenarios: (printedFile?.figures ?? []).filter((f) => f.scenario).map((f) => ({id: f.id, quantity: f.quantity, printed: f.printed, unit: f.unit, scenario: f.scenario})),
    dir: location.dir,
    // Whether the study has an uncertainty page (lib/io/study-pages.ts builds it only then).
    hasUncertainty: studyHasUncertainty(location, study),
    models: Object.fromEntries([...models].map(([file, m]) => [file, {path: join(location.dir, file), file: fileForPage(file, m), registry: registryJSONFor(m, registry), derivedControls: [...(derivedControls.get(file) ?? [])], ...(derivedControls.get(file)?.size ? {hashFile: m.file} : {})}])),
    items,
    tools,
    cockpit,
    assumptions
  });
}

// A bad file: the build fails naming it; the preview shows it on the study's pages (lib/io/loader-error.ts).
await runLoader(import.meta.url, load, (error) => failLoader(`studies/${studyParam(process.argv.slice(2))}/study.json`, error.message));
