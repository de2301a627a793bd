// Reader-facing kengetal text is Dutch: the label, the note, the source's note, the uncertainty's
// note and each file's description reach readers (the Kengetallen page, the provenance views), so
// none of them may be English. The check is a list of English words that Dutch never uses; "is",
// "of", "was", "in", "over" and "week" are left out on purpose because they are Dutch words too.
// Quoted seed phrases are Dutch already and pass untouched; English proper names from the seeds are
// listed in `properNames` and removed before the check.
import {beforeAll, describe, expect, it} from "vitest";
import {loadKengetallen} from "../../lib/io/kengetallen.js";
import type {Registry} from "../../lib/kengetallen/registry.js";

const englishWords = [
  "the", "and", "which", "from", "with", "without", "not", "are", "this", "that", "these", "those", "for", "but",
  "than", "also", "only", "each", "every", "both", "between", "where", "when", "see", "used", "uses", "using",
  "gives", "says", "printed", "assumed", "derived", "footnote", "chapter", "table", "row", "column", "line", "lines",
  "page", "year", "years", "month", "months", "weeks", "hours", "value", "values", "total", "share", "cost",
  "costs", "mean", "average", "sum", "times", "including", "includes", "excluding", "benefit", "benefits", "wage"
];
const englishPattern = new RegExp(`\\b(${englishWords.join("|")})\\b`, "gi");

// English names the seeds themselves print (programme names), not English prose.
const properNames = [/Dress for Succes/gi];

/** The English words found in a reader text (empty when the text reads as Dutch). */
function englishIn(text: string): string[] {
  let t = text;
  for (const name of properNames) t = t.replace(name, "");
  return [...new Set((t.match(englishPattern) ?? []).map((w) => w.toLowerCase()))];
}

// Dutch words that any Dutch sentence of a note has at least one of (not "in" or "is": English too).
const dutchWords = ["de", "het", "een", "en", "van", "niet", "met", "voor", "op", "uit", "zijn", "als", "naar", "bij", "die", "dat", "zie", "tekst", "tabel", "voetnoot", "vermeld", "aangenomen", "bron", "ook", "alleen"];
const dutchPattern = new RegExp(`\\b(${dutchWords.join("|")})\\b`, "i");

/**
 * Whether a note reads as Dutch: after taking out quoted seed phrases (verbatim Dutch) and
 * formulas, whatever prose is left (four words or more) holds at least one common Dutch word.
 */
function readsDutch(text: string): boolean {
  const prose = text.replace(/'[^']*'/g, " ").replace(/[^A-Za-zÀ-ÿ\s]+/g, " ");
  const words = prose.split(/\s+/).filter((w) => w.length > 1);
  return words.length < 4 || dutchPattern.test(prose);
}

let registry: Registry;
beforeAll(() => {
  registry = loadKengetallen();
}, 60_000);

/** "file:line id.field: words" for every reader text of the given records that holds English. */
function englishTexts(list: ReturnType<Registry["list"]>): string[] {
  const english: string[] = [];
  for (const k of list) {
    const texts: [string, string | undefined][] = [
      ["label", k.label],
      ["note", k.note],
      ["source.note", k.source.note],
      ["uncertainty.note", k.uncertainty.note]
    ];
    for (const [field, text] of texts) {
      const found = text ? englishIn(text) : [];
      if (found.length) english.push(`${k.file}:${k.line} ${k.id}.${field}: ${found.join(", ")}`);
    }
  }
  return english;
}

describe("englishIn (the detector used below)", () => {
  it("finds English prose and passes Dutch prose with quoted seed phrases", () => {
    expect(englishIn("Price year not printed; 2018 assumed (cost data of the study are 2017-2018)")).toEqual(
      expect.arrayContaining(["year", "not", "printed", "assumed", "cost", "the", "are"])
    );
    expect(englishIn("Prijspeil niet vermeld; 2018 aangenomen (de kostengegevens van het onderzoek zijn van 2017-2018)")).toEqual([]);
    expect(englishIn("'Bruto is dit ongeveer 1,5x zoveel, d.w.z. 1260 euro per maand'; het is een of andere week")).toEqual([]);
    expect(englishIn("Prijs traject Dress for Succes (INZET REGULIER VH)")).toEqual([]);
  });
  it("readsDutch passes a Dutch note and a bare seed quote, and refuses English prose the word list misses", () => {
    expect(readsDutch("Tekst: 'ruim € 800', tabel: € 820.")).toBe(true);
    expect(readsDutch("'circa 400.000'.")).toBe(true);
    expect(readsDutch("Δ bijstand(t) = 0,18 × Δ WBB(t−1) + 0,10 × Δ WBB(t).")).toBe(true);
    expect(readsDutch("Registered at the start of the trajectory.")).toBe(false);
    expect(readsDutch("Quoted in the seed as a comparison for the mean hourly wage (8,82).")).toBe(false);
  });
});

describe("kengetal texts a reader sees are Dutch", () => {
  it("every label, note, source note and uncertainty note is free of English words", () => {
    expect(englishTexts(registry.list())).toEqual([]);
  });

  it("every kengetal that has a note has a Dutch note", () => {
    const notDutch = registry.list().filter((k) => k.note && !readsDutch(k.note)).map((k) => `${k.id}: ${k.note}`);
    expect(notDutch).toEqual([]);
  });

  it("every file description is free of English words", () => {
    const english = registry.themes.filter((t) => englishIn(t.description).length).map((t) => t.theme);
    expect(english).toEqual([]);
  });

  it("a kengetal with an assumed price year says so in Dutch in its note ('aangenomen')", () => {
    const assumed = registry.list().filter((k) => k.priceYearBasis === "assumed");
    expect(assumed.length).toBeGreaterThan(200);
    expect(assumed.filter((k) => !/aangenomen/.test(k.note ?? "")).map((k) => k.id)).toEqual([]);
  });

  it("an inconsistency in the seed is marked 'INCONSISTENT in de bron' and no longer in English", () => {
    const notes = registry.list().map((k) => k.note ?? "");
    expect(notes.filter((n) => /INCONSISTENT in the seed/.test(n))).toEqual([]);
    expect(notes.filter((n) => /INCONSISTENT in de bron/.test(n)).length).toBeGreaterThan(5);
  });
});
