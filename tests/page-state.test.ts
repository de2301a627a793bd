// The page-state codec (lib/page-state.ts): model units, dot decimal, exact round trip, refusals.
import {describe, expect, test} from "vitest";
import fc from "fast-check";
import {
  RESERVED_KEYS,
  STATE_VERSION,
  decodeState,
  encodeState,
  encodeStateQuery,
  formatStateNumber,
  parseStateNumber,
  parseStateValue,
  withState,
  type StateInput
} from "../lib/page-state.js";
import {parseDutchNumber} from "../lib/format.js";

const effectJaren: StateInput = {key: "vh.effectJaren", label: "Effectduur (jaren)", min: 1, max: 20, base: 10};
const attributie: StateInput = {key: "nab.attributie", label: "Attributie (%)", min: 0, max: 1, base: 0.5, unit: "fraction"};
const profile: StateInput = {key: "iv.nettoEffect", label: "Netto-effect per jaar", min: 0, max: 1, base: [0.05, 0.04, 0.02], unit: "fraction"};
const deelnemers: StateInput = {key: "iv.deelnemers", label: "Deelnemers", min: 0, max: 1e6, base: 60, integer: true};
const draws: StateInput = {key: "draws", label: "Aantal trekkingen", min: 1000, max: 100000, base: 10000, choices: [1000, 10000, 50000, 100000], integer: true, setting: true};
const inputs = [effectJaren, attributie, profile, deelnemers, draws];

describe("numbers in the address: shortest round-trip form, dot decimal", () => {
  test("issue 17 case 1: 5.625 is five and five eighths, not 5625 (parseDutchNumber reads it as thousands)", () => {
    expect(formatStateNumber(5.625)).toBe("5.625");
    expect(parseStateNumber("5.625")).toBe(5.625);
    expect(parseDutchNumber("5.625")).toBe(5625); // the old reader, the cause of the bug
    const q = encodeStateQuery(inputs, {"vh.effectJaren": 5.625});
    expect(q).toBe(`vh.effectJaren=5.625&v=${STATE_VERSION}`);
    expect(decodeState(inputs, q).values).toEqual({"vh.effectJaren": 5.625});
  });
  test("every finite double survives String → parse exactly (fast-check)", () => {
    fc.assert(fc.property(fc.double({noNaN: true, noDefaultInfinity: true}), (x) => Object.is(parseStateNumber(formatStateNumber(x)), Object.is(x, -0) ? 0 : x)));
  });
  test("no decimal comma, thousands point, hex, Infinity, blank or trailing text", () => {
    for (const s of ["5,625", "1.000.000", "0x10", "Infinity", "-Infinity", "NaN", "", " 1", "1 ", "1e400", "1,5", "--1", "+1", "1e", "."]) expect(parseStateNumber(s), s).toBeNaN();
    expect(parseStateNumber("1e-7")).toBe(1e-7);
    expect(parseStateNumber(".25")).toBe(0.25);
  });
  test("a series is written in brackets, as --set writes it, and read back element by element", () => {
    expect(encodeStateQuery([profile], {"iv.nettoEffect": [0.1, 0.05, 0]})).toBe("iv.nettoEffect=%5B0.1%2C0.05%2C0%5D&v=1");
    expect(parseStateValue("[0.1,0.05,0]")).toEqual([0.1, 0.05, 0]);
    expect(parseStateValue("[0.1,,0]")).toBeNull();
    expect(parseStateValue("[]")).toBeNull();
  });
});

describe("round trip: decode(encode(values)) gives the values back exactly (fast-check)", () => {
  const arbInput = fc.record({
    min: fc.double({min: -1e9, max: 1e9, noNaN: true}),
    width: fc.double({min: 1e-6, max: 1e9, noNaN: true}),
    t: fc.double({min: 0, max: 1, noNaN: true}),
    fraction: fc.boolean(),
    series: fc.integer({min: 0, max: 4})
  });
  test("for random ranges and random in-range values, scalars and series", () => {
    fc.assert(
      fc.property(fc.array(arbInput, {minLength: 1, maxLength: 6}), fc.array(fc.double({min: 0, max: 1, noNaN: true}), {minLength: 30, maxLength: 30}), (specs, ts) => {
        const ins: StateInput[] = specs.map((s, k) => {
          const [min, max] = s.fraction ? [0, 1] : [s.min, s.min + s.width];
          const at = (t: number) => Math.min(max, Math.max(min, min + (max - min) * t));
          const base = s.series ? Array.from({length: s.series}, (_, j) => at((s.t + j / 7) % 1)) : at(s.t);
          return {key: `iv${k}.x`, label: `x${k}`, min, max, base, unit: s.fraction ? "fraction" : "€"};
        });
        const values = Object.fromEntries(
          ins.map((i, k) => {
            const at = (t: number) => Math.min(i.max, Math.max(i.min, i.min + (i.max - i.min) * t));
            return [i.key, Array.isArray(i.base) ? i.base.map((_, j) => at(ts[(k * 5 + j) % ts.length])) : at(ts[k % ts.length])];
          })
        );
        const decoded = decodeState(ins, encodeStateQuery(ins, values));
        expect(decoded.refused).toEqual([]);
        expect(decoded.unknown).toEqual([]);
        for (const i of ins) {
          const back = decoded.values[i.key] ?? i.base; // a value equal to its base is not written
          expect(back).toEqual(values[i.key]);
        }
      })
    );
  });
  test("withState keeps other parameters and the fragment, and drops a value equal to its base", () => {
    const href = withState("/s/a.html?study=x&vh.effectJaren=3&v=1#top", inputs, {"vh.effectJaren": 10, "nab.attributie": 0.25});
    expect(href).toBe("/s/a.html?study=x&nab.attributie=0.25&v=1#top");
    expect(withState("/s/a.html?vh.effectJaren=3&v=1", inputs, {"vh.effectJaren": 10})).toBe("/s/a.html");
  });
});

describe("decode refuses, never clamps: the input keeps its base value and the reader gets a Dutch line", () => {
  test("a value outside its range (fraction 1.5 = 150 %) is refused naming the range in percent", () => {
    const d = decodeState(inputs, "nab.attributie=1.5");
    expect(d.values).toEqual({});
    expect(d.refused).toHaveLength(1);
    expect(d.refused[0].reason).toBe("out-of-range");
    expect(d.refused[0].message).toMatch(/“Attributie \(%\)” de waarde “1.5”: dat ligt buiten het bereik 0% tot 100%.*uitgangswaarde 50%/);
  });
  test("text that is no number, a Dutch comma, a repeated key, a decimal for a whole number, a draws not offered", () => {
    const d = decodeState(inputs, "vh.effectJaren=abc&nab.attributie=0,5&iv.deelnemers=1.5&draws=12345");
    expect(d.refused.map((r) => [r.key, r.reason])).toEqual([
      ["vh.effectJaren", "not-a-number"],
      ["nab.attributie", "not-a-number"],
      ["iv.deelnemers", "not-whole"],
      ["draws", "not-a-choice"]
    ]);
    expect(decodeState(inputs, "vh.effectJaren=3&vh.effectJaren=4").refused[0].reason).toBe("repeated");
  });
  test("a series of the wrong length, or a number for a series, is refused", () => {
    expect(decodeState(inputs, "iv.nettoEffect=[0.1,0.2]").refused[0].reason).toBe("series-length");
    expect(decodeState(inputs, "iv.nettoEffect=0.1").refused[0].reason).toBe("series-length");
    expect(decodeState(inputs, "iv.nettoEffect=[0.1,2,0]").refused[0].reason).toBe("out-of-range");
  });
  test("another format version is refused for every input; an address without a version is read as the current one", () => {
    const d = decodeState(inputs, "vh.effectJaren=3&v=2");
    expect(d.values).toEqual({});
    expect(d.refused[0].reason).toBe("version");
    expect(decodeState(inputs, "vh.effectJaren=3").values).toEqual({"vh.effectJaren": 3});
  });
  test("unknown keys are reported; reserved keys a page does not declare are ignored", () => {
    const d = decodeState([effectJaren], "vh.effectJarn=3&seed=4&study=x&v=1");
    expect(d.unknown).toEqual(["vh.effectJarn"]);
    expect(d.unknownMessage).toMatch(/“vh\.effectJarn”.*genegeerd/);
    for (const k of ["v", "draws", "seed", "study"]) expect(RESERVED_KEYS).toContain(k);
  });
  test("random out-of-range values are always refused (fast-check)", () => {
    fc.assert(
      fc.property(fc.double({noNaN: true, noDefaultInfinity: true}).filter((x) => x < 1 || x > 20), (x) => {
        const d = decodeState([effectJaren], `vh.effectJaren=${encodeURIComponent(formatStateNumber(x))}`);
        return d.refused.length === 1 && d.refused[0].reason === "out-of-range" && !("vh.effectJaren" in d.values);
      })
    );
  });
});

describe("declaring inputs: reserved keys are not model inputs", () => {
  test("a model input named like a reserved key, or a setting under a free key, is a programming error", () => {
    expect(() => decodeState([{...effectJaren, key: "seed"}], "")).toThrow(/reserved/);
    expect(() => decodeState([{...draws, key: "aantal"}], "")).toThrow(/reserved key/);
  });
  test("encode throws on a value the page should never hold (outside its range)", () => {
    expect(() => encodeState(inputs, {"vh.effectJaren": 99})).toThrow(RangeError);
  });
});
