// What a result card says about the report (lib/reproduce/verdict.ts): the verdict of the figure's
// Reproductie row at the report's inputs, "rapport: <waarde>" once an input moved, Rendement's own
// valuation where the report prints nothing, and "per deelnemer" / "totaal" from the model.
import {describe, expect, test} from "vitest";
import {join} from "node:path";
import {amountBasis, atReportInputs, basisText, figureNote, pageVerdict, printedText, reproductionHref, type PageVerdict} from "../../lib/reproduce/verdict.js";
import {runChecks} from "../../lib/reproduce/run.js";
import {listStudies, readStudy, readStudyPrinted} from "../../lib/io/study-description.js";
import {loadStudy} from "../../lib/io/study.js";
import {evaluate} from "../../lib/model/evaluate.js";
import {summarize} from "../../lib/finance/summary.js";
import {printedPrecision} from "../../lib/schema/printed.js";

const v = (over: Partial<PageVerdict> = {}): PageVerdict => ({study: "s", id: "f", quantity: "q", printed: 1, unit: "ratio", decimals: 1, verdict: "model-gap", basis: "independent", computed: 1.51, gapPercent: 51, explanation: "De financiële baten zijn niet na te rekenen.", anchor: "s--f", ...over});

describe("figureNote: the verdict holds only at the report's inputs", () => {
  test("at the report's inputs: the verdict's Dutch label and the printed value (a ratio printed to one decimal prints as 1,0)", () => {
    const n = figureNote(v(), {atReport: true});
    expect(n).toMatchObject({kind: "verdict", verdict: "model-gap", text: "niet te reproduceren · rapport 1,0", anchor: "s--f"});
    expect(n.title).toContain("De financiële baten zijn niet na te rekenen.");
  });
  test("a close figure carries its signed gap in %: +13,4% for € 2.219.000 against a printed € 1.957.000", () => {
    const n = figureNote(v({verdict: "close", unit: "€", decimals: -3, printed: 1957000, computed: 2219000, gapPercent: (100 * (2219000 - 1957000)) / 1957000}), {atReport: true});
    expect(n.text).toBe("dichtbij (+13,4%) · rapport €\u00a01.957.000");
  });
  test("once the reader moved an input: 'rapport: <waarde>' as a reference, no verdict", () => {
    const n = figureNote(v({verdict: "match"}), {atReport: false});
    expect(n.kind).toBe("reference");
    expect(n.text).toBe("rapport: 1,0");
    expect(JSON.stringify(n)).not.toContain("klopt");
  });
  test("without a printed counterpart: Rendement's own valuation, at any input", () => {
    expect(figureNote(null, {atReport: true})).toMatchObject({kind: "own", text: "eigen waardering van Rendement"});
    expect(figureNote(undefined, {atReport: false}).kind).toBe("own");
  });
  test("printedText keeps the printed decimals: 4,4 jaar; 30% for a fraction printed to two decimals", () => {
    expect(printedText({printed: 4.4, unit: "jaar", decimals: 1})).toBe("4,4\u00a0jaar");
    expect(printedText({printed: 0.3, unit: "fraction", decimals: 2})).toBe("30%");
  });
  test("the link goes to the figure's row on the Reproductie page, relative to the page's depth", () => {
    expect(reproductionHref({study: "s", anchor: "s--f"}, 2)).toBe("../../reproductie.html?study=s#s--f");
    expect(reproductionHref({study: "s", anchor: "s--f"})).toBe("./reproductie.html?study=s#s--f");
  });
});

describe("atReportInputs: inputs at the model's (the report's) values", () => {
  const model = loadStudy("data/studies/zoetermeer/investering-per-deelnemer.yaml");
  const leaf = model.leaves.find((l) => typeof l.leaf!.value === "number" && l.leaf!.value !== 0)!;
  test("no overrides, or an override equal to the base value, is at the report's inputs", () => {
    expect(atReportInputs(model, {})).toBe(true);
    expect(atReportInputs(model, {[leaf.name]: leaf.leaf!.value as number})).toBe(true);
  });
  test("a moved input, or an unknown name, is not", () => {
    expect(atReportInputs(model, {[leaf.name]: (leaf.leaf!.value as number) * 1.01})).toBe(false);
    expect(atReportInputs(model, {"geen.invoer": 1})).toBe(false);
  });
});

describe("amountBasis: 'per deelnemer' or 'totaal', from the model's participant count", () => {
  test("a participant count gives a total over it; amounts per participant without a count say so; neither is a plain total", () => {
    expect(basisText(amountBasis(60))).toBe("totaal, 60 deelnemers");
    expect(basisText(amountBasis(1))).toBe("totaal, 1 deelnemer");
    expect(basisText(amountBasis(null, true))).toBe("per deelnemer");
    expect(basisText(amountBasis(null))).toBe("totaal");
    // a count wins over the flag: the model's amounts are then totals over that count
    expect(amountBasis(60, true).kind).toBe("total");
  });
});

describe("every page figure with a printed counterpart: the page's value at the base inputs is the value its Reproductie row judged", () => {
  // Over every shipped study (discovered, not listed): a card may carry a row's verdict only if it
  // shows the number that row computed.
  test("items[].printed: page result at base = check.computed within the printed precision", async () => {
    let n = 0;
    for (const location of listStudies()) {
      const study = readStudy(location);
      const printed = readStudyPrinted(location);
      if (!printed || !study.items.some((i) => i.printed.length)) continue;
      const checks = new Map((await runChecks({study: location.id})).map((c) => [c.id, pageVerdict(c)]));
      for (const item of study.items) {
        if (!item.printed.length) continue;
        const s = summarize(evaluate(loadStudy(join(location.dir, item.model))), item.intervention);
        const participants = s.participants ?? (item.amountsPerParticipant ? 1 : null);
        const value: Record<string, number | null> = {
          costs: s.costs,
          benefits: s.benefits,
          saldo: s.saldo,
          ratio: s.ratio,
          financialRatio: s.financialRatio,
          costPerParticipant: participants ? s.costs / participants : null,
          benefitPerParticipant: participants ? s.benefits / participants : null,
          saldoPerParticipant: participants ? s.saldo / participants : null,
          paybackYears: s.paybackYears
        };
        for (const link of item.printed) {
          const check = checks.get(link.figure);
          expect(check, `${study.id}/${item.id}: ${link.figure} has a Reproductie row`).toBeDefined();
          const f = printed.figures.find((x) => x.id === link.figure)!;
          const page = value[link.computed];
          if (check!.computed === null) continue;
          expect(page, `${study.id}/${item.id}: ${link.computed}`).not.toBeNull();
          expect(Math.abs(page! - check!.computed), `${study.id}/${item.id}: ${link.computed} on the page vs ${link.figure} on Reproductie`).toBeLessThanOrEqual(printedPrecision(f) + 1e-9 * Math.abs(page!));
          n += 1;
        }
      }
    }
    expect(n).toBeGreaterThan(0);
  }, 120_000);

  test("a figure the report prints but cannot be reproduced keeps that verdict on the page: Factsheet 10's financial ratio is 1,5 against a printed 1,0 (seed 001, factsheet 10), model-gap", async () => {
    const check = (await runChecks({study: "jeugdwerkloosheid"})).find((c) => c.id === "fs10_financiele_kb")!;
    expect(check.printed).toBe(1);
    expect(check.computed).toBeCloseTo(1.51, 2);
    const n = figureNote(pageVerdict(check), {atReport: true});
    expect(n.text).toBe("niet te reproduceren · rapport 1,0");
  }, 60_000);
});
