// Checks on the built site (tests/site): run after `observable build` has written dist/.
import {defineConfig} from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/site/**/*.test.ts"],
    environment: "node",
    testTimeout: 60_000,
    passWithNoTests: true
  }
});
