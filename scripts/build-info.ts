// What a built page says about where it came from: the package version, the git commit and the build
// date, and a suggested citation (in Dutch). Read once per build by observablehq.config.ts, which puts
// `citationFooter(...)` in every page's footer; tests/site/citation.test.ts checks every built page.
//
// - version: package.json `version`.
// - commit: `git rev-parse --short=7 HEAD`, plus " met lokale wijzigingen" when tracked files differ
//   from that commit. Without git, outside a repository, or when git refuses the checkout, the
//   commit reads "onbekend (geen git-gegevens)": the build still succeeds and says so.
// - date: SOURCE_DATE_EPOCH (seconds, the reproducible-builds convention) when set, else now; shown as
//   a Dutch date in Europe/Amsterdam ("30 november 2026").
// - url: SITE_URL (the published address, e.g. https://example.org/rendement) when set at build
//   time; otherwise the page's path, completed in the reader's browser from its own address.
import {execFileSync} from "node:child_process";
import {readFileSync} from "node:fs";
import {join} from "node:path";

export interface BuildInfo {
  version: string;
  /** Short commit hash, or null when git or the repository is absent. */
  commit: string | null;
  /** Tracked files differ from the commit. */
  dirty: boolean;
  date: Date;
  /** Published base address without a trailing slash, or null. */
  siteUrl: string | null;
}

export const UNKNOWN_COMMIT = "onbekend (geen git-gegevens)";

function git(args: string[], cwd: string, env: NodeJS.ProcessEnv): string | null {
  try {
    return execFileSync("git", args, {cwd, env: {...process.env, ...env}, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"], timeout: 10_000}).trim();
  } catch {
    return null; // git not installed, not a repository, or a shallow/odd checkout: degrade, say so
  }
}

export function readBuildInfo(root = process.cwd(), env: NodeJS.ProcessEnv = process.env): BuildInfo {
  const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as {version?: unknown};
  if (typeof pkg.version !== "string" || !pkg.version) throw new Error(`${join(root, "package.json")}: version: expected a version string, found ${JSON.stringify(pkg.version)}`);
  const commit = git(["rev-parse", "--short=7", "HEAD"], root, env);
  const dirty = commit !== null && (git(["status", "--porcelain", "--untracked-files=no"], root, env) ?? "") !== "";
  const epoch = env.SOURCE_DATE_EPOCH;
  let date = new Date();
  if (epoch !== undefined && epoch !== "") {
    if (!/^\d+$/.test(epoch)) throw new Error(`SOURCE_DATE_EPOCH: expected whole seconds since 1970, found ${JSON.stringify(epoch)}`);
    date = new Date(Number(epoch) * 1000);
  }
  const siteUrl = env.SITE_URL ? env.SITE_URL.replace(/\/+$/, "") : null;
  return {version: pkg.version, commit: commit && /^[0-9a-f]{4,40}$/.test(commit) ? commit : null, dirty, date, siteUrl};
}

/** "30 november 2026" (the date in Europe/Amsterdam). */
export function formatDutchDate(date: Date): string {
  return new Intl.DateTimeFormat("nl-NL", {day: "numeric", month: "long", year: "numeric", timeZone: "Europe/Amsterdam"}).format(date);
}

/** "2026-11-30" (the date in Europe/Amsterdam), for machines. */
export function isoDate(date: Date): string {
  return new Intl.DateTimeFormat("en-CA", {year: "numeric", month: "2-digit", day: "2-digit", timeZone: "Europe/Amsterdam"}).format(date);
}

export function commitText(info: BuildInfo): string {
  if (info.commit === null) return UNKNOWN_COMMIT;
  return info.dirty ? `${info.commit} met lokale wijzigingen` : info.commit;
}

/** "Rendement (versie 0.1.0, commit abc1234, 30 november 2026). Titel. url" */
export function citation(info: BuildInfo, title: string, url: string): string {
  return `Rendement (versie ${info.version}, commit ${commitText(info)}, ${formatDutchDate(info.date)}). ${title}. ${url}`;
}

/**
 * The address of a page as Framework writes it with `preserveExtension` and `preserveIndex`:
 * "/index" → "/index.html", "/zoetermeer/vh" → "/zoetermeer/vh.html".
 */
export function pageFile(path: string): string {
  const p = path.endsWith("/") ? `${path}index` : path;
  return p.endsWith(".html") ? p : `${p}.html`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * The footer block: build line and suggested citation. Machine-readable copies sit in data-build-*
 * attributes (the built-site test reads them). Without SITE_URL, a small inline script replaces the
 * page path with the address the reader opened (origin + path, without query or hash).
 */
export function citationFooter(info: BuildInfo, page: {title: string | null; path: string}): string {
  const title = page.title ?? "Rendement";
  const file = pageFile(page.path);
  const url = info.siteUrl ? `${info.siteUrl}${file}` : file;
  const text = citation(info, title, "\u0000");
  const [before, after] = text.split("\u0000");
  const commit = info.commit ?? "onbekend";
  return `<div class="rendement-build" data-build-version="${escapeHtml(info.version)}" data-build-commit="${escapeHtml(commit)}" data-build-dirty="${info.dirty}" data-build-date="${isoDate(info.date)}">
<p class="rendement-build-line">Gebouwd uit versie ${escapeHtml(info.version)}, commit ${escapeHtml(commitText(info))}, op <time datetime="${isoDate(info.date)}">${formatDutchDate(info.date)}</time>.</p>
<p class="rendement-citation">Citeer als: <cite>${escapeHtml(before)}<span class="rendement-citation-url"${info.siteUrl ? "" : " data-complete"}>${escapeHtml(url)}</span>${escapeHtml(after)}</cite></p>
</div>${info.siteUrl ? "" : `
<script>{const u = document.currentScript.previousElementSibling.querySelector(".rendement-citation-url[data-complete]"); if (u && /^https?:$/.test(location.protocol)) u.textContent = location.origin + location.pathname;}</script>`}`;
}
