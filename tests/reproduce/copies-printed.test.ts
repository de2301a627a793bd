// An input may declare the printed figure it copies (`copiesPrinted` on a parameter): a check whose
// model inputs are all such copies (besides settings) re-adds the report's own lines and gets basis
// `arithmetic`, not `independent`. `rendement check` refuses a copy naming no figure or another value.
import {mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, describe, expect, it} from "vitest";
import {studyTemplate} from "../../lib/cli/new.js";
import {runChecks} from "../../lib/reproduce/run.js";
import {checkStudyFolder} from "../../lib/io/study-check.js";

const root = mkdtempSync(join(tmpdir(), "rendement-copies-"));
afterAll(() => rmSync(root, {recursive: true, force: true}));

// Printed lines of the example report: 100 participants at € 2.500 (rendement new's model), total € 250.000.
const LINES = `
  - {id: deelnemers_gedrukt, quantity: Deelnemers, source: "Rapport, 3.1", printed: 100, unit: personen, decimals: 0, tolerance: 0, toleranceWhy: exact, basis: input, computed: {quantity: traject.deelnemers}}
  - {id: kosten_per_deelnemer, quantity: Kosten per deelnemer, source: "Rapport, 3.2", printed: 2500, unit: €, decimals: 0, tolerance: 0, toleranceWhy: exact, basis: input, computed: {quantity: traject.kostenPerDeelnemer}}
  - {id: totale_kosten, quantity: Totale kosten, source: "Rapport, 4.1", printed: 250000, unit: €, decimals: 0, tolerance: 0, toleranceWhy: "exact: 100 × 2.500", computed: {post: kosten}}
`;

function study(id: string, copies: {deelnemers?: string; kosten?: string}): string {
  const dir = join(root, id);
  mkdirSync(dir, {recursive: true});
  for (const [f, text] of Object.entries(studyTemplate(id))) writeFileSync(join(dir, f), text);
  const model = join(dir, "model.yaml");
  let text = readFileSync(model, "utf8");
  if (copies.deelnemers) text = text.replace("value: 100, unit: personen,", `value: 100, unit: personen, copiesPrinted: ${copies.deelnemers},`);
  if (copies.kosten) text = text.replace(`value: 2500, unit: "€",`, `value: 2500, unit: "€", copiesPrinted: ${copies.kosten},`);
  writeFileSync(model, text);
  writeFileSync(join(dir, "printed.yaml"), readFileSync(join(dir, "printed.yaml"), "utf8").trimEnd() + LINES);
  return dir;
}

describe("copiesPrinted: an input that copies a printed figure", () => {
  const plain = study("zonder-kopie", {});
  const copied = study("met-kopie", {deelnemers: "deelnemers_gedrukt", kosten: "kosten_per_deelnemer"});
  const half = study("half-kopie", {kosten: "kosten_per_deelnemer"});

  it("a total over inputs that all copy printed figures gets basis arithmetic; with one own input it stays independent", async () => {
    const checks = await runChecks({roots: [root]});
    const basis = (s: string, id: string) => checks.find((c) => c.study === s && c.id === id)?.basis;
    expect(basis("zonder-kopie", "totale_kosten")).toBe("independent");
    expect(basis("half-kopie", "totale_kosten")).toBe("independent");
    expect(basis("met-kopie", "totale_kosten")).toBe("arithmetic");
    // The saldo also rests on the extra outflow (not a copy) and a kengetal: still a model computation.
    expect(basis("met-kopie", "saldo")).toBe("independent");
    expect(checks.find((c) => c.study === "met-kopie" && c.id === "totale_kosten")?.verdict).toBe("match");
  });

  it("rendement check accepts copies equal to their figure", () => {
    expect(checkStudyFolder(copied).problems).toEqual([]);
    expect(checkStudyFolder(plain).problems).toEqual([]);
    expect(checkStudyFolder(half).problems).toEqual([]);
  });

  it("rendement check names file:line: field for a copy of an unknown figure or of another value", () => {
    const bad = study("foute-kopie", {deelnemers: "bestaat_niet", kosten: "deelnemers_gedrukt"});
    const problems = checkStudyFolder(bad).problems;
    expect(problems).toContainEqual(expect.stringMatching(/model\.yaml:\d+: interventions\[0\]\.parameters\[0\]\.copiesPrinted: expected a figure id of the study's printed\.yaml, found "bestaat_niet"/));
    expect(problems).toContainEqual(expect.stringMatching(/model\.yaml:\d+: interventions\[0\]\.parameters\[1\]\.copiesPrinted: expected the value of kostenPerDeelnemer \(2500\) to equal the printed figure deelnemers_gedrukt \(100\)/));
  });
});
