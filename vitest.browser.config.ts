// Real-browser tests (tests/browser): Debian Chromium against dist/ on 127.0.0.1. Run after a build.
import {defineConfig} from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/browser/**/*.test.ts"],
    environment: "node",
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    passWithNoTests: true
  }
});
