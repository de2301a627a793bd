// Reading a study's printed.yaml (lib/io/printed-file.ts): a bad file names file, line and field.
import {mkdtempSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import path from "node:path";
import {afterAll, describe, expect, it} from "vitest";
import {readPrinted} from "../../lib/io/printed-file.js";

const dir = mkdtempSync(path.join(tmpdir(), "printed-"));
afterAll(() => rmSync(dir, {recursive: true, force: true}));

const head = `title: t
model: m.yaml
`;
const figure = (extra: string) => `  - id: a
    quantity: q
    source: s
    printed: 1.3
    unit: verhouding
    tolerance: 0.05
    toleranceWhy: w
    computed: {measure: ratio}
${extra}`;

function write(name: string, text: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
}

describe("readPrinted(file)", () => {
  it("reads a minimal valid file, causes default to none", () => {
    const r = readPrinted(write("ok.yaml", `${head}figures:\n${figure("    decimals: 1\n")}`));
    expect(r.figures[0].basis).toBeUndefined();
    expect(r.causes).toEqual([]);
  });
  it("a declared basis other than input is an error naming file, line and field (the basis is derived)", () => {
    const file = write("nobasis.yaml", `${head}figures:\n${figure("    basis: independent\n    decimals: 1\n")}`);
    expect(() => readPrinted(file)).toThrow(new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}:\\d+: .*basis`));
  });
  it("decimals that disagree with the printed figure are an error (1,3 is not printed to whole units)", () => {
    const file = write("decimals.yaml", `${head}figures:\n${figure("    decimals: 0\n")}`);
    expect(() => readPrinted(file)).toThrow(/decimals/);
  });
  it("a computation that is neither a formula nor one measure is an error naming the field", () => {
    const file = write("computed.yaml", `${head}figures:\n${figure("    decimals: 1\n").replace("computed: {measure: ratio}", "computed: {measure: ratio, post: x}")}`);
    expect(() => readPrinted(file)).toThrow(/:\d+: figures\[0\]\.computed.*expected a formula, or exactly one of measure/);
  });
  it("a cause that a figure names must exist, and a report-inconsistent cause needs shownBy", () => {
    const unknown = write("cause.yaml", `${head}figures:\n${figure("    decimals: 1\n    cause: nope\n")}`);
    expect(() => readPrinted(unknown)).toThrow(/cause.*"nope"/);
    const noProof = write("proof.yaml", `${head}causes:\n  - {id: c, verdict: report-inconsistent, beschrijving: "De rekensom van het rapport sluit niet.", restsOnAssumption: false}\nfigures:\n${figure("    decimals: 1\n    cause: c\n")}`);
    expect(() => readPrinted(noProof)).toThrow(/shownBy/);
  });
});
