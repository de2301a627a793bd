import {describe, expect, it} from "vitest";
import fc from "fast-check";
import {curvesFromCounts, discloseEventTable, relabelExits, roundUpMonths, type EventCount} from "../../lib/cohort/event-counts.js";
import {curvesByGroup, summarizeAt} from "../../lib/cohort/curves.js";

describe("curves from an event table of counts", () => {
  it("equal the curves from the person records they count (KM and AJ, every group)", () => {
    const records = [
      ...Array.from({length: 6}, (_, i) => ({group: "A", months: [1, 2, 2, 3, 3, 5][i], exit: ["work", "other", "censored", "work", "work", "censored"][i]})),
      ...Array.from({length: 4}, (_, i) => ({group: "B", months: [1, 2, 4, 4][i], exit: ["other", "work", "work", "censored"][i]}))
    ];
    const counts = relabelExits(records.map((r) => ({...r, count: 1})), (e) => e);
    expect(counts.find((c) => c.group === "A" && c.months === 3)).toEqual({group: "A", months: 3, exit: "work", count: 2});
    const at = [0, 1, 2, 3, 4, 5, 6];
    expect(curvesFromCounts(counts, ["work", "other"]).map((c) => summarizeAt(c, at))).toEqual(
      curvesByGroup(records, ["work", "other"]).map((c) => summarizeAt(c, at))
    );
  });

  it("refuse an exit that is neither censored nor a cause", () => {
    expect(() => curvesFromCounts([{group: "A", months: 1, exit: "retired", count: 3}], ["work", "other"])).toThrow(/exit "retired"/);
  });
});

describe("disclosure check of an event table (minCell persons per published cell)", () => {
  it("merges small cells forward in time and never moves a person earlier (hand example)", () => {
    // Group A, work: 4 at month 1, 7 at month 2, 12 at month 3, 3 at month 5.
    // Pool 4+7 = 11 → published at 2; 12 at 3; the remainder 3 (month 5) joins the cell at 3, which moves to 5.
    const counts: EventCount[] = [
      {group: "A", months: 1, exit: "work", count: 4},
      {group: "A", months: 2, exit: "work", count: 7},
      {group: "A", months: 3, exit: "work", count: 12},
      {group: "A", months: 5, exit: "work", count: 3},
      {group: "A", months: 6, exit: "censored", count: 10}
    ];
    const {counts: out, report} = discloseEventTable(counts, 10);
    expect(out).toEqual([
      {group: "A", months: 2, exit: "work", count: 11},
      {group: "A", months: 5, exit: "work", count: 15},
      {group: "A", months: 6, exit: "censored", count: 10}
    ]);
    expect(report.groups[0]).toMatchObject({group: "A", persons: 36, published: true, cellsBefore: 5, cellsAfter: 3, personsMoved: 16, largestMove: 2});
  });

  it("suppresses a group under the threshold, or with an exit fewer than minCell persons have, and says why", () => {
    const {counts, report} = discloseEventTable(
      [
        {group: "small", months: 1, exit: "work", count: 9},
        {group: "rare-exit", months: 1, exit: "work", count: 30},
        {group: "rare-exit", months: 2, exit: "other", count: 3}
      ],
      10
    );
    expect(counts).toEqual([]);
    expect(report.groups.map((g) => [g.group, g.published, g.reason])).toEqual([
      ["rare-exit", false, "other: 3 persons, fewer than 10"],
      ["small", false, "9 persons, fewer than 10"]
    ]);
  });

  it("property: every published cell has >= minCell persons, group and exit totals are kept, and no exit or censoring moves earlier", () => {
    const cell = fc.record({group: fc.constantFrom("A", "B"), months: fc.integer({min: 0, max: 30}), exit: fc.constantFrom("work", "other", "censored"), count: fc.integer({min: 1, max: 25})});
    fc.assert(
      fc.property(fc.array(cell, {maxLength: 60}), fc.integer({min: 1, max: 15}), (cells, minCell) => {
        const input = relabelExits(cells, (e) => e);
        const {counts, report} = discloseEventTable(input, minCell);
        for (const c of counts) expect(c.count).toBeGreaterThanOrEqual(minCell);
        for (const g of report.groups.filter((x) => x.published))
          for (const exit of ["work", "other", "censored"]) {
            const sum = (list: EventCount[]) => list.filter((c) => c.group === g.group && c.exit === exit).reduce((s, c) => s + c.count, 0);
            expect(sum(counts)).toBe(sum(input));
            // Cumulative counts up to any month never exceed those of the input: nobody moved earlier.
            for (let m = 0; m <= 30; ++m) {
              const upTo = (list: EventCount[]) => sum(list.filter((c) => c.months <= m));
              expect(upTo(counts)).toBeLessThanOrEqual(upTo(input));
            }
          }
      }),
      {numRuns: 200}
    );
  });
});

describe("roundUpMonths", () => {
  it("rounds each time up to a whole month and adds up the cells that meet", () => {
    expect(
      roundUpMonths([
        {group: "A", months: 2.3, exit: "work", count: 2},
        {group: "A", months: 3, exit: "work", count: 1},
        {group: "A", months: 0, exit: "censored", count: 1}
      ])
    ).toEqual([
      {group: "A", months: 0, exit: "censored", count: 1},
      {group: "A", months: 3, exit: "work", count: 3}
    ]);
  });
});
