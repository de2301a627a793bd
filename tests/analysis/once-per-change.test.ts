// A page evaluates the model once per input change (issue 18) and hands that evaluation on: the
// shortcuts it takes must give exactly what the separate computations give.
import {describe, expect, it} from "vitest";
import {loadStudy, defaultRegistry} from "../../lib/io/study.js";
import {evaluate} from "../../lib/model/evaluate.js";
import {summarize, summarizeAll} from "../../lib/finance/summary.js";
import {runScenarios} from "../../lib/analysis/scenarios.js";
import {conclusionTornado, oneWay, sensitivityInputs} from "../../lib/analysis/sensitivity.js";
import {tornadoServer, type TornadoReply} from "../../lib/analysis/worker-entry.js";
import {shippedModelFiles} from "../shipped-models.js";

describe("one evaluation per change", () => {
  it.each(shippedModelFiles())("%s: summarizeAll's summary of each intervention equals summarize(e, intervention), and runScenarios with those summaries equals runScenarios alone", (file) => {
    const model = loadStudy(file, {onWarning: () => {}});
    const e = evaluate(model);
    const all = summarizeAll(e);
    for (const iv of model.file.interventions) expect(all.interventions.find((s) => s.scope === iv.id)).toEqual(summarize(e, iv.id));
    expect(all.total).toEqual(summarize(e, "total"));
    expect(runScenarios(model, {}, all)).toEqual(runScenarios(model));
  });
});

describe("the conclusion's tornado in the Web Worker", () => {
  const file = "data/studies/zoetermeer/investering-per-deelnemer.yaml";
  it("conclusionTornado is oneWay's tornado of the scope (over the slider ranges only where the model states no uncertainty)", () => {
    const model = loadStudy(file, {onWarning: () => {}});
    const scope = model.file.interventions[0].id;
    const controlRanges = sensitivityInputs(model).length === 0;
    expect(conclusionTornado(model, {scope})).toEqual(oneWay(model, {controlRanges}).interventions.find((t) => t.scope === scope));
    expect(conclusionTornado(model)).toEqual(oneWay(model, {controlRanges}).overall);
  });
  it("tornadoServer compiles the model sent with the first request, keeps it for the next, and answers each request's id with the tornado computed in Node", () => {
    const model = loadStudy(file, {onWarning: () => {}});
    const scope = model.file.interventions[0].id;
    const replies: TornadoReply[] = [];
    const serve = tornadoServer((m) => replies.push(m));
    const json = {file: JSON.parse(JSON.stringify(model.file)), registry: JSON.parse(JSON.stringify(defaultRegistry().toJSON()))};
    serve({type: "tornado", id: 1, model: json, overrides: {}, scope});
    serve({type: "tornado", id: 2, overrides: {}, scope: null});
    expect(replies.map((r) => [r.type, r.id])).toEqual([["tornado", 1], ["tornado", 2]]);
    expect(JSON.parse(JSON.stringify(replies[0]))).toEqual(JSON.parse(JSON.stringify({type: "tornado", id: 1, tornado: conclusionTornado(model, {scope})})));
    expect(JSON.parse(JSON.stringify(replies[1]))).toEqual(JSON.parse(JSON.stringify({type: "tornado", id: 2, tornado: conclusionTornado(model)})));
  });
  it("tornadoServer answers a request before any model with a tornado-error, not an exception", () => {
    const replies: TornadoReply[] = [];
    tornadoServer((m) => replies.push(m))({type: "tornado", id: 5, overrides: {}, scope: null});
    expect(replies).toEqual([{type: "tornado-error", id: 5, message: "tornado requested before the model was sent", overrides: null}]);
  });
});
