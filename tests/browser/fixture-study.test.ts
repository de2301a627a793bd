// Proof that a study is only data: a fixture study (tests/fixtures/studies/oefenstudie: a
// study.yaml and a model file, no code) is built into a temporary copy of the site with
// RENDEMENT_EXTRA_STUDIES, its pages are opened in Chromium, and they must show the saldo and the
// ratios that the command line (`rendement evaluate --json`) computes for the same model file. The
// copy lives in a temporary folder inside the project (so node_modules and lib/ resolve) with its
// own Framework cache; it is removed afterwards, and the shipped src/ cache and dist/ are not touched.
import {afterAll, beforeAll, expect, test} from "vitest";
import {spawnSync} from "node:child_process";
import {cpSync, existsSync, mkdtempSync, rmSync, symlinkSync} from "node:fs";
import {join, resolve} from "node:path";
import {browserSuite} from "./harness.js";
import {runCli} from "../cli/run.js";
import {formatEuro, formatNumber} from "../../lib/format.js";

const ROOT = resolve(".");
const MODEL = "tests/fixtures/studies/oefenstudie/model.yaml";
const BUILD_TIMEOUT = 600_000;

let tmp = "";

browserSuite("a study that is only data (fixture study, built apart from the site)", (suite) => {
  let build: {status: number | null; stderr: string; stdout: string};

  beforeAll(async () => {
    tmp = mkdtempSync(join(ROOT, ".fixture-build-"));
    cpSync(join(ROOT, "src"), join(tmp, "src"), {recursive: true, verbatimSymlinks: true, filter: (from) => from !== join(ROOT, "src", ".observablehq")});
    // The version names `observable build` would otherwise look up on the registry (see scripts/test-all.mjs).
    const npmCache = join(ROOT, "src", ".observablehq", "cache", "_npm");
    if (existsSync(npmCache)) cpSync(npmCache, join(tmp, "src", ".observablehq", "cache", "_npm"), {recursive: true});
    symlinkSync(join(ROOT, "lib"), join(tmp, "lib"));
    const r = spawnSync(join(ROOT, "node_modules", ".bin", "observable"), ["build"], {
      cwd: ROOT,
      encoding: "utf8",
      timeout: BUILD_TIMEOUT - 30_000,
      maxBuffer: 1 << 26,
      // Framework runs the TypeScript loaders with `tsx` from PATH (npm scripts put node_modules/.bin there).
      env: {...process.env, PATH: `${join(ROOT, "node_modules", ".bin")}:${process.env.PATH ?? ""}`, OBSERVABLE_TELEMETRY_DISABLE: "true", RENDEMENT_SRC: join(tmp, "src"), RENDEMENT_OUTPUT: join(tmp, "dist"), RENDEMENT_EXTRA_STUDIES: "tests/fixtures/studies", RENDEMENT_ONLY_STUDIES: "oefenstudie"}
    });
    build = {status: r.status, stderr: r.stderr ?? "", stdout: r.stdout ?? ""};
  }, BUILD_TIMEOUT);

  afterAll(() => {
    if (tmp) rmSync(tmp, {recursive: true, force: true});
  });

  test("the site builds with the fixture study", () => {
    expect(build.status, build.stderr.slice(-2000)).toBe(0);
    expect(existsSync(join(tmp, "dist", "studies", "oefenstudie", "traject.html"))).toBe(true);
  });

  test("its intervention page shows the saldo and ratios that `rendement evaluate --json` computes", async () => {
    const cli = await runCli(["evaluate", MODEL, "--json"]);
    expect(cli.code, cli.err).toBe(0);
    const iv = JSON.parse(cli.out).interventions.find((s: {scope: string}) => s.scope === "iv");
    const {page, context, report} = await suite.open("/studies/oefenstudie/traject");
    try {
      const text = (key: string) => page.locator(`[data-value="${key}"]`).first().textContent();
      await expect.poll(() => text("saldo")).toBe(formatEuro(iv.saldo));
      expect(await text("ratio")).toBe(formatNumber(iv.ratio, 1));
      expect(await text("financialRatio")).toBe(formatNumber(iv.financialRatio, 1));
      expect(report.pageErrors).toEqual([]);
      expect(report.consoleErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  test("its start page lists the intervention with the same saldo, and its uncertainty page loads", async () => {
    const cli = await runCli(["evaluate", MODEL, "--json"]);
    const iv = JSON.parse(cli.out).interventions[0];
    for (const path of ["/studies/oefenstudie/", "/studies/oefenstudie/onzekerheid?draws=200"]) {
      const {page, context, report} = await suite.open(path);
      try {
        if (path.endsWith("/")) await expect.poll(() => page.locator("main").innerText()).toContain(`saldo ${formatEuro(iv.saldo)}`);
        else await expect.poll(() => page.locator('[data-chart="tornado"]').count()).toBeGreaterThan(0);
        expect({...report, errorBoxes: await page.locator(".observablehq--error").count()}).toEqual({pageErrors: [], consoleErrors: [], outsideRequests: [], failedRequests: [], errorBoxes: 0});
      } finally {
        await context.close();
      }
    }
  });

  test("the shipped site (dist/) has no page of the fixture study", () => {
    expect(existsSync(join(ROOT, "dist", "studies", "oefenstudie"))).toBe(false);
  });
}, {dist: () => join(tmp, "dist")});
