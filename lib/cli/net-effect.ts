// rendement net-effect <cohort-file> --reference <curve-id> [--group G] [--by column] [--horizon 5]
//   [--observed-months 24] [--converge 24] [--long-term 0] [--shape linear|exponential] [--json]
// The net effect of an intervention measured on cohort data: the Aalen–Johansen cumulative outflow
// to work of one group against a reference curve of the nulalternatief (default: the reference curves a study declares in study.yaml `monitoring`),
// extrapolated beyond the observed months (seed 000 §3.3.2), per year, and the benefit-months gained.
// `--json` writes {years, netEffectShare, benefitMonthsGained, …}, which a model takes as
// `rendement evaluate model.yaml --set iv.nettoEffect=@net.json#netEffectShare`: an MKBA driven by
// measured data instead of typed-in percentages.
import {isParquetFile, readTextFile} from "../io/read-file.js";
import {CohortFileError, formatExclusions, parseCohortText} from "../io/cohort-file.js";
import {withCohortSource} from "../io/cohort-source.js";
import {curvesByGroup} from "../cohort/curves.js";
import {netEffect, observedFromIncidence} from "../cohort/net-effect.js";
import {parseReferenceCurves} from "../cohort/reference-curves.js";
import {monitoringData} from "../io/study-description.js";
import {cohortRecords, maxExcludedOption} from "./cohort-records.js";
import {DEFAULT_MAX_EXCLUDED} from "../cohort/exclusions.js";
import {checkOptions, numberOption, option, UsageError} from "./args.js";

const USAGE =
  "Usage: rendement net-effect <cohort-file> --reference <curve-id> [--group G] [--by column] [--horizon 5] [--observed-months 24] [--converge 24] [--long-term 0] [--shape linear|exponential] [--curves file.yaml] [--max-excluded 5%] [--sheet <name|number>] [--json]";
const withValue = ["--sheet", "--reference", "--group", "--by", "--horizon", "--observed-months", "--converge", "--long-term", "--shape", "--curves", "--max-excluded"];

export async function main(argv: string[]): Promise<number> {
  try {
    if (argv.includes("--help")) {
      console.log(USAGE);
      return 0;
    }
    const [file, ...extra] = checkOptions("net-effect", argv, {flags: ["--json", "--help"], values: withValue});
    if (!file || extra.length) throw new UsageError(USAGE);
    const referenceId = option(argv, "--reference");
    if (!referenceId) throw new UsageError(`--reference: expected the id of a reference curve\n${USAGE}`);
    const curvesFile = option(argv, "--curves") ?? monitoringData()?.referenceCurves;
    if (!curvesFile) throw new UsageError(`--curves: expected a reference-curves file (no study declares monitoring.referenceCurves)\n${USAGE}`);
    let curvesText: string;
    try {
      curvesText = readTextFile(curvesFile);
    } catch (error) {
      throw new UsageError(`--curves: cannot read ${curvesFile} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
    }
    let references: ReturnType<typeof parseReferenceCurves>;
    try {
      references = parseReferenceCurves(curvesText, curvesFile);
    } catch (error) {
      // The parser throws only for a bad file; its lines name file, line and field (cut: a wrong file
      // can quote kilobytes of itself).
      const cut = (l: string) => (l.length > 240 ? `${l.slice(0, 240)}…` : l);
      throw new UsageError(`--curves: ${curvesFile} is not a reference-curves file:\n${(error as Error).message.split("\n").map(cut).join("\n")}`);
    }
    const reference = references.find((c) => c.id === referenceId);
    if (!reference) throw new UsageError(`--reference: unknown curve "${referenceId}"; ${curvesFile} has ${references.map((c) => c.id).join(", ")}`);
    const horizonYears = numberOption(argv, "--horizon", 5, {integer: true, min: 1, max: 100});
    const observedMonths = numberOption(argv, "--observed-months", 24, {integer: true, min: 1, max: 1200});
    const convergeMonths = numberOption(argv, "--converge", 24, {integer: true, min: 0, max: 1200});
    const longTermEffect = numberOption(argv, "--long-term", 0, {min: -1, max: 1, percent: true, what: "a long-term net effect as a share from -1 to 1 (0.05) or a percentage from -100% to 100% (5%)"});
    const shape = option(argv, "--shape") ?? "linear";
    if (shape !== "linear" && shape !== "exponential") throw new UsageError(`--shape: expected linear or exponential, found "${shape}"`);

    const maxExcludedText = option(argv, "--max-excluded");
    const maxExcluded = maxExcludedText === undefined ? DEFAULT_MAX_EXCLUDED : maxExcludedOption("--max-excluded", maxExcludedText);
    // The in-process reader reads CSV; a Parquet file (by extension or its magic bytes) read as text
    // gives a meaningless header error.
    if (isParquetFile(file)) throw new UsageError(`${file}: a Parquet file; net-effect reads a CSV cohort file (export it to CSV, or use rendement curves, which reads Parquet)`);
    // A Dutch Excel CSV or an .xlsx sheet is read as the same rows (lib/io/cohort-source.ts).
    const cohort = await withCohortSource(file, option(argv, "--sheet"), (source) => {
      if (source.note) console.error(source.note);
      return parseCohortText(source.text(), file, {maxExcluded});
    });
    const notes = formatExclusions(cohort);
    if (notes) console.error(notes);
    const grouped = cohortRecords(cohort, file, option(argv, "--by") ?? "group", "work-other");
    if (typeof grouped === "string") throw new UsageError(grouped);
    const curves = curvesByGroup(grouped.records, grouped.causes);
    const wanted = option(argv, "--group");
    if (!wanted && curves.length > 1) throw new UsageError(`--group: the file has ${curves.length} groups (${curves.map((c) => c.group).join(", ")}); choose one`);
    const curve = wanted ? curves.find((c) => c.group === wanted) : curves[0];
    if (!curve) throw new UsageError(`--group: unknown group "${wanted}"; the file has ${curves.map((c) => c.group).join(", ")}`);

    const r = netEffect({
      observed: observedFromIncidence(curve.aj, "work", observedMonths),
      reference,
      horizonYears,
      extrapolation: {convergeMonths, longTermEffect, shape}
    });
    const payload = {
      file,
      group: curve.group,
      persons: curve.n,
      reference: {id: reference.id, label: reference.label, source: reference.source},
      observedMonths,
      extrapolation: {convergeMonths, longTermEffect, shape},
      years: r.years,
      netEffectShare: r.netEffectShare,
      benefitMonthsGained: r.benefitMonthsGained
    };
    if (argv.includes("--json")) console.log(JSON.stringify(payload, null, 2));
    else {
      console.log(`${file}: group ${curve.group} (${curve.n} persons) against ${reference.id}: ${reference.label}`);
      console.log(`observed months 0–${observedMonths}, then the gap moves to ${longTermEffect} over ${convergeMonths} months (${shape})\n`);
      console.log("year  net effect (share of participants)");
      r.years.forEach((y, i) => console.log(`${String(y).padStart(4)}  ${r.netEffectShare[i].toFixed(4)}`));
      console.log(`\nbenefit-months gained per participant over ${horizonYears} years: ${r.benefitMonthsGained.toFixed(2)}`);
    }
    return 0;
  } catch (error) {
    if (error instanceof UsageError || error instanceof CohortFileError || (error instanceof Error && /^data\/|\.ya?ml:/.test(error.message))) {
      console.error(`rendement net-effect: ${(error as Error).message}`);
      return 2;
    }
    throw error;
  }
}
