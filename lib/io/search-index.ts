// What the site search (Framework's MiniSearch index, observablehq.config.ts `search.index`) holds for
// the pages generated from data: the study pages are built from templates, so the text a reader sees
// on them (titles, narratives, factsheet steps) is in data/studies/*/study.yaml, not in the template's
// Markdown. One record per page, its title carrying the study's name; the kengetallen registry's
// labels and sources for the Kengetallen page. Node only (reads the data files).
import {listStudies, readStudy, assumptionsPath, studyRoots} from "./study-description.js";
import {defaultRegistry} from "./study.js";
import {sourceCitation} from "../finance/study-export.js";
import {readerCitations} from "../reader-citation.js";
import {studyModelFiles} from "./study-pages.js";

export interface SearchRecord {
  /** Page path as in the sidebar, e.g. "/studies/<id>/<item>". */
  path: string;
  title: string;
  text: string;
  keywords?: string;
}

/** Markdown to plain words: drop emphasis marks, link targets and code ticks. */
function plain(text: string | undefined | null): string {
  return readerCitations(text ?? "")
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/[*_`#>]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

export function studySearchRecords(roots: string[] = studyRoots(), {tolerant = false}: {tolerant?: boolean} = {}): SearchRecord[] {
  const out: SearchRecord[] = [];
  for (const location of listStudies(roots)) {
    let s: ReturnType<typeof readStudy>;
    try {
      s = readStudy(location);
    } catch (error) {
      // The preview leaves an invalid study out of the search index (its page shows the problem).
      if (tolerant) continue;
      throw error;
    }
    const base = `/studies/${s.id}`;
    const study = s.shortTitle;
    out.push({
      path: `${base}/index`,
      title: `${study}: ${s.title}`,
      text: [s.report, s.question, s.computes, s.differences, ...s.items.map((i) => `${i.title} ${i.approach} ${i.targetGroup}`), ...s.tools.map((t) => t.title)].map(plain).join(" "),
      keywords: study
    });
    for (const i of s.items) {
      const steps = (i.sections ?? []).map((sec) => `${sec.title} ${plain(sec.text)}`);
      out.push({
        path: `${base}/${i.id}`,
        title: `${i.title} (${study})`,
        text: [i.approach, i.targetGroup, i.narrative, i.nulalternatief, i.cohort, i.source, ...steps].map(plain).join(" "),
        keywords: study
      });
    }
    for (const t of s.tools) {
      out.push({path: `${base}/rekenhulp/${t.id}`, title: `${t.title} (${study}, rekenhulp)`, text: [t.narrative, t.source, t.solve?.label].map(plain).join(" "), keywords: study});
    }
    if (s.cockpit) out.push({path: `${base}/cockpit`, title: `${s.cockpit.title} (${study})`, text: plain(s.cockpit.narrative), keywords: study});
    if (assumptionsPath(location)) out.push({path: `${base}/aannames`, title: `Aannames (${study})`, text: `Wat het rapport zegt en wat gereconstrueerd is: ${plain(s.title)}`, keywords: study});
    out.push({path: `${base}/onzekerheid`, title: `Onzekerheid (${study})`, text: `Gevoeligheid, scenario's, Monte Carlo, waarde van informatie (EVPI, EVPPI) en break-even van ${plain(s.title)}`, keywords: study});
    if (studyModelFiles(s).length) out.push({path: `${base}/aannameregister`, title: `Aannameregister (${study})`, text: `Alle aannames en invoer van ${plain(s.title)}, gerangschikt naar invloed op het saldo`, keywords: study});
    if (studyModelFiles(s).length) out.push({path: `${base}/rapport`, title: `Studierapport (${study})`, text: `Vraag, aanpak, invoer, uitkomsten per belanghebbende, onzekerheid en oordelen van ${plain(s.title)} als één document, af te drukken of als Word-document`, keywords: study});
  }
  return out;
}

/** The Kengetallen page: its own words plus every kengetal's label, theme, source and note. */
export function kengetallenSearchRecord(dir?: string): SearchRecord {
  // Without a folder: the shared registry and every study's own kengetallen, as the Kengetallen page shows them.
  const json = defaultRegistry(dir).toJSON();
  const words = json.kengetallen.map((k) => [k.label, k.theme, k.note ?? "", readerCitations(sourceCitation(k.source))].join(" "));
  return {
    path: "/kengetallen",
    title: "Kengetallen",
    text: plain(`Een kengetal is een eenheidsprijs of -hoeveelheid waarmee een effect wordt gewaardeerd. ${words.join(" ")}`)
  };
}
