import {availableParallelism} from "node:os";
import {defineConfig} from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts", "lib/**/*.test.ts"],
    exclude: ["tests/browser/**", "tests/site/**", "node_modules/**"],
    environment: "node",
    // Test files share a worker's module registry instead of each importing lib/ afresh: module-level
    // caches (a parsed study, the kengetallen registry) are built once per worker. Measured on
    // 7 December 2026 (2 cores, load 1,4–1,8): 223 s wall and 286 s CPU isolated, 138 s and 158 s
    // shared. A test that changes global state restores it (vi.restoreAllMocks, process.env).
    isolate: false,
    // Vitest's default in run mode is one worker fewer than the cores: one worker on this 2-core
    // machine, which left a core idle (159 s wall at 114 % CPU). Two workers: 100 s (7 December 2026,
    // load 1,4); three gave no more (111 s). At least two; UNIT_WORKERS to change it.
    maxWorkers: Number(process.env.UNIT_WORKERS ?? Math.max(2, availableParallelism() - 1)),
    // The first in-process command of a file loads the kengetallen registry from YAML; on a busy
    // 2-core machine that alone can take longer than vitest's default 5 s.
    testTimeout: 30_000,
    setupFiles: ["tests/setup.ts"]
  }
});
