#!/usr/bin/env node
// `npx rendement ...`: runs the TypeScript command line in lib/cli.ts through tsx, so the command
// line calls the very same lib/ code as pages, loaders and tests (no compiled copy).
import {register} from "tsx/esm/api";

register();
const {run} = await import("../lib/cli.ts");
await run(process.argv.slice(2));
