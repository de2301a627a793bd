// What a result figure on a page says about the report (browser-safe): its verdict against the
// printed figure, its basis ("per deelnemer" or "totaal"), and whether it is Rendement's own figure.
//
// - The link figure → printed figure is data: a study's `items[].printed` ({figure, computed}), a
//   tool's `outputs[].figure`, the cockpit's `figurePrefix`. The verdict is the one of the figure's
//   row on the Reproductie page (lib/reproduce/run.ts), linked by its anchor.
// - A verdict holds only at the report's inputs. Once the reader moves an input, the page shows the
//   printed value as a reference ("rapport: 1,0"), never a verdict.
// - A headline figure without a printed counterpart is Rendement's own valuation, and says so.
import type {Check, Verdict} from "./checks.js";
import type {Basis} from "../schema/printed.js";
import {VERDICT_LABEL} from "./labels.js";
import {formatNumber, formatQuantity, isKnownUnit} from "../format.js";
import type {CompiledModel} from "../model/compile.js";
import type {LeafValue, Overrides} from "../model/evaluate.js";

/** A printed figure as a page needs it: the check's verdict and where its Reproductie row is. */
export interface PageVerdict {
  study: string;
  id: string;
  quantity: string;
  printed: number;
  unit: string;
  decimals: number;
  verdict: Verdict;
  basis: Basis;
  computed: number | null;
  gapPercent: number | null;
  /** The Dutch explanation of the Reproductie row (cause, note). */
  explanation: string;
  /** Id of the figure's row on the Reproductie page. */
  anchor: string;
}

/** Id of a check's row on the Reproductie page (src/components/checks.js sets it on the row). */
export function reproductionAnchor(study: string, id: string): string {
  return `${study}--${id}`;
}

/** Address of a check's row on the Reproductie page, from a page `depth` folders below the root. */
export function reproductionHref(v: Pick<PageVerdict, "study" | "anchor">, depth = 0): string {
  return `${"../".repeat(depth) || "./"}reproductie.html?study=${encodeURIComponent(v.study)}#${encodeURIComponent(v.anchor)}`;
}

export function pageVerdict(check: Check): PageVerdict {
  return {
    study: check.study,
    id: check.id,
    quantity: check.quantity,
    printed: check.printed,
    unit: check.unit,
    decimals: check.decimals,
    verdict: check.verdict,
    basis: check.basis,
    computed: check.computed,
    gapPercent: check.gapPercent,
    explanation: check.explanation,
    anchor: reproductionAnchor(check.study, check.id)
  };
}

/** The printed value as the report prints it ("1,0", "€ 1.957.000", "4,4 jaar"). */
export function printedText(v: Pick<PageVerdict, "printed" | "unit" | "decimals">): string {
  const digits = Math.max(0, v.decimals);
  if (v.unit === "fraction") return formatQuantity(v.printed, "fraction", {digits: Math.max(0, v.decimals - 2)});
  if (isKnownUnit(v.unit)) return formatQuantity(v.printed, v.unit, {digits});
  return `${formatNumber(v.printed, digits)} ${v.unit}`;
}

/** What stands beside a figure. */
export type FigureNote =
  | {kind: "verdict"; verdict: Verdict; text: string; short: string; title: string; anchor: string; study: string}
  | {kind: "reference"; text: string; title: string; anchor: string; study: string}
  | {kind: "own"; text: string; title: string};

export const OWN_FIGURE_TEXT = "eigen waardering van Rendement";
export const OWN_FIGURE_TITLE = "Het rapport drukt dit getal niet: het is een waardering van Rendement, geen reproductie.";

/**
 * The note beside a computed figure: the verdict at the report's inputs ("klopt · rapport 1,5",
 * "niet te reproduceren · rapport 1,0", "dichtbij (+13,0%) · rapport € 1.957.000"), the printed value
 * as a reference once the reader moved an input ("rapport: 1,0"), or, without a printed counterpart,
 * that the figure is Rendement's own.
 */
export function figureNote(v: PageVerdict | null | undefined, {atReport}: {atReport: boolean}): FigureNote {
  if (!v) return {kind: "own", text: OWN_FIGURE_TEXT, title: OWN_FIGURE_TITLE};
  const printed = printedText(v);
  if (!atReport) {
    return {kind: "reference", text: `rapport: ${printed}`, title: `Het rapport drukt ${printed} bij zijn eigen invoer. U hebt invoer verschoven: dit is een referentie, geen oordeel.`, anchor: v.anchor, study: v.study};
  }
  const gap = v.verdict === "close" && v.gapPercent !== null ? ` (${v.gapPercent > 0 ? "+" : ""}${formatNumber(v.gapPercent, 1)}%)` : "";
  return {
    kind: "verdict",
    verdict: v.verdict,
    text: `${VERDICT_LABEL[v.verdict]}${gap} · rapport ${printed}`,
    // Beside a printed column that shows the printed value already.
    short: `${VERDICT_LABEL[v.verdict]}${gap}`,
    title: [`Oordeel bij de invoer van het rapport: ${VERDICT_LABEL[v.verdict]}.`, v.explanation].filter(Boolean).join(" "),
    anchor: v.anchor,
    study: v.study
  };
}

function sameValue(a: LeafValue, b: LeafValue | undefined): boolean {
  if (b === undefined) return false;
  const close = (x: number, y: number) => x === y || Math.abs(x - y) <= 1e-9 * Math.max(1, Math.abs(x), Math.abs(y));
  if (typeof a === "number" || typeof b === "number") return typeof a === "number" && typeof b === "number" && close(a, b);
  const [xs, ys] = [Array.from(a as ArrayLike<number>), Array.from(b as ArrayLike<number>)];
  return xs.length === ys.length && xs.every((x, i) => close(x, ys[i]));
}

/**
 * Whether the inputs are at the model's own (the report's) values: every override sets an input to
 * its base value. An unknown input name counts as moved.
 */
export function atReportInputs(model: CompiledModel, overrides: Overrides): boolean {
  return Object.entries(overrides).every(([name, value]) => {
    const node = model.nodes.get(name);
    return node?.leaf !== undefined && sameValue(value, node.leaf.value as LeafValue);
  });
}

/** Whether a headline amount is per participant or a total (and over how many). */
export type AmountBasis = {kind: "per-participant"} | {kind: "total"; participants: number | null};

/**
 * The basis of an intervention's amounts (costs, benefits, saldo): a model with a participant count
 * gives totals over that count; a model whose amounts are per participant already (study item
 * `amountsPerParticipant`) gives amounts per participant; otherwise a total without a count.
 * Figures divided by the participant count (`costPerParticipant` …) are always per participant.
 */
export function amountBasis(participants: number | null, amountsPerParticipant = false): AmountBasis {
  if (participants !== null && participants !== undefined) return {kind: "total", participants};
  return amountsPerParticipant ? {kind: "per-participant"} : {kind: "total", participants: null};
}

/** "per deelnemer", "totaal, 60 deelnemers" or "totaal". */
export function basisText(b: AmountBasis): string {
  if (b.kind === "per-participant") return "per deelnemer";
  return b.participants === null ? "totaal" : `totaal, ${formatNumber(b.participants)} ${b.participants === 1 ? "deelnemer" : "deelnemers"}`;
}

/** Result keys of a page (lib/schema/study.ts `computedResults`) that are divided by the participants. */
export const PER_PARTICIPANT_RESULTS = ["costPerParticipant", "benefitPerParticipant", "saldoPerParticipant"] as const;
