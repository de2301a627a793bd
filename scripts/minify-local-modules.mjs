// The site's own modules (dist/_import: src/components and the lib/ code they import, which
// Framework writes as they are, comments and JSDoc types included) with whitespace and comments
// removed and syntax shortened by esbuild. Names are kept (no identifier renaming): code that
// reads an error's or a function's name, and a reader's stack trace, see the same names as in the
// source. The file names (Framework's content hashes) and every import between files stay as they
// are. Run by scripts/build-site.mjs after `observable build`; tested in tests/build/minify.test.ts.
import {readFileSync, readdirSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {transformSync} from "esbuild";

/**
 * One module's text, minified without renaming.
 * @param {string} code
 * @returns {string}
 */
export function minifyModule(code) {
  return transformSync(code, {format: "esm", minifyWhitespace: true, minifySyntax: true, minifyIdentifiers: false, legalComments: "none"}).code;
}

/**
 * Minifies every .js file under `dir` in place; returns the bytes before and after.
 * @param {string} dir
 * @returns {{before: number, after: number}}
 */
export function minifyLocalModules(dir) {
  let before = 0;
  let after = 0;
  /** @param {string} folder */
  const walk = (folder) => {
    for (const entry of readdirSync(folder, {withFileTypes: true})) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith(".js")) {
        const code = readFileSync(path, "utf8");
        const small = minifyModule(code);
        before += Buffer.byteLength(code);
        after += Buffer.byteLength(small);
        writeFileSync(path, small);
      }
    }
  };
  walk(dir);
  return {before, after};
}
