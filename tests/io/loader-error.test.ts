// An invalid study in the preview (`npm start` sets RENDEMENT_PREVIEW=1): the study's loader writes
// `{"error": "file:line: field: …"}` (its pages show the Dutch panel of src/components/studyError.js)
// and exits 0, and the sidebar keeps the study's start page; in a build the loader exits 1 naming the
// file, and the sidebar generation stops.
import {spawnSync} from "node:child_process";
import {cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, describe, expect, it} from "vitest";
import {studyPages} from "../../lib/io/study-pages.js";
import {previewMode} from "../../lib/io/loader-error.js";

const root = mkdtempSync(join(tmpdir(), "rendement-preview-"));
afterAll(() => rmSync(root, {recursive: true, force: true}));
const dir = join(root, "kapotte-studie");
cpSync("tests/fixtures/studies/oefenstudie", dir, {recursive: true});
writeFileSync(join(dir, "study.yaml"), readFileSync(join(dir, "study.yaml"), "utf8").replace("id: oefenstudie", "id: kapotte-studie"));
writeFileSync(join(dir, "model.yaml"), readFileSync(join(dir, "model.yaml"), "utf8").replace("transfer: {from: woonstichting, to: deelnemer}", "transfer: {from: woonbedrijf, to: deelnemer}"));

const loader = (preview: boolean) =>
  spawnSync(process.execPath, ["--import", "tsx", "src/studies/[study]/study.json.ts", "--study=kapotte-studie"], {
    encoding: "utf8",
    env: {...process.env, RENDEMENT_EXTRA_STUDIES: root, RENDEMENT_PREVIEW: preview ? "1" : ""}
  });
const WHERE = /kapotte-studie\/model\.yaml:\d+: interventions\[0\]\.flows\[\d+\]\.transfer\.from: expected one of the actors: .*found "woonbedrijf"/;

describe("an invalid study in the preview and in the build", () => {
  it("preview: the loader writes {error} naming file:line: field and exits 0", () => {
    const r = loader(true);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).error).toMatch(WHERE);
  }, 60_000);

  it("build: the loader exits 1 and names the file on stderr", () => {
    const r = loader(false);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(WHERE);
  }, 60_000);

  it("preview keeps the invalid study's start page in the sidebar; the build stops naming the file", () => {
    const pages = studyPages([root], {tolerant: true});
    expect(pages).toEqual([{id: "kapotte-studie", title: "kapotte-studie (fout)", pages: [{name: "Overzicht", path: "/studies/kapotte-studie/index"}], redirects: []}]);
    expect(() => studyPages([root])).toThrow(WHERE);
  });

  it("only RENDEMENT_PREVIEW=1 is the preview", () => {
    expect(previewMode({RENDEMENT_PREVIEW: "1"})).toBe(true);
    expect(previewMode({})).toBe(false);
  });
});
