// Verdicts for printed-versus-computed checks (browser-safe).
import type {PrintedFigure} from "../schema/printed.js";

export type Verdict = "match" | "explained" | "fail";

export interface Check {
  study: string;
  id: string;
  quantity: string;
  source: string;
  printed: number;
  computed: number | null;
  unit: string;
  tolerance: number;
  toleranceWhy: string;
  difference: number | null;
  verdict: Verdict;
  explanation: string;
  reconstructed: boolean;
}

/**
 * `match` when |computed − printed| ≤ tolerance; otherwise `explained` when the figure carries an
 * explanation of the known gap, else `fail`. A figure without a computation always fails.
 */
export function judge(study: string, figure: PrintedFigure, computed: number | null, note = ""): Check {
  const difference = computed === null || !Number.isFinite(computed) ? null : computed - figure.printed;
  const within = difference !== null && Math.abs(difference) <= figure.tolerance + 1e-9 * Math.max(1, Math.abs(figure.printed));
  const verdict: Verdict = within ? "match" : figure.explanation ? "explained" : "fail";
  const explanation = [
    within ? "" : figure.explanation ?? (computed === null ? "no computation for this figure" : "differs beyond the tolerance and no explanation is recorded"),
    note
  ]
    .filter(Boolean)
    .join(" ");
  return {
    study,
    id: figure.id,
    quantity: figure.quantity,
    source: figure.source,
    printed: figure.printed,
    computed,
    unit: figure.unit,
    tolerance: figure.tolerance,
    toleranceWhy: figure.toleranceWhy,
    difference,
    verdict,
    explanation,
    reconstructed: figure.reconstructed ?? false
  };
}
