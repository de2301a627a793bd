// @vitest-environment jsdom
// The site's Monte Carlo runner (src/components/psaRun.js) with workers in this thread: the same
// result as psa(), the previous result kept while a rerun computes (its `shown` changes only when a
// run finishes, the status says "running" meanwhile), and "Annuleren" stopping the workers.
import {describe, expect, test} from "vitest";
import {chunkServer, type PoolReply, type PoolRequest} from "../../lib/analysis/worker-entry.js";
import {psa} from "../../lib/analysis/psa.js";
import {compileModel} from "../../lib/model/compile.js";
import {registryContext} from "../../lib/model/context.js";
import {Registry} from "../../lib/kengetallen/registry.js";
import {defaultRegistry, loadStudy} from "../../lib/io/study.js";

type Any = any; // eslint-disable-line @typescript-eslint/no-explicit-any
const load = (name = "psaRun"): Promise<Any> => import(`../../src/components/${name}.js`);

const model = loadStudy("tests/fixtures/model-linear.yaml");
const file = JSON.parse(JSON.stringify(model.file));
const registry = JSON.parse(JSON.stringify(defaultRegistry().toJSON()));

function inThread(log: string[]) {
  let listener: (m: PoolReply) => void = () => {};
  let alive = true;
  const serve = chunkServer((m) => setTimeout(() => alive && listener(structuredClone(m)), 0));
  return {
    post: (m: PoolRequest) => setTimeout(() => alive && serve(structuredClone(m)), 0),
    onMessage: (l: (m: PoolReply) => void) => (listener = l),
    onError: () => {},
    terminate: () => {
      alive = false;
      log.push("terminated");
    }
  };
}

/** Collect the values a Generators.observe function notifies until `until` holds. */
function observe(fn: (notify: (v: Any) => void) => () => void, until: (v: Any) => boolean, act?: (v: Any) => void): Promise<Any[]> {
  return new Promise((resolve) => {
    const seen: Any[] = [];
    fn((v) => {
      seen.push(v);
      act?.(v);
      if (until(v)) resolve(seen);
    });
  });
}

describe("psaRunner (src/components/psaRun.js)", () => {
  test("two workers give psa()'s result; progress runs up to the total; the status names draws, seed and workers", async () => {
    const {psaRunner, psaStatus} = await load();
    const log: string[] = [];
    const runner = psaRunner({workerUrl: "unused", file, registry, workers: 2, create: () => inThread(log)});
    const shown: Any[] = [];
    runner.shown((r: Any) => shown.push(r));
    const seen = await observe(runner.run({draws: 1300, seed: 7}), (v) => v.status !== "running");
    const last = seen[seen.length - 1];
    expect(last.status).toBe("done");
    const expected = psa(compileModel(file, registryContext(Registry.fromJSON(registry))), {draws: 1300, seed: 7});
    expect(JSON.stringify(last.result)).toBe(JSON.stringify(expected));
    expect(seen.filter((v) => v.status === "running").map((v) => v.done)).toEqual([0, 512, 1024, 1300]);
    // `shown`: null before the first result, then the result once, when the run finished (not per progress message).
    expect(shown).toEqual([null, last.result]);
    expect(psaStatus(last).dataset.state).toBe("done");
    expect(psaStatus(last).textContent).toMatch(/^1\.300 trekkingen met seed 7, \d+ onzekere invoerwaarden; berekend in .* s met 2 rekenhulpen \(Web Workers\)\.$/);
    expect(log).toEqual(["terminated", "terminated"]);
  });
  test("a rerun shows the previous result dimmed; Annuleren stops every worker and keeps the previous result", async () => {
    const {psaRunner, psaStatus} = await load();
    const log: string[] = [];
    const runner = psaRunner({workerUrl: "unused", file, registry, workers: 2, create: () => inThread(log)});
    const first = (await observe(runner.run({draws: 600, seed: 1}), (v) => v.status === "done")).pop();
    log.length = 0;
    // A page that starts watching now gets the finished result at once, and nothing more during the cancelled rerun.
    const shown: Any[] = [];
    runner.shown((r: Any) => shown.push(r));
    let clicked = false;
    const seen = await observe(
      runner.run({draws: 50_000, seed: 2}),
      (v) => v.status === "cancelled",
      (v) => {
        if (v.status !== "running" || clicked) return;
        expect(v.previous).toBe(first.result);
        // "running": the page's .psa-result blocks (the previous result) are dimmed (src/style.css)
        // and marked busy for assistive technology.
        const block = document.body.appendChild(Object.assign(document.createElement("div"), {className: "psa-result"}));
        expect(psaStatus(v).dataset.state).toBe("running");
        expect(block.getAttribute("aria-busy")).toBe("true");
        const button = psaStatus(v).querySelector("button");
        expect(button.textContent).toBe("Annuleren");
        clicked = true;
        button.click();
      }
    );
    const last = seen[seen.length - 1];
    expect(last.status).toBe("cancelled");
    expect(shown).toEqual([first.result]);
    expect(psaStatus(last).dataset.state).toBe("cancelled");
    expect(document.querySelector(".psa-result")!.getAttribute("aria-busy")).toBe("false");
    expect(psaStatus(last).textContent).toBe("Berekening geannuleerd; hieronder staat de vorige uitkomst.");
    expect(log).toEqual(["terminated", "terminated"]);
  });
  test("updated in place: every progress message keeps the same progress bar and Annuleren button (a click is never lost to a redraw)", async () => {
    const {psaStatus} = await load();
    const into = psaStatus(null);
    let cancelled = 0;
    const base = {draws: 1000, seed: 1, workers: 2, previous: null, status: "running", total: 1000};
    psaStatus({...base, done: 0, cancel: () => (cancelled = -1)}, into);
    const button = into.querySelector("button");
    const bar = into.querySelector("progress");
    expect(psaStatus({...base, done: 512, cancel: () => (cancelled += 1)}, into)).toBe(into);
    expect(into.querySelector("button")).toBe(button);
    expect(into.querySelector("progress")).toBe(bar);
    expect(bar.value).toBe(512);
    expect(into.textContent).toMatch(/Bezig: 512 van 1\.000 trekkingen/);
    button.click(); // the newest run's cancel
    expect(cancelled).toBe(1);
  });
});

describe("the reserved address key `draws` (drawsFromAddress, drawSetting)", () => {
  test("a whole number from 1 to 1.000.000 in ?draws= is the draw count; anything else leaves the default 10.000", async () => {
    const {drawsFromAddress, drawSetting} = await load();
    expect(drawsFromAddress("?draws=200")).toBe(200);
    expect(drawsFromAddress("?a=1&draws=1000000")).toBe(1_000_000);
    for (const bad of ["", "?draws=", "?draws=0", "?draws=1000001", "?draws=2,5", "?draws=-3", "?draws=1e3", "?draws=abc"]) expect(drawsFromAddress(bad), bad).toBeNull();
    expect(drawSetting("")).toEqual({choices: [1000, 10000, 50000, 100000], value: 10000});
    // an asked count joins the choices in order and is chosen; a usual one is not added twice
    expect(drawSetting("?draws=200")).toEqual({choices: [200, 1000, 10000, 50000, 100000], value: 200});
    expect(drawSetting("?draws=50000")).toEqual({choices: [1000, 10000, 50000, 100000], value: 50000});
  });
});
