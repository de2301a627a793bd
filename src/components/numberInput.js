// A number box with an optional slider, for every number a reader sets on the site (replaces
// Inputs.range / Inputs.number, whose type=number box takes no decimal comma, answers in the
// browser's English and can show one value while the model uses another).
//
// Behaviour (one rule, everywhere):
// - The box is type=text with inputmode=decimal: the reader types Dutch ("3,5", "1.000") or plain
//   ("3.5"); parseDutchNumber reads it. The browser's own validation bubbles never appear.
// - While typing, a valid value inside the range is applied at once: box, slider and model agree.
//   A value outside the range, or text that is no number, shows a Dutch message beside the box and
//   the model keeps the last valid value (the message says which value is used).
// - On Enter or leaving the box the value is settled: outside the range it is clamped VISIBLY
//   (box, slider and model all show the bound, the message stays and names the typed value); text
//   that is no number is replaced by the last valid value, with a message; a message stays until
//   the text or value changes. The box writes formatInputNumber ("300.000.000", "5,625").
// - `refuse: true` (a bound the evidence sets, e.g. the effect in "Uw gemeente"): a value outside the
//   range is never clamped; on settle too it is refused beside the box and the model keeps the last
//   valid value.
// - `scale: "log"` (a range like 20 to 1.000.000): the slider moves on a log scale and snaps to two
//   significant digits (lib/slider-scale.ts); the box takes any value in range.
// - The slider is keyboard-reachable and named. A 0/1 switch is a checkbox (switchInput).
// - `form.notice(text)` shows a message (a refused address value) until the value changes.
// - The element's `value` is the number the model uses; `data-value` holds the same number (for
//   the browser tests); it emits "input" only when that number changes.
import {formatInputNumber, parseDutchNumber} from "../lib/format.js";
import {LOG_STEPS, logPosition, logScaleError, logValue} from "../lib/slider-scale.js";
import {el} from "./provenance.js";

/**
 * The number box: a <form> whose `value` is the number the model uses; `notice(text)` shows a
 * message beside it until the value changes.
 * @typedef {HTMLFormElement & {value: number, notice: (text: string) => void}} NumberInput
 */
/**
 * What a typed text means (see `judge`).
 * @typedef {{state: "ok", value: number, message: string} | {state: "out", value: number, typed: number, message: string} | {state: "nan", value: undefined, message: string}} Judgement
 */

let counter = 0;

/**
 * Snaps a slider position to the step grid from min (the box itself takes any value in range).
 * @param {number} x
 * @param {number} min
 * @param {number | undefined} step
 */
export function snap(x, min, step) {
  if (!step || !(step > 0)) return x;
  return Number((min + Math.round((x - min) / step) * step).toPrecision(12));
}

/**
 * What a typed text means for a box with range [min, max]: {value, message, state}.
 * state "ok" (apply value), "out" (value is the clamped bound), "nan" (no number: value undefined).
 * @param {string} text
 * @param {number} min
 * @param {number} max
 * @returns {Judgement}
 */
export function judge(text, min, max) {
  const x = parseDutchNumber(text);
  if (!Number.isFinite(x)) {
    return {state: "nan", value: undefined, message: `“${String(text).trim()}” is geen getal. Typ bijvoorbeeld ${formatInputNumber(min)} of ${formatInputNumber((min + max) / 2)}; een komma is de decimaalkomma.`};
  }
  if (x < min || x > max) {
    const bound = x < min ? min : max;
    return {state: "out", value: bound, typed: x, message: `${formatInputNumber(x)} ligt buiten het bereik ${formatInputNumber(min)} tot ${formatInputNumber(max)}; er wordt gerekend met ${formatInputNumber(bound)}.`};
  }
  return {state: "ok", value: x, message: ""};
}

/**
 * @param {[number, number]} range [min, max] in the units the box shows
 * @param {object} [options]
 * @param {string} [options.label] text before the box (the unit belongs in the label, e.g. "Discontovoet (%)")
 * @param {number} [options.value] start value (clamped into the range)
 * @param {number} [options.step] slider step (typed values may lie between steps)
 * @param {boolean} [options.slider] false for a box alone (e.g. a seed)
 * @param {boolean} [options.integer] only whole numbers (a decimal is rounded, with a message)
 * @param {string} [options.name] the box's form field name
 * @param {boolean} [options.switch] a 0/1 switch (a checkbox); default: range [0, 1] with step 1
 * @param {boolean} [options.refuse] a value outside the range is refused (never clamped), with a Dutch message
 * @param {string} [options.rangeText] how the refusal names the range (default "het bereik")
 * @param {"linear" | "log"} [options.scale] the slider's scale (log: 0 < min < max)
 * @returns {NumberInput}
 */
export function numberInput([min, max], {label = "", value, step, slider = true, integer = false, name, switch: isSwitch, refuse = false, rangeText = "het bereik", scale = "linear"} = {}) {
  if (isSwitch ?? (min === 0 && max === 1 && step === 1)) return switchInput({label, value, name});
  const log = scale === "log";
  if (log && logScaleError(min, max)) throw new RangeError(`numberInput ${label}: ${logScaleError(min, max)}`);
  const id = `number-input-${++counter}`;
  let current = Math.min(Math.max(value ?? min, min), max);
  const box = el("input", {
    id,
    type: "text",
    inputmode: integer ? "numeric" : "decimal",
    autocomplete: "off",
    spellcheck: "false",
    class: "number-input-box",
    "aria-describedby": `${id}-message`,
    name
  });
  // Keyboard-reachable (no tabindex=-1; arrow keys move it) and named by the label. step "any" so
  // that the slider shows a typed value between steps exactly; its own moves snap to the step.
  const range = slider ? el("input", {type: "range", class: "number-input-slider", min: log ? 0 : min, max: log ? LOG_STEPS : max, step: "any", "aria-label": `${label || "Waarde"} (schuifregelaar${log ? ", logaritmische schaal" : ""})`, "data-scale": log ? "log" : undefined}) : null;
  const message = el("output", {id: `${id}-message`, class: "number-input-message", "aria-live": "polite", for: id});
  message.hidden = true;
  const form = el(
    "form",
    {class: "number-input", novalidate: true, "data-min": min, "data-max": max, "data-scale": log ? "log" : undefined, "data-refuse": refuse ? "" : undefined},
    label ? el("label", {for: id, class: "number-input-label"}, label) : null,
    el("div", {class: "number-input-row"}, box, range),
    message
  );

  /** @param {string} text */
  const show = (text) => {
    message.textContent = text;
    message.hidden = !text;
    form.classList.toggle("number-input-invalid", !!text);
    box.setAttribute("aria-invalid", text ? "true" : "false");
  };
  /** @param {number} typed */
  const refusal = (typed) => `${formatInputNumber(typed)} is niet overgenomen: dat ligt buiten ${rangeText} (${formatInputNumber(min)} tot ${formatInputNumber(max)}). Er wordt gerekend met ${formatInputNumber(current)}.`;
  // The box text after the last settle: settling the same text again changes nothing (keeps the message).
  let settledText = "";
  /**
   * @param {number} x
   * @param {{emit?: boolean, rewriteBox?: boolean}} [options]
   */
  const apply = (x, {emit = true, rewriteBox = true} = {}) => {
    const changed = x !== current;
    current = x;
    if (rewriteBox) box.value = settledText = formatInputNumber(x);
    if (range) range.value = String(log ? logPosition(x, min, max) : x);
    form.dataset.value = String(x);
    if (changed && emit) form.dispatchEvent(new Event("input", {bubbles: true}));
  };
  /** @param {number} x */
  const settleInteger = (x) => (integer && !Number.isInteger(x) ? Math.round(x) : x);

  box.addEventListener("input", (event) => {
    event.stopPropagation();
    const j = judge(box.value, min, max);
    if (j.state === "ok") {
      const x = settleInteger(j.value);
      show(x !== j.value ? `Alleen hele getallen: er wordt gerekend met ${formatInputNumber(x)}.` : "");
      apply(x, {rewriteBox: false});
    } else if (j.state === "out") {
      show(refuse ? refusal(j.typed) : `${formatInputNumber(j.typed)} ligt buiten het bereik ${formatInputNumber(min)} tot ${formatInputNumber(max)}. Er wordt nu gerekend met ${formatInputNumber(current)}; na Enter of het verlaten van het vak met ${formatInputNumber(j.value)}.`);
    } else {
      show(box.value.trim() === "" ? `Vul een getal in van ${formatInputNumber(min)} tot ${formatInputNumber(max)}; er wordt gerekend met ${formatInputNumber(current)}.` : `${j.message} Er wordt gerekend met ${formatInputNumber(current)}.`);
    }
  });
  const settle = () => {
    if (box.value === settledText) return;
    const j = judge(box.value, min, max);
    if (j.state === "ok") {
      const x = settleInteger(j.value);
      if (x === j.value) show("");
      apply(x);
    } else if (j.state === "out" && refuse) {
      // Never clamped: the typed text stays, refused beside the box; the model keeps its value.
      show(refusal(j.typed));
      settledText = box.value;
    } else if (j.state === "out") {
      show(j.message);
      apply(settleInteger(j.value));
    } else {
      show(box.value.trim() === "" ? `Het vak was leeg; er wordt gerekend met ${formatInputNumber(current)}.` : `${j.message} Er wordt gerekend met ${formatInputNumber(current)}.`);
      apply(current);
    }
  };
  box.addEventListener("change", (event) => {
    event.stopPropagation();
    settle();
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    settle();
  });
  if (range) {
    range.addEventListener("input", (event) => {
      event.stopPropagation();
      show("");
      // Snapped to the step grid from min, but never past the range (a max off the grid stays reachable).
      apply(log ? logValue(+range.value, min, max, {integer: integer || (step !== undefined && Number.isInteger(step) && Number.isInteger(min))}) : Math.min(max, Math.max(min, settleInteger(snap(+range.value, min, step)))));
    });
    range.addEventListener("change", (event) => event.stopPropagation());
  }

  Object.defineProperty(form, "value", {
    get: () => current,
    set: (x) => {
      show("");
      // A refusing box set from elsewhere (the page's own slider) shows that value, never a clamped
      // one, and says it lies outside its range.
      if (refuse && (+x < min || +x > max)) {
        apply(+x, {emit: false});
        show(`${formatInputNumber(+x)} (ingesteld met de invoer hierboven) ligt buiten ${rangeText} (${formatInputNumber(min)} tot ${formatInputNumber(max)}).`);
        return;
      }
      apply(Math.min(Math.max(+x, min), max), {emit: false});
    }
  });
  Object.defineProperty(form, "notice", {value: show});
  apply(current, {emit: false});
  return /** @type {NumberInput} */ (form);
}

/**
 * A 0/1 switch as a checkbox: `value` is 0 or 1, `data-value` the same; it emits "input" on change.
 * @param {{label?: string, value?: number, name?: string}} options
 * @returns {NumberInput}
 */
export function switchInput({label = "", value = 0, name} = {}) {
  const id = `switch-input-${++counter}`;
  const box = el("input", {id, type: "checkbox", class: "switch-input-box", name, "aria-describedby": `${id}-message`});
  const message = el("output", {id: `${id}-message`, class: "number-input-message", "aria-live": "polite", for: id});
  message.hidden = true;
  const form = el(
    "form",
    {class: "switch-input", novalidate: true, "data-min": 0, "data-max": 1},
    el("div", {class: "switch-input-row"}, box, el("label", {for: id, class: "switch-input-label"}, label)),
    message
  );
  /** @param {string} text */
  const show = (text) => {
    message.textContent = text;
    message.hidden = !text;
  };
  /** @param {number} x */
  const set = (x) => {
    box.checked = x >= 0.5;
    form.dataset.value = box.checked ? "1" : "0";
  };
  set(value);
  box.addEventListener("change", (event) => {
    event.stopPropagation();
    show("");
    set(box.checked ? 1 : 0);
    form.dispatchEvent(new Event("input", {bubbles: true}));
  });
  box.addEventListener("input", (event) => event.stopPropagation());
  form.addEventListener("submit", (event) => event.preventDefault());
  Object.defineProperty(form, "value", {get: () => (box.checked ? 1 : 0), set: (x) => (show(""), set(+x))});
  Object.defineProperty(form, "notice", {value: show});
  return /** @type {NumberInput} */ (form);
}
