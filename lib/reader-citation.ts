// For readers, a citation names the report's own place (chapter, section, table, factsheet), not the
// seed file and its line numbers: those stay for reviewers in the data and behind the provenance
// dialog. readerCitations() rewrites the parenthesised citations in a narrative text:
// "(seed 001, factsheet 1, regels 86–87)" → "(factsheet 1)", "(seed 001, regels 86–321)" → "",
// and merges the parts of "(…; …)" that say the same thing twice.

const SEED = /^seed[- ]\d{3}$/i;
const LINES = /^(?:seed-)?regels? \d+(?:\s*[–-]\s*\d+)?$/i;

function cleanGroup(inner: string): string {
  const parts = inner
    .split(/\s*;\s*/)
    .map((clause) =>
      clause
        .split(/\s*,\s*/)
        .filter((p) => p && !SEED.test(p) && !LINES.test(p))
        .join(", ")
    )
    .filter(Boolean);
  return [...new Set(parts)].join("; ");
}

/** Text with seed and line references taken out of its parenthesised citations. */
export function readerCitations(text: string): string {
  return text.replace(/\s*\(([^()]*)\)/g, (whole, inner: string) => {
    if (!/\bseed\b|\bseed-regels\b|\bregels? \d/i.test(inner)) return whole;
    const kept = cleanGroup(inner);
    const space = /^\s/.test(whole) ? " " : "";
    return kept ? `${space}(${kept})` : "";
  });
}

/**
 * A printed figure's source as a reader reads it: "seed 003, §5.2.2, regels 1316-1331: 1:33" →
 * "§5.2.2" (the quoted value after the line numbers is left to the provenance dialog). A source
 * without seed or line references is returned as it is.
 */
export function readerSource(source: string): string {
  if (!/\bseed\b|\bregels? \d/i.test(source)) return readerCitations(source);
  const head = source.replace(/(regels? \d+(?:\s*[–-]\s*\d+)?):.*$/i, "$1");
  return cleanGroup(readerCitations(head)) || "";
}
