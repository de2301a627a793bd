// rendement check <model-file> [--strict]: validate and compile a model file, then check the units
// of every formula. Exit 0 (warnings are printed), 1 with --strict when there are warnings, 2 on a
// bad file.
// rendement check <study folder>: the whole study (lib/io/study-check.ts): schemas, cross-references,
// kengetallen, printed figures' computations and the reproduction; one `file:line: field: message`
// per problem and exit 2 when there is any, else the reproduction counts of the study.
import {loadStudy} from "../io/study.js";
import {checkUnits} from "../model/units.js";
import {evaluate} from "../model/evaluate.js";
import {summarizeAll} from "../finance/summary.js";
import {isResultError} from "./errors.js";
import {checkOptions, UsageError} from "./args.js";
import {isInputError} from "./errors.js";
import {existsSync, statSync} from "node:fs";
import {basename, dirname, resolve} from "node:path";
import {checkStudyFolder} from "../io/study-check.js";
import {runChecks} from "../reproduce/run.js";
import {summarizeChecks} from "../reproduce/checks.js";
import {countsTable} from "./reproduce.js";

/** Check a study folder; returns the exit code. */
async function checkStudy(dir: string): Promise<number> {
  const {problems} = checkStudyFolder(dir);
  if (problems.length) {
    for (const p of problems) console.error(p);
    console.error(`rendement check: ${problems.length} problem(s) in ${dir}`);
    return 2;
  }
  const root = dirname(resolve(dir));
  const checks = await runChecks({study: basename(resolve(dir)), roots: [root]});
  const s = summarizeChecks(checks);
  console.log(`${dir}: study.yaml, model files, kengetallen and printed.yaml are valid; ${checks.length} printed figure(s) reproduced`);
  if (checks.length) {
    console.log(`Modelberekeningen uit onafhankelijke invoer die kloppen: ${s.independentMatch} van ${s.independent}`);
    console.log(countsTable(s));
  }
  const failed = checks.filter((c) => c.verdict === "fail");
  for (const c of failed) console.error(`${dir}/printed.yaml: ${c.id}: printed ${c.printed}, computed ${c.computed ?? "nothing"}: ${c.explanation}`);
  return failed.length ? 1 : 0;
}

export async function main(argv: string[]): Promise<number> {
  try {
    const files = checkOptions("check", argv, {flags: ["--strict"], values: []});
    if (!files.length) throw new UsageError("usage: rendement check <model-file> ... [--strict] | rendement check <study folder>");
    if (files.length === 1 && existsSync(files[0]) && (statSync(files[0]).isDirectory() || basename(files[0]) === "study.yaml")) {
      return await checkStudy(statSync(files[0]).isDirectory() ? files[0] : dirname(files[0]));
    }
    let warnings = 0;
    let failed = false;
    for (const file of files) {
      const model = loadStudy(file, {onWarning: () => {}});
      const found = checkUnits(model);
      warnings += found.length;
      console.log(`${file}: ${model.nodes.size} quantities, ${model.lines.length} cash-flow lines, ${found.length} unit warning(s)`);
      for (const w of found) console.log(`  ${w.node} (${w.path.join(".")}): ${w.message}`);
      // Load-time warnings (e.g. a discount rate outside 0–10 %) count like unit warnings.
      for (const w of model.warnings) console.log(`  warning: ${w.message}`);
      warnings += model.warnings.length;
      // The model at its base values must give finite results (a division by zero fails the check).
      try {
        summarizeAll(evaluate(model));
      } catch (error) {
        if (!isResultError(error)) throw error;
        console.error(`  error at the base values: ${error.message}`);
        failed = true;
      }
    }
    if (failed) {
      console.error(`rendement check: the model gives a non-finite result at its base values`);
      return 1;
    }
    if (argv.includes("--strict") && warnings > 0) {
      console.error(`rendement check: ${warnings} unit warning(s); --strict fails on any warning`);
      return 1;
    }
    return 0;
  } catch (error) {
    if (isInputError(error)) {
      console.error(`rendement check: ${(error as Error).message}`);
      return 2;
    }
    throw error;
  }
}
