// Roles of inputs for "Uw gemeente": which input of each intervention holds the number of
// participants, the benefit level (uitkering), the cost per participant and the effect, with the
// range the study's evidence supports. Declared in the model file (`roles:` at the top for every
// intervention, or in an intervention, which takes precedence per role). Browser-safe.
//
// Conventions:
// - A role names an input as in `--set` (`x`, `iv.x`, `k.x`); inside an intervention a name without
//   a prefix is first looked up among that intervention's own inputs.
// - Without a declaration, `participants` falls back to the intervention's `participants:` field
//   when that names an input (not a formula).
// - Evidence range: the input's uncertainty spec (its one-way range, as the tornado uses), else its
//   control (slider) range, else the range the study states in the role (`{input, range: {low,
//   high, source}}`); otherwise none. An effect without a range gets a Dutch explanation (a value the
//   reader enters cannot be checked against the evidence); for the other roles the range is a guide.
// - `{missing: "…"}` declares that the model has no such input, with the reason (Dutch) shown to
//   the reader. A role that is not declared at all gets a generic Dutch explanation.
import {ModelError, type CompiledModel, type GraphNode} from "../model/compile.js";
import {findLeaf, OverrideError, type LeafValue} from "../model/evaluate.js";
import type {RoleInput, Roles} from "../schema/model.js";
import {lowHigh} from "./distributions.js";

export const ROLE_NAMES = ["participants", "benefitLevel", "costPerParticipant", "effect"] as const;
export type RoleName = (typeof ROLE_NAMES)[number];

/** Dutch names of the roles, for messages and pages. */
export const ROLE_LABELS: Record<RoleName, string> = {
  participants: "aantal deelnemers",
  benefitLevel: "uitkeringsniveau",
  costPerParticipant: "kosten per deelnemer",
  effect: "effect"
};

/** A bad `roles:` declaration: a ModelError, so loading reports it as `file:line: field`. */
export class RoleError extends ModelError {
  constructor(message: string, path: (string | number)[]) {
    super(message, path);
    this.name = "RoleError";
  }
}

export interface RoleRange {
  low: number;
  high: number;
  basis: "uncertainty" | "control" | "study";
  source?: string;
}

export interface ResolvedRole {
  role: RoleName;
  /** The input's full name, or null when the model has none for this role. */
  input: string | null;
  label: string | null;
  unit: string | null;
  value: LeafValue | null;
  range: RoleRange | null;
  /** Dutch: what the page cannot do for this role (no input; for the effect also no evidence range); else null. */
  explanation: string | null;
}

export interface InterventionRoles {
  intervention: string;
  label: string;
  roles: ResolvedRole[];
}

function resolve(model: CompiledModel, intervention: string, name: string): GraphNode {
  if (!name.includes(".")) {
    const own = model.nodes.get(`${intervention}.${name}`);
    if (own?.leaf) return own;
  }
  return findLeaf(model, name);
}

function evidenceRange(node: GraphNode, stated: {low: number; high: number; source?: string} | undefined): RoleRange | null {
  const leaf = node.leaf!;
  const spec = leaf.uncertainty;
  if (spec && spec.type !== "fixed") {
    const listed = leaf.value;
    const ref = Array.isArray(listed) ? listed.reduce((a, b) => a + b, 0) / listed.length : listed;
    const r = lowHigh(spec, ref, node.name);
    if (r) return {low: r.low, high: r.high, basis: "uncertainty"};
  }
  if (leaf.control && leaf.control.max > leaf.control.min) return {low: leaf.control.min, high: leaf.control.max, basis: "control"};
  if (stated) return {low: stated.low, high: stated.high, basis: "study", ...(stated.source ? {source: stated.source} : {})};
  return null;
}

/** The roles of every intervention of the model (see the conventions above). Throws RoleError for a name that is no input. */
export function interventionRoles(model: CompiledModel): InterventionRoles[] {
  const top: Roles = model.file.roles ?? {};
  return model.file.interventions.map((iv, ivIndex) => {
    const own: Roles = iv.roles ?? {};
    const roles = ROLE_NAMES.map((role): ResolvedRole => {
      const declared: RoleInput | undefined = own[role] ?? top[role];
      const path = own[role] !== undefined ? ["interventions", ivIndex, "roles", role] : ["roles", role];
      const none = (explanation: string): ResolvedRole => ({role, input: null, label: null, unit: null, value: null, range: null, explanation});
      let name: string | undefined;
      let stated: {low: number; high: number; source?: string} | undefined;
      if (declared === undefined) {
        if (role === "participants" && iv.participants) {
          const node = model.nodes.get(`${iv.id}.${iv.participants}`) ?? model.nodes.get(iv.participants);
          if (node && !node.leaf) return none(`Het aantal deelnemers is in dit model een uitkomst van een formule (${node.name} = ${node.formula}), geen invoer; pas de invoer aan waaruit het volgt.`);
          name = iv.participants;
        } else return none(`Het model wijst geen invoer aan als ${ROLE_LABELS[role]} van deze interventie; dit kan hier niet voor uw gemeente worden ingevuld.`);
      } else if (typeof declared === "string") name = declared;
      else if ("missing" in declared) return none(declared.missing);
      else {
        name = declared.input;
        stated = declared.range;
      }
      let node: GraphNode;
      try {
        node = resolve(model, iv.id, name!);
      } catch (error) {
        if (error instanceof OverrideError) throw new RoleError(`role ${role} of intervention ${iv.id}: ${error.message}`, path);
        throw error;
      }
      const range = evidenceRange(node, stated);
      return {
        role,
        input: node.name,
        label: node.label,
        unit: node.unit,
        value: node.leaf!.value,
        range,
        // Only the effect must stay within what the evidence supports; participants, benefit level
        // and costs are the municipality's own figures (their range, when known, is shown as a guide).
        explanation: range || role !== "effect" ? null : `Voor het effect (${node.label}) geven model en studie geen bereik dat het bewijs steunt; een ingevulde waarde is dus niet aan het bewijs te toetsen.`
      };
    });
    return {intervention: iv.id, label: iv.label, roles};
  });
}

/** Load-time check: every declared role names an input of the model. Throws RoleError with the path. */
export function checkRoles(model: CompiledModel): void {
  interventionRoles(model);
}
