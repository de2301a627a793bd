import {describe, expect, it} from "vitest";
import {spawnSync} from "node:child_process";
import {oneWay} from "../../lib/analysis/sensitivity.js";
import {compileModel} from "../../lib/model/compile.js";
import {registryContext} from "../../lib/model/context.js";
import {Registry} from "../../lib/kengetallen/registry.js";
import {evaluate} from "../../lib/model/evaluate.js";
import {summarize} from "../../lib/finance/summary.js";
import {loadStudy} from "../../lib/io/study.js";

function load(...args: string[]) {
  const r = spawnSync("npx", ["tsx", "src/data/onzekerheid.json.ts", ...args], {encoding: "utf8", maxBuffer: 1 << 26});
  return {code: r.status, json: r.status === 0 ? JSON.parse(r.stdout) : null, stderr: r.stderr};
}

describe("src/data/onzekerheid.json.ts", () => {
  it("for a model without stated uncertainty (the chapter-6 example) varies the slider ranges and says so", () => {
    const {code, json} = load("data/models/investering-per-deelnemer.yaml");
    expect(code).toBe(0);
    expect(json.model.path).toBe("data/models/investering-per-deelnemer.yaml");
    expect(json.tornado.controlRanges).toBe(true);
    const model = loadStudy("data/models/investering-per-deelnemer.yaml");
    expect(json.tornado.overall).toEqual(JSON.parse(JSON.stringify(oneWay(model, {controlRanges: true}).overall)));
    expect(json.scenarios.map((s: {id: string}) => s.id)).toEqual(["basis", "ook_regulier_werk"]);
    expect(json.breakeven.defaultInput).toBe("traject.kostenPerDeelnemer");
  }, 60_000);
  it("emits file and registry JSON from which the browser rebuilds the same model (same saldo)", () => {
    const {json} = load("tests/fixtures/model-linear.yaml");
    const model = compileModel(json.file, registryContext(Registry.fromJSON(json.registry)));
    expect(summarize(evaluate(model)).saldo).toBe(json.base.saldo);
    expect(json.tornado.controlRanges).toBe(false);
    expect(json.tornado.inputs.length).toBe(9);
  }, 60_000);
  it("a model file that does not load ends the loader with exit code 1 and the file in the message", () => {
    const r = load("data/models/nope.yaml");
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/onzekerheid.json: data\/models\/nope.yaml: cannot read the model file/);
  }, 60_000);
});
