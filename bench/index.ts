// npm run bench: runs every bench/*.bench.ts module (each exports `run(): Promise<BenchResult[]> | BenchResult[]`)
// and prints one table with the machine it ran on. `--only <substring>` limits to matching modules.
import {readdirSync} from "node:fs";
import {fileURLToPath, pathToFileURL} from "node:url";
import path from "node:path";
import {machine, table, type BenchResult} from "./harness.js";

const dir = path.dirname(fileURLToPath(import.meta.url));
const only = process.argv.includes("--only") ? process.argv[process.argv.indexOf("--only") + 1] : undefined;
const files = readdirSync(dir).filter((f) => f.endsWith(".bench.ts") && (!only || f.includes(only))).sort();
const all: BenchResult[] = [];
console.log(`Machine: ${machine()}`);
console.log(`Date: ${new Date().toISOString()}\n`);
for (const f of files) {
  const mod = (await import(pathToFileURL(path.join(dir, f)).href)) as {run: () => Promise<BenchResult[]> | BenchResult[]};
  const results = await mod.run();
  console.log(`## ${f}\n\n${table(results)}\n`);
  all.push(...results);
}
