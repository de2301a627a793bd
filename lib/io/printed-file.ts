// Read the printed-figures files of data/printed/ (Node only) with file:line errors.
import {readTextFile} from "./read-file.js";
import {existsSync, readdirSync} from "node:fs";
import path from "node:path";
import {printedFileSchema, type PrintedFile} from "../schema/printed.js";
import {parseYaml, zodIssues} from "./yaml-errors.js";

export function readPrinted(file: string): PrintedFile {
  const parsed = parseYaml(readTextFile(file), file);
  const r = printedFileSchema.safeParse(parsed.data);
  if (!r.success) throw zodIssues(parsed, r.error);
  return r.data;
}

/** The printed-figures files of a folder (file names, sorted). */
export function printedFileNames(dir: string): string[] {
  return readdirSync(dir).filter((f) => f.endsWith(".yaml")).sort();
}

/** Every printed-figures file of a folder, read and validated, with its path. */
export function readPrintedDir(dir: string): {file: string; printed: PrintedFile}[] {
  return printedFileNames(dir).map((f) => ({file: path.join(dir, f), printed: readPrinted(path.join(dir, f))}));
}

export function fileExists(file: string): boolean {
  return existsSync(file);
}
