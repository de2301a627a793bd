// Issue 11, the command-line cases: every bad input is refused with a one-line message and exit 2,
// never a stack trace and never a silently wrong number.
import {describe, expect, it} from "vitest";
import {spawnSync} from "node:child_process";
import {mkdtempSync, realpathSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join, resolve} from "node:path";
import {vi} from "vitest";
import {runGuarded} from "../../lib/cli.js";
import {runCli} from "./run.js";

const mini = "tests/fixtures/model-mini.yaml";
const zoetermeer = "data/studies/zoetermeer/model.yaml";
const cohort = "tests/fixtures/cohort-small.csv";
const noTrace = (s: string) => expect(s).not.toMatch(/^\s+at |Error:/m);

describe("case 3: --set list parsing and units", () => {
  it("0,05 on a series input is refused with 'use a dot', not read as [0, 5]", async () => {
    const r = await runCli(["evaluate", mini, "--set", "iv.nettoEffect=0,05"]);
    expect(r.code).toBe(2);
    expect(r.err).toBe('rendement evaluate: --set iv.nettoEffect: found "0,05"; use a dot as decimal separator (0.05)');
    expect(r.out).toBe("");
  });
  it("an empty element, a trailing comma, a blank value and 0x10 are refused", async () => {
    for (const value of ["[0.05,,0.1]", "[0.05,0.1,]", "", "0x10"]) {
      const r = await runCli(["evaluate", mini, "--set", `iv.nettoEffect=${value}`]);
      expect(r.code, value).toBe(2);
      expect(r.err, value).toMatch(/^rendement evaluate: --set iv.nettoEffect: expected a number with a dot as decimal separator/);
    }
  });
  it("a bracketed series is one value per year", async () => {
    const a = JSON.parse((await runCli(["evaluate", mini, "--json", "--set", "iv.nettoEffect=[0.05,0.08,0.1]"])).out);
    const b = JSON.parse((await runCli(["evaluate", mini, "--json"])).out);
    expect(a.total.saldo).toBe(b.total.saldo); // the file's own series [0.05, 0.08, 0.10]
  });
  it("nab.attributie=75 (an input in fraction, shown in % on the site) is refused naming the unit; 75% is 0.75", async () => {
    const bad = await runCli(["evaluate", zoetermeer, "--set", "nab.attributie=75"]);
    expect(bad.code).toBe(2);
    expect(bad.err).toBe("rendement evaluate: --set nab.attributie=75: nab.attributie has unit fraction (a share: 0.75 = 75 %); expected a value from 0 to 1, or a percentage such as 75%");
    const pct = JSON.parse((await runCli(["evaluate", zoetermeer, "--json", "--set", "nab.attributie=75%"])).out);
    const share = JSON.parse((await runCli(["evaluate", zoetermeer, "--json", "--set", "nab.attributie=0.75"])).out);
    expect(pct.total.saldo).toBe(share.total.saldo);
    expect(pct.overrides).toEqual({"nab.attributie": 0.75});
  }, 30_000);
  it("a percentage for an input in euros is refused", async () => {
    const r = await runCli(["evaluate", mini, "--set", "iv.loon=5%"]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('iv.loon has unit "€/jaar"; a percentage is accepted only for inputs in fraction or %');
  });
});

describe("case 7: checks that passed when they should fail", () => {
  it("reproduce --study <typo> exits 2 naming the known studies (it used to exit 0 with 0 checks)", async () => {
    const r = await runCli(["reproduce", "--study", "zoetermer"]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^rendement reproduce: --study: unknown study "zoetermer"; known studies: .*\bzoetermeer\b/);
  });
  it("net-effect --long-term 5 (a 500 % net effect) is refused with the valid range; 5% is accepted", async () => {
    const base = ["net-effect", cohort, "--reference", "fit4work-control-work", "--group", "A", "--json"];
    const r = await runCli([...base, "--long-term", "5"]);
    expect(r.code).toBe(2);
    expect(r.err).toBe('rendement net-effect: --long-term: expected a long-term net effect as a share from -1 to 1 (0.05) or a percentage from -100% to 100% (5%), found "5"');
    const ok = await runCli([...base, "--long-term", "5%"]);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.out).extrapolation.longTermEffect).toBe(0.05);
  });
});

describe("case 8: messages instead of stack traces", () => {
  it("curves --by with no value", async () => {
    const r = await runCli(["curves", cohort, "--by"]);
    expect(r.code).toBe(2);
    expect(r.err).toBe("rendement curves: --by expects a value, found nothing");
    const twice = await runCli(["curves", cohort, "--by", "group", "--by", "exit"]);
    expect(twice.code).toBe(2);
    expect(twice.err).toBe("rendement curves: --by is given twice; give it once");
  });
  it("net-effect --curves with a missing file names the path", async () => {
    const r = await runCli(["net-effect", cohort, "--reference", "x", "--curves", "no/such/curves.yaml"]);
    expect(r.code).toBe(2);
    expect(r.err).toBe("rendement net-effect: --curves: cannot read no/such/curves.yaml (ENOENT)");
    const wrong = await runCli(["net-effect", cohort, "--reference", "x", "--curves", "README.md"]);
    expect(wrong.code).toBe(2);
    expect(wrong.err).toMatch(/^rendement net-effect: --curves: README.md is not a reference-curves file:\nREADME.md:\d+: yaml: /);
  });
  it("EPIPE: `rendement evaluate ... | head -1` ends quietly", () => {
    // One process on purpose: a closed pipe only exists between processes.
    // Without an up-to-date bundle (dist-cli/, `npm run build:cli`) bin/rendement.mjs runs the source
    // and says so in one line first; that line is not what this test is about.
    const stderr = (text: string) => text.replace(/^rendement: running the TypeScript source .*\n/, "");
    const r = spawnSync("sh", ["-c", `node bin/rendement.mjs evaluate ${mini} | head -1; echo "exit=\${PIPESTATUS:-ok}"`], {encoding: "utf8"});
    expect(r.stdout.split("\n")[0]).toBe("Mini-MKBA voor tests (prijspeil 2020)");
    expect(stderr(r.stderr)).toBe("");
    // Many lines so that the writer is still writing when head has exited.
    const big = spawnSync("sh", ["-c", "node bin/rendement.mjs reproduce | head -1 >/dev/null"], {encoding: "utf8"});
    expect(stderr(big.stderr)).toBe("");
  }, 120_000);
});

describe("case 9: unknown options are refused on every command", () => {
  it("evaluate --jsno exits 2 listing the accepted options (it used to be ignored)", async () => {
    const r = await runCli(["evaluate", mini, "--jsno"]);
    expect(r.code).toBe(2);
    expect(r.err).toBe("rendement evaluate: unknown option --jsno; rendement evaluate accepts --json, --set name=value, --scenario id");
  });
  it.each([
    ["check", mini],
    ["evaluate", mini],
    ["sensitivity", mini],
    ["scenarios", mini],
    ["psa", mini],
    ["breakeven", mini],
    ["curves", cohort],
    ["net-effect", cohort],
    ["reproduce"]
  ])("%s --bogus", async (...argv) => {
    const r = await runCli([...argv, "--bogus"]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(new RegExp(`^rendement ${argv[0]}: unknown option --bogus; rendement ${argv[0]} accepts --`));
    expect(r.err.split("\n")).toHaveLength(1);
    noTrace(r.err);
  });
});

describe("an error that escapes a command", () => {
  it("is one line naming the command, exit 1, no stack trace", async () => {
    const lines: string[] = [];
    const spy = vi.spyOn(console, "error").mockImplementation((...a) => void lines.push(a.map(String).join(" ")));
    try {
      const code = await runGuarded("evaluate", async () => {
        throw new TypeError("x is not a function\n    at somewhere (file.ts:1:1)");
      });
      expect(code).toBe(1);
    } finally {
      spy.mockRestore();
    }
    expect(lines).toEqual(["rendement evaluate: internal error: x is not a function (please report it; RENDEMENT_DEBUG=1 shows where it happened)"]);
  });
});

describe("a command started outside the project's folder", () => {
  it("is refused with exit 2 naming the missing kengetallen folder and the folder it ran in, not an internal error", () => {
    const elsewhere = mkdtempSync(join(tmpdir(), "rendement-elsewhere-"));
    try {
      const r = spawnSync(process.execPath, [resolve("bin/rendement.mjs"), "evaluate", resolve(zoetermeer)], {cwd: elsewhere, encoding: "utf8"});
      expect(r.status).toBe(2);
      expect(r.stderr.trim()).toBe(`rendement evaluate: data/kengetallen:1: folder: expected the kengetallen folder, found none in ${realpathSync(elsewhere)} (run rendement from the project's folder, the one that holds data/)`);
      noTrace(r.stderr);
    } finally {
      rmSync(elsewhere, {recursive: true, force: true});
    }
  });
});
