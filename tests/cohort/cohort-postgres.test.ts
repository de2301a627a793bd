// The generated event-table queries (lib/cohort/sql/*.sql) run unchanged on a real PostgreSQL server
// and give the event table and the excluded rows that DuckDB gives on the same data, and
// `rendement aggregate --engine postgres` writes the same event table as from the file. The server
// is Debian's postgresql package, started by tests/cohort/postgres.ts in a temporary directory as an
// unprivileged user on 127.0.0.1; without it these tests are skipped (REQUIRE_POSTGRES=1: failed).
import {afterAll, afterEach, beforeAll, describe, expect, it, vi} from "vitest";
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import path from "node:path";
import {csvFormat, csvParseRows} from "d3-dsv";
import pg from "pg";
import {aggregateCohortFile, type AggregatedCohort} from "../../lib/io/cohort-duckdb.js";
import {aggregatePostgres} from "../../lib/io/cohort-postgres.js";
import {generateSyntheticCohort} from "../../lib/cohort/synthetic.js";
import {FULL_OPTIONAL_COLUMNS, FULL_REQUIRED_COLUMNS} from "../../lib/schema/cohort.js";
import {main as aggregate} from "../../lib/cli/aggregate.js";
import {postgresMissing, requirePostgres, startPostgres, type PostgresServer} from "./postgres.js";

const missing = postgresMissing();
const skip = missing !== null && !requirePostgres();
if (skip) console.warn(`tests/cohort/cohort-postgres.test.ts: ${missing}`);

const dir = mkdtempSync(path.join(tmpdir(), "cohort-postgres-"));
afterAll(() => rmSync(dir, {recursive: true, force: true}));
afterEach(() => vi.restoreAllMocks());

const COLUMNS = [...FULL_REQUIRED_COLUMNS, ...FULL_OPTIONAL_COLUMNS];
const toCsv = (rows: Record<string, unknown>[]) =>
  csvFormat(rows.map((r) => Object.fromEntries(COLUMNS.map((c) => [c, r[c] ?? ""]))) as Record<string, string>[], COLUMNS);

async function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(console, "log").mockImplementation((...a) => void out.push(a.join(" ")));
  vi.spyOn(console, "error").mockImplementation((...a) => void err.push(a.join(" ")));
  vi.spyOn(process.stdout, "write").mockImplementation((s) => (out.push(String(s)), true));
  const code = await aggregate(argv);
  vi.restoreAllMocks();
  return {code, out: out.join("\n"), err: err.join("\n")};
}

/**
 * A full-format cohort whose bad cells and duplicate id are distinctive markers (and whose
 * cross-field errors carry distinctive dates), plus one row of the wrong width: nothing of it may
 * appear in what `aggregate` prints or writes (docs/cohort.md, "What leaves the database").
 */
const MARKERS = ["MRKDATE1", "MRKEXIT2", "MRKID3", "MRKHOURS4", "MRKZRM5", "MRKSEX6", "MRKBEN7", "MRKWIDTH8", "2001-02-03", "2000-03-04"];
function markerCohort(): {file: string; ids: string[]} {
  const rows = generateSyntheticCohort({seed: 11, scale: 1}) as unknown as Record<string, unknown>[];
  rows[3].follow_up_start = "MRKDATE1";
  rows[5].exit_type = "MRKEXIT2";
  rows[7].id = "MRKID3";
  rows[8].id = "MRKID3"; // a duplicate of a valid row
  rows[11].hours = "MRKHOURS4";
  rows[13].zrm_housing_6 = "MRKZRM5";
  rows[14].sex = "MRKSEX6";
  rows[15].follow_up_end = "2001-02-03"; // before follow_up_start
  rows[16].trajectory_date = "2000-03-04"; // before inflow_date
  rows[17].benefit_type = "MRKBEN7";
  const file = path.join(dir, "markers.csv");
  writeFileSync(file, toCsv(rows) + "\nMRKWIDTH8,x\n");
  return {file, ids: rows.map((r) => String(r.id))};
}

/** Runs aggregate (to --out, to stdout, and refused by --max-excluded) and checks every byte it printed or wrote. */
async function expectNoMarkers(argv: string[], ids: string[], tag: string) {
  const out = path.join(dir, `${tag}.events.csv`);
  const written = await run([...argv, "--out", out]);
  expect(written.code, written.err).toBe(0);
  expect(written.err).toMatch(/rows accepted, \d+ excluded/);
  expect(written.err).toMatch(/id: expected a unique id, found the id of line \d+/);
  const printed = await run(argv);
  expect(printed.code, printed.err).toBe(0);
  const refused = await run([...argv, "--max-excluded", "0.1%"]);
  expect(refused.code).toBe(2);
  const texts = {
    "written stdout": written.out,
    "written stderr": written.err,
    "event table": readFileSync(out, "utf8"),
    "disclosure JSON": readFileSync(`${out}.disclosure.json`, "utf8"),
    "printed stdout": printed.out,
    "printed stderr": printed.err,
    "refused stderr": refused.err
  };
  for (const [what, text] of Object.entries(texts)) {
    for (const m of MARKERS) expect(text, `${tag} ${what}: ${m}`).not.toContain(m);
    expect(text.match(/\bS\d{5}\b/g), `${tag} ${what}: an id`).toBeNull();
    expect(ids.every((id) => id.startsWith("S") || id === "MRKID3")).toBe(true);
  }
}

describe("rendement aggregate (DuckDB) prints and writes no cell value and no id", () => {
  it("a cohort with bad cells, a duplicate id and a row of the wrong width, all distinctive markers: none appears in stdout, stderr, the event table or the disclosure JSON", async () => {
    const {file, ids} = markerCohort();
    await expectNoMarkers([file], ids, "duckdb");
  }, 600_000);
});

describe.skipIf(skip)("the event-table SQL on PostgreSQL (Debian's server, started for the test)", () => {
  let server: PostgresServer | null = null;
  let client: pg.Client;
  beforeAll(async () => {
    server = await startPostgres();
    if (!server) throw new Error("no PostgreSQL server");
    client = new pg.Client(server.url);
    await client.connect();
  }, 180_000);
  afterAll(async () => {
    await client?.end().catch(() => undefined);
    await server?.stop();
  }, 240_000);

  /**
   * A CSV file as a table: one TEXT column per CSV column (as the file has them) and `line`, the
   * file line of the row, so messages name the same lines. `typed` makes dates DATE and numbers
   * INTEGER/NUMERIC where every cell allows it. Rows of the wrong width are left out (a CSV problem).
   */
  async function load(table: string, file: string, {typed = false} = {}) {
    const parsed = csvParseRows(readFileSync(file, "utf8"));
    const header = parsed[0].map((c) => c.trim().toLowerCase());
    const rows = parsed.slice(1).map((cells, i) => ({line: i + 2, cells})).filter((r) => r.cells.length === header.length);
    const type = (k: number) => {
      if (!typed) return "TEXT";
      const values = rows.map((r) => r.cells[k]).filter((v) => v !== "");
      if (values.every((v) => /^\d{4}-\d{2}-\d{2}$/.test(v))) return "DATE";
      if (values.every((v) => /^-?\d{1,9}$/.test(v))) return "INTEGER";
      return "TEXT";
    };
    await client.query(`DROP TABLE IF EXISTS ${table}`);
    await client.query(`CREATE TABLE ${table} (line BIGINT, ${header.map((c, k) => `"${c}" ${type(k)}`).join(", ")})`);
    const width = header.length + 1;
    const batch = Math.floor(60_000 / width);
    for (let i = 0; i < rows.length; i += batch) {
      const part = rows.slice(i, i + batch);
      const values = part.flatMap((r) => [r.line, ...r.cells.map((c, k) => (typed && type(k) !== "TEXT" && c.trim() === "" ? null : c))]);
      const placeholders = part.map((_, j) => `(${Array.from({length: width}, (_, k) => `$${j * width + k + 1}`).join(", ")})`).join(", ");
      await client.query(`INSERT INTO ${table} VALUES ${placeholders}`, values);
    }
  }

  /** The same rows through DuckDB (from the file) and PostgreSQL (from the table): equal event tables and excluded rows. */
  async function expectSameEngines(file: string, table: string, by = "group"): Promise<AggregatedCohort> {
    const duck = await aggregateCohortFile(file, {by});
    const post = await aggregatePostgres({connection: server!.url, table}, {by});
    expect(post.format).toBe(duck.format);
    expect(post.counts).toEqual(duck.counts);
    // Rows of the wrong width are a CSV problem: they never reach a table.
    const csvOnly = duck.excluded.filter((e) => / fields as in the header$/.test(e.problems[0].expected));
    const duckRows = duck.excluded.filter((e) => !csvOnly.includes(e));
    expect(post.excluded.map((e) => ({...e, reasons: e.reasons.map((m) => m.replace(`${table}:`, `${file}:`))}))).toEqual(duckRows);
    expect({read: post.summary.read, accepted: post.summary.accepted, excluded: post.summary.excluded}).toEqual({
      read: duck.summary.read - csvOnly.length,
      accepted: duck.summary.accepted,
      excluded: duck.summary.excluded - csvOnly.length
    });
    return post;
  }

  it("the shipped cohort data/cohorts/synthetic-monitor.csv: equal event tables by group and by inflow year", async () => {
    await load("monitor", "data/cohorts/synthetic-monitor.csv");
    expect((await expectSameEngines("data/cohorts/synthetic-monitor.csv", "monitor")).summary.accepted).toBe(3890);
    await expectSameEngines("data/cohorts/synthetic-monitor.csv", "monitor", "inflow_year");
  }, 600_000);

  it("a generated cohort (lib/cohort/synthetic.ts) with bad rows: equal excluded rows and messages, and a typed table (DATE, INTEGER columns) gives the same", async () => {
    const rows = generateSyntheticCohort({seed: 11, scale: 1}) as unknown as Record<string, unknown>[];
    const bad = rows.map((r) => ({...r}));
    bad[3].follow_up_start = "2014-02-30";
    bad[5].exit_type = "retired";
    bad[7].id = bad[2].id;
    bad[9].exit_date = bad[9].exit_type === "none" ? "2014-01-01" : "";
    bad[11].hours = "81";
    bad[12].age = "9".repeat(400);
    bad[13].zrm_housing_6 = "5,5";
    bad[14].sex = 'X"\\';
    bad[15].follow_up_end = "2012-01-01";
    bad[17].group = "";
    bad[18].ladder_0 = "2.0";
    bad[19].hours = "0".repeat(300) + "12,5";
    bad[20].zrm_0 = "²"; // a digit in some collations' order, not a digit
    bad[21].inflow_date = "2014-0²-01";
    bad[23].inflow_date = "0099-01-01";
    const file = path.join(dir, "generated-bad.csv");
    writeFileSync(file, toCsv(bad) + "\n");
    await load("generated_bad", file);
    const r = await expectSameEngines(file, "generated_bad");
    expect(r.excluded.length).toBeGreaterThanOrEqual(12);
    const messages = r.excluded.flatMap((e) => e.reasons).join("\n");
    expect(messages).toContain(`generated_bad:5: follow_up_start: expected a date YYYY-MM-DD`);
    expect(messages).toContain(`generated_bad:14: age: expected an age 15–70 or blank`);
    expect(messages).toContain(`generated_bad:22: zrm_0: expected a ZRM score 1–5 or blank`);
    // The clean generated cohort as a typed table: dates as DATE, whole numbers as INTEGER.
    const clean = path.join(dir, "generated.csv");
    writeFileSync(clean, toCsv(generateSyntheticCohort({seed: 3, scale: 1}) as unknown as Record<string, unknown>[]) + "\n");
    await load("generated_typed", clean, {typed: true});
    const typed = (await client.query("SELECT data_type FROM information_schema.columns WHERE table_name = 'generated_typed' AND column_name = 'inflow_date'")).rows[0];
    expect(typed.data_type).toBe("date");
    await expectSameEngines(clean, "generated_typed");
  }, 600_000);

  it("duration tables: bad rows, decimal commas, and months JavaScript reads as Infinity excluded before any CAST (issue 17 case 8)", async () => {
    await load("duration_bad", "tests/fixtures/cohort-bad.csv");
    expect((await expectSameEngines("tests/fixtures/cohort-bad.csv", "duration_bad")).excluded.map((e) => e.line)).toEqual([3, 4, 5, 6, 7]);
    const T = (2n ** 1024n - 2n ** 970n).toString();
    const file = path.join(dir, "huge-months.csv");
    const rows = [
      ["h1", "A", "9".repeat(400), "work"],
      ["h2", "A", T, "work"],
      ["h3", "A", `"0.${"0".repeat(400)}1"`, "other"], // underflows to 0: an error on a PostgreSQL cast, 0 in JavaScript
      ["h4", "A", `"${"0".repeat(400)}7,25"`, "censored"],
      ...Array.from({length: 60}, (_, i) => [`ok${i}`, i % 2 ? "A" : "B", `"${(i % 12) + 1},5"`, i % 3 ? "work" : "censored"])
    ];
    writeFileSync(file, `id,group,months,exit\n${rows.map((r) => r.join(",")).join("\n")}\n`);
    await load("huge_months", file);
    const r = await expectSameEngines(file, "huge_months");
    expect(r.excluded.map((e) => e.line)).toEqual([2, 3]);
    expect(r.excluded[0].reasons[0]).toBe(`huge_months:2: months: expected a duration in months >= 0`);
    expect(r.counts.find((c) => c.months === 0)?.count).toBe(1);
  }, 600_000);

  it("rendement aggregate --engine postgres prints and writes no cell value and no id: the markers of bad cells, a duplicate id and cross-field dates appear nowhere", async () => {
    const {file, ids} = markerCohort();
    await load("markers", file);
    await expectNoMarkers(["--engine", "postgres", "--connection", server!.url, "--table", "markers"], ids, "postgres");
    // The query itself returns none of them either: the person-level values never leave the server.
    const r = await aggregatePostgres({connection: server!.url, table: "markers"});
    const returned = JSON.stringify(r.excluded);
    for (const m of MARKERS) expect(returned).not.toContain(m);
  }, 600_000);

  it("rendement aggregate --engine postgres writes the event table the file gives, applies --max-excluded and --min-cell, and takes the connection from PG* variables", async () => {
    await load("monitor", "data/cohorts/synthetic-monitor.csv");
    const fromFile = path.join(dir, "file.events.csv");
    const fromServer = path.join(dir, "server.events.csv");
    expect((await run(["data/cohorts/synthetic-monitor.csv", "--out", fromFile])).code).toBe(0);
    const r = await run(["--engine", "postgres", "--connection", server!.url, "--table", "monitor", "--out", fromServer]);
    expect(r.code, r.err).toBe(0);
    expect(readFileSync(fromServer, "utf8")).toBe(readFileSync(fromFile, "utf8"));
    expect(r.err).toMatch(/group VIP: 600 persons, \d+ cells merged into \d+/);
    expect(readFileSync(fromServer, "utf8")).not.toMatch(/S\d{5}|\d{4}-\d{2}-\d{2}/);
    // PGHOST/PGPORT/PGUSER/PGDATABASE instead of --connection
    const saved = {...process.env};
    Object.assign(process.env, {PGHOST: server!.host, PGPORT: String(server!.port), PGUSER: server!.user, PGDATABASE: server!.database});
    try {
      const env = await run(["--engine", "postgres", "--table", "monitor"]);
      expect(env.code, env.err).toBe(0);
      expect(env.out).toBe(readFileSync(fromFile, "utf8"));
    } finally {
      for (const k of ["PGHOST", "PGPORT", "PGUSER", "PGDATABASE"]) if (saved[k] === undefined) delete process.env[k];
      Object.assign(process.env, saved);
    }
    // 30 % bad rows: refused as from a file
    const rows = Array.from({length: 100}, (_, i) => `p${i},G,${i < 30 ? -1 : (i % 24) + 1},work`);
    const bad = path.join(dir, "thirty.csv");
    writeFileSync(bad, `id,group,months,exit\n${rows.join("\n")}\n`);
    await load("thirty", bad);
    const refused = await run(["--engine", "postgres", "--connection", server!.url, "--table", "thirty"]);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain("thirty: 30 of 100 rows excluded (30 %), more than --max-excluded 5 %");
    // problems name the option, in one line, exit 2
    const unknown = await run(["--engine", "postgres", "--connection", server!.url, "--table", "no_such_table"]);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/--engine postgres: postgres:\/\/.*: relation "no_such_table" does not exist/);
    expect((await run(["--engine", "postgres", "--connection", server!.url])).err).toContain("--engine postgres: expected --table <relation>");
    expect((await run(["--engine", "postgres", "--connection", server!.url, "--table", 'x"; DROP TABLE monitor; --'])).code).toBe(2);
    expect(Number((await client.query("SELECT COUNT(*) AS n FROM monitor")).rows[0].n)).toBe(3890);
  }, 600_000);
});

if (skip)
  describe("the event-table SQL on PostgreSQL", () => {
    it.skip(`skipped: ${missing}`, () => undefined);
  });
