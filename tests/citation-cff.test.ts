import {describe, expect, it} from "vitest";
import {readFileSync} from "node:fs";
import {parse} from "yaml";

describe("CITATION.cff (cff-version 1.2.0)", () => {
  it("has title, version equal to package.json's, date-released, license MIT and repository-code", () => {
    const cff = parse(readFileSync("CITATION.cff", "utf8"));
    const pkg = JSON.parse(readFileSync("package.json", "utf8"));
    expect(cff["cff-version"]).toBe("1.2.0");
    expect(cff.title).toBeTruthy();
    expect(cff.version).toBe(pkg.version);
    expect(cff["date-released"]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(cff.license).toBe(pkg.license);
    expect(cff["repository-code"]).toMatch(/^https:\/\//);
    expect(cff.authors.length).toBeGreaterThan(0);
  });
});
