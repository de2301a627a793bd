// Parse and validate the text of one kengetallen YAML file (or the CPI file), keeping line numbers
// so every problem names file, line, field and record id. Pure (no file system): lib/io reads files.
import {isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node} from "yaml";
import {yamlData, YamlAliasError} from "../yaml.js";
import type {z} from "zod";
import {cpiFileSchema, kengetallenFileSchema, type CpiFile, type Kengetal, type KengetallenFile} from "../schema/kengetal.js";
import {KengetalError, type KengetalProblem} from "./errors.js";

/** A kengetal as held by the registry: the record plus where it came from. */
export interface RegisteredKengetal extends Kengetal {
  /** Theme of the file the record was read from. */
  theme: string;
  /** File the record was read from (relative path), when read from a file. */
  file?: string;
  /** 1-based line of the record's `id` in that file. */
  line?: number;
}

export interface ParsedKengetallenFile {
  theme: string;
  description: string;
  file: string;
  kengetallen: RegisteredKengetal[];
}

function describeFound(input: unknown): string {
  if (input === undefined) return "nothing";
  if (input === null) return "null";
  if (typeof input === "string") return JSON.stringify(input);
  if (typeof input === "number" || typeof input === "boolean") return String(input);
  if (Array.isArray(input)) return "a list";
  return "a mapping";
}

function fieldName(path: readonly PropertyKey[]): string {
  let out = "";
  for (const seg of path) {
    if (typeof seg === "number") out += `[${seg}]`;
    else out += (out ? "." : "") + String(seg);
  }
  return out || "(top level)";
}

/** Line of the node at `path` (the key's line for a mapping entry), or of the nearest ancestor found. */
function lineOf(doc: Document, lc: LineCounter, path: readonly PropertyKey[]): number {
  let node: unknown = doc.contents;
  let offset = (doc.contents as Node | null)?.range?.[0] ?? 0;
  for (const seg of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => (isScalar(p.key) ? p.key.value : p.key) === seg);
      if (!pair) break;
      const key = pair.key as Node | null;
      if (key?.range) offset = key.range[0];
      node = pair.value;
    } else if (isSeq(node) && typeof seg === "number") {
      const item = node.items[seg] as Node | undefined;
      if (!item) break;
      if (item.range) offset = item.range[0];
      node = item;
    } else break;
  }
  return lc.linePos(offset).line;
}

function issueMessage(issue: z.core.$ZodIssue): string {
  const found = "input" in issue ? issue.input : undefined;
  switch (issue.code) {
    case "invalid_type":
    case "invalid_value":
    case "invalid_format":
    case "too_small":
    case "too_big":
    case "not_multiple_of":
      return `${issue.message}, found ${describeFound(found)}`;
    case "invalid_union":
      if ("discriminator" in issue && issue.discriminator) {
        const v = found && typeof found === "object" ? (found as Record<string, unknown>)[issue.discriminator as string] : undefined;
        return `${issue.message}, found ${describeFound(v)}`;
      }
      return issue.message;
    case "unrecognized_keys":
      return `unexpected field${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((k) => JSON.stringify(k)).join(", ")} (check the spelling; see docs/kengetallen.md)`;
    default:
      return issue.message;
  }
}

function parseYaml(text: string, file: string): {doc: Document; lc: LineCounter; data: unknown} {
  const lc = new LineCounter();
  const doc = parseDocument(text, {lineCounter: lc, prettyErrors: false, uniqueKeys: true});
  if (doc.errors.length > 0) {
    throw new KengetalError(
      doc.errors.map((e) => ({
        file,
        line: e.linePos?.[0]?.line ?? lc.linePos(e.pos[0]).line,
        field: "(YAML)",
        message: `expected valid YAML: ${e.message.split("\n")[0]}`
      }))
    );
  }
  try {
    return {doc, lc, data: yamlData(doc, file, lc)};
  } catch (error) {
    if (error instanceof YamlAliasError) throw new KengetalError([{file, line: error.line ?? 1, field: "(YAML)", message: error.message.replace(/^[^ ]*: /, "")}]);
    throw error;
  }
}

function validate<T>(schema: z.ZodType<T>, text: string, file: string, recordsKey?: string): {value: T; doc: Document; lc: LineCounter} {
  const {doc, lc, data} = parseYaml(text, file);
  const result = schema.safeParse(data, {reportInput: true});
  if (!result.success) {
    const problems: KengetalProblem[] = result.error.issues.map((issue) => {
      let id: string | undefined;
      if (recordsKey && issue.path[0] === recordsKey && typeof issue.path[1] === "number") {
        const rec = (data as Record<string, unknown[]>)[recordsKey]?.[issue.path[1]];
        const rid = rec && typeof rec === "object" ? (rec as Record<string, unknown>).id : undefined;
        if (typeof rid === "string") id = rid;
      }
      return {file, line: lineOf(doc, lc, issue.path), field: fieldName(issue.path), id, message: issueMessage(issue)};
    });
    throw new KengetalError(problems);
  }
  return {value: result.data, doc, lc};
}

/**
 * Parse and validate one kengetallen file. Throws KengetalError naming file, line, field and record
 * id for every problem, including ids that occur twice in the same file.
 */
export function parseKengetallenText(text: string, file: string): ParsedKengetallenFile {
  const {value, doc, lc} = validate<KengetallenFile>(kengetallenFileSchema, text, file, "kengetallen");
  const seen = new Map<string, number>();
  const problems: KengetalProblem[] = [];
  const kengetallen = value.kengetallen.map((k, i) => {
    const line = lineOf(doc, lc, ["kengetallen", i, "id"]);
    const first = seen.get(k.id);
    if (first !== undefined) problems.push({file, line, field: `kengetallen[${i}].id`, id: k.id, message: `expected a unique id, found "${k.id}" again (first at ${file}:${first})`});
    else seen.set(k.id, line);
    return {...k, theme: value.theme, file, line};
  });
  if (problems.length) throw new KengetalError(problems);
  return {theme: value.theme, description: value.description, file, kengetallen};
}

/** Parse and validate the CPI file (data/cpi.yaml): years strictly increasing, one value each. */
export function parseCpiText(text: string, file: string): CpiFile {
  const {value, doc, lc} = validate<CpiFile>(cpiFileSchema, text, file, "values");
  const problems: KengetalProblem[] = [];
  value.values.forEach((v, i) => {
    if (i > 0 && v.year <= value.values[i - 1].year) {
      problems.push({file, line: lineOf(doc, lc, ["values", i, "year"]), field: `values[${i}].year`, message: `expected years in increasing order without repeats, found ${v.year} after ${value.values[i - 1].year}`});
    }
  });
  if (problems.length) throw new KengetalError(problems);
  return value;
}
