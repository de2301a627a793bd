// Computations for data/printed/jeugdwerkloosheid.yaml (seed 001, Meta-analyse MKBA's Jeugdwerkloosheid,
// Bijlage III): the "Saldo & rendement" block of the ten factsheets, per participant, from the line
// items in data/studies/jeugdwerkloosheid/fsNN-*.yaml (factsheet 1 as a cohort of 60 participants).
import {loadStudy} from "../../io/study.js";
import {evaluate} from "../../model/evaluate.js";
import {summarize, type Summary} from "../../finance/summary.js";
import type {CompiledModel} from "../../model/compile.js";
import type {PrintedFigure} from "../../schema/printed.js";

/** The ten factsheet models, factsheet n at index n − 1. */
export const factsheetFiles: readonly string[] = [
  "data/studies/jeugdwerkloosheid/fs01-groepstraining.yaml",
  "data/studies/jeugdwerkloosheid/fs02-casusregisseur.yaml",
  "data/studies/jeugdwerkloosheid/fs03-consulent-kwetsbare-jongeren.yaml",
  "data/studies/jeugdwerkloosheid/fs04-jongerenadviseurs.yaml",
  "data/studies/jeugdwerkloosheid/fs05-school-op-maat.yaml",
  "data/studies/jeugdwerkloosheid/fs06-sociale-firma.yaml",
  "data/studies/jeugdwerkloosheid/fs07-tijdelijk-dienstverband.yaml",
  "data/studies/jeugdwerkloosheid/fs08-statushouders.yaml",
  "data/studies/jeugdwerkloosheid/fs09-ips.yaml",
  "data/studies/jeugdwerkloosheid/fs10-werk-en-veiligheid.yaml",
];

/** Model file of factsheet `n` (1-10). */
export function factsheetFile(n: number): string {
  const file = factsheetFiles[n - 1];
  if (!file) throw new Error(`no model file for factsheet ${n}`);
  return file;
}

const cache = new Map<number, CompiledModel>();
export function factsheetModel(n: number): CompiledModel {
  if (!cache.has(n)) cache.set(n, loadStudy(factsheetFile(n)));
  return cache.get(n)!;
}

/** Per-participant results of a factsheet: amounts divided by the participants (1 where the lines are already per participant). */
export function factsheetResult(n: number): {summary: Summary; perParticipant: (x: number) => number} {
  const summary = summarize(evaluate(factsheetModel(n)));
  const count = summary.participants ?? 1;
  return {summary, perParticipant: (x) => x / count};
}

export function compute(figure: PrintedFigure): number | null {
  const m = /^fs(\d+)_(\w+)$/.exec(figure.id);
  if (!m) return null;
  const {summary: s, perParticipant} = factsheetResult(Number(m[1]));
  switch (m[2]) {
    case "totale_kosten":
      return perParticipant(s.costs);
    case "totale_baten":
      return perParticipant(s.benefits);
    case "saldo":
      return perParticipant(s.saldo);
    case "financiele_kb":
      return s.financialRatio;
    case "maatschappelijke_kb":
      return s.ratio;
    case "gemeentelijke_kb":
      return s.actors.find((a) => a.actor === "gemeente")?.ratio ?? null;
    default:
      return null;
  }
}
