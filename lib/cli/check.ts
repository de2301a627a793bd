// rendement check <model-file> [--strict]: validate and compile a model file, then check the units
// of every formula. Exit 0 (warnings are printed), 1 with --strict when there are warnings, 2 on a
// bad file.
// rendement check <study folder>: the whole study (lib/io/study-check.ts): schemas, cross-references,
// kengetallen, printed figures' computations and the reproduction; one `file:line: field: message`
// per problem and exit 2 when there is any, else the reproduction counts of the study.
// rendement check --assumptions <study folder | model file> [--json]: the assumptions register of
// every model of the study (lib/analysis/assumptions-register.ts), ranked by influence on the saldo,
// with the study's hand-written assumptions.yaml merged in.
import {loadStudy} from "../io/study.js";
import {checkUnits} from "../model/units.js";
import {evaluate} from "../model/evaluate.js";
import {summarizeAll} from "../finance/summary.js";
import {isResultError} from "./errors.js";
import {checkOptions, UsageError} from "./args.js";
import {existsSync, statSync} from "node:fs";
import {basename, dirname, join, resolve} from "node:path";
import {readTextFile} from "../io/read-file.js";
import {parseStudyText} from "../io/study-description.js";
import {readAssumptions} from "../io/assumptions.js";
import {InputError} from "../io/model-file.js";
import {assumptionsRegister, type AssumptionsRegister} from "../analysis/assumptions-register.js";
import {euro, pad} from "./format.js";
import {formatInputNumber} from "../format.js";
import {isInputError} from "./errors.js";
import {checkStudyFolder} from "../io/study-check.js";
import {runChecks} from "../reproduce/run.js";
import {summarizeChecks} from "../reproduce/checks.js";
import {countsTable} from "./reproduce.js";

/** The model files of a study folder (those its study.yaml names), or the one model file given. */
function registerTargets(path: string): {models: string[]; assumptions: string | null} {
  if (!existsSync(path)) throw new InputError(`${path}: no such study folder or model file`, path);
  if (statSync(path).isDirectory()) {
    const studyFile = join(path, "study.yaml");
    if (!existsSync(studyFile)) throw new InputError(`${path}: expected a study folder with a study.yaml, or a model file`, path);
    const study = parseStudyText(readTextFile(studyFile), studyFile, basename(path));
    const names = [...new Set([...study.items.map((i) => i.model), ...study.tools.map((t) => t.model), ...(study.cockpit ? [study.cockpit.model] : []), ...(study.uncertainty ?? [])])];
    const a = join(path, "assumptions.yaml");
    return {models: names.map((n) => join(path, n)), assumptions: existsSync(a) ? a : null};
  }
  const a = join(dirname(path), "assumptions.yaml");
  return {models: [path], assumptions: existsSync(a) ? a : null};
}

const show = (v: number | number[]) => (Array.isArray(v) ? `[${v.map(formatInputNumber).join("; ")}]` : formatInputNumber(v));

function formatRegister(r: AssumptionsRegister): string {
  const origin = {source: "bron", assumption: "aanname", none: "—"};
  const rows = r.rows.map((x, i) => [
    String(i + 1),
    x.input,
    show(x.value),
    x.unit,
    origin[x.origin],
    x.range ? `${show(x.range.low)} – ${show(x.range.high)} (${x.range.basis === "control" ? "schuif" : x.range.type})` : "geen bereik opgegeven",
    x.influence ? euro(x.influence.swing) : "—",
    x.influence ? (x.influence.signFlips ? "ja" : "nee") : "—",
    [x.text, ...x.register.map((e) => `register: ${e.id}`)].filter(Boolean).join("; ").slice(0, 90)
  ]);
  const out = [`== ${r.title} (${r.model}): saldo ${euro(r.baseSaldo)}, ${r.rows.length} invoerwaarden, gerangschikt naar invloed`, pad([["#", "invoer", "waarde", "eenheid", "herkomst", "bereik", "zwaai saldo", "teken wisselt", "bron of aanname"], ...rows], {right: new Set([0, 2, 6]), lastFree: true})];
  if (r.other.length) out.push(`register, niet aan één invoer gebonden: ${r.other.map((o) => `${o.id} (${o.affects.join(", ")})`).join("; ")}`);
  return out.join("\n");
}

async function assumptionsMain(paths: string[], json: boolean): Promise<number> {
  const registers: (AssumptionsRegister & {file: string; assumptionsFile: string | null})[] = [];
  for (const path of paths) {
    const {models, assumptions} = registerTargets(path);
    const hand = assumptions ? readAssumptions(assumptions) : null;
    for (const file of models) registers.push({file, assumptionsFile: assumptions, ...assumptionsRegister(loadStudy(file, {onWarning: () => {}}), hand)});
  }
  if (json) console.log(JSON.stringify(registers, null, 2));
  else console.log(registers.map(formatRegister).join("\n\n"));
  return 0;
}

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
    const files = checkOptions("check", argv, {flags: ["--strict", "--assumptions", "--json"], values: []});
    if (argv.includes("--assumptions")) {
      if (!files.length || argv.includes("--strict")) throw new UsageError("usage: rendement check --assumptions <study folder or model file> ... [--json]");
      return await assumptionsMain(files, argv.includes("--json"));
    }
    if (argv.includes("--json")) throw new UsageError("--json goes with --assumptions: rendement check --assumptions <study folder> --json");
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
