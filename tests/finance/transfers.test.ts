// Transfers net to zero by construction: both ends of a transfer are discounted at the study's
// rate, whatever posts (with whatever own discount rates) they are booked in. Adding any transfer to
// any model leaves the welfare saldo unchanged, and the sum over actors stays equal to the saldo.
import {readFileSync} from "node:fs";
import {describe, expect, it} from "vitest";
import fc from "fast-check";
import {stringify} from "yaml";
import {compileModelText, parseModelText} from "../../lib/io/model-file.js";
import {defaultRegistry} from "../../lib/io/study.js";
import {registryContext} from "../../lib/model/context.js";
import {evaluate} from "../../lib/model/evaluate.js";
import {summarize} from "../../lib/finance/summary.js";
import {actorIds} from "../../lib/schema/actors.js";
import type {ModelFileInput} from "../../lib/schema/model.js";
import {shippedModelFiles} from "../shipped-models.js";

const context = registryContext(defaultRegistry());
const compile = (file: ModelFileInput, name = "test.yaml") => compileModelText(stringify(file), name, context);
const saldoOf = (file: ModelFileInput) => summarize(evaluate(compile(file))).saldo;

describe("a transfer between posts with different discount rates", () => {
  // Issue 11 case 1: a model whose only flow is a transfer, its ends in posts discounted at 2,25 %
  // and 10 %, used to get a saldo of € 1.565.
  const onlyTransfer: ModelFileInput = {
    id: "alleen_overdracht",
    title: "Alleen een overdracht",
    priceYear: 2020,
    horizon: 10,
    parameters: [{id: "hogeVoet", label: "Hoge discontovoet", value: 0.1, unit: "fraction", assumption: "test"}],
    posts: [
      {id: "uitkeringen", label: "Uitkeringen", side: "cost"},
      {id: "inkomen", label: "Inkomen", side: "benefit", discountRate: "hogeVoet"}
    ],
    interventions: [{id: "iv", label: "Interventie", flows: [{id: "uitkering", label: "Uitkering", transfer: {from: "gemeente", to: "deelnemer"}, postFrom: "uitkeringen", postTo: "inkomen", amount: "yearly(1000)"}]}]
  };

  it("has saldo 0, and each end is discounted at the study rate (2,25 %)", () => {
    const s = summarize(evaluate(compile(onlyTransfer)));
    expect(s.saldo).toBe(0);
    // Σ_{t=0..9} 1000 / 1,0225^t = 8.999,31… for the receiver, minus that for the payer.
    const pv = Array.from({length: 10}, (_, t) => 1000 / 1.0225 ** t).reduce((a, b) => a + b, 0);
    expect(s.actors.find((a) => a.actor === "deelnemer")!.saldo).toBeCloseTo(pv, 6);
    expect(s.actors.find((a) => a.actor === "gemeente")!.saldo).toBeCloseTo(-pv, 6);
    expect(s.costs).toBeCloseTo(pv, 6);
    expect(s.benefits).toBeCloseTo(pv, 6);
  });

  it("a real flow in the post with its own rate is still discounted at that rate", () => {
    const withReal: ModelFileInput = structuredClone(onlyTransfer);
    withReal.interventions[0].flows.push({id: "loon", label: "Loon", post: "inkomen", actor: "deelnemer", effect: "benefit", amount: "yearly(1000)"});
    const s = summarize(evaluate(compile(withReal)));
    const pv10 = Array.from({length: 10}, (_, t) => 1000 / 1.1 ** t).reduce((a, b) => a + b, 0);
    expect(s.saldo).toBeCloseTo(pv10, 6);
  });
});

// --- the property ---------------------------------------------------------------------------------

interface TransferSpec {
  from: string;
  to: string;
  postFrom: number;
  postTo: number;
  rates: [number, number];
  amounts: number[];
  intervention: number;
}

// Rates in whole tenths of a percent from −5 % to 20 %; amounts in cents up to ± € 10 mln.
const rateArb = fc.integer({min: -50, max: 200}).map((x) => x / 1000);
const amountArb = fc.integer({min: -1e9, max: 1e9}).map((x) => x / 100);

const transferSpec = fc.record({
  from: fc.constantFrom(...actorIds),
  to: fc.constantFrom(...actorIds),
  // -1 and -2: the two new posts with their own rates (often, so that most runs cross rates).
  postFrom: fc.oneof(fc.constant(-1), fc.constant(-2), fc.nat(20)),
  postTo: fc.oneof(fc.constant(-1), fc.constant(-2), fc.nat(20)),
  rates: fc.tuple(rateArb, rateArb),
  amounts: fc.array(amountArb, {minLength: 1, maxLength: 8}),
  intervention: fc.nat(5)
}).filter((s) => s.from !== s.to) as fc.Arbitrary<TransferSpec>;

/** The model with one more transfer; its ends go to existing posts or to two new posts with their own rates. */
function withTransfer(file: ModelFileInput, spec: TransferSpec): ModelFileInput {
  const out: ModelFileInput = structuredClone(file);
  out.parameters = [...(out.parameters ?? []), {id: "extraVoetA", label: "A", value: spec.rates[0], unit: "fraction", assumption: "test"}, {id: "extraVoetB", label: "B", value: spec.rates[1], unit: "fraction", assumption: "test"}];
  out.posts = [...out.posts, {id: "extraPostA", label: "A", side: "cost", discountRate: "extraVoetA"}, {id: "extraPostB", label: "B", side: "benefit", discountRate: "extraVoetB"}];
  const post = (i: number) => (i === -1 ? "extraPostA" : i === -2 ? "extraPostB" : out.posts[i % out.posts.length].id);
  const iv = out.interventions[spec.intervention % out.interventions.length];
  iv.parameters = [...(iv.parameters ?? []), {id: "extraBedrag", label: "Bedrag", value: spec.amounts.slice(0, out.horizon), unit: "€/jaar", assumption: "test"}];
  iv.flows = [...iv.flows, {id: "extraOverdracht", label: "Overdracht", transfer: {from: spec.from, to: spec.to}, postFrom: post(spec.postFrom), postTo: post(spec.postTo), amount: "extraBedrag"}];
  return out;
}

function checkInvariant(base: ModelFileInput, spec: TransferSpec): void {
  const before = summarize(evaluate(compile(base)));
  const model = compile(withTransfer(base, spec));
  const e = evaluate(model);
  for (const scope of ["total", ...model.file.interventions.map((iv) => iv.id)]) {
    const s = summarize(e, scope);
    const scale = Math.max(1, ...s.lines.map((l) => Math.abs(l.presentValue)));
    if (scope === "total") expect(Math.abs(s.saldo - before.saldo)).toBeLessThanOrEqual(1e-9 * scale);
    const sumActors = s.actors.reduce((a, x) => a + x.saldo, 0);
    expect(Math.abs(sumActors - s.saldo)).toBeLessThanOrEqual(1e-9 * scale);
  }
}

describe("adding any transfer leaves the welfare saldo unchanged", () => {
  it("to any shipped model (random amounts, posts, rates, actors)", () => {
    const files = shippedModelFiles().map((f) => parseModelText(readFileSync(f, "utf8"), f) as ModelFileInput);
    expect(files.length).toBeGreaterThanOrEqual(20);
    fc.assert(
      fc.property(fc.nat(files.length - 1), transferSpec, (i, spec) => checkInvariant(files[i], spec)),
      {numRuns: 40}
    );
  }, 120_000);

  const randomModel: fc.Arbitrary<ModelFileInput> = fc
    .record({
      horizon: fc.integer({min: 1, max: 12}),
      rate: rateArb,
      postRates: fc.array(fc.option(rateArb, {nil: undefined}), {minLength: 1, maxLength: 4}),
      flows: fc.array(
        fc.record({actor: fc.constantFrom(...actorIds), cost: fc.boolean(), post: fc.nat(10), amounts: fc.array(amountArb, {minLength: 1, maxLength: 6})}),
        {minLength: 1, maxLength: 5}
      )
    })
    .map(({horizon, rate, postRates, flows}) => ({
      id: "random",
      title: "Random",
      priceYear: 2020,
      horizon,
      discountRate: rate,
      parameters: postRates.flatMap((r, i) => (r === undefined ? [] : [{id: `voet${i}`, label: "voet", value: r, unit: "fraction", assumption: "test"}])),
      posts: postRates.map((r, i) => ({id: `post${i}`, label: `Post ${i}`, side: i % 2 ? "benefit" : "cost", ...(r === undefined ? {} : {discountRate: `voet${i}`})})),
      interventions: [
        {
          id: "iv",
          label: "Interventie",
          parameters: flows.map((f, i) => ({id: `bedrag${i}`, label: "bedrag", value: f.amounts.slice(0, horizon), unit: "€/jaar", assumption: "test"})),
          flows: flows.map((f, i) => ({id: `flow${i}`, label: "flow", post: `post${f.post % postRates.length}`, actor: f.actor, effect: f.cost ? "cost" : "benefit", amount: `bedrag${i}`}))
        }
      ]
    }) as ModelFileInput);

  it("to any random model", () => {
    fc.assert(fc.property(randomModel, transferSpec, (base, spec) => checkInvariant(base, spec)), {numRuns: 100});
  }, 120_000);
});
