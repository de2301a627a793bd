// Run every study's reproduction checks (Node only): data/printed/<study>.yaml holds the printed
// figures, lib/reproduce/studies/<study>.ts computes each of them with the one calculation library.
import {existsSync, readdirSync, readFileSync} from "node:fs";
import path from "node:path";
import {fileURLToPath, pathToFileURL} from "node:url";
import {printedFileSchema, type PrintedFile} from "../schema/printed.js";
import {parseYaml, zodIssues} from "../io/yaml-errors.js";
import {judge, type Check} from "./checks.js";

/** A study module computes printed figures by id; it may add a note to a computed value. */
export interface StudyComputations {
  compute(figure: PrintedFile["figures"][number]): number | null | {value: number | null; note?: string};
}

export function readPrinted(file: string): PrintedFile {
  const parsed = parseYaml(readFileSync(file, "utf8"), file);
  const r = printedFileSchema.safeParse(parsed.data);
  if (!r.success) throw zodIssues(parsed, r.error);
  return r.data;
}

export async function runChecks({dir = "data/printed", study}: {dir?: string; study?: string} = {}): Promise<Check[]> {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const files = readdirSync(dir).filter((f) => f.endsWith(".yaml")).sort();
  const checks: Check[] = [];
  for (const f of files) {
    const printed = readPrinted(path.join(dir, f));
    if (study && printed.study !== study) continue;
    const modulePath = path.join(here, "studies", `${printed.study}.ts`);
    if (!existsSync(modulePath)) {
      for (const figure of printed.figures) checks.push(judge(printed.study, figure, null, `(no module lib/reproduce/studies/${printed.study}.ts)`));
      continue;
    }
    const mod = (await import(pathToFileURL(modulePath).href)) as StudyComputations;
    for (const figure of printed.figures) {
      let result: ReturnType<StudyComputations["compute"]>;
      try {
        result = mod.compute(figure);
      } catch (error) {
        checks.push(judge(printed.study, figure, null, `computation failed: ${(error as Error).message}`));
        continue;
      }
      const {value, note} = typeof result === "object" && result !== null ? result : {value: result, note: undefined};
      checks.push(judge(printed.study, figure, value, note));
    }
  }
  return checks;
}
