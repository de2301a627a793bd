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
