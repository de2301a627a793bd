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

/** @type {CanvasRenderingContext2D | null | undefined} */
let measureContext;
/**
 * Width in px of `text` in Plot's axis font (10 px sans-serif); 6.5 px per character where there is
 * no canvas (Node).
 * @param {string} text
 */
export function textWidth(text) {
  if (measureContext === undefined) {
    measureContext = typeof document !== "undefined" ? document.createElement("canvas").getContext("2d") : null;
    if (measureContext) measureContext.font = "10px system-ui, sans-serif";
  }
  return measureContext ? Math.max(measureContext.measureText(text).width, text.length * 5.5) : text.length * 6.5;
}

/**
 * A left margin measured from the labels' own widths, capped at `cap` pixels and at `share` of the
 * chart width; labels wider than the margin wrap over several lines at spaces, and a word wider
 * than the margin widens it (never clipped by the chart's left edge).
 * @param {string[]} labels
 * @param {number} width
 * @param {{cap: number, share: number, minRow?: number}} options
 * @returns {{marginLeft: number, tickFormat: (l: string) => string, rowHeight: number}}
 */
export function labelAxis(labels, width, {cap, share, minRow = 28}) {
  const pad = 14; // tick length and gap
  const widest = Math.max(0, ...labels.map((l) => textWidth(String(l))));
  const longestWord = Math.max(0, ...labels.flatMap((l) => String(l).split(/\s+/)).map((w) => textWidth(w)));
  // Never so wide that the plot area (and a bar's width) would go negative on a narrow first draw.
  const marginLeft = Math.min(Math.ceil(Math.max(longestWord + pad, Math.min(cap, width * share, widest + pad))), Math.max(40, Math.floor(width - 100)));
  const room = marginLeft - pad;
  /** @param {string} l */
  const wrap = (l) => {
    const lines = [];
    let line = "";
    for (const w of String(l).split(/\s+/).filter(Boolean)) {
      if (line && textWidth(`${line} ${w}`) > room) {
        lines.push(line);
        line = w;
      } else line = line ? `${line} ${w}` : w;
    }
    if (line) lines.push(line);
    return lines.join("\n");
  };
  const lines = Math.max(1, ...labels.map((l) => wrap(l).split("\n").length));
  return {marginLeft, tickFormat: wrap, rowHeight: Math.max(minRow, 12 * lines + 8)};
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
    keepAmountsTogether(table);
    for (const row of Array.from(table.querySelectorAll("tbody tr"))) {
      Array.from(row.children).forEach((cell, i) => cell.setAttribute("data-label", heads[i] ?? ""));
    }
  }
  return node;
}

/**
 * Joins "€" to the amount after it with a no-break space in every text node under `node` ("€ 585"
 * typed with a plain space in a data file would otherwise break between "€" and "585"). Returns `node`.
 * @template {Node} T
 * @param {T} node
 * @returns {T}
 */
export function keepAmountsTogether(node) {
  const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const text = n.nodeValue ?? "";
    if (/€ [\d−-]/.test(text)) n.nodeValue = text.replace(/€ (?=[\d−-])/g, "€\u00a0");
  }
  return node;
}

/**
 * At most `maxCount` round tick values ("nice": 1, 2 or 5 × a power of ten) between `lo` and `hi`, never
 * fewer than the two a scale needs to be read when the range allows: an axis that shows only "€ 0"
 * on a narrow chart gets a second tick.
 * @param {number} lo
 * @param {number} hi
 * @param {number} maxCount
 * @returns {number[]}
 */
export function niceTicks(lo, hi, maxCount) {
  if (!(hi > lo)) return [lo];
  const nice = (/** @type {number} */ x) => {
    const p = 10 ** Math.floor(Math.log10(x));
    return [1, 2, 5, 10].map((m) => m * p).find((v) => v >= x - 1e-12 * p) ?? 10 * p;
  };
  let best = [lo];
  for (let n = Math.max(2, maxCount); n >= 1; n--) {
    const step = nice((hi - lo) / n);
    const out = [];
    for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step) out.push(Math.abs(v) < step * 1e-9 ? 0 : v);
    if (out.length <= Math.max(2, maxCount)) {
      best = out;
      if (out.length >= 2) break;
    }
  }
  return best;
}
