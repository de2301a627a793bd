// Read a study's printed figures (data/studies/<study>/printed.yaml; Node only) with file:line errors.
import {readFileSync} from "node:fs";
import {printedFileSchema, type PrintedFile} from "../schema/printed.js";
import {parseYaml, zodIssues} from "./yaml-errors.js";
import {listStudies, printedPath, studyRoots, type StudyLocation} from "./study-description.js";

export function readPrinted(file: string): PrintedFile {
  const parsed = parseYaml(readFileSync(file, "utf8"), file);
  const r = printedFileSchema.safeParse(parsed.data);
  if (!r.success) throw zodIssues(parsed, r.error);
  return r.data;
}

/** Every study with printed figures: its folder, the file and the figures, read and validated. */
export function readAllPrinted(roots: string[] = studyRoots()): {study: string; location: StudyLocation; file: string; printed: PrintedFile}[] {
  return listStudies(roots, undefined).flatMap((location) => {
    const file = printedPath(location);
    return file ? [{study: location.id, location, file, printed: readPrinted(file)}] : [];
  });
}
