// Authoring without code: `rendement new <id>` writes a study folder that checks and reproduces at
// once; `rendement check <study folder>` names every mistake as `file:line: field: message` with
// exit code 2; `rendement check <model file>` keeps working.
import {mkdtempSync, readFileSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterEach, describe, expect, it, vi} from "vitest";
import {main as newMain} from "../../lib/cli/new.js";
import {main as checkMain} from "../../lib/cli/check.js";

async function run(main: (argv: string[]) => Promise<number>, argv: string[]): Promise<{code: number; out: string; err: string}> {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(console, "log").mockImplementation((...a) => void out.push(a.join(" ")));
  vi.spyOn(console, "error").mockImplementation((...a) => void err.push(a.join(" ")));
  const code = await main(argv);
  vi.restoreAllMocks();
  return {code, out: out.join("\n"), err: err.join("\n")};
}
afterEach(() => vi.restoreAllMocks());

function fresh(id: string): string {
  const root = mkdtempSync(join(tmpdir(), "rendement-new-"));
  return join(root, id);
}

describe("rendement new + rendement check <study folder>", () => {
  it("a new study checks clean and its three printed figures match (saldo € 254.000, ratio 2,0, 3 × € 16.800)", async () => {
    const dir = fresh("demo");
    expect((await run(newMain, ["demo", "--dir", join(dir, "..")])).code).toBe(0);
    const r = await run(checkMain, [dir]);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    expect(r.out).toContain("3 printed figure(s) reproduced");
    expect(r.out).toMatch(/onafhankelijke invoer die kloppen: 2 van 2/);
    expect(readFileSync(join(dir, "study.yaml"), "utf8")).toMatch(/^# yaml-language-server: \$schema=/);
  }, 120_000);
  it("refuses an existing folder and a bad id with exit 2", async () => {
    const dir = fresh("demo");
    await run(newMain, ["demo", "--dir", join(dir, "..")]);
    expect((await run(newMain, ["demo", "--dir", join(dir, "..")])).code).toBe(2);
    expect((await run(newMain, ["Demo Study"])).err).toMatch(/expected a lower-case id/);
  });
  it("a wrong intervention id in study.yaml is one line naming file, line and field; exit 2", async () => {
    const dir = fresh("fout");
    await run(newMain, ["fout", "--dir", join(dir, "..")]);
    const f = join(dir, "study.yaml");
    writeFileSync(f, readFileSync(f, "utf8").replace("intervention: traject", "intervention: trajct"));
    const r = await run(checkMain, [dir]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(new RegExp(`${f.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}:\\d+: items\\[0\\]\\.intervention: expected an intervention of model.yaml \\(traject\\), found "trajct"`));
  }, 120_000);
  it("a computation naming an unknown model or measure, or an unknown figure in a formula, names printed.yaml's line", async () => {
    const dir = fresh("fout2");
    await run(newMain, ["fout2", "--dir", join(dir, "..")]);
    const f = join(dir, "printed.yaml");
    writeFileSync(f, readFileSync(f, "utf8").replace("computed: {measure: ratio}", "computed: {measure: ratio, model: nope.yaml}").replace('computed: {formula: "3 * k.', 'computed: {formula: "onbekend + 3 * k.'));
    const r = await run(checkMain, [dir]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/printed.yaml:\d+: model: expected a model file in the study folder, found "nope.yaml"/);
    expect(r.err).toMatch(/printed.yaml:\d+: figures\[2\]\.computed \(besparing_per_werkende\): expected a printed figure id, a where name or a k.<kengetal>, found "onbekend"/);
    writeFileSync(f, readFileSync(f, "utf8").replace("measure: ratio, model: nope.yaml", "measure: rendement"));
    expect((await run(checkMain, [dir])).err).toMatch(/printed.yaml:\d+: figures\[1\]\.computed\.measure \(verhouding\): expected a measure, one of/);
  }, 120_000);
  it("a study kengetal that clashes with the shared registry is an error naming both files", async () => {
    const dir = fresh("botsing");
    await run(newMain, ["botsing", "--dir", join(dir, "..")]);
    const f = join(dir, "kengetallen.yaml");
    writeFileSync(f, readFileSync(f, "utf8").replace("id: botsing_uitkering_jaar", "id: qaly_waarde"));
    const r = await run(checkMain, [dir]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/kengetallen.yaml:\d+: id \[qaly_waarde\]: expected a unique id, found "qaly_waarde" again \(first at data\/kengetallen\/waardering.yaml:\d+\)/);
  }, 120_000);
  it("rendement check <model file> keeps working", async () => {
    const r = await run(checkMain, ["data/studies/zoetermeer/investering-per-deelnemer.yaml"]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/investering-per-deelnemer.yaml: \d+ quantities/);
  }, 60_000);
});
