// Data loader for the monitoring page: reads a person-level cohort through lib/io (validated row by
// row), aggregates it with small-cell suppression and writes ONLY aggregates to stdout. No person
// row, id or date leaves this loader.
//
// Usage outside the build: npx tsx src/data/monitor.json.ts [cohort.csv] [--min-cell N]
// Defaults: data/cohorts/synthetic-monitor.csv (synthetic), minCell 10. A bad file ends the build
// with exit code 1 and `file:line: field: expected ..., found ...` on stderr.
import {formatExclusions, readCohortFile, CohortFileError} from "../../lib/io/cohort-file.js";
import {durationOf, type CohortRow} from "../../lib/schema/cohort.js";
import {DEFAULT_MIN_CELL, durabilityOfWork, measureChange, participantCharacteristics, publishedCurves} from "../../lib/cohort/aggregate.js";
import {curvesByGroup} from "../../lib/cohort/curves.js";
import {incidenceAt} from "../../lib/cohort/aalen-johansen.js";
import {calibrateIntercept, effectivenessIndicator, expectedRate} from "../../lib/cohort/effectiveness.js";
import {readRiskModels} from "../../lib/io/risk-model.js";
import {monitoringData} from "../../lib/io/study-description.js";
import {publishedNetEffects} from "../../lib/cohort/published-net-effect.js";
import {runLoader} from "../../lib/io/loader-run.js";

/** A problem with the input, reported as one line (no stack trace). */
class MonitorInputError extends Error {}

function fail(message: string): never {
  throw new MonitorInputError(message);
}

export function load(args: string[]): string {
  const minCell = args.includes("--min-cell") ? Number(args[args.indexOf("--min-cell") + 1]) : DEFAULT_MIN_CELL;
  const file = args.find((a, i) => !a.startsWith("--") && args[i - 1] !== "--min-cell") ?? "data/cohorts/synthetic-monitor.csv";
  const COMPARISON = "Regulier";
  // The risk model is the one a study declares as its monitoring data (study.yaml `monitoring`).
  const MODEL_FILE = monitoringData()?.riskModel;
  // A site whose studies declare no monitoring data (a researcher's own study, built alone) still
  // builds: the page gets the same shape with no groups and says in Dutch that nothing is monitored.
  if (!MODEL_FILE) return JSON.stringify(absent(minCell, COMPARISON));

  let cohort;
  try {
    cohort = readCohortFile(file, "full");
  } catch (error) {
    if (error instanceof CohortFileError) fail(error.message);
    throw error;
  }
  const notes = formatExclusions(cohort); // unknown columns and the exclusion summary (more than 5 % excluded fails above)
  if (notes) console.error(notes);
  const rows = cohort.rows as CohortRow[];
  const synthetic = file.includes("synthetic");

  // Curves: no exit yet (KM) and cumulative incidence of work / other exits (Aalen–Johansen).
  const records = rows.map((r) => ({group: r.group, ...durationOf(r, "work-other")}));
  const curves = publishedCurves(records, ["work", "other"], {months: Array.from({length: 25}, (_, m) => m), minCell});

  // Effectiveness indicator (seed 002 §4.4–4.5). The report prints no intercept for its risk model,
  // so the intercept is calibrated on the comparison group: its mean prediction equals its observed
  // 12-month chance of work. E for a project is then the mean predicted probability of its clients.
  const [model] = readRiskModels(MODEL_FILE);
  const fits = curvesByGroup(records, ["work", "other"]);
  const at12 = new Map(fits.map((f) => [f.group, incidenceAt(f.aj, "work", 12)]));
  const comparison = rows.filter((r) => r.group === COMPARISON);
  let effectiveness: unknown[] = [];
  let intercept: number | null = null;
  if (comparison.length >= minCell && at12.has(COMPARISON)) {
    intercept = calibrateIntercept(model, comparison, at12.get(COMPARISON)!.estimate);
    effectiveness = fits
      .filter((f) => f.group !== COMPARISON)
      .map((f) => {
        const members = rows.filter((r) => r.group === f.group);
        const e = expectedRate(model, members, intercept);
        const o = at12.get(f.group)!;
        if (f.n < minCell || e.n < minCell) return {group: f.group, suppressed: true};
        const ei = effectivenessIndicator(o.estimate, e.expected, o.stdErr);
        return {group: f.group, suppressed: false, n: f.n, nWithCovariates: e.n, missingCovariates: e.missing, ...ei};
      });
  }

  // Net effect of each project against the comparison group's curve as the nulalternatief, from the
  // published (suppressed) curves: the same function the page calls when a reader moves its sliders.
  const comparisonFit = fits.find((f) => f.group === COMPARISON);
  const netEffects = comparisonFit && comparisonFit.n >= minCell
    ? publishedNetEffects(curves, {referenceGroup: COMPARISON, horizonYears: 4, convergeMonths: 24, longTermEffect: 0, source: file}).map((r) => ({group: r.group, years: r.years, netEffectShare: r.netEffectShare, benefitMonthsGained: r.benefitMonthsGained}))
    : [];

  const out = {
    generated: "src/data/monitor.json.ts",
    available: true,
    source: file,
    synthetic,
    note: synthetic
      ? "Synthetische gegevens (lib/cohort/synthetic.ts), gevormd naar de gepubliceerde profielen van de Monitor Voorbeeldprojecten; geen echte personen."
      : "Geaggregeerde gegevens; cellen met minder dan minCell personen zijn onderdrukt.",
    minCell,
    rowsRead: cohort.summary.read,
    rowsExcluded: cohort.summary.excluded,
    comparisonGroup: COMPARISON,
    curves,
    characteristics: participantCharacteristics(rows, {minCell}),
    ladder: measureChange(rows, {from: 0, to: 6, minCell}),
    durability: durabilityOfWork(rows, {months: Array.from({length: 13}, (_, m) => m), minCell}),
    effectiveness: {model: model.id, modelFile: MODEL_FILE, interceptCalibratedOn: COMPARISON, intercept, groups: effectiveness},
    netEffect: {reference: COMPARISON, horizonYears: 4, convergeMonths: 24, groups: netEffects}
  };
  return JSON.stringify(out, (_k, v) => (typeof v === "number" && !Number.isFinite(v) ? null : v));
}

/** The output when no study declares monitoring data: no groups, and `available: false`. */
function absent(minCell: number, COMPARISON: string) {
  return {
    generated: "src/data/monitor.json.ts",
    available: false,
    source: null,
    synthetic: false,
    note: "Geen studie op deze site levert monitoringgegevens (study.yaml: monitoring); deze pagina toont daarom geen uitkomsten.",
    minCell,
    rowsRead: 0,
    rowsExcluded: 0,
    comparisonGroup: COMPARISON,
    curves: [],
    characteristics: [],
    ladder: [],
    durability: [],
    effectiveness: {model: null, modelFile: null, interceptCalibratedOn: COMPARISON, intercept: null, groups: []},
    netEffect: {reference: COMPARISON, horizonYears: 4, convergeMonths: 24, groups: []}
  };
}

await runLoader(import.meta.url, load, (error) => {
  if (!(error instanceof MonitorInputError)) throw error;
  console.error(error.message);
  process.exit(1);
});
