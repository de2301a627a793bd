// Read a file of printed figures (data/printed/<study>.yaml) with file:line errors (Node only).
import {readFileSync} from "node:fs";
import {printedFileSchema, type PrintedFile} from "../schema/printed.js";
import {parseYaml, zodIssues} from "./yaml-errors.js";

export function readPrinted(file: string): PrintedFile {
  const parsed = parseYaml(readFileSync(file, "utf8"), file);
  const r = printedFileSchema.safeParse(parsed.data);
  if (!r.success) throw zodIssues(parsed, r.error);
  return r.data;
}
