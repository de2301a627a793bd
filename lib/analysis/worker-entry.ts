// Web Worker entry for the probabilistic analysis in the browser (bundled by src/workers/psa.js.ts).
// Message in: {file: ModelFile JSON, registry: RegistryJSON, draws, seed, overrides?, qalyValue?}.
// Messages out: {type: "progress", done, total}, then {type: "result", result: PsaResult,
// milliseconds} or {type: "error", message}. The model is compiled here from the same file and
// registry the data loader validated, so the worker runs exactly the model the page shows.
import {rebuildModel} from "../model/rebuild.js";
import type {RegistryJSON} from "../kengetallen/registry.js";
import type {ModelFile} from "../schema/model.js";
import type {Overrides} from "../model/evaluate.js";
import {psa} from "./psa.js";

export interface PsaRequest {
  file: ModelFile;
  registry: RegistryJSON;
  draws: number;
  seed: number;
  overrides?: Overrides;
  qalyValue?: string | null;
  progressEvery?: number;
}

export type PsaMessage = {type: "progress"; done: number; total: number} | {type: "result"; result: ReturnType<typeof psa>; milliseconds: number} | {type: "error"; message: string};

/** Run one request, reporting through `post` (the worker's postMessage, or a test's collector). */
export function handle(request: PsaRequest, post: (m: PsaMessage) => void): void {
  try {
    const t0 = Date.now();
    const model = rebuildModel(request);
    const result = psa(model, {
      draws: request.draws,
      seed: request.seed,
      overrides: request.overrides,
      qalyValue: request.qalyValue,
      progressEvery: request.progressEvery ?? Math.max(100, Math.round(request.draws / 50)),
      onProgress: (done, total) => post({type: "progress", done, total})
    });
    post({type: "result", result, milliseconds: Date.now() - t0});
  } catch (error) {
    post({type: "error", message: (error as Error).message ?? String(error)});
  }
}

// In a worker (no `document`), answer every message.
const scope = globalThis as unknown as {document?: unknown; onmessage?: unknown; postMessage?: (m: unknown) => void};
if (typeof scope.document === "undefined" && typeof scope.postMessage === "function" && typeof (globalThis as {process?: unknown}).process === "undefined") {
  scope.onmessage = (event: {data: PsaRequest}) => handle(event.data, (m) => scope.postMessage!(m));
}
