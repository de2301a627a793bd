// Style rules that a page needs only in a rare state (inputs without a finite result, an invalid
// study in the preview), inserted while that state lasts. Their selectors use :has(), and a :has()
// rule in the site stylesheet makes Chromium re-check it on every change of the page, whether or not
// it matches: the results-stale rule alone cost about 35 ms of style recalculation per slider move on
// the largest intervention page (measured 7 December 2026, bench/frame.bench.ts; docs/testing.md).

/**
 * Puts the rules `css` in the document (one <style> per `id`) when `on`, and takes them out when not.
 * @param {string} id
 * @param {string} css
 * @param {boolean} on
 */
export function pageRule(id, css, on) {
  if (typeof document === "undefined") return;
  const existing = document.head.querySelector(`style[data-page-rule="${id}"]`);
  if (on && !existing) {
    const style = document.createElement("style");
    style.dataset.pageRule = id;
    style.textContent = css;
    document.head.append(style);
  } else if (!on && existing) existing.remove();
}
