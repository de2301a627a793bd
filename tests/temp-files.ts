// Temporary model files for tests, in one folder per test file that is removed afterwards.
import {mkdtempSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll} from "vitest";
import {spawnSync} from "node:child_process";

export function tempFiles(): (name: string, text: string) => string {
  const dir = mkdtempSync(join(tmpdir(), "rendement-test-"));
  afterAll(() => rmSync(dir, {recursive: true, force: true}));
  return (name, text) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };
}

/** Run `rendement <argv>` as a process (node with tsx), as a user would. */
export function runCli(argv: string[]): {code: number | null; stdout: string; stderr: string} {
  const r = spawnSync(process.execPath, ["--import", "tsx", "lib/cli.ts", ...argv], {encoding: "utf8", env: {...process.env, TZ: "Europe/Amsterdam"}});
  return {code: r.status, stdout: r.stdout.trimEnd(), stderr: r.stderr.trimEnd()};
}
