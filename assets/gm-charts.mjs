// Draws every chart card on the page from its pre-compiled Vega spec, when it nears the viewport.
// Loaded as a module (once per page however many cards include it), so Vega's names stay out of
// the global scope apart from `vega` itself, and no AMD loader on the page can capture it.
// Vega itself is imported on the first draw: a page whose charts are all below the fold runs none
// of it while loading.
let vegaModule = null;
// Drawing is split into steps (load Vega, parse, build the view, run it) with the page getting the main thread
// back between them, so input and scrolling are never blocked by one long task.
const yieldToPage = () => new Promise((resolve) => setTimeout(resolve, 0));
function loadVega() {
  vegaModule ??= import("./vega.mjs").then((module) => module.default);
  return vegaModule;
}

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

// ---- shareable state: ?<chart-id>.<param>=<value> keeps sliders, inputs and selections in the URL.
// The fragment stays the chart anchor (#chart-<id>); Quarto's own ?q= search parameter is left alone.

function stateKey(card, name) {
  return `${card.dataset.chartId}.${name}`;
}

// The settings a link keeps are listed at build time (payload.state: bound inputs, click and legend
// selections; hovers are left out), so their names are the public, stable part of a shared URL.
function boundSignals(spec, state) {
  return (spec.signals || []).filter((signal) => signal.bind && state.includes(signal.name)).map((signal) => signal.name);
}

function selectionStores(spec, state) {
  return (spec.data || []).map((entry) => entry.name)
    .filter((name) => name && name.endsWith("_store") && state.includes(name.replace(/_store$/, "")));
}

function restoreState(card, view, spec, state) {
  const query = new URLSearchParams(location.search);
  for (const name of boundSignals(spec, state)) {
    const raw = query.get(stateKey(card, name));
    if (raw === null) continue;
    const number = Number(raw);
    view.signal(name, raw !== "" && !Number.isNaN(number) ? number : raw);
  }
  for (const store of selectionStores(spec, state)) {
    const raw = query.get(stateKey(card, store.replace(/_store$/, "")));
    if (raw === null) continue;
    try {
      const { fields, values } = JSON.parse(raw);
      view.data(store, values.map((value) => ({ unit: "", fields, values: value })));
    } catch (error) {
      console.warn(`chart ${card.dataset.chartId}: ignoring a malformed shared selection`, error);
    }
  }
}

function saveState(card, key, value) {
  const url = new URL(location.href);
  if (value === null) url.searchParams.delete(key);
  else url.searchParams.set(key, value);
  history.replaceState(history.state, "", url);
}

function trackState(card, view, spec, state) {
  for (const name of boundSignals(spec, state)) {
    view.addSignalListener(name, (_, value) => saveState(card, stateKey(card, name), String(value)));
  }
  for (const store of selectionStores(spec, state)) {
    view.addDataListener(store, (_, tuples) => {
      const key = stateKey(card, store.replace(/_store$/, ""));
      if (!tuples.length) return saveState(card, key, null);
      saveState(card, key, JSON.stringify({ fields: tuples[0].fields, values: tuples.map((t) => t.values) }));
    });
  }
}

// A slider whose chart defines a signal <slider>_readout shows that signal's text beside it (下降40%, "40 % lower")
// in place of Vega's bare number (-40); the words are written at build time (greenmfg/locale/formatting.py).
// Vega adds one .vega-bind per bound signal, in the order the spec lists them.
function showReadouts(container, view, spec) {
  const bound = (spec.signals || []).filter((signal) => signal.bind).map((signal) => signal.name);
  const names = new Set((spec.signals || []).map((signal) => signal.name));
  container.querySelectorAll(".vega-bind").forEach((bind, index) => {
    const readout = `${bound[index]}_readout`, span = bind.querySelector("input[type=range] + span");  // Vega's bare number
    if (!span || !names.has(readout)) return;
    const show = () => {
      span.textContent = view.signal(readout);
      bind.querySelector("input")?.setAttribute("aria-valuetext", span.textContent);
    };
    view.addSignalListener(readout, show);
    bind.querySelector("input")?.addEventListener("input", () => view.runAsync().then(show));
    show();
  });
}

async function draw(card) {
  const payload = JSON.parse(card.querySelector("script.gm-payload").textContent);
  const container = card.querySelector(".gm-live");
  const rows = rowsAsObjects(payload);
  const spec = withRows(isDark() ? applyPatch(payload.vega, payload.dark) : structuredClone(payload.vega), rows);
  const old = views.get(card);
  if (old) old.finalize();
  container.replaceChildren();
  const vega = await loadVega();
  await yieldToPage();
  const runtime = vega.parse(spec);
  await yieldToPage();
  const view = new vega.View(runtime, {
    renderer: "svg",
    container,
    hover: true,
    tooltip: showTooltip,
  });
  restoreState(card, view, spec, payload.state || []);
  await yieldToPage();
  await view.runAsync();
  trackState(card, view, spec, payload.state || []);
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
  showReadouts(container, view, spec);
  card.classList.add("gm-drawn");
  card.dataset.theme = isDark() ? "dark" : "light";
  // A chart wider than its card scrolls sideways; keyboard users must be able to focus it to scroll.
  const frame = card.querySelector(".gm-chart");
  if (frame && frame.scrollWidth > frame.clientWidth) frame.tabIndex = 0;
  return view;
}

// An exported image carries what a desk needs to republish it: the card's title and subtitle above the chart,
// its one-line source and the site's credit (name, address of the chart, licence) below, in the page's language.
const EXPORT_FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans CJK SC", sans-serif';
const EXPORT_LINES = [["title", 600, 17], ["subtitle", 400, 13], ["chart"], ["source", 400, 12], ["credit", 400, 11]];

function exportTexts(card) {
  const text = (selector) => card.querySelector(selector)?.textContent.replace(/\s+/g, " ").trim() || "";
  const source = card.querySelector(".gm-source > p")?.cloneNode(true);
  source?.querySelector(".gm-freshness")?.remove();
  const address = (document.querySelector('link[rel="canonical"]')?.href || location.href).split("#")[0];
  const site = document.querySelector(".navbar-title, .site-header .brand")?.textContent.trim() || document.title;
  return {title: text(".gm-card-title"), subtitle: text(".gm-card-subtitle"),
          source: source?.textContent.replace(/\s+/g, " ").replace(/：\s+/g, "：").trim() || "",
          credit: `${site} · ${address}#${card.id} · CC BY 4.0`};
}

function wrap(context, text, width) {
  // Break between words, or between any two characters of Chinese text.
  const pieces = text.match(/[\u2e80-\u9fff\uff00-\uffef]|[^\s\u2e80-\u9fff\uff00-\uffef]+\s*|\s+/g) || [];
  const lines = [""];
  for (const piece of pieces) {
    const next = lines[lines.length - 1] + piece;
    if (context.measureText(next.trimEnd()).width > width && lines[lines.length - 1]) lines.push(piece.trimStart());
    else lines[lines.length - 1] = next;
  }
  return lines.map((line) => line.trimEnd()).filter(Boolean);
}

function exportLayout(card, width, scale) {
  const texts = exportTexts(card), measure = document.createElement("canvas").getContext("2d");
  const pad = 12, blocks = [];
  let y = pad, header = 0;
  for (const [name, weight, size] of EXPORT_LINES) {
    if (name === "chart") { header = y + 4; y = null; continue; }
    measure.font = `${weight} ${size}px ${EXPORT_FONT}`;
    const lines = wrap(measure, texts[name], width / scale - 2 * pad);
    blocks.push({name, weight, size, lines, y});
    if (y !== null) y += lines.length * size * 1.35 + 4;
  }
  return {blocks, pad, header};
}

async function exportImage(card, format) {
  if (!views.has(card)) await queueDraw(card);  // a card not drawn yet is drawn first
  const view = views.get(card);
  if (!view) return;
  const style = getComputedStyle(card);
  const colours = {background: style.backgroundColor === "rgba(0, 0, 0, 0)" ? "#ffffff" : style.backgroundColor,
                   text: style.color};
  const url = format === "png" ? await exportPng(card, view, colours) : await exportSvg(card, view, colours);
  const link = document.createElement("a");
  link.href = url;
  link.download = `${card.dataset.chartId}.${format}`;
  document.body.appendChild(link);
  link.click();
  link.remove();
}

function footerHeight(blocks) {
  return blocks.filter((b) => b.y === null).reduce((sum, b) => sum + b.lines.length * b.size * 1.35 + 4, 0) + 12;
}

async function exportPng(card, view, colours) {
  const scale = 2, chart = await view.toCanvas(scale);
  const {blocks, pad, header} = exportLayout(card, chart.width, scale);
  const canvas = document.createElement("canvas");
  canvas.width = chart.width;
  canvas.height = Math.ceil((header + footerHeight(blocks)) * scale + chart.height);
  const context = canvas.getContext("2d");
  context.fillStyle = colours.background;
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.drawImage(chart, 0, header * scale);
  context.scale(scale, scale);
  context.fillStyle = colours.text;
  context.textBaseline = "top";
  let below = header + chart.height / scale + 8;
  for (const block of blocks) {
    context.font = `${block.weight} ${block.size}px ${EXPORT_FONT}`;
    let y = block.y === null ? below : block.y;
    for (const line of block.lines) { context.fillText(line, pad, y); y += block.size * 1.35; }
    if (block.y === null) below = y + 4;
  }
  return canvas.toDataURL("image/png");
}

async function exportSvg(card, view, colours) {
  const chart = new DOMParser().parseFromString(await view.toSVG(), "image/svg+xml").documentElement;
  const width = Number(chart.getAttribute("width")), height = Number(chart.getAttribute("height"));
  const {blocks, pad, header} = exportLayout(card, width, 1);
  const escape = (t) => t.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  let below = header + height + 8, texts = "";
  for (const block of blocks) {
    let y = block.y === null ? below : block.y;
    for (const line of block.lines) {
      texts += `<text x="${pad}" y="${y + block.size}" font-size="${block.size}" font-weight="${block.weight}">${escape(line)}</text>`;
      y += block.size * 1.35;
    }
    if (block.y === null) below = y + 4;
  }
  chart.setAttribute("y", header);
  const total = Math.ceil(header + height + footerHeight(blocks));
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${total}" viewBox="0 0 ${width} ${total}">`
    + `<rect width="100%" height="100%" fill="${colours.background}"/>`
    + `<g fill="${colours.text}" font-family='${EXPORT_FONT}'>${texts}</g>${new XMLSerializer().serializeToString(chart)}</svg>`;
  return URL.createObjectURL(new Blob([svg], {type: "image/svg+xml"}));
}

// With scripts on, <noscript> holds the static SVG as text; it becomes the print-only fallback,
// so print shows the build-time light chart whatever the screen theme.
// The SVGs are parsed in idle time, one card per callback, and all at once before printing.
function keepPrintFallback(card) {
  const noscript = card.querySelector(".gm-static noscript");
  if (!noscript) return;
  const fallback = document.createElement("div");
  fallback.className = "gm-print-fallback";
  fallback.innerHTML = noscript.textContent;
  noscript.replaceWith(fallback);
}

const whenIdle = window.requestIdleCallback || ((callback) => setTimeout(callback, 200));
function keepPrintFallbacksWhenIdle(cards) {
  const next = cards.shift();
  if (!next) return;
  whenIdle(() => {
    keepPrintFallback(next);
    keepPrintFallbacksWhenIdle(cards);
  });
}
window.addEventListener("beforeprint", () => document.querySelectorAll("figure.gm-card").forEach(keepPrintFallback));

// ---- drawing on demand: a chart is drawn when it nears the viewport, one at a time, yielding to the
// page between charts so scrolling and input stay responsive.
let drawing = Promise.resolve();
const pending = new Map();

function queueDraw(card) {
  if (!pending.has(card)) {
    const done = drawing.then(() => new Promise((resolve) => setTimeout(resolve, 0))).then(() => draw(card))
      .catch((error) => {
        card.classList.add("gm-failed");
        console.error(`chart ${card.dataset.chartId}:`, error);
      });
    pending.set(card, done);
    drawing = done;
  }
  return pending.get(card);
}

const nearViewport = "IntersectionObserver" in window ? new IntersectionObserver((entries) => {
  for (const entry of entries) {
    if (!entry.isIntersecting) continue;
    nearViewport.unobserve(entry.target);
    queueDraw(entry.target);
  }
}, { rootMargin: "300px 0px" }) : null;

async function copyLink(card, button) {
  const url = new URL(location.href);
  url.hash = card.id;
  const text = url.toString();
  // The button's words come from the card, in the page's language (greenmfg/locale).
  const idle = button.dataset.idle || (button.dataset.idle = button.textContent);
  const done = (label) => {
    button.textContent = label;
    setTimeout(() => { button.textContent = idle; }, 2000);
  };
  try {
    // A clipboard that never answers (no permission prompt in some browsers) counts as no clipboard.
    const timeout = new Promise((_, reject) => setTimeout(() => reject(new Error("clipboard timed out")), 1500));
    await Promise.race([navigator.clipboard.writeText(text), timeout]);
    done(button.dataset.copied);
  } catch {
    // No clipboard here (a page opened from disk, an old browser): show the link, selected, to copy by hand.
    let field = card.querySelector("input.gm-link-field");
    if (!field) {
      field = document.createElement("input");
      field.className = "gm-link-field";
      field.readOnly = true;
      field.setAttribute("aria-label", card.querySelector(".gm-permalink").textContent);
      button.after(field);
    }
    field.value = text;
    field.select();
    done(button.dataset.manual);
  }
}

// A card that opens the page (data-first-screen) shows its build-time chart at once and is drawn live when the
// reader first does something (touch, click, key, scroll, pointer over it): no chart work while the page loads.
const FIRST_USE = ["pointerdown", "keydown", "wheel", "touchstart", "scroll"];
function staticUntilUsed(card) {
  keepPrintFallback(card);
  card.classList.add("gm-static-first");
  const go = () => {
    for (const type of FIRST_USE) window.removeEventListener(type, go, true);
    card.removeEventListener("pointerenter", go);
    card.removeEventListener("focusin", go);
    queueDraw(card);
  };
  for (const type of FIRST_USE) window.addEventListener(type, go, { capture: true, passive: true });
  card.addEventListener("pointerenter", go);
  card.addEventListener("focusin", go);
}

function wire(card) {
  if (card.dataset.gmWired) return;
  card.dataset.gmWired = "1";
  for (const button of card.querySelectorAll("button.gm-export")) {
    button.hidden = false;
    button.addEventListener("click", () => exportImage(card, button.dataset.format));
  }
  const share = card.querySelector("button.gm-copy-link");
  if (share) {
    share.hidden = false;
    share.addEventListener("click", () => copyLink(card, share));
  }
  // The card's table says it scrolls sideways unless it fits its box (site.css hides the line on [data-fits]).
  const table = card.querySelector("details.gm-table");
  table?.addEventListener("toggle", () => {
    const box = table.querySelector(".gm-table-scroll");
    if (box) box.parentElement.toggleAttribute("data-fits", box.scrollWidth <= box.clientWidth);
  });
  const shared = new URLSearchParams(location.search);
  const linked = location.hash === `#${card.id}` || [...shared.keys()].some((k) => k.startsWith(`${card.dataset.chartId}.`));
  if (card.hasAttribute("data-first-screen") && !linked && !isDark()) staticUntilUsed(card);
  else if (nearViewport && !linked) nearViewport.observe(card);
  else queueDraw(card);
}

function redrawAll() {
  const mode = isDark() ? "dark" : "light";
  if (isDark()) document.querySelectorAll("figure.gm-card.gm-static-first:not(.gm-drawn)").forEach(queueDraw);
  for (const card of document.querySelectorAll("figure.gm-card.gm-drawn")) {
    if (card.dataset.theme !== mode) {
      pending.delete(card);
      queueDraw(card);
    }
  }
}

document.querySelectorAll("figure.gm-card").forEach(wire);
keepPrintFallbacksWhenIdle([...document.querySelectorAll("figure.gm-card")]);
new MutationObserver(redrawAll).observe(document.body, { attributes: true, attributeFilter: ["class"] });
document.addEventListener("pointerdown", (event) => {
  if (!event.target.closest?.(".gm-live")) tip.hidden = true;
});
window.greenmfgCharts = { views, redrawAll, queueDraw };
