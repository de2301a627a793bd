import {defineConfig} from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts", "lib/**/*.test.ts"],
    exclude: ["tests/browser/**", "tests/site/**", "node_modules/**"],
    environment: "node",
    // The first in-process command of a file loads the kengetallen registry from YAML; on a busy
    // 2-core machine that alone can take longer than vitest's default 5 s.
    testTimeout: 30_000,
    setupFiles: ["tests/setup.ts"]
  }
});
