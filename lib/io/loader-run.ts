// Data loaders as functions (Node only). Every data loader under src/ (x.json.ts, x.js.ts) exports
// `load(args)`, which returns the loader's output as text (args as Framework passes them, e.g.
// `--study=<id>`) and throws on bad input, and ends with `runLoader(import.meta.url, load, onError)`.
// Run as a program (Framework runs a loader with tsx; `npx tsx src/data/x.json.ts`), the loader
// writes its output to stdout, or reports the error as before (onError: one line naming the file,
// exit 1). Imported (scripts/precompute-loaders.ts, one process for the whole build), it runs nothing
// by itself: the build calls `load` for every output and writes it into Framework's cache, so
// Framework starts no loader process for it.
import {realpathSync} from "node:fs";
import {resolve} from "node:path";
import {fileURLToPath} from "node:url";
import {parseArgs} from "node:util";

export type LoaderFunction = (args: string[]) => string | Promise<string>;

/** Whether the module at `url` is the program the process runs (not a module imported by another). */
export function isMainModule(url: string, entry: string | undefined = process.argv[1]): boolean {
  if (!entry) return false;
  const real = (path: string) => {
    try {
      return realpathSync(path);
    } catch {
      return resolve(path);
    }
  };
  return real(entry) === real(fileURLToPath(url));
}

/**
 * Run as a program: write `load(process.argv.slice(2))` to stdout, or hand its error to `onError`
 * (which reports it and exits). Imported: do nothing.
 */
export async function runLoader(url: string, load: LoaderFunction, onError: (error: Error) => never): Promise<void> {
  if (!isMainModule(url)) return;
  let text: string;
  try {
    text = await load(process.argv.slice(2));
  } catch (error) {
    onError(error as Error);
  }
  process.stdout.write(text);
}

/** The study a per-study loader is run for: `--study=<id>` (Framework's [study] parameter), or the first argument. */
export function studyParam(args: string[]): string {
  const {values, positionals} = parseArgs({args, options: {study: {type: "string"}}, strict: false, allowPositionals: true});
  return String(values.study ?? positionals[0] ?? "");
}
