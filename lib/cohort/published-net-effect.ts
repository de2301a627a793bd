// Net effect from published (aggregated, suppressed) curves: the one computation behind the
// monitoring page's net-effect chart, used by its loader (at the default assumptions) and by the page
// (when a reader moves the extrapolation sliders). Browser-safe.
import type {PublishedCurves} from "./aggregate.js";
import {netEffect, type NetEffectResult, type ObservedCurve, type ReferenceCurve} from "./net-effect.js";

/**
 * The published cumulative incidence of `cause` of one group as an observed curve: suppressed points
 * (null) are filled by straight lines between their published neighbours (0 at month 0); the curve
 * stops at its last published point. Null when fewer than two points are published.
 */
export function publishedSeries(curves: PublishedCurves, cause = "work"): ObservedCurve | null {
  const values: (number | null)[] = curves.points.map((p) => (p.month === 0 ? 0 : p.cif[cause]?.value ?? null));
  let last = values.length - 1;
  while (last > 0 && values[last] === null) --last;
  if (last < 1) return null;
  const filled = values.slice(0, last + 1);
  for (let m = 1; m < last; ++m) {
    if (filled[m] !== null) continue;
    const a = m - 1;
    let b = m + 1;
    while (filled[b] === null) ++b;
    filled[m] = (filled[a] as number) + (((filled[b] as number) - (filled[a] as number)) * (m - a)) / (b - a);
  }
  return {months: filled.map((_, m) => m), cumulative: filled as number[]};
}

export interface PublishedNetEffectOptions {
  referenceGroup: string;
  horizonYears: number;
  convergeMonths: number;
  longTermEffect: number;
  source: string;
  cause?: string;
}

/** Net effect of every other group against the reference group's published curve (made non-decreasing). */
export function publishedNetEffects(all: PublishedCurves[], o: PublishedNetEffectOptions): ({group: string} & NetEffectResult)[] {
  const refCurves = all.find((c) => c.group === o.referenceGroup);
  const ref = refCurves ? publishedSeries(refCurves, o.cause) : null;
  if (!ref) return [];
  const reference: ReferenceCurve = {
    id: "vergelijkingsgroep",
    label: o.referenceGroup,
    outcome: "work",
    population: o.referenceGroup,
    segment: {distanceToLabourMarket: "mixed", benefitDuration: "mixed"},
    points: ref.months.slice(1).map((m, i) => ({month: m, cumulative: Math.max(...ref.cumulative.slice(0, i + 2))})),
    interpolation: "linear",
    beyondLastPoint: "flat",
    source: {title: o.source, locator: o.referenceGroup},
    assumption: `vlak na maand ${ref.months[ref.months.length - 1]}`
  };
  return all
    .filter((c) => c.group !== o.referenceGroup)
    .flatMap((c) => {
      const observed = publishedSeries(c, o.cause);
      return observed ? [{group: c.group, ...netEffect({observed, reference, horizonYears: o.horizonYears, extrapolation: {convergeMonths: o.convergeMonths, longTermEffect: o.longTermEffect}})}] : [];
    });
}
