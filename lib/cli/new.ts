// rendement new <id> [--dir data/studies]: write a working study folder to start from: study.yaml,
// one model file, printed.yaml with three printed figures and their computations (a model result, a
// ratio, the report's own arithmetic over a kengetal), and kengetallen.yaml with one study kengetal.
// The folder builds into pages and reproduces at once (`rendement check <folder>`); the author then
// replaces the example by the report's own model and figures (docs/studies.md). Exit 2 on a bad id or
// an existing folder.
import {existsSync, mkdirSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {checkOptions, option, UsageError} from "./args.js";

const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** The files of a new study `id` (path relative to the study folder → text). */
export function studyTemplate(id: string, schemaRoot = "../../../schemas"): Record<string, string> {
  const k = `${id.replace(/-/g, "_")}_uitkering_jaar`;
  const header = (schema: string) => `# yaml-language-server: $schema=${schemaRoot}/${schema}.schema.json\n`;
  return {
    "study.yaml": `${header("study")}# Study description (lib/schema/study.ts; guide: docs/studies.md). Written by \`rendement new ${id}\`:
# replace the example text, model and figures by those of your report.
id: ${id}
citation:
  title: "Titel van het rapport"
  publisher: "Uitgever of opdrachtgever"
  year: 2024
  url: "https://example.org/rapport.pdf"
title: "Voorbeeldstudie ${id}"
shortTitle: "${id}"
report: >-
  Het rapport dat deze studie narekent: titel, uitgever en jaar (zie citation).
question: >-
  Welke vraag beantwoordt het rapport? Bijvoorbeeld: wegen de kosten van een traject naar werk op
  tegen de besparing op uitkeringen?
computes: >-
  Wat Rendement berekent: de kosten en baten van het traject over drie jaar, per actor.
differences: >-
  Waar Rendement afwijkt van het rapport, en waarom.
items:
  - id: traject
    title: Traject naar werk
    model: model.yaml
    intervention: traject
    approach: Begeleiding naar werk
    targetGroup: Mensen met een bijstandsuitkering
    narrative: >-
      Een traject van een jaar voor 100 deelnemers; 10 % meer van hen vindt werk en houdt dat drie
      jaar vast.
    source: "Rapport, hoofdstuk 3"
    printed:
      - {figure: saldo, computed: saldo}
      - {figure: verhouding, computed: ratio}
`,
    "model.yaml": `${header("model")}# Model file (docs/model-files.md). An example: 100 participants, € 2.500 each in year 1; 10 extra
# people in work save a benefit of k.${k} a year for three years.
id: ${id.replace(/-/g, "_")}
title: "Voorbeeldmodel ${id}"
priceYear: 2024
horizon: 3
discountRate: 0
posts:
  - {id: kosten, label: Kosten traject, side: cost}
  - {id: uitkering, label: Besparing uitkering, side: benefit}
interventions:
  - id: traject
    label: Traject naar werk
    participants: deelnemers
    parameters:
      - {id: deelnemers, label: Deelnemers, value: 100, unit: personen, source: {title: "Rapport", section: "3.1"}}
      - {id: kostenPerDeelnemer, label: Kosten per deelnemer, value: 2500, unit: "€", source: {title: "Rapport", section: "3.2"}}
      - id: extraUitstroom
        label: Extra uitstroom naar werk
        value: 0.1
        unit: fraction
        source: {title: "Rapport", section: "3.3"}
        uncertainty: {type: range, low: 0.05, high: 0.15}
        control: {min: 0, max: 0.3, step: 0.01}
    quantities:
      - {id: extraWerkenden, label: Extra werkenden, unit: personen, formula: "deelnemers * extraUitstroom"}
    flows:
      - {id: kosten, label: Kosten traject, post: kosten, actor: gemeente, effect: cost, amount: "once(deelnemers * kostenPerDeelnemer)"}
      - {id: uitkering, label: Besparing uitkering, post: uitkering, actor: gemeente, effect: benefit, amount: "yearly(extraWerkenden * k.${k})"}
`,
    "kengetallen.yaml": `${header("kengetallen")}# The study's own kengetallen (lib/schema/kengetal.ts): merged with the shared registry
# data/kengetallen/; an id used twice is an error naming both files.
theme: ${id.replace(/-/g, "_")}
description: "Kengetallen van de voorbeeldstudie ${id}."
kengetallen:
  - id: ${k}
    label: "Uitkering per persoon per jaar"
    value: 16800
    unit: €/jaar
    priceYear: 2024
    actor: gemeente
    nature: financial
    source: {title: "Rapport", section: "2.1"}
    uncertainty: {type: fixed}
`,
    "printed.yaml": `${header("printed")}# The report's printed figures and how Rendement computes each (lib/schema/printed.ts; guide:
# docs/studies.md). The basis of each check is derived; only \`basis: input\` is declared.
title: "Voorbeeldstudie ${id}: saldo en verhouding"
model: model.yaml
figures:
  - id: saldo
    quantity: Maatschappelijk saldo over drie jaar
    source: "Rapport, tabel 4.1"
    printed: 254000
    unit: €
    decimals: -3
    tolerance: 0
    toleranceWhy: printed to the thousand
    computed: {measure: saldo}
  - id: verhouding
    quantity: Baten-kostenverhouding
    source: "Rapport, tabel 4.1"
    printed: 2.0
    unit: verhouding
    decimals: 1
    tolerance: 0
    toleranceWhy: printed with one decimal
    computed: {measure: ratio}
  - id: besparing_per_werkende
    quantity: Besparing per extra werkende over drie jaar
    source: "Rapport, § 4.2"
    printed: 50400
    unit: €
    decimals: 0
    tolerance: 0
    toleranceWhy: exact
    computed: {formula: "3 * k.${k}"}
`
  };
}

export async function main(argv: string[]): Promise<number> {
  try {
    const [id, ...extra] = checkOptions("new", argv, {flags: [], values: ["--dir"]});
    if (!id || extra.length) throw new UsageError("usage: rendement new <id> [--dir data/studies]");
    if (!ID.test(id)) throw new UsageError(`<id>: expected a lower-case id with dashes (e.g. mijn-studie), found "${id}"`);
    const root = option(argv, "--dir") ?? "data/studies";
    const dir = join(root, id);
    if (existsSync(dir)) throw new UsageError(`${dir}: already exists; choose another id or remove the folder`);
    mkdirSync(dir, {recursive: true});
    const depth = root.split(/[\\/]/).filter(Boolean).length + 1;
    for (const [file, text] of Object.entries(studyTemplate(id, [...Array(depth)].map(() => "..").join("/") + "/schemas"))) writeFileSync(join(dir, file), text);
    console.log(`${dir}: study.yaml, model.yaml, kengetallen.yaml and printed.yaml written`);
    console.log(`next: edit them (docs/studies.md), then \`npx rendement check ${dir}\` and \`npm start\``);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`rendement new: ${error.message}`);
      return 2;
    }
    throw error;
  }
}
