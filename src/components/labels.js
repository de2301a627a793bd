// A left margin that fits the longest category label (about 6 px per character), capped at `cap`
// pixels and at `share` of the chart width, and a tick format that shortens longer labels with "…".
export function labelAxis(labels, width, {cap, share}) {
  const marginLeft = Math.min(cap, width * share, 12 + 6 * Math.max(...labels.map((l) => l.length)));
  const maxChars = Math.max(8, Math.floor((marginLeft - 14) / 6));
  return {marginLeft, tickFormat: (l) => (l.length > maxChars ? l.slice(0, maxChars - 1) + "…" : l)};
}
