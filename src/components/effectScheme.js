// The effect scheme (beleidstheorie) of an intervention as an interactive diagram: activities on the
// left, direct effects (A–E) next, intermediate effects, and the cost/benefit posts on the right.
// Laid out with dagre, drawn as our own SVG so that post nodes can be clicked: a click shows that
// post's valuation (the caller supplies it, normally from explainPost).
import dagre from "@dagrejs/dagre";
import * as d3 from "d3";
import {el, numbersTable} from "./provenance.js";

/** @typedef {import("../lib/schema/model.js").EffectScheme} EffectScheme */
/** @typedef {EffectScheme["nodes"][number]} SchemeNode */
/** @typedef {EffectScheme["edges"][number]} SchemeEdge */
/** @typedef {SchemeNode["type"]} NodeType */
/**
 * A Map keyed by node id that holds every node of the scheme, so `get` of a node id never gives
 * undefined (the code below reads it only with ids of the scheme's nodes).
 * @template V
 * @typedef {{get(id: string): V} & Map<string, V>} NodeMap
 */
/** @typedef {{g: import("./types.js").Graph, wrapped: NodeMap<string[]>, edges: SchemeEdge[], beside: Set<number>}} Layout */

/** @type {NodeType[]} */
const TYPE_ORDER = ["activity", "direct", "intermediate", "post"];
/** @type {Record<NodeType, string>} */
const TYPE_LABEL = {activity: "Activiteit", direct: "Direct effect", intermediate: "Tussenliggend effect", post: "Kosten- of batenpost"};
/** @type {Record<NodeType, {fill: string, stroke: string, text: string}>} */
const STYLE = {
  activity: {fill: "#f3ede2", stroke: "#a08c6a", text: "#3b2f1c"},
  direct: {fill: "#fde3c4", stroke: "#d9822b", text: "#4a2a07"},
  intermediate: {fill: "#ffffff", stroke: "#8a8f98", text: "#222"},
  post: {fill: "#1f5c99", stroke: "#143d66", text: "#ffffff"}
};
// Narrow nodes and ranks (labels wrap at 19 characters), so a scheme of six or seven columns fits a
// 1280-px page at full size and opens fitted to its box.
const NODE_WIDTH = 124;
/** Labels are 11 px in the scheme's own units: at this scale they are 10 px on screen. */
const MIN_SCALE = 10 / 11;
const MAX_SCALE = 2.5;
const LINE_HEIGHT = 13;
const PAD = 7;
const uid = Math.random().toString(36).slice(2, 8);

/**
 * Greedy word wrap to lines of at most `max` characters.
 * @param {unknown} text
 * @param {number} [max]
 * @returns {string[]}
 */
export function wrap(text, max = 26) {
  const words = String(text).split(/\s+/).filter(Boolean);
  const lines = [];
  let line = "";
  for (const w of words) {
    if (line && (line + " " + w).length > max) {
      lines.push(line);
      line = w;
    } else line = line ? `${line} ${w}` : w;
  }
  if (line) lines.push(line);
  return lines.length ? lines : [""];
}

/**
 * Column of every node: activities 0, others the longest path from an activity (at least 1), posts
 * in the last column. Cycles are broken first: a depth-first search from the activities marks each
 * edge that leads back to a node on the current path, and those edges are ignored for the columns.
 * @param {EffectScheme} scheme
 * @returns {NodeMap<number>}
 */
export function columns(scheme) {
  const byId = /** @type {NodeMap<SchemeNode>} */ (new Map(scheme.nodes.map((n) => [n.id, n])));
  const out = /** @type {NodeMap<string[]>} */ (new Map(scheme.nodes.map((n) => [n.id, []])));
  for (const e of scheme.edges) {
    if (!byId.has(e.from) || !byId.has(e.to)) continue;
    if (byId.get(e.to).type === "activity" || byId.get(e.from).type === "post") continue;
    out.get(e.from).push(e.to);
  }
  // Depth-first search (iterative), activities first: keep only forward and cross edges.
  /** @type {Map<string, 1 | 2>} */
  const state = new Map(); // 1 = on the path, 2 = done
  const kept = /** @type {NodeMap<string[]>} */ (new Map(scheme.nodes.map((n) => [n.id, []])));
  const order = [...scheme.nodes.filter((n) => n.type === "activity"), ...scheme.nodes.filter((n) => n.type !== "activity")];
  for (const root of order) {
    if (state.has(root.id)) continue;
    /** @type {[string, number][]} */
    const stack = [[root.id, 0]];
    state.set(root.id, 1);
    while (stack.length) {
      const top = stack[stack.length - 1];
      const [id, i] = top;
      const next = out.get(id)[i];
      if (next === undefined) {
        state.set(id, 2);
        stack.pop();
        continue;
      }
      top[1] = i + 1;
      if (state.get(next) === 1) continue; // back edge: ignored
      kept.get(id).push(next);
      if (!state.has(next)) {
        state.set(next, 1);
        stack.push([next, 0]);
      }
    }
  }
  // Longest path over the kept edges (a DAG), in topological order.
  const indegree = /** @type {NodeMap<number>} */ (new Map(scheme.nodes.map((n) => [n.id, 0])));
  for (const targets of kept.values()) for (const t of targets) indegree.set(t, indegree.get(t) + 1);
  const layer = /** @type {NodeMap<number>} */ (new Map(scheme.nodes.map((n) => [n.id, n.type === "activity" ? 0 : 1])));
  const ready = scheme.nodes.filter((n) => indegree.get(n.id) === 0).map((n) => n.id);
  while (ready.length) {
    const id = /** @type {string} */ (ready.shift());
    for (const t of kept.get(id)) {
      layer.set(t, Math.max(layer.get(t), layer.get(id) + 1));
      indegree.set(t, indegree.get(t) - 1);
      if (indegree.get(t) === 0) ready.push(t);
    }
  }
  const last = Math.max(1, ...scheme.nodes.filter((n) => n.type !== "post").map((n) => layer.get(n.id))) + 1;
  for (const n of scheme.nodes) if (n.type === "post") layer.set(n.id, last);
  return layer;
}

/**
 * The columns of `columns(scheme)` folded into at most `max` columns, for a box too narrow for the
 * full left-to-right scheme: activities stay in column 0 and posts in the last column (max − 1);
 * direct and intermediate effects keep their order but no effect goes past column max − 2, so a
 * chain of intermediate effects ends stacked in that column (its links drawn beside the column).
 * With room for every column, or fewer than 4 columns (too few to read), the columns are unchanged.
 * @param {NodeMap<number>} layer
 * @param {number} max
 * @returns {NodeMap<number>}
 */
export function foldColumns(layer, max) {
  const last = Math.max(...layer.values());
  if (max < 4 || last < max) return layer;
  return /** @type {NodeMap<number>} */ (new Map([...layer].map(([id, c]) => [id, c === last ? max - 1 : Math.min(c, max - 2)])));
}

/** Dagre's spacing in the scheme's own units (at scale 1 a unit is a pixel). */
const GRAPH = {rankdir: "LR", nodesep: 10, ranksep: 24, edgesep: 6, marginx: 8, marginy: 8};

/**
 * How many columns fit `width` pixels at the smallest readable scale (MIN_SCALE).
 * @param {number} width
 */
export function columnsThatFit(width) {
  return Math.floor((width / MIN_SCALE - 2 * GRAPH.marginx + GRAPH.ranksep) / (NODE_WIDTH + GRAPH.ranksep));
}

// The layout depends on the scheme and the number of columns that fit, never on the inputs: computed
// once per scheme object and column count, and reused on every redraw (a slider move redraws the
// page; dagre took ~40 ms of each redraw).
/** @type {WeakMap<EffectScheme, Map<number, Layout>>} */
const layouts = new WeakMap();
/**
 * @param {EffectScheme} scheme
 * @param {number} maxColumns
 * @returns {Layout}
 */
function laidOut(scheme, maxColumns) {
  let perScheme = layouts.get(scheme);
  if (!perScheme) layouts.set(scheme, (perScheme = new Map()));
  const cached = perScheme.get(maxColumns);
  if (cached) return cached;
  const full = columns(scheme);
  const layer = foldColumns(full, maxColumns);
  const folded = layer !== full;
  const g = new dagre.graphlib.Graph({multigraph: true});
  // Folded, the columns are pinned (dagre's ranks are twice the columns: it doubles every minlen to
  // leave room for edge labels; its own root node goes left of all).
  g.setGraph(folded ? {...GRAPH, ranker: pinRanks(layer)} : {...GRAPH});
  g.setDefaultEdgeLabel(() => ({}));
  const wrapped = /** @type {NodeMap<string[]>} */ (new Map());
  for (const n of scheme.nodes) {
    const lines = wrap(n.label, 19);
    wrapped.set(n.id, lines);
    g.setNode(n.id, {width: NODE_WIDTH, height: lines.length * LINE_HEIGHT + 2 * PAD});
  }
  const known = new Set(scheme.nodes.map((n) => n.id));
  const edges = scheme.edges.filter((e) => known.has(e.from) && known.has(e.to));
  // Folded, a link that does not go to a column further right (two effects folded into one column,
  // or a link back that closes a cycle) is left out of dagre and drawn by drawScheme (besidePoints).
  /** @type {Set<number>} */
  const beside = new Set();
  edges.forEach((e, i) => {
    const gap = layer.get(e.to) - layer.get(e.from);
    if (folded && gap <= 0) beside.add(i);
    else g.setEdge(e.from, e.to, {minlen: Math.max(1, gap), weight: e.style === "uncertain" ? 1 : 2}, `e${i}`);
  });
  dagre.layout(g);
  const out = {g, wrapped, edges, beside};
  perScheme.set(maxColumns, out);
  return out;
}

/**
 * A dagre ranker that puts every node in its column (rank 2 × column) and dagre's own nodes (its
 * nesting root) left of all.
 * @param {Map<string, number>} layer
 * @returns {(g: import("./types.js").Graph) => void}
 */
function pinRanks(layer) {
  return (g) => {
    for (const v of g.nodes()) {
      const column = layer.get(v);
      g.node(v).rank = column === undefined ? -1 : 2 * column;
    }
  };
}

/**
 * The points of a link dagre did not route (a folded scheme): between two nodes of one column, out
 * of the source's right edge, along the gap beside the column and into the target's right edge; to
 * a column further left, from the source's left edge to the target's right edge. The middle point
 * is where a "−" sits.
 * @param {{x: number, y: number, width: number}} from
 * @param {{x: number, y: number, width: number}} to
 */
function besidePoints(from, to) {
  const end = {x: to.x + to.width / 2 + 1, y: to.y};
  if (Math.abs(from.x - to.x) < 1) {
    const x = from.x + from.width / 2;
    return [{x, y: from.y}, {x: x + GRAPH.ranksep * 0.6, y: (from.y + to.y) / 2}, end];
  }
  const start = {x: from.x - from.width / 2, y: from.y};
  return [start, {x: (start.x + end.x) / 2, y: (start.y + end.y) / 2}, end];
}

/**
 * A curve through three points of besidePoints, leaving and entering horizontally.
 * @param {{x: number, y: number}[]} points
 */
function besidePath([a, m, b]) {
  return `M ${a.x} ${a.y} C ${m.x} ${a.y}, ${m.x} ${b.y}, ${b.x} ${b.y}`;
}

/**
 * @param {EffectScheme | null | undefined} scheme {nodes: [{id, type, label, posts?, note?}], edges: [{from, to, sign, style, note?}]}
 * @param {object} [options]
 * @param {(node: SchemeNode) => Node} [options.valuation] (node) => Element: what to show when a post node is clicked
 * @param {number} [options.width] available width in pixels
 * @param {string} [options.title] accessible title of the diagram
 */
export function effectScheme(scheme, {valuation, width = 1000, title = "Effectenschema"} = {}) {
  if (!scheme || !scheme.nodes?.length) return el("p", {class: "muted"}, "Voor deze interventie is geen effectenschema vastgelegd in het modelbestand.");
  // The drawing depends on the scheme, the width and the title only, never on the inputs: a slider
  // move (a new `valuation`) reuses the drawn element and only swaps the valuation behind the
  // clicks (an open valuation is redrawn with the new inputs). One element per scheme and width,
  // so a page shows a scheme once (as it does).
  const key = `${width}|${title}|${typeof valuation === "function"}`;
  const hit = drawn.get(scheme);
  if (hit && hit.key === key) {
    hit.state.valuation = valuation;
    hit.state.refresh();
    return hit.element;
  }
  /** @type {{valuation: typeof valuation, refresh: () => void}} */
  const state = {valuation, refresh: () => {}};
  const element = drawScheme(scheme, state, width, title);
  drawn.set(scheme, {key, state, element});
  return element;
}

/** Drawn schemes: scheme -> {key, state, element} (see effectScheme). */
const drawn = new WeakMap();

/**
 * @param {EffectScheme} scheme
 * @param {{valuation: ((node: SchemeNode) => Node) | undefined, refresh: () => void}} state
 * @param {number} width
 * @param {string} title
 */
function drawScheme(scheme, state, width, title) {
  const valuation = state.valuation;
  // Folded into the columns that fit the box at readable text, when there are at least 4 of them
  // (foldColumns); narrower (a phone), the full scheme pans sideways in its box.
  const {g, wrapped, edges, beside} = laidOut(scheme, columnsThatFit(width));
  const graph = g.graph();
  const W = Math.ceil(graph.width);
  const H = Math.ceil(graph.height);

  const detail = el("div", {class: "effect-detail", "aria-live": "polite"}, el("p", {class: "muted"}, "Klik op een blauwe kosten- of batenpost om te zien hoe die is gewaardeerd: hoeveelheid × kengetal, met bron."));
  // Scaled to the available width, but never so small that the 11-px labels drop under 10 px
  // (MIN_SCALE); folded into the columns that fit (laidOut), it opens whole in a box of 4 columns or
  // more; a wider scheme (a phone) scrolls (pans) sideways in its own box, and the reader can zoom.
  const fit = Math.min(1, Math.max(width / W, MIN_SCALE));
  let scale = fit;
  const svg = el("svg", {
    viewBox: `0 0 ${W} ${H}`,
    width: W * scale,
    height: H * scale,
    role: "img",
    "aria-label": title,
    style: {maxWidth: "none", fontFamily: "var(--sans-serif, system-ui)", fontSize: "11px"}
  });
  /** @param {number} k */
  const zoomTo = (k) => {
    scale = Math.min(MAX_SCALE, Math.max(MIN_SCALE, k));
    svg.setAttribute("width", String(W * scale));
    svg.setAttribute("height", String(H * scale));
  };
  svg.append(
    el(
      "defs",
      {},
      ["plus", "minus"].map((kind) =>
        el(
          "marker",
          {id: `arrow-${kind}-${uid}`, viewBox: "0 0 10 10", refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: "auto-start-reverse"},
          el("path", {d: "M 0 0 L 10 5 L 0 10 z", fill: kind === "minus" ? "#b3261e" : "#555"})
        )
      )
    )
  );
  const line = d3.line(/** @param {{x: number, y: number}} p */ (p) => p.x, /** @param {{x: number, y: number}} p */ (p) => p.y).curve(d3.curveBasis);
  const edgeLayer = el("g", {class: "edges"});
  edges.forEach((e, i) => {
    const minus = e.sign === "-";
    // A link dagre did not route (folded scheme) runs beside the column or back to the left.
    const points = beside.has(i) ? besidePoints(g.node(e.from), g.node(e.to)) : g.edge(e.from, e.to, `e${i}`).points;
    const path = el("path", {
      d: beside.has(i) ? besidePath(points) : line(points),
      fill: "none",
      stroke: minus ? "#b3261e" : "#666",
      "stroke-width": 1.3,
      "stroke-dasharray": e.style === "uncertain" ? "2 4" : null,
      "stroke-linecap": "round",
      "marker-end": `url(#arrow-${minus ? "minus" : "plus"}-${uid})`,
      "data-edge": `${e.from}->${e.to}`,
      "data-style": e.style ?? "solid",
      "data-sign": e.sign ?? "+"
    });
    path.append(el("title", {}, `${e.from} → ${e.to}${minus ? " (vermindert)" : ""}${e.style === "uncertain" ? " — causaal verband onzeker" : ""}${e.note ? `: ${e.note}` : ""}`));
    edgeLayer.append(path);
    if (minus) {
      const mid = points[Math.floor(points.length / 2)];
      edgeLayer.append(el("circle", {cx: mid.x, cy: mid.y, r: 6, fill: "#fff", stroke: "#b3261e"}));
      edgeLayer.append(el("text", {x: mid.x, y: mid.y + 4, "text-anchor": "middle", fill: "#b3261e", "font-weight": "bold"}, "−"));
    }
  });
  svg.append(edgeLayer);

  /** @type {SVGGElement | null} */
  let selected = null;
  const selectors = /** @type {NodeMap<() => void>} */ (new Map());
  const nodeLayer = el("g", {class: "nodes"});
  for (const n of scheme.nodes) {
    const p = g.node(n.id);
    const s = STYLE[n.type];
    const clickable = n.type === "post" && typeof valuation === "function";
    const rect = el("rect", {x: p.x - p.width / 2, y: p.y - p.height / 2, width: p.width, height: p.height, rx: n.type === "post" ? 3 : 8, fill: s.fill, stroke: s.stroke, "stroke-width": 1.2});
    const text = el(
      "text",
      {fill: s.text, "text-anchor": "middle"},
      wrapped.get(n.id).map((l, i, all) => el("tspan", {x: p.x, y: p.y - ((all.length - 1) * LINE_HEIGHT) / 2 + i * LINE_HEIGHT + 4}, l))
    );
    const group = el("g", {class: `node node-${n.type}`, "data-node": n.id, "data-type": n.type}, rect, text, el("title", {}, `${TYPE_LABEL[n.type]}: ${n.label}${n.note ? `\n${n.note}` : ""}${clickable ? "\nKlik voor de waardering." : ""}`));
    if (clickable) {
      group.setAttribute("tabindex", "0");
      group.setAttribute("role", "button");
      group.style.cursor = "pointer";
      const select = () => {
        if (selected) /** @type {SVGRectElement} */ (selected.querySelector("rect")).setAttribute("stroke-width", "1.2"), /** @type {SVGRectElement} */ (selected.querySelector("rect")).setAttribute("stroke", STYLE.post.stroke);
        selected = group;
        rect.setAttribute("stroke-width", "3.5");
        rect.setAttribute("stroke", "#f2b705");
        detail.replaceChildren(/** @type {(node: SchemeNode) => Node} */ (state.valuation)(n));
        state.refresh = () => typeof state.valuation === "function" && detail.replaceChildren(state.valuation(n));
      };
      group.addEventListener("click", select);
      selectors.set(n.id, select);
      group.addEventListener("keydown", (event) => {
        if (event.key === "Enter" || event.key === " ") {
          event.preventDefault();
          select();
        }
      });
    }
    nodeLayer.append(group);
  }
  svg.append(nodeLayer);

  /** @param {NodeType} type */
  const swatch = (type) => el("span", {class: "legend-item"}, el("span", {class: "swatch", style: {background: STYLE[type].fill, border: `1px solid ${STYLE[type].stroke}`}}), TYPE_LABEL[type]);
  const legend = el(
    "div",
    {class: "effect-legend"},
    TYPE_ORDER.map(swatch),
    el("span", {class: "legend-item"}, el("svg", {width: 34, height: 10}, el("line", {x1: 0, y1: 5, x2: 34, y2: 5, stroke: "#666", "stroke-dasharray": "2 4", "stroke-width": 1.5})), "onzeker causaal verband"),
    el("span", {class: "legend-item"}, el("svg", {width: 34, height: 10}, el("line", {x1: 0, y1: 5, x2: 34, y2: 5, stroke: "#b3261e", "stroke-width": 1.5})), "− vermindert")
  );
  // The posts as buttons too: reachable without scrolling a wide scheme, and by keyboard.
  const postButtons = selectors.size
    ? el(
        "div",
        {class: "effect-posts"},
        el("span", {class: "muted"}, "Posten: "),
        scheme.nodes
          .filter((n) => selectors.has(n.id))
          .map((n) => el("button", {type: "button", class: "effect-post-button", "data-node": n.id, onclick: () => selectors.get(n.id)()}, n.label))
      )
    : "";
  const label = new Map(scheme.nodes.map((n) => [n.id, n.label]));
  const table = numbersTable(
    edges.map((e) => ({from: label.get(e.from), to: label.get(e.to), sign: e.sign === "-" ? "vermindert" : "vergroot", style: e.style === "uncertain" ? "onzeker" : "", note: e.note ?? ""})),
    [
      {key: "from", label: "van"},
      {key: "to", label: "naar"},
      {key: "sign", label: "richting"},
      {key: "style", label: "verband"},
      {key: "note", label: "toelichting"}
    ],
    {summary: "Het schema als tabel", filename: "effectenschema.csv"}
  );
  return el(
    "div",
    {class: "effect-scheme", "data-chart": "effectenschema"},
    el("style", {}, STYLES),
    el(
      "div",
      {class: "effect-zoom", role: "group", "aria-label": "Zoomen"},
      el("button", {type: "button", onclick: () => zoomTo(scale * 1.25)}, "Vergroten"),
      el("button", {type: "button", onclick: () => zoomTo(scale / 1.25)}, "Verkleinen"),
      el("button", {type: "button", onclick: () => zoomTo(fit)}, "Passend"),
      W * fit > width + 0.5 ? el("span", {class: "muted"}, "Schuif het schema opzij om de rest te zien.") : ""
    ),
    el("div", {class: "effect-svg", tabindex: "0", "aria-label": "Effectenschema, opzij te schuiven"}, svg),
    legend,
    postButtons,
    detail,
    table
  );
}

const STYLES = `
.effect-scheme .effect-svg { overflow: auto; max-width: 100%; max-height: 80vh; }
.effect-zoom { display: flex; flex-wrap: wrap; gap: 0.4rem; align-items: center; font-size: 12px; margin: 0.3rem 0; }
.effect-zoom button { font-size: 12px; }
@media print { .effect-scheme .effect-svg { overflow: visible; max-height: none; } .effect-scheme .effect-svg svg { width: 100%; height: auto; } .effect-zoom { display: none; } }
.effect-scheme .node-post:focus rect, .effect-scheme .node-post:hover rect { stroke: #f2b705; stroke-width: 3; }
.effect-scheme .node-post:focus { outline: none; }
.effect-legend { display: flex; flex-wrap: wrap; gap: 0.4rem 1.2rem; font-size: 12px; margin: 0.4rem 0; align-items: center; }
.effect-legend .legend-item { display: inline-flex; align-items: center; gap: 0.35rem; }
.effect-legend .swatch { display: inline-block; width: 14px; height: 10px; border-radius: 2px; }
.effect-posts { display: flex; flex-wrap: wrap; gap: 0.3rem; align-items: center; font-size: 12px; margin: 0.3rem 0; }
.effect-post-button { font-size: 12px; background: #1f5c99; color: #fff; border: 0; border-radius: 3px; padding: 2px 6px; cursor: pointer; }
.effect-post-button:hover, .effect-post-button:focus { outline: 2px solid #f2b705; }
.effect-detail { border-left: 3px solid #1f5c99; padding: 0.2rem 0.8rem; margin: 0.6rem 0; max-width: 960px; }
.provenance ul { padding-left: 1.2rem; }
.provenance code { font-size: 12px; }
.prov-source, .prov-assumption, .prov-formula { font-size: 13px; margin-left: 0.4rem; }
.prov-assumption { color: #8a4b00; }
`;
