// Row filters for the tracker and the claim ledger (greenmfg.charts.markup.filtered_block).
// In each .gm-filtered block, every select[data-key] keeps the [data-row] rows whose data-<key>
// equals its value ('' = all); the .gm-filter-count line says how many rows are shown.
function wire(block) {
  const selects = [...block.querySelectorAll("select[data-key]")];
  const rows = [...block.querySelectorAll("[data-row]")];
  const count = block.querySelector(".gm-filter-count");
  const update = () => {
    let shown = 0;
    for (const row of rows) {
      const keep = selects.every((s) => !s.value || row.getAttribute(`data-${s.dataset.key}`) === s.value);
      row.hidden = !keep;
      if (keep) shown += 1;
    }
    // The line's wording comes from the page, in its language: "Showing {shown} of {total}".
    count.textContent = count.dataset.template.replace("{shown}", shown).replace("{total}", rows.length);
  };
  for (const select of selects) select.addEventListener("change", update);
  update();
}

// A module runs once per page, after parsing, however many blocks load it.
document.querySelectorAll(".gm-filtered").forEach(wire);
