// Person-level cohort data never reaches the published site (issue 5): no pseudonymous id and no
// person-level row of the cohort files appears anywhere in dist/, and every published aggregate cell
// rests on at least `minCell` persons or is suppressed. Runs after `observable build` (npm test).
import {describe, expect, it} from "vitest";
import {existsSync, readdirSync, readFileSync, statSync} from "node:fs";
import path from "node:path";

const dist = "dist";
const DEFAULT_MIN_CELL = 10;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

const cohortFiles = readdirSync("data/cohorts").filter((f) => f.endsWith(".csv")).map((f) => path.join("data/cohorts", f));

describe("privacy of the built site (dist/)", () => {
  it("dist/ exists (run `npm run build` first)", () => {
    expect(existsSync(dist)).toBe(true);
  });
  const built = existsSync(dist) ? files(dist).filter((f) => /\.(html|js|json|csv|txt)$/.test(f)) : [];
  const texts = new Map(built.map((f) => [f, readFileSync(f, "utf8")]));

  for (const cohort of cohortFiles) {
    const lines = readFileSync(cohort, "utf8").trim().split("\n");
    const header = lines[0];
    const ids = lines.slice(1).map((l) => l.split(",")[0]);
    it(`no pseudonymous id of ${cohort} (${ids.length} persons) appears in any built file`, () => {
      const pattern = new RegExp(`\\b(?:${ids.map((id) => id.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|")})\\b`);
      const hits = [...texts].filter(([, text]) => pattern.test(text)).map(([f, text]) => `${f}: ${text.match(pattern)![0]}`);
      expect(hits).toEqual([]);
    });
    it(`no person-level row or the column header of ${cohort} appears in any built file`, () => {
      const rows = lines.slice(1, 200).map((l) => l.split(",").slice(1, 5).join(","));
      const hits = [...texts].filter(([, text]) => text.includes(header) || rows.some((r) => text.includes(r))).map(([f]) => f);
      expect(hits).toEqual([]);
    });
  }

  it("every published cell rests on at least minCell persons or is suppressed (value null)", () => {
    const problems: string[] = [];
    for (const [file, text] of texts) {
      if (!file.endsWith(".json")) continue;
      let data: unknown;
      try {
        data = JSON.parse(text);
      } catch {
        continue;
      }
      const minCell = typeof (data as {minCell?: unknown}).minCell === "number" ? (data as {minCell: number}).minCell : DEFAULT_MIN_CELL;
      const walk = (x: unknown, where: string): void => {
        if (Array.isArray(x)) return x.forEach((v, i) => walk(v, `${where}[${i}]`));
        if (!x || typeof x !== "object") return;
        const o = x as Record<string, unknown>;
        if (o.suppressed === false && typeof o.n === "number" && o.n < minCell) problems.push(`${file} ${where}: n = ${o.n} < ${minCell} but not suppressed`);
        if (o.suppressed === true && o.value !== null && o.value !== undefined) problems.push(`${file} ${where}: suppressed cell still has a value`);
        if (typeof o.nRisk === "number" && o.nRisk > 0 && o.nRisk < minCell) problems.push(`${file} ${where}: ${o.nRisk} at risk < ${minCell}`);
        for (const [k, v] of Object.entries(o)) walk(v, `${where}.${k}`);
      };
      walk(data, "");
    }
    expect(problems).toEqual([]);
  });

  it("the monitoring data published on the site says it is aggregated and synthetic", () => {
    const monitor = [...texts].find(([f]) => /monitor[^/]*\.json$/.test(f));
    expect(monitor, "the monitoring page's data file is in dist/").toBeDefined();
    const data = JSON.parse(monitor![1]);
    expect(data.synthetic).toBe(true);
    expect(data.minCell).toBeGreaterThanOrEqual(DEFAULT_MIN_CELL);
  });
});
