// A left margin for category labels (about 6 px per character), capped at `cap` pixels and at
// `share` of the chart width. Labels longer than the margin are wrapped over several lines (never
// cut with "…": the reader must see the whole name); `rowHeight` is the band height that fits them.
/**
 * @param {unknown} text
 * @param {number} maxChars
 * @returns {string}
 */
export function wrapLabel(text, maxChars) {
  const words = String(text).split(/\s+/).filter(Boolean);
  const lines = [];
  let line = "";
  for (const w of words) {
    if (line && (line + " " + w).length > maxChars) {
      lines.push(line);
      line = w;
    } else line = line ? `${line} ${w}` : w;
  }
  if (line) lines.push(line);
  return lines.join("\n");
}

/**
 * @param {string[]} labels
 * @param {number} width
 * @param {{cap: number, share: number, minRow?: number}} options
 * @returns {{marginLeft: number, tickFormat: (l: string) => string, rowHeight: number}}
 */
export function labelAxis(labels, width, {cap, share, minRow = 28}) {
  const marginLeft = Math.min(cap, width * share, 12 + 6 * Math.max(...labels.map((l) => l.length)));
  const maxChars = Math.max(8, Math.floor((marginLeft - 14) / 6));
  const lines = Math.max(1, ...labels.map((l) => wrapLabel(l, maxChars).split("\n").length));
  return {marginLeft, tickFormat: (l) => wrapLabel(l, maxChars), rowHeight: Math.max(minRow, 12 * lines + 8)};
}

/**
 * The width a chart may take inside a `.card` of a Framework grid with `columns` columns, for a page
 * `width` (Framework's reactive width): the grid gap (1rem) and the card's padding and border
 * (2 × 1rem + 2 px) come off, and grids fall back to one column under 640 px. A chart drawn wider
 * would be scaled down by the browser, its text under 10 px.
 * @param {number} width
 * @param {{columns?: number, max?: number}} [options]
 */
export function cardWidth(width, {columns = 1, max = Infinity} = {}) {
  const n = width < 640 ? 1 : columns;
  return Math.max(120, Math.min(max, Math.floor((width - (n - 1) * 16) / n) - 34));
}

/**
 * Marks the tables in `node` (a table, or an element holding tables, such as numbersTable's
 * details) as results tables that become a list of cards at phone width (src/style.css
 * `.phone-cards`): each body cell gets its column's header text as `data-label`. Returns `node`.
 * @template {Element} T
 * @param {T} node
 * @returns {T}
 */
export function tableCards(node) {
  const tables = node instanceof HTMLTableElement ? [node] : Array.from(node.querySelectorAll("table"));
  for (const table of tables) {
    const heads = Array.from(table.querySelectorAll("thead th"), (th) => (th.textContent ?? "").trim());
    table.classList.add("phone-cards");
    for (const row of Array.from(table.querySelectorAll("tbody tr"))) {
      Array.from(row.children).forEach((cell, i) => cell.setAttribute("data-label", heads[i] ?? ""));
    }
  }
  return node;
}
