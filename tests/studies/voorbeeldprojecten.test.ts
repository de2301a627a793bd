// Seed 002 (Monitor Voorbeeldprojecten), chapter 5: the 4-year MKBA per stakeholder (Tabel 9-11, seed
// lines 3619-3837) and the payback periods (Tabel 12, lines 3882-3896), one model file per project.
import {beforeAll, describe, expect, it} from "vitest";
import fc from "fast-check";
import {paybackPeriod} from "../../lib/finance/payback.js";
import {evaluate} from "../../lib/model/evaluate.js";
import {summarize} from "../../lib/finance/summary.js";
import {runChecks} from "../../lib/reproduce/run.js";
import {model, modelSummary} from "./helpers.js";

const projectFiles = {vip: "data/studies/voorbeeldprojecten/vip-amsterdam.yaml", ips: "data/studies/voorbeeldprojecten/ips-nhn.yaml", exit: "data/studies/voorbeeldprojecten/exit-rotterdam.yaml"} as const;
type Project = keyof typeof projectFiles;
const projectModel = (p: Project) => model(projectFiles[p]);
const projectSummary = (p: Project, scenario?: string) => modelSummary(projectFiles[p], scenario, p);
/** Payback with the last year's flow continued up to `years` years: the pages' rule (study.yaml payback.extendYears 36 on a 4-year horizon). */
const paybackExtrapolated = (perYear: ArrayLike<number>, years = 40) => paybackPeriod(perYear, 0, {extendYears: Math.max(0, years - perYear.length)});

const projects = Object.keys(projectFiles) as Project[];

// Loading the kengetallen registry takes seconds on a busy machine: do it once, outside the test timeouts.
beforeAll(() => {
  for (const p of projects) projectModel(p);
}, 60_000);
const saldo = (p: Project, actor: string, scenario?: string) => projectSummary(p, scenario).summary.actors.find((a) => a.actor === actor)!.saldo;

describe("seed 002 model files (data/studies/voorbeeldprojecten)", () => {
  it.each(projects)("%s validates and compiles against the kengetallen registry", (p) => {
    expect(() => projectModel(p)).not.toThrow();
  });

  it("no-reintegration care cost is 48 × (180,68 + 175,65) / 2 = 8.551,92 (printed € 8.552 in Tabel 9, 10, 11)", () => {
    for (const p of projects) expect(projectSummary(p).value("zorgGeen")).toBeCloseTo(8551.92, 6);
  });

  it("VIP vs geen re-integratie: Tabel 9 rows give gemeente/UWV −5.000 + 4.516, insurer −736 + 1.173, client −4.516 + 9.019", () => {
    expect(saldo("vip", "gemeente")).toBeCloseTo(-484, 6);
    expect(saldo("vip", "zorgverzekeraar")).toBeCloseTo(437 - 0.08, 6); // care saving 1.172,92 from Tabel 8
    expect(saldo("vip", "deelnemer")).toBeCloseTo(4503, 6);
  });

  it("regular guidance reaches the project's effect divided by O/E: IPS-NHN income 5.280 / (16,5/13,7) = 4.384 (Tabel 10)", () => {
    expect(projectSummary("ips", "regulier").value("inkomenNul")).toBeCloseTo(5280 * 13.7 / 16.5, 6);
    expect(Math.round(projectSummary("ips", "regulier").value("inkomenNul"))).toBe(4384);
  });

  it("records the Tabel 9 gap: the effect-indicator rule gives a regular benefit of € 38.999, the table prints € 39.201", () => {
    const ruled = projectSummary("vip", "regulier").value("uitkeringNul");
    expect(Math.round(ruled)).toBe(38999);
    expect(39201 - ruled).toBeGreaterThan(200);
    expect(Math.round(projectSummary("vip", "regulier_tabel9").value("uitkeringNul"))).toBe(39201);
  });

  it.each(projects.flatMap((p) => [[p, undefined], [p, "regulier"]] as [Project, string | undefined][]))(
    "%s (%s): the saldo over actors equals the welfare saldo, and the benefit transfer cancels",
    (p, scenario) => {
      const {summary} = projectSummary(p, scenario);
      const overActors = summary.actors.reduce((s, a) => s + a.saldo, 0);
      expect(overActors).toBeCloseTo(summary.saldo, 6);
      const transfer = summary.lines.filter((l) => l.flow === "uitkering").reduce((s, l) => s + l.presentValue, 0);
      expect(transfer).toBeCloseTo(0, 9);
    }
  );

  it("the 4-year totals do not depend on the reconstructed lag (only the timing does)", () => {
    const model = projectModel("vip");
    for (const lag of [0, 3, 9]) {
      const s = summarize(evaluate(model, {vertragingMaanden: lag}));
      expect(s.saldo).toBeCloseTo(4456 - 0.08, 6);
      expect(s.actors.find((a) => a.actor === "gemeente")!.saldo).toBeCloseTo(-484, 6);
    }
  });
});

describe("payback convention of Tabel 12 against lib/finance/payback.ts", () => {
  it("paybackPeriod on yearly flows with a lag equals the closed form t0 + C × (48 − t0) / S4 months once payback is past year 0", () => {
    fc.assert(
      fc.property(fc.double({min: 0, max: 11, noNaN: true}), fc.double({min: 100, max: 10000, noNaN: true}), fc.double({min: 50, max: 10000, noNaN: true}), (lag, cost, s4) => {
        const rate = s4 / (48 - lag); // per month
        const flows = [-cost + rate * (12 - lag), 12 * rate, 12 * rate, 12 * rate];
        if (flows[0] >= 0) return; // payback within year 0: the engine reports 0 there
        const closed = (lag + cost / rate) / 12;
        if (closed > 300) return; // beyond the extrapolated 400 years' reach of this check
        expect(Math.abs(paybackExtrapolated(flows, 400)! - closed)).toBeLessThan(1e-9 * Math.max(1, closed));
      })
    );
  });

  it("Tabel 12 VIP: gemeente/UWV 4,4 and insurer 2,7 years against geen re-integratie; IPS-NHN gemeente/UWV 7,2", () => {
    const pb = (p: Project, actor: string, scenario?: string) =>
      paybackExtrapolated(projectSummary(p, scenario).summary.actors.find((a) => a.actor === actor)!.perYear);
    expect(pb("vip", "gemeente")!).toBeCloseTo(4.4, 1);
    expect(pb("vip", "zorgverzekeraar")!).toBeCloseTo(2.7, 1);
    expect(pb("ips", "gemeente")!).toBeCloseTo(7.2, 1);
    expect(pb("vip", "zorgverzekeraar", "regulier")!).toBeCloseTo(5.2, 1);
  });

  it("cost / mean yearly saving does not give Tabel 12 (VIP insurer 736 / (1.173 / 4) = 2,51, printed 2,7)", () => {
    expect(736 / (1173 / 4)).toBeCloseTo(2.51, 2);
    expect(paybackPeriod([-736 + 1173 / 4, 1173 / 4, 1173 / 4, 1173 / 4])).toBeCloseTo(2.51, 2);
  });

  it("an actor with no investment and a net loss gets null from paybackPeriod; the report prints 0 (ExIT insurer vs regulier)", () => {
    const insurer = projectSummary("exit", "regulier").summary.actors.find((a) => a.actor === "zorgverzekeraar")!;
    expect(insurer.saldo).toBeLessThan(0);
    expect(paybackExtrapolated(insurer.perYear)).toBeNull();
  });
});

describe("seed 002 reproduction (data/studies/voorbeeldprojecten/printed.yaml)", () => {
  it("every printed figure matches or has a recorded explanation", async () => {
    const checks = await runChecks({study: "voorbeeldprojecten"});
    expect(checks.length).toBeGreaterThan(50);
    expect(checks.filter((c) => c.verdict === "fail").map((c) => c.id)).toEqual([]);
    // The VIP € 39.201 is one cause touching four figures (uitkering, ∆ uitkering, ∆ cliënt, payback).
    expect(checks.filter((c) => c.cause === "vip_uitkering_39201").length).toBe(4);
    expect(checks.filter((c) => c.verdict === "model-gap").map((c) => c.id).sort()).toEqual(["exit_terugverdientijd_gemeente_geen", "exit_terugverdientijd_zorgverzekeraar_regulier"]);
  });
});
