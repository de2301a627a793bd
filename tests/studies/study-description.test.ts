import {spawnSync} from "node:child_process";
import {checkStudyFolder} from "../../lib/io/study-check.js";
import {mkdirSync, mkdtempSync, readdirSync, statSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {listStudies, parseStudyText, readStudy} from "../../lib/io/study-description.js";
import {studyPages, studyRedirects} from "../../lib/io/study-pages.js";

describe("study descriptions (data/studies/<study>/study.yaml)", () => {
  // Discovered over whatever data/studies holds: no list of studies to keep up to date.
  const folders = readdirSync("data/studies").filter((d) => statSync(join("data/studies", d)).isDirectory());
  it("every folder under data/studies is a study with a valid description whose id is its folder", () => {
    const studies = listStudies(["data/studies"]);
    expect(studies.map((s) => s.id).sort()).toEqual([...folders].sort());
    for (const s of studies) expect(readStudy(s).id).toBe(s.id);
  });
  it("a study cites its report: a seed number or a citation", () => {
    for (const s of listStudies(["data/studies"])) {
      const d = readStudy(s);
      expect(d.seed !== undefined || d.citation !== undefined, s.id).toBe(true);
    }
  });
  it("a folder with model files but no study.yaml stops the listing, naming the folder", () => {
    const root = mkdtempSync(join(tmpdir(), "studies-"));
    mkdirSync(join(root, "los"));
    writeFileSync(join(root, "los", "model.yaml"), "title: x\n");
    expect(() => listStudies([root])).toThrow(/los: expected a study.yaml in this study folder \(it holds model.yaml\): the study's id, title, .*items naming its model files/);
  });
  it("rendement check <folder> without study.yaml says what the build says, and exits 2", () => {
    const root = mkdtempSync(join(tmpdir(), "studies-"));
    mkdirSync(join(root, "los"));
    writeFileSync(join(root, "los", "model.yaml"), "title: x\n");
    let listing = "";
    try {
      listStudies([root]);
    } catch (error) {
      listing = (error as Error).message;
    }
    expect(checkStudyFolder(join(root, "los")).problems).toEqual([listing]);
    const r = spawnSync(process.execPath, ["--import", "tsx", "lib/cli.ts", "check", join(root, "los")], {encoding: "utf8"});
    expect(r.status).toBe(2);
    expect(r.stderr + r.stdout).toContain(listing);
  }, 60_000);
  it("seed 001 has ten factsheets, each with the report's eight steps as titled sections (seed 001, lines 40-43)", () => {
    const jw = readStudy({id: "jeugdwerkloosheid", dir: "data/studies/jeugdwerkloosheid"});
    expect(jw.items).toHaveLength(10);
    for (const item of jw.items) expect((item.sections ?? []).map((s) => s.title.slice(0, 2))).toEqual(["1.", "2.", "3.", "4.", "5.", "6.", "7.", "8."]);
  });
  it("a page id the templates use themselves is refused, with file and line", () => {
    const text = "id: x\nseed: \"009\"\ntitle: t\nshortTitle: t\nreport: r\nquestion: q\ncomputes: c\ndifferences: d\ntools:\n  - id: onzekerheid\n    title: t\n    model: m.yaml\n    narrative: n\n    inputs: []\n    outputs: [{quantity: q}]\n    source: s\n";
    expect(() => parseStudyText(text, "data/studies/x/study.yaml")).toThrow(/data\/studies\/x\/study.yaml:10: .*onzekerheid/);
  });
  it("a study's directory name must equal its id", () => {
    const text = "id: x\nseed: \"009\"\ntitle: t\nshortTitle: t\nreport: r\nquestion: q\ncomputes: c\ndifferences: d\n";
    expect(() => parseStudyText(text, "data/studies/y/study.yaml", "y")).toThrow(/study.yaml:1: id: expected the directory name "y", found "x"/);
  });
  it("a model file that does not exist is named with its line", () => {
    const text = "id: x\nseed: \"009\"\ntitle: t\nshortTitle: t\nreport: r\nquestion: q\ncomputes: c\ndifferences: d\nitems:\n  - id: a\n    title: t\n    model: nope.yaml\n    intervention: a\n    approach: a\n    targetGroup: g\n    narrative: n\n    source: s\n";
    expect(() => parseStudyText(text, "data/studies/x/study.yaml")).toThrow(/study.yaml:12: items\[0\].model: .*"nope.yaml"/);
  });
  it("the site's pages follow from the data: a start page, one page per item and tool, uncertainty, the study report, and the old Zoetermeer addresses", () => {
    const pages = studyPages(["data/studies"]);
    const z = pages.find((p) => p.id === "zoetermeer")!;
    expect(z.pages.map((p) => p.path)).toEqual(["/studies/zoetermeer/index", "/studies/zoetermeer/vh", "/studies/zoetermeer/wa", "/studies/zoetermeer/nab", "/studies/zoetermeer/rekenhulp/klanttypen", "/studies/zoetermeer/cockpit", "/studies/zoetermeer/aannames", "/studies/zoetermeer/onzekerheid", "/studies/zoetermeer/aannameregister", "/studies/zoetermeer/rapport"]);
    // Every study: a start page, one page per item and tool, and the rest only when it has them.
    for (const p of pages) {
      const s = readStudy({id: p.id, dir: join("data/studies", p.id)});
      expect(p.pages.length, p.id).toBeGreaterThanOrEqual(1 + s.items.length + s.tools.length);
      expect(p.pages[0].path, p.id).toBe(`/studies/${p.id}/index`);
    }
    expect(studyRedirects(["data/studies"])).toContainEqual({from: "/zoetermeer/vh", to: "/studies/zoetermeer/vh"});
  }, 120_000);
});
