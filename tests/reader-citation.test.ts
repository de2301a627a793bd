import {describe, expect, test} from "vitest";
import {readerCitations, readerSource} from "../lib/reader-citation.js";

describe("readerCitations: a reader sees the report's own reference, not the seed file's lines", () => {
  test("seed and line numbers leave a factsheet reference (seed 001, factsheet 1, regels 86–87)", () => {
    expect(readerCitations("een bewuste vervolgstap. (seed 001, factsheet 1, regels 86–87)")).toBe("een bewuste vervolgstap. (factsheet 1)");
  });
  test("a citation of only seed and lines disappears with its space", () => {
    expect(readerCitations("bijlage III, factsheet 1 (seed 001, regels 86–321)")).toBe("bijlage III, factsheet 1");
    expect(readerCitations("deel B § 2.6 (seed-regels 2028–2078)")).toBe("deel B § 2.6");
  });
  test("repeated references in one citation merge; other parentheses stay as they are", () => {
    expect(readerCitations("x (seed 001, factsheet 8, regels 1430–1431; seed 001, factsheet 8, regels 1433–1434)")).toBe("x (factsheet 8)");
    expect(readerCitations("de uitkering (§ 3.1) en (MKBA Zoetermeer, § 3.1)")).toBe("de uitkering (§ 3.1) en (MKBA Zoetermeer, § 3.1)");
  });
});

describe("readerSource: a printed figure's source without seed, lines and quote", () => {
  test("seed 003, §5.2.2, regels 1316-1331: 1:33 → §5.2.2", () => {
    expect(readerSource("seed 003, §5.2.2, regels 1316-1331: 1:33")).toBe("§5.2.2");
    expect(readerSource("Rekenkamercommissie Leiden, bijlage B")).toBe("Rekenkamercommissie Leiden, bijlage B");
  });
});
