# The public interface of the project. `make help` lists the targets.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
REQ_HASH := $(shell cat requirements.txt pyproject.toml | sha256sum | cut -c1-12)
STAMP := $(VENV)/.installed-$(REQ_HASH)
DATA ?= data
export PATH := $(abspath $(VENV))/bin:$(PATH)
export QUARTO_PYTHON := $(abspath $(PY))

.DEFAULT_GOAL := help
.PHONY: help site test validate-data bench serve clean env

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-14s %s\n", $$1, $$2}'

$(STAMP): requirements.txt pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' || { echo "Python >= 3.11 is required (set PYTHON=...)"; exit 1; }
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps -e .
	@rm -f $(VENV)/.installed-*; touch $@

env: $(STAMP) ## Create or update the virtual environment (.venv) from requirements.txt

site: $(STAMP) ## Build the site into _site/ (Quarto if installed, else the preview renderer)
	$(PY) -m greenmfg.build site

test: $(STAMP) ## Run the whole test suite (data, specs, build, browser)
	$(PY) -m pytest

validate-data: $(STAMP) ## Validate a data directory: make validate-data DATA=<dir>
	$(PY) -m greenmfg.validate $(DATA)

bench: $(STAMP) ## Time cold and warm builds; report page and runtime sizes
	$(PY) -m greenmfg.bench

serve: site ## Serve _site/ on http://127.0.0.1:8000
	$(PY) -m http.server --bind 127.0.0.1 --directory _site 8000

clean: ## Remove generated files (_site, caches, _variables.yml)
	rm -rf _site .build .quarto _variables.yml assets/vega.mjs
