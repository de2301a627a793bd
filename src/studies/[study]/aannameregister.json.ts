// Data loader for the ranked assumptions register of one study (`--study=<id>`): for every model file
// of the study (lib/io/study-pages.ts studyModelFiles) the register of lib/analysis/assumptions-register.ts,
// with the study's hand-written register (assumptions.yaml) merged in when it has one. The same
// table as `rendement check --assumptions <study folder>`.
import {join, relative} from "node:path";
import {findStudy, readStudy, assumptionsPath} from "../../../lib/io/study-description.js";
import {readAssumptions} from "../../../lib/io/assumptions.js";
import {loadStudy} from "../../../lib/io/study.js";
import {studyModelFiles} from "../../../lib/io/study-pages.js";
import {assumptionsRegister} from "../../../lib/analysis/assumptions-register.js";
import {runLoader, studyParam} from "../../../lib/io/loader-run.js";

export async function load(args: string[]): Promise<string> {
  const studyId = studyParam(args);
  const location = findStudy(studyId);
  const study = readStudy(location);
  const handPath = assumptionsPath(location);
  const hand = handPath ? readAssumptions(handPath) : null;
  const registers = studyModelFiles(study).map((file) => ({file, ...assumptionsRegister(loadStudy(join(location.dir, file), {onWarning: () => {}}), hand)}));
  return JSON.stringify({
    study: {id: study.id, title: study.title, shortTitle: study.shortTitle},
    handWritten: handPath ? relative(process.cwd(), handPath) : null,
    hasAssumptionsPage: handPath !== null,
    registers
  });
}

await runLoader(import.meta.url, load, (error) => {
  process.stderr.write(`studies/${studyParam(process.argv.slice(2))}/aannameregister.json: ${error.message}\n`);
  process.exit(1);
});
