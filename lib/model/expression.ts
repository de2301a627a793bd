// The formula language of model files: arithmetic over named quantities, parsed with jsep.
//
//   numbers      1, 0.5, 3e-2            names        cohort, k.wml_bruto_jaar, vh.cohort
//   operators    + - * / % **  (power; `^` is rejected: in most parsers it is XOR, a silent trap)
//   compare      < <= > >= == !=  (true = 1, false = 0)   logic  && || !   choice  c ? a : b
//   year         t (index 0 … horizon − 1), year (startYear + t), horizon
//   series       x[t - 1] (earlier year; before year 0 gives 0), x[2] (a fixed year), sum(x) (over the horizon);
//                a fractional year x[t - 2.5] interpolates linearly between x[t - 3] and x[t - 2]
//   functions    min max abs exp log sqrt pow round floor ceil clamp(x, lo, hi) if(c, a, b)
//                once(x) (x in year 0, else 0)   yearly(x) (x every year)
import jsep from "jsep";

jsep.removeBinaryOp("^");
jsep.removeBinaryOp("|");
jsep.removeBinaryOp("&");
jsep.removeBinaryOp("<<");
jsep.removeBinaryOp(">>");
jsep.removeBinaryOp(">>>");
jsep.removeBinaryOp("===");
jsep.removeBinaryOp("!==");
jsep.removeUnaryOp("~");
jsep.addBinaryOp("**", 11, true);

export type Expression = jsep.Expression;

export const functions: Record<string, {arity: [number, number]; doc: string}> = {
  min: {arity: [1, 64], doc: "smallest argument"},
  max: {arity: [1, 64], doc: "largest argument"},
  abs: {arity: [1, 1], doc: "absolute value"},
  exp: {arity: [1, 1], doc: "e to the power x"},
  log: {arity: [1, 1], doc: "natural logarithm"},
  sqrt: {arity: [1, 1], doc: "square root"},
  pow: {arity: [2, 2], doc: "x to the power y"},
  round: {arity: [1, 1], doc: "nearest integer"},
  floor: {arity: [1, 1], doc: "round down"},
  ceil: {arity: [1, 1], doc: "round up"},
  clamp: {arity: [3, 3], doc: "clamp(x, lo, hi)"},
  if: {arity: [3, 3], doc: "if(condition, then, else)"},
  once: {arity: [1, 1], doc: "x in year 0, 0 in later years"},
  yearly: {arity: [1, 1], doc: "x in every year of the horizon"},
  sum: {arity: [1, 1], doc: "sum of a series over the horizon"}
};

/** The resolved form of a formula: names are replaced by graph nodes. */
export type IR =
  | {op: "num"; value: number}
  | {op: "t"}
  | {op: "year"}
  | {op: "horizon"}
  | {op: "ref"; node: string; index: {kind: "same"} | {kind: "lag"; lag: number} | {kind: "at"; expr: IR}}
  | {op: "sum"; node: string}
  | {op: "unary"; operator: "-" | "+" | "!"; arg: IR}
  | {op: "binary"; operator: string; left: IR; right: IR}
  | {op: "cond"; test: IR; then: IR; else: IR}
  | {op: "call"; fn: string; args: IR[]};

export class FormulaError extends Error {
  constructor(message: string, readonly formula: string) {
    super(message);
    this.name = "FormulaError";
  }
}

/**
 * Limits on one formula, so that a generated or pasted formula ends in a message, not in "Maximum
 * call stack size exceeded" while parsing, compiling or checking units: at most MAX_FORMULA_LENGTH
 * characters and MAX_FORMULA_DEPTH levels of nesting (a sum of n terms, a + b + …, nests n − 1
 * levels; split a longer one into named quantities, or use sum() over a series).
 */
export const MAX_FORMULA_LENGTH = 10_000;
export const MAX_FORMULA_DEPTH = 200;

/** Nesting depth of a parsed formula, counted without recursion. */
function depthOf(root: Expression): number {
  let max = 0;
  const stack: [unknown, number][] = [[root, 1]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (Array.isArray(node)) {
      for (const x of node) stack.push([x, depth]);
      continue;
    }
    if (!node || typeof node !== "object" || !("type" in node)) continue;
    if (depth > max) max = depth;
    for (const [key, child] of Object.entries(node)) if (key !== "type" && child && typeof child === "object") stack.push([child, depth + 1]);
  }
  return max;
}

/** The deepest nesting of parentheses in a formula's text. */
export function parenthesisDepth(text: string): number {
  let depth = 0;
  let max = 0;
  for (const c of text) {
    if (c === "(") max = Math.max(max, ++depth);
    else if (c === ")") depth--;
  }
  return max;
}

export function parseFormula(text: string | number): Expression {
  if (typeof text === "number") return {type: "Literal", value: text, raw: String(text)} as Expression;
  const shown = text.length > 60 ? `${text.slice(0, 57)}...` : text;
  if (text.length > MAX_FORMULA_LENGTH) throw new FormulaError(`formula "${shown}" has ${text.length} characters; the limit is ${MAX_FORMULA_LENGTH}: split it into named quantities`, text);
  // Parentheses leave no node in jsep's tree, so their nesting is counted in the text: whether
  // jsep's recursion would overflow the stack first depends on the engine's frame sizes at the time.
  const parentheses = parenthesisDepth(text);
  if (parentheses > MAX_FORMULA_DEPTH) throw new FormulaError(`formula "${shown}" nests ${parentheses} parentheses deep; the limit is ${MAX_FORMULA_DEPTH} levels: split it into named quantities`, text);
  let parsed: Expression;
  try {
    parsed = jsep(text);
  } catch (error) {
    if (error instanceof RangeError) throw new FormulaError(`formula "${shown}" is nested too deeply to parse; the limit is ${MAX_FORMULA_DEPTH} levels: split it into named quantities`, text);
    const e = error as Error & {index?: number; description?: string};
    const hint = /\^/.test(text) ? " (use ** or pow(x, y) for a power)" : "";
    throw new FormulaError(`cannot parse formula "${text}": ${e.description ?? e.message}${e.index !== undefined ? ` at character ${e.index + 1}` : ""}${hint}`, text);
  }
  const depth = depthOf(parsed);
  if (depth > MAX_FORMULA_DEPTH) {
    throw new FormulaError(`formula "${shown}" nests ${depth} levels deep (e.g. a sum of ${depth} terms); the limit is ${MAX_FORMULA_DEPTH}: split it into named quantities, or use sum() over a series`, text);
  }
  return parsed;
}

/** Resolve a name as written in a formula (`x`, `k.id`, `vh.x`) to a graph node name, or undefined. */
export type Resolver = (name: string) => string | undefined;

function memberName(node: Expression): string | undefined {
  if (node.type === "Identifier") return node.name as string;
  if (node.type === "MemberExpression" && !node.computed) {
    const object = memberName(node.object as Expression);
    const property = (node.property as Expression).type === "Identifier" ? ((node.property as Expression).name as string) : undefined;
    return object !== undefined && property !== undefined ? `${object}.${property}` : undefined;
  }
  return undefined;
}

const binaryOperators = new Set(["+", "-", "*", "/", "%", "**", "<", "<=", ">", ">=", "==", "!=", "&&", "||"]);

/** Turn a parsed formula into IR, resolving every name; unknown names and misuse give a FormulaError. */
export function resolveFormula(text: string | number, resolve: Resolver, known: () => string[] = () => []): IR {
  const source = String(text);
  const fail = (message: string): never => {
    throw new FormulaError(`formula "${source}": ${message}`, source);
  };
  const lookup = (name: string): string => {
    const node = resolve(name);
    if (node === undefined) {
      const candidates = known().filter((k) => k.toLowerCase().includes(name.split(".").pop()!.toLowerCase().slice(0, 4)));
      return fail(`unknown name "${name}"${candidates.length ? `; did you mean ${candidates.slice(0, 5).join(", ")}?` : ""}`);
    }
    return node;
  };
  const indexOf = (expr: Expression): {kind: "same"} | {kind: "lag"; lag: number} | {kind: "at"; expr: IR} => {
    if (expr.type === "Identifier" && expr.name === "t") return {kind: "same"};
    if (expr.type === "BinaryExpression" && (expr.left as Expression).type === "Identifier" && (expr.left as Expression).name === "t" && (expr.right as Expression).type === "Literal") {
      const c = Number((expr.right as Expression).value);
      if (expr.operator === "-" && Number.isInteger(c) && c >= 1) return {kind: "lag", lag: c};
      if (expr.operator === "+" && Number.isInteger(c) && c >= 1) fail(`"[t + ${c}]" refers to a later year; a year can only use the same or earlier years`);
    }
    return {kind: "at", expr: walk(expr)};
  };
  const walk = (node: Expression): IR => {
    switch (node.type) {
      case "Literal": {
        if (typeof node.value !== "number") fail(`only numbers are allowed, found ${node.raw}`);
        return {op: "num", value: node.value as number};
      }
      case "Identifier": {
        const name = node.name as string;
        if (name === "t") return {op: "t"};
        if (name === "year") return {op: "year"};
        if (name === "horizon") return {op: "horizon"};
        if (name === "true" || name === "false") return {op: "num", value: name === "true" ? 1 : 0};
        return {op: "ref", node: lookup(name), index: {kind: "same"}};
      }
      case "MemberExpression": {
        if (node.computed) {
          const target = memberName(node.object as Expression);
          if (target === undefined) return fail("only a name can be indexed, as in x[t - 1]");
          return {op: "ref", node: lookup(target), index: indexOf(node.property as Expression)};
        }
        const name = memberName(node);
        if (name === undefined) return fail("unexpected member expression");
        return {op: "ref", node: lookup(name), index: {kind: "same"}};
      }
      case "UnaryExpression": {
        const operator = node.operator as string;
        if (operator !== "-" && operator !== "+" && operator !== "!") return fail(`unknown operator "${operator}"`);
        return {op: "unary", operator, arg: walk(node.argument as Expression)};
      }
      case "BinaryExpression": {
        const operator = node.operator as string;
        if (!binaryOperators.has(operator)) return fail(`unknown operator "${operator}"`);
        return {op: "binary", operator, left: walk(node.left as Expression), right: walk(node.right as Expression)};
      }
      case "ConditionalExpression":
        return {op: "cond", test: walk(node.test as Expression), then: walk(node.consequent as Expression), else: walk(node.alternate as Expression)};
      case "CallExpression": {
        const callee = node.callee as Expression;
        const fn = callee.type === "Identifier" ? (callee.name as string) : undefined;
        if (fn === undefined) {
          const member = callee.type === "MemberExpression" ? memberName(callee) : undefined;
          return fail(`${member !== undefined ? `"${member}(…)" is a member call` : "only a function name can be called"}; member calls such as a.b() are not allowed, only the functions ${Object.keys(functions).join(", ")}`);
        }
        if (!Object.hasOwn(functions, fn)) return fail(`unknown function "${fn ?? "?"}"; known: ${Object.keys(functions).join(", ")}`);
        const args = node.arguments as Expression[];
        const [lo, hi] = functions[fn].arity;
        if (args.length < lo || args.length > hi) fail(`${fn}() takes ${lo === hi ? lo : `${lo} to ${hi}`} argument(s), found ${args.length}`);
        if (fn === "sum") {
          const name = memberName(args[0]);
          if (name === undefined) return fail("sum() takes the name of a series, as in sum(x)");
          return {op: "sum", node: lookup(name)};
        }
        return {op: "call", fn, args: args.map(walk)};
      }
      case "Compound":
        return fail("a formula is one expression (no ';' or ',' between expressions)");
      default:
        return fail(`unsupported syntax (${node.type})`);
    }
  };
  return walk(parseFormula(text));
}

/** The graph nodes a formula uses, with how: same year, an earlier year (lag) or the whole series. */
export function dependencies(ir: IR): {node: string; kind: "same" | "lag" | "whole"}[] {
  const out: {node: string; kind: "same" | "lag" | "whole"}[] = [];
  const visit = (e: IR): void => {
    switch (e.op) {
      case "ref":
        out.push({node: e.node, kind: e.index.kind === "same" ? "same" : e.index.kind === "lag" ? "lag" : "whole"});
        if (e.index.kind === "at") visit(e.index.expr);
        break;
      case "sum":
        out.push({node: e.node, kind: "whole"});
        break;
      case "unary":
        visit(e.arg);
        break;
      case "binary":
        visit(e.left);
        visit(e.right);
        break;
      case "cond":
        visit(e.test);
        visit(e.then);
        visit(e.else);
        break;
      case "call":
        e.args.forEach(visit);
        break;
    }
  };
  visit(ir);
  return out;
}

/** Does the formula vary with the year by itself (t, year, once, yearly)? */
export function usesYear(ir: IR): boolean {
  switch (ir.op) {
    case "t":
    case "year":
      return true;
    case "ref":
      // x[t - k] depends on the year even when x is one value (0 before year k).
      return ir.index.kind === "lag" ? true : ir.index.kind === "at" ? usesYear(ir.index.expr) : false;
    case "unary":
      return usesYear(ir.arg);
    case "binary":
      return usesYear(ir.left) || usesYear(ir.right);
    case "cond":
      return usesYear(ir.test) || usesYear(ir.then) || usesYear(ir.else);
    case "call":
      return ir.fn === "once" || ir.fn === "yearly" || ir.args.some(usesYear);
    default:
      return false;
  }
}
