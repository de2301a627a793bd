// Run the command line in-process (lib/cli.ts `main`) with stdout and stderr captured: fast enough to
// call hundreds of times (the fuzz harness), and the same code path as `npx rendement`. Command tests
// use this rather than starting `npx tsx lib/cli.ts` (about a second of start-up per call); the real
// binary is started only by its smoke tests (tests/cli/errors.test.ts, tests/cli/bundle.test.ts).
import {vi} from "vitest";
import {main} from "../../lib/cli.js";

export interface CliRun {
  code: number;
  /** What went to stdout (console.log lines joined with "\n", plus direct writes), without the final newline. */
  out: string;
  /** What went to stderr (console.error/warn, progress lines written directly), without the final newline. */
  err: string;
}

export async function runCli(argv: string[]): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const line = (a: unknown[]) => a.map(String).join(" ") + "\n";
  const log = vi.spyOn(console, "log").mockImplementation((...a) => void out.push(line(a)));
  const error = vi.spyOn(console, "error").mockImplementation((...a) => void err.push(a.map((x) => (x instanceof Error ? String(x.stack) : String(x))).join(" ") + "\n"));
  const warn = vi.spyOn(console, "warn").mockImplementation((...a) => void err.push(line(a)));
  // Commands that write text themselves (progress, a file to stdout) go through the streams.
  const write = (sink: string[]) => ((chunk: string | Uint8Array, ...rest: unknown[]) => {
    sink.push(typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8"));
    const done = rest.find((r) => typeof r === "function") as (() => void) | undefined;
    done?.();
    return true;
  }) as typeof process.stdout.write;
  const stdout = vi.spyOn(process.stdout, "write").mockImplementation(write(out));
  const stderr = vi.spyOn(process.stderr, "write").mockImplementation(write(err));
  try {
    const code = await main(argv);
    return {code, out: out.join("").replace(/\n$/, ""), err: err.join("").replace(/\n$/, "")};
  } finally {
    log.mockRestore();
    error.mockRestore();
    warn.mockRestore();
    stdout.mockRestore();
    stderr.mockRestore();
  }
}
