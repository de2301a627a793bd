// "Citeer dit resultaat" under a result card (issue 20, point 6): version, commit and date of the
// build (read from the page's citation footer, which observablehq.config.ts writes from
// scripts/build-info.ts), the page address with its settings, and the short content hash of the
// model file, kengetallen and settings (lib/analysis/cite.ts, lib/analysis/content-hash.ts).
import {el} from "./provenance.js";

/** The build's version, commit and date from the footer (`.rendement-build`), or placeholders. */
export function buildInfo(doc = document) {
  const b = /** @type {HTMLElement | null} */ (doc.querySelector(".rendement-build"));
  const time = b?.querySelector("time");
  return {version: b?.dataset.buildVersion ?? "onbekend", commit: b?.dataset.buildCommit ?? null, date: time?.textContent ?? b?.dataset.buildDate ?? "onbekend"};
}

/**
 * A folded "Citeer dit resultaat" block; the line (and its hash) is made when the reader opens it,
 * so it costs nothing in the input → redraw path.
 * @param {{model: import("../lib/model/compile.js").CompiledModel, input: import("../lib/analysis/content-hash.js").HashInput, overrides: Record<string, number | number[]>, what: string}} data
 */
export function citeResult({model, input, overrides, what}) {
  let at = {overrides, what};
  const out = el("p", {class: "cite-line", "data-cite": ""});
  const copy = el("button", {type: "button"}, "Kopieer");
  const details = el("details", {class: "cite-result"}, el("summary", {}, "Citeer dit resultaat"), out, copy);
  // lib/analysis/cite.ts (SHA-256, the changed-input rule) loads when the reader opens the block.
  const make = async () => {
    const {citationLine, resultHash} = await import("../lib/analysis/cite.js");
    const hash = resultHash(model, input, at.overrides);
    const line = citationLine({what: at.what, ...buildInfo(), url: location.href, hash});
    out.textContent = line;
    out.dataset.cite = hash;
    return line;
  };
  details.addEventListener("toggle", () => details.open && make());
  copy.addEventListener("click", async () => {
    const line = await make();
    navigator.clipboard?.writeText(line).then(() => (copy.textContent = "Gekopieerd"), () => {});
  });
  // A slider move changes what the block cites, not the block (it stays open or folded).
  return Object.assign(details, {
    /** @param {{overrides: Record<string, number | number[]>, what: string}} next */
    update(next) {
      at = next;
      if (!details.open) return;
      // The line of the old inputs goes at once; the new one follows (the code is loaded by then).
      out.textContent = "";
      out.dataset.cite = "";
      make();
    }
  });
}
