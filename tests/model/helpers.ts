import {readFileSync} from "node:fs";
import {compileModelText} from "../../lib/io/model-file.js";
import type {ModelContext} from "../../lib/model/compile.js";

export const noKengetallen: ModelContext = {kengetal: () => undefined};

export function loadFixture(path: string, context: ModelContext = noKengetallen) {
  return compileModelText(readFileSync(path, "utf8"), path, context);
}
