// The build line and suggested citation in every page footer (scripts/build-info.ts).
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {describe, expect, test} from "vitest";
import {citation, citationFooter, formatDutchDate, isoDate, pageFile, readBuildInfo, UNKNOWN_COMMIT, type BuildInfo} from "../../scripts/build-info.js";

const info: BuildInfo = {version: "0.1.0", commit: "abc1234", dirty: false, date: new Date("2026-11-30T12:00:00Z"), siteUrl: null};

describe("citation", () => {
  test("reads 'Rendement (versie V, commit C, d maand jjjj). Titel. url' with a Dutch date", () => {
    expect(citation(info, "Cockpit", "https://example.org/zoetermeer/cockpit.html")).toBe(
      "Rendement (versie 0.1.0, commit abc1234, 30 november 2026). Cockpit. https://example.org/zoetermeer/cockpit.html"
    );
  });
  test("the date is the calendar day in Europe/Amsterdam (23:30 UTC on 31 Dec is 1 Jan there)", () => {
    const d = new Date("2026-12-31T23:30:00Z");
    expect(formatDutchDate(d)).toBe("1 januari 2027");
    expect(isoDate(d)).toBe("2027-01-01");
  });
  test("a build without git says the commit is unknown; local changes are stated", () => {
    expect(citation({...info, commit: null}, "T", "u")).toContain(`commit ${UNKNOWN_COMMIT},`);
    expect(citation({...info, dirty: true}, "T", "u")).toContain("commit abc1234 met lokale wijzigingen,");
  });
});

describe("citationFooter", () => {
  test("page addresses end in .html, the home page is index.html", () => {
    expect(pageFile("/index")).toBe("/index.html");
    expect(pageFile("/zoetermeer/")).toBe("/zoetermeer/index.html");
    expect(pageFile("/zoetermeer/vh")).toBe("/zoetermeer/vh.html");
  });
  test("with SITE_URL the citation carries the published address and needs no script", () => {
    const html = citationFooter({...info, siteUrl: "https://example.org/rendement"}, {title: "Vergunninghouders (VH)", path: "/zoetermeer/vh"});
    expect(html).toContain("Vergunninghouders (VH). <span class=\"rendement-citation-url\">https://example.org/rendement/zoetermeer/vh.html</span>");
    expect(html).not.toContain("<script");
  });
  test("without SITE_URL the page path is completed from the reader's address by an inline script", () => {
    const html = citationFooter(info, {title: "Kengetallen", path: "/kengetallen"});
    expect(html).toContain('<span class="rendement-citation-url" data-complete>/kengetallen.html</span>');
    expect(html).toContain("location.origin + location.pathname");
  });
  test("titles are escaped as HTML", () => {
    expect(citationFooter(info, {title: "A <b> & B", path: "/x"})).toContain("A &#60;b&#62; &#38; B.");
  });
  test("data attributes carry version, commit and ISO date for machines", () => {
    const html = citationFooter(info, {title: null, path: "/index"});
    expect(html).toMatch(/data-build-version="0\.1\.0" data-build-commit="abc1234" data-build-dirty="false" data-build-date="2026-11-30"/);
  });
});

describe("readBuildInfo", () => {
  test("outside a git repository the commit is null and the build still succeeds", () => {
    const dir = mkdtempSync(join(tmpdir(), "rendement-build-info-"));
    try {
      writeFileSync(join(dir, "package.json"), JSON.stringify({version: "9.8.7"}));
      const got = readBuildInfo(dir, {GIT_CEILING_DIRECTORIES: tmpdir(), SOURCE_DATE_EPOCH: "1796040000"} as NodeJS.ProcessEnv);
      expect(got.version).toBe("9.8.7");
      expect(got.commit).toBeNull();
      expect(got.dirty).toBe(false);
      expect(got.date.toISOString()).toBe("2026-11-30T12:00:00.000Z");
      expect(got.siteUrl).toBeNull();
    } finally {
      rmSync(dir, {recursive: true, force: true});
    }
  });
  test("a malformed SOURCE_DATE_EPOCH is an error naming the variable", () => {
    expect(() => readBuildInfo(process.cwd(), {SOURCE_DATE_EPOCH: "gisteren"} as NodeJS.ProcessEnv)).toThrow(/SOURCE_DATE_EPOCH: expected whole seconds/);
  });
  test("in this repository the version is package.json's and SITE_URL loses its trailing slash", () => {
    const got = readBuildInfo(process.cwd(), {SITE_URL: "https://example.org/r/"} as NodeJS.ProcessEnv);
    expect(got.version).toBe(JSON.parse(readFileSync("package.json", "utf8")).version);
    expect(got.siteUrl).toBe("https://example.org/r");
  });
});
