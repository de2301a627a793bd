// "Uw gemeente" on an intervention page (issue 20, point 1), first step: the inputs the model declares
// for the roles of lib/analysis/roles.ts (participants, benefit level, cost per participant,
// effect), each with its value at the reader's inputs (changed ones marked), the range the
// evidence supports, and where a role is missing the Dutch text roles.ts gives. The values are set
// with the page's own controls (whose state lives in the address, src/components/pageState.js).
import {formatValue, el} from "./provenance.js";
import {tableCards} from "./labels.js";

const BASIS = {uncertainty: "onzekerheid in het model", control: "bereik van de schuifregelaar", study: "bereik volgens de studie"};

/**
 * The table; its `update(overrides)` shows other inputs in place (a slider move changes the value
 * cells, not the table).
 * @param {import("../lib/analysis/roles.js").InterventionRoles} roles the intervention's roles
 * @param {{overrides: Record<string, number | number[]>, labels: Record<string, string>}} options
 * @returns {HTMLElement & {update: (overrides: Record<string, number | number[]>) => void}}
 */
export function municipality(roles, {overrides, labels}) {
  /** @type {((overrides: Record<string, number | number[]>) => void)[]} */
  const updates = [];
  const rows = roles.roles.map((r) => {
    const name = labels[r.role] ?? r.role;
    if (!r.input) return el("tr", {"data-role": r.role, "data-missing": ""}, el("th", {}, name), el("td", {colspan: 3, class: "muted"}, r.explanation ?? ""));
    const input = r.input;
    const value = el("td", {class: "num"});
    const tr = el(
      "tr",
      {"data-role": r.role},
      el("th", {}, name),
      el("td", {}, r.label ?? r.input),
      value,
      el("td", {}, r.range ? `${formatValue(r.range.low, r.unit ?? "")} tot ${formatValue(r.range.high, r.unit ?? "")} (${BASIS[r.range.basis]}${r.range.source ? `: ${r.range.source}` : ""})` : "geen bereik opgegeven", r.explanation ? el("div", {class: "muted"}, r.explanation) : "")
    );
    let shown = "";
    updates.push((o) => {
      const now = o[input] ?? r.value;
      const changed = JSON.stringify(now) !== JSON.stringify(r.value);
      const text = formatValue(/** @type {number | number[]} */ (now), r.unit ?? "");
      if (`${text}|${changed}` === shown) return;
      shown = `${text}|${changed}`;
      tr.toggleAttribute("data-changed", changed);
      value.replaceChildren(text, changed ? el("strong", {class: "changed-mark"}, " (gewijzigd)") : "");
    });
    return tr;
  });
  const update = (/** @type {Record<string, number | number[]>} */ o) => updates.forEach((u) => u(o));
  update(overrides);
  const table = tableCards(el(
    "div",
    {class: "municipality", "data-roles": roles.intervention},
    el("table", {}, el("thead", {}, el("tr", {}, el("th", {}, "rol"), el("th", {}, "invoer"), el("th", {}, "waarde nu"), el("th", {}, "bereik dat het bewijs steunt"))), el("tbody", {}, rows))
  ));
  return Object.assign(table, {update});
}
