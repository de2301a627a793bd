// Privacy of the monitoring loader: what src/data/monitor.json.ts writes (and the site publishes as
// dist/_file/data/monitor.*.json) holds aggregates only, and every cell under minCell is suppressed.
import {describe, expect, it} from "vitest";
import {execFileSync} from "node:child_process";
import {readFileSync} from "node:fs";
import {load} from "../../src/data/monitor.json.js";

// The loader's `load`, in-process: what the build publishes (scripts/precompute-loaders.mjs calls
// `load` in one process; lib/io/loader-run.ts writes the same text when the loader runs as a
// program, tests/io/loader-run.test.ts). Each tsx process cost about 1,5 s of CPU; the program itself
// still runs below, on a site without monitoring data.
function runLoader(args: string[] = []): unknown {
  return JSON.parse(load(args));
}

/** Every object in the tree that looks like a cell: {value, n, suppressed}. */
function cells(x: unknown, out: {value: unknown; n: unknown; suppressed: boolean}[] = []) {
  if (Array.isArray(x)) x.forEach((v) => cells(v, out));
  else if (x && typeof x === "object") {
    const o = x as Record<string, unknown>;
    if ("suppressed" in o && "value" in o && "n" in o) out.push(o as never);
    Object.values(o).forEach((v) => cells(v, out));
  }
  return out;
}

describe("src/data/monitor.json.ts", {timeout: 60_000}, () => {
  const json = runLoader();
  const text = JSON.stringify(json);

  it("publishes no person-level data: no pseudonymous id, no date of a person", () => {
    const ids = readFileSync("data/cohorts/synthetic-monitor.csv", "utf8").split("\n").slice(1, 200).map((l) => l.split(",")[0]).filter(Boolean);
    for (const id of ids) expect(text.includes(`"${id}"`)).toBe(false);
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });

  it("every published cell rests on at least minCell (10) persons; the rest is null and flagged suppressed", () => {
    const all = cells(json);
    expect(all.length).toBeGreaterThan(100);
    for (const c of all) {
      if (c.suppressed) expect(c.value).toBeNull();
      else if (typeof c.n === "number") expect(c.n).toBeGreaterThanOrEqual(10);
    }
    expect(all.some((c) => c.suppressed)).toBe(true);
  });

  it("a higher --min-cell suppresses every group smaller than it", () => {
    const strict = runLoader(["--min-cell", "5000"]) as {minCell: number; curves: {n: {suppressed: boolean}; points: {km: {suppressed: boolean}}[]}[]};
    expect(strict.minCell).toBe(5000);
    for (const c of strict.curves) {
      expect(c.n.suppressed).toBe(true);
      expect(c.points.every((p) => p.km.suppressed)).toBe(true);
    }
  });
});

describe("src/data/monitor.json.ts on a site whose studies declare no monitoring data", {timeout: 60_000}, () => {
  it("writes the same shape with no groups and `available: false`, and a Dutch note, instead of stopping the build", () => {
    const out = execFileSync("node_modules/.bin/tsx", ["src/data/monitor.json.ts"], {
      encoding: "utf8",
      env: {...process.env, RENDEMENT_EXTRA_STUDIES: "tests/fixtures/studies", RENDEMENT_ONLY_STUDIES: "oefenstudie"}
    });
    const json = JSON.parse(out);
    expect(json.available).toBe(false);
    expect(json.curves).toEqual([]);
    expect(json.effectiveness.groups).toEqual([]);
    expect(json.note).toMatch(/^Geen studie op deze site levert monitoringgegevens/);
  });
});
