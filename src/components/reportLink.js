// The link to a study's report (src/studies/[study]/rapport.md) from another page of the study. A
// module of its own, apart from studyReport.js, so that the pages that link to the report do not
// reach the Word writer's dynamic import (tests/site/js-size.test.ts counts what a page may load).
import {el} from "./provenance.js";

/**
 * The link to the study report from another page of the study: it carries the page's current
 * inputs (the address), read when the reader follows or copies it.
 * @param {{hash?: string, text?: string}} [options]
 */
export function reportLink({hash = "", text = "Studierapport"} = {}) {
  const a = el("a", {href: `./rapport.html${hash}`, class: "report-link"}, text);
  const update = () => (a.href = `./rapport.html${location.search}${hash}`);
  for (const type of ["pointerenter", "focus", "click", "contextmenu"]) a.addEventListener(type, update);
  return a;
}
