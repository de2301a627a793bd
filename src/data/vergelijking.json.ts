// Data loader for the comparison page (src/vergelijking.md): every intervention (item) of every study
// (data/studies/*/study.yaml) with its societal and financial ratio, saldo and cost per participant,
// type of approach and target group, and the horizon and discount rate behind them. The table is
// shaped with arquero here (in the browser arquero would need its own bundle).
import {join} from "node:path";
import * as aq from "arquero";
import {listStudies, readStudy, type StudyLocation} from "../../lib/io/study-description.js";
import {previewMode} from "../../lib/io/loader-error.js";
import {defaultRegistry, loadStudy} from "../../lib/io/study.js";
import {derivedControlsByModel, pageModelOf} from "../../lib/model/control-overrides.js";
import {evaluate} from "../../lib/model/evaluate.js";
import {summarize} from "../../lib/finance/summary.js";
import type {CompiledModel} from "../../lib/model/compile.js";
import {runLoader} from "../../lib/io/loader-run.js";
import {conclusionTornado} from "../../lib/analysis/sensitivity.js";
import {bandwidth, conclusionSentence, conclusionVerdict, decidingInputs, noBandwidthSentence, type ConclusionVerdict} from "../../lib/analysis/conclusion.js";
import {NonFiniteError} from "../../lib/model/non-finite.js";

export function load(): string {
  const registry = defaultRegistry();
  // In the preview an invalid study is left out here (its own pages show the problem); a build stops.
  const rows = listStudies().flatMap((location) => {
    try {
      return rowsOf(location);
    } catch (error) {
      if (!previewMode()) throw error;
      process.stderr.write(`vergelijking.json: ${(error as Error).message}\n`);
      return [];
    }
  });
  function rowsOf(location: StudyLocation) {
    const study = readStudy(location);
    const models = new Map<string, CompiledModel>();
    const modelOf = (file: string): CompiledModel => {
      if (!models.has(file)) models.set(file, loadStudy(join(location.dir, file)));
      return models.get(file)!;
    };
    // The models as the intervention pages compute with them (their derived slider ranges), once per file.
    const derived = derivedControlsByModel(study.items, (file) => modelOf(file).file);
    const pageModels = new Map<string, CompiledModel>();
    const pageModelFor = (file: string): CompiledModel => {
      if (!pageModels.has(file)) pageModels.set(file, pageModelOf(modelOf(file), derived.get(file), registry));
      return pageModels.get(file)!;
    };
    return study.items.map((item) => {
      const s = summarize(evaluate(modelOf(item.model)), item.intervention);
      const n = s.participants ?? (item.amountsPerParticipant ? 1 : null);
      // The intervention page's conclusion at the study's values, by the page's rule and with the
      // page's model (its derived slider ranges): the tornado's range as the bandwidth, or, where an
      // end of a range gives no finite result, the sentence that says so (lib/analysis/conclusion.ts).
      const pageModel = pageModelFor(item.model);
      let conclusion: {verdict: ConclusionVerdict; sentence: string};
      try {
        const tornado = conclusionTornado(pageModel, {scope: item.intervention});
        const interval = bandwidth(null, tornado);
        conclusion = {verdict: conclusionVerdict(interval), sentence: conclusionSentence({saldo: s.saldo, interval, deciding: decidingInputs(tornado)})};
      } catch (error) {
        if (!(error instanceof NonFiniteError)) throw error;
        conclusion = {verdict: "onbekend", sentence: noBandwidthSentence(s.saldo, Object.keys(error.overrides ?? {}).map((n) => pageModel.nodes.get(n)?.label ?? n))};
      }
      return {
        study: study.id,
        studyTitle: study.shortTitle,
        seed: study.seed ?? (study.citation ? `${study.citation.publisher} ${study.citation.year}` : ""),
        item: item.id,
        title: item.title,
        approach: item.approach,
        targetGroup: item.targetGroup,
        ratio: s.ratio,
        financialRatio: s.financialRatio,
        saldo: s.saldo,
        participants: s.participants,
        saldoPerParticipant: n ? s.saldo / n : null,
        costPerParticipant: n ? s.costs / n : null,
        horizon: s.horizon,
        discountRate: s.discountRate,
        conclusion: conclusion.verdict,
        conclusionSentence: conclusion.sentence,
        href: `/studies/${study.id}/${item.id}.html`
      };
    });
  }
  const table = aq
    .from(rows)
    .derive({ratioRank: aq.escape((d: {ratio: number | null}) => (d.ratio === null ? -Infinity : d.ratio))})
    .orderby(aq.desc("ratioRank"), "study", "item")
    .select(aq.not("ratioRank"));
  const studies = aq
    .from(rows)
    .groupby("study", "studyTitle", "seed", "horizon", "discountRate")
    .rollup({interventions: aq.op.count()})
    .orderby("seed", "horizon");
  return JSON.stringify({rows: table.objects(), studies: studies.objects()});
}

await runLoader(import.meta.url, load, (error) => {
  process.stderr.write(`vergelijking.json: ${error.message}\n`);
  process.exit(1);
});
