// Real-browser tests (tests/browser): Debian Chromium against dist/ on 127.0.0.1. Run after a build.
import {defineConfig} from "vitest/config";
import {BaseSequencer, type TestSpecification} from "vitest/node";

/**
 * The longest files first, so the last file to finish is a short one: the one-visit runner's shards
 * (tests/browser/site-<k>.test.ts) and the fixture study's build, then the rest in vitest's order.
 */
class LongestFirst extends BaseSequencer {
  async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const long = (f: TestSpecification) => /\/site-\d+\.test\.ts$|\/fixture-study\.test\.ts$/.test(f.moduleId);
    return [...sorted.filter(long), ...sorted.filter((f) => !long(f))];
  }
}

export default defineConfig({
  test: {
    include: ["tests/browser/**/*.test.ts"],
    environment: "node",
    // Files run side by side: a visit spends much of its time waiting (page loads, a quiet network,
    // animation frames), and the one-visit runner is split over several files
    // (tests/browser/site-<k>.test.ts). BROWSER_WORKERS sets how many run at once (default 3).
    fileParallelism: true,
    maxWorkers: Number(process.env.BROWSER_WORKERS ?? 3),
    sequence: {sequencer: LongestFirst},
    // A page whose Monte Carlo starts on load (the uncertainty pages) can take long to settle on a
    // loaded 2-core machine; a bound still stops a hanging page.
    testTimeout: 180_000,
    hookTimeout: 120_000,
    passWithNoTests: true
  }
});
