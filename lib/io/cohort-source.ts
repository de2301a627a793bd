// Cohort files as spreadsheets save them: a Dutch Excel CSV (semicolon separator, decimal commas) or
// an .xlsx sheet, turned into the comma-separated text every reader already checks, so the exclusion
// rules, messages and --max-excluded limit are the same as for a plain CSV (and the line numbers are
// the file's lines, or the sheet's rows). Node only.
//
//   const source = await openCohortSource("cohort.xlsx", {sheet: "Blad1"});
//   ... readCohortFile / aggregateCohortFile(source.csvPath) ...; source.relabel(x); source.cleanup();
import {mkdtempSync, readFileSync, rmSync, writeFileSync, closeSync, openSync, readSync} from "node:fs";
import {tmpdir} from "node:os";
import path from "node:path";
import {csvFormatRows, csvParseRows, dsvFormat} from "d3-dsv";
import {CohortFileError, detectFormat} from "./cohort-file-base.js";
import {isEventTableHeader} from "./event-table-file.js";
import {DURATION_COLUMNS, FULL_REQUIRED_COLUMNS} from "../schema/cohort-columns.js";

export type SourceKind = "csv" | "dutch-csv" | "xlsx" | "parquet";

export interface CohortSource {
  kind: SourceKind;
  /** The name messages use (the file as given). */
  path: string;
  /** A comma-separated file with the same lines/rows: the file itself for csv and parquet, a temporary copy otherwise. */
  csvPath: string;
  /** What was detected, for the command's output (null for a plain CSV or Parquet). */
  note: string | null;
  /** The CSV text (for the in-process reader). */
  text(): string;
  /** Replace the temporary file's name by the file's name in messages and results. */
  relabel<T>(value: T): T;
  cleanup(): void;
}

const isParquet = (p: string) => /\.parquet$/i.test(p);
export const isXlsx = (p: string) => /\.xlsx$/i.test(p);

/** The first 64 KiB of a file as text (for sniffing the separator). */
function head(p: string): string {
  try {
    const fd = openSync(p, "r");
    try {
      const buf = Buffer.alloc(65536);
      return buf.subarray(0, readSync(fd, buf, 0, buf.length, 0)).toString("utf8");
    } finally {
      closeSync(fd);
    }
  } catch {
    return "";
  }
}

/** A header is ours: a cohort format or an event table. */
const known = (header: string[]) => {
  const h = header.map((c) => c.trim().toLowerCase());
  return detectFormat(h) !== null || isEventTableHeader(h);
};

/**
 * The separator of a CSV file: ";" when its header splits into a known header on semicolons and not
 * on commas (Dutch Excel writes `;` because the comma is the decimal separator), otherwise ",".
 */
export function csvSeparator(p: string): "," | ";" {
  const line = head(p).replace(/^\uFEFF/, "").split(/\r?\n/).find((l) => l.trim() !== "");
  if (line === undefined || !line.includes(";")) return ",";
  const semi = dsvFormat(";").parseRows(line)[0] ?? [];
  const comma = csvParseRows(line)[0] ?? [];
  return known(semi) && !known(comma) ? ";" : ",";
}

function tempCsv(rows: string[][]): {file: string; dir: string} {
  const dir = mkdtempSync(path.join(tmpdir(), "rendement-cohort-"));
  const file = path.join(dir, "cohort.csv");
  writeFileSync(file, csvFormatRows(rows) + "\n");
  return {file, dir};
}

function relabeller(from: string, to: string) {
  const swap = (v: unknown): unknown => {
    if (typeof v === "string") return v.split(from).join(to);
    if (Array.isArray(v)) return v.map(swap);
    if (v && typeof v === "object" && !(v instanceof Date)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, swap(x)]));
    return v;
  };
  return <T>(value: T): T => {
    if (value instanceof CohortFileError) return new CohortFileError(to, value.problems.map((p) => p.split(from).join(to))) as T;
    return swap(value) as T;
  };
}

/** Event tables keep a dot decimal; a Dutch copy's months "1,5" become "1.5" (nothing else changes). */
function dotMonths(rows: string[][]): string[][] {
  const i = rows.findIndex((r) => !(r.length === 1 && r[0].trim() === ""));
  if (i < 0 || !isEventTableHeader(rows[i])) return rows;
  const m = rows[i].map((c) => c.trim().toLowerCase()).indexOf("months");
  return rows.map((r, k) => (k > i && r.length > m && /^\s*\d+,\d+\s*$/.test(r[m]) ? r.map((c, j) => (j === m ? c.replace(",", ".") : c)) : r));
}

/** A cell of a sheet as the text a CSV would hold: dates YYYY-MM-DD, numbers as JavaScript writes them. */
export function cellText(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? "" : v.toISOString().slice(0, 10);
  if (typeof v === "number") return Number.isFinite(v) ? String(v) : "";
  if (typeof v === "boolean") return v ? "1" : "0";
  return String(v);
}

/**
 * The expected columns of a sheet's header, refused in Dutch and English (one line per missing
 * column, naming it), as a CSV's header is refused in English.
 */
function checkSheetHeader(header: string[], where: string) {
  const h = header.map((c) => c.trim().toLowerCase());
  if (isEventTableHeader(h)) return;
  const format = detectFormat(h);
  const found = h.filter((c) => c !== "").join(",") || "(geen kolommen / no columns)";
  if (!format)
    throw new CohortFileError(where, [
      `${where}:1: header: kolommen ${DURATION_COLUMNS.join(",")} (duurtabel) of ${FULL_REQUIRED_COLUMNS.join(",")} (volledig cohort) verwacht / expected the duration table columns ${DURATION_COLUMNS.join(",")} or the full cohort columns ${FULL_REQUIRED_COLUMNS.join(",")}, found ${found}`
    ]);
  const required: readonly string[] = format === "duration" ? DURATION_COLUMNS : FULL_REQUIRED_COLUMNS;
  const missing = required.filter((c) => !h.includes(c));
  if (missing.length)
    throw new CohortFileError(
      where,
      missing.map(
        (c) =>
          `${where}:1: header: kolom "${c}" ontbreekt (${format === "duration" ? "duurtabel" : "volledig cohort"}) / expected a column "${c}" (${format === "duration" ? "duration table" : "full cohort"} format), found ${found}`
      )
    );
}

/** Read the sheet (the first, or `sheet`: a name or a number from 1) as rows of text; every row is one CSV line. */
async function readSheetRows(p: string, sheet: string | undefined): Promise<{rows: string[][]; name: string}> {
  const {default: readXlsxFile} = await import("read-excel-file/node");
  let sheets: {sheet: string; data: unknown[][]}[];
  try {
    sheets = (await readXlsxFile(readFileSync(p))) as unknown as {sheet: string; data: unknown[][]}[];
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    throw new CohortFileError(p, [`${p}: cannot read the spreadsheet / kan het rekenblad niet lezen: ${e.code ?? e.message.split("\n")[0]}`]);
  }
  let chosen: {sheet: string; data: unknown[][]} | undefined;
  if (sheet === undefined) chosen = sheets[0];
  else if (/^\d+$/.test(sheet)) chosen = sheets[Number(sheet) - 1];
  else chosen = sheets.find((s) => s.sheet === sheet);
  if (!chosen)
    throw new CohortFileError(p, [`--sheet: blad "${sheet}" bestaat niet / expected a sheet of ${p} (${sheets.map((s, i) => `${i + 1}: "${s.sheet}"`).join(", ")}), found "${sheet}"`]);
  // One sheet row per CSV line, so messages name sheet rows (a cell with a line break, kept as it is,
  // moves the rows after it down by one in messages).
  const width = Math.max(0, ...chosen.data.map((r) => r.length));
  const rows = chosen.data.map((r) => {
    const cells = Array.from({length: width}, (_, k) => cellText(r[k]));
    // Trailing empty cells are padding of a ragged sheet; an entirely empty row stays a blank line.
    return cells.every((c) => c === "") ? [""] : cells;
  });
  return {rows, name: chosen.sheet};
}

/** Open a cohort file as a plain CSV (or Parquet) that every reader takes. */
export async function openCohortSource(p: string, {sheet}: {sheet?: string} = {}): Promise<CohortSource> {
  const plain = (kind: SourceKind): CohortSource => ({
    kind,
    path: p,
    csvPath: p,
    note: null,
    text: () => readFileSync(p, "utf8"),
    relabel: (v) => v,
    cleanup: () => undefined
  });
  if (sheet !== undefined && !isXlsx(p)) throw new CohortFileError(p, [`--sheet: only for an .xlsx file, found ${p}`]);
  if (isParquet(p)) return plain("parquet");
  if (isXlsx(p)) {
    const {rows, name} = await readSheetRows(p, sheet);
    const first = rows.find((r) => !(r.length === 1 && r[0] === "")) ?? [];
    checkSheetHeader(first, p);
    const {file, dir} = tempCsv(rows);
    const relabel = relabeller(file, p);
    return {
      kind: "xlsx",
      path: p,
      csvPath: file,
      note: `${p}: Excel-werkblad "${name}" gelezen (regelnummers zijn rijen van het blad) / read the .xlsx sheet "${name}" (line numbers are sheet rows)`,
      text: () => readFileSync(file, "utf8"),
      relabel,
      cleanup: () => rmSync(dir, {recursive: true, force: true})
    };
  }
  if (csvSeparator(p) === ",") return plain("csv");
  let text: string;
  try {
    text = readFileSync(p, "utf8");
  } catch (error) {
    throw new CohortFileError(p, [`${p}: cannot read file: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`]);
  }
  const rows = dotMonths(dsvFormat(";").parseRows(text.replace(/^\uFEFF/, "")));
  const {file, dir} = tempCsv(rows);
  return {
    kind: "dutch-csv",
    path: p,
    csvPath: file,
    note: `${p}: puntkomma als scheidingsteken en decimale komma's (Nederlandse Excel-CSV) / semicolon separator with decimal commas (Dutch Excel CSV), read as such`,
    text: () => readFileSync(file, "utf8"),
    relabel: relabeller(file, p),
    cleanup: () => rmSync(dir, {recursive: true, force: true})
  };
}

/** Open `p`, run `fn` on it, relabel what it returns or throws, and remove any temporary copy. */
export async function withCohortSource<T>(p: string, sheet: string | undefined, fn: (source: CohortSource) => Promise<T> | T): Promise<T> {
  const source = await openCohortSource(p, {sheet});
  try {
    return source.relabel(await fn(source));
  } catch (error) {
    throw error instanceof CohortFileError ? source.relabel(error) : error;
  } finally {
    source.cleanup();
  }
}
