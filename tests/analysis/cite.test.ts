import {describe, expect, it} from "vitest";
import {join} from "node:path";
import {loadStudy, defaultRegistry} from "../../lib/io/study.js";
import {listStudies, readStudy} from "../../lib/io/study-description.js";
import {studyModelFiles} from "../../lib/io/study-pages.js";
import {registryJSONFor} from "../../lib/model/context.js";
import {contentHash} from "../../lib/analysis/content-hash.js";
import {citationLine, effectiveSettings, resultHash, settingsAddress} from "../../lib/analysis/cite.js";

// Any study's first model: the convention holds for every model, no study is named.
const first = listStudies()[0];
const model = loadStudy(join(first.dir, studyModelFiles(readStudy(first))[0]), {onWarning: () => {}});
const input = {file: model.file, registry: registryJSONFor(model, defaultRegistry())};
const leaf = model.leaves.find((l) => typeof l.leaf!.value === "number" && l.leaf!.value !== 0)!;
const own = leaf.leaf!.value as number;

describe("citing a result", () => {
  it("an override equal to the model's own value is no setting: the hash is the model version's", () => {
    expect(effectiveSettings(model, {[leaf.name]: own})).toEqual({});
    expect(resultHash(model, input, {[leaf.name]: own})).toBe(contentHash(input, {}));
  });
  it("a changed input counts under its full name, as `evaluate --set` hashes it", () => {
    expect(effectiveSettings(model, {[leaf.name]: own * 2})).toEqual({[leaf.name]: own * 2});
    expect(resultHash(model, input, {[leaf.name]: own * 2})).toBe(contentHash(input, {[leaf.name]: own * 2}));
    expect(resultHash(model, input, {[leaf.name]: own * 2})).not.toBe(contentHash(input, {}));
  });
  it("the line carries what, version, commit, date, address and hash", () => {
    const line = citationLine({what: "Saldo: € 1", version: "1.2.3", commit: "abc1234", date: "7 december 2026", url: "https://x/p.html?a=1", hash: "0123456789ab"});
    expect(line).toBe("Saldo: € 1. Rendement versie 1.2.3, commit abc1234, 7 december 2026. https://x/p.html?a=1. Inhoudshash 0123456789ab.");
    expect(citationLine({what: "S", version: "1", commit: null, date: "d", url: "u", hash: "h"})).toContain("commit onbekend");
  });
});

describe("the address of a loaded settings file", () => {
  it("replaces the page's inputs, keeps reserved keys and the fragment, writes the codec's format and version", () => {
    expect(settingsAddress("/s/p.html?a.x=1&draws=200&v=1#top", {"b.y": 0.75, "c.z": [0.05, 0.04]})).toBe("/s/p.html?draws=200&b.y=0.75&c.z=%5B0.05%2C0.04%5D&v=1#top");
  });
  it("no settings: no version marker, no inputs left", () => {
    expect(settingsAddress("/s/p.html?a.x=1&v=1", {})).toBe("/s/p.html");
  });
});
