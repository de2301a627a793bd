// Every built page says which version, commit and date it was built from, and how to cite it
// (footer written by observablehq.config.ts with scripts/build-info.ts).
import {execFileSync} from "node:child_process";
import {existsSync, readFileSync, readdirSync, statSync} from "node:fs";
import {join, relative, resolve} from "node:path";
import {describe, expect, test} from "vitest";
import {formatDutchDate, UNKNOWN_COMMIT} from "../../scripts/build-info.js";

const DIST = resolve("dist");

function walk(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const file = join(dir, name);
    return statSync(file).isDirectory() ? walk(file) : [file];
  });
}

const pages = walk(DIST).filter((f) => f.endsWith(".html") && !relative(DIST, f).startsWith("_"));
const version = (JSON.parse(readFileSync("package.json", "utf8")) as {version: string}).version;

function gitKnows(commit: string): boolean | null {
  try {
    execFileSync("git", ["cat-file", "-e", `${commit}^{commit}`], {stdio: "ignore"});
    return true;
  } catch (error) {
    // git missing (ENOENT): cannot tell; git present but the object is unknown: false.
    return (error as NodeJS.ErrnoException).code === "ENOENT" ? null : false;
  }
}

const NAMED: Record<string, string> = {amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0"};
function decode(text: string): string {
  return text.replace(/&(?:#(\d+)|#x([0-9a-f]+)|(\w+));/gi, (all, dec, hex, name) =>
    dec ? String.fromCodePoint(Number(dec)) : hex ? String.fromCodePoint(parseInt(hex, 16)) : (NAMED[name] ?? all)
  );
}

test("dist/ holds built pages to check", () => {
  expect(pages.length).toBeGreaterThan(0);
});

describe.each(pages.map((f) => [relative(DIST, f), f]))("page %s", (_name, file) => {
  const html = readFileSync(file, "utf8");
  const block = /<div class="rendement-build" data-build-version="([^"]*)" data-build-commit="([^"]*)" data-build-dirty="(true|false)" data-build-date="([^"]*)">([\s\S]*?)<\/div>/.exec(html);

  test("carries the build version, commit and date in its footer", () => {
    expect(block, "no build block in the footer").not.toBeNull();
    const [, v, commit, , date, text] = block!;
    expect(v).toBe(version);
    expect(commit).toMatch(/^(?:[0-9a-f]{7,40}|onbekend)$/);
    if (commit !== "onbekend") expect(gitKnows(commit), `commit ${commit} is not in this repository`).not.toBe(false);
    expect(date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(new Date(`${date}T12:00:00Z`).getTime()).toBeLessThanOrEqual(Date.now() + 86_400_000);
    const dutch = formatDutchDate(new Date(`${date}T12:00:00Z`));
    expect(text).toContain(`Gebouwd uit versie ${version}, commit ${commit === "onbekend" ? UNKNOWN_COMMIT : commit}`);
    expect(text).toContain(dutch);
  });

  test("suggests a citation with version, commit, date and the page title", () => {
    const cite = decode(/<cite>([\s\S]*?)<\/cite>/.exec(block?.[5] ?? "")?.[1] ?? "");
    const title = decode(/<title>([^<|]*?)(?: \| [^<]*)?<\/title>/.exec(html)?.[1]?.trim() ?? "");
    expect(cite).toMatch(/^Rendement \(versie [^,]+, commit [^,]+, \d{1,2} [a-z]+ \d{4}\)\. /);
    expect(cite).toContain(`versie ${version}, commit ${block?.[2] === "onbekend" ? UNKNOWN_COMMIT : block?.[2]}`);
    expect(cite).toContain(`. ${title}. `);
    expect(block?.[5] ?? "").toMatch(/<span class="rendement-citation-url"[^>]*>[^<]+\.html<\/span>/);
  });
});
