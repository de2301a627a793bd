// "Hoe is dit getal berekend?" for a result figure (card or total row): the rule, the rule with the
// numbers filled in, the posts' present values that make it up, and every kengetal and parameter
// behind it with source and price year (lib/finance/explain-result.ts).
import {explainResult} from "../lib/finance/explain-result.js";
import {formatEuro, formatNumber, formatPercent} from "../lib/format.js";
import {dutchFormula, el, explainable, formatValue, provenance, sourceText} from "./provenance.js";

/** @typedef {import("../lib/finance/explain-result.js").ResultExplanation} ResultExplanation */

/** @type {Record<string, string>} */
const kindLabel = {parameter: "parameter", kengetal: "kengetal", setting: "instelling"};

/**
 * @param {ResultExplanation} rx
 * @param {number | null | undefined} v
 */
function figure(rx, v) {
  if (v === null || v === undefined) return "—";
  return rx.unit === "verhouding" ? formatNumber(v, 2) : formatEuro(v);
}

/**
 * Render a ResultExplanation, as explainResult gives it.
 * @param {ResultExplanation} rx
 */
export function resultProvenance(rx) {
  /** @param {{side: string}} t */
  const side = (t) => (t.side === "cost" ? "kosten" : "baten");
  return el(
    "div",
    {class: "provenance result-provenance"},
    el("h4", {}, `${rx.label}: ${figure(rx, rx.value)}`),
    el("div", {class: "prov-formula"}, "Formule: ", el("code", {}, rx.formula)),
    el("div", {class: "prov-formula"}, "Ingevuld: ", el("code", {}, dutchFormula(rx.filled)), " = ", figure(rx, rx.value)),
    el("p", {class: "muted"}, `Contante waarden over ${rx.horizon} jaar, discontovoet ${formatPercent(rx.discountRate, 2)} (een post kan een eigen voet hebben).`),
    rx.terms.length
      ? [el("p", {}, el("strong", {}, "Posten (contante waarde)")), el("ul", {class: "prov-terms"}, rx.terms.map((t) => el("li", {}, `${t.label} (${side(t)}${t.nature === "immaterial" ? ", immaterieel" : ""}): ${formatEuro(t.amount)}`)))]
      : el("p", {class: "muted"}, "Geen posten met geldstromen."),
    rx.participants ? [el("p", {}, el("strong", {}, "Aantal deelnemers")), provenance(rx.participants)] : "",
    rx.leaves.length
      ? [
          el("p", {}, el("strong", {}, "Kengetallen en parameters erachter")),
          el(
            "ul",
            {class: "prov-leaves"},
            rx.leaves.map((k) =>
              el(
                "li",
                {class: `prov-node prov-${k.kind}`},
                el("strong", {}, k.label),
                " ",
                el("span", {class: "muted"}, `(${kindLabel[k.kind] ?? k.kind} ${k.name})`),
                `: ${formatValue(k.value, k.unit)}`,
                k.source ? el("div", {class: "prov-source"}, "Bron: ", sourceText(k.source)) : "",
                k.priceYear !== undefined ? el("div", {class: "prov-price-year"}, `Prijspeil van de bron: ${k.priceYear}${k.priceFactor && k.priceFactor !== 1 ? `; omgerekend met CPI-factor ${formatNumber(k.priceFactor, 4)}` : ""}`) : "",
                k.assumption ? el("div", {class: "prov-assumption"}, "Aanname: ", k.assumption) : ""
              )
            )
          )
        ]
      : ""
  );
}

/**
 * A result figure the reader can click: `content` (the figure as shown) opens how `measure` of
 * `scope` was computed in evaluation `e`. `actor` for an actor's saldo.
 * @param {string | Node} content
 * @param {import("../lib/model/evaluate.js").Evaluation | (() => import("../lib/model/evaluate.js").Evaluation)} e the evaluation, or where to read it when clicked (a figure updated in place)
 * @param {string} scope
 * @param {import("../lib/finance/explain-result.js").ResultMeasure} measure
 * @param {{actor?: import("../lib/schema/actors.js").ActorId, title?: string}} [options]
 * @returns {HTMLButtonElement}
 */
export function explainableResult(content, e, scope, measure, {actor, title} = {}) {
  const button = explainable(content, () => resultProvenance(explainResult(typeof e === "function" ? e() : e, scope, measure, {actor})), {title: title ?? "Hoe is dit getal berekend?"});
  // What a click explains (src/components/redrawn.js `patch` replaces, never patches, a figure whose meaning differs).
  button.dataset.explain = `${scope}|${measure}|${actor ?? ""}|${title ?? ""}`;
  return button;
}
