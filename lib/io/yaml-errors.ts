// Shared helpers for reading YAML input files with line numbers and turning zod issues into
// messages of the form `file:line: field: expected …, found …`.
import {isNode, isPair, isScalar, LineCounter, parseDocument, visit, type Document} from "yaml";
import type {z} from "zod";
import {yamlData, YamlAliasError} from "../yaml.js";

export class InputError extends Error {
  constructor(
    message: string,
    readonly file: string,
    readonly issues: {line?: number; field: string; message: string}[] = []
  ) {
    super(message);
    this.name = "InputError";
  }
}

export interface ParsedYaml {
  file: string;
  doc: Document.Parsed;
  lineCounter: LineCounter;
  data: unknown;
}

export function parseYaml(text: string, file: string): ParsedYaml {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, {lineCounter, prettyErrors: false});
  if (doc.errors.length) {
    const issues = doc.errors.map((e) => ({line: lineCounter.linePos(e.pos[0]).line, field: "(syntax)", message: syntaxMessage(e.code, e.message)}));
    throw new InputError(issues.map((i) => `${file}:${i.line}: ${i.message}`).join("\n"), file, issues);
  }
  // A merge key (`<<: *base`) is plain text in YAML 1.2, so the fields it would merge seem missing:
  // say what it is instead.
  let merge: number | undefined;
  visit(doc, {
    Pair(_, pair) {
      if (isPair(pair) && isScalar(pair.key) && pair.key.value === "<<") {
        merge = pair.key.range ? lineCounter.linePos(pair.key.range[0]).line : undefined;
        return visit.BREAK;
      }
      return undefined;
    }
  });
  if (merge !== undefined) {
    const message = "merge keys (<<: *anchor) are not supported; write the fields out";
    throw new InputError(`${file}:${merge ?? "?"}: ${message}`, file, [{line: merge, field: "<<", message}]);
  }
  let data: unknown;
  try {
    data = yamlData(doc, file, lineCounter);
  } catch (error) {
    if (error instanceof YamlAliasError) throw new InputError(error.message, file, [{line: error.line, field: "(aliases)", message: error.message}]);
    throw error;
  }
  return {file, doc, lineCounter, data};
}

/** The YAML library's message in this project's words (its advice names its own API, not the file). */
function syntaxMessage(code: string, message: string): string {
  if (code === "MULTIPLE_DOCS") return "expected one YAML document per file, found a second one (a line \"---\" starts another document)";
  return message.split("\n")[0];
}

/** The line of the deepest node along `path` that exists in the document. */
export function lineOf(parsed: ParsedYaml, path: readonly PropertyKey[]): number | undefined {
  for (let n = path.length; n >= 0; --n) {
    const node = parsed.doc.getIn(path.slice(0, n) as (string | number)[], true);
    if (isNode(node) && node.range) return parsed.lineCounter.linePos(node.range[0]).line;
  }
  return undefined;
}

export function fieldName(path: readonly PropertyKey[]): string {
  return path.map((p, i) => (typeof p === "number" ? `[${p}]` : `${i ? "." : ""}${String(p)}`)).join("") || "(top level)";
}

/** A readable label for the record a path points into: its `id` when it has one. */
function recordLabel(parsed: ParsedYaml, path: readonly PropertyKey[]): string {
  for (let n = path.length; n > 0; --n) {
    if (typeof path[n - 1] !== "number") continue;
    const node = parsed.doc.getIn([...path.slice(0, n), "id"] as (string | number)[]);
    if (typeof node === "string") return ` (${node})`;
  }
  return "";
}

function found(parsed: ParsedYaml, path: readonly PropertyKey[]): string {
  const v = parsed.doc.getIn(path as (string | number)[]);
  if (v === undefined) return "nothing";
  if (typeof v === "number" && !Number.isFinite(v)) {
    // .nan, .inf or 1e400 (too large for a number): JSON would print null.
    const node = parsed.doc.getIn(path as (string | number)[], true);
    const text = isScalar(node) && typeof node.source === "string" ? node.source : String(v);
    return `${text}, which is not a finite number`;
  }
  const s = JSON.stringify(v && typeof v === "object" && "toJSON" in v ? (v as {toJSON(): unknown}).toJSON() : v);
  return s && s.length > 60 ? s.slice(0, 57) + "..." : (s ?? String(v));
}

export function zodIssues(parsed: ParsedYaml, error: z.ZodError): InputError {
  const issues = error.issues.map((issue) => {
    const path = issue.path;
    const line = lineOf(parsed, path);
    const message = `${issue.message}, found ${found(parsed, path)}`;
    return {line, field: fieldName(path) + recordLabel(parsed, path), message};
  });
  return new InputError(issues.map((i) => `${parsed.file}:${i.line ?? "?"}: ${i.field}: ${i.message}`).join("\n"), parsed.file, issues);
}
