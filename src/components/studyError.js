// The panel a study page shows in the preview (`npm start`) when the study's files are invalid: the
// loader wrote `{error}` (lib/io/loader-error.ts) instead of failing, so this study says what is
// wrong, in Dutch, with each `file:line: field` message, and the other studies keep working.
import {el} from "./provenance.js";
import {pageRule} from "./pageRule.js";

// With the panel, the template's empty headings, the cells that wait for data that will not come and
// the table of contents are hidden (a :has() rule, inserted only with the panel: pageRule.js).
const ERROR_RULE = `#observablehq-main:has([data-study-error]) :is(h2, h3, .observablehq:has(observablehq-loading), .card:has(observablehq-loading)) {
  display: none;
}
body:has([data-study-error]) #observablehq-toc {
  display: none !important;
}`;

/**
 * @param {string} error the loader's message: one `file:line: field: …` line per problem
 * @returns {HTMLElement}
 */
export function studyErrorPanel(error) {
  return el(
    "div",
    {class: "warning", label: "Fout in de studiebestanden", "data-study-error": ""},
    el("p", {}, el("strong", {}, "Deze studie kan niet worden getoond: de bestanden bevatten een fout.")),
    el("p", {}, "Herstel het bestand op de genoemde regel en laad de pagina opnieuw. ", el("code", {}, "rendement check <studiemap>"), " geeft dezelfde meldingen."),
    el("pre", {}, String(error))
  );
}

/**
 * The study data of a page, or, when the loader reported an error, the error panel (displayed with
 * `show`) and a value that never arrives, so the page's other cells wait instead of failing.
 * @template T
 * @param {T | {error: string}} data
 * @param {(node: Node) => void} show the page's `display`
 * @returns {T | Promise<never>}
 */
export function studyData(data, show) {
  if (data && typeof data === "object" && "error" in data && typeof data.error === "string") {
    show(studyErrorPanel(data.error));
    pageRule("study-error", ERROR_RULE, true);
    return new Promise(() => {});
  }
  return /** @type {T} */ (data);
}
