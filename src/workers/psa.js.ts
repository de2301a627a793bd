// Data loader producing the PSA Web Worker: bundles lib/analysis/worker-entry.ts (and the lib/ code
// it uses: model compiler, registry, PSA) for the browser with esbuild and writes the module to
// stdout. A page starts it with
//   new Worker(await FileAttachment("./workers/psa.js").url(), {type: "module"})
// (see toolchain.md "Web Workers": `new URL(...)` gives a 404 after the build).
import {build} from "esbuild";
import {runLoader} from "../../lib/io/loader-run.js";

export async function load(): Promise<string> {
  const result = await build({
    entryPoints: ["lib/analysis/worker-entry.ts"],
    bundle: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    minify: true,
    legalComments: "none",
    write: false,
    logLevel: "silent"
  });
  return result.outputFiles[0].text;
}

await runLoader(import.meta.url, load, (error) => {
  throw error;
});
