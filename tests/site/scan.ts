// Static scans of built files (dist/): references that would load something from outside the
// site, and imports Framework left unresolved. Pure functions on text, tested in scan.test.ts.
//
// Policy: a page may load nothing from outside the site (scripts, modules, stylesheets, fonts,
// images, data). The one exception is a plain hyperlink `<a href="https://…">` (to a source, a
// report or documentation): it loads nothing until the reader clicks it.

// An absolute URL that leaves the site: http(s)/ws(s) scheme or protocol-relative "//host".
const ABSOLUTE = /^\s*(?:(?:https?|wss?|ftp):)?\/\//i;

// Hosts of CDNs Framework (or a library) would load code, styles or fonts from; flagged anywhere.
const CDN_HOSTS =
  /\b(?:cdn\.jsdelivr\.net|unpkg\.com|esm\.sh|cdn\.skypack\.dev|esm\.run|fonts\.googleapis\.com|fonts\.gstatic\.com|cdnjs\.cloudflare\.com|api\.observablehq\.com|events\.observablehq\.com|extensions\.duckdb\.org|ga\.jspm\.io)\b/gi;

// Attributes that make the browser fetch something (on any element but <a>).
const LOADING_ATTRIBUTES = new Set(["src", "href", "srcset", "poster", "data", "action", "formaction", "background", "xlink:href", "imagesrcset", "manifest"]);

function lineOf(text: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index && i < text.length; ++i) if (text.charCodeAt(i) === 10) ++line;
  return line;
}

function cdnHosts(text: string, what: string): string[] {
  return Array.from(text.matchAll(CDN_HOSTS), (m) => `line ${lineOf(text, m.index)}: ${what} mentions the CDN host ${m[0]}`);
}

/** Outside references in a stylesheet: `url(…)` and `@import` that are absolute. */
export function scanCss(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/url\(\s*(["']?)([^"')]*)\1\s*\)/gi)) {
    if (ABSOLUTE.test(m[2])) out.push(`line ${lineOf(text, m.index)}: url(${m[2]})`);
  }
  // @import url(…) is covered by the url() rule above; this catches @import "…".
  for (const m of text.matchAll(/@import\s+(["'])([^"']+)\1/gi)) {
    if (ABSOLUTE.test(m[2])) out.push(`line ${lineOf(text, m.index)}: @import ${m[2]}`);
  }
  return [...out, ...cdnHosts(text, "stylesheet")];
}

// `import … from "x"`, `import "x"`, `import("x")`, `export … from "x"`: the keyword (not `a.from(`,
// not `import.meta`, not the word inside a string such as `{key: "from"}`) and a specifier without
// spaces, commas or parentheses (so prose like (from `explain(e, name)`) is not taken for one).
const IMPORT_SPECIFIER = /(?<![.\w$"'`])(?:from|import)\s*\(?\s*(["'`])([^\s"'`,;()]+)\1/g;

/** Outside references in JavaScript: absolute imports, fetches, workers, sockets; CDN hosts. */
export function scanJs(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(IMPORT_SPECIFIER)) {
    if (ABSOLUTE.test(m[2])) out.push(`line ${lineOf(text, m.index)}: import of ${m[2]}`);
  }
  for (const m of text.matchAll(/(?<![.\w$])(?:fetch|importScripts|Worker|SharedWorker|EventSource|WebSocket)\s*\(\s*(["'`])([^"'`\n]+)\1/g)) {
    if (ABSOLUTE.test(m[2])) out.push(`line ${lineOf(text, m.index)}: ${m[0]}`);
  }
  for (const m of text.matchAll(/url\(\s*(["']?)((?:https?:)?\/\/[^"')\s]+)\1\s*\)/gi)) {
    out.push(`line ${lineOf(text, m.index)}: url(${m[2]})`);
  }
  return [...out, ...cdnHosts(text, "script")];
}

/**
 * Import specifiers that are neither relative ("./", "../"), absolute paths ("/") nor URLs: a bare
 * name such as "htl" that Framework could not resolve and left in place. The browser cannot load it
 * ("Failed to resolve module specifier"), but `observable build` still exits 0.
 */
export function bareImports(js: string): string[] {
  const out: string[] = [];
  for (const m of js.matchAll(IMPORT_SPECIFIER)) {
    const spec = m[2];
    if (/^(?:\.{1,2}\/|\/|[a-z][a-z0-9+.-]*:)/i.test(spec)) continue;
    out.push(`line ${lineOf(js, m.index)}: unresolved import "${spec}"`);
  }
  return out;
}

/** The contents of every <script> element (inline code), with the line where it starts. */
export function inlineScripts(html: string): {code: string; line: number}[] {
  return Array.from(html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script\s*>/gi), (m) => ({code: m[1], line: lineOf(html, m.index)}));
}

/** Outside references in an HTML page: loading attributes, inline styles and scripts, CDN hosts. */
export function scanHtml(html: string): string[] {
  const out: string[] = [];
  // Tags and their attributes (script and style contents are scanned separately below).
  const withoutCode = html.replace(/<(script|style)\b([^>]*)>[\s\S]*?<\/\1\s*>/gi, (_all, tag, attrs) => `<${tag}${attrs}></${tag}>`);
  for (const tag of withoutCode.matchAll(/<([a-zA-Z][\w:-]*)((?:\s+[^\s=>\/]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?)*)\s*\/?>/g)) {
    const name = tag[1].toLowerCase();
    for (const attr of tag[2].matchAll(/([^\s=>\/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g)) {
      const key = attr[1].toLowerCase();
      const value = attr[2] ?? attr[3] ?? attr[4] ?? "";
      const line = lineOf(withoutCode, tag.index);
      if (key === "style") out.push(...scanCss(value).map((p) => `line ${line}: <${name} style>: ${p}`));
      if (name === "a" && key === "href") continue; // a plain link loads nothing (see policy above)
      if (!LOADING_ATTRIBUTES.has(key)) continue;
      const urls = key.endsWith("srcset") ? value.split(",").map((s) => s.trim().split(/\s+/)[0]) : [value];
      for (const url of urls) if (ABSOLUTE.test(url)) out.push(`line ${line}: <${name} ${key}="${url}">`);
    }
  }
  for (const m of html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style\s*>/gi)) {
    out.push(...scanCss(m[1]).map((p) => `<style> at line ${lineOf(html, m.index)}: ${p}`));
  }
  for (const {code, line} of inlineScripts(html)) {
    out.push(...scanJs(code).map((p) => `<script> at line ${line}: ${p}`));
  }
  // CDN hosts anywhere except in the href of a plain link.
  const withoutLinks = withoutCode.replace(/<a\b[^>]*>/gi, "<a>");
  out.push(...cdnHosts(withoutLinks, "page"));
  return out;
}
