#!/usr/bin/env node
// `npx rendement ...`: runs the TypeScript command line in lib/cli.ts through tsx, so the command
// line calls the very same lib/ code as pages, loaders and tests (no compiled copy).
import {register} from "tsx/esm/api";

register();
const {main} = await import("../lib/cli.ts");
process.exitCode = await main(process.argv.slice(2));
