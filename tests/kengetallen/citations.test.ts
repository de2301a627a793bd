// Every kengetal that cites seed lines must find its value printed there: this keeps the
// provenance honest when records are edited. Seeds live outside the repository
// (/work/shared/seeds, or RENDEMENT_SEEDS); without them the test is skipped, not passed.
import {existsSync, readdirSync, readFileSync} from "node:fs";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {loadKengetallen} from "../../lib/io/kengetallen.js";

const seedDir = process.env.RENDEMENT_SEEDS ?? "/work/shared/seeds";
const haveSeeds = existsSync(seedDir);

// Values the seed prints in words or as a range, not as the number stored (reason given).
const printedOtherwise: Record<string, string> = {
  voorzieningen_aandeel_beperkt: "'de helft'",
  aandeel_intensief_binnen_smo: "'ongeveer de helft'",
  afname_klachten_bij_stabilisatie: "'met de helft afnemen'",
  vh_max_duur_ondersteuning: "'drie jaar'",
  vp_tijdshorizon: "'vier jaar'",
  vp_geen_begeleiding: "'geen kosten'",
  leiden_caseload_consulent: "'dertig tot veertig' (value is the midpoint)",
  jw_fs6_verblijfsduur: "'6 tot 9 maanden' (value is the midpoint)",
  wa_trajectduur: "'3 à 4 maanden' (value is the midpoint)",
  participatiewet_bezuiniging_nl: "'1,13 miljard'",
  no_risk_polis_max_loon_wml: "'tot 120% van het minimumloon'"
};

function lineNumbers(lines: string | number): number[] {
  const out: number[] = [];
  for (const part of String(lines).split(",")) {
    const [a, b] = part.trim().split(/[-–]/).map(Number);
    if (b === undefined) out.push(a);
    else for (let i = a; i <= b; i++) out.push(i);
  }
  return out;
}

/** Ways the seeds print a number: 16.800, 16800, 0,191, 30%, 2,5 miljoen, 0,3 (miljoen). */
function printedForms(value: number, unit: string, millions: boolean): string[] {
  const nl = (x: number) => new Intl.NumberFormat("nl-NL", {maximumFractionDigits: 3}).format(x);
  const forms = [nl(value), nl(value).replace(/\./g, ""), value.toFixed(2).replace(".", ",")];
  if (unit === "fraction") forms.push(`${nl(value * 100)}%`, `${nl(value * 100)} procent`, `${nl(value * 100)} %`);
  if (millions || value >= 1e6) forms.push(nl(value / 1e6).includes(",") ? nl(value / 1e6) : `${nl(value / 1e6)},0`, `${nl(value / 1e6)} miljoen`);
  return forms;
}

describe.skipIf(!haveSeeds)("seed citations", () => {
  // The shipped registry, read once for both tests (about 0,4 s of YAML each time); neither changes it.
  let shipped: ReturnType<typeof loadKengetallen> | undefined;
  const registry = () => (shipped ??= loadKengetallen());
  it("each cited seed line (±1 for line wraps) prints the stored value", () => {
    const seeds = Object.fromEntries(readdirSync(seedDir).map((f) => [f.slice(0, 3), readFileSync(join(seedDir, f), "utf8").split("\n")]));
    const missing: string[] = [];
    let checked = 0;
    for (const k of registry().list()) {
      const s = k.source;
      if (!s.seed || s.lines === undefined || /^afgeleid in dit register/.test(s.note ?? "") || k.id in printedOtherwise) continue;
      const text = lineNumbers(s.lines)
        .flatMap((n) => [seeds[s.seed!][n - 2], seeds[s.seed!][n - 1], seeds[s.seed!][n]])
        .join(" ")
        .replace(/\s+/g, " ");
      const forms = printedForms(k.value, k.unit, /miljoen/.test(s.note ?? ""));
      checked++;
      if (!forms.some((f) => text.includes(f))) missing.push(`${k.id} = ${k.value} not at seed ${s.seed} line(s) ${s.lines}`);
    }
    expect(missing).toEqual([]);
    expect(checked).toBeGreaterThan(400);
  }, 60_000);

  it("the records printed in words are still in the registry (the exception list is not stale)", () => {
    for (const id of Object.keys(printedOtherwise)) expect(registry().has(id), id).toBe(true);
  }, 60_000);
});
