// Data loaders as functions (lib/io/loader-run.ts): a loader imported by the build's precompute step
// (scripts/precompute-loaders.mjs) runs nothing by itself, and its `load(args)` gives byte for byte
// what the loader writes when Framework runs it as a program (tsx, `--study=<id>`).
import {spawnSync} from "node:child_process";
import {resolve} from "node:path";
import {pathToFileURL} from "node:url";
import {afterAll, beforeAll, describe, expect, test} from "vitest";
import {isMainModule, studyParam} from "../../lib/io/loader-run.js";

const TSX = resolve("node_modules/.bin/tsx");
const EXTRA = "tests/fixtures/studies";

describe("lib/io/loader-run.ts", () => {
  test("a module is the program only when the process was started with its file", () => {
    const url = pathToFileURL(resolve("src/studies/[study]/study.json.ts")).href;
    expect(isMainModule(url, "src/studies/[study]/study.json.ts")).toBe(true);
    expect(isMainModule(url, resolve("src/studies/[study]/study.json.ts"))).toBe(true);
    expect(isMainModule(url, "scripts/precompute-loaders.mjs")).toBe(false);
    expect(isMainModule(url, undefined)).toBe(false);
  });

  test("the study parameter comes from --study=<id> (as Framework passes it) or the first argument", () => {
    expect(studyParam(["--study=oefenstudie"])).toBe("oefenstudie");
    expect(studyParam(["oefenstudie"])).toBe("oefenstudie");
    expect(studyParam([])).toBe("");
  });
});

describe("a per-study loader imported in-process equals the loader run as a program (fixture study)", () => {
  const saved = process.env.RENDEMENT_EXTRA_STUDIES;
  beforeAll(() => {
    process.env.RENDEMENT_EXTRA_STUDIES = EXTRA;
  });
  afterAll(() => {
    if (saved === undefined) delete process.env.RENDEMENT_EXTRA_STUDIES;
    else process.env.RENDEMENT_EXTRA_STUDIES = saved;
  });

  for (const loader of ["study.json.ts", "aannameregister.json.ts"]) {
    test(`src/studies/[study]/${loader}`, async () => {
      const file = `src/studies/[study]/${loader}`;
      const module = (await import(pathToFileURL(resolve(file)).href)) as {load: (args: string[]) => Promise<string>};
      const inProcess = await module.load(["--study=oefenstudie"]);
      const run = spawnSync(TSX, [file, "--study=oefenstudie"], {encoding: "utf8", env: {...process.env, RENDEMENT_EXTRA_STUDIES: EXTRA}});
      expect(run.status, run.stderr).toBe(0);
      expect(inProcess).toBe(run.stdout);
      expect(JSON.parse(inProcess).study?.id).toBe("oefenstudie");
    }, 90_000);
  }
});
