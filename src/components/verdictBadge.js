// A verdict as a coloured badge, and the note beside a computed figure (lib/reproduce/verdict.ts):
// small on purpose, so that every intervention page can show verdicts without the reproduction
// table's code (src/components/checks.js, which re-exports these).
import {VERDICT_LABEL, VERDICT_MEANING} from "../lib/reproduce/labels.js";
import {reproductionHref} from "../lib/reproduce/verdict.js";
import {el} from "./provenance.js";

/** @typedef {import("../lib/reproduce/checks.js").Verdict} Verdict */

/** @type {Record<Verdict, {color: string, background: string}>} */
const COLORS = {
  match: {color: "#2e7d32", background: "#e3f3e4"},
  close: {color: "#4a6500", background: "#eef5d6"},
  "report-inconsistent": {color: "#8a5a00", background: "#fff1d6"},
  "model-gap": {color: "#5b4a8a", background: "#ece8f6"},
  fail: {color: "#b3261e", background: "#fbe3e1"}
};

/** Verdicts in their fixed order, with Dutch label, meaning and colours. */
/** @type {Record<string, {label: string, meaning: string, color: string, background: string}>} */
export const VERDICT = Object.fromEntries(/** @type {Verdict[]} */ (Object.keys(VERDICT_LABEL)).map((k) => [k, {label: VERDICT_LABEL[k], meaning: VERDICT_MEANING[k], ...COLORS[k]}]));
/**
 * @param {string} verdict
 * @param {string} [text]
 */
export function badge(verdict, text = VERDICT[verdict]?.label ?? verdict) {
  const v = VERDICT[verdict] ?? {color: "#333", background: "#eee"};
  return el("span", {class: `verdict verdict-${verdict}`, "data-verdict": verdict, title: v.meaning ?? "", style: {color: v.color, background: v.background, padding: "0 0.4em", borderRadius: "3px", fontWeight: 600, whiteSpace: "nowrap"}}, text);
}

/**
 * What stands beside a computed figure (lib/reproduce/verdict.ts `figureNote`): a verdict badge linked
 * to the figure's Reproductie row, "rapport: <waarde>" as a reference once the reader moved an input,
 * or the label of Rendement's own valuation.
 * @param {import("../lib/reproduce/verdict.js").FigureNote} note
 * @param {{depth?: number, short?: boolean}} [options] depth: folders between the page and the site root (for
 *   the link); short: the verdict alone, for beside a column that shows the printed value already
 */
export function figureNoteElement(note, {depth = 0, short = false} = {}) {
  if (note.kind === "own") return el("span", {class: "figure-note figure-own", "data-note": "own", title: note.title}, note.text);
  const href = reproductionHref(note, depth);
  if (note.kind === "reference") return el("a", {class: "figure-note figure-reference", "data-note": "reference", href, title: note.title}, note.text);
  return el("a", {class: "figure-note figure-verdict", "data-note": "verdict", "data-verdict": note.verdict, href, title: note.title, style: {textDecoration: "none"}}, badge(note.verdict, short ? note.short : note.text));
}
