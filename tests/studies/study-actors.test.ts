// A study may declare its own actors (id, Dutch label, kind) in study.yaml besides the standard list
// (lib/schema/actors.ts). Every model file of the study folder may use them; results and pages show
// the Dutch label; a transfer to or from such an actor still nets to zero.
import {cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, describe, expect, it} from "vitest";
import {loadStudy} from "../../lib/io/study.js";
import {evaluate} from "../../lib/model/evaluate.js";
import {summarize} from "../../lib/finance/summary.js";
import {checkStudyFolder} from "../../lib/io/study-check.js";
import {parseStudyText} from "../../lib/io/study-description.js";

const FIXTURE = "tests/fixtures/studies/oefenstudie";
const root = mkdtempSync(join(tmpdir(), "rendement-actors-"));
afterAll(() => rmSync(root, {recursive: true, force: true}));

function copy(name: string, edit: (study: string, model: string) => [string, string]): string {
  const dir = join(root, name);
  cpSync(FIXTURE, dir, {recursive: true});
  const [s, m] = edit(readFileSync(join(dir, "study.yaml"), "utf8"), readFileSync(join(dir, "model.yaml"), "utf8"));
  writeFileSync(join(dir, "study.yaml"), s);
  writeFileSync(join(dir, "model.yaml"), m);
  return dir;
}

describe("a study's own actors", () => {
  const model = loadStudy(join(FIXTURE, "model.yaml"), {onWarning: () => {}});
  const summary = summarize(evaluate(model), "total");

  it("the fixture's woonstichting gets its Dutch label from study.yaml and carries the transfer's cost", () => {
    const w = summary.actors.find((a) => (a.actor as string) === "woonstichting");
    expect(w?.label).toBe("Woonstichting De Oefenhaven");
    // Hand computation: extra workers 120 × (0,05; 0,08; 0,10; 0,10) × € 600 huurkorting, discounted at 4 %
    // from the first model year (year 1 undiscounted, as lib/finance/discount.ts): € 22.196.
    const pv = [0.05, 0.08, 0.1, 0.1].reduce((sum, f, t) => sum + (120 * f * 600) / 1.04 ** t, 0);
    expect(w!.saldo).toBeCloseTo(-pv, 6);
  });

  it("transfers still net to zero: the saldo is the sum over actors, and the woonstichting's transfer adds nothing to it", () => {
    expect(summary.actors.reduce((s, a) => s + a.saldo, 0)).toBeCloseTo(summary.saldo, 6);
    const without = summarize(evaluate(model, {"iv.huurkorting": 0}), "total");
    expect(summary.saldo).toBeCloseTo(without.saldo, 6);
    const transferLines = summary.lines.filter((l) => l.flow === "huurkorting");
    expect(transferLines.reduce((s, l) => s + l.presentValue, 0)).toBeCloseTo(0, 9);
  });

  it("the model file keeps the merged actors, so a page rebuilding it from the file knows them", () => {
    expect(model.file.actors).toEqual([{id: "woonstichting", label: "Woonstichting De Oefenhaven", kind: "maatschappelijke-organisatie"}]);
  });

  it("rendement check accepts the fixture study", () => {
    expect(checkStudyFolder(FIXTURE).problems).toEqual([]);
  });

  it("an actor neither standard nor declared is refused with model.yaml:line: field", () => {
    const dir = copy("onbekend", (s, m) => [s, m.replace("transfer: {from: woonstichting, to: deelnemer}", "transfer: {from: woonbedrijf, to: deelnemer}")]);
    expect(() => loadStudy(join(dir, "model.yaml"), {onWarning: () => {}})).toThrow(/model\.yaml:\d+: interventions\[0\]\.flows\[\d+\]\.transfer\.from: expected one of the actors: gemeente, .*woonstichting .*found "woonbedrijf"/);
  });

  it("an own actor without a kind, or reusing a standard id, is refused naming the file and field", () => {
    const noKind = copy("zonder-soort", (s, m) => [s.replace(", kind: maatschappelijke-organisatie", ""), m]);
    expect(() => loadStudy(join(noKind, "model.yaml"), {onWarning: () => {}})).toThrow(/study\.yaml:\d+: actors\[0\]\.kind/);
    expect(() => parseStudyText(readFileSync(join(noKind, "study.yaml"), "utf8"), join(noKind, "study.yaml"), "zonder-soort")).toThrow(/study\.yaml:\d+: actors\[0\]\.kind/);
    const standard = copy("standaard", (s, m) => [s.replace("id: woonstichting", "id: gemeente"), m]);
    expect(() => loadStudy(join(standard, "model.yaml"), {onWarning: () => {}})).toThrow(/actors\[0\]\.id: actor "gemeente" is a standard actor/);
  });
});
