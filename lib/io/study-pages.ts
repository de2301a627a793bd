// The site's pages of every study (Node only; read by observablehq.config.ts for the sidebar and
// `dynamicPaths`): the start page, one page per item, per calculator, the cockpit and assumptions
// pages when the study has them, the uncertainty page when a model has an input to vary, and the
// ranked assumptions register and the study report when it has a model (a page kind with nothing to
// show is not built).
import {join} from "node:path";
import {listStudies, readStudy, assumptionsPath, studyRoots, type StudyLocation} from "./study-description.js";
import {loadStudy} from "./study.js";
import type {StudyDescription} from "../schema/study.js";
import type {CompiledModel} from "../model/compile.js";

/** Whether a model has an input to vary: a single-number parameter with a slider or a stated uncertainty, or an uncertain kengetal. */
export function hasUncertainInputs(model: CompiledModel): boolean {
  return model.leaves.some((l) => {
    const u = l.leaf?.uncertainty as {type?: string} | undefined;
    const uncertain = u !== undefined && u.type !== "fixed";
    return (l.kind === "parameter" && !l.series && (uncertain || l.leaf?.control !== undefined)) || (l.kind === "kengetal" && uncertain);
  });
}

/** Whether the study's uncertainty page has something to show (a model of its pages with an input to vary). */
export function studyHasUncertainty(location: StudyLocation, s: StudyDescription = readStudy(location)): boolean {
  const files = s.uncertainty ?? [...new Set([...s.items.map((i) => i.model), ...s.tools.map((t) => t.model), ...(s.cockpit ? [s.cockpit.model] : [])])];
  return files.some((f) => hasUncertainInputs(loadStudy(join(location.dir, f), {onWarning: () => {}})));
}

/** The model files of a study: every model its items, tools, cockpit and uncertainty page name (in that order, once each). */
export function studyModelFiles(s: StudyDescription): string[] {
  return [...new Set([...s.items.map((i) => i.model), ...s.tools.map((t) => t.model), ...(s.cockpit ? [s.cockpit.model] : []), ...(s.uncertainty ?? [])])];
}

export interface StudyPages {
  id: string;
  title: string;
  pages: {name: string; path: string}[];
  /** Old path → new path, for the redirect pages. */
  redirects: {from: string; to: string}[];
}

export function studyPages(roots: string[] = studyRoots(), {tolerant = false}: {tolerant?: boolean} = {}): StudyPages[] {
  return listStudies(roots).map((location) => {
    try {
      return pagesOf(location);
    } catch (error) {
      // The preview (`npm start`) keeps going: the invalid study gets its start page, whose loader
      // shows the problem (lib/io/loader-error.ts). A build (not tolerant) stops here, naming the file.
      if (!tolerant) throw error;
      return {id: location.id, title: `${location.id} (fout)`, pages: [{name: "Overzicht", path: `/studies/${location.id}/index`}], redirects: []};
    }
  });
}

function pagesOf(location: StudyLocation): StudyPages {
  const s = readStudy(location);
  const base = `/studies/${s.id}`;
  return {
    id: s.id,
    title: s.shortTitle,
    pages: [
      {name: "Overzicht", path: `${base}/index`},
      ...s.items.map((i) => ({name: i.title, path: `${base}/${i.id}`})),
      ...s.tools.map((t) => ({name: t.title, path: `${base}/rekenhulp/${t.id}`})),
      ...(s.cockpit ? [{name: s.cockpit.title, path: `${base}/cockpit`}] : []),
      ...(assumptionsPath(location) ? [{name: "Aannames", path: `${base}/aannames`}] : []),
      ...(studyHasUncertainty(location, s) ? [{name: "Onzekerheid", path: `${base}/onzekerheid`}] : []),
      ...(studyModelFiles(s).length ? [{name: "Aannameregister", path: `${base}/aannameregister`}] : []),
      // The study report (src/studies/[study]/rapport.md, lib/report/study-report.ts).
      ...(studyModelFiles(s).length ? [{name: "Studierapport", path: `${base}/rapport`}] : [])
    ],
    redirects: Object.entries(s.redirects).map(([from, to]) => ({from, to: `${base}/${to}`}))
  };
}

/** Every redirect of every study; an old path claimed twice is an error. */
export function studyRedirects(roots: string[] = studyRoots()): {from: string; to: string}[] {
  const out = studyPages(roots).flatMap((s) => s.redirects);
  const seen = new Set<string>();
  for (const r of out) {
    if (seen.has(r.from)) throw new Error(`redirect ${r.from} is declared by two studies`);
    seen.add(r.from);
  }
  return out;
}
