// Seeded mutations for the fuzz harness: YAML model text, cohort CSV text and command lines.

/** A small seeded generator (mulberry32): the same seed gives the same cases on every machine. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pick = <T>(rand: () => number, xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];

const WEIRD_NUMBERS = ["0", "-1", "1e308", "-1e308", "1e-320", "0.0", "999999999", "-0.5", "2", "101", "1990", "2200", ".nan", ".inf", "-.inf", "abc", '""', "[]", "{}", "null", "1e999", "0x10", "1,5"];
const FORMULA_EDITS = [" / 0", " * 1e308", " + log(0)", " + sqrt(-1)", " (", ")", " + nope", " * ", " ? 1", "[t - 1000]", " + sum(", " ^ 1000"];

/** One mutation of a YAML model file, with a note saying what was changed (for replaying a failure). */
export function mutateYaml(text: string, rand: () => number): {text: string; note: string} {
  const lines = text.split("\n");
  const kind = Math.floor(rand() * 7);
  const at = Math.floor(rand() * lines.length);
  switch (kind) {
    case 0:
    case 1: {
      // Replace one number with a weird value.
      const numbers = [...text.matchAll(/(?<=[\s:[,])-?\d+(\.\d+)?(e-?\d+)?(?=[\s,\]}])/g)];
      if (!numbers.length) break;
      const m = pick(rand, numbers);
      const v = pick(rand, WEIRD_NUMBERS);
      return {text: text.slice(0, m.index) + v + text.slice(m.index! + m[0].length), note: `number ${m[0]} at offset ${m.index} → ${v}`};
    }
    case 2: {
      // Edit a formula: a division by zero, an overflow, an unknown name, a syntax error.
      const formulas = [...text.matchAll(/(formula|amount): "([^"]*)"/g)];
      if (!formulas.length) break;
      const m = pick(rand, formulas);
      const edit = pick(rand, FORMULA_EDITS);
      const end = m.index! + m[0].length - 1;
      return {text: text.slice(0, end) + edit + text.slice(end), note: `formula "${m[2].slice(0, 40)}" + "${edit}"`};
    }
    case 3:
      lines.splice(at, 1);
      return {text: lines.join("\n"), note: `line ${at + 1} deleted`};
    case 4:
      lines.splice(at, 0, lines[at]);
      return {text: lines.join("\n"), note: `line ${at + 1} duplicated`};
    case 5: {
      const cut = Math.floor(rand() * text.length);
      return {text: text.slice(0, cut), note: `truncated at ${cut}`};
    }
    case 6: {
      const junk = pick(rand, ["\t", ":", "- ", "{", "'", "&a", "*a", "!!js/function", "\u0000", "  "]);
      const line = lines[at];
      const col = Math.floor(rand() * (line.length + 1));
      lines[at] = line.slice(0, col) + junk + line.slice(col);
      return {text: lines.join("\n"), note: `${JSON.stringify(junk)} inserted at line ${at + 1}:${col + 1}`};
    }
  }
  return {text, note: "unchanged"};
}

// "nan", not "NaN": a cell is echoed in messages and may become a group name, and the harness looks
// for a computed "NaN" in the output.
const WEIRD_CELLS = ["", " ", "-1", "abc", "1e308", "nan", "2014-02-30", "9999-99-99", '"', '"a""b"', '"x\ny"', "work", "censored", "none", "0,5", "x".repeat(300)];

/** One mutation of a cohort CSV: cells, rows, columns, quoting, line ends. */
export function mutateCsv(text: string, rand: () => number): {text: string; note: string} {
  const lines = text.split("\n");
  const body = Math.max(1, lines.length - 1);
  const kind = Math.floor(rand() * 7);
  const at = 1 + Math.floor(rand() * (body - 1));
  switch (kind) {
    case 0:
    case 1: {
      // Replace cells of a few rows.
      const n = 1 + Math.floor(rand() * 5);
      const notes: string[] = [];
      for (let k = 0; k < n; ++k) {
        const row = 1 + Math.floor(rand() * (body - 1));
        const cells = (lines[row] ?? "").split(",");
        const c = Math.floor(rand() * cells.length);
        const v = pick(rand, WEIRD_CELLS);
        cells[c] = v;
        lines[row] = cells.join(",");
        notes.push(`line ${row + 1} cell ${c + 1} → ${JSON.stringify(v.slice(0, 12))}`);
      }
      return {text: lines.join("\n"), note: notes.join("; ")};
    }
    case 2: {
      // Break most rows (more than --max-excluded).
      const out = lines.map((l, i) => (i > 0 && l && rand() < 0.5 ? l.split(",").slice(0, -1).join(",") : l));
      return {text: out.join("\n"), note: "about half the rows lose their last field"};
    }
    case 3: {
      const extra = pick(rand, ["postcode", "id", "months", "", "exit_type"]);
      return {text: lines.map((l, i) => (i === 0 ? `${l},${extra}` : l ? `${l},1` : l)).join("\n"), note: `column ${JSON.stringify(extra)} added`};
    }
    case 4: {
      const header = lines[0].split(",");
      const c = Math.floor(rand() * header.length);
      return {text: lines.map((l) => l.split(",").filter((_, j) => j !== c).join(",")).join("\n"), note: `column ${header[c]} removed`};
    }
    case 5:
      return {text: rand() < 0.5 ? lines.join("\r\n") : lines.slice(0, at).join("\n") + '\n"unterminated,' + lines.slice(at).join("\n"), note: "CRLF or an unterminated quote"};
    case 6:
      return {text: lines.slice(0, rand() < 0.3 ? 1 : at).join("\n"), note: `truncated after line ${at}`};
  }
  return {text, note: "unchanged"};
}

const COMMANDS = ["check", "evaluate", "curves", "net-effect", "sensitivity", "scenarios", "psa", "breakeven", "reproduce", "nope", "", "--help", "help"];
const OPTIONS = ["--json", "--set", "--scenario", "--by", "--at", "--causes", "--conf-type", "--max-excluded", "--reference", "--group", "--horizon", "--long-term", "--converge", "--observed-months", "--shape", "--curves", "--draws", "--seed", "--top", "--parameter", "--strict", "--study", "--jsno", "-h", "--", "--qaly-value", "--control-ranges"];
const VALUES = ["", " ", "0", "-1", "1e999", "0x10", "abc", "5%", "75", "[1,2]", "[0.1,,0.2]", "0,05", "1.5", "99999", "iv.nettoEffect=0.1", "iv.nettoEffect=75%", "traject.kostenPerDeelnemer=[1,2,3]", "a=", "=1", "@nope.json#x", "work-other", "plain", "group", "VIP", "zoetermeer", "fit4work-control-work", "--json", "README.md", "tests/fixtures/model-mini.yaml", "tests/fixtures/cohort-small.csv", "data/studies/voorbeeldprojecten/monitoring/nulalternatief.yaml"];

/** A random command line: a command, maybe a file, then options with random (often bad) values. */
export function randomArgs(rand: () => number, files: {models: string[]; cohorts: string[]}): string[] {
  const command = pick(rand, COMMANDS);
  const argv = command ? [command] : [];
  const r = rand();
  if (r < 0.45) argv.push(pick(rand, files.models));
  else if (r < 0.8) argv.push(pick(rand, files.cohorts));
  else if (r < 0.9) argv.push("no/such/file.yaml");
  const n = Math.floor(rand() * 4);
  for (let k = 0; k < n; ++k) {
    argv.push(pick(rand, OPTIONS));
    if (rand() < 0.8) argv.push(pick(rand, VALUES));
  }
  // Bounded work: a Monte Carlo run in the fuzzer uses few draws.
  if (argv[0] === "psa") argv.push("--draws", "20");
  return argv;
}
