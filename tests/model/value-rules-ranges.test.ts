import {describe, expect, it} from "vitest";
import {loadStudy} from "../../lib/io/study.js";
import {leafKind, valueProblem} from "../../lib/model/value-rules.js";
import {shippedModelFiles} from "../shipped-models.js";

// Issue 17 case 5: a share (unit fraction) lies within [0, 1], whichever way a value arrives. A page
// box or a PSA draw is one of those ways: a control or uncertainty range that leaves [0, 1] lets the
// page show 120 % of a "share" that `--set` then refuses. A multiplier or level above 1 is not a
// share; it takes a unit such as `%` (percentage points, the formula divides by 100).
describe("every control and uncertainty bound of a shipped model's input obeys the input's value rule", () => {
  for (const file of shippedModelFiles()) {
    it(file, () => {
      const model = loadStudy(file);
      const problems: string[] = [];
      for (const leaf of model.leaves) {
        const kind = leafKind(model, leaf);
        if (!leaf.leaf || kind === null) continue;
        const u = leaf.leaf.uncertainty as Record<string, unknown> | undefined;
        const bounds: [string, unknown][] = [["control.min", leaf.leaf.control?.min], ["control.max", leaf.leaf.control?.max], ...(["low", "high", "mode", "min", "max"] as const).map((k): [string, unknown] => [`uncertainty.${k}`, u?.[k]])];
        for (const [field, v] of bounds) {
          if (typeof v !== "number") continue;
          const problem = valueProblem(kind, v);
          if (problem) problems.push(`${leaf.name}: ${field}: ${problem}`);
        }
      }
      expect(problems).toEqual([]);
    });
  }
});
