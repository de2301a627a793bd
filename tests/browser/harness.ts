// Shared helpers for the real-browser tests: find Chromium, serve dist/ on 127.0.0.1, list the built
// pages, and open a page while recording everything that goes wrong on it.
import {createServer, type Server} from "node:http";
import {existsSync, readFileSync, readdirSync, statSync} from "node:fs";
import {extname, join, resolve, sep} from "node:path";
import type {AddressInfo} from "node:net";
import {chromium, type Browser, type BrowserContext, type Page} from "playwright-core";

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
 * A tiny static server for dist/ on 127.0.0.1 and a free port. Clean URLs: /x is served from
 * x.html (or x/index.html), as Framework links pages; unknown paths get 404 (404.html when built).
 */
export async function serveDist(dist = DIST): Promise<StaticServer> {
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
    const candidates = pathname.endsWith("/") ? [join(base, "index.html")] : [base, `${base}.html`, join(base, "index.html")];
    const file = candidates.find((f) => existsSync(f) && statSync(f).isFile());
    if (!file) {
      const notFound = join(root, "404.html");
      res.writeHead(404, {"content-type": TYPES[".html"]});
      res.end(existsSync(notFound) ? readFileSync(notFound) : "not found");
      return;
    }
    res.writeHead(200, {"content-type": TYPES[extname(file).toLowerCase()] ?? "application/octet-stream", "cache-control": "no-store"});
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

/**
 * Opens `origin + path` in a fresh context. Every request not to the local server is aborted and
 * recorded. Waits for the load event, for the network to go quiet and for every cell to settle
 * (no `observablehq-loading` placeholder left).
 */
export async function openPage(browser: Browser, origin: string, path: string): Promise<OpenedPage> {
  const context = await browser.newContext();
  const report: PageReport = {pageErrors: [], consoleErrors: [], outsideRequests: [], failedRequests: []};
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith(origin + "/") || url === origin) return route.continue();
    report.outsideRequests.push(url);
    return route.abort("blockedbyclient");
  });
  const page = await context.newPage();
  page.on("pageerror", (error) => report.pageErrors.push(String(error?.stack ?? error)));
  page.on("console", (msg) => {
    if (msg.type() === "error") report.consoleErrors.push(`${msg.text()} (${msg.location().url})`);
  });
  page.on("requestfailed", (request) => {
    const url = request.url();
    if (url.startsWith(origin)) report.failedRequests.push(`${url}: ${request.failure()?.errorText ?? "failed"}`);
  });
  page.on("response", (response) => {
    if (response.url().startsWith(origin) && response.status() >= 400) report.failedRequests.push(`${response.url()}: HTTP ${response.status()}`);
  });
  await page.goto(origin + path, {waitUntil: "load"});
  await page.waitForLoadState("networkidle");
  await page.waitForFunction(() => document.querySelectorAll("observablehq-loading").length === 0, null, {timeout: 30_000});
  return {page, context, report};
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
