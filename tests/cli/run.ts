// Run the command line in-process (lib/cli.ts `main`) with stdout and stderr captured: fast enough to
// call hundreds of times (the fuzz harness), and the same code path as `npx rendement`.
import {vi} from "vitest";
import {main} from "../../lib/cli.js";

export interface CliRun {
  code: number;
  out: string;
  err: string;
}

export async function runCli(argv: string[]): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const log = vi.spyOn(console, "log").mockImplementation((...a) => void out.push(a.map(String).join(" ")));
  const error = vi.spyOn(console, "error").mockImplementation((...a) => void err.push(a.map((x) => (x instanceof Error ? String(x.stack) : String(x))).join(" ")));
  const warn = vi.spyOn(console, "warn").mockImplementation((...a) => void err.push(a.map(String).join(" ")));
  try {
    const code = await main(argv);
    return {code, out: out.join("\n"), err: err.join("\n")};
  } finally {
    log.mockRestore();
    error.mockRestore();
    warn.mockRestore();
  }
}
