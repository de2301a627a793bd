// The report's own arithmetic (lib/reproduce/arithmetic.ts): a formula over printed-figure ids and
// kengetallen (k.<id>), with only + − × ÷, parentheses and a few functions.
import {describe, expect, it} from "vitest";
import {evaluatePrinted, referencedIds} from "../../lib/reproduce/arithmetic.js";

const values: Record<string, number> = {cockpit_baten_totaal: 8755000, cockpit_kosten_totaal: 6798000, "k.wa_kosten_jaar_tabel": 810500};
const lookup = (id: string) => values[id];

describe("evaluatePrinted(formula, printed)", () => {
  it("cockpit saldo 8.755.000 − 6.798.000 = 1.957.000 and ratio 1,288 (seed 000, bijlage 1)", () => {
    expect(evaluatePrinted("cockpit_baten_totaal - cockpit_kosten_totaal", lookup)).toBe(1957000);
    expect(evaluatePrinted("cockpit_baten_totaal / cockpit_kosten_totaal", lookup)).toBeCloseTo(1.2879, 4);
  });
  it("reads kengetallen as k.<id> and lists every reference", () => {
    expect(evaluatePrinted("round(k.wa_kosten_jaar_tabel / 1000) * 1000", lookup)).toBe(811000);
    expect(referencedIds("(a + k.b) * 2 - max(c, 1)").sort()).toEqual(["a", "c", "k.b"]);
  });
  it("an unknown name, another dotted name or an operator outside + − × ÷ is an error naming the formula", () => {
    expect(() => evaluatePrinted("nope + 1", lookup)).toThrow(/"nope \+ 1" names "nope"/);
    expect(() => evaluatePrinted("vh.x + 1", lookup)).toThrow(/only k\.<kengetal id>/);
    expect(() => evaluatePrinted("cockpit_baten_totaal > 1", lookup)).toThrow(/only numbers/);
    expect(() => evaluatePrinted("k.missing", lookup)).toThrow(/not a kengetal/);
  });
});
