// The model files shipped in data/studies (every study folder's model files: YAML with
// `interventions:`; not study.yaml, printed.yaml, kengetallen or monitoring data), for tests that must
// hold for all of them.
import {readdirSync, readFileSync} from "node:fs";
import {join} from "node:path";

export function shippedModelFiles(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, {withFileTypes: true})) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.ya?ml$/.test(entry.name) && /^interventions:/m.test(readFileSync(path, "utf8"))) out.push(path);
    }
  };
  walk("data/studies");
  return out.sort();
}
