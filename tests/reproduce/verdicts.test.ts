// Reproduction verdicts (lib/reproduce/checks.ts) and the honesty rules over every shipped check:
// `match` only within the printed precision, a report inconsistency shown by the report's own
// arithmetic, causes counted once, input checks never counted as matches.
import {beforeAll, describe, expect, it} from "vitest";
import {judge, summarizeChecks, withinPrinted, type Check} from "../../lib/reproduce/checks.js";
import {runChecks} from "../../lib/reproduce/run.js";
import {readAllPrinted} from "../../lib/io/printed-file.js";
import {printedFigureSchema, printedPrecision, type Cause, type PrintedFigure} from "../../lib/schema/printed.js";

const fig = (over: Partial<PrintedFigure>): PrintedFigure =>
  printedFigureSchema.parse({id: "x", quantity: "q", source: "s", printed: 1.3, unit: "verhouding", decimals: 1, tolerance: 0.2, toleranceWhy: "w", computed: {measure: "ratio"}, ...over});
const cause: Cause = {id: "c", verdict: "report-inconsistent", beschrijving: "De rekensom van het rapport sluit niet.", restsOnAssumption: false, shownBy: ["x"]};

describe("judge: verdicts with fixed meanings", () => {
  it("match is half a unit of the last printed digit: 1,3 covers [1,25; 1,35]", () => {
    expect(judge("s", fig({}), 1.349).verdict).toBe("match");
    expect(judge("s", fig({}), 1.25).verdict).toBe("match");
    expect(judge("s", fig({}), 1.36).verdict).toBe("close");
  });
  it("close is within the stated wider tolerance, with the gap in % of the printed figure", () => {
    const c = judge("s", fig({}), 1.43);
    expect(c.verdict).toBe("close");
    expect(c.gapPercent).toBeCloseTo(10, 9);
  });
  it("beyond the tolerance without a cause is fail; with a cause it takes the cause's verdict and Dutch text", () => {
    expect(judge("s", fig({}), 1.6).verdict).toBe("fail");
    const c = judge("s", fig({cause: "c"}), 1.6, {cause});
    expect(c.verdict).toBe("report-inconsistent");
    expect(c.cause).toBe("c");
    expect(c.explanation).toContain("sluit niet");
  });
  it("a cause does not hide a figure that matches", () => {
    expect(judge("s", fig({cause: "c"}), 1.31, {cause}).verdict).toBe("match");
  });
  it("€ 1.640 printed to € 10 (decimals −1) matches 1.644,9 but not 1.645,1", () => {
    expect(judge("s", fig({printed: 1640, decimals: -1, tolerance: 0}), 1644.9).verdict).toBe("match");
    expect(judge("s", fig({printed: 1640, decimals: -1, tolerance: 0}), 1645.1).verdict).toBe("fail");
  });
  it("a truncated figure covers one unit above it and nothing below: 333 covers [333; 334)", () => {
    const f = fig({printed: 333, decimals: 0, rounding: "truncate", tolerance: 0});
    expect(judge("s", f, 333.99).verdict).toBe("match");
    expect(judge("s", f, 332.9).verdict).toBe("fail");
    expect(printedPrecision(f)).toBe(1);
  });
  it("a 'circa' figure uses its stated rounding", () => {
    const f = fig({printed: 60, decimals: -1, circa: {halfWidth: 5, why: "circa 60"}, tolerance: 0});
    expect(withinPrinted(f, 64.9)).toBe(true);
    expect(withinPrinted(f, 65.1)).toBe(false);
  });
  it("no computation is fail (or the cause's verdict), never match", () => {
    expect(judge("s", fig({}), null).verdict).toBe("fail");
    expect(judge("s", fig({}), Number.NaN).verdict).toBe("fail");
  });
  it("the schema rejects a printed figure with more digits than `decimals`, and a declared basis other than input (the rest is derived)", () => {
    expect(() => fig({printed: 1.35, decimals: 1})).toThrow(/decimals/);
    expect(() => fig({basis: "calibration" as "input"})).toThrow(/basis: input/);
  });
});

describe("every shipped check", () => {
  let checks: Check[] = [];
  const files = readAllPrinted();
  beforeAll(async () => {
    checks = await runChecks();
  }, 120_000);

  it("no figure wider than its printed precision is called match", () => {
    expect(checks.length).toBe(files.reduce((n, f) => n + f.printed.figures.length, 0));
    for (const c of checks.filter((x) => x.verdict === "match")) {
      const d = Math.abs(c.difference!);
      const bound = c.rounding === "truncate" ? 10 ** -c.decimals : c.printedPrecision;
      expect(d, `${c.study}/${c.id}: |${c.difference}| > ${bound}`).toBeLessThanOrEqual(bound * (1 + 1e-9) + 1e-9);
    }
  });
  it("has no fail", () => {
    expect(checks.filter((c) => c.verdict === "fail").map((c) => `${c.study}/${c.id}: ${c.explanation}`)).toEqual([]);
  });
  it("a report inconsistency is shown by a check that computes the report's own arithmetic and does not close", () => {
    const byKey = new Map(checks.map((c) => [`${c.study}/${c.id}`, c]));
    for (const {study, printed} of files) {
      for (const cause of printed.causes.filter((x) => x.verdict === "report-inconsistent")) {
        for (const id of cause.shownBy!) {
          const c = byKey.get(`${study}/${id}`)!;
          // The report's own arithmetic: a formula over its printed figures, or the model from printed inputs only.
          expect(c.computedFrom === "report" || c.printedInputsOnly, `${cause.id} shown by ${id}: computed from unprinted inputs`).toBe(true);
          expect(c.verdict, `${cause.id} shown by ${id}`).toBe("report-inconsistent");
        }
      }
    }
  });
  it("a recorded cause is not stale: the figures it names do not match", () => {
    const byKey = new Map(checks.map((c) => [`${c.study}/${c.id}`, c]));
    for (const {study, printed} of files) for (const f of printed.figures.filter((x) => x.cause)) expect(byKey.get(`${study}/${f.id}`)!.verdict, f.id).not.toBe("match");
  });
  it("a close check says in Dutch why its wider tolerance holds", () => {
    expect(checks.filter((c) => c.verdict === "close" && !c.tolerantieWaarom).map((c) => `${c.study}/${c.id}`)).toEqual([]);
  });
  it("a report-arithmetic formula never uses the figure it checks", () => {
    for (const {printed} of files) for (const f of printed.figures.filter((x) => x.computed.formula)) expect(f.computed.formula, f.id).not.toMatch(new RegExp(`\\b${f.id}\\b`));
  });
  it("explanations for the reader are Dutch: every cause has a Dutch description; an assumption-based one says so", () => {
    for (const c of checks.filter((x) => x.cause)) expect(c.explanation, c.id).toMatch(/\b(de|het|een|is|niet|van)\b/);
    const assumed = checks.filter((c) => c.restsOnAssumption).map((c) => c.id);
    expect(assumed).toEqual(expect.arrayContaining(["vh_regulier_met_980", "cockpit_qalys_uit_ncw", "cockpit_meer_scholing", "nab_dagbesteding_gemeente", "exit_terugverdientijd_zorgverzekeraar_regulier"]));
  });
  it("the summary counts each cause once, lists its figures, and the headline counts only independent matches", () => {
    const s = summarizeChecks(checks);
    const vip = s.causes.find((c) => c.id === "vip_uitkering_39201")!;
    expect(vip.checks).toHaveLength(4);
    expect(s.causes.filter((c) => c.id === "vip_uitkering_39201")).toHaveLength(1);
    const independentMatch = checks.filter((c) => c.basis === "independent" && c.verdict === "match").length;
    expect(s.independentMatch).toBe(independentMatch);
    expect(s.byBasis.input.match + s.byBasis.calibration.match + s.byBasis.arithmetic.match + independentMatch).toBe(s.byVerdict.match);
    const perStudy = s.byStudy.reduce((n, x) => n + Object.values(x.byBasis).reduce((m, v) => m + Object.values(v).reduce((a, b) => a + b, 0), 0), 0);
    expect(perStudy).toBe(checks.length);
  });
});
