// "Uw gemeente" on an intervention page (issue 20, point 1): the municipality's own numbers in boxes
// of their own (participants, benefit level, cost per participant, effect), each beside the study's
// value and the range the evidence supports; then MKBA per actor, payback and the saldo over the
// effect's evidence range for that municipality (lib/analysis/municipality.ts).
//
// One value, one place: every box here mirrors the page's control of the same input (controls.js,
// which holds the value, writes the address through pageState.js and feeds the model). Typing here
// sets that control and announces it; a change of the control (its slider, the address, the reset
// button) comes back through `update`. The effect box is bounded by the evidence range and refuses
// a value outside it (never clamped). Where a role has no input or no range, the row says what the
// page cannot do (the Dutch text of lib/analysis/roles.ts).
import {formatEuro} from "../lib/format.js";
import {formatValue, el, numbersTable} from "./provenance.js";
import {numberInput} from "./numberInput.js";
import {tableCards} from "./labels.js";

const BASIS = {uncertainty: "onzekerheid in het model", control: "bereik van de schuifregelaar", study: "bereik volgens de studie"};

/** @param {number | number[]} v */
const largest = (v) => (typeof v === "number" ? v : v.reduce((m, x) => (Math.abs(x) > Math.abs(m) ? x : m), 0));
/** @param {number} x */
const round12 = (x) => Number(x.toPrecision(12));

/**
 * @param {import("../lib/analysis/roles.js").InterventionRoles} roles the intervention's roles
 * @param {object} options
 * @param {HTMLElement} options.controls the page's controls (controls.js), which hold the values
 * @param {Record<string, {min: number, max: number, step?: number, scale?: "log"}>} options.ranges the role inputs' box ranges (model units)
 * @param {Record<string, string>} options.labels Dutch role names
 * @returns {HTMLElement & {update: (overrides: Record<string, number | number[]>, results: () => Promise<import("../lib/analysis/municipality.js").MunicipalityResults>) => void}}
 */
export function municipality(roles, {controls, ranges, labels}) {
  /** @type {{role: import("../lib/analysis/roles.js").ResolvedRole, box: import("./numberInput.js").NumberInput, k: number, base: number, mark: HTMLElement}[]} */
  const bound = [];
  const rows = roles.roles.map((r) => {
    const name = labels[r.role] ?? r.role;
    if (!r.input) return el("div", {class: "municipality-role", "data-role": r.role, "data-missing": ""}, el("strong", {}, name), el("p", {class: "muted municipality-note"}, r.explanation ?? ""));
    const input = r.input;
    const pct = r.unit === "fraction";
    const k = pct ? 100 : 1;
    const unit = pct ? "%" : r.unit ?? "";
    const base = round12(largest(/** @type {number | number[]} */ (r.value)) * k);
    const own = ranges[input];
    // The effect's box is the evidence range (refusing); the others take the control's range.
    const evidence = r.role === "effect" ? r.range : null;
    const bounded = !!evidence;
    const [min, max] = evidence ? [evidence.low, evidence.high] : [own.min, own.max];
    const box = numberInput([round12(min * k), round12(max * k)], {
      label: `${name}${unit ? ` (${unit})` : ""}`,
      value: base,
      step: own.step !== undefined ? round12(own.step * k) : undefined,
      scale: own.scale === "log" && min > 0 ? "log" : "linear",
      refuse: bounded,
      rangeText: "het bereik dat het bewijs steunt"
    });
    box.dataset.role = r.role;
    box.dataset.input = input;
    box.addEventListener("input", (event) => {
      event.stopPropagation();
      const control = /** @type {(HTMLElement & {value: number}) | null} */ (controls.querySelector(`form[data-leaf="${CSS.escape(input)}"]`));
      if (!control) return;
      control.value = box.value;
      control.dispatchEvent(new Event("input", {bubbles: true}));
    });
    const mark = el("strong", {class: "changed-mark", hidden: true}, "gewijzigd");
    bound.push({role: r, box, k, base, mark});
    const range = r.range ? `${formatValue(r.range.low * k, unit)} tot ${formatValue(r.range.high * k, unit)} (${BASIS[r.range.basis]}${r.range.source ? `: ${r.range.source}` : ""})` : "geen bereik opgegeven";
    return el(
      "div",
      {class: "municipality-role", "data-role": r.role},
      box,
      el("p", {class: "muted municipality-note"}, `${r.label ?? input}. Studie: ${formatValue(base, unit)}. `, mark, el("br"), `Bereik dat het bewijs steunt: ${range}.`, r.explanation ? el("span", {}, " ", r.explanation) : "")
    );
  });
  const results = el("div", {class: "municipality-results", "aria-live": "polite"});
  const root = /** @type {HTMLElement & {update: any}} */ (/** @type {unknown} */ (
    el(
      "div",
      {class: "municipality", "data-roles": roles.intervention},
      el("div", {class: "municipality-inputs"}, rows),
      results
    )
  ));
  let token = 0;
  /**
   * The boxes at the page's values (marking changed ones), then the results (computed when `results` resolves).
   * @param {Record<string, number | number[]>} overrides
   * @param {() => Promise<import("../lib/analysis/municipality.js").MunicipalityResults>} compute
   */
  root.update = (overrides, compute) => {
    for (const b of bound) {
      const v = overrides[/** @type {string} */ (b.role.input)];
      const shown = v === undefined ? b.base : round12(largest(v) * b.k);
      if (b.box.value !== shown) b.box.value = shown;
      const changed = Math.abs(shown - b.base) > 1e-12 * Math.max(1, Math.abs(b.base));
      b.mark.hidden = !changed;
      b.box.parentElement?.toggleAttribute("data-changed", changed);
    }
    const mine = ++token;
    if (!bound.length) {
      results.replaceChildren(el("p", {class: "muted", "data-effect-range": "none"}, "Dit model heeft geen invoer die een gemeente met eigen cijfers kan vullen (zie hierboven waarom); de uitkomsten op deze pagina gelden voor de studie zelf."));
      return;
    }
    compute().then(
      (r) => {
        if (mine === token) results.replaceChildren(resultsView(r));
      },
      (error) => {
        if (mine === token) results.replaceChildren(el("p", {class: "evaluation-notice"}, `Voor uw gemeente is bij deze invoer niets te berekenen: ${error?.messageNl ?? error?.message ?? error}`));
      }
    );
  };
  return root;
}

/**
 * The MKBA per actor, the payback (when the page has a rule) and the saldo over the effect's evidence range.
 * @param {import("../lib/analysis/municipality.js").MunicipalityResults} r
 */
export function resultsView(r) {
  const withPayback = r.total.payback !== null;
  const rows = [...r.actors.map((a) => ({...a, kind: "actor"})), {actor: "total", label: "Totaal (maatschappelijk saldo)", costs: r.total.costs, benefits: r.total.benefits, saldo: r.total.saldo, paybackText: r.total.paybackText, kind: "total"}];
  const eur = (/** @type {number} */ v) => formatEuro(v);
  const table = el(
    "table",
    {class: "municipality-actors"},
    el("thead", {}, el("tr", {}, el("th", {}, "belanghebbende"), el("th", {class: "num"}, "kosten"), el("th", {class: "num"}, "baten"), el("th", {class: "num"}, "saldo"), withPayback ? el("th", {class: "num"}, "terugverdientijd") : null)),
    el(
      "tbody",
      {},
      rows.map((a) =>
        el(
          "tr",
          {"data-actor": a.actor, class: a.kind === "total" ? "total" : undefined},
          el("th", {}, a.label),
          el("td", {class: "num"}, eur(a.costs)),
          el("td", {class: "num"}, eur(a.benefits)),
          el("td", {class: "num", "data-saldo": String(a.saldo)}, eur(a.saldo)),
          withPayback ? el("td", {class: "num wraps"}, a.paybackText ?? "—") : null
        )
      )
    )
  );
  const e = r.effectRange;
  const range = e
    ? el(
        "p",
        {"data-effect-range": "", "data-low": String(Math.min(e.saldoLow, e.saldoHigh)), "data-high": String(Math.max(e.saldoLow, e.saldoHigh))},
        `Onzekerheid: met het effect (${e.label}) aan de randen van het bereik dat het bewijs steunt, van ${formatValue(e.low, e.unit)} tot ${formatValue(e.high, e.unit)}, ligt het maatschappelijk saldo voor uw gemeente tussen ${eur(Math.min(e.saldoLow, e.saldoHigh))} en ${eur(Math.max(e.saldoLow, e.saldoHigh))}. `,
        e.crossesZero ? el("strong", {}, "Dat bereik loopt door nul: de uitkomst is onzeker (baten en kosten zijn binnen de onzekerheid in evenwicht).") : `Binnen dat bereik blijft het saldo ${e.saldoLow > 0 ? "positief" : "negatief"}.`
      )
    : el("p", {class: "muted", "data-effect-range": "none"}, "Onzekerheid: het model geeft voor het effect geen bereik dat het bewijs steunt, dus hier is geen bandbreedte van het saldo voor uw gemeente te geven.");
  return el(
    "div",
    {},
    el("h3", {}, "MKBA voor uw gemeente, per belanghebbende"),
    tableCards(table),
    !withPayback ? el("p", {class: "muted"}, "Dit model geeft geen regel voor de terugverdientijd; die staat hier daarom niet.") : null,
    range,
    numbersTable(
      rows.map((a) => ({label: a.label, costs: a.costs, benefits: a.benefits, saldo: a.saldo, payback: a.paybackText ?? "—"})),
      [
        {key: "label", label: "belanghebbende"},
        {key: "costs", label: "kosten", format: eur, align: "right"},
        {key: "benefits", label: "baten", format: eur, align: "right"},
        {key: "saldo", label: "saldo", format: eur, align: "right"},
        ...(withPayback ? [{key: "payback", label: "terugverdientijd"}] : [])
      ],
      {summary: "Uw gemeente per belanghebbende (downloaden)", filename: "uw-gemeente-per-belanghebbende.csv"}
    )
  );
}
