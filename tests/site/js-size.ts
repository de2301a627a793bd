// The JavaScript a built page loads, found from dist/ alone: the page's inline module scripts (whose
// cells import their modules when the page opens), its modulepreloads and script sources, and,
// transitively, every module they import statically (`import … from`, `import "…"`) that lies in
// Framework's module folders (_node, _npm, _import, _observablehq): that is what a page loads when it
// opens. A dynamic `import("…")` inside a module runs only on demand (the search box on focus, the
// XLSX writer on a download click): those modules, and what they import, are counted apart as
// `lazyBytes`. Sizes are gzip (zlib, default level), per file, as a server sends them.
import {existsSync, readFileSync, statSync} from "node:fs";
import {join, posix, relative, resolve} from "node:path";
import {gzipSync} from "node:zlib";

export const MODULE_FOLDERS = ["_node", "_npm", "_import", "_observablehq"];

export interface PageWeight {
  page: string;
  /** Gzipped bytes of the inline module scripts in the page. */
  inlineBytes: number;
  /** Module files (relative to dist/) and their gzipped bytes. */
  modules: Map<string, number>;
  /** inlineBytes + every module loaded when the page opens. */
  totalBytes: number;
  /** Modules loaded only on demand (dynamic import inside a module), not already loaded on open. */
  lazyModules: Map<string, number>;
  lazyBytes: number;
}

const SPECIFIER = /(?<![\w$.])(?:from|import)\s*\(?\s*["']([^"'\s]+)["']/g;

function specifiers(code: string): string[] {
  return Array.from(code.matchAll(SPECIFIER), (m) => m[1]).filter((s) => /^(?:\.{1,2}\/|\/)/.test(s));
}

const DYNAMIC = /(?<![\w$.])import\s*\(\s*["']([^"'\s]+)["']/g;

/** The specifiers of a module's dynamic `import("…")` calls. */
function dynamicSpecifiers(code: string): Set<string> {
  return new Set(Array.from(code.matchAll(DYNAMIC), (m) => m[1]));
}

/** dist-relative path of `spec` imported from dist-relative `from` ("" for a page at the root). */
function resolveIn(dist: string, fromFile: string, spec: string): string | null {
  const target = spec.startsWith("/") ? posix.normalize(spec.slice(1)) : posix.normalize(posix.join(posix.dirname(fromFile), spec.split(/[?#]/)[0]));
  if (target.startsWith("..")) return null;
  const file = join(dist, target);
  return existsSync(file) && statSync(file).isFile() ? target : null;
}

const gzCache = new Map<string, number>();
function gzipSize(file: string): number {
  let n = gzCache.get(file);
  if (n === undefined) gzCache.set(file, (n = gzipSync(readFileSync(file)).length));
  return n;
}

export function pageWeight(distDir: string, page: string): PageWeight {
  const dist = resolve(distDir);
  const html = readFileSync(join(dist, page), "utf8");
  const inline = Array.from(html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)).filter((m) => !/\ssrc\s*=/.test(m[1]));
  const inlineBytes = inline.reduce((n, m) => n + gzipSync(Buffer.from(m[2])).length, 0);
  const queue: string[] = [];
  for (const m of html.matchAll(/<link\b[^>]*rel="modulepreload"[^>]*href="([^"]+)"/gi)) queue.push(m[1]);
  for (const m of html.matchAll(/<script\b[^>]*\ssrc="([^"]+)"/gi)) queue.push(m[1]);
  for (const m of inline) queue.push(...specifiers(m[2]));
  // Two passes: what the page loads on open, then what its modules import on demand.
  const follow = (start: string[], into: Map<string, number>, skip: Map<string, number>, lazy: string[]) => {
    const pending = [...start];
    while (pending.length) {
      const file = pending.pop()!;
      if (into.has(file) || skip.has(file) || !MODULE_FOLDERS.some((d) => file.startsWith(`${d}/`)) || !/\.m?js$/.test(file)) continue;
      into.set(file, gzipSize(join(dist, file)));
      const code = readFileSync(join(dist, file), "utf8");
      const dynamic = dynamicSpecifiers(code);
      for (const spec of specifiers(code)) {
        const next = resolveIn(dist, file, spec);
        if (!next) continue;
        if (dynamic.has(spec)) lazy.push(next);
        else if (!into.has(next)) pending.push(next);
      }
    }
  };
  const modules = new Map<string, number>();
  const lazyStart: string[] = [];
  follow(queue.map((spec) => resolveIn(dist, page, spec)).filter((f): f is string => f !== null), modules, new Map(), lazyStart);
  const lazyModules = new Map<string, number>();
  follow(lazyStart, lazyModules, modules, []);
  const sum = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);
  const totalBytes = inlineBytes + sum(modules);
  return {page: relative(dist, join(dist, page)).split("\\").join("/"), inlineBytes, modules, totalBytes, lazyModules, lazyBytes: sum(lazyModules)};
}

export function formatKB(bytes: number): string {
  return `${(bytes / 1000).toFixed(1)} KB`;
}

