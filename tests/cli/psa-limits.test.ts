// Issue 17 cases 9 and 10 for `rendement psa` and model paths: a stated maximum of draws, progress on
// stderr, only regular files as input (a FIFO used to block forever), and a threshold on the draws
// left out as non-finite (100 of 200 used to exit 0).
import {spawnSync} from "node:child_process";
import {describe, expect, it} from "vitest";
import {MAX_DRAWS} from "../../lib/cli/psa.js";
import {runCli} from "./run.js";
import {tempFiles} from "../temp-files.js";

// The two tests that need a process of their own start `rendement` as users do (bin/rendement.mjs:
// the bundle in dist-cli/, which `npm test` makes before the unit tests; 0,2 s of CPU per start
// instead of 1,5 s for lib/cli.ts through tsx). Without an up-to-date bundle it runs the same source
// through tsx and says so in one line first, which is not what these tests are about.
const withoutSourceNotice = (text: string) => text.replace(/^rendement: running the TypeScript source .*\n/, "");

const file = tempFiles();
// x is drawn from PERT(-1, 0.5, 1); a draw with x <= 0 divides by zero (1000 / max(x, 0)) and is left out.
const model = file(
  "m.yaml",
  `id: m
title: M
priceYear: 2020
horizon: 2
posts:
  - {id: kosten, label: Kosten, side: cost}
  - {id: baten, label: Baten, side: benefit}
interventions:
  - id: iv
    label: IV
    parameters:
      - {id: x, label: X, value: 0.5, unit: aantal, assumption: test, uncertainty: {type: range, low: -1, high: 1}}
    flows:
      - {id: k, label: K, post: kosten, actor: gemeente, effect: cost, amount: "once(1000)"}
      - {id: b, label: B, post: baten, actor: gemeente, effect: benefit, amount: "once(1000 / max(x, 0))"}
`
);

describe("issue 17 case 9: psa has a stated maximum of draws and shows progress", () => {
  it(`--draws above ${MAX_DRAWS} is refused (1e9 used to run for hours without a word)`, {timeout: 60_000}, async () => {
    const r = await runCli(["psa", model, "--draws", "1e9", "--workers", "1"]);
    expect(r.code).toBe(2);
    expect(r.err).toBe('rendement psa: --draws expects an integer <= 1_000_000, found "1e9"');
  });
  it("--progress writes the number of draws done to stderr (as on a terminal)", {timeout: 60_000}, () => {
    const r = spawnSync(process.execPath, ["bin/rendement.mjs", "psa", model, "--draws", "200", "--workers", "1", "--progress", "--max-excluded", "100%", "--json"], {encoding: "utf8", timeout: 30_000});
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/rendement psa: 200 van 200 trekkingen/);
  });
  it("a FIFO as model path is refused at once, not read (it used to block)", {timeout: 60_000}, () => {
    const fifo = file("pipe.yaml", "");
    spawnSync("rm", [fifo]);
    expect(spawnSync("mkfifo", [fifo]).status).toBe(0);
    const r = spawnSync(process.execPath, ["bin/rendement.mjs", "evaluate", fifo], {encoding: "utf8", timeout: 30_000});
    expect(r.status).toBe(2);
    expect(withoutSourceNotice(r.stderr).trim()).toBe(`rendement evaluate: ${fifo}: cannot read the model file (not a regular file: it is a FIFO (named pipe); only regular files are read)`);
  });
});

describe("issue 17 case 10: psa fails when more draws than --max-excluded (default 5 %) are left out as non-finite", () => {
  it("about a quarter of 200 draws divide by zero: exit 1 with the count, no statistics", {timeout: 60_000}, async () => {
    const r = await runCli(["psa", model, "--draws", "200", "--workers", "1"]);
    expect(r.code).toBe(1);
    expect(r.out).toBe("");
    expect(r.err).toMatch(/^rendement psa: \d+ of 200 draws \([\d.]+ %\) gave no finite saldo or ratio and were left out, more than --max-excluded 5 %/);
  });
  it("with a --max-excluded that allows them, the run reports and says how many were left out", {timeout: 60_000}, async () => {
    const r = await runCli(["psa", model, "--draws", "200", "--workers", "1", "--max-excluded", "0.5"]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/let op: \d+ van de 200 trekkingen gaven geen eindig saldo of geen eindige verhouding/);
  });
});
