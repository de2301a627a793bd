import {describe, expect, it} from "vitest";
import {listStudies, parseStudyText, readStudy} from "../../lib/io/study-description.js";
import {studyPages, studyRedirects} from "../../lib/io/study-pages.js";
import {factsheetSteps} from "../../lib/schema/study.js";

describe("study descriptions (data/studies/<study>/study.yaml)", () => {
  it("the five seed studies each have a valid description whose id is its directory", () => {
    const studies = listStudies(["data/studies"]);
    expect(studies.map((s) => s.id)).toEqual(["afstand-arbeidsmarkt", "jeugdwerkloosheid", "leiden", "voorbeeldprojecten", "zoetermeer"]);
    expect(studies.map((s) => readStudy(s).seed).sort()).toEqual(["000", "001", "002", "003", "004"]);
  });
  it("seed 001 has ten factsheets, each with the report's eight steps (seed 001, lines 40-43)", () => {
    const jw = readStudy({id: "jeugdwerkloosheid", dir: "data/studies/jeugdwerkloosheid"});
    expect(jw.items).toHaveLength(10);
    for (const item of jw.items) expect(Object.keys(item.steps ?? {})).toEqual([...factsheetSteps]);
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
  it("the site's pages follow from the data: a start page, one page per item and tool, uncertainty, and the old Zoetermeer addresses", () => {
    const pages = studyPages(["data/studies"]);
    const z = pages.find((p) => p.id === "zoetermeer")!;
    expect(z.pages.map((p) => p.path)).toEqual(["/studies/zoetermeer/index", "/studies/zoetermeer/vh", "/studies/zoetermeer/wa", "/studies/zoetermeer/nab", "/studies/zoetermeer/rekenhulp/klanttypen", "/studies/zoetermeer/cockpit", "/studies/zoetermeer/aannames", "/studies/zoetermeer/onzekerheid"]);
    // start + items + tools (+ cockpit, assumptions) + uncertainty, per study
    expect(Object.fromEntries(pages.map((p) => [p.id, p.pages.length]))).toEqual({"afstand-arbeidsmarkt": 1 + 3 + 1, jeugdwerkloosheid: 1 + 10 + 1, leiden: 1 + 2 + 4 + 1, voorbeeldprojecten: 1 + 3 + 1, zoetermeer: 1 + 3 + 1 + 2 + 1});
    expect(studyRedirects(["data/studies"])).toContainEqual({from: "/zoetermeer/vh", to: "/studies/zoetermeer/vh"});
  });
});
