// The actors (actoren) among whom costs and benefits of a study are distributed.
// One id per actor, used everywhere: kengetallen, model files, results and pages. A study may declare
// its own actors besides these (`actors:` in study.yaml, schema in lib/schema/study-actor.ts). No zod here: pages import this file.
export const actors = {
  gemeente: "Gemeente",
  rijk: "Rijk",
  uwv: "UWV",
  zorgverzekeraar: "Zorgverzekeraar",
  deelnemer: "Deelnemer",
  werkgever: "Werkgever",
  politie_justitie: "Politie en justitie",
  onderwijs: "Onderwijs",
  woningcorporatie: "Woningcorporatie",
  zorgaanbieder: "Zorgaanbieder",
  samenleving: "Samenleving"
} as const;

export type ActorId = keyof typeof actors;
export const actorIds = Object.keys(actors) as ActorId[];

export function isActorId(x: unknown): x is ActorId {
  return typeof x === "string" && Object.hasOwn(actors, x);
}

/** What kind of party an actor is (for a study's own actors). */
export const ACTOR_KINDS = ["overheid", "burger", "bedrijf", "maatschappelijke-organisatie", "overig"] as const;

/** An actor a study declares besides the standard list (its schema: lib/schema/study-actor.ts). */
export interface StudyActor {
  id: string;
  label: string;
  kind: (typeof ACTOR_KINDS)[number];
}

/** The actors' Dutch labels: the standard list plus a study's own actors. */
export function actorLabels(extra: readonly StudyActor[] = []): Record<string, string> {
  return {...actors, ...Object.fromEntries(extra.map((a) => [a.id, a.label]))};
}

/** The label of an actor of a compiled model (its study's own actors included). */
export function actorLabel(a: string, extra: readonly StudyActor[] = []): string {
  return extra.find((x) => x.id === a)?.label ?? (isActorId(a) ? actors[a] : a);
}
