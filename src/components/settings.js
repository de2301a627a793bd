// "Instellingen opslaan" / "Instellingen laden" on a model page (issue 20, point 2). The file is the
// YAML of lib/analysis/settings-file.ts (the `--set`/scenario vocabulary, the model id and its
// content hash as version); loading it goes through the page address (lib/analysis/cite.ts
// settingsAddress), so the page's own codec checks every value as it checks a shared link.
// lib/analysis/settings-file.ts (with zod and yaml, about 125 KB gzip) loads on the first click, not
// with the page (tests/site/js-size.test.ts).
const settingsLib = async () => ({...(await import("../lib/analysis/settings-file.js")), ...(await import("../lib/analysis/cite.js")), ...(await import("../lib/analysis/content-hash.js"))});
import {el} from "./provenance.js";

const NOTICE_KEY = "rendement-settings-notice";

/**
 * The save button, the load box and the place for messages. Made once per page: `overrides()` gives
 * the page's current inputs when the reader saves; the model's version (its content hash) is computed
 * on the first save or load.
 * @param {{model: import("../lib/model/compile.js").CompiledModel, input: import("../lib/analysis/content-hash.js").HashInput, overrides: () => Record<string, number | number[]>, filename: string, label?: string}} data
 */
export function settingsFile({model, input, overrides, filename, label}) {
  /** @type {string | null} */
  let v = null;
  /** @param {(i: import("../lib/analysis/content-hash.js").HashInput) => string} modelVersion */
  const version = (modelVersion) => (v ??= modelVersion(input));
  const message = el("div", {class: "settings-message", "aria-live": "polite"});
  // A notice from the load before this page was reopened with the file's settings.
  const pending = sessionStorage.getItem(NOTICE_KEY);
  if (pending) {
    sessionStorage.removeItem(NOTICE_KEY);
    message.replaceChildren(...JSON.parse(pending).map((/** @type {string} */ t) => el("p", {class: "note"}, t)));
  }
  const save = el("button", {type: "button", "data-settings": "save"}, "Instellingen opslaan");
  save.addEventListener("click", async () => {
    const {writeSettings, effectiveSettings, modelVersion} = await settingsLib();
    const text = writeSettings(model, version(modelVersion), effectiveSettings(model, overrides()), {label});
    const url = URL.createObjectURL(new Blob([text], {type: "application/yaml"}));
    const a = el("a", {href: url, download: filename});
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  });
  const load = /** @type {HTMLInputElement} */ (el("input", {type: "file", accept: ".yaml,.yml,text/yaml,application/yaml", "data-settings": "load", "aria-label": "Instellingen laden"}));
  load.addEventListener("change", async () => {
    const file = load.files?.[0];
    if (!file) return;
    try {
      const {readSettings, settingsAddress, modelVersion} = await settingsLib();
      const loaded = readSettings(await file.text(), file.name, model, version(modelVersion));
      const notices = [`Instellingen geladen uit ${file.name}${loaded.label ? ` (${loaded.label})` : ""}.`, ...loaded.notices];
      sessionStorage.setItem(NOTICE_KEY, JSON.stringify(notices));
      location.assign(settingsAddress(location.pathname + location.search + location.hash, loaded.overrides));
    } catch (error) {
      message.replaceChildren(el("p", {class: "evaluation-notice", "data-settings": "refused"}, `Dit bestand is niet geladen: ${/** @type {Error} */ (error).message}`));
    }
    load.value = "";
  });
  return el(
    "div",
    {class: "settings-file"},
    el("p", {}, "Bewaar de invoer van deze pagina als klein bestand (YAML, dezelfde namen als ", el("code", {}, "rendement --set"), "), of open een eerder bewaard bestand."),
    el("div", {class: "settings-buttons"}, save, " ", el("label", {}, "Instellingen laden: ", load)),
    message
  );
}
