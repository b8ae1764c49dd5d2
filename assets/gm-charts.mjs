// Draws every chart card on the page from its pre-compiled Vega spec.
// Loaded as a module (once per page however many cards include it), so Vega's names stay out of
// the global scope apart from `vega` itself, and no AMD loader on the page can capture it.
import vega from "./vega.mjs";

const views = new Map();

function isDark() {
  return document.body.classList.contains("quarto-dark");
}

function applyPatch(spec, patch) {
  const out = structuredClone(spec);
  for (const [path, value, op] of patch) {
    let node = out;
    for (const key of path.slice(0, -1)) node = node[key];
    const last = path[path.length - 1];
    if (op === "delete") delete node[last];
    else node[last] = structuredClone(value);
  }
  return out;
}

function rowsAsObjects(payload) {
  return payload.rows.map((row) => Object.fromEntries(payload.columns.map((c, i) => [c, row[i]])));
}

function withRows(spec, rows) {
  for (const entry of spec.data || []) {
    if (entry.values === "__gm_rows__") entry.values = structuredClone(rows);
  }
  return spec;
}

// A small tooltip handler: Vega gives us the tooltip value; we show it as a key/value table.
const tip = document.createElement("div");
tip.className = "gm-tooltip";
tip.setAttribute("role", "tooltip");
tip.hidden = true;

function showTooltip(handler, event, item, value) {
  if (!tip.isConnected) document.body.appendChild(tip);
  if (value == null || value === "") {
    tip.hidden = true;
    return;
  }
  tip.replaceChildren();
  if (typeof value === "object") {
    const table = document.createElement("table");
    for (const [key, val] of Object.entries(value)) {
      const tr = table.insertRow();
      const th = document.createElement("th");
      th.textContent = key;
      const td = tr.insertCell();
      td.textContent = val == null ? "–" : String(val);
      tr.prepend(th);
    }
    tip.appendChild(table);
  } else {
    tip.textContent = String(value);
  }
  tip.hidden = false;
  const pad = 12;
  const { innerWidth: w, innerHeight: h } = window;
  const rect = tip.getBoundingClientRect();
  let x = event.clientX + pad;
  let y = event.clientY + pad;
  if (x + rect.width > w - 4) x = Math.max(4, event.clientX - rect.width - pad);
  if (y + rect.height > h - 4) y = Math.max(4, event.clientY - rect.height - pad);
  tip.style.left = `${x + window.scrollX}px`;
  tip.style.top = `${y + window.scrollY}px`;
}

async function draw(card) {
  const payload = JSON.parse(card.querySelector("script.gm-payload").textContent);
  const container = card.querySelector(".gm-live");
  const rows = rowsAsObjects(payload);
  const spec = withRows(isDark() ? applyPatch(payload.vega, payload.dark) : structuredClone(payload.vega), rows);
  const old = views.get(card);
  if (old) old.finalize();
  container.replaceChildren();
  const view = new vega.View(vega.parse(spec), {
    renderer: "svg",
    container,
    hover: true,
    tooltip: showTooltip,
  });
  await view.runAsync();
  views.set(card, view);
  const svg = container.querySelector("svg");
  if (svg) {
    svg.setAttribute("aria-label", card.querySelector(".gm-chart").dataset.description);
    svg.setAttribute("role", "img");
  }
  // Vega gives mark containers a graphics role but no name; the chart's name is on the <svg>, so
  // unnamed inner roles are dropped (axe: svg-img-alt) while named marks keep theirs.
  for (const node of container.querySelectorAll("svg [role]")) {
    if (!node.getAttribute("aria-label") && !node.querySelector(":scope > title")) {
      node.removeAttribute("role");
      node.removeAttribute("aria-roledescription");
    }
  }
  for (const input of container.querySelectorAll(".vega-bind input, .vega-bind select")) {
    const label = input.closest(".vega-bind")?.querySelector(".vega-bind-name")?.textContent;
    if (label && !input.getAttribute("aria-label")) input.setAttribute("aria-label", label.trim());
  }
  card.classList.add("gm-drawn");
  card.dataset.theme = isDark() ? "dark" : "light";
  // A chart wider than its card scrolls sideways; keyboard users must be able to focus it to scroll.
  const frame = card.querySelector(".gm-chart");
  if (frame && frame.scrollWidth > frame.clientWidth) frame.tabIndex = 0;
  return view;
}

async function exportImage(card, format) {
  const view = views.get(card);
  if (!view) return;
  const url = await view.toImageURL(format, format === "png" ? 2 : 1);
  const link = document.createElement("a");
  link.href = url;
  link.download = `${card.dataset.chartId}.${format}`;
  document.body.appendChild(link);
  link.click();
  link.remove();
}

// With scripts on, <noscript> holds the static SVG as text; it becomes the print-only fallback,
// so print shows the build-time light chart whatever the screen theme.
function keepPrintFallback(card) {
  const noscript = card.querySelector(".gm-static noscript");
  if (!noscript) return;
  const fallback = document.createElement("div");
  fallback.className = "gm-print-fallback";
  fallback.innerHTML = noscript.textContent;
  noscript.replaceWith(fallback);
}

function wire(card) {
  if (card.dataset.gmWired) return;
  card.dataset.gmWired = "1";
  keepPrintFallback(card);
  for (const button of card.querySelectorAll("button.gm-export")) {
    button.hidden = false;
    button.addEventListener("click", () => exportImage(card, button.dataset.format));
  }
  draw(card).catch((error) => {
    card.classList.add("gm-failed");
    console.error(`chart ${card.dataset.chartId}:`, error);
  });
}

function redrawAll() {
  const mode = isDark() ? "dark" : "light";
  for (const card of document.querySelectorAll("figure.gm-card.gm-drawn")) {
    if (card.dataset.theme !== mode) draw(card);
  }
}

document.querySelectorAll("figure.gm-card").forEach(wire);
new MutationObserver(redrawAll).observe(document.body, { attributes: true, attributeFilter: ["class"] });
document.addEventListener("pointerdown", (event) => {
  if (!event.target.closest?.(".gm-live")) tip.hidden = true;
});
window.greenmfgCharts = { views, redrawAll };
