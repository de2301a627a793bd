// The cross-references of a study description (lib/io/study-check.ts `studyReferences`) are checked
// once, for `rendement check <study folder>` and the pages' loader alike (the loader keeps no copy of
// them). Here: the printed per-actor figures of a comparison name a figure of printed.yaml and an
// actor with a line in the item's intervention.
import {readFileSync} from "node:fs";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {studyReferences} from "../../lib/io/study-check.js";
import {parseStudyText} from "../../lib/io/study-description.js";
import {parseYaml} from "../../lib/io/yaml-errors.js";
import {loadStudy} from "../../lib/io/study.js";
import type {PrintedFile} from "../../lib/schema/printed.js";

const DIR = "tests/fixtures/studies/oefenstudie";
const FILE = join(DIR, "study.yaml");
const model = loadStudy(join(DIR, "model.yaml"), {onWarning: () => {}});
const printed = {figures: [{id: "tvt_gemeente", printed: 3}], causes: []} as unknown as PrintedFile;

function problems(comparisons: string): string[] {
  const text = readFileSync(FILE, "utf8").replace("    narrative: Een traject", `    comparisons:\n${comparisons}    narrative: Een traject`);
  return studyReferences(FILE, parseYaml(text, FILE), parseStudyText(text, FILE, "oefenstudie"), () => model, printed);
}

describe("studyReferences: comparisons' printed figures", () => {
  it("a known figure for an actor with a line in the intervention passes", () => {
    expect(problems(`      - label: Basis\n        printed: [{figure: tvt_gemeente, actor: gemeente, computed: paybackYears}]\n`)).toEqual([]);
  });
  it("an unknown figure and an actor without a line are named with study.yaml:line: field", () => {
    const p = problems(`      - label: Basis\n        printed: [{figure: bestaat_niet, actor: uwv, computed: paybackYears}]\n`);
    expect(p).toContainEqual(expect.stringMatching(/study\.yaml:\d+: items\[0\]\.comparisons\[0\]\.printed\[0\]\.figure: expected a figure id of printed\.yaml, found "bestaat_niet"/));
    expect(p).toContainEqual(expect.stringMatching(/study\.yaml:\d+: items\[0\]\.comparisons\[0\]\.printed\[0\]\.actor: expected an actor with a line in intervention iv \(.*gemeente.*\), found "uwv"/));
  });
});
