// A throwaway PostgreSQL server for tests: Debian's `postgresql` package (/usr/lib/postgresql/N/bin),
// a temporary data directory owned by an unprivileged user (the `postgres` system user when the tests
// run as root, which the server refuses), a free port on 127.0.0.1, trust authentication on that
// address only, stopped and deleted afterwards.
//
//   const pg = await startPostgres();   // null: no server installed (the tests skip, saying so)
//   ... new Client(pg.connection) ...
//   await pg.stop();
//
// With REQUIRE_POSTGRES=1 (set by .ci/run) a missing server is an error instead of a skip.
import {execFileSync} from "node:child_process";
import {chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync} from "node:fs";
import {createServer} from "node:net";
import {tmpdir, userInfo} from "node:os";
import path from "node:path";

export interface PostgresServer {
  host: string;
  port: number;
  user: string;
  database: string;
  /** postgres://user@127.0.0.1:port/database */
  url: string;
  /** The server's major version (e.g. 15). */
  version: number;
  stop(): Promise<void>;
}

/** The highest installed PostgreSQL's bin folder (Debian layout), or null. */
export function postgresBin(): string | null {
  const root = "/usr/lib/postgresql";
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((v) => /^\d+$/.test(v) && existsSync(path.join(root, v, "bin", "pg_ctl")) && existsSync(path.join(root, v, "bin", "initdb")))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length ? path.join(root, versions[0], "bin") : null;
}

/** Why there is no server, for the skip message (null when one can be started). */
export function postgresMissing(): string | null {
  if (!postgresBin()) return "PostgreSQL is not installed (apt-get install -y postgresql): the PostgreSQL tests are skipped";
  if (userInfo().uid === 0) {
    try {
      execFileSync("id", ["-u", "postgres"], {stdio: "ignore"});
    } catch {
      return "running as root and there is no `postgres` user to run the server as: the PostgreSQL tests are skipped";
    }
  }
  return null;
}

export const requirePostgres = () => process.env.REQUIRE_POSTGRES === "1";

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const {port} = server.address() as {port: number};
      server.close(() => resolve(port));
    });
  });
}

/**
 * Start a server, or return null when none is installed (and REQUIRE_POSTGRES is not 1). The caller
 * must call stop() (afterAll).
 */
export async function startPostgres(): Promise<PostgresServer | null> {
  const missing = postgresMissing();
  if (missing) {
    if (requirePostgres()) throw new Error(`REQUIRE_POSTGRES=1 but ${missing.replace(/: the PostgreSQL tests are skipped$/, "")}`);
    return null;
  }
  const bin = postgresBin()!;
  const asRoot = userInfo().uid === 0;
  const owner = asRoot ? "postgres" : userInfo().username;
  const run = (program: string, args: string[]) =>
    asRoot
      ? execFileSync("runuser", ["-u", "postgres", "--", path.join(bin, program), ...args], {stdio: "pipe", timeout: 180_000})
      : execFileSync(path.join(bin, program), args, {stdio: "pipe", timeout: 180_000});
  const dir = mkdtempSync(path.join(tmpdir(), "rendement-pg-"));
  if (asRoot) {
    const uid = Number(execFileSync("id", ["-u", "postgres"]).toString().trim());
    const gid = Number(execFileSync("id", ["-g", "postgres"]).toString().trim());
    chownSync(dir, uid, gid);
  }
  const data = path.join(dir, "data");
  const log = path.join(dir, "server.log");
  const port = await freePort();
  try {
    run("initdb", ["-D", data, "-A", "trust", "-U", owner, "-E", "UTF8", "--locale=C.UTF-8"]);
    run("pg_ctl", ["-D", data, "-l", log, "-w", "-t", "60", "-o", `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off`, "start"]);
  } catch (error) {
    const e = error as {stderr?: Buffer; message: string};
    rmSync(dir, {recursive: true, force: true});
    throw new Error(`cannot start PostgreSQL from ${bin}: ${e.stderr?.toString().trim() || e.message}`);
  }
  const version = Number(path.basename(path.dirname(bin)));
  let stopped = false;
  return {
    host: "127.0.0.1",
    port,
    user: owner,
    database: "postgres",
    url: `postgres://${owner}@127.0.0.1:${port}/postgres`,
    version,
    async stop() {
      if (stopped) return;
      stopped = true;
      try {
        // The data are throwaway: immediate shutdown, and if pg_ctl fails, the postmaster is killed.
        run("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]);
      } catch {
        try {
          const pid = Number(readFileSync(path.join(data, "postmaster.pid"), "utf8").split("\n")[0]);
          if (pid > 0) process.kill(pid, "SIGKILL");
        } catch {
          // already gone
        }
      } finally {
        rmSync(dir, {recursive: true, force: true});
      }
    }
  };
}
