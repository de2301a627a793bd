// @vitest-environment jsdom
// The page side of the address state (src/components/pageState.js) with real number boxes: values
// restored exactly, refusals beside the box with the base value kept, every value a box allows writable.
import {describe, expect, test} from "vitest";

type Any = any; // eslint-disable-line @typescript-eslint/no-explicit-any
const load = async (): Promise<Any> => ({...(await import("../../src/components/pageState.js")), ...(await import("../../src/components/numberInput.js"))});

describe("pageState(bindings): number boxes and the address", () => {
  test("a fraction shown in percent is written as a fraction and read back exactly; a value outside the range is refused beside its box", async () => {
    const {pageState, percent, numberInput} = await load();
    const share = numberInput([0, 40], {label: "Aandeel (%)", value: 18});
    const years = numberInput([3, 10], {label: "Jaren", value: 5.6});
    const written: string[] = [];
    const state = pageState(
      [
        {input: {key: "nab.aandeel", label: "Aandeel", min: 0, max: 0.4, base: 0.18, unit: "fraction"}, element: share, ...percent},
        {input: {key: "vh.effectJaren", label: "Jaren", min: 3, max: 10, base: 5.6}, element: years}
      ],
      {query: "?nab.aandeel=0.05625&vh.effectJaren=99&v=1", write: (href: string) => written.push(href)}
    );
    expect(share.value).toBe(5.625);
    expect(share.querySelector(".number-input-box").value).toBe("5,625");
    expect(years.value).toBe(5.6); // refused: the base value, not the bound 10
    expect(years.querySelector(".number-input-message").textContent).toMatch(/“99”: dat ligt buiten het bereik 3 tot 10\. Die waarde is niet overgenomen/);
    expect(state.values()).toEqual({"nab.aandeel": 0.05625, "vh.effectJaren": 5.6});
    state.save();
    expect(written.pop()).toMatch(/\?nab\.aandeel=0\.05625&v=1$/);
  });
  test("every value the box allows can be written, also where the percent range rounds beyond the model's", async () => {
    const {pageState, percent, numberInput} = await load();
    const max = 0.7 - 0.4; // 0.29999999999999993; the box shows 30 %, which is 0.3 > max
    const box = numberInput([0, percent.shown(max)], {label: "Aandeel (%)", value: 10});
    const written: string[] = [];
    const state = pageState([{input: {key: "x.aandeel", label: "Aandeel", min: 0, max, base: 0.1, unit: "fraction"}, element: box, ...percent}], {query: "", write: (href: string) => written.push(href)});
    box.value = 30;
    expect(() => state.save()).not.toThrow();
    expect(written.pop()).toMatch(/x\.aandeel=0\.3&v=1$/);
  });
  test("many inputs within one frame write the address once, with the last value, when the frame comes (and at once on state.save())", async () => {
    const {pageState, numberInput} = await load();
    const years = numberInput([3, 10], {label: "Jaren", value: 5.6, step: 0.1});
    const written: string[] = [];
    const state = pageState([{input: {key: "vh.effectJaren", label: "Jaren", min: 3, max: 10, base: 5.6}, element: years}], {query: "", write: (href: string) => written.push(href)});
    const slider = years.querySelector("input[type=range]");
    for (const v of ["6", "7", "8"]) {
      slider.value = v;
      slider.dispatchEvent(new Event("input", {bubbles: true}));
    }
    expect(written).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 150)); // the frame (or the 100 ms fallback) has come
    expect(written.length).toBe(1);
    expect(written[0]).toMatch(/vh\.effectJaren=8&v=1$/);
    slider.value = "9";
    slider.dispatchEvent(new Event("input", {bubbles: true}));
    state.save();
    expect(written.pop()).toMatch(/vh\.effectJaren=9&v=1$/);
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(written.length).toBe(1); // the pending write was done by save(), not again
  });
  test("a 0/1 switch is a checkbox: never 0,5", async () => {
    const {numberInput} = await load();
    const sw = numberInput([0, 1], {label: "Inzet (1 = ja)", step: 1, value: 1});
    expect(sw.querySelector("input[type=checkbox]").checked).toBe(true);
    expect(sw.querySelector(".number-input-box")).toBeNull();
    sw.value = 0.5;
    expect([0, 1]).toContain(sw.value);
  });
  test("a slider at its far end snaps to the step grid but never past the range (max 82.776 with step 100 stays 82.776)", async () => {
    const {numberInput} = await load();
    const form = numberInput([0, 82776], {label: "Uitkering (€)", step: 100, value: 41388});
    const slider = form.querySelector("input[type=range]");
    slider.value = "82776";
    slider.dispatchEvent(new Event("input", {bubbles: true}));
    expect(form.value).toBe(82776);
  });
});
