// Temporary model files for tests, in one folder per test file that is removed afterwards.
import {mkdtempSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll} from "vitest";
import {runCli as runInProcess} from "./cli/run.js";

export function tempFiles(): (name: string, text: string) => string {
  const dir = mkdtempSync(join(tmpdir(), "rendement-test-"));
  afterAll(() => rmSync(dir, {recursive: true, force: true}));
  return (name, text) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };
}

/** Run `rendement <argv>` in-process (tests/cli/run.ts: lib/cli.ts `main`, output captured). */
export async function runCli(argv: string[]): Promise<{code: number; stdout: string; stderr: string}> {
  const r = await runInProcess(argv);
  return {code: r.code, stdout: r.out.trimEnd(), stderr: r.err.trimEnd()};
}
