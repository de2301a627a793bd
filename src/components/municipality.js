// "Uw gemeente" on an intervention page (issue 20, point 1), first step: the inputs the model declares
// for the roles of lib/analysis/roles.ts (participants, benefit level, cost per participant,
// effect), each with its value at the reader's inputs (changed ones marked), the range the
// evidence supports, and where a role is missing the Dutch text roles.ts gives. The values are set
// with the page's own controls (whose state lives in the address, src/components/pageState.js).
import {formatValue, el} from "./provenance.js";
import {tableCards} from "./labels.js";

const BASIS = {uncertainty: "onzekerheid in het model", control: "bereik van de schuifregelaar", study: "bereik volgens de studie"};

/**
 * @param {import("../lib/analysis/roles.js").InterventionRoles} roles the intervention's roles
 * @param {{overrides: Record<string, number | number[]>, labels: Record<string, string>}} options
 */
export function municipality(roles, {overrides, labels}) {
  const rows = roles.roles.map((r) => {
    const name = labels[r.role] ?? r.role;
    if (!r.input) return el("tr", {"data-role": r.role, "data-missing": ""}, el("th", {}, name), el("td", {colspan: 3, class: "muted"}, r.explanation ?? ""));
    const now = overrides[r.input] ?? r.value;
    const changed = JSON.stringify(now) !== JSON.stringify(r.value);
    return el(
      "tr",
      {"data-role": r.role, "data-changed": changed ? "" : undefined},
      el("th", {}, name),
      el("td", {}, r.label ?? r.input),
      el("td", {class: "num"}, formatValue(/** @type {number | number[]} */ (now), r.unit ?? ""), changed ? el("strong", {class: "changed-mark"}, " (gewijzigd)") : ""),
      el("td", {}, r.range ? `${formatValue(r.range.low, r.unit ?? "")} tot ${formatValue(r.range.high, r.unit ?? "")} (${BASIS[r.range.basis]}${r.range.source ? `: ${r.range.source}` : ""})` : "geen bereik opgegeven", r.explanation ? el("div", {class: "muted"}, r.explanation) : "")
    );
  });
  return tableCards(el(
    "div",
    {class: "municipality", "data-roles": roles.intervention},
    el("table", {}, el("thead", {}, el("tr", {}, el("th", {}, "rol"), el("th", {}, "invoer"), el("th", {}, "waarde nu"), el("th", {}, "bereik dat het bewijs steunt"))), el("tbody", {}, rows))
  ));
}
