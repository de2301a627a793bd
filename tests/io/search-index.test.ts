// The search records of the pages generated from data (lib/io/search-index.ts): one per study page,
// titled with the study's name, holding the text a reader sees there.
import {describe, expect, test} from "vitest";
import {kengetallenSearchRecord, studySearchRecords} from "../../lib/io/search-index.js";
import {studyPages} from "../../lib/io/study-pages.js";
import {listStudies, readStudy} from "../../lib/io/study-description.js";
import {defaultRegistry} from "../../lib/io/study.js";

describe("studySearchRecords: every generated page, titled with its study, with the reader's text", () => {
  const records = studySearchRecords();
  test("one record per page of every study, no path twice", () => {
    const paths = studyPages().flatMap((s) => s.pages.map((p) => p.path));
    expect(records.map((r) => r.path).sort()).toEqual([...paths].sort());
  });
  test("each item record carries the study's short title and its narrative's words, without seed line references", () => {
    for (const location of listStudies()) {
      const s = readStudy(location);
      for (const item of s.items) {
        const r = records.find((x) => x.path === `/studies/${s.id}/${item.id}`)!;
        expect(r.title).toContain(item.title);
        expect(r.title).toContain(s.shortTitle);
        const word = item.narrative.split(/[^\p{L}]+/u).find((w) => w.length >= 8);
        if (word) expect(r.text).toContain(word);
        expect(r.text).not.toMatch(/\bseed \d{3}, regels/);
      }
    }
  });
  test("the Kengetallen record holds every kengetal's label", () => {
    const r = kengetallenSearchRecord();
    expect(r.path).toBe("/kengetallen");
    const labels = defaultRegistry().toJSON().kengetallen.map((k) => k.label.replace(/[*_`#>]/g, " ").replace(/\s+/g, " ").trim());
    expect(labels.length).toBeGreaterThan(0);
    for (const label of labels) expect(r.text).toContain(label);
  });
});
