import {defineConfig} from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts", "lib/**/*.test.ts"],
    exclude: ["tests/browser/**", "tests/site/**", "node_modules/**"],
    environment: "node",
    setupFiles: ["tests/setup.ts"]
  }
});
