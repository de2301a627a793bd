// rendement net-effect feeds a model: the net effect measured on cohort data becomes a model's
// effect parameter through `--set name=@file.json#netEffectShare` (issue 5: "an MKBA driven by
// measured data instead of typed-in percentages").
import {afterEach, describe, expect, it, vi} from "vitest";
import {readFileSync, writeFileSync} from "node:fs";
import path from "node:path";
import {main as netEffectMain} from "../../lib/cli/net-effect.js";
import {main as evaluateMain} from "../../lib/cli/evaluate.js";
import {readCohortFile} from "../../lib/io/cohort-file.js";
import {curvesByGroup} from "../../lib/cohort/curves.js";
import {incidenceAt} from "../../lib/cohort/aalen-johansen.js";
import {referenceAt} from "../../lib/cohort/net-effect.js";
import {parseReferenceCurves} from "../../lib/cohort/reference-curves.js";
import {cohortRecords} from "../../lib/cli/cohort-records.js";
import {tempDir} from "../temp-dir.js";

async function run(fn: (argv: string[]) => Promise<number>, argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const log = vi.spyOn(console, "log").mockImplementation((...a) => void out.push(a.join(" ")));
  const error = vi.spyOn(console, "error").mockImplementation((...a) => void err.push(a.join(" ")));
  try {
    return {code: await fn(argv), out: out.join("\n"), err: err.join("\n")};
  } finally {
    log.mockRestore();
    error.mockRestore();
  }
}
afterEach(() => vi.restoreAllMocks());

const cohort = "data/cohorts/synthetic-monitor.csv";
const args = [cohort, "--reference", "fit4work-control-work", "--group", "VIP", "--horizon", "4", "--observed-months", "24", "--json"];
// The run of `args` is the same in the first two tests: made once, by whichever test comes first.
let netEffectRun: ReturnType<typeof run> | undefined;
const runArgs = () => (netEffectRun ??= run(netEffectMain, args));

describe("rendement net-effect", () => {
  it("within the observed months, the net effect of year y is the AJ outflow to work at month 12·y minus the reference curve", async () => {
    const r = await runArgs();
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(json.years).toEqual([1, 2, 3, 4]);
    const grouped = cohortRecords(readCohortFile(cohort), cohort, "group", "work-other");
    if (typeof grouped === "string") throw new Error(grouped);
    const vip = curvesByGroup(grouped.records, grouped.causes).find((c) => c.group === "VIP")!;
    const reference = parseReferenceCurves(readFileSync("data/studies/voorbeeldprojecten/monitoring/nulalternatief.yaml", "utf8"), "x").find((c) => c.id === "fit4work-control-work")!;
    for (const y of [1, 2]) {
      expect(json.netEffectShare[y - 1]).toBeCloseTo(incidenceAt(vip.aj, "work", 12 * y).estimate - referenceAt(reference, 12 * y), 10);
    }
    expect(json.benefitMonthsGained).toBeGreaterThan(0);
  }, 60_000); // reads the 3.890-row synthetic cohort: seconds on a loaded 2-core machine
  it("drives a model: --set iv.nettoEffect=@net.json#netEffectShare puts the measured shares into the model", async () => {
    const dir = tempDir("rendement-");
    const file = path.join(dir, "net.json");
    const json = JSON.parse((await runArgs()).out);
    writeFileSync(file, JSON.stringify(json));
    const r = await run(evaluateMain, ["tests/fixtures/model-mini.yaml", "--json", "--set", `iv.nettoEffect=@${file}#netEffectShare`]);
    expect(r.code).toBe(0);
    const result = JSON.parse(r.out);
    const wage = result.total.lines.find((l: {flow: string}) => l.flow === "loon");
    // tests/fixtures/model-mini.yaml: gross wage = 100 participants × net effect × € 22.500, per year
    wage.perYear.forEach((v: number, t: number) => expect(v).toBeCloseTo(100 * json.netEffectShare[t] * 22_500, 4));
  }, 60_000);
  it("refuses an unknown reference curve or an ambiguous group with exit code 2, naming the choices", async () => {
    const a = await run(netEffectMain, [cohort, "--reference", "nope", "--group", "VIP"]);
    expect(a.code).toBe(2);
    expect(a.err).toMatch(/unknown curve "nope"; .* has iwi-2007-bijstand-inflow-work/);
    const b = await run(netEffectMain, [cohort, "--reference", "fit4work-control-work"]);
    expect(b.code).toBe(2);
    expect(b.err).toMatch(/--group: the file has 4 groups \(ExIT, IPS-NHN, Regulier, VIP\); choose one/);
  });
  it("--set @file#field refuses a field that is not a number or a list of numbers", async () => {
    const dir = tempDir("rendement-");
    const file = path.join(dir, "net.json");
    writeFileSync(file, JSON.stringify({group: "VIP"}));
    const r = await run(evaluateMain, ["tests/fixtures/model-mini.yaml", "--set", `iv.nettoEffect=@${file}#group`]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/expected a number or a list of numbers at "group"/);
  });
});
