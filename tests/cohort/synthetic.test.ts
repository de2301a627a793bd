import {describe, expect, it} from "vitest";
import {generateSyntheticCohort, SEED002_PROFILES} from "../../lib/cohort/synthetic.js";
import {cohortRowSchema, durationOf} from "../../lib/schema/cohort.js";
import {curvesByGroup} from "../../lib/cohort/curves.js";
import {incidenceAt} from "../../lib/cohort/aalen-johansen.js";

describe("generateSyntheticCohort", () => {
  it("is deterministic: the same seed gives the same rows, another seed other rows", () => {
    const a = generateSyntheticCohort({seed: 7, scale: 0.5});
    const b = generateSyntheticCohort({seed: 7, scale: 0.5});
    const c = generateSyntheticCohort({seed: 8, scale: 0.5});
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
  });

  it("produces rows that pass the full cohort schema, with group sizes n·scale of seed 002 Tabel 1", () => {
    const rows = generateSyntheticCohort({seed: 1, scale: 1});
    for (const p of SEED002_PROFILES) expect(rows.filter((r) => r.group === p.name)).toHaveLength(p.n);
    for (const r of rows) {
      const raw = Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v === null || v === undefined ? "" : String(v)]));
      const parsed = cohortRowSchema.safeParse(raw);
      if (!parsed.success) throw new Error(`${r.id}: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
    }
  });

  it("matches the 12-month chance of work of seed 002 Tabel 3 per group within 3.5 standard errors (Aalen–Johansen)", () => {
    const rows = generateSyntheticCohort({seed: 3, scale: 10});
    const curves = curvesByGroup(rows.map((r) => ({group: r.group, ...durationOf(r, "work-other")})), ["work", "other"]);
    for (const p of SEED002_PROFILES) {
      const c = curves.find((x) => x.group === p.name)!;
      const at12 = incidenceAt(c.aj, "work", 12);
      expect(Math.abs(at12.estimate - p.work12)).toBeLessThan(3.5 * at12.stdErr);
    }
  });

  it("matches the mean age and share of women of seed 002 Tabel 1 per group within sampling error", () => {
    const rows = generateSyntheticCohort({seed: 4, scale: 10});
    for (const p of SEED002_PROFILES) {
      const g = rows.filter((r) => r.group === p.name);
      const meanAge = g.reduce((s, r) => s + (r.age as number), 0) / g.length;
      expect(Math.abs(meanAge - p.meanAge)).toBeLessThan(1); // sd 8, n >= 1180: se < 0.25 (clamping at 18 shifts VIP up a little)
      const women = g.filter((r) => r.sex === "f").length / g.length;
      expect(Math.abs(women - p.female)).toBeLessThan(4 * Math.sqrt((p.female * (1 - p.female)) / g.length) + 1e-9);
    }
  });
});
