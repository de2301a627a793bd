// Loaded into `observable build` only (scripts/framework-build-hooks.mjs redirects Framework's
// dist/route.js import of "glob" here). Framework resolves a page, a module or a data file through
// parameterised routes (src/studies/[study]/…) by listing folders with globSync for names with
// [brackets], for every file extension it knows, each time it looks a path up: thousands of folder
// walks per build with always the same answers, since no file or folder with brackets in its name is
// made during a build. The answer of each (pattern, options) is kept for the rest of the build.
import {globSync as globSyncUncached} from "glob";

const answers = new Map();

export function globSync(pattern, options) {
  const key = JSON.stringify([pattern, options ?? null]);
  let found = answers.get(key);
  if (!found) answers.set(key, (found = globSyncUncached(pattern, options)));
  return [...found];
}
