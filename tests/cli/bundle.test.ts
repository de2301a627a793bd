// The command-line bundle (dist-cli/, scripts/build-cli.mjs) is the source compiled: rebuilt in memory
// with the same esbuild options it has the same files, byte for byte; and the real binary runs it
// (no note about the TypeScript source on stderr) with the same output as the source in-process.
// `npm test` makes the bundle before the unit tests; by hand: `npm run build:cli`.
import {spawnSync} from "node:child_process";
import {existsSync, readFileSync, readdirSync} from "node:fs";
import {join, relative} from "node:path";
import {describe, expect, it} from "vitest";
import {runCli} from "./run.js";
import {OUT, ROOT, buildCliInMemory} from "../../scripts/build-cli.mjs";

const bundleDir = join(ROOT, OUT);
const present = existsSync(join(bundleDir, "manifest.json"));

/** Files of dist-cli/ that the build makes (not the run-time cache, not the manifest with its time). */
function bundleFiles(dir = bundleDir): string[] {
  return readdirSync(dir, {withFileTypes: true}).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return path === join(bundleDir, "cache") ? [] : bundleFiles(path);
    return path === join(bundleDir, "manifest.json") ? [] : [relative(ROOT, path).split("\\").join("/")];
  });
}

describe("the command-line bundle (dist-cli/)", () => {
  it("exists (made by `npm ci`'s prepare script, `npm test`, or `npm run build:cli`)", () => {
    expect(present, "no dist-cli/manifest.json: run `npm run build:cli`").toBe(true);
  });

  it.skipIf(!present)("equals the source: a rebuild in memory with the same esbuild options gives the same files, byte for byte, and the manifest lists its inputs", async () => {
    const {files, inputs} = await buildCliInMemory();
    expect(bundleFiles().sort(), "files in dist-cli/ (run `npm run build:cli` after changing lib/)").toEqual([...files.keys()].sort());
    const different = [...files].filter(([path, bytes]) => !Buffer.from(bytes).equals(readFileSync(join(ROOT, path)))).map(([path]) => path);
    expect(different, "files of dist-cli/ that differ from a fresh build (run `npm run build:cli`)").toEqual([]);
    const manifest = JSON.parse(readFileSync(join(bundleDir, "manifest.json"), "utf8")) as {watch: string[]};
    for (const input of inputs.filter((f) => !f.includes("node_modules/"))) expect(manifest.watch).toContain(input);
    expect(manifest.watch).toContain("package-lock.json");
    expect(inputs).toContain("lib/cli.ts");
    // every command module is in it (lazily loaded chunks), and no TypeScript is left for Node to run
    for (const command of ["evaluate", "psa", "curves", "reproduce"]) expect(inputs).toContain(`lib/cli/${command}.ts`);
    expect([...files.keys()].filter((f) => f.endsWith(".ts"))).toEqual([]);
    // DuckDB's JavaScript API is bundled (its ~60 CommonJS files need not be opened and parsed at
    // start); the package that loads the native binary stays outside, required at run time
    const text = [...files.values()].map((b) => Buffer.from(b).toString("utf8")).join("\n");
    expect(text).not.toMatch(/from "@duckdb\/node-api"/);
    expect(text).toMatch(/require\("@duckdb\/node-bindings"\)/);
  }, 120_000);

  it.skipIf(!present)("smoke test of the real binary: `node bin/rendement.mjs` runs the bundle (nothing on stderr) and prints what the source prints in-process", async () => {
    const help = spawnSync(process.execPath, ["bin/rendement.mjs", "--help"], {encoding: "utf8"});
    expect(help.status).toBe(0);
    expect(help.stderr).toBe("");
    expect(help.stdout.trimEnd()).toBe((await runCli(["--help"])).out);
    const model = "tests/fixtures/model-linear.yaml";
    for (let run = 0; run < 2; run++) {
      // the second run reads the validated files from the bundle's cache (lib/io/parse-cache.ts)
      const evaluate = spawnSync(process.execPath, ["bin/rendement.mjs", "evaluate", model, "--json"], {encoding: "utf8", env: {...process.env, TZ: "Europe/Amsterdam"}});
      expect(evaluate.stderr).toBe("");
      expect(evaluate.status).toBe(0);
      expect(evaluate.stdout.trimEnd()).toBe((await runCli(["evaluate", model, "--json"])).out);
    }
  }, 60_000);

  it("runs the TypeScript source when told to (RENDEMENT_CLI=source), with the same output", () => {
    const r = spawnSync(process.execPath, ["bin/rendement.mjs", "--help"], {encoding: "utf8", env: {...process.env, RENDEMENT_CLI: "source"}});
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Usage: rendement <command>/);
    expect(r.stderr).toBe(""); // asked for: no note (a stale or missing bundle gives one line)
  }, 60_000);
});
