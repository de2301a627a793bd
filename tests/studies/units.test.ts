// Unit consistency of the seed-study model files (lib/model/units.ts): every formula's unit agrees
// with its declared unit and every flow yields € or €/jaar.
import {describe, expect, it} from "vitest";
import {loadStudy} from "../../lib/io/study.js";
import {checkUnits} from "../../lib/model/units.js";
import {readFileSync} from "node:fs";
import {globSync} from "glob";

// Every model file of every study folder (a model file has interventions); discovered, not listed.
const files = globSync("data/studies/*/*.yaml")
  .filter((f) => /^interventions:/m.test(readFileSync(f, "utf8")))
  .sort();

describe("every study folder's model files have consistent units", () => {
  it.each(files)("%s: checkUnits finds nothing", (file) => {
    expect(checkUnits(loadStudy(file)).map((w) => `${w.node}: ${w.message}`)).toEqual([]);
  }, 60_000);
});
