#!/usr/bin/env node
// `npx rendement ...`: runs lib/cli.ts. Normally from its JavaScript bundle in dist-cli/ (made at
// install by the `prepare` script, or `npm run build:cli`; scripts/build-cli.mjs), which starts
// without transpiling. When the bundle is missing or older than any of its source files, it runs the
// TypeScript source through tsx instead and says so in one line on stderr. Both are the same lib/ code.
// RENDEMENT_CLI=source forces the source, RENDEMENT_CLI=bundle the bundle (even when stale).
import {readFileSync, statSync} from "node:fs";

const root = new URL("../", import.meta.url);
const mode = process.env.RENDEMENT_CLI;

/** Why the bundle cannot be used, or "" when it is there and up to date. */
function staleBundle() {
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(new URL("dist-cli/manifest.json", root), "utf8"));
  } catch {
    return "no bundle in dist-cli/";
  }
  if (mode === "bundle") return "";
  for (const file of manifest.watch) {
    let mtime;
    try {
      mtime = statSync(new URL(file, root)).mtimeMs;
    } catch {
      return `${file} is gone since the bundle was made`;
    }
    if (mtime > manifest.builtAt) return `${file} changed after the bundle was made`;
  }
  return "";
}

const why = mode === "source" ? "RENDEMENT_CLI=source" : staleBundle();
if (!why) {
  const {run} = await import(new URL("dist-cli/lib/cli.mjs", root).href);
  await run(process.argv.slice(2));
} else {
  if (mode !== "source") process.stderr.write(`rendement: running the TypeScript source (slower start): ${why}; \`npm run build:cli\` makes it again\n`);
  const {register} = await import("tsx/esm/api");
  register();
  const {run} = await import(new URL("lib/cli.ts", root).href);
  await run(process.argv.slice(2));
}
