// The whole-study download (lib/finance/study-export.ts): its rows add up to what the pages show.
import {describe, expect, it} from "vitest";
import {loadStudy} from "../../lib/io/study.js";
import {evaluate} from "../../lib/model/evaluate.js";
import {summarize, summarizeAll} from "../../lib/finance/summary.js";
import {exportColumns, studyExport, studyExportLong, studyExportSheets} from "../../lib/finance/study-export.js";
import {shippedModelFiles} from "../shipped-models.js";

const close = (a: number, b: number, scale: number) => expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-9 * Math.max(1, scale));

describe("studyExport: yearly rows add up to the present values and totals the pages show", () => {
  const files = shippedModelFiles();
  it.each(files)("%s", (file) => {
    const model = loadStudy(file, {onWarning: () => {}});
    const e = evaluate(model);
    const x = studyExport([{model: file, evaluation: e}]);
    const {total, interventions} = summarizeAll(e);
    const scale = Math.max(1, ...total.lines.map((l) => Math.abs(l.presentValue)));
    for (const s of interventions) {
      const rows = x.results.filter((r) => r.scope === s.scope);
      // Present values: whole intervention = societal saldo; per actor = the actor's saldo.
      close(rows.reduce((a, r) => a + r.presentValue, 0), s.saldo, scale);
      for (const a of s.actors) close(rows.filter((r) => r.actor === a.actor).reduce((acc, r) => acc + r.presentValue, 0), a.saldo, scale);
      // Undiscounted yearly flows = the summary's yearly flow, per year.
      for (let t = 0; t < model.horizon; ++t) close(rows.filter((r) => r.year === t).reduce((a, r) => a + r.amount, 0), s.perYear[t], scale);
      // Cost-side rows = minus the costs the cards show.
      close(-rows.filter((r) => r.side === "kosten").reduce((a, r) => a + r.presentValue, 0), s.costs, scale);
    }
    close(x.results.reduce((a, r) => a + r.presentValue, 0), total.saldo, scale);
    // The totals table: for every scope, the sum over actors equals the societal saldo.
    for (const scope of ["total", ...interventions.map((s) => s.scope)]) {
      const rows = x.totals.filter((r) => r.scope === scope);
      const societal = rows.find((r) => r.actor === "")!;
      close(rows.filter((r) => r.actor !== "").reduce((a, r) => a + r.saldo, 0), societal.saldo, scale);
      close(societal.saldo, summarize(e, scope).saldo, scale);
    }
    // Every leaf is an input row; at the base values no row has a reader's value.
    expect(new Set(x.inputs.map((r) => r.name))).toEqual(new Set(model.leaves.map((l) => l.name)));
    expect(x.inputs.filter((r) => r.currentValue !== null)).toEqual([]);
    expect(x.results.length).toBe(model.lines.length * model.horizon);
  });
});

describe("studyExport inputs", () => {
  const file = "data/studies/jeugdwerkloosheid/fs02-casusregisseur.yaml";
  const model = loadStudy(file, {onWarning: () => {}});
  it("carry the value the reader set beside the base value, and a kengetal's source and price year", () => {
    const leaf = model.leaves.find((l) => l.kind === "parameter" && !l.series)!;
    const base = leaf.leaf!.value as number;
    const x = studyExport([{model: "fs02.yaml", evaluation: evaluate(model, {[leaf.name]: base + 1})}]);
    const row = x.inputs.find((r) => r.name === leaf.name)!;
    expect(row.value).toBe(base);
    expect(row.currentValue).toBe(base + 1);
    expect(x.inputs.filter((r) => r.currentValue !== null).map((r) => r.name)).toEqual([leaf.name]);
  });
  it("the factsheet's saldo in the download is the € 1.330 the page shows (seed 001, factsheet 2)", () => {
    const x = studyExport([{model: "fs02.yaml", evaluation: evaluate(model)}]);
    const saldo = x.results.reduce((a, r) => a + r.presentValue, 0);
    expect(Math.round(saldo)).toBe(1330);
  });
});

describe("studyExportLong: one CSV with a `tabel` column", () => {
  it("holds every row of the three tables, each named by its table, with the union of their columns", () => {
    const model = loadStudy("data/studies/voorbeeldprojecten/vip-amsterdam.yaml", {onWarning: () => {}});
    const x = studyExport([{model: "vip.yaml", evaluation: evaluate(model)}]);
    const {columns, rows} = studyExportLong(x);
    expect(columns[0].key).toBe("table");
    expect(rows.length).toBe(x.inputs.length + x.results.length + x.totals.length);
    expect(new Set(rows.map((r) => r.table))).toEqual(new Set(["invoer", "resultaten", "totalen"]));
    for (const t of Object.values(exportColumns)) for (const c of t) expect(columns.map((k) => k.key)).toContain(c.key);
    expect(new Set(columns.map((c) => c.key)).size).toBe(columns.length);
  });
});

describe("studyExportSheets: XLSX sheets with numbers as numbers", () => {
  it("gives one sheet per table, amounts in euro format, a share as percent, text as text", () => {
    const model = loadStudy("data/studies/voorbeeldprojecten/vip-amsterdam.yaml", {onWarning: () => {}});
    const x = studyExport([{model: "vip.yaml", evaluation: evaluate(model)}]);
    const sheets = studyExportSheets(x);
    expect(sheets.map((s) => s.sheet)).toEqual(["invoer", "resultaten", "totalen"]);
    const results = sheets[1];
    const pvColumn = exportColumns.results.findIndex((c) => c.key === "presentValue");
    const rateColumn = exportColumns.results.findIndex((c) => c.key === "discountRate");
    expect(results.rows.length).toBe(x.results.length + 1);
    expect(results.rows[1][pvColumn]).toEqual({kind: "number", value: x.results[0].presentValue, format: "[$€-413] #,##0"});
    expect(results.rows[1][rateColumn]).toMatchObject({kind: "number", value: x.results[0].discountRate, format: "0.0##%"});
    expect(results.rows[1][0]).toEqual({kind: "text", value: "vip.yaml"});
    // An input in euros gets a euro format with cents, a share a percent format.
    const inputs = sheets[0];
    const valueColumn = exportColumns.inputs.findIndex((c) => c.key === "value");
    const euroRow = x.inputs.findIndex((r) => r.unit.startsWith("€"));
    expect(euroRow).toBeGreaterThanOrEqual(0);
    expect(inputs.rows[euroRow + 1][valueColumn]).toMatchObject({kind: "number", format: "[$€-413] #,##0.00"});
  });
});

describe("downloads speak the reader's language: no code word in a cell", () => {
  it("the kind of an input is invoer, kengetal or instelling, and a share's unit is 'aandeel', on every shipped model", () => {
    for (const file of shippedModelFiles()) {
      const x = studyExport([{model: file, evaluation: evaluate(loadStudy(file, {onWarning: () => {}}))}]);
      for (const row of x.inputs) {
        expect(["invoer", "kengetal", "instelling"], `${file}: ${row.name}`).toContain(row.kind);
        expect(row.unit, `${file}: ${row.name}`).not.toBe("fraction");
      }
    }
  });
});
