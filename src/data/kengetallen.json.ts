// Data loader for the kengetallen page: the whole registry (the shared data/kengetallen/*.yaml,
// every study's own kengetallen and the CPI
// series), validated by lib/io, as plain JSON (`registry.toJSON()`), each record with its Dutch
// one-line description (lib/kengetallen/describe.ts). An invalid file ends the build with its
// file, line and field.
import {defaultRegistry} from "../../lib/io/study.js";
import {describeKengetal, formatSourceNl, formatUncertaintyNl, formatValueNl} from "../../lib/kengetallen/describe.js";

try {
  const registry = defaultRegistry(process.argv[2]);
  const json = registry.toJSON();
  process.stdout.write(
    JSON.stringify({
      ...json,
      described: json.kengetallen.map((k) => ({
        id: k.id,
        value: formatValueNl(k.value, k.unit),
        uncertainty: formatUncertaintyNl(k.uncertainty, k.unit),
        source: formatSourceNl(k.source),
        line: describeKengetal(k)
      }))
    })
  );
} catch (error) {
  process.stderr.write(`kengetallen.json: ${(error as Error).message}\n`);
  process.exit(1);
}
