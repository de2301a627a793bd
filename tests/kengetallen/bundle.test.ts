// The registry and the describe helper run in the browser: they must not pull in zod, yaml or node: modules.
import {build} from "esbuild";
import {describe, expect, it} from "vitest";

describe("browser bundle of the registry", () => {
  for (const entry of ["lib/kengetallen/registry.ts", "lib/kengetallen/describe.ts"]) {
    it(`${entry} bundles for the browser without zod, yaml or node: imports`, async () => {
      const result = await build({entryPoints: [entry], bundle: true, format: "esm", platform: "browser", write: false, metafile: true, logLevel: "silent"});
      const inputs = Object.keys(result.metafile.inputs);
      expect(inputs.filter((p) => /node_modules\/(zod|yaml)\//.test(p))).toEqual([]);
      expect(inputs.filter((p) => p.startsWith("node:"))).toEqual([]);
      expect(result.outputFiles[0].text.length).toBeLessThan(30_000);
    });
  }
});
