import {describe, expect, it} from "vitest";
import {spawnSync} from "node:child_process";
import {oneWay} from "../../lib/analysis/sensitivity.js";
import {uncertaintyOverview} from "../../lib/analysis/overview.js";
import {rebuildModel} from "../../lib/model/rebuild.js";
import {registryJSONFor} from "../../lib/model/context.js";
import {evaluate} from "../../lib/model/evaluate.js";
import {summarize} from "../../lib/finance/summary.js";
import {defaultRegistry, loadStudy} from "../../lib/io/study.js";
import {load as loadOverview} from "../../src/studies/[study]/onzekerheid.json.js";

function load(...args: string[]) {
  const r = spawnSync(process.execPath, ["--import", "tsx", "src/studies/[study]/onzekerheid.json.ts", ...args], {encoding: "utf8", maxBuffer: 1 << 26});
  return {code: r.status, json: r.status === 0 ? JSON.parse(r.stdout) : null, stderr: r.stderr};
}

describe("uncertaintyOverview (what a study's uncertainty page shows for one model)", () => {
  it("for a model without stated uncertainty (the chapter-6 example) varies the slider ranges and says so", () => {
    const model = loadStudy("data/studies/zoetermeer/investering-per-deelnemer.yaml");
    const o = uncertaintyOverview(model);
    expect(o.tornado.controlRanges).toBe(true);
    expect(o.tornado.overall).toEqual(oneWay(model, {controlRanges: true}).overall);
    expect(o.scenarios.map((s) => s.id)).toEqual(["basis", "ook_regulier_werk"]);
    expect(o.breakeven.defaultInput).toBe("traject.kostenPerDeelnemer");
  });
  it("file and registry JSON rebuild the same model in the browser (rebuildModel: same saldo)", () => {
    const model = loadStudy("tests/fixtures/model-linear.yaml");
    const json = JSON.parse(JSON.stringify({file: model.file, registry: registryJSONFor(model, defaultRegistry())}));
    const o = uncertaintyOverview(model);
    expect(summarize(evaluate(rebuildModel(json))).saldo).toBe(o.base.saldo);
    expect(o.tornado.controlRanges).toBe(false);
    expect(o.tornado.inputs.length).toBe(9);
  });
});

describe("src/studies/[study]/onzekerheid.json.ts", () => {
  it("emits one entry per model of the study with a model to vary (Zoetermeer: the one model file)", async () => {
    // The loader's load(), in-process, as the build calls it (scripts/precompute-loaders.mjs); run as a
    // program it writes the same text (lib/io/loader-run.ts, tests/io/loader-run.test.ts), and the
    // program itself runs in the next test. A process for it cost about 1,5 s of CPU.
    const json = JSON.parse(await loadOverview(["--study=zoetermeer"]));
    expect(json.models.map((m: {key: string}) => m.key)).toEqual(["model.yaml", "investering-per-deelnemer.yaml"]);
    const model = rebuildModel(json.models[0]);
    expect(summarize(evaluate(model)).saldo).toBe(json.models[0].base.saldo);
  }, 60_000);
  it("an unknown study ends the loader with exit code 1 and names the known studies", () => {
    const r = load("--study=nope");
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/no study "nope" under data\/studies \(found: afstand-arbeidsmarkt, jeugdwerkloosheid/);
  }, 60_000);
});
