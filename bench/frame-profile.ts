// Profile slider changes on one built page (issue 18): `npx tsx bench/frame-profile.ts <path> [moves]`.
// Serves dist/, moves the first slider `moves` times (default 10) under Chromium's CPU profiler and
// prints the functions with the most self time, and the total per script. A tool for finding what
// to speed up; the figures themselves come from `npm run bench -- --only frame`.
import {findChromium, launchChromium, openPage, serveDist} from "../tests/browser/harness.js";
import {inPage, type FramePage} from "./frame.bench.js";

const path = process.argv[2] ?? "/";
const moves = Number(process.argv[3] ?? 10);
const server = await serveDist();
const browser = await launchChromium(findChromium()!);
try {
  const {page} = await openPage(browser, server.origin, path);
  await inPage(page);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Profiler.enable");
  await cdp.send("Profiler.setSamplingInterval", {interval: 200});
  await cdp.send("Profiler.start");
  // SLIDER=<n>: the n-th visible input as frame.bench.ts counts them (the sliders, then the number
  // boxes without a slider, typed as one input; default 0; on /methode frame.bench.ts moves slider 1,
  // the first that changes the figures). WAIT=<ms> between moves (default 400; an uncertainty page's
  // Monte Carlo needs ~2000 to finish in the profile).
  const slider = Number(process.env.SLIDER ?? 0);
  const wait = Number(process.env.WAIT ?? 400);
  for (let i = 0; i < moves; ++i) {
    await page.evaluate(({at, slider}) => {
      const picked = (globalThis as unknown as FramePage).__input(slider, at);
      if (!picked) throw new Error(`no input ${slider} on the page`);
      const {input, text} = picked;
      input.value = text;
      input.dispatchEvent(new Event("input", {bubbles: true}));
    }, {at: i % 2 ? 0.3 : 0.7, slider});
    await page.waitForTimeout(wait);
  }
  const {profile} = (await cdp.send("Profiler.stop")) as {profile: {nodes: {id: number; callFrame: {functionName: string; url: string; lineNumber: number}; hitCount: number}[]; samples: number[]; timeDeltas: number[]}};
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  const perUrl = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const n = byId.get(id)!;
    const dt = (profile.timeDeltas[i] ?? 0) / 1000;
    const f = n.callFrame;
    const file = f.url.split("/").pop() || "(native)";
    const key = `${f.functionName || "(anonymous)"} ${file}:${f.lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + dt);
    perUrl.set(file, (perUrl.get(file) ?? 0) + dt);
  });
  const top = (m: Map<string, number>, k: number) => [...m].filter(([key]) => !key.startsWith("(idle)") && !key.startsWith("(program)")).sort((a, b) => b[1] - a[1]).slice(0, k);
  console.log(`${path}: ${moves} moves; self time per function (ms, all moves)`);
  for (const [k, v] of top(self, 30)) console.log(`${v.toFixed(1).padStart(8)}  ${k}`);
  // Who calls the top native functions (layout reads, attribute writes): the nearest script frames.
  const parent = new Map<number, number>();
  for (const n of profile.nodes as unknown as {id: number; children?: number[]}[]) for (const c of n.children ?? []) parent.set(c, n.id);
  for (const name of (process.env.CALLERS ?? "getBoundingClientRect,setAttribute").split(",")) {
    const callers = new Map<string, number>();
    profile.samples.forEach((id, i) => {
      if (byId.get(id)!.callFrame.functionName !== name) return;
      const chain: string[] = [];
      for (let p = parent.get(id); p !== undefined && chain.length < 4; p = parent.get(p)) {
        const f = byId.get(p)!.callFrame;
        chain.push(`${f.functionName || "(anon)"} ${f.url.split("/").pop()}:${f.lineNumber + 1}`);
      }
      const key = chain.join(" < ");
      callers.set(key, (callers.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
    });
    console.log(`callers of ${name}:`);
    for (const [k, v] of [...callers].sort((a, b) => b[1] - a[1]).slice(0, 6)) console.log(`${v.toFixed(1).padStart(8)}  ${k}`);
  }
  // Inclusive time of the page's own cells and of named functions (each counted once per sample).
  const inclusive = new Map<string, number>();
  const pageName = path.split("/").pop() || "index";
  profile.samples.forEach((id, i) => {
    const seen = new Set<string>();
    for (let p: number | undefined = id; p !== undefined; p = parent.get(p)) {
      const f = byId.get(p)!.callFrame;
      const file = f.url.split("/").pop() ?? "";
      if (file !== pageName && !f.functionName) continue;
      const key = `${f.functionName || "(cell)"} ${file}:${f.lineNumber + 1}`;
      if (seen.has(key)) continue;
      seen.add(key);
      inclusive.set(key, (inclusive.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
    }
  });
  console.log("inclusive time:");
  for (const [k, v] of [...inclusive].filter(([k]) => !/^\((root|program|idle)\)/.test(k)).sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log(`${v.toFixed(1).padStart(8)}  ${k}`);
  console.log("per script:");
  for (const [k, v] of top(perUrl, 15)) console.log(`${v.toFixed(1).padStart(8)}  ${k}`);
} finally {
  await browser.close();
  await server.close();
}
