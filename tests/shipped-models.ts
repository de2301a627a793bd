// The model files shipped in data/ (every study and example model), for tests that must hold for
// all of them.
import {readdirSync} from "node:fs";
import {join} from "node:path";

export function shippedModelFiles(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, {withFileTypes: true})) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.ya?ml$/.test(entry.name) && !["assumptions.yaml", "study.yaml"].includes(entry.name)) out.push(path);
    }
  };
  walk("data/models");
  walk("data/studies");
  return out.sort();
}
