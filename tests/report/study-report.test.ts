import {describe, expect, it} from "vitest";
import {join} from "node:path";
import {studyReport, overridesFromQuery, pageBoxLeaves, plainParagraphs, inputValueText, type ReportTable, type ReportDocument} from "../../lib/report/study-report.js";
import {compileModelText} from "../../lib/io/model-file.js";
import {listStudies, readStudy} from "../../lib/io/study-description.js";
import {studyModelFiles} from "../../lib/io/study-pages.js";
import {loadStudy} from "../../lib/io/study.js";
import {evaluate} from "../../lib/model/evaluate.js";
import {summarize} from "../../lib/finance/summary.js";
import {formatEuro} from "../../lib/format.js";
import {assumptionsRegister} from "../../lib/analysis/assumptions-register.js";
import {controlLeaves} from "../../lib/model/control-values.js";
import {VERDICT_LABEL} from "../../lib/reproduce/labels.js";
import type {PageVerdict} from "../../lib/reproduce/verdict.js";
import {noKengetallen} from "../model/helpers.js";
import {oneWay} from "../../lib/analysis/sensitivity.js";
import {bandwidth, conclusionSentence, decidingInputs} from "../../lib/analysis/conclusion.js";

// A model small enough to compute by hand: benefit 60 + 1 + 3, cost 50 for the gemeente; a transfer
// of 10 from the Rijk to the deelnemer (nets to zero for society).
const text = `
id: rep
title: Rapporttest
priceYear: 2020
horizon: 1
discountRate: 0
posts:
  - {id: baten, label: Baten, side: benefit}
  - {id: kosten, label: Kosten, side: cost}
  - {id: uitkering, label: Uitkering, side: benefit}
parameters:
  - {id: baat, label: Baat, value: 60, unit: "€", source: {title: Rapport, table: "2.1"}, uncertainty: {type: range, low: 0, high: 100}}
  - {id: kosten, label: Kosten, value: 50, unit: "€", assumption: "geschat", control: {min: 40, max: 55}}
  - {id: aandeel, label: Aandeel, value: 0.05625, unit: fraction, assumption: "aandeel", control: {min: 0, max: 1}}
  - {id: klein, label: Klein, value: 1, unit: "€", assumption: "klein"}
  - {id: los, label: Zonder bereik, value: 3, unit: "€", assumption: "zonder bereik"}
interventions:
  - id: iv
    label: Interventie
    flows:
      - {id: b, label: Baat, post: baten, actor: gemeente, effect: benefit, amount: "once(baat + klein + los + 0 * aandeel)"}
      - {id: k, label: Kosten, post: kosten, actor: gemeente, effect: cost, amount: "once(kosten)"}
      - {id: t, label: Uitkering, post: uitkering, transfer: {from: rijk, to: deelnemer}, amount: "once(10)"}
`;
const model = compileModelText(text, "rep.yaml", noKengetallen);
const study = {id: "proef", title: "Proefstudie", shortTitle: "Proef", report: "Het *rapport* (2020).", question: "Werkt **de aanpak**? (seed 001, regels 3–4)", computes: "Rendement rekent [alles](https://x).", differences: "Geen."};
const item = {id: "iv", title: "De interventie", approach: "aanpak", targetGroup: "doelgroep", model: "rep.yaml", intervention: "iv", source: "rapport, § 2"};

const tables = (doc: ReportDocument) => doc.blocks.filter((b): b is ReportTable => b.kind === "table");
const table = (doc: ReportDocument, caption: string) => tables(doc).find((t) => t.caption.startsWith(caption))!;
const text$ = (c: ReportTable["rows"][number]["cells"][number]) => (typeof c === "string" ? c : c.text);

describe("study report: one document model with five chapters, the same for the page and the Word file", () => {
  const doc = studyReport({study, items: [item], models: [{file: "rep.yaml", model}], registers: [{file: "rep.yaml", register: assumptionsRegister(model)}]});
  it("chapters in order: question and approach, inputs, results per actor, uncertainty, verdicts", () => {
    expect(doc.blocks.filter((b) => b.kind === "heading" && b.level === 2).map((b) => (b as {text: string}).text)).toEqual([
      "1. Vraag en aanpak",
      "2. Gebruikte invoer",
      "3. Uitkomsten per belanghebbende",
      "4. Onzekerheid",
      "5. Oordelen ten opzichte van het rapport"
    ]);
    expect(doc.title).toBe("Studierapport: Proefstudie");
    expect(doc.filename).toBe("proef-studierapport");
  });
  it("the saldo is the model evaluation's: 60 + 1 + 3 − 50 = € 14 (hand computation), the transfer nets to zero", () => {
    expect(doc.saldi).toEqual([{model: "rep.yaml", intervention: "iv", title: "De interventie", saldo: 14, text: `Maatschappelijk saldo: ${formatEuro(14)} (totaal).`}]);
    const actors = table(doc, "De interventie: per belanghebbende");
    const row = (label: string) => actors.rows.find((r) => r.cells[0] === label)!.cells.map(text$);
    expect(row("Gemeente")).toEqual(["Gemeente", formatEuro(50), formatEuro(64), formatEuro(14)]);
    expect(row("maatschappij (totaal)")[3]).toBe(formatEuro(14));
    // The transfer: −10 for the Rijk, +10 for the deelnemer.
    expect(row("Rijk")[3]).toBe(formatEuro(-10));
    expect(row("Deelnemer")[3]).toBe(formatEuro(10));
  });
  it("without an address every input is the report's: nothing marked, no changes", () => {
    const inputs = table(doc, "Invoer");
    expect(inputs.rows.map((r) => r.key)).toEqual(["kosten", "aandeel"]);
    expect(inputs.rows.every((r) => !r.marked && text$(r.cells[4]) === "rapport")).toBe(true);
    expect(doc.changes).toEqual([]);
    expect(doc.subtitle).toBe("Berekend met Rendement bij de invoer van het rapport.");
  });
  it("a fraction is shown in percent with every decimal: 0,05625 → 5,625%", () => {
    expect(text$(table(doc, "Invoer").rows[1].cells[1])).toBe("5,625%");
  });
  it("uncertainty: the register's inputs with a range, largest swing first (baat 0…100 swings the saldo by 100)", () => {
    const u = table(doc, "Rapporttest: invoer met de grootste invloed");
    expect(u.rows[0].cells.map(text$)).toEqual(["Baat", `${formatEuro(0)} tot ${formatEuro(100)}`, formatEuro(-46), formatEuro(54), "ja"]);
  });
  it("each intervention's conclusion is the item pages' sentence: baat 0…100 gives a bandwidth € -46 … € 54 around € 14 (hand computation), so the saldo is “onzeker”", () => {
    const t = oneWay(model, {overrides: {}}).interventions.find((x) => x.scope === "iv")!;
    const sentence = conclusionSentence({saldo: 14, interval: bandwidth(null, t), deciding: decidingInputs(t)});
    expect(bandwidth(null, t)).toEqual({low: -46, high: 54, basis: "tornado"});
    expect(doc.blocks).toContainEqual({kind: "paragraph", text: `Conclusie: ${sentence}`, tone: "note"});
    expect(sentence).toContain("het saldo is onzeker");
    const band = table(doc, "Bandbreedte van het saldo per interventie");
    expect(band.rows[0].cells.map(text$)).toEqual(["De interventie", formatEuro(14), formatEuro(-46), formatEuro(54), "Baat"]);
  });
  it("the narrative loses its Markdown and its seed line references", () => {
    const paragraphs = doc.blocks.filter((b) => b.kind === "paragraph").map((b) => (b as {text: string}).text);
    expect(paragraphs).toContain("Werkt de aanpak?");
    expect(paragraphs).toContain("Rendement rekent alles.");
    expect(paragraphs).toContain("Het rapport (2020).");
  });
});

describe("study report: the reader's inputs come from the address, in the item pages' codec", () => {
  it("a changed input is marked “gewijzigd” beside the report's value, and the results are the evaluation with that input", () => {
    const doc = studyReport({study, items: [item], models: [{file: "rep.yaml", model}], query: "?kosten=42&v=1"});
    const row = table(doc, "Invoer").rows.find((r) => r.key === "kosten")!;
    expect(row.marked).toBe(true);
    expect(row.cells.map(text$)).toEqual(["Kosten", formatEuro(42), formatEuro(50), "aanname: geschat", "gewijzigd"]);
    expect(doc.changes).toEqual([{model: "rep.yaml", input: "kosten", label: "Kosten", base: formatEuro(50), value: formatEuro(42)}]);
    // 64 − 42 = 22, and equal to lib's evaluation with the same override.
    expect(doc.saldi[0].saldo).toBe(22);
    expect(doc.saldi[0].saldo).toBe(summarize(evaluate(model, {kosten: 42}), "iv").saldo);
    expect(doc.subtitle).toContain("1 invoerwaarde wijkt af van het rapport");
  });
  it("a fraction in the address is in model units (0.5 = 50%), as the item page writes it", () => {
    expect(overridesFromQuery(model, "aandeel=0.5&v=1").overrides).toEqual({aandeel: 0.5});
  });
  it("a value outside its range is refused with a Dutch message naming the input; the report's value is used", () => {
    const doc = studyReport({study, items: [item], models: [{file: "rep.yaml", model}], query: "kosten=99&v=1"});
    expect(doc.changes).toEqual([]);
    expect(doc.refused).toHaveLength(1);
    expect(doc.refused[0]).toContain("“Kosten”");
    expect(doc.refused[0]).toContain("buiten het bereik");
    expect(doc.saldi[0].saldo).toBe(14);
  });
  it("a key no model of the study knows is named; reserved keys (v, item, …) are not", () => {
    const doc = studyReport({study, items: [item], models: [{file: "rep.yaml", model}], query: "onbekend=1&item=iv&v=1"});
    expect(doc.refused).toEqual(["Het adres noemt een invoer die geen rekenmodel van deze studie kent: onbekend. Die is genegeerd."]);
  });
});

describe("study report: verdicts against the report are the Reproductie rows' verdicts", () => {
  const verdict: PageVerdict = {study: "proef", id: "saldo_iv", quantity: "iv.saldo", printed: 15, unit: "€", decimals: 0, verdict: "close", basis: "independent", computed: 14, gapPercent: -6.7, explanation: "afronding", anchor: "proef--saldo_iv"};
  it("one row per printed figure: printed value, computed value and the verdict's Dutch label (with the gap for “dichtbij”)", () => {
    const doc = studyReport({study, items: [{...item, printed: [{label: "saldo", quantity: "iv.saldo", verdict}]}], models: [{file: "rep.yaml", model}]});
    const t = table(doc, "Gedrukt en berekend");
    expect(t.rows.map((r) => r.cells.map(text$))).toEqual([["De interventie: saldo", formatEuro(15), formatEuro(14), `${VERDICT_LABEL.close} (-6,7%)`]]);
    expect(t.rows[0].cells[3]).toMatchObject({verdict: "close"});
  });
  it("with the reader's inputs the verdicts are said to hold at the report's inputs", () => {
    const doc = studyReport({study, items: [{...item, printed: [{label: "saldo", quantity: "iv.saldo", verdict}]}], models: [{file: "rep.yaml", model}], query: "kosten=42&v=1"});
    expect(doc.blocks.some((b) => b.kind === "paragraph" && b.text.includes("De oordelen gelden bij de invoer van het rapport"))).toBe(true);
  });
  it("a study without printed figures says its results are Rendement's own valuation", () => {
    const doc = studyReport({study, items: [item], models: [{file: "rep.yaml", model}]});
    expect(doc.blocks.some((b) => b.kind === "paragraph" && b.text.includes("eigen waardering van Rendement"))).toBe(true);
  });
});

describe("study report text helpers", () => {
  it("plainParagraphs splits on blank lines and drops emphasis, code and link markup", () => {
    expect(plainParagraphs("Een **vet** en *schuin* woord, `code`.\n\nTweede [alinea](https://x).")).toEqual(["Een vet en schuin woord, code.", "Tweede alinea."]);
  });
  it("a series input is shown per year", () => {
    expect(inputValueText([1, 2.5], "personen")).toBe("reeks per jaar: 1\u00a0persoon; 2,5\u00a0personen");
  });
});

// Every study in data/studies with a model (found from the data, not listed here): the report's
// saldo per intervention is lib's evaluation at the report's inputs, and an input moved in the
// address is marked and moves the saldo as lib's evaluation with that override does.
const studies = listStudies().map((location) => ({location, s: readStudy(location)})).filter(({s}) => studyModelFiles(s).length);
describe.each(studies.map(({location, s}) => [s.id, location, s] as const))("study %s: the report computes with the study's own models", (_id, location, s) => {
  const models = studyModelFiles(s).map((file) => ({file, model: loadStudy(join(location.dir, file), {onWarning: () => {}})}));
  // The printed links without their verdicts (the loader adds those from the Reproductie run).
  const items = s.items.map((i) => ({...i, printed: [], comparisons: []}));
  it("every saldo equals summarize(evaluate(model)) of its intervention", () => {
    const doc = studyReport({study: s, items, models});
    expect(doc.saldi.length).toBeGreaterThan(0);
    for (const x of doc.saldi) expect(x.saldo).toBe(summarize(evaluate(models.find((m) => m.file === x.model)!.model), x.intervention).saldo);
  });
  const moved = models.flatMap(({file, model}) => controlLeaves(model).filter((l) => typeof l.leaf.value === "number" && l.leaf.control.max !== l.leaf.value).map((l) => ({file, model, leaf: l})))[0];
  it.skipIf(!moved)("an input moved to the top of its range is marked and the saldo follows lib's evaluation", () => {
    const {file, model, leaf} = moved!;
    const doc = studyReport({study: s, items, models, query: `${leaf.name}=${leaf.leaf.control.max}&v=1`});
    expect(doc.changes.filter((c) => c.model === file).map((c) => c.input)).toEqual([leaf.name]);
    const row = tables(doc).flatMap((t) => t.rows).find((r) => r.key === leaf.name && r.marked);
    expect(row).toBeDefined();
    const e = evaluate(model, {[leaf.name]: leaf.leaf.control.max});
    for (const x of doc.saldi.filter((x) => x.model === file)) expect(x.saldo).toBe(summarize(e, x.intervention).saldo);
  });
  // A box the item page adds for "Uw gemeente" (a role input without a control range in the model
  // file, e.g. the participants) writes the address too; the report reads and marks it.
  const roleBox = models.flatMap(({file, model}) => {
    const own = new Set(controlLeaves(model).map((l) => l.name));
    return pageBoxLeaves(model).filter((l) => !own.has(l.name) && typeof l.leaf.value === "number" && l.leaf.control.max !== l.leaf.value).map((l) => ({file, model, leaf: l}));
  })[0];
  it.skipIf(!roleBox)("a role input of \"Uw gemeente\" set in the address (as the item page writes it) is marked and the saldo follows", () => {
    const {file, model, leaf} = roleBox!;
    const doc = studyReport({study: s, items, models, query: `${leaf.name}=${leaf.leaf.control.max}&v=1`});
    expect(doc.changes.filter((c) => c.model === file).map((c) => c.input)).toEqual([leaf.name]);
    expect(tables(doc).flatMap((t) => t.rows).find((r) => r.key === leaf.name && r.marked)).toBeDefined();
    const e = evaluate(model, {[leaf.name]: leaf.leaf.control.max});
    for (const x of doc.saldi.filter((x) => x.model === file)) expect(x.saldo).toBe(summarize(e, x.intervention).saldo);
  });
});
