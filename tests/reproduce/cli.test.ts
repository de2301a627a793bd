// `rendement reproduce` output: Dutch number format (lib/cli/format.ts), counts per basis × verdict,
// the headline "independent checks that match", causes counted once, and exit code 1 on any fail.
import {describe, expect, it} from "vitest";
import {countsTable, exitCode, summaryText, table} from "../../lib/cli/reproduce.js";
import {judge, summarizeChecks} from "../../lib/reproduce/checks.js";
import {printedFigureSchema, type PrintedFigure} from "../../lib/schema/printed.js";

const fig = (over: Partial<PrintedFigure>): PrintedFigure =>
  printedFigureSchema.parse({id: "x", quantity: "q", source: "s", printed: 2440, unit: "€/persoon", decimals: 0, tolerance: 5, toleranceWhy: "w", computed: {measure: "ratio"}, ...over});
const cause = {id: "rekensom", verdict: "report-inconsistent" as const, beschrijving: "De rekensom van het rapport sluit niet.", restsOnAssumption: true, aanname: "a", shownBy: ["a"]};
const checks = [
  judge("s", fig({id: "a", cause: "rekensom", computed: {formula: "1 + 1"}}), 2401.79, {cause, computedFrom: "report"}),
  judge("s", fig({id: "b", printed: 1.3, decimals: 1, unit: "verhouding"}), 1.31),
  judge("s", fig({id: "c", basis: "input"}), 2440),
  judge("s", fig({id: "d"}), 2441, {basis: "calibration", calibratedInputs: ["p"]})
];

describe("rendement reproduce output", () => {
  it("prints values in Dutch format with the printed digits (2.440; 2.401,8; −38,2; 1,3)", () => {
    const t = table(checks);
    expect(t).toMatch(/2\.440\s+2\.401,8\s+-38,2\s+-1,6 %/);
    expect(t).toMatch(/1,3\s+1,31\s+0,01/);
    expect(t).toContain("rapport niet consistent");
    expect(t).toContain("rust op een aanname");
  });
  it("headline counts only independent matches; input and calibration are shown apart", () => {
    const text = summaryText(checks);
    expect(text).toMatch(/^Modelberekeningen uit onafhankelijke invoer die kloppen: 1 van 2 \(4 controles/);
    const s = summarizeChecks(checks);
    expect(s.byBasis.input.match).toBe(1);
    expect(s.byBasis.calibration.close).toBe(1);
    expect(countsTable(s)).toMatch(/invoer\s+1\s+0\s+0\s+0\s+0\s+1/);
    // The cause is listed once, with its figures and its Dutch description.
    expect(text).toMatch(/s\/rekensom \(rapport niet consistent, rust op een aanname\): a\n\s+De rekensom van het rapport sluit niet\. Aanname: a/);
  });
  it("exits 1 on any fail, else 0", () => {
    expect(exitCode(checks)).toBe(0);
    expect(exitCode([...checks, judge("s", fig({id: "e"}), 3000)])).toBe(1);
  });
});
