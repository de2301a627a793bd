// Calculator ranges cover a target group of 20 persons as well as the country (issue 20, point 1):
// every calculator input counted in persons (unit `personen`) in every shipped study reaches down to
// 20 (or 0), and a range wider than a factor 1.000 moves on a log scale. A log scale needs 0 < min < max;
// the study check names a range that cannot take one.
import {join} from "node:path";
import {readFileSync} from "node:fs";
import {describe, expect, it} from "vitest";
import {listStudies, readStudy} from "../../lib/io/study-description.js";
import {loadStudy} from "../../lib/io/study.js";
import {findLeaf} from "../../lib/model/evaluate.js";
import {studyReferences} from "../../lib/io/study-check.js";
import {parseStudyText} from "../../lib/io/study-description.js";
import {parseYaml} from "../../lib/io/yaml-errors.js";

describe("calculator inputs counted in persons", () => {
  const found: string[] = [];
  for (const location of listStudies()) {
    const study = readStudy(location);
    for (const tool of study.tools ?? []) {
      const model = loadStudy(join(location.dir, tool.model), {onWarning: () => {}});
      for (const input of tool.inputs) {
        const leaf = findLeaf(model, input.name);
        if (leaf.unit !== "personen") continue;
        const min = input.min ?? leaf.leaf!.control!.min;
        const max = input.max ?? leaf.leaf!.control!.max;
        found.push(`${location.id}/${tool.id}/${input.name}`);
        it(`${location.id} ${tool.id} ${input.name}: from at most 20 (found ${min}); a range over a factor 1.000 on a log scale`, () => {
          expect(min).toBeLessThanOrEqual(20);
          expect(min).toBeGreaterThanOrEqual(0);
          // A linear slider over more than a factor 1.000 puts a small municipality into its first pixel.
          if (max / Math.max(min, 1) > 1000) expect(input.scale).toBe("log");
        });
      }
    }
  }
  it("the shipped studies have at least one such input (else this test checks nothing)", () => {
    expect(found.length).toBeGreaterThan(0);
  });
});

describe("study check: a log scale needs 0 < min < max", () => {
  const DIR = "tests/fixtures/studies/oefenstudie";
  const FILE = join(DIR, "study.yaml");
  const model = loadStudy(join(DIR, "model.yaml"), {onWarning: () => {}});
  const withTool = (input: string) =>
    `${readFileSync(FILE, "utf8")}tools:\n  - id: rekenhulp\n    title: Rekenhulp\n    model: model.yaml\n    narrative: Oefening.\n    inputs:\n      - ${input}\n    outputs:\n      - {quantity: iv.deelnemers}\n    source: test\n`;
  const problems = (input: string) => {
    const text = withTool(input);
    return studyReferences(FILE, parseYaml(text, FILE), parseStudyText(text, FILE, "oefenstudie"), () => model, null);
  };
  it("scale: log from 20 to 1.000.000 passes", () => {
    expect(problems("{name: iv.deelnemers, min: 20, max: 1000000, scale: log}")).toEqual([]);
  });
  it("scale: log from 0 is named with study.yaml:line: field", () => {
    expect(problems("{name: iv.deelnemers, min: 0, max: 1000, scale: log}")).toContainEqual(expect.stringMatching(/study\.yaml:\d+: tools\[0\]\.inputs\[0\]\.scale: expected a range with 0 < min < max for a log scale, found 0 to 1000/));
  });
});
