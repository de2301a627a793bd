// @vitest-environment jsdom
// Charts and figures changed in place on an input change (issue 18): src/components/redrawn.js.
import {afterEach, describe, expect, test} from "vitest";

type Any = any; // eslint-disable-line @typescript-eslint/no-explicit-any
const load = (): Promise<Any> => import("../../src/components/redrawn.js");

/** A ResizeObserver jsdom lacks: `resize(width)` reports that width to every observer. */
function fakeResizeObserver() {
  const observers: {callback: (entries: Any[]) => void; targets: Element[]}[] = [];
  (globalThis as Any).ResizeObserver = class {
    callback: (entries: Any[]) => void;
    targets: Element[] = [];
    constructor(callback: (entries: Any[]) => void) {
      this.callback = callback;
      observers.push(this);
    }
    observe(target: Element) {
      this.targets.push(target);
    }
    disconnect() {}
  };
  return (width: number) => {
    for (const o of observers) o.callback(o.targets.map((target) => ({target, contentRect: {width, height: 0}})));
  };
}

afterEach(() => {
  delete (globalThis as Any).ResizeObserver;
});

describe("patch", () => {
  test("changes text and attributes in place and keeps the elements", async () => {
    const {patch} = await load();
    const make = (n: string, cls: string) => {
      const div = document.createElement("div");
      div.innerHTML = `<h2>Saldo</h2><span class="big ${cls}" data-value="saldo">${n}</span><a href="#x">oordeel</a>`;
      return div;
    };
    const old = make("€ 1", "a");
    const span = old.querySelector("span");
    patch(old, make("€ 2", "b"));
    expect(old.querySelector("span")).toBe(span);
    expect(span!.textContent).toBe("€ 2");
    expect(span!.className).toBe("big b");
  });
  test("replaces a child of another kind, and a clickable figure whose meaning differs", async () => {
    const {patch} = await load();
    const old = document.createElement("div");
    old.innerHTML = `<button data-explain="x|costs||">1</button><em>a</em>`;
    const fresh = document.createElement("div");
    fresh.innerHTML = `<button data-explain="x|costPerParticipant||">2</button><strong>b</strong>`;
    const [button, em] = Array.from(old.children);
    patch(old, fresh);
    expect(old.children[0]).not.toBe(button);
    expect(old.children[0].getAttribute("data-explain")).toBe("x|costPerParticipant||");
    expect(old.children[1]).not.toBe(em);
    expect(old.innerHTML).toBe(`<button data-explain="x|costPerParticipant||">2</button><strong>b</strong>`);
  });
  test("another number of children: the children are replaced", async () => {
    const {patch} = await load();
    const old = document.createElement("p");
    old.innerHTML = "a<b>1</b>";
    const fresh = document.createElement("p");
    fresh.innerHTML = "a<b>1</b><i>2</i>";
    patch(old, fresh);
    expect(old.innerHTML).toBe("a<b>1</b><i>2</i>");
  });
  test("a <details> keeps the open state the reader gave it", async () => {
    const {patch} = await load();
    const old = document.createElement("details");
    old.innerHTML = "<summary>Afleiding</summary>€ 1";
    old.open = true;
    const fresh = document.createElement("details");
    fresh.innerHTML = "<summary>Afleiding</summary>€ 2";
    patch(old, fresh);
    expect(old.open).toBe(true);
    expect(old.textContent).toBe("Afleiding€ 2");
  });
});

describe("chartSlot", () => {
  test("draws at the measured width, again on update and on a new width; an unchanged chart stays", async () => {
    const resize = fakeResizeObserver();
    const {chartSlot} = await load();
    const slot = chartSlot();
    const widths: number[] = [];
    const chart = document.createElement("svg");
    slot.update((w: number) => (widths.push(w), chart));
    expect(slot.childNodes.length).toBe(0); // no width measured yet
    resize(600);
    expect(widths).toEqual([600]);
    expect(slot.firstChild).toBe(chart);
    const again = document.createElement("svg");
    slot.update((w: number) => (widths.push(w), again));
    expect(widths).toEqual([600, 600]);
    expect(slot.firstChild).toBe(again);
    resize(600); // the same width: nothing drawn
    expect(widths).toEqual([600, 600]);
    resize(400);
    expect(widths).toEqual([600, 600, 400]);
    slot.update(null);
    expect(slot.childNodes.length).toBe(0);
  });
  test("a drawing that fails empties the slot before the error is passed on (no old chart beside new inputs)", async () => {
    const resize = fakeResizeObserver();
    const {chartSlot} = await load();
    const slot = chartSlot();
    resize(500);
    slot.update(() => document.createElement("svg"));
    expect(slot.childNodes.length).toBe(1);
    expect(() =>
      slot.update(() => {
        throw new Error("kapot");
      })
    ).toThrow("kapot");
    expect(slot.childNodes.length).toBe(0);
  });
});
