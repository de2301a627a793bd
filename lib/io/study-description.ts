// Find the studies and read their descriptions (Node only). A study is a directory with a
// study.yaml (lib/schema/study.ts) under data/studies/, or under an extra root named in the
// environment variable RENDEMENT_EXTRA_STUDIES (a path list separated by ":"; used by the
// fixture-study test to build a study that is not shipped). Errors read `file:line: field: …`.
import {readTextFile} from "./read-file.js";
import {existsSync, readdirSync} from "node:fs";
import {join} from "node:path";
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
      if (!existsSync(join(dir, "study.yaml"))) continue;
      if (found.has(name)) throw new InputError(`${join(dir, "study.yaml")}: study "${name}" is also in ${found.get(name)}`, join(dir, "study.yaml"));
      found.set(name, dir);
    }
  }
  const keep = only ? new Set(only.split(",").filter(Boolean)) : null;
  return [...found].filter(([id]) => !keep || keep.has(id)).map(([id, dir]) => ({id, dir})).sort((a, b) => a.id.localeCompare(b.id));
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

/** The printed figures the study names (data/printed/<printed>.yaml), or none. */
export function readStudyPrinted(study: StudyDescription): PrintedFile | null {
  if (!study.printed) return null;
  return readPrinted(`data/printed/${study.printed}.yaml`);
}

/** Path of the study's assumptions register, when it has one. */
export function assumptionsPath(location: StudyLocation): string | null {
  const p = join(location.dir, "assumptions.yaml");
  return existsSync(p) ? p : null;
}
