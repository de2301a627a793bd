// The stylesheet of @observablehq/inputs, served from node_modules. Framework adds it automatically
// only for `npm:@observablehq/inputs`; pages that import Inputs by bare specifier (offline) link it:
// <link rel="stylesheet" href="./inputs.css"> (from a page in a folder: "../inputs.css").
import {readFileSync} from "node:fs";
import {runLoader} from "./lib/io/loader-run.js";

export const load = (): string => readFileSync("node_modules/@observablehq/inputs/dist/index.css", "utf8");

await runLoader(import.meta.url, load, (error) => {
  throw error;
});
