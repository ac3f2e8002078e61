# The project's commands. `make help` lists them. Everything runs inside .venv, which is
# (re)created from the pinned requirements whenever they change.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SITE_STAMP := $(VENV)/.site-installed
DEV_STAMP := $(VENV)/.dev-installed
HOST ?= 127.0.0.1
PORT ?= 8000

export NO_MKDOCS_2_WARNING := 1
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.DEFAULT_GOAL := help
.PHONY: help deps serve build offline test lint bench screenshots linkcheck-external bench-links vendor clean

help: ## List the commands
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-20s %s\n", $$1, $$2}'

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(SITE_STAMP): requirements.txt | $(BIN)/python
	$(BIN)/python -m pip install -q -r requirements.txt
	@touch $@

$(DEV_STAMP): requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/python -m pip install -q -r requirements-dev.txt
	@touch $@ $(SITE_STAMP)

serve: $(SITE_STAMP) ## Serve the site with live reload at http://127.0.0.1:8000
	SITE_URL=http://$(HOST):$(PORT)/ $(BIN)/mkdocs serve --strict -a $(HOST):$(PORT)

# Builds draw the diagrams in headless Chromium through Playwright, a dev requirement.
build: $(DEV_STAMP) ## Strict build into site/ (diagrams drawn at build time), with the offline zip
	$(BIN)/python -m scripts.build

offline: $(DEV_STAMP) ## Offline build into site-offline/ and dist/aws-containers-study-offline.zip
	$(BIN)/python -m scripts.build --offline-only

deps: $(DEV_STAMP) ## Install the pinned site, test and lint tools into .venv

lint: $(DEV_STAMP) ## Markdown lint, spell check, YAML lint, workflow checks and ruff (needs aspell)
	$(BIN)/python -m scripts.lint

test: $(DEV_STAMP) ## Lint, build both variants and run every test
	$(BIN)/python -m scripts.lint
	$(BIN)/python -m pytest

screenshots: $(DEV_STAMP) build ## Full-page PNGs of every page, light and dark, into screenshots/
	$(BIN)/python -m scripts.screenshots

linkcheck-external: $(DEV_STAMP) ## Check every external link of the site (needs internet; not in make test)
	$(BIN)/python -m scripts.check_external_links $(LINKCHECK_ARGS)

bench: $(DEV_STAMP) ## Timings and Lighthouse scores beside their targets (tests/budgets.toml); BENCH_ARGS=--quick
	$(BIN)/python -m scripts.bench $(BENCH_ARGS)
	$(BIN)/python -m scripts.bench_links

bench-links: $(DEV_STAMP) ## Time the link checker beside LinkChecker on the same built site
	$(BIN)/python -m scripts.bench_links

vendor: $(DEV_STAMP) ## Re-fetch vendored scripts with npm pack and rewrite their checksums
	$(BIN)/python -m scripts.vendor $(PACKAGES)

clean: ## Remove build outputs (keeps .venv)
	rm -rf site site-offline dist .pytest_cache
