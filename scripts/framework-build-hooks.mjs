// Preloaded into `observable build` by scripts/build-site.mjs (`node --import`), never into the site
// or the preview: Framework's route lookups (dist/route.js) get the remembering globSync of
// scripts/framework-glob-memo.mjs instead of glob's own (the resolve hook below, which Node runs in
// its module-loader thread). RENDEMENT_FRAMEWORK_PATCHES=0 turns this off.
import {register} from "node:module";
import {isMainThread} from "node:worker_threads";

// Preloaded in the main thread: register this same file as the hooks module (Node loads it again in
// its loader thread, where only `resolve` below is used).
if (isMainThread) register("./framework-build-hooks.mjs", import.meta.url);

const memo = new URL("./framework-glob-memo.mjs", import.meta.url).href;

/** "glob" imported by Framework's dist/route.js → scripts/framework-glob-memo.mjs; all else unchanged. */
export async function resolve(specifier, context, next) {
  if (specifier === "glob" && context.parentURL?.endsWith("/@observablehq/framework/dist/route.js")) return {url: memo, shortCircuit: true};
  return next(specifier, context);
}
