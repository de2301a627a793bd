// Spot checks of the seed-000 kengetallen (LPBL, MKBA re-integratie Zoetermeer) against the seed text
// /work/shared/seeds/000_a784d28cef9b55a0.txt; "L" numbers are its lines (the seed has no page numbers).
import {beforeAll, describe, expect, it} from "vitest";
import {loadKengetallen} from "../../lib/io/kengetallen.js";
import type {Registry} from "../../lib/kengetallen/registry.js";

let r: Registry;
const v = (id: string) => r.value(id);
beforeAll(() => {
  r = loadKengetallen();
}, 60_000);

describe("seed 000 §2.1 valuation (L174-218)", () => {
  it("minimum wage € 22.500, benefit € 16.800 incl. execution, youth € 6.000 (L174, L178, fn 4 L217)", () => {
    expect(v("wml_bruto_jaar_zoetermeer")).toBe(22500);
    expect(v("bijstand_kosten_jaar")).toBe(16800);
    expect(v("bijstand_kosten_jongere_jaar")).toBe(6000);
  });
  it("startkwalificatie € 70.000 NCW of which circa € 60.000 long term; volunteering € 8 per hour (L190-194, L204)", () => {
    expect(v("startkwalificatie_baat_ncw")).toBe(70000);
    expect(v("startkwalificatie_baat_lange_termijn_ncw")).toBeLessThan(v("startkwalificatie_baat_ncw"));
    expect(v("vrijwilligerswerk_uurprijs")).toBe(8);
  });
});

describe("seed 000 Figuur 2.1 care consumption (L286-314)", () => {
  const funders = ["werk_inkomen", "wmo", "collectief_welzijn", "jeugd", "zvw", "rijk"];
  const households = ["gezinnen", "ouderen", "overige_hh"];
  const levels = ["geen_probleem_ev", "meervoudig", "niet_zelfredzaam", "top"];

  it("holds 3 household types × 4 problem levels × (6 funders + total) = 84 cells", () => {
    expect(r.list({theme: "zoetermeer_zorgconsumptie"})).toHaveLength(84);
  });

  it("every row's six funder cells add up exactly to its printed Totaal (12 rows)", () => {
    for (const hh of households)
      for (const lvl of levels) {
        const sum = funders.reduce((s, f) => s + v(`zorgprofiel_${hh}_${lvl}_${f}`), 0);
        expect(sum, `${hh} ${lvl}`).toBe(v(`zorgprofiel_${hh}_${lvl}_totaal`));
      }
  });

  it("spot cells: Gezinnen Top Jeugd 53.000 (L294), Ouderen Top Rijk 52.000 (L304), Overige hh Top WMO 30.600 (L314)", () => {
    expect(v("zorgprofiel_gezinnen_top_jeugd")).toBe(53000);
    expect(v("zorgprofiel_ouderen_top_rijk")).toBe(52000);
    expect(v("zorgprofiel_overige_hh_top_wmo")).toBe(30600);
    expect(v("zorgprofiel_ouderen_geen_probleem_ev_totaal")).toBe(5850);
  });

  it("cells carry their table coordinates as dimensions and the funder's actor", () => {
    const k = r.get("zorgprofiel_overige_hh_meervoudig_zvw");
    expect(k.dimensions).toEqual({huishouden: "overige_hh", problematiek: "meervoudig", financier: "zvw"});
    expect(k.actor).toBe("zorgverzekeraar");
    expect(k.value).toBe(3100);
    expect(k.source.lines).toBe(310);
  });

  it("costs rise with the problem level for every household type (Totaal column)", () => {
    for (const hh of households) {
      const totals = levels.map((l) => v(`zorgprofiel_${hh}_${l}_totaal`));
      expect([...totals].sort((a, b) => a - b), hh).toEqual(totals);
    }
  });

  it("Werk en Inkomen of Overige hh Meervoudig (16.700) is close to the benefit cost 16.800: W&I includes the benefit", () => {
    expect(Math.abs(v("zorgprofiel_overige_hh_meervoudig_werk_inkomen") - v("bijstand_kosten_jaar"))).toBe(100);
  });
});

describe("seed 000 box 2.2 disease burden and QALY value (L335-427)", () => {
  it("the target-group burden 0,191 is the mean of mood disorders, anxiety and burn-out (0,210; 0,175; 0,187)", () => {
    const mean = (v("ziektelast_stemmingsstoornissen") + v("ziektelast_angststoornissen") + v("ziektelast_burn_out")) / 3;
    expect(mean).toBeCloseTo(0.19067, 5);
    expect(Math.round(mean * 1000) / 1000).toBe(v("ziektelast_doelgroep"));
  });
  it("keeps the text's rounded 0,2 (L337) next to the table's 0,191 (L427): a gap of 0,009", () => {
    expect(v("ziektelast_doelgroep_tekst")).toBe(0.2);
    expect(v("ziektelast_doelgroep_tekst") - v("ziektelast_doelgroep")).toBeCloseTo(0.009, 10);
    expect(r.get("ziektelast_doelgroep_tekst").note).toMatch(/0,191/);
  });
  it("the table has eleven conditions plus the target-group row; schizophrenia 0,570 is the highest", () => {
    const rows = r.list({theme: "waardering"}).filter((k) => k.dimensions?.aandoening);
    expect(rows).toHaveLength(11);
    expect(Math.max(...rows.map((k) => k.value))).toBe(0.57);
  });
  it("QALY value € 50.000 within the printed literature range € 20.000-100.000 (L349-355)", () => {
    expect(r.get("qaly_waarde").uncertainty).toEqual({type: "range", low: 20000, high: 100000, note: expect.any(String)});
    expect(v("qaly_waarde")).toBe(50000);
  });
  it("QALY gain per stabilised member: 0,30 × 0,191 × 0,5 = 0,02865 QALY, € 1.432,50 at € 50.000", () => {
    const q = v("aandeel_psychische_klachten") * v("ziektelast_doelgroep") * v("afname_klachten_bij_stabilisatie");
    expect(q).toBeCloseTo(0.02865, 10);
    expect(q * v("qaly_waarde")).toBeCloseTo(1432.5, 6);
  });
});

describe("seed 000 Figuur 2.3 crime cost per veelpleger, prijspeil 2015 (L397-399)", () => {
  it("the nine components add up to the printed total 91.600", () => {
    const parts = r.list({theme: "waardering"}).filter((k) => k.dimensions?.kostenpost && k.dimensions.kostenpost !== "totaal");
    expect(parts).toHaveLength(9);
    expect(parts.reduce((s, k) => s + k.value, 0)).toBe(91600);
    expect(v("criminaliteit_veelpleger_totaal")).toBe(91600);
  });
  it("carries the printed price year 2015 (not assumed) and the youth figure € 25.000 (fn 8)", () => {
    const k = r.get("criminaliteit_veelpleger_totaal");
    expect([k.priceYear, k.priceYearBasis]).toEqual([2015, undefined]);
    expect(v("criminaliteit_jongere_jaar")).toBe(25000);
  });
});

describe("seed 000 intervention costs (ch. 3-5, Bijlage 2)", () => {
  it("VH team: printed € 2.440 per person, but (557.000 + 7,7 × 15.000) / 280 = 2.401,8 — the gap of € 38 is the seed's (§3.3.1 L726-732)", () => {
    const computed = (v("vh_team_loonkosten_jaar") + v("vh_team_fte") * v("overhead_per_fte")) / v("vh_caseload_jaar");
    expect(computed).toBeCloseTo(2401.79, 2);
    expect(v("vh_team_kosten_per_persoon_berekend")).toBeCloseTo(computed, 2);
    expect(v("vh_team_kosten_per_persoon")).toBe(2440);
    expect(v("vh_team_kosten_per_persoon") - computed).toBeCloseTo(38.2, 1);
  });
  it("VH specific trajectories: 365.000 / 280 = 1.303,6, printed 1.310 ('circa', L742)", () => {
    expect(v("vh_specifieke_trajecten_jaar") / v("vh_caseload_jaar")).toBeCloseTo(1303.57, 2);
    expect(v("vh_specifieke_trajecten_per_persoon")).toBe(1310);
  });
  it("VH regular services € 320 fit 30 % × 780 + just under 10 % × 880, not the printed € 980 (L754-760)", () => {
    const withWa880 = v("vh_aandeel_wgsp") * v("wgsp_per_deelnemer") + 0.098 * v("wa_werkacademie_per_deelnemer");
    expect(Math.round(withWa880)).toBe(320);
    const shareNeededAt980 = (v("vh_reguliere_dienstverlening_per_persoon") - 0.3 * 780) / v("vh_werkacademie_prijs_tekst");
    expect(shareNeededAt980).toBeCloseTo(0.0878, 3);
    expect(v("vh_werkacademie_prijs_tekst") - v("wa_werkacademie_per_deelnemer")).toBe(100);
  });
  it("WA Figuur 4.3: 880 + 900 + 300 + 540 + 780 = 3.400 (L1337-1347)", () => {
    const parts = ["wa_werkacademie_per_deelnemer", "wa_km_poort_per_deelnemer", "wa_jobcoach_per_deelnemer", "wa_reguliere_trajecten_per_deelnemer", "wgsp_per_deelnemer"];
    expect(parts.reduce((s, id) => s + v(id), 0)).toBe(v("wa_totaal_per_deelnemer"));
    expect(v("wa_totaal_per_deelnemer")).toBe(3400);
  });
  it("WA staff: 810.500 × 46 % / 421 = 885,6, printed 880; the text says 811.000, the table 810.500", () => {
    expect((v("wa_kosten_jaar_tabel") * v("wa_toerekening_regulier")) / v("wa_deelnemers_incl_vh_nab")).toBeCloseTo(885.58, 2);
    expect(v("wa_kosten_jaar_tekst") - v("wa_kosten_jaar_tabel")).toBe(500);
  });
  it("WA KM Poort 89.677 / 100 = 896,8 → 900; WGSP 680.000 / 870 = 781,6 → 780", () => {
    expect(Math.round(v("wa_km_poort_bedrag") / v("wa_km_poort_deelnemers_jaar") / 10) * 10).toBe(v("wa_km_poort_per_deelnemer"));
    expect(Math.round(v("wgsp_accountmanagers_kosten_jaar") / v("wgsp_ondersteunde_deelnemers_jaar") / 10) * 10).toBe(v("wgsp_per_deelnemer"));
  });
  it("NAB team: printed € 1.770, but 687.000 / 400 = 1.717,5 — the gap of € 52,5 is the seed's (§5.3.1 L1973-1977)", () => {
    expect(v("nab_team_personeelskosten_jaar") / v("nab_caseload_jaar")).toBe(1717.5);
    expect(v("nab_team_per_persoon_berekend")).toBe(1717.5);
    expect(v("nab_team_per_persoon") - 1717.5).toBe(52.5);
  });
  it("NAB Figuur 5.3: 1.770 + 700 + 260 = 2.730; 1.630 + 2.280 = 3.910; 3.910 + 10.520 = 14.430 (L2067-2075)", () => {
    expect(v("nab_team_per_persoon") + v("nab_specifiek_per_klant") + v("nab_regulier_per_klant")).toBe(v("nab_niet_werkend_per_persoon"));
    expect(v("nab_klantmanagement_werkend_per_persoon") + v("nab_jobcoaching_per_persoon")).toBe(v("nab_team_werkend_per_persoon"));
    expect(v("nab_team_werkend_per_persoon") + v("nab_lks_begeleiding_gewogen")).toBe(v("nab_werkend_per_persoon"));
  });
  it("LKS: 40 % × 22.500 = 9.000; 65 % × 22.500 = 14.625; beschut 14.625 + 13.000 = 27.625 (L2014-2022)", () => {
    expect((1 - v("loonwaarde_regulier_nab")) * v("wml_bruto_jaar_zoetermeer")).toBeCloseTo(v("lks_regulier_jaar"), 9);
    expect((1 - v("loonwaarde_beschut_nab")) * v("wml_bruto_jaar_zoetermeer")).toBeCloseTo(v("lks_beschut_jaar"), 9);
    expect(v("lks_beschut_jaar") + v("begeleiding_beschut_jaar")).toBe(v("beschut_totaal_per_plek"));
    expect(v("lks_deeltijd_jaar")).toBe(v("lks_regulier_jaar") / 2);
  });
  it("weighted LKS + guidance 10.520 ≈ (18 × 9.000 + 4 × 4.500 + 3 × 27.625) / 25 = 10.515", () => {
    const weighted = (18 * v("lks_regulier_jaar") + 4 * v("lks_deeltijd_jaar") + 3 * v("beschut_totaal_per_plek")) / 25;
    expect(weighted).toBe(10515);
    expect(Math.abs(weighted - v("nab_lks_begeleiding_gewogen"))).toBeLessThanOrEqual(5);
  });
  it("NAB jobcoaching: 336.000 / 147 = 2.285,7, printed 2.280", () => {
    expect(v("nab_jobcoaching_kosten_jaar") / v("nab_werkend_met_lks_2018")).toBeCloseTo(2285.71, 2);
    expect(v("nab_jobcoaching_per_persoon")).toBe(2280);
  });
  it("Bijlage 2: the WA list (209.552) / 385 = 544 ≈ the printed € 540; the NAB list (65.070) / 253 = 257 ≈ € 260", () => {
    const total = (list: string) =>
      r
        .list({theme: "zoetermeer"})
        .filter((k) => k.dimensions?.lijst === list && k.id.endsWith("_aantal"))
        .reduce((s, k) => {
          const price = r.has(k.id.replace(/_aantal$/, "_prijs")) ? v(k.id.replace(/_aantal$/, "_prijs")) : 0;
          return s + k.value * price;
        }, 0);
    expect(total("wa")).toBe(209552);
    expect(total("nab")).toBe(65070);
    expect(total("vh")).toBe(82518);
    expect(total("wa") / v("wa_deelnemers_regulier")).toBeCloseTo(544.3, 1);
    expect(total("nab") / (v("nab_caseload_jaar") - v("nab_werkend_met_lks_2018"))).toBeCloseTo(257.2, 1);
  });
  it("NAB regular services: the text's 40 × WGSP + 10 × WA = 40.000 does not give € 260; Bijlage 2 lists 37 and 4", () => {
    const fromText = v("nab_wgsp_aantal_tekst") * v("wgsp_per_deelnemer") + v("nab_wa_aantal_tekst") * v("wa_werkacademie_per_deelnemer");
    expect(fromText).toBe(40000);
    expect(fromText / 253).toBeCloseTo(158.1, 1);
    expect([v("bijlage2_nab_wgsp_aantal"), v("bijlage2_nab_werkacademie_aantal")]).toEqual([37, 4]);
  });
  it("Ecoware is priced three ways in the same Bijlage 2: 350 (VH), 225 (WA), 475 (NAB)", () => {
    expect([v("bijlage2_vh_ecoware_prijs"), v("bijlage2_wa_ecoware_prijs"), v("bijlage2_nab_ecoware_prijs")]).toEqual([350, 225, 475]);
  });
  it("Bijlage 3: 0,18 × 603 + 0,10 × 871 = 195,6 → 196; a quarter, 49, is 9 % of 550", () => {
    const effect = v("cpb_bijstand_coef_wbb_vorig_jaar") * (5226 - 4623) + v("cpb_bijstand_coef_wbb_jaar") * (4623 - 3752);
    expect(effect).toBeCloseTo(195.64, 2);
    expect(Math.round(Math.round(effect) * v("conjunctuur_aandeel_uitstroom"))).toBe(49);
    expect(Math.round((49 / 550) * 100)).toBe(9);
  });
  it("every inconsistency kept as two records carries a note that says so", () => {
    for (const id of ["vh_team_kosten_per_persoon", "vh_werkacademie_prijs_tekst", "wa_kosten_jaar_tekst", "nab_team_per_persoon", "nab_wgsp_aantal_tekst", "nab_wa_aantal_tekst", "bijlage2_vh_ecoware_prijs"]) {
      expect(r.get(id).note, id).toMatch(/INCONSISTENT/);
    }
  });
});
