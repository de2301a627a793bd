import {describe, expect, it} from "vitest";
import fc from "fast-check";
import {npv} from "financial";
import {discountFactor, presentValue} from "../../lib/finance/discount.js";

describe("presentValue(flows, rate)", () => {
  it("discounts year 0 with factor 1", () => {
    expect(presentValue([250], 0.0225)).toBe(250);
    expect(discountFactor(0.0225, 0)).toBe(1);
  });
  it("discounts year t by (1 + r)^t: 100 + 100/1.1 = 190.909…", () => {
    expect(presentValue([100, 100], 0.1)).toBeCloseTo(190.9090909, 6);
  });
  it("at 0 % equals the plain sum", () => {
    fc.assert(fc.property(fc.array(fc.double({min: -1e6, max: 1e6, noNaN: true}), {maxLength: 30}), (flows) => {
      const sum = flows.reduce((a, b) => a + b, 0);
      expect(presentValue(flows, 0)).toBeCloseTo(sum, 6);
    }));
  });
  it("agrees with the numpy convention of the `financial` package (values[0] at t = 0)", () => {
    fc.assert(fc.property(
      fc.array(fc.double({min: -1e5, max: 1e5, noNaN: true}), {minLength: 1, maxLength: 20}),
      fc.double({min: 0, max: 0.2, noNaN: true}),
      (flows, rate) => {
        expect(presentValue(flows, rate)).toBeCloseTo(npv(rate, flows), 4);
      }
    ));
  });
  it("rejects a rate of -100 % or below", () => {
    expect(() => presentValue([1], -1)).toThrow(/greater than -1/);
  });
});
