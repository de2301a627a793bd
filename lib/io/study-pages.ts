// The site's pages of every study (Node only; read by observablehq.config.ts for the sidebar and
// `dynamicPaths`): the start page, one page per item, per calculator, the cockpit and assumptions
// pages when the study has them, and the uncertainty page.
import {listStudies, readStudy, assumptionsPath, studyRoots} from "./study-description.js";

export interface StudyPages {
  id: string;
  title: string;
  pages: {name: string; path: string}[];
  /** Old path → new path, for the redirect pages. */
  redirects: {from: string; to: string}[];
}

export function studyPages(roots: string[] = studyRoots()): StudyPages[] {
  return listStudies(roots).map((location) => {
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
        {name: "Onzekerheid", path: `${base}/onzekerheid`}
      ],
      redirects: Object.entries(s.redirects).map(([from, to]) => ({from, to: `${base}/${to}`}))
    };
  });
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
