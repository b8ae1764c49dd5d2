// Preview-site behaviour Quarto provides natively: the dark-mode toggle and a small search box.
(function () {
  const body = document.body;
  const toggle = document.querySelector(".theme-toggle");
  const sync = () => toggle && toggle.setAttribute("aria-pressed", String(body.classList.contains("quarto-dark")));
  sync();
  if (toggle) {
    toggle.addEventListener("click", () => {
      body.classList.toggle("quarto-dark");
      try { localStorage.setItem("gm-theme", body.classList.contains("quarto-dark") ? "dark" : "light"); } catch (e) {}
      sync();
    });
  }
  const scheme = matchMedia("(prefers-color-scheme: dark)");
  scheme.addEventListener("change", (event) => {
    let stored = null;
    try { stored = localStorage.getItem("gm-theme"); } catch (e) {}
    if (!stored) { body.classList.toggle("quarto-dark", event.matches); sync(); }
  });

  const input = document.getElementById("site-search");
  const list = document.querySelector(".search-results");
  const root = body.dataset.root || "";
  let index = null;
  async function load() {
    if (!index) index = await (await fetch(root + "search.json")).json();
    return index;
  }
  function snippet(text, at, length) {
    const start = Math.max(0, at - 40);
    return (start > 0 ? "…" : "") + text.slice(start, at + length + 60) + "…";
  }
  if (input && list) {
    input.addEventListener("input", async () => {
      const query = input.value.trim().toLowerCase();
      list.replaceChildren();
      if (!query) { list.hidden = true; return; }
      // As Quarto's search (Fuse.js, minMatchCharLength 2): a match is at least two characters long.
      const found = query.length >= 2 ? await load() : [];
      for (const entry of found) {
        const at = entry.text.toLowerCase().indexOf(query);
        if (at < 0 && !entry.title.toLowerCase().includes(query)) continue;
        const li = document.createElement("li");
        const a = document.createElement("a");
        a.href = root + entry.href;
        a.textContent = entry.title;
        const p = document.createElement("p");
        p.textContent = at >= 0 ? snippet(entry.text, at, query.length) : "";
        li.append(a, p);
        list.appendChild(li);
      }
      if (!list.children.length) {
        const li = document.createElement("li");
        li.textContent = document.documentElement.lang.startsWith("zh") ? "无匹配结果" : "No match";
        list.appendChild(li);
      }
      list.hidden = false;
    });
  }
})();
