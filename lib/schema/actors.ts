// The actors (actoren) among whom costs and benefits of a study are distributed.
// One id per actor, used everywhere: kengetallen, model files, results and pages.
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
