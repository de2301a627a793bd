// Errors of the kengetallen registry. Browser-safe: no node: imports.

/** One problem in a kengetallen (or CPI) file: where it is and what was expected. */
export interface KengetalProblem {
  /** File name as given to the parser (relative path when read from disk). */
  file: string;
  /** 1-based line of the offending field (or of the nearest enclosing node when the field is missing). */
  line: number;
  /** Dotted path of the field, e.g. `kengetallen[3].priceYear`. */
  field: string;
  /** Id of the record concerned, when the problem is inside a record that has one. */
  id?: string;
  /** What was expected and what was found. */
  message: string;
}

export function formatProblem(p: KengetalProblem): string {
  return `${p.file}:${p.line}: ${p.field}${p.id ? ` [${p.id}]` : ""}: ${p.message}`;
}

/**
 * A bad kengetallen file, duplicate id or unknown lookup. `file`, `line` and `field` are those of the
 * first problem; `problems` holds all of them; the message lists all, one per line, as
 * `file:line: field [id]: expected ..., found ...`.
 */
export class KengetalError extends Error {
  readonly file: string;
  readonly line: number;
  readonly field: string;
  readonly problems: KengetalProblem[];
  constructor(problems: KengetalProblem[]) {
    super(problems.map(formatProblem).join("\n"));
    this.name = "KengetalError";
    this.problems = problems;
    this.file = problems[0]?.file ?? "";
    this.line = problems[0]?.line ?? 0;
    this.field = problems[0]?.field ?? "";
  }
}
