// The report's own arithmetic (browser-safe): a `fromPrinted` formula over the ids of other printed
// figures of the same file and the kengetallen the report prints (`k.<id>`, as entered), parsed with
// the model's formula parser. Only + − × ÷, parentheses, numbers and min/max/round/floor/ceil/abs:
// enough for subtotals, shares and ratios.
import {parseFormula, type Expression} from "../model/expression.js";

const fns: Record<string, (...a: number[]) => number> = {min: Math.min, max: Math.max, round: Math.round, floor: Math.floor, ceil: Math.ceil, abs: Math.abs};

/** Ids of printed figures a formula refers to. */
export function referencedIds(formula: string): string[] {
  const out = new Set<string>();
  const walk = (e: Expression): void => {
    if (e.type === "Identifier") out.add(e.name as string);
    if (e.type === "MemberExpression") {
      out.add(memberName(e, "(formula)"));
      return;
    }
    for (const k of ["left", "right", "argument"] as const) if (e[k]) walk(e[k] as Expression);
    if (e.type === "CallExpression") (e.arguments as Expression[]).forEach(walk);
  };
  walk(parseFormula(formula));
  return [...out];
}

function memberName(e: Expression, formula: string): string {
  const object = e.object as Expression;
  const property = e.property as Expression;
  if (object.type !== "Identifier" || object.name !== "k" || property.type !== "Identifier" || e.computed) throw new Error(`"${formula}": only k.<kengetal id> may have a dot`);
  return `k.${String(property.name)}`;
}

/** Evaluate `formula` with each identifier replaced by the printed value of that figure (or kengetal, for `k.<id>`). */
export function evaluatePrinted(formula: string, printed: (id: string) => number | undefined): number {
  const walk = (e: Expression): number => {
    switch (e.type) {
      case "Literal":
        if (typeof e.value !== "number") throw new Error(`expected a number in "${formula}", found ${String(e.raw)}`);
        return e.value;
      case "Identifier": {
        const v = printed(e.name as string);
        if (v === undefined) throw new Error(`"${formula}" names "${String(e.name)}", which is not a printed figure of this study`);
        return v;
      }
      case "MemberExpression": {
        const name = memberName(e, formula);
        const v = printed(name);
        if (v === undefined) throw new Error(`"${formula}" names "${name}", which is not a kengetal in data/kengetallen`);
        return v;
      }
      case "UnaryExpression": {
        const a = walk(e.argument as Expression);
        if (e.operator === "-") return -a;
        if (e.operator === "+") return a;
        break;
      }
      case "BinaryExpression": {
        const [l, r] = [walk(e.left as Expression), walk(e.right as Expression)];
        switch (e.operator) {
          case "+":
            return l + r;
          case "-":
            return l - r;
          case "*":
            return l * r;
          case "/":
            return l / r;
        }
        break;
      }
      case "CallExpression": {
        const name = (e.callee as Expression).name as string;
        if (name in fns) return fns[name](...(e.arguments as Expression[]).map(walk));
        break;
      }
    }
    throw new Error(`"${formula}": only numbers, printed-figure ids, + − * /, parentheses and ${Object.keys(fns).join("/")} are allowed`);
  };
  return walk(parseFormula(formula));
}
