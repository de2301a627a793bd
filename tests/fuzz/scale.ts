// How many random cases a fuzz or property test runs: a sample in `npm test` (keeps every phase far
// from its time limit), the full scale in `npm run test:fuzz` (FUZZ_SCALE=full).
export const FULL = process.env.FUZZ_SCALE === "full";

/** `sample` cases in `npm test`, `full` cases under FUZZ_SCALE=full. */
export function cases(sample: number, full: number): number {
  return FULL ? full : sample;
}
