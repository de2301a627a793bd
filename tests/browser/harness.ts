// Shared helpers for the real-browser tests: find Chromium, serve dist/ on 127.0.0.1, list the built
// pages, and open a page while recording everything that goes wrong on it.
import {createServer, type Server} from "node:http";
import {existsSync, readFileSync, readdirSync, statSync} from "node:fs";
import {extname, join, resolve, sep} from "node:path";
import type {AddressInfo} from "node:net";
import {chromium, type Browser, type BrowserContext, type Locator, type Page, type Request, type Route} from "playwright-core";
import {afterAll, describe, test} from "vitest";

export const DIST = resolve("dist");

/** Chromium from Debian (`apt-get install -y chromium`), or CHROMIUM_PATH. Never a downloaded browser. */
export function findChromium(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"];
  return candidates.find((p): p is string => !!p && existsSync(p));
}

export const CHROMIUM_MISSING = "Chromium not found: install it with `apt-get install -y chromium` (as root)";

// Flags known to work headless on this kind of machine (reference/toolchain.md). playwright-core's
// launch() gives every browser a fresh temporary profile (its own --user-data-dir).
const FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync"
];

export async function launchChromium(executablePath: string): Promise<Browser> {
  return chromium.launch({executablePath, headless: true, args: FLAGS});
}

/**
 * Built pages: every `dist/**\/*.html` outside Framework's asset folders (`dist/_*`), as the URL
 * path a reader would visit with clean URLs: "/" for index.html, "/a/b" for a/b.html.
 */
export function listPages(dist = DIST): string[] {
  if (!existsSync(dist)) return [];
  const out: string[] = [];
  const visit = (dir: string, prefix: string) => {
    for (const name of readdirSync(dir).sort()) {
      const file = join(dir, name);
      if (statSync(file).isDirectory()) {
        if (!(prefix === "" && name.startsWith("_"))) visit(file, `${prefix}/${name}`);
      } else if (name.endsWith(".html")) {
        const base = name.slice(0, -".html".length);
        out.push(base === "index" ? `${prefix}/` : `${prefix}/${base}`);
      }
    }
  };
  visit(dist, "");
  return out;
}

/** The chart names a page declares statically: `data-chart="name"` attributes in its built HTML. */
export function declaredCharts(pagePath: string, dist = DIST): string[] {
  const file = join(dist, pagePath.endsWith("/") ? `${pagePath}index.html` : `${pagePath}.html`);
  const text = readFileSync(file, "utf8");
  return Array.from(text.matchAll(/\sdata-chart\s*=\s*"([^"]*)"/g), (m) => m[1]);
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".csv": "text/csv; charset=utf-8",
  ".tsv": "text/tab-separated-values; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".webp": "image/webp",
  ".ico": "image/x-icon",
  ".woff": "font/woff",
  ".woff2": "font/woff2",
  ".wasm": "application/wasm",
  ".arrow": "application/vnd.apache.arrow.file",
  ".parquet": "application/octet-stream",
  ".zip": "application/zip"
};

export interface StaticServer {
  origin: string;
  close(): Promise<void>;
}

/**
 * A tiny static server for dist/ on 127.0.0.1 and a free port. With `rewrite` (default) /x is also
 * served from x.html (clean URLs); without it, it behaves like a plain static host: a path is a file,
 * and a path ending in / is its index.html. Unknown paths get 404 (404.html when built).
 */
export async function serveDist(dist = DIST, {rewrite = true}: {rewrite?: boolean} = {}): Promise<StaticServer> {
  const root = resolve(dist);
  const server: Server = createServer((req, res) => {
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? "/", "http://127.0.0.1").pathname);
    } catch {
      res.writeHead(400).end("bad request");
      return;
    }
    const base = resolve(root, "." + pathname);
    if (base !== root && !base.startsWith(root + sep)) {
      res.writeHead(403).end("forbidden");
      return;
    }
    const candidates = pathname.endsWith("/") ? [join(base, "index.html")] : rewrite ? [base, `${base}.html`, join(base, "index.html")] : [base];
    const file = candidates.find((f) => existsSync(f) && statSync(f).isFile());
    if (!file) {
      const notFound = join(root, "404.html");
      res.writeHead(404, {"content-type": TYPES[".html"]});
      res.end(existsSync(notFound) ? readFileSync(notFound) : "not found");
      return;
    }
    // A file whose name carries its content hash (Framework writes every asset so: x.1a2b3c4d.js) never
    // changes under that name, so the browser may keep it, as a static host lets it; a page reopened
    // in the same context (the state checks' reload) then reads its modules from the cache. Pages
    // themselves (x.html) are fetched afresh every time.
    const hashed = /\.[0-9a-f]{8}\.[a-z0-9]+$/.test(file);
    res.writeHead(200, {"content-type": TYPES[extname(file).toLowerCase()] ?? "application/octet-stream", "cache-control": hashed ? "public, max-age=31536000, immutable" : "no-store"});
    res.end(readFileSync(file));
  });
  await new Promise<void>((ok, fail) => {
    server.once("error", fail);
    server.listen(0, "127.0.0.1", () => ok());
  });
  const {port} = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((ok) => server.close(() => ok()))
  };
}

/** What went wrong while a page loaded and ran. */
export interface PageReport {
  pageErrors: string[];
  consoleErrors: string[];
  /** Requests that would have left 127.0.0.1 (aborted). */
  outsideRequests: string[];
  /** Local requests that failed or answered with status ≥ 400. */
  failedRequests: string[];
}

export interface OpenedPage {
  page: Page;
  context: BrowserContext;
  report: PageReport;
}

const reports = new WeakMap<Page, PageReport>();

/**
 * One browser context for the visits of a file, one page at a time (site-visits.ts): each visit opens a
 * new page (its own sessionStorage; the site keeps nothing in cookies or localStorage) and closes it,
 * while the context's HTTP cache keeps the content-hashed modules (serveDist) from visit to visit.
 * Requests that would leave 127.0.0.1 are recorded on the report of the page opened last.
 */
export interface SharedContext {
  context?: Promise<BrowserContext>;
  report?: PageReport;
}

/** What has gone wrong so far on a page opened with openPage (it keeps recording while the page is open). */
export function pageReport(page: Page): PageReport {
  const report = reports.get(page);
  if (!report) throw new Error("pageReport: the page was not opened with openPage()");
  return report;
}

/** How long cellsSettled (openPage, the state checks' settle) waits at most for a quiet network. */
export const QUIET_MS = 5_000;

/**
 * Opens `origin + path` in a fresh context (with `viewport`, or Playwright's default 1280 × 720). Every request not to the local server is aborted and
 * recorded. Waits for the load event, for the network to go quiet (at most QUIET_MS) and for every cell to settle
 * (no `observablehq-loading` placeholder left).
 */
export async function openPage(
  browser: Browser,
  origin: string,
  path: string,
  {viewport, shared}: {viewport?: {width: number; height: number}; shared?: SharedContext} = {}
): Promise<OpenedPage> {
  const report: PageReport = {pageErrors: [], consoleErrors: [], outsideRequests: [], failedRequests: []};
  const outside = (route: Route) => {
    const url = route.request().url();
    if (url.startsWith(origin + "/") || url === origin) return route.continue();
    (shared ? shared.report : report)?.outsideRequests.push(url);
    return route.abort("blockedbyclient");
  };
  let context: BrowserContext;
  if (shared) {
    shared.context ??= browser.newContext().then(async (made) => (await made.route("**/*", outside), made));
    context = await shared.context;
    shared.report = report;
  } else {
    context = await browser.newContext(viewport ? {viewport} : {});
    await context.route("**/*", outside);
  }
  const page = await context.newPage();
  trackRequests(page);
  if (shared && viewport) await page.setViewportSize(viewport);
  reports.set(page, report);
  page.on("pageerror", (error) => report.pageErrors.push(String(error?.stack ?? error)));
  page.on("console", (msg) => {
    if (msg.type() === "error") report.consoleErrors.push(`${msg.text()} (${msg.location().url})`);
  });
  page.on("requestfailed", (request) => {
    const url = request.url();
    const error = request.failure()?.errorText ?? "failed";
    // A worker the page itself stops (a rerun or "Annuleren" terminates the Monte Carlo pool) may
    // abort its own script request: the page's doing, not a failed request. An HTTP error status is
    // still caught below.
    if (error === "net::ERR_ABORTED" && url.startsWith(origin + "/_file/workers/")) return;
    if (url.startsWith(origin)) report.failedRequests.push(`${url}: ${error}`);
  });
  page.on("response", (response) => {
    if (response.url().startsWith(origin) && response.status() >= 400) report.failedRequests.push(`${response.url()}: HTTP ${response.status()}`);
  });
  await page.goto(origin + path, {waitUntil: "load"});
  await cellsSettled(page);
  return {page, context, report};
}

/**
 * Waits for a quiet network (500 ms without a request) for up to QUIET_MS, not required, and then
 * until every cell has settled (no `observablehq-loading` placeholder left): what a page must show is
 * asserted by the checks themselves (with expect.poll). A page whose Monte Carlo pool is stopped and
 * restarted (a rerun) can leave a worker's script request that never counts as finished, and then
 * Playwright's "networkidle" never comes: with 30 s here, such stalls cost the browser phase minutes
 * (CHECK_TIMES showed visits of uncertainty pages waiting 30 s in open and in the state checks' reloads).
 * A page opened with openPage is watched by quietNetwork, which leaves those worker scripts out; any
 * other page waits for Playwright's "networkidle".
 */
export async function cellsSettled(page: Page): Promise<void> {
  const requests = network.get(page);
  if (requests) await quietNetwork(requests);
  else await page.waitForLoadState("networkidle", {timeout: QUIET_MS}).catch(() => undefined);
  await page.waitForFunction(() => document.querySelectorAll("observablehq-loading").length === 0, null, {timeout: 90_000});
}

/** How long the network must be quiet (no request started, none open) to count as settled, as Playwright's "networkidle". */
const QUIET_FOR_MS = 500;

/**
 * A page's open requests, apart from the Monte Carlo workers' scripts (`/_file/workers/`): a worker
 * the page stops and starts again (a rerun) can leave its script request open for good, and then
 * Playwright's "networkidle" never came and every settle waited the whole QUIET_MS (CHECK_TIMES: the
 * uncertainty pages' reloads and resizes). Whether the worker's results arrived is the cells' part.
 */
interface OpenRequests {
  open: Set<Request>;
  since: number;
}
const network = new WeakMap<Page, OpenRequests>();

function trackRequests(page: Page): void {
  const requests: OpenRequests = {open: new Set(), since: Date.now()};
  const counts = (request: Request) => !new URL(request.url()).pathname.startsWith("/_file/workers/");
  page.on("request", (request) => {
    if (!counts(request)) return;
    requests.open.add(request);
    requests.since = Date.now();
  });
  const done = (request: Request) => {
    if (requests.open.delete(request)) requests.since = Date.now();
  };
  page.on("requestfinished", done);
  page.on("requestfailed", done);
  network.set(page, requests);
}

/** Waits until no counted request is open and none started or ended for QUIET_FOR_MS, at most QUIET_MS. */
async function quietNetwork(requests: OpenRequests): Promise<void> {
  const until = Date.now() + QUIET_MS;
  while (Date.now() < until) {
    const quiet = requests.open.size === 0 ? QUIET_FOR_MS - (Date.now() - requests.since) : QUIET_FOR_MS;
    if (requests.open.size === 0 && quiet <= 0) return;
    await new Promise((ok) => setTimeout(ok, Math.min(Math.max(quiet, 25), 100)));
  }
}

/** One `[data-chart]` element after rendering: its name and what it drew. */
export interface ChartState {
  name: string;
  /** Number of `svg` or `canvas` elements inside with a non-zero width and height. */
  drawn: number;
  /** Number of graphical elements (rect, path, line, circle, polygon, polyline, ellipse) in those svgs. */
  shapes: number;
}

export async function chartStates(page: Page): Promise<ChartState[]> {
  return page.$$eval("[data-chart]", (elements) =>
    elements.map((el) => {
      const surfaces = Array.from(el.querySelectorAll("svg, canvas")).filter((s) => {
        if (s.parentElement?.closest("svg")) return false; // nested svg: counted with its parent
        const r = s.getBoundingClientRect();
        return r.width > 0 && r.height > 0;
      });
      const shapes = surfaces.reduce(
        (n, s) => n + (s instanceof SVGSVGElement ? s.querySelectorAll("rect, path, line, circle, polygon, polyline, ellipse").length : 1),
        0
      );
      return {name: el.getAttribute("data-chart") ?? "", drawn: surfaces.length, shapes};
    })
  );
}

// ---------------------------------------------------------------------------------------------
// Reader-facing quality checks (issue 10), run on every built page at 1280 × 900 and 390 × 844.

export const WIDTHS = [
  {width: 1280, height: 900},
  {width: 390, height: 844}
] as const;

/** What the layout check found on a page at the current viewport width. */
export interface LayoutReport {
  innerWidth: number;
  scrollWidth: number;
  /** The element reaching furthest right (tag.class and its right edge), for the report. */
  widest: string;
  /** Elements whose text is cut with an ellipsis while they hold a digit. */
  ellipsisNumbers: string[];
  /** Text in a chart or the effect scheme drawn under 10 px (text and its size). */
  smallText: string[];
  /** Tick labels of one chart axis that overlap each other. */
  overlappingTicks: string[];
}

export async function layoutReport(page: Page, {minFontPx = 10}: {minFontPx?: number} = {}): Promise<LayoutReport> {
  return page.evaluate((minFontPx) => {
    const describe = (e: Element) => {
      const cls = typeof e.className === "string" && e.className ? "." + e.className.trim().split(/\s+/).slice(0, 2).join(".") : "";
      const chart = e.closest("[data-chart]")?.getAttribute("data-chart");
      return `${e.tagName.toLowerCase()}${cls}${chart ? ` in chart ${chart}` : ""}`;
    };
    const visible = (e: Element) => {
      const r = e.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) return false;
      const s = getComputedStyle(e);
      return s.visibility !== "hidden" && s.display !== "none";
    };
    // Furthest right edge among elements not inside a scrolling container (those scroll on their own).
    const clipped = (e: Element) => {
      for (let p = e.parentElement; p && p !== document.body; p = p.parentElement) {
        const o = getComputedStyle(p).overflowX;
        if (o === "auto" || o === "scroll" || o === "hidden" || o === "clip") return true;
      }
      return false;
    };
    // The widest piece of content (chart, table, form, image, code) not inside a scrolling box,
    // and the widest content that scrolls inside its own box; named in failures and the report.
    let widest = "";
    let right = 0;
    for (const e of Array.from(document.querySelectorAll("body *"))) {
      if (!visible(e) || clipped(e)) continue;
      const r = e.getBoundingClientRect().right + window.scrollX;
      if (r > right + 0.5) {
        right = r;
        widest = `${describe(e)} (right edge ${Math.round(r)} px)`;
      }
    }
    let content = "";
    let contentRight = 0;
    for (const e of Array.from(document.querySelectorAll("#observablehq-main :is(svg, table, canvas, img, pre, form, figure, dl)"))) {
      if (!visible(e) || clipped(e) || e.parentElement?.closest("svg")) continue;
      const r = e.getBoundingClientRect();
      if (r.right > contentRight + 0.5) {
        contentRight = r.right;
        content = `${describe(e)} (${Math.round(r.width)} px wide, right edge ${Math.round(r.right)} px)`;
      }
    }
    let scroller = "";
    let scrollerWidth = 0;
    for (const e of Array.from(document.querySelectorAll("#observablehq-main *"))) {
      if (!(e instanceof HTMLElement) || !visible(e)) continue;
      const o = getComputedStyle(e).overflowX;
      if ((o === "auto" || o === "scroll") && e.scrollWidth > e.clientWidth + 1 && e.scrollWidth > scrollerWidth) {
        scrollerWidth = e.scrollWidth;
        scroller = `${describe(e)}: ${e.scrollWidth} px of content scrolls in ${e.clientWidth} px`;
      }
    }
    if (content) widest = `${widest}; widest content: ${content}`;
    if (scroller) widest = `${widest}; widest scrolling box: ${scroller}`;
    const ellipsisNumbers: string[] = [];
    for (const e of Array.from(document.querySelectorAll("#observablehq-main *"))) {
      if (!(e instanceof HTMLElement) || !visible(e)) continue;
      if (getComputedStyle(e).textOverflow !== "ellipsis") continue;
      if (e.scrollWidth > e.clientWidth + 1 && /\d/.test(e.textContent ?? "")) ellipsisNumbers.push(`${describe(e)}: "${(e.textContent ?? "").slice(0, 40)}"`);
    }
    // Text in SVG charts: cut with "…" by Plot's lineWidth/textOverflow, or drawn too small.
    const smallText: string[] = [];
    for (const t of Array.from(document.querySelectorAll("[data-chart] svg text, .effect-scheme svg text"))) {
      if (!(t instanceof SVGTextElement) || !visible(t) || !(t.textContent ?? "").trim()) continue;
      const scale = t.getScreenCTM()?.a ?? 1;
      const px = parseFloat(getComputedStyle(t).fontSize) * scale;
      if (px < minFontPx - 0.05) smallText.push(`${describe(t)}: "${(t.textContent ?? "").slice(0, 30)}" at ${px.toFixed(1)} px`);
    }
    for (const t of Array.from(document.querySelectorAll("[data-chart] svg text"))) {
      if ((t.textContent ?? "").includes("…")) ellipsisNumbers.push(`${describe(t)}: "${(t.textContent ?? "").slice(0, 40)}" (cut with …)`);
    }
    const overlappingTicks: string[] = [];
    for (const g of Array.from(document.querySelectorAll('svg g[aria-label$="tick label"]'))) {
      const boxes = Array.from(g.querySelectorAll("text"))
        .filter((t) => visible(t) && (t.textContent ?? "").trim())
        .map((t) => ({text: t.textContent ?? "", r: t.getBoundingClientRect()}));
      for (let i = 0; i < boxes.length; i++) {
        for (let j = i + 1; j < boxes.length; j++) {
          const a = boxes[i].r;
          const b = boxes[j].r;
          const overlap = Math.min(a.right, b.right) - Math.max(a.left, b.left) > 0.5 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 0.5;
          if (overlap) overlappingTicks.push(`${describe(g)}: "${boxes[i].text}" / "${boxes[j].text}"`);
        }
      }
    }
    return {
      innerWidth: window.innerWidth,
      scrollWidth: document.documentElement.scrollWidth,
      widest,
      ellipsisNumbers,
      smallText,
      overlappingTicks
    };
  }, minFontPx);
}

/**
 * English words that must not reach a reader of this Dutch site: UI text of Framework, Inputs and
 * the browser, and code left in text. Chosen not to hit Dutch ("of", "download", "data", "link",
 * "website" are Dutch too, so they are not listed).
 */
export const ENGLISH_UI = [
  /\bNext page\b/,
  /\bPrevious page\b/,
  /\b\d[\d.,]*\s+results?\b/i,
  /\bSearch\b/,
  /\bLoading\b/i,
  /\bPlease\b/i,
  /\bCancel\b/,
  /\bSubmit\b/,
  /\bSelect all\b/i,
  /\bNo results\b/i,
  /\bShow more\b/i,
  /\bundefined\b/,
  /\bNaN\b/,
  /\[object Object\]/,
  /\(\{\s*\w+\s*,/,
  /\bbreakEven\b/,
  /\bnetEffectShare\b/,
  /\bbenefitMonthsGained\b/
];

/** Visible text of the page, plus the CSS-generated text of the pager links. */
export async function readerText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const pager = Array.from(document.querySelectorAll("#observablehq-footer nav a"))
      .map((a) => getComputedStyle(a, "::before").content.replace(/^"|"$/g, ""))
      .join("\n");
    const placeholders = Array.from(document.querySelectorAll("input[placeholder]"))
      .map((i) => i.getAttribute("placeholder"))
      .join("\n");
    return `${document.body.innerText}\n${pager}\n${placeholders}`;
  });
}

export function englishWords(text: string): string[] {
  const found: string[] = [];
  for (const re of ENGLISH_UI) {
    const m = text.match(re);
    if (m) {
      const i = m.index ?? 0;
      found.push(`${re}: "…${text.slice(Math.max(0, i - 30), i + m[0].length + 30).replace(/\s+/g, " ")}…"`);
    }
  }
  return found;
}

/** One number box after typing into it. */
export interface BoxState {
  label: string;
  box: string;
  slider: string | null;
  /** "log" when the slider moves on a log scale (its value is then a position, lib/slider-scale.ts). */
  sliderScale: string | null;
  model: string | null;
  message: string;
  messageVisible: boolean;
}

/** The state of the n-th `.number-input` on the page. */
export async function boxState(page: Page, index: number): Promise<BoxState> {
  return page.locator("form.number-input").nth(index).evaluate((form) => {
    const msg = form.querySelector(".number-input-message") as HTMLElement | null;
    const r = msg?.getBoundingClientRect();
    return {
      label: form.querySelector("label")?.textContent ?? "",
      box: (form.querySelector(".number-input-box") as HTMLInputElement).value,
      slider: (form.querySelector(".number-input-slider") as HTMLInputElement | null)?.value ?? null,
      sliderScale: form.querySelector(".number-input-slider")?.getAttribute("data-scale") ?? null,
      model: form.getAttribute("data-value"),
      message: msg?.textContent ?? "",
      messageVisible: !!msg && !msg.hidden && !!r && r.width > 0 && r.height > 0
    };
  });
}

/**
 * Types `text` into a number box with the keyboard: click, select all, delete, type, then `leave` (Tab,
 * or Enter). `perKey` (default) sends one key press per character, as a reader types (each one
 * recomputes the model); otherwise the text arrives as one keyboard input event (as from an input
 * method).
 */
export async function typeIntoBox(box: Locator, text: string, {perKey = true, leave = "Tab"}: {perKey?: boolean; leave?: "Tab" | "Enter"} = {}): Promise<void> {
  await box.scrollIntoViewIfNeeded();
  await box.click();
  await box.press("ControlOrMeta+a");
  await box.press("Backspace");
  if (perKey) await box.pressSequentially(text);
  else await box.page().keyboard.insertText(text);
  await box.press(leave);
}

/** Types `text` key by key into the n-th number box and leaves it with Tab (typeIntoBox). */
export async function typeInto(page: Page, index: number, text: string): Promise<void> {
  await typeIntoBox(page.locator("form.number-input .number-input-box").nth(index), text);
}

/** The file a built page is written to, as a plain static host serves it: "/" → "/", "/a/b" → "/a/b.html". */
export function pageFile(path: string): string {
  return path.endsWith("/") ? path : `${path}.html`;
}

/** Every link on the rendered page that stays on the site, as a path (no query or fragment). */
export async function localLinks(page: Page, origin: string): Promise<string[]> {
  // Same-page anchors (the table of contents) are left out.
  const hrefs = await page.$$eval("a[href]", (as) => as.filter((a) => !a.getAttribute("href")!.startsWith("#")).map((a) => (a as HTMLAnchorElement).href));
  const out = new Set<string>();
  for (const href of hrefs) {
    if (!href.startsWith(origin + "/")) continue;
    const url = new URL(href);
    out.add(url.pathname);
  }
  return [...out].sort();
}


/** A redirect page (src/[legacy].md): its built HTML carries the code that sends the reader on. */
export function isRedirectPage(html: string): boolean {
  return html.includes("data-redirect");
}

/** The built HTML of a page path ("/" → dist/index.html, "/a/b" → dist/a/b.html). */
export function pageHtml(path: string, dist = DIST): string {
  return readFileSync(join(dist, path.endsWith("/") ? `${path}index.html` : `${path}.html`), "utf8");
}

// ---------------------------------------------------------------------------------------------
// The browser-suite fixture: one Chromium and one static server per test file, started on first
// use and closed after the file. Every browser test file uses it:
//
//   browserSuite("site search", (suite) => {
//     test("…", async () => {
//       const {page, context, report} = await suite.open("/");
//       try { … } finally { await context.close(); }
//     });
//   });
//
// Without Chromium the suite is skipped, unless REQUIRE_BROWSER=1 (as in .ci/run): then a failing test
// says how to install it.

export interface BrowserSuite {
  /** The browser (launched on first use). */
  browser(): Promise<Browser>;
  /** The server's origin, e.g. http://127.0.0.1:40123 (started on first use). */
  origin(): Promise<string>;
  /** openPage on this suite's browser and server, in a fresh context (close it when done). */
  open(path: string, options?: {viewport?: {width: number; height: number}}): Promise<OpenedPage>;
  /**
   * openPage in the suite's shared context (SharedContext): for visits made one at a time. Close the
   * page, not the context, when done; the suite closes the context.
   */
  visit(path: string, options?: {viewport?: {width: number; height: number}}): Promise<OpenedPage>;
}

export interface BrowserSuiteOptions {
  /** The folder to serve (default dist/); a function is read when the server starts. */
  dist?: string | (() => string);
  /** Rewrite clean URLs /x → x.html (default true); false behaves like a plain static host. */
  rewrite?: boolean;
  /** Skip the suite also when this is true (for example: a page it needs was not built). */
  skip?: boolean;
}

export const chromiumPath = findChromium();

export function browserSuite(title: string, body: (suite: BrowserSuite) => void, options: BrowserSuiteOptions = {}): void {
  if (!chromiumPath && process.env.REQUIRE_BROWSER === "1") {
    test(`${title}: a browser is available when REQUIRE_BROWSER=1`, () => {
      throw new Error(CHROMIUM_MISSING);
    });
  }
  let browser: Promise<Browser> | undefined;
  let server: Promise<StaticServer> | undefined;
  const suite: BrowserSuite = {
    browser: () => (browser ??= launchChromium(chromiumPath!)),
    origin: async () => {
      server ??= serveDist(typeof options.dist === "function" ? options.dist() : options.dist ?? DIST, {rewrite: options.rewrite ?? true});
      return (await server).origin;
    },
    open: async (path, openOptions) => openPage(await suite.browser(), await suite.origin(), path, openOptions),
    visit: async (path, openOptions) => openPage(await suite.browser(), await suite.origin(), path, {...openOptions, shared})
  };
  const shared: SharedContext = {};
  describe.skipIf(!chromiumPath || !!options.skip)(title, () => {
    afterAll(async () => {
      await (await browser?.catch(() => undefined))?.close();
      await (await server?.catch(() => undefined))?.close();
    });
    body(suite);
  });
}
