-- Quarto behaviours the preview renderer reproduces: links to notebooks become .html links,
-- and callout divs get their title bar.
local function html_target(target)
  local out = target:gsub("%.ipynb$", ".html"):gsub("%.ipynb#", ".html#"):gsub("%.qmd$", ".html"):gsub("%.qmd#", ".html#")
  return out
end

function Link(el)
  if not el.target:match("^%a+:") then
    el.target = html_target(el.target)
  end
  return el
end

function Div(el)
  for _, class in ipairs(el.classes) do
    local kind = class:match("^callout%-(%a+)$")
    if kind then
      local title = el.attributes["title"]
      el.attributes["title"] = nil
      if not title and el.content[1] and el.content[1].t == "Header" then
        title = pandoc.utils.stringify(el.content[1])
        el.content:remove(1)
      end
      title = title or (kind:sub(1, 1):upper() .. kind:sub(2))
      el.classes:insert("callout")
      el.content:insert(1, pandoc.Div({ pandoc.Plain({ pandoc.Str(title) }) }, pandoc.Attr("", { "callout-title" })))
      return el
    end
  end
end
