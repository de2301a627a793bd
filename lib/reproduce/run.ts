// Run every study's reproduction checks (Node only): data/printed/<study>.yaml holds the printed
// figures, lib/reproduce/studies/<study>.ts computes each of them with the one calculation library,
// and a `fromPrinted` figure is the report's own arithmetic over its other printed figures.
// File access goes through lib/io/printed-file.ts.
import path from "node:path";
import {fileURLToPath, pathToFileURL} from "node:url";
import type {PrintedFile} from "../schema/printed.js";
import {fileExists, readPrinted, readPrintedDir} from "../io/printed-file.js";
import {evaluatePrinted} from "./arithmetic.js";
import {defaultRegistry} from "../io/study.js";
import {judge, type Check} from "./checks.js";

export {readPrinted};

/** A study module computes printed figures by id; it may add a note (Dutch) to a computed value. */
export interface StudyComputations {
  compute(figure: PrintedFile["figures"][number]): number | null | {value: number | null; note?: string};
}

export async function runChecks({dir = "data/printed", study}: {dir?: string; study?: string} = {}): Promise<Check[]> {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const checks: Check[] = [];
  for (const {printed} of readPrintedDir(dir)) {
    if (study && printed.study !== study) continue;
    const values = new Map(printed.figures.map((f) => [f.id, f.printed]));
    const causes = new Map(printed.causes.map((c) => [c.id, c]));
    // studies/<id>.ts beside this file, or studies/<id>.mjs in the command-line bundle (scripts/build-cli.mjs).
    const modulePath = [".ts", ".mjs"].map((ext) => path.join(here, "studies", `${printed.study}${ext}`)).find(fileExists) ?? "";
    const mod = modulePath ? ((await import(pathToFileURL(modulePath).href)) as StudyComputations) : undefined;
    for (const figure of printed.figures) {
      const cause = figure.cause ? causes.get(figure.cause) : undefined;
      let result: ReturnType<StudyComputations["compute"]>;
      try {
        if (figure.fromPrinted) result = evaluatePrinted(figure.fromPrinted, (id) => (id.startsWith("k.") ? defaultRegistry().get(id.slice(2))?.value : id === figure.id ? undefined : values.get(id)));
        else if (mod) result = mod.compute(figure);
        else result = {value: null, note: `(geen module lib/reproduce/studies/${printed.study}.ts)`};
      } catch (error) {
        checks.push(judge(printed.study, figure, null, {cause, note: `Berekening mislukt: ${(error as Error).message}`}));
        continue;
      }
      const {value, note} = typeof result === "object" && result !== null ? result : {value: result, note: undefined};
      checks.push(judge(printed.study, figure, value, {cause, note}));
    }
  }
  return checks;
}
