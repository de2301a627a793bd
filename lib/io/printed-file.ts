import {readTextFile} from "./read-file.js";
import {printedFileSchema, type PrintedFile} from "../schema/printed.js";
import {parseYaml, zodIssues} from "./yaml-errors.js";
import {listStudies, printedPath, studyRoots, type StudyLocation} from "./study-description.js";

export function readPrinted(file: string): PrintedFile {
  const parsed = parseYaml(readTextFile(file), file);
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
