// worker_threads entry of `rendement psa --workers N`: loads the TypeScript chunk server
// (lib/analysis/worker-entry.ts) through tsx, as bin/rendement.mjs loads the command line.
// Messages that arrive before the listener is attached wait in the port.
import {parentPort} from "node:worker_threads";
import {register} from "tsx/esm/api";

register();
const {chunkServer} = await import("../analysis/worker-entry.ts");
parentPort.on("message", chunkServer((m) => parentPort.postMessage(m)));
