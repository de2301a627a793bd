// Unit consistency of the seed-study model files (lib/model/units.ts): every formula's unit agrees
// with its declared unit and every flow yields € or €/jaar.
import {describe, expect, it} from "vitest";
import {loadStudy} from "../../lib/io/study.js";
import {checkUnits} from "../../lib/model/units.js";
import {projectFiles} from "../../lib/reproduce/studies/voorbeeldprojecten.js";
import {leidenFiles} from "../../lib/reproduce/studies/leiden.js";
import {smoFile, uwvFile} from "../../lib/reproduce/studies/afstand-arbeidsmarkt.js";
import {factsheetFiles} from "../../lib/reproduce/studies/jeugdwerkloosheid.js";

const files = [...Object.values(projectFiles), ...Object.values(leidenFiles), smoFile, uwvFile, ...factsheetFiles];

describe("seed-study model files have consistent units", () => {
  it.each(files)("%s: checkUnits finds nothing", (file) => {
    expect(checkUnits(loadStudy(file)).map((w) => `${w.node}: ${w.message}`)).toEqual([]);
  }, 60_000);
});
