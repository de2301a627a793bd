// Save every chart as SVG or PNG. Inlined into every page's <head> by observablehq.config.ts (a
// plain script, no imports), so every page template gets it without importing anything: each
// element with `data-chart` gets two buttons under it, "Opslaan als SVG" and "Opslaan als PNG",
// which save the chart's largest <svg> as `<data-chart>.svg` / `.png` (PNG at twice the size, on a
// white background). Charts are re-created on resize; new ones get their buttons too.
(() => {
  const SVG_NS = "http://www.w3.org/2000/svg";

  /**
   * @param {Element} chart
   * @returns {SVGSVGElement | null}
   */
  function largestSvg(chart) {
    /** @type {SVGSVGElement | null} */
    let best = null;
    let area = 0;
    for (const svg of chart.querySelectorAll("svg")) {
      if (svg.parentElement?.closest("svg")) continue;
      const r = svg.getBoundingClientRect();
      if (r.width * r.height > area) (best = svg), (area = r.width * r.height);
    }
    return best;
  }

  /** @param {Element} chart */
  function hasSvg(chart) {
    for (const svg of chart.querySelectorAll("svg")) if (!svg.parentElement?.closest("svg")) return true;
    return false;
  }

  /** @param {SVGSVGElement} svg */
  function svgText(svg) {
    const copy = /** @type {SVGSVGElement} */ (svg.cloneNode(true));
    const r = svg.getBoundingClientRect();
    copy.setAttribute("xmlns", SVG_NS);
    copy.setAttribute("width", String(Math.round(r.width)));
    copy.setAttribute("height", String(Math.round(r.height)));
    if (!copy.getAttribute("viewBox")) copy.setAttribute("viewBox", `0 0 ${Math.round(r.width)} ${Math.round(r.height)}`);
    const style = getComputedStyle(svg);
    copy.style.fontFamily = style.fontFamily;
    copy.style.fontSize = style.fontSize;
    copy.style.color = style.color;
    copy.style.background = "#fff";
    return new XMLSerializer().serializeToString(copy);
  }

  /**
   * @param {Blob} blob
   * @param {string} filename
   */
  function save(blob, filename) {
    const url = URL.createObjectURL(blob);
    const a = document.createElement("a");
    a.href = url;
    a.download = filename;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  }

  /** @param {HTMLElement} chart */
  function saveSvg(chart) {
    const svg = largestSvg(chart);
    if (svg) save(new Blob([svgText(svg)], {type: "image/svg+xml;charset=utf-8"}), `${chart.dataset.chart}.svg`);
  }

  /** @param {HTMLElement} chart */
  function savePng(chart) {
    const svg = largestSvg(chart);
    if (!svg) return;
    const r = svg.getBoundingClientRect();
    const image = new Image();
    const url = URL.createObjectURL(new Blob([svgText(svg)], {type: "image/svg+xml;charset=utf-8"}));
    image.onload = () => {
      const canvas = document.createElement("canvas");
      canvas.width = Math.round(r.width * 2);
      canvas.height = Math.round(r.height * 2);
      // A new canvas always has a 2d context (getContext returns null only after another context type).
      const context = /** @type {CanvasRenderingContext2D} */ (canvas.getContext("2d"));
      context.fillStyle = "#fff";
      context.fillRect(0, 0, canvas.width, canvas.height);
      context.drawImage(image, 0, 0, canvas.width, canvas.height);
      URL.revokeObjectURL(url);
      canvas.toBlob((blob) => blob && save(blob, `${chart.dataset.chart}.png`), "image/png");
    };
    image.src = url;
  }

  function addButtons() {
    for (const chart of /** @type {NodeListOf<HTMLElement>} */ (document.querySelectorAll("[data-chart]:not([data-chart-save])"))) {
      // Only whether the chart has a drawing: measuring sizes here (largestSvg) forced a layout of
      // the page in every frame after a slider move. The size is measured when a button is clicked.
      if (!hasSvg(chart)) continue;
      chart.setAttribute("data-chart-save", "");
      const bar = document.createElement("div");
      bar.className = "chart-save";
      /** @type {[string, (chart: HTMLElement) => void][]} */
      const buttons = [["Opslaan als SVG", saveSvg], ["Opslaan als PNG", savePng]];
      for (const [label, f] of buttons) {
        const button = document.createElement("button");
        button.type = "button";
        button.textContent = label;
        button.addEventListener("click", () => f(chart));
        bar.append(button);
      }
      chart.append(bar);
    }
  }

  let queued = false;
  const observer = new MutationObserver(() => {
    if (queued) return;
    queued = true;
    requestAnimationFrame(() => {
      queued = false;
      addButtons();
    });
  });
  document.addEventListener("DOMContentLoaded", () => {
    addButtons();
    observer.observe(document.body, {childList: true, subtree: true});
  });
})();
