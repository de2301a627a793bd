// Real-browser tests (tests/browser): Debian Chromium against dist/ on 127.0.0.1. Run after a build.
import {defineConfig} from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/browser/**/*.test.ts"],
    environment: "node",
    fileParallelism: false,
    // A page whose Monte Carlo starts on load (the uncertainty pages) can take long to settle on a
    // loaded 2-core machine; a bound still stops a hanging page.
    testTimeout: 180_000,
    hookTimeout: 120_000,
    passWithNoTests: true
  }
});
