// Find the studies and read their descriptions (Node only). A study is one folder under
// data/studies/ (or under an extra root named in the environment variable RENDEMENT_EXTRA_STUDIES, a
// path list separated by ":"; used by the fixture-study test to build a study that is not shipped):
// - study.yaml (lib/schema/study.ts), its model files and assumptions.yaml;
// - printed.yaml: the report's printed figures and how each is computed (lib/schema/printed.ts);
// - kengetallen.yaml or kengetallen/*.yaml: the study's own kengetallen, merged with the shared
//   registry data/kengetallen/ (lib/io/kengetallen.ts).
// A folder with YAML files but no study.yaml is an error naming the folder, never skipped silently.
// Errors read `file:line: field: …`.
import {readTextFile} from "./read-file.js";
import {existsSync, readdirSync, statSync} from "node:fs";
import {dirname, join} from "node:path";
import {studySchema, type StudyDescription} from "../schema/study.js";
import {InputError, lineOf, parseYaml, zodIssues} from "./yaml-errors.js";
import {readPrinted} from "./printed-file.js";
import type {PrintedFile} from "../schema/printed.js";

export interface StudyLocation {
  id: string;
  dir: string;
}

/** The roots searched for studies: data/studies and any extra roots from the environment. */
export function studyRoots(env: Record<string, string | undefined> = process.env): string[] {
  const extra = (env.RENDEMENT_EXTRA_STUDIES ?? "").split(":").filter(Boolean);
  return ["data/studies", ...extra];
}

/**
 * Every study directory that holds a study.yaml, sorted by id; an id found twice is an error.
 * RENDEMENT_ONLY_STUDIES (ids separated by ",") keeps only those studies (the fixture-study test
 * builds one study alone).
 */
export function listStudies(roots: string[] = studyRoots(), only: string | undefined = process.env.RENDEMENT_ONLY_STUDIES): StudyLocation[] {
  const found = new Map<string, string>();
  for (const root of roots) {
    if (!existsSync(root)) continue;
    for (const name of readdirSync(root).sort()) {
      const dir = join(root, name);
      if (!statSync(dir).isDirectory()) continue;
      if (!existsSync(join(dir, "study.yaml"))) {
        const message = missingStudyYaml(dir);
        if (message === null) continue;
        throw new InputError(message, dir);
      }
      if (found.has(name)) throw new InputError(`${join(dir, "study.yaml")}: study "${name}" is also in ${found.get(name)}`, join(dir, "study.yaml"));
      found.set(name, dir);
    }
  }
  const keep = only ? new Set(only.split(",").filter(Boolean)) : null;
  return [...found].filter(([id]) => !keep || keep.has(id)).map(([id, dir]) => ({id, dir})).sort((a, b) => a.id.localeCompare(b.id));
}

/**
 * What a study folder without study.yaml lacks, as one line naming the folder (null when the folder
 * holds no YAML file at all: not a study). The build's listing and `rendement check <folder>` say the same.
 */
export function missingStudyYaml(dir: string): string | null {
  const yaml = readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort();
  if (yaml.length === 0) return null;
  return `${dir}: expected a study.yaml in this study folder (it holds ${yaml.join(", ")}): the study's id, title, shortTitle, report, question, computes, differences, a seed or citation, and the items naming its model files; write one (docs/studies.md, or \`rendement new <id>\` for a template) or move the files out of ${dirname(dir)}`;
}

export function parseStudyText(text: string, file: string, dirName?: string): StudyDescription {
  const parsed = parseYaml(text, file);
  const r = studySchema.safeParse(parsed.data);
  if (!r.success) throw zodIssues(parsed, r.error);
  if (dirName !== undefined && r.data.id !== dirName) {
    throw new InputError(`${file}:${lineOf(parsed, ["id"]) ?? "?"}: id: expected the directory name "${dirName}", found "${r.data.id}"`, file);
  }
  for (const [kind, pages] of [["items", r.data.items], ["tools", r.data.tools]] as const) {
    pages.forEach((p, i) => {
      const model = join(file, "..", p.model);
      if (!existsSync(model)) throw new InputError(`${file}:${lineOf(parsed, [kind, i, "model"]) ?? "?"}: ${kind}[${i}].model: expected a model file next to study.yaml, found "${p.model}" (no such file)`, file);
    });
  }
  for (const key of ["riskModel", "referenceCurves", "effectIndicator"] as const) {
    const f = r.data.monitoring?.[key];
    if (f && !existsSync(join(file, "..", f))) throw new InputError(`${file}:${lineOf(parsed, ["monitoring", key]) ?? "?"}: monitoring.${key}: expected a file in the study folder, found "${f}" (no such file)`, file);
  }
  return r.data;
}

/** Read and validate one study's description. */
export function readStudy(location: StudyLocation): StudyDescription {
  const file = join(location.dir, "study.yaml");
  return parseStudyText(readTextFile(file), file, location.id);
}

/** The study with this id (an unknown id is an error that lists the known ones). */
export function findStudy(id: string, roots: string[] = studyRoots()): StudyLocation {
  const all = listStudies(roots, undefined);
  const s = all.find((x) => x.id === id);
  if (!s) throw new InputError(`no study "${id}" under ${roots.join(", ")} (found: ${all.map((x) => x.id).join(", ")})`, id);
  return s;
}

/** Path of the study's printed figures (printed.yaml in the study folder), when it has them. */
export function printedPath(location: StudyLocation): string | null {
  const p = join(location.dir, "printed.yaml");
  return existsSync(p) ? p : null;
}

/** The study's printed figures (printed.yaml in its folder), or none. */
export function readStudyPrinted(location: StudyLocation): PrintedFile | null {
  const p = printedPath(location);
  return p ? readPrinted(p) : null;
}

/** The study's own kengetallen files: kengetallen.yaml and kengetallen/*.yaml in its folder. */
export function studyKengetallenFiles(dir: string): string[] {
  const out: string[] = [];
  for (const f of ["kengetallen.yaml", "kengetallen.yml"]) if (existsSync(join(dir, f))) out.push(join(dir, f));
  const sub = join(dir, "kengetallen");
  if (existsSync(sub) && statSync(sub).isDirectory()) out.push(...readdirSync(sub).filter((f) => /\.ya?ml$/.test(f)).sort().map((f) => join(sub, f)));
  return out;
}

/** Every study's own kengetallen files, study by study. */
export function allStudyKengetallenFiles(roots: string[] = studyRoots()): string[] {
  return listStudies(roots, undefined).flatMap((s) => studyKengetallenFiles(s.dir));
}

/** The monitoring data a study declares (study.yaml `monitoring`), paths resolved against its folder. */
export interface MonitoringData {
  study: string;
  riskModel?: string;
  referenceCurves?: string;
  effectIndicator?: string;
}

/**
 * The monitoring data of the one study that declares it (study.yaml `monitoring`); null when none
 * does, an error naming both when two studies declare the same kind of file.
 */
export function monitoringData(roots: string[] = studyRoots()): MonitoringData | null {
  const found: MonitoringData[] = [];
  for (const location of listStudies(roots, undefined)) {
    const s = readStudy(location);
    if (!s.monitoring) continue;
    const at = (f?: string) => (f ? join(location.dir, f) : undefined);
    found.push({study: s.id, riskModel: at(s.monitoring.riskModel), referenceCurves: at(s.monitoring.referenceCurves), effectIndicator: at(s.monitoring.effectIndicator)});
  }
  if (found.length > 1) throw new InputError(`${found[1].study}/study.yaml: monitoring: expected one study with monitoring data, also declared by ${found[0].study}`, found[1].study);
  return found[0] ?? null;
}

/** Path of the study's assumptions register, when it has one. */
export function assumptionsPath(location: StudyLocation): string | null {
  const p = join(location.dir, "assumptions.yaml");
  return existsSync(p) ? p : null;
}
