// Uncertainty specifications shared by kengetallen and model parameters. Each spec describes how a
// leaf value may vary: `fixed` (no uncertainty), a plain `range` (one-way sensitivity only) or a
// probability distribution for Monte Carlo. Distributions are given the way researchers think:
// a mean/most-likely value (the leaf's own value) with a standard deviation, or low/mode/high.
import {z} from "zod";

const positive = z.number().positive();

export const uncertaintySchema = z.discriminatedUnion("type", [
  z.object({type: z.literal("fixed")}).strict(),
  z.object({type: z.literal("range"), low: z.number(), high: z.number()}).strict(),
  z.object({type: z.literal("normal"), sd: positive.optional(), se: positive.optional(), low: z.number().optional(), high: z.number().optional()}).strict(),
  z.object({type: z.literal("lognormal"), sdlog: positive.optional(), cv: positive.optional(), low: z.number().optional(), high: z.number().optional()}).strict(),
  z.object({type: z.literal("beta"), alpha: positive.optional(), beta: positive.optional(), sd: positive.optional(), low: z.number().optional(), high: z.number().optional()}).strict(),
  z.object({type: z.literal("gamma"), shape: positive.optional(), scale: positive.optional(), sd: positive.optional(), low: z.number().optional(), high: z.number().optional()}).strict(),
  z.object({type: z.literal("triangular"), low: z.number(), mode: z.number().optional(), high: z.number()}).strict(),
  z.object({type: z.literal("pert"), low: z.number(), mode: z.number().optional(), high: z.number()}).strict()
]);

export type UncertaintySpec = z.infer<typeof uncertaintySchema>;
