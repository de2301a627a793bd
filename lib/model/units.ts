// Unit consistency of model formulas: each leaf has a unit, so each formula has one too. Adding
// euros to a fraction, or declaring a quantity in €/jaar whose formula gives QALYs, is a modelling
// error that can be caught before it reaches a reader. The check gives warnings, not errors.
//
// Dimensions: money (€), time (jaar, maand, week, dag, uur: the scale is not tracked, so a correct
// "× 12" from €/maand to €/jaar is not flagged), QALY, fte, and any other word as its own dimension.
// Counts (personen, deelnemers, cliënten, plekken, trajecten, aantal) and shares (fraction, %,
// ratio, index, 0/1, per 100) are dimensionless: "€/jaar" per person times "personen" is €/jaar.
import type {CompiledModel, GraphNode} from "./compile.js";
import type {IR} from "./expression.js";

export type Dimensions = Record<string, number>;

const dimensionless = new Set([
  "", "fraction", "ratio", "index", "%", "0/1", "aantal", "keuze", "per", "100",
  "persoon", "personen", "deelnemer", "deelnemers", "cliënt", "cliënten", "client", "clienten",
  "plek", "plekken", "plaats", "plaatsen", "plaatsing", "plaatsingen", "traject", "trajecten",
  "delict", "delicten", "zaak", "zaken", "huishouden", "huishoudens", "x"
]);
const time = new Set(["jaar", "jaren", "maand", "maanden", "week", "weken", "dag", "dagen", "uur", "uren"]);

function word(w: string): Dimensions {
  const s = w.trim().toLowerCase();
  if (dimensionless.has(s)) return {};
  if (s === "€" || s === "eur" || s === "euro") return {money: 1};
  if (time.has(s)) return {time: 1};
  if (s === "persoonjaren" || s === "persoonsjaren" || s === "werkjaren" || s === "uitkeringsjaren") return {time: 1};
  if (s === "uitkeringsmaanden" || s === "persoonmaanden") return {time: 1};
  if (s === "qaly" || s === "qalys" || s === "qaly's") return {qaly: 1};
  if (s === "fte") return {fte: 1};
  return {[s]: 1};
}

function combine(a: Dimensions, b: Dimensions, sign: 1 | -1): Dimensions {
  const out: Dimensions = {...a};
  for (const [k, v] of Object.entries(b)) {
    out[k] = (out[k] ?? 0) + sign * v;
    if (out[k] === 0) delete out[k];
  }
  return out;
}

/** Parse a unit such as "€/fte/jaar", "personen/jaar", "€/QALY", "per 100", "0/1". */
export function parseUnit(unit: string): Dimensions {
  const u = unit.trim();
  if (u === "0/1" || u === "%" || /^per\s+\d+$/.test(u)) return {};
  const [num, ...den] = u.split("/");
  let d: Dimensions = {};
  for (const w of num.split(/[×*·\s]+/).filter(Boolean)) d = combine(d, word(w), 1);
  for (const part of den) for (const w of part.split(/[×*·\s]+/).filter(Boolean)) d = combine(d, word(w), -1);
  return d;
}

export function formatDimensions(d: Dimensions | "any"): string {
  if (d === "any") return "(any)";
  const names: Record<string, string> = {money: "€", time: "tijd", qaly: "QALY", fte: "fte"};
  const up = Object.entries(d).filter(([, v]) => v > 0).map(([k, v]) => (names[k] ?? k) + (v !== 1 ? `^${v}` : ""));
  const down = Object.entries(d).filter(([, v]) => v < 0).map(([k, v]) => (names[k] ?? k) + (v !== -1 ? `^${-v}` : ""));
  if (!up.length && !down.length) return "(dimensieloos)";
  return `${up.join("·") || "1"}${down.length ? "/" + down.join("/") : ""}`;
}

function same(a: Dimensions, b: Dimensions): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const k of keys) if ((a[k] ?? 0) !== (b[k] ?? 0)) return false;
  return true;
}

export interface UnitWarning {
  node: string;
  path: (string | number)[];
  message: string;
}

/** Check every formula of the model; returns warnings (empty when the units are consistent). */
export function checkUnits(model: CompiledModel): UnitWarning[] {
  const warnings: UnitWarning[] = [];
  const inferred = new Map<string, Dimensions | "any">();
  const declared = (n: GraphNode): Dimensions => parseUnit(n.unit);
  const unitOf = (name: string): Dimensions | "any" => {
    const n = model.nodes.get(name)!;
    if (n.kind === "flow") return inferred.get(name) ?? "any";
    return declared(n);
  };
  for (const node of model.nodes.values()) {
    if (!node.ir) continue;
    const problems: string[] = [];
    const match = (a: Dimensions | "any", b: Dimensions | "any", what: string): Dimensions | "any" => {
      if (a === "any") return b;
      if (b === "any") return a;
      if (!same(a, b)) problems.push(`${what}: ${formatDimensions(a)} en ${formatDimensions(b)}`);
      return a;
    };
    const infer = (e: IR): Dimensions | "any" => {
      switch (e.op) {
        case "num":
          // A literal takes the unit of what it is added to or compared with (x + 500, t < 3);
          // in a product or quotient it is a plain number (x * 12).
          return "any";
        case "t":
        case "year":
        case "horizon":
          return {time: 1};
        case "ref":
          if (e.index.kind === "at") infer(e.index.expr);
          return unitOf(e.node);
        case "sum": {
          // Summing a yearly series over the years: persons → person-years, €/jaar → €.
          const u = unitOf(e.node);
          return u === "any" ? u : combine(u, {time: 1}, 1);
        }
        case "unary":
          return e.operator === "!" ? {} : infer(e.arg);
        case "binary": {
          const a = infer(e.left);
          const b = infer(e.right);
          switch (e.operator) {
            case "+":
            case "-":
              return match(a, b, `"${e.operator}" telt verschillende eenheden op`);
            case "*":
              return combine(a === "any" ? {} : a, b === "any" ? {} : b, 1);
            case "/":
              return combine(a === "any" ? {} : a, b === "any" ? {} : b, -1);
            case "%":
              return a;
            case "**": {
              if (e.right.op === "num" && Number.isInteger(e.right.value) && a !== "any") {
                const out: Dimensions = {};
                for (const [k, v] of Object.entries(a)) out[k] = v * e.right.value;
                return out;
              }
              if (a !== "any" && Object.keys(a).length) problems.push(`machtsverheffen van ${formatDimensions(a)} met een niet-gehele exponent`);
              return {};
            }
            default:
              if (!["&&", "||"].includes(e.operator)) match(a, b, `"${e.operator}" vergelijkt verschillende eenheden`);
              return {};
          }
        }
        case "cond":
          infer(e.test);
          return match(infer(e.then), infer(e.else), "de twee uitkomsten van ? : hebben verschillende eenheden");
        case "call": {
          const args = e.args.map(infer);
          switch (e.fn) {
            case "min":
            case "max":
            case "clamp":
              return args.reduce((a, b) => match(a, b, `${e.fn}() krijgt verschillende eenheden`));
            case "if":
              return match(args[1], args[2], "de twee uitkomsten van if() hebben verschillende eenheden");
            case "exp":
            case "log":
              if (args[0] !== "any" && Object.keys(args[0]).length) problems.push(`${e.fn}() van ${formatDimensions(args[0])} (verwacht dimensieloos)`);
              return {};
            case "pow":
              return infer({op: "binary", operator: "**", left: e.args[0], right: e.args[1]});
            case "sqrt": {
              const a = args[0];
              if (a === "any") return "any";
              const out: Dimensions = {};
              for (const [k, v] of Object.entries(a)) out[k] = v / 2;
              return out;
            }
            default:
              return args[0];
          }
        }
      }
    };
    const result = infer(node.ir);
    if (node.kind === "flow") {
      inferred.set(node.name, result);
      const ok = result === "any" || same(result, {money: 1}) || same(result, {money: 1, time: -1});
      if (!ok) problems.push(`een geldstroom moet € of €/jaar opleveren, de formule geeft ${formatDimensions(result)}`);
    } else if (result !== "any" && !same(result, declared(node))) {
      problems.push(`de formule geeft ${formatDimensions(result)}, maar de eenheid is "${node.unit}" (${formatDimensions(declared(node))})`);
    }
    for (const message of problems) warnings.push({node: node.name, path: [...node.path, node.kind === "flow" ? "amount" : "formula"], message});
  }
  return warnings;
}
