// The site components (src/components/**/*.js) are plain JavaScript that Framework serves as it is;
// `tsc --noEmit` (the type-check phase of `npm test`) checks them through their JSDoc types. These
// tests fail when a component escapes that check: a file outside tsconfig.json's `include`, JavaScript
// checking switched off, or a file that opts out.
import {describe, expect, test} from "vitest";
import {execFileSync} from "node:child_process";
import {readFileSync, readdirSync} from "node:fs";
import {join, relative, resolve} from "node:path";

const root = resolve(import.meta.dirname, "../..");

/** Every .js file under src/components, as a path relative to the repository root. */
function componentFiles(dir = join(root, "src/components")): string[] {
  return readdirSync(dir, {withFileTypes: true}).flatMap((d) =>
    d.isDirectory() ? componentFiles(join(dir, d.name)) : d.name.endsWith(".js") ? [relative(root, join(dir, d.name)).split("\\").join("/")] : []
  );
}

/** The configuration tsc resolves from tsconfig.json: its options and the expanded file list. */
function resolvedConfig(): {compilerOptions: Record<string, unknown>; files: string[]} {
  const text = execFileSync(join(root, "node_modules/.bin/tsc"), ["--showConfig"], {cwd: root, encoding: "utf8"});
  const config = JSON.parse(text) as {compilerOptions: Record<string, unknown>; files?: string[]};
  return {compilerOptions: config.compilerOptions, files: (config.files ?? []).map((f) => f.replace(/^\.\//, ""))};
}

describe("type check of src/components (tsc --noEmit)", () => {
  const files = componentFiles();
  const config = resolvedConfig();

  test("there are component files to check", () => {
    expect(files.length).toBeGreaterThan(0);
  });

  test("every component file is in tsc's program (tsconfig.json include)", () => {
    const missing = files.filter((f) => !config.files.includes(f));
    expect(missing, "add src/components/**/*.js to tsconfig.json include").toEqual([]);
  });

  test("every component file is type-checked: checkJs is on, or the file starts with // @ts-check", () => {
    const unchecked = files.filter((f) => config.compilerOptions.checkJs !== true && !/^(\s*\/\/[^\n]*\n)*\s*\/\/\s*@ts-check\b/.test(readFileSync(join(root, f), "utf8")));
    expect(config.compilerOptions.allowJs).toBe(true);
    expect(unchecked).toEqual([]);
  });

  test("JSDoc type imports are relative (library types come through src/components/types.d.ts)", () => {
    // Framework keeps comments in the built files, and the built-site scan reads a bare specifier
    // there, `import("@observablehq/plot")`, as an import it failed to resolve.
    const bare = files.flatMap((f) =>
      readFileSync(join(root, f), "utf8")
        .split("\n")
        .flatMap((line, i) => (/^\s*(\/\*\*|\*|\/\/)/.test(line) || /\/\*\*/.test(line) ? Array.from(line.matchAll(/import\("([^".][^"]*)"\)/g), (m) => `${f}:${i + 1}: ${m[1]}`) : []))
    );
    expect(bare).toEqual([]);
  });

  test("no component file opts out of the check (@ts-nocheck, @ts-ignore)", () => {
    const optOut = files.filter((f) => /@ts-(nocheck|ignore)\b/.test(readFileSync(join(root, f), "utf8")));
    expect(optOut).toEqual([]);
  });
});
