// Spot checks of the kengetallen of seeds 001-004 against the seed texts in /work/shared/seeds/;
// "L" numbers are lines of the seed file (the seeds carry no page numbers).
import {beforeAll, describe, expect, it} from "vitest";
import {loadKengetallen} from "../../lib/io/kengetallen.js";
import type {Registry} from "../../lib/kengetallen/registry.js";

let r: Registry;
const v = (id: string) => r.value(id);
beforeAll(() => {
  r = loadKengetallen();
}, 60_000);

describe("seed 001 factsheets (youth unemployment)", () => {
  it("FS1: begeleiding 1.300 + externe inhuur 200 = kosten interventie 1.500 (L206-208)", () => {
    expect(v("jw_fs1_kosten_begeleiding") + v("jw_fs1_externe_inhuur")).toBe(v("jw_fs1_kosten_interventie_tabel"));
  });
  it("FS1: the text's € 2.400 per youth (L97) differs from the table's € 1.500 by € 900 — recorded, not reconciled", () => {
    expect(v("jw_fs1_training_directe_kosten_tekst") - v("jw_fs1_kosten_interventie_tabel")).toBe(900);
  });
  it("FS2: 5 % × € 8.000 = € 400, the table prints € 420 (L337, L424, L431)", () => {
    expect(v("jw_fs2_aandeel_extra_inzet") * v("jw_fs2_extra_inzet_per_leerling")).toBe(400);
    expect(v("jw_fs2_extra_zorg_tabel")).toBe(420);
  });
  it("FS3: 15 % × € 4.000 = € 600, the table and text print € 400 (L523, L611, L618)", () => {
    expect(v("jw_fs3_aandeel_extra_traject") * v("jw_fs3_traject_kosten")).toBeCloseTo(600, 9);
    expect(v("jw_fs3_extra_zorg_per_jongere")).toBe(400);
  });
  it("FS4: begeleiding 800 + traject 2.200 = 3.000 per youth; 785.000 / 264 = 2.973,5 (L709, L788-799)", () => {
    expect(v("jw_fs4_begeleiding_per_jongere") + v("jw_fs4_traject_per_jongere")).toBe(v("jw_fs4_totaal_per_jongere"));
    expect(v("jw_fs4_totale_kosten_jaar") / 264).toBeCloseTo(2973.48, 2);
  });
  it("FS6: the text's 1.500 + 1.100 + 2.800 = 5.400 is € 1.000 below the table's 6.400 (L1066-1067, L1149)", () => {
    const text = v("jw_fs6_begeleiding") + v("jw_fs6_extra_zorgbegeleiding") + v("jw_fs6_productie_bedrijfskosten");
    expect(text).toBe(v("jw_fs6_traject_totaal_tekst"));
    expect(v("jw_fs6_traject_totaal_tabel") - text).toBe(1000);
    expect(v("jw_fs6_begeleiding") + v("jw_fs6_overige_kosten_tabel")).toBe(v("jw_fs6_traject_totaal_tabel"));
  });
  it("FS7: cost lines 27.000 + 3.000 + 6.400 = 36.400, but total costs print 36.800 (L1333, L1343-1346)", () => {
    const lines = v("jw_fs7_salaris_premies") + v("jw_fs7_werkkosten_training") + v("jw_fs7_begeleiding_bemiddeling");
    expect(lines).toBe(v("jw_fs7_kosten_interventie_tabel"));
    expect(v("jw_fs7_totale_kosten_tabel") - lines).toBe(400);
  });
  it("FS8: cost lines 7.200 + 2.280 + 700 = 10.180 against a printed total of 10.100 (L1522, L1533-1537)", () => {
    const lines = v("jw_fs8_begeleiding_per_persoon") + v("jw_fs8_maatwerk_tabel") + v("jw_fs8_extra_jaren_onderwijs");
    expect(lines).toBe(10180);
    expect(lines - v("jw_fs8_totale_kosten_tabel")).toBe(80);
  });
  it("FS9: begeleiding 6.240 + overige 1.760 = the text's € 8.000 for 2 years (L1625, L1719-1720)", () => {
    expect(v("jw_fs9_begeleiding_tabel") + v("jw_fs9_overige_kosten_tabel")).toBe(v("jw_fs9_traject_2jaar"));
  });
  it("FS10: begeleiding 7.650 + overige 450 = the text's € 8.100 (L1812, L1909-1910)", () => {
    expect(v("jw_fs10_begeleiding_tabel") + v("jw_fs10_overige_kosten_tabel")).toBe(v("jw_fs10_totaal_interventie"));
  });
});

describe("seed 002 Monitor Voorbeeldprojecten (ch. 5)", () => {
  it("hourly wage € 8,82 against the minimum hourly wage € 8,66 of 1 January 2015 (L3016-3018)", () => {
    expect(v("vp_uurloon_gemiddeld")).toBe(8.82);
    const wml = r.get("wml_uurloon_23plus_2015");
    expect([wml.value, wml.priceYear, wml.priceYearBasis ?? "printed"]).toEqual([8.66, 2015, "printed"]);
  });
  it("Tabel 6: monthly income = hours × 8,82 × 4,3 weeks for all three hours groups (L3109-3118)", () => {
    for (const g of ["max8", "8_28", "meer28"]) {
      expect(v(`vp_uren_per_week_${g}`) * v("vp_uurloon_gemiddeld") * 4.3, g).toBeCloseTo(v(`vp_inkomen_per_maand_${g}`), 1);
    }
  });
  it("Tabel 7 benefit levels per month: bijstand 900, Nieuwe Wajong 1131, WIA 1091", () => {
    expect([v("vp_uitkering_bijstand_maand"), v("vp_uitkering_nieuwe_wajong_maand"), v("vp_uitkering_wia_maand")]).toEqual([900, 1131, 1091]);
  });
  it("Tabel 8: the 'not started, start' column adds up to 180,92, not the printed 180,68 — a gap of 0,24 (L3359-3388)", () => {
    const contacts = ["huisarts", "fysiotherapeut", "maatschappelijk_werker", "psycholoog", "medisch_specialist"];
    const sum = (g: string, m: string) => contacts.reduce((s, c) => s + v(`vp_zorgkosten_${g}_${m}_${c}`), 0);
    expect(sum("niet_gestart", "start")).toBeCloseTo(180.92, 9);
    expect(sum("niet_gestart", "start") - v("vp_zorgkosten_niet_gestart_start_totaal")).toBeCloseTo(0.24, 9);
    // The other three columns agree with their totals within rounding of the cells.
    for (const [g, m] of [
      ["niet_gestart", "na_12_maanden"],
      ["gestart", "start"],
      ["gestart", "na_12_maanden"]
    ]) {
      expect(Math.abs(sum(g, m) - v(`vp_zorgkosten_${g}_${m}_totaal`)), `${g} ${m}`).toBeLessThan(0.015);
    }
  });
  it("the no-reintegration care cost of Tabel 9-11, € 8.552, is 48 × the mean of 180,68 and 175,65", () => {
    const perMonth = (v("vp_zorgkosten_niet_gestart_start_totaal") + v("vp_zorgkosten_niet_gestart_na_12_maanden_totaal")) / 2;
    expect(Math.round(v("vp_tijdshorizon") * 12 * perMonth)).toBe(8552);
  });
  it("IPS intake € 736 = 8 conversations × € 92; regular guidance € 1.238,94 for two years (L3435, L3471)", () => {
    expect(8 * v("vp_ips_gesprek_tarief")).toBe(v("vp_ips_intake_zorgverzekeraar"));
    expect(v("vp_reguliere_begeleiding_2jaar")).toBe(1238.94);
    expect([v("vp_ips_traject_3jaar"), v("vp_exit_traject_2jaar")]).toEqual([5000, 4000]);
  });
  it("jobcoaching caps fall from 15 % to 7,5 % to 6 % of contract hours (L3443-3445)", () => {
    expect([1, 2, 3].map((y) => v(`vp_jobcoach_max_aandeel_jaar${y}`))).toEqual([0.15, 0.075, 0.06]);
  });
});

describe("seed 003 caseload and budget scenarios (Berenschot)", () => {
  it("fte cost € 100.000 = € 70.000 + € 30.000, though 30 % of € 70.000 is € 21.000 (§5.1.1 L1184-1190)", () => {
    expect(v("klantmanager_loonkosten_fte") + v("klantmanager_overhead_fte")).toBe(v("klantmanager_kosten_fte"));
    expect(v("klantmanager_overhead_opslag") * v("klantmanager_loonkosten_fte")).toBeCloseTo(21000, 6);
    expect(v("klantmanager_overhead_fte") - v("klantmanager_overhead_opslag") * v("klantmanager_loonkosten_fte")).toBeCloseTo(9000, 6);
  });
  it("UWV tariffs at 36 hours = share × 36 h × € 87,50 × 40 weeks, for all four levels (L1086-1088)", () => {
    for (const l of ["i", "ii", "iii", "iv"]) {
      expect(v(`uwv_begeleiding_aandeel_uren_${l}`) * 36 * v("uwv_uurtarief_begeleiding") * 40, l).toBeCloseTo(v(`uwv_begeleiding_tarief_36u_${l}`), 6);
    }
  });
  it("UWV tariffs at 32 hours are 0,75 × the 36-hour row, not share × 32 h × € 87,50 × 40 (L1090) — recorded gap", () => {
    for (const l of ["i", "ii", "iii", "iv"]) {
      expect(0.75 * v(`uwv_begeleiding_tarief_36u_${l}`), l).toBeCloseTo(v(`uwv_begeleiding_tarief_32u_${l}`), 6);
    }
    const stated = v("uwv_begeleiding_aandeel_uren_i") * 32 * v("uwv_uurtarief_begeleiding") * 40;
    expect(stated).toBeCloseTo(3360, 6);
    expect(stated - v("uwv_begeleiding_tarief_32u_i")).toBeCloseTo(525, 6);
  });
  it("scenario 1 bounds from the kengetallen: 100.000 / 40 × € 100.000 + 100.000 × € 500 = € 300 mln; with 1:30 and € 1.000: € 433 mln (§5.1.1)", () => {
    const n = v("bijstand_volume_nl") * v("aandeel_smo_bijstand") * v("aandeel_intensief_binnen_smo");
    expect(n).toBe(100000);
    const u = r.get("caseload_intensief_gewenst").uncertainty;
    const vz = r.get("voorzieningen_per_persoon").uncertainty;
    if (u.type !== "range" || vz.type !== "range") throw new Error("expected ranges");
    expect((n / u.high) * v("klantmanager_kosten_fte") + n * vz.low).toBe(300e6);
    expect(Math.floor(((n / u.low) * v("klantmanager_kosten_fte") + n * vz.high) / 1e6)).toBe(433);
  });
  it("coaching costs: jobcoaching € 3.000, whole process with LKS € 6.600, IPS € 11.000 per year (§4.2)", () => {
    expect([v("jobcoaching_per_kandidaat"), v("reintegratie_plaatsing_begeleiding_lks"), v("ips_ondersteuning_per_kandidaat")]).toEqual([3000, 6600, 11000]);
  });
});

describe("seed 004 Leiden (rekenkamercommissie)", () => {
  it("Tabel 2.1: every year's rows add up to the printed Totaal (L1832-1878)", () => {
    for (const year of [2014, 2015, 2016, 2017, 2018]) {
      const cells = r.list({theme: "leiden"}).filter((k) => k.dimensions?.jaar === String(year));
      const total = cells.find((k) => k.dimensions?.post === "totaal")!.value;
      const sum = cells.filter((k) => k.dimensions?.post !== "totaal").reduce((s, k) => s + k.value, 0);
      expect(sum, String(year)).toBeCloseTo(total, 6);
    }
    expect(v("leiden_begroting_exploitatie_wsw_2014")).toBe(18.1e6);
  });
  it("Leidse Kracht: 511.000 + 395.000 = 906.000; bonus 800 + 1.000 = 1.800 (L1789-1800)", () => {
    expect(v("leidse_kracht_vaste_kosten") + v("leidse_kracht_variabele_kosten_max")).toBe(v("leidse_kracht_kosten_jaar"));
    expect(v("leidse_kracht_bonus_plaatsing") + v("leidse_kracht_bonus_half_jaar")).toBe(v("leidse_kracht_bonus_totaal"));
  });
  it("Leidse Kracht break-even: (511.000 + 160 × 1.800) / 1.260 = 634 benefit months, about 4 per person (L2057-2061)", () => {
    const cost = v("leidse_kracht_vaste_kosten") + v("leidse_kracht_doelgroep_jaar") * v("leidse_kracht_bonus_totaal");
    expect(cost).toBe(799000);
    expect(Math.round(cost / v("leiden_uitkering_maand_bruto"))).toBe(634);
    expect(Math.round(cost / v("leiden_uitkering_maand_bruto") / v("leidse_kracht_doelgroep_jaar"))).toBe(4);
  });
  it("the gross benefit month 1.260 is 1,5 × the net 840 (L2046-2051), both at prijspeil 1/1/2015", () => {
    expect(v("leiden_factor_bruto_netto_uitkering") * v("leiden_uitkering_maand_netto")).toBe(v("leiden_uitkering_maand_bruto"));
    expect(r.get("leiden_uitkering_maand_netto").priceYear).toBe(2015);
  });
  it("Opstapsubsidie € 10.500 plus € 6.500 in year 2; scholingsbudget € 1.500 (L1807-1810, L2875)", () => {
    expect(v("opstapsubsidie_jaar1") + v("opstapsubsidie_jaar2")).toBe(17000);
    expect(v("leiden_scholingsbudget")).toBe(1500);
  });
  it("Leidse Kracht costs € 906.000 against 0,8 miljoen budgeted in Tabel 2.1 for 2015 — recorded, not reconciled", () => {
    expect(v("leidse_kracht_kosten_jaar") - v("leiden_begroting_uitzendbureau_2015")).toBe(106000);
    expect(r.get("leidse_kracht_kosten_jaar").note).toMatch(/INCONSISTENT/);
  });
});
