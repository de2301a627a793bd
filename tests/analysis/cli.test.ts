import {describe, expect, it} from "vitest";
import {runCli} from "../cli/run.js";

// In-process (tests/cli/run.ts): the same `main` as `npx rendement`, without a process per call.
async function run(...args: string[]) {
  const r = await runCli(args);
  return {code: r.code, stdout: r.out, stderr: r.err};
}
const example = "data/studies/zoetermeer/investering-per-deelnemer.yaml";
const linear = "tests/fixtures/model-linear.yaml";

describe("rendement sensitivity|scenarios|psa|breakeven", () => {
  it("psa --json: a seeded run gives the same JSON twice, with statistics overall, per actor and per intervention", async () => {
    const a = await run("psa", linear, "--draws", "500", "--seed", "3", "--json");
    expect(a.code).toBe(0);
    const j = JSON.parse(a.stdout);
    expect(j.draws).toBe(500);
    expect(j.seed).toBe(3);
    expect(j.method).toBe("fast");
    expect(Object.keys(j.saldo.percentiles)).toEqual(["p2_5", "p5", "p25", "p50", "p75", "p95", "p97_5"]);
    expect(j.interventions.map((i: {id: string}) => i.id)).toEqual(["a", "b"]);
    expect(j.actors.length).toBeGreaterThan(0);
    expect(j.acceptability.qaly.points.length).toBe(21);
    const b = JSON.parse((await run("psa", linear, "--draws", "500", "--seed", "3", "--json")).stdout);
    delete j.milliseconds;
    delete b.milliseconds;
    expect(b).toEqual(j);
  }, 60_000);
  it("psa --reference gives the same saldo statistics as the fast path", async () => {
    const f = JSON.parse((await run("psa", linear, "--draws", "100", "--seed", "4", "--json")).stdout);
    const r = JSON.parse((await run("psa", linear, "--draws", "100", "--seed", "4", "--json", "--reference")).stdout);
    expect(r.method).toBe("reference");
    expect(r.saldo.mean).toBeCloseTo(f.saldo.mean, 6);
    expect(r.probPositive).toBe(f.probPositive);
  }, 60_000);
  it("sensitivity --json: bars overall, per actor and per intervention", async () => {
    const r = await run("sensitivity", linear, "--json");
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.overall.bars.length).toBe(9);
    expect(j.overall.bars[0]).toHaveProperty("saldoLow");
    expect(j.interventions.length).toBe(2);
    expect(j.actors.map((t: {scope: string}) => t.scope)).toContain("gemeente");
  }, 60_000);
  it("scenarios --json: the base case and the chapter-6 scenario (seed 000: € 115.000 more savings)", async () => {
    const r = await run("scenarios", example, "--json");
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.scenarios.map((s: {id: string}) => s.id)).toEqual(["basis", "ook_regulier_werk"]);
    expect(j.scenarios[1].total.saldo - j.scenarios[0].total.saldo).toBeCloseTo(115_000, 6);
  }, 60_000);
  it("breakeven --parameter --json: € 1.700 per participant (seed 000, ch. 6), overall and for the gemeente", async () => {
    const r = await run("breakeven", example, "--parameter", "traject.kostenPerDeelnemer", "--json");
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.overall.value).toBeCloseTo(1700, 6);
    expect(j.actors.find((a: {actor: string}) => a.actor === "gemeente").result.value).toBeCloseTo(1700, 6);
    expect(j.interventions[0].id).toBe("traject");
  }, 60_000);
  it("text output prints Dutch numbers", async () => {
    const r = await run("breakeven", example, "--parameter", "kostenPerDeelnemer");
    expect(r.code).toBe(2); // a short name that is not a leaf name is refused with suggestions
    expect(r.stderr).toMatch(/rendement breakeven: unknown input "kostenPerDeelnemer"; did you mean traject.kostenPerDeelnemer/);
    const ok = await run("scenarios", example);
    expect(ok.stdout).toContain("€ 115.000");
  }, 60_000);
  it("a missing file, a bad option or an unknown input: a message on stderr and exit code 2", async () => {
    const missing = await run("psa", "data/models/nope.yaml");
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^rendement psa: data\/models\/nope.yaml: cannot read the model file/m);
    const draws = await run("psa", linear, "--draws", "zero");
    expect(draws.code).toBe(2);
    expect(draws.stderr).toContain('--draws expects an integer >= 1, found "zero"');
    const set = await run("sensitivity", linear, "--set", "a.nope=1");
    expect(set.code).toBe(2);
    expect(set.stderr).toMatch(/unknown input "a.nope"/);
    const usage = await run("scenarios");
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain("usage: rendement scenarios");
  }, 120_000);
});
