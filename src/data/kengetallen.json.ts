// Data loader for the kengetallen page: the whole registry (the shared data/kengetallen/*.yaml,
// every study's own kengetallen and the CPI
// series), validated by lib/io, as plain JSON (`registry.toJSON()`), each record with its Dutch
// one-line description (lib/kengetallen/describe.ts). An invalid file ends the build with its
// file, line and field.
import {defaultRegistry} from "../../lib/io/study.js";
import {describeKengetal, formatSourceNl, formatUncertaintyNl, formatValueNl} from "../../lib/kengetallen/describe.js";
import {runLoader} from "../../lib/io/loader-run.js";

export function load(args: string[]): string {
  const registry = defaultRegistry(args[0]);
  const json = registry.toJSON();
  return JSON.stringify({
    ...json,
    described: json.kengetallen.map((k) => ({
      id: k.id,
      value: formatValueNl(k.value, k.unit),
      uncertainty: formatUncertaintyNl(k.uncertainty, k.unit),
      source: formatSourceNl(k.source),
      line: describeKengetal(k)
    }))
  });
}

await runLoader(import.meta.url, load, (error) => {
  process.stderr.write(`kengetallen.json: ${error.message}\n`);
  process.exit(1);
});
