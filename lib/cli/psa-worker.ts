// worker_threads side of `rendement psa --workers N` (N − 1 of them beside the main thread): the chunk server of
// lib/analysis/worker-entry.ts behind the worker's parent port. lib/cli/psa.ts bundles this file
// with esbuild once per process and starts each worker from that bundle (`eval`), so a worker
// starts without a TypeScript loader. Messages that arrive before the listener is attached wait
// in the port.
import {parentPort} from "node:worker_threads";
import {chunkServer, transferables} from "../analysis/worker-entry.js";

const port = parentPort!;
// A chunk's arrays are transferred, not copied (`transferables`).
port.on("message", chunkServer((m) => port.postMessage(m, transferables(m))));
