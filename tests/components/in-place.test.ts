// @vitest-environment jsdom
// Tables updated in place on an input change (issue 18): numbersTable(rows).update(next) and
// municipality(roles).update(overrides) change the cells' text and the boxes' values, keep the elements, and the downloads
// and explanations read the rows shown last.
import {describe, expect, test} from "vitest";

type Any = any; // eslint-disable-line @typescript-eslint/no-explicit-any
const load = (name: string): Promise<Any> => import(`../../src/components/${name}.js`);

describe("in-place updates", () => {
  test("numbersTable.update shows the new values in the same cells and buttons; the explanation reads the row shown at the click", async () => {
    const {numbersTable} = await load("provenance");
    const explained: unknown[] = [];
    const columns = [
      {key: "label", label: "post"},
      {key: "amount", label: "bedrag", format: (v: number) => `€ ${v}`, explain: (r: Any) => (explained.push(r.amount), document.createTextNode("uitleg"))}
    ];
    const table = numbersTable([{label: "a", amount: 1}, {label: "b", amount: 2}], columns);
    const cells = () => Array.from(table.querySelectorAll("tbody td")) as HTMLElement[];
    const before = cells();
    const button = before[1].querySelector("button")!;
    // jsdom has no modal dialogs.
    (HTMLDialogElement.prototype as Any).showModal ??= function (this: HTMLDialogElement) {
      this.open = true;
    };
    table.update([{label: "a", amount: 10}, {label: "b", amount: 2}]);
    expect(cells().map((c) => c.textContent)).toEqual(["a", "€ 10", "b", "€ 2"]);
    expect(cells()).toEqual(before); // the same elements
    expect(before[1].querySelector("button")).toBe(button);
    button.click();
    expect(explained).toEqual([10]);
    document.querySelector("dialog")?.remove();
    // Another number of rows: the body is laid out anew.
    table.update([{label: "c", amount: 3}]);
    expect(cells().map((c) => c.textContent)).toEqual(["c", "€ 3"]);
  });
  test("municipality.update marks a changed input and shows its value in the same box; back at the base value the mark goes", async () => {
    const {municipality} = await load("municipality");
    const roles = {intervention: "x", roles: [{role: "participants", input: "x.n", label: "Deelnemers", value: 10, unit: "personen", range: null, explanation: null}]};
    const controls = document.createElement("div");
    const section = municipality(roles, {controls, ranges: {"x.n": {min: 1, max: 1000}}, labels: {participants: "Deelnemers"}});
    const role = section.querySelector("[data-role=participants]")!;
    const box = section.querySelector("[data-input='x.n']") as Any;
    const mark = role.querySelector(".changed-mark") as HTMLElement;
    const pending = () => new Promise(() => {}); // the results are not part of this test
    expect([role.hasAttribute("data-changed"), mark.hidden, box.value]).toEqual([false, true, 10]);
    section.update({"x.n": 12}, pending);
    expect(section.querySelector("[data-role=participants]")).toBe(role);
    expect(section.querySelector("[data-input='x.n']")).toBe(box);
    expect([role.hasAttribute("data-changed"), mark.hidden, box.value]).toEqual([true, false, 12]);
    section.update({}, pending);
    expect([role.hasAttribute("data-changed"), mark.hidden, box.value]).toEqual([false, true, 10]);
  });
});
