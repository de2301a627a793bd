// Redraw a chart only when its data changed (issue 18): a slider move re-runs every cell that
// depends on the evaluation, but many charts show data the moved input does not touch. `sameAs`
// returns the element drawn last time for the same arguments (compared as JSON), else draws anew.
// A few recent drawings are kept; a page that shows two charts with exactly the same arguments at
// once would get one element twice (it then moves to the later place), which no page does.

const LIMIT = 16;
/** @type {Map<string, Element>} */
const recent = new Map();

/**
 * @template {Element} T
 * @param {string} name the component's name
 * @param {unknown} args everything the drawing depends on (JSON-serialisable)
 * @param {() => T} draw
 * @returns {T}
 */
export function sameAs(name, args, draw) {
  const key = `${name}\u0000${JSON.stringify(args)}`;
  const hit = recent.get(key);
  if (hit) {
    recent.delete(key);
    recent.set(key, hit);
    return /** @type {T} */ (hit);
  }
  const element = draw();
  recent.set(key, element);
  if (recent.size > LIMIT) recent.delete(/** @type {string} */ (recent.keys().next().value));
  return element;
}

/**
 * Shows `node` as the only child of `slot`, unless it already is: a chart that `sameAs` returned
 * unchanged is not taken out and put back (no new style and layout of it). `null` empties the slot.
 * @param {Element} slot
 * @param {Node | null} node
 */
export function place(slot, node) {
  if (!node) slot.replaceChildren();
  else if (slot.firstChild !== node || slot.childNodes.length !== 1) slot.replaceChildren(node);
}

/**
 * A chart's place on the page, displayed once and redrawn in place (issue 18). Framework's inline
 * `resize(render)` makes a new, empty element on every change and draws into it only after the
 * browser has laid it out (a ResizeObserver): a second style and layout pass of the page per change.
 * Here the element stays; `update(render)` draws at once at the width measured last (the first
 * drawing waits for that first measurement), and a change of width draws again, as `resize` does.
 * If drawing fails the slot is emptied before the error is passed on (a number on screen is right or
 * absent: an old chart never stays beside new inputs).
 * @returns {HTMLDivElement & {update: (render: ((width: number) => Node | null) | null) => void}}
 */
export function chartSlot() {
  const div = document.createElement("div");
  div.style.position = "relative";
  // Off screen, the browser skips its style, layout and paint until the reader scrolls near it
  // (src/style.css .chart-slot: content-visibility), so a change redraws it without laying it out.
  div.className = "chart-slot";
  /** @type {((width: number) => Node | null) | null} */
  let render = null;
  /** @type {number | undefined} */
  let width;
  const draw = () => {
    if (!render) return place(div, null);
    if (!(width !== undefined && width > 0)) return;
    try {
      place(div, render(width));
    } catch (error) {
      place(div, null);
      throw error;
    }
  };
  if (typeof ResizeObserver === "function") {
    new ResizeObserver(([entry]) => {
      const w = entry.contentRect.width;
      if (w === width) return;
      width = w;
      draw();
    }).observe(div);
  }
  return Object.assign(div, {
    /** @param {((width: number) => Node | null) | null} next */
    update(next) {
      render = next;
      // Unknown width (not yet on the page, or not yet measured): the first measurement draws. Until
      // then an older drawing is removed, so it never shows beside new inputs.
      if (width === undefined || !(width > 0)) place(div, null);
      draw();
    }
  });
}

/**
 * Makes `old` (an element on the page) show what `fresh` (the same component made anew) shows, in
 * place: text and attributes are changed where they differ, a child of another kind (or another
 * count of children) is replaced, the rest stays (the same elements: no new style and layout where
 * nothing changed). Listeners stay those of `old`, so a component patched this way must make its
 * listeners read the current state when fired (e.g. explainableResult with a getter); a clickable
 * figure whose meaning differs (`data-explain`) is replaced, never patched. A <details> keeps its
 * open state.
 * @param {Node} old
 * @param {Node} fresh
 */
export function patch(old, fresh) {
  if (old.nodeType === 3 || old.nodeType === 8) {
    if (old.nodeValue !== fresh.nodeValue) old.nodeValue = fresh.nodeValue;
    return;
  }
  if (old instanceof Element && fresh instanceof Element) {
    if (old.getAttribute("data-explain") !== fresh.getAttribute("data-explain")) return void old.replaceWith(fresh);
    // A <details> keeps the open state the reader gave it.
    const kept = (/** @type {string} */ name) => name === "open" && old.tagName === "DETAILS";
    for (const name of old.getAttributeNames()) if (!fresh.hasAttribute(name) && !kept(name)) old.removeAttribute(name);
    for (const name of fresh.getAttributeNames()) {
      if (kept(name)) continue;
      const value = /** @type {string} */ (fresh.getAttribute(name));
      if (old.getAttribute(name) !== value) old.setAttribute(name, value);
    }
  }
  const kids = Array.from(fresh.childNodes);
  const was = Array.from(old.childNodes);
  if (was.length !== kids.length) return void (/** @type {Element} */ (old).replaceChildren(...kids));
  kids.forEach((kid, i) => (was[i].nodeName === kid.nodeName && was[i].nodeType === kid.nodeType ? patch(was[i], kid) : was[i].replaceWith(kid)));
}
