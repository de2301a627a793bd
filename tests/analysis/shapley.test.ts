import {describe, expect, it} from "vitest";
import fc from "fast-check";
import {mkdtempSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {changedInputs, compareConfigurations, shapleyValues} from "../../lib/analysis/shapley.js";
import {readSettings, writeSettings} from "../../lib/analysis/settings-file.js";
import {modelVersion} from "../../lib/analysis/content-hash.js";
import {defaultRegistry, loadStudy} from "../../lib/io/study.js";
import {registryJSONFor} from "../../lib/model/context.js";
import {loadFixture} from "../model/helpers.js";
import {runCli} from "../cli/run.js";

const linear = loadFixture("tests/fixtures/model-linear.yaml");
const scalars = linear.leaves.filter((l) => !l.series && typeof l.leaf!.value === "number");
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const close = (a: number, b: number, scale = 1) => expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(scale)));

describe("Shapley values: contributions add up to the difference and do not depend on order", () => {
  it("hand example: v(∅)=0, v({1})=10, v({2})=20, v({1,2})=50 gives φ1 = ½·10 + ½·30 = 20, φ2 = ½·20 + ½·40 = 30", () => {
    const table: Record<string, number> = {"00": 0, "10": 10, "01": 20, "11": 50};
    const r = shapleyValues(2, (m) => [table[m.map((x) => (x ? 1 : 0)).join("")]]);
    expect(r.method).toBe("exact");
    expect(r.values.map((v) => v[0])).toEqual([20, 30]);
    expect(r.evaluations).toBe(4);
  });
  it("hand example on a model: saldo x·y from (1, 1) to (3, 2) is 5 = φx 3 + φy 2 (½·2 + ½·4 and ½·1 + ½·3)", () => {
    const r = shapleyValues(2, ([x, y]) => [(x ? 3 : 1) * (y ? 2 : 1)]);
    expect(r.values.map((v) => v[0])).toEqual([3, 2]);
  });
  it("symmetric players get equal values; permuting the players permutes the values (exact and sampled)", () => {
    const w = [5, 5, 1, -3];
    const game = (m: boolean[]) => [sum(m.map((x, i) => (x ? w[i] : 0))) ** 2];
    for (const exactUpTo of [10, 0]) {
      const r = shapleyValues(4, game, {exactUpTo, permutations: 400, seed: 3});
      close(r.values[0][0], r.values[1][0], 100);
      const perm = [2, 0, 3, 1];
      const p = shapleyValues(4, (m) => game(perm.map((_, i) => m[perm.indexOf(i)])), {exactUpTo: 10});
      perm.forEach((from, to) => close(p.values[to][0], shapleyValues(4, game).values[from][0], 100));
    }
  });
  it("property: for random changes of the linear fixture's inputs the contributions add up to the difference (saldo and every actor), exact and sampled", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({min: 0, max: scalars.length - 1}), {minLength: 1, maxLength: 6}),
        fc.array(fc.double({min: 0.5, max: 1.5, noNaN: true}), {minLength: 6, maxLength: 6}),
        fc.boolean(),
        (picked, factors, sampled) => {
          const alt = Object.fromEntries(picked.map((i, j) => [scalars[i].name, (scalars[i].leaf!.value as number) * factors[j]]));
          const c = compareConfigurations(linear, {}, alt, sampled ? {exactUpTo: 0, permutations: 20, seed: 9} : {});
          expect(c.method).toBe(sampled && c.changed.length ? "sampled" : "exact");
          close(sum(c.contributions.map((x) => x.value)), c.difference.saldo, c.base.saldo);
          close(c.difference.saldo, c.alternative.saldo - c.base.saldo, c.base.saldo);
          for (const a of c.difference.actors) close(sum(c.contributions.map((x) => x.actors[a.actor])), a.saldo, c.base.saldo);
        }
      ),
      {numRuns: 25, seed: 20261207}
    );
  });
  it("an override equal to the base value is no change", () => {
    const leaf = scalars[0];
    expect(changedInputs(linear, {}, {[leaf.name]: leaf.leaf!.value})).toEqual([]);
  });
});

describe("settings files (YAML in the --set vocabulary, with model id and version)", () => {
  const version = "0123456789ab";
  it("round trip: what is written is read back as the same overrides", () => {
    const set = {"a.loon": 18000, "a.begeleiding": [900, 400]};
    const text = writeSettings(linear, version, set, {scenario: "laag", label: "Mijn gemeente"});
    const r = readSettings(text, "mijn.yaml", linear, version);
    expect(r.set).toEqual(set);
    expect(r.overrides).toEqual({"a.loon": 18000, "a.begeleiding": [900, 400]});
    expect(r.label).toBe("Mijn gemeente");
    expect(r.sameVersion).toBe(true);
    expect(r.notices).toEqual([]);
  });
  it("a file for another model is refused with a Dutch message naming both models", () => {
    const text = writeSettings(linear, version, {"a.loon": 1}).replace("model: linear", "model: zoetermeer");
    expect(() => readSettings(text, "ander.yaml", linear, version)).toThrow(/ander\.yaml:2: model: dit instellingenbestand hoort bij model "zoetermeer", niet bij "linear"/);
  });
  it("a file for another version loads with a Dutch notice naming the inputs whose model value changed", () => {
    const text = writeSettings(linear, version, {"a.loon": 18000, "a.zorg": 500}).replace("a.loon: 20000", "a.loon: 19000");
    const r = readSettings(text, "oud.yaml", linear, "ffffffffffff");
    expect(r.sameVersion).toBe(false);
    expect(r.overrides).toEqual({"a.loon": 18000, "a.zorg": 500});
    expect(r.notices[0]).toMatch(/versie 0123456789ab .* versie ffffffffffff/);
    expect(r.notices[0]).toMatch(/Sindsdien veranderd in het model: a\.loon \(was 19\.000, nu 20\.000\)\./);
    expect(r.notices[0]).not.toMatch(/a\.zorg/);
  });
  it("a malformed file is refused naming file, line and field: a version that is no hash, a value that is text, an unknown field", () => {
    const good = writeSettings(linear, version, {"a.loon": 18000});
    expect(() => readSettings(good.replace(`version: ${version}`, "version: nieuw"), "v.yaml", linear, version)).toThrow(/^v\.yaml:\d+: version: expected the model's content hash \(hex digits\), found "nieuw"/);
    expect(() => readSettings(good.replace("a.loon: 18000", "a.loon: veel"), "w.yaml", linear, version)).toThrow(/^w\.yaml:\d+: set\.a\.loon: expected a number or a list of numbers \(one per year\), found "veel"/);
    expect(() => readSettings(`${good}extra: 1\n`, "x.yaml", linear, version)).toThrow(/^x\.yaml:\d+: extra: expected one of the fields model, version, label, scenario, set, basis/);
  });
  it("an unknown input is refused naming file, line and field", () => {
    const text = `model: linear\nversion: ${version}\nset:\n  a.bestaatNiet: 1\n`;
    expect(() => readSettings(text, "x.yaml", linear, version)).toThrow(/x\.yaml:4: set\.a\.bestaatNiet: unknown input/);
  });
});

describe("rendement compare", () => {
  const zoetermeer = "data/studies/zoetermeer/model.yaml";
  it("--json: difference (saldo, per actor) and one contribution per changed input that add up to it; exact up to 10 inputs", async () => {
    const r = await runCli(["compare", "tests/fixtures/model-linear.yaml", "--scenario", "laag", "--set", "a.zorg=500", "--json"]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.method).toBe("exact");
    expect(j.contributions.map((c: {input: string}) => c.input).sort()).toEqual(["a.loon", "a.zorg"]);
    close(sum(j.contributions.map((c: {value: number}) => c.value)), j.difference.saldo, j.base.saldo);
    expect(j.difference.actors.length).toBeGreaterThan(0);
  });
  it("more than 10 changed inputs: sampled (seeded), still adding up to the difference, and the same twice", async () => {
    const model = loadStudy(zoetermeer, {onWarning: () => {}});
    const picks = model.leaves.filter((l) => l.kind === "parameter" && !l.series && typeof l.leaf!.value === "number" && l.leaf!.value !== 0 && l.unit !== "fraction").slice(0, 11);
    expect(picks.length).toBe(11);
    const args = ["compare", zoetermeer, "--json", "--permutations", "20", "--seed", "5", ...picks.flatMap((l) => ["--set", `${l.name}=${(l.leaf!.value as number) * 1.1}`])];
    const a = JSON.parse((await runCli(args)).out);
    expect(a.method).toBe("sampled");
    expect(a.permutations).toBe(20);
    expect(a.contributions.length).toBe(11);
    close(sum(a.contributions.map((c: {value: number}) => c.value)), a.difference.saldo, a.base.saldo);
    expect(JSON.parse((await runCli(args)).out)).toEqual(a);
  }, 60_000);
  it("--file: a settings file for this model compares; one for another model exits 2 with a Dutch message", async () => {
    const model = loadStudy(zoetermeer, {onWarning: () => {}});
    const version = modelVersion({file: model.file, registry: registryJSONFor(model, defaultRegistry())});
    const dir = mkdtempSync(join(tmpdir(), "compare-"));
    try {
      const good = join(dir, "goed.yaml");
      writeFileSync(good, writeSettings(model, version, {}, {scenario: "nab_attributie_75"}));
      const ok = await runCli(["compare", zoetermeer, "--file", good, "--json"]);
      expect(ok.code).toBe(0);
      expect(JSON.parse(ok.out).contributions.map((c: {input: string}) => c.input)).toEqual(["nab.attributie"]);
      const bad = join(dir, "ander.yaml");
      writeFileSync(bad, writeSettings(linear, version, {"a.loon": 1}));
      const r = await runCli(["compare", zoetermeer, "--file", bad]);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/hoort bij model "linear", niet bij "zoetermeer"/);
      expect(r.err).not.toMatch(/\n\s+at /);
    } finally {
      rmSync(dir, {recursive: true});
    }
  });
});
