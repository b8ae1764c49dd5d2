# The public interface of the project. `make help` lists the targets.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
REQ_HASH := $(shell cat requirements.txt pyproject.toml | sha256sum | cut -c1-12)
STAMP := $(VENV)/.installed-$(REQ_HASH)
QUARTO_HASH := $(shell sha256sum requirements-quarto.txt | cut -c1-12)
QUARTO_STAMP := $(VENV)/.quarto-tried-$(QUARTO_HASH)
DATA ?= data
export PATH := $(abspath $(VENV))/bin:$(PATH)
export QUARTO_PYTHON := $(abspath $(PY))

.DEFAULT_GOAL := help
.PHONY: help site test validate-data data bench serve clean env lab page check-html preview

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-14s %s\n", $$1, $$2}'

$(STAMP): requirements.txt pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' || { echo "Python >= 3.11 is required (set PYTHON=...)"; exit 1; }
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps -e .
	$(PY) -m greenmfg.site.build variables
	@rm -f $(VENV)/.installed-*; touch $@

# Quarto's PyPI installer downloads its binary; a failure (no network to GitHub) never fails the build.
$(QUARTO_STAMP): requirements-quarto.txt | $(STAMP)
	@if command -v quarto >/dev/null 2>&1 && [ "$$(command -v quarto)" != "$(abspath $(VENV))/bin/quarto" ]; then \
	  echo "Quarto $$(quarto --version) found at $$(command -v quarto): make site and make test use it"; \
	elif timeout 60 $(PY) -m pip install --quiet --disable-pip-version-check -r requirements-quarto.txt >$(VENV)/quarto-install.log 2>&1 \
	  && $(VENV)/bin/quarto --version >/dev/null 2>&1; then echo "Quarto $$($(VENV)/bin/quarto --version) installed in $(VENV)"; \
	  else $(PY) -m pip uninstall --quiet --yes quarto-cli >/dev/null 2>&1; \
	  echo "Quarto could not be installed here (its installer downloads the binary; see $(VENV)/quarto-install.log): make site uses the preview renderer"; fi
	@rm -f $(VENV)/.quarto-tried-*; touch $@

env: $(STAMP) $(QUARTO_STAMP) ## Create or update .venv from requirements.txt, then try the pinned Quarto

site: $(STAMP) $(QUARTO_STAMP) ## Build the site into _site/ (Quarto if installed, else the preview renderer)
	$(PY) -m greenmfg.site.build site

test: $(STAMP) $(QUARTO_STAMP) ## Run the whole test suite (data, specs, build, browser)
	$(PY) -m pytest

check-html: site ## Check both renderers' pages with the Nu HTML Checker (needs Java; says so and skips without)
	$(PY) -m greenmfg.site.build site --renderer preview --out .build/preview-site
	$(PY) -m greenmfg.site.check_html _site .build/preview-site

validate-data: $(STAMP) ## Validate a data directory: make validate-data DATA=<dir>
	$(PY) -m greenmfg.data.validate $(DATA)

data: $(STAMP) ## Rebuild data/processed/ from raw/ and curated/, then datapackage.json and README.md; validate
	$(PY) -m data.steps
	$(PY) -m greenmfg.data.datapackage
	$(PY) -m greenmfg.data.validate data

bench: $(STAMP) $(QUARTO_STAMP) ## Time cold and warm builds; report page and runtime sizes
	$(PY) -m greenmfg.site.bench

page: $(STAMP) ## Scaffold and register a page in both editions: make page KEY=my_key TITLE="Title" TITLE_ZH="标题" [CHAPTER=1]
	$(PY) -m greenmfg.pages.newpage "$(KEY)" "$(TITLE)" $(if $(CHAPTER),--chapter) $(if $(TITLE_ZH),--title-zh "$(TITLE_ZH)")

lab: $(STAMP) ## Start JupyterLab on http://127.0.0.1:8888 with the project's environment (works as root)
	$(VENV)/bin/jupyter lab --config=jupyter_server_config.py --ip=127.0.0.1 --port=8888 --no-browser $(if $(filter 0,$(shell id -u)),--allow-root)

preview: $(STAMP) $(QUARTO_STAMP) ## Rebuild pages as you edit them, on http://127.0.0.1:4444 (EDITION=zh for 中文; quarto preview where Quarto is installed)
	@if command -v quarto >/dev/null 2>&1; then $(PY) -m greenmfg.site.build site && quarto preview --no-browser --port 4444 $(if $(EDITION),--profile $(EDITION)); \
	else $(PY) -m greenmfg.site.watch --port 4444; fi

serve: site ## Serve _site/ on http://127.0.0.1:8000
	$(PY) -m http.server --bind 127.0.0.1 --directory _site 8000

clean: ## Remove generated files (_site, caches, _variables.yml)
	rm -rf _site .build .quarto _variables.yml assets/vega.mjs
