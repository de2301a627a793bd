// The zod schema of an actor a study declares besides the standard list (lib/schema/actors.ts), for
// study.yaml and model files. Apart from actors.ts, so that pages, which need only the actor list
// and its labels, do not load zod.
import {z} from "zod";
import {ACTOR_KINDS, type StudyActor} from "./actors.js";

/** An actor a study declares besides the standard list (e.g. a health insurer of a foreign analysis). */
export const studyActorSchema: z.ZodType<StudyActor> = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9_]*$/, {error: "expected a lower-case actor id (a-z, 0-9, _)"}).describe("Actor id, used in the model files' `actor` and `transfer` (lower case, a-z, 0-9, _)."),
    label: z.string().min(1).describe("The actor's name in Dutch, as the pages show it."),
    kind: z.enum(ACTOR_KINDS).describe("What kind of party the actor is: overheid, burger, bedrijf, maatschappelijke-organisatie or overig.")
  })
  .strict();
