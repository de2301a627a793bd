// Which JavaScript a built page loads, gzipped (tests/site/js-size.test.ts, bench/site.bench.ts).
import {existsSync, readFileSync, statSync} from "node:fs";
import {dirname, join, resolve} from "node:path";
import {gzipSync} from "node:zlib";

export const DIST = resolve("dist");

/** A local URL in a page or module → the file in dist/ (null for data:, http:, or a missing file). */
function resolveLocal(spec: string, fromFile: string, dist = DIST): string | null {
  if (/^[a-z]+:/i.test(spec) || spec.startsWith("//")) return null;
  const clean = spec.split(/[?#]/)[0];
  const file = clean.startsWith("/") ? join(dist, clean) : resolve(dirname(fromFile), clean);
  return existsSync(file) && statSync(file).isFile() ? file : null;
}

/** Static imports and re-exports of a module (`import ... from "x"`, `import "x"`, `export ... from "x"`). */
function staticImports(code: string): string[] {
  const out: string[] = [];
  for (const m of code.matchAll(/(?:^|[;\s}])(?:import|export)\s*(?:[\w*{}\s,$]+?\s*from\s*)?["']([^"']+)["']/g)) out.push(m[1]);
  return out;
}

/** The JavaScript files a page loads before any user action: entry scripts, preloads, their static imports. */
export function pageScripts(htmlFile: string, dist = DIST): string[] {
  const html = readFileSync(htmlFile, "utf8");
  const entries: string[] = [];
  for (const m of html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)) entries.push(m[1]);
  for (const m of html.matchAll(/<link\b[^>]*\brel="modulepreload"[^>]*\bhref="([^"]+)"/g)) entries.push(m[1]);
  for (const m of html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)) entries.push(...staticImports(m[1]), ...Array.from(m[1].matchAll(/import\(\s*["']([^"']+)["']\s*\)/g), (x) => x[1]));
  const seen = new Set<string>();
  const queue = entries.map((e) => resolveLocal(e, htmlFile, dist)).filter((f): f is string => f !== null && /\.m?js$/.test(f));
  while (queue.length) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const spec of staticImports(readFileSync(file, "utf8"))) {
      const dep = resolveLocal(spec, file, dist);
      if (dep && /\.m?js$/.test(dep) && !seen.has(dep)) queue.push(dep);
    }
  }
  return [...seen].sort();
}

export const gzippedSize = (file: string) => gzipSync(readFileSync(file)).length;

/** Gzipped bytes of all JavaScript a page loads. */
export function pageWeight(htmlFile: string, dist = DIST): {bytes: number; scripts: string[]} {
  const scripts = pageScripts(htmlFile, dist);
  return {bytes: scripts.reduce((s, f) => s + gzippedSize(f), 0), scripts};
}
