import {describe, expect, it} from "vitest";
import {canonicalJson, contentHash, effectiveSettings, modelVersion, sha256Hex} from "../../lib/analysis/content-hash.js";
import {defaultRegistry, loadStudy} from "../../lib/io/study.js";
import {registryJSONFor} from "../../lib/model/context.js";
import {runCli} from "../cli/run.js";

const file = "data/studies/zoetermeer/model.yaml";
const model = loadStudy(file, {onWarning: () => {}});
const input = () => structuredClone({file: model.file, registry: registryJSONFor(model, defaultRegistry())});

describe("content hash: sha256 (first 12 hex) of model file, kengetallen and settings", () => {
  it("sha256 gives the FIPS 180-2 test vectors", () => {
    expect(sha256Hex("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    expect(sha256Hex("")).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    expect(sha256Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")).toBe("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  });
  it("canonical JSON sorts keys at every level, so key order does not matter", () => {
    expect(canonicalJson({b: 1, a: {d: [2, {f: 1, e: 2}], c: null}})).toBe('{"a":{"c":null,"d":[2,{"e":2,"f":1}]},"b":1}');
    expect(contentHash(input(), {"a.x": 1, "b.y": 2})).toBe(contentHash(input(), {"b.y": 2, "a.x": 1}));
  });
  it("same inputs give the same hash; 12 hex digits", () => {
    expect(contentHash(input())).toBe(contentHash(input()));
    expect(contentHash(input())).toMatch(/^[0-9a-f]{12}$/);
    expect(modelVersion(input())).toBe(contentHash(input(), {}));
  });
  it("changing a kengetal's value changes the hash", () => {
    const changed = input();
    expect(changed.registry.kengetallen.length).toBeGreaterThan(0);
    const k = changed.registry.kengetallen[0] as unknown as {value: number | number[]};
    k.value = Array.isArray(k.value) ? k.value.map((v) => v + 1) : k.value + 1;
    expect(contentHash(changed)).not.toBe(contentHash(input()));
  });
  it("a setting equal to the model's own value is no setting: it leaves the cited hash as without it (numbers and series)", () => {
    const leaf = model.leaves.find((l) => l.kind !== "kengetal" && !l.series)!;
    const series = model.leaves.find((l) => l.series && l.leaf);
    const v = leaf.leaf!.value as number;
    expect(effectiveSettings(model, {[leaf.name]: v})).toEqual({});
    expect(effectiveSettings(model, {[leaf.name]: v + 1})).toEqual({[leaf.name]: v + 1});
    if (series) expect(effectiveSettings(model, {[series.name]: Array.from(series.leaf!.value as ArrayLike<number>)})).toEqual({});
    expect(contentHash(input(), effectiveSettings(model, {[leaf.name]: v}))).toBe(contentHash(input()));
  });
  it("changing a setting or a model value changes the hash", () => {
    const leaf = model.leaves.find((l) => l.kind !== "kengetal" && !l.series)!;
    const v = leaf.leaf!.value as number;
    expect(contentHash(input(), {[leaf.name]: v + 1})).not.toBe(contentHash(input(), {[leaf.name]: v}));
    expect(contentHash(input(), {[leaf.name]: v})).not.toBe(contentHash(input()));
    const edited = input();
    edited.file.horizon += 1;
    expect(contentHash(edited)).not.toBe(contentHash(input()));
  });
  it("rendement evaluate --json prints the same hash as the lib function, with and without --set", async () => {
    const plain = await runCli(["evaluate", file, "--json"]);
    expect(plain.code).toBe(0);
    expect(JSON.parse(plain.out).hash).toBe(modelVersion(input()));
    const leaf = model.leaves.find((l) => l.kind === "parameter" && !l.series && l.unit !== "fraction")!;
    const set = await runCli(["evaluate", file, "--json", "--set", `${leaf.name}=7`]);
    expect(JSON.parse(set.out).hash).toBe(contentHash(input(), {[leaf.name]: 7}));
  });
});
