import {describe, expect, it} from "vitest";
import {spawnSync} from "node:child_process";
import {writeFileSync} from "node:fs";
import {join} from "node:path";
import {pathToFileURL} from "node:url";
import {handle, type PsaMessage, type PsaRequest} from "../../lib/analysis/worker-entry.js";
import {psa} from "../../lib/analysis/psa.js";
import {compileModel} from "../../lib/model/compile.js";
import {registryContext} from "../../lib/model/context.js";
import {Registry} from "../../lib/kengetallen/registry.js";
import {loadStudy, defaultRegistry} from "../../lib/io/study.js";
import {tempDir} from "../temp-dir.js";

const path = "data/models/investering-per-deelnemer.yaml";
const linear = "tests/fixtures/model-linear.yaml";

function request(modelPath: string, draws: number, seed: number): PsaRequest {
  const model = loadStudy(modelPath);
  return {file: JSON.parse(JSON.stringify(model.file)), registry: JSON.parse(JSON.stringify(defaultRegistry().toJSON())), draws, seed, progressEvery: 100};
}

describe("the PSA worker", () => {
  it("compiles the model from file and registry JSON and posts progress, then the same result as psa() in Node", () => {
    const req = request(linear, 300, 7);
    const messages: PsaMessage[] = [];
    handle(req, (m) => messages.push(m));
    const last = messages[messages.length - 1];
    expect(last.type).toBe("result");
    const progress = messages.filter((m) => m.type === "progress");
    expect(progress.length).toBeGreaterThan(1);
    expect(progress.map((m) => (m as {done: number}).done)).toEqual([...progress.map((m) => (m as {done: number}).done)].sort((a, b) => a - b));
    const model = compileModel(req.file, registryContext(Registry.fromJSON(req.registry)));
    expect((last as {result: unknown}).result).toEqual(psa(model, {draws: 300, seed: 7}));
  });
  it("posts an error message (not an exception) for a bad request", () => {
    const messages: PsaMessage[] = [];
    handle({...request(path, 10, 1), draws: -5}, (m) => messages.push(m));
    expect(messages).toEqual([{type: "error", message: "draws must be a positive integer, found -5"}]);
  });
  it("the loader src/workers/psa.js.ts bundles a browser module without node: imports that gives the same result", async () => {
    const r = spawnSync("npx", ["tsx", "src/workers/psa.js.ts"], {encoding: "utf8", maxBuffer: 1 << 26});
    expect(r.status).toBe(0);
    expect(r.stdout).not.toMatch(/from\s*"node:|require\(/);
    const file = join(tempDir("psa-worker-"), "psa.mjs");
    writeFileSync(file, r.stdout);
    const mod = (await import(pathToFileURL(file).href)) as {handle: typeof handle};
    const req = request(linear, 200, 3);
    const a: PsaMessage[] = [];
    const b: PsaMessage[] = [];
    mod.handle(req, (m) => a.push(m));
    handle(req, (m) => b.push(m));
    const strip = (m: PsaMessage) => (m.type === "result" ? {...m, milliseconds: 0} : m);
    expect(a.map(strip)).toEqual(b.map(strip));
  }, 60_000);
});
