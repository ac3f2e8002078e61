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
.PHONY: help deps chromium serve build offline test test-quick check lint check-sources bench screenshots linkcheck-external bench-links vendor clean

help: ## List the commands
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-20s %s\n", $$1, $$2}'

# The pins need Python 3.11.5 or newer (pymdown-extensions 13); say so before pip fails obscurely.
$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11, 5))' 2>/dev/null || { \
	  echo "make: Python 3.11.5 or newer is needed, found '$(PYTHON)': $$($(PYTHON) --version 2>&1)." \
	       "Point make at a newer one, e.g. make PYTHON=python3.12 test"; exit 1; }
	@$(PYTHON) -c 'import ensurepip' 2>/dev/null || { \
	  echo "make: '$(PYTHON)' cannot create a virtual environment (Debian/Ubuntu: sudo apt-get install python3-venv)"; exit 1; }
	$(PYTHON) -m venv $(VENV)

$(SITE_STAMP): requirements.txt | $(BIN)/python
	$(BIN)/python -m pip install -q -r requirements.txt
	@touch $@

$(DEV_STAMP): requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/python -m pip install -q -r requirements-dev.txt
	@touch $@ $(SITE_STAMP)

serve: $(SITE_STAMP) ## Serve the site with live reload at http://127.0.0.1:8000
	SITE_URL=http://$(HOST):$(PORT)/ $(BIN)/mkdocs serve --strict -a $(HOST):$(PORT)

# Find a Chromium, or install one (Playwright's, else apt's on Debian/Ubuntu): scripts/chromium.py.
chromium: $(DEV_STAMP)
	@$(BIN)/python -m scripts.chromium >/dev/null

# Builds draw the diagrams in headless Chromium through Playwright, a dev requirement.
build: chromium ## Strict build into site/ (diagrams drawn at build time), with the offline zip
	$(BIN)/python -m scripts.build

offline: chromium ## Offline build into site-offline/ and dist/aws-containers-study-offline.zip
	$(BIN)/python -m scripts.build --offline-only

deps: $(DEV_STAMP) ## Install the pinned site, test and lint tools into .venv

lint: $(DEV_STAMP) ## Markdown lint, spell check, YAML lint, workflow checks and ruff
	$(BIN)/python -m scripts.lint

test: chromium ## Lint, build both variants and run every test, browser tests included
	$(BIN)/python -m scripts.lint
	$(BIN)/python -m pytest

check: chromium ## The checks a page edit can break, on the pages changed against main (PAGES="docs/x.md" to name them)
	$(BIN)/python -m scripts.check_changed

test-quick: $(DEV_STAMP) ## A faster loop for contributors: make test without the browser tests (not what CI runs)
	$(BIN)/python -m scripts.lint
	$(BIN)/python -m pytest -m "not browser"

screenshots: build ## Full-page PNGs of every page, light and dark, into screenshots/
	$(BIN)/python -m scripts.screenshots $(SCREENSHOTS_ARGS)

linkcheck-external: $(DEV_STAMP) ## Check every external link of the site (needs internet; not in make test)
	$(BIN)/python -m scripts.check_external_links $(LINKCHECK_ARGS)

check-sources: $(DEV_STAMP) ## Is every quoted AWS sentence still on its AWS page? (needs internet; weekly in CI)
	$(BIN)/python -m scripts.check_sources $(CHECK_SOURCES_ARGS)

bench: chromium ## Timings and Lighthouse scores beside their targets (tests/budgets.toml); BENCH_ARGS=--quick
	$(BIN)/python -m scripts.bench $(BENCH_ARGS)
	$(BIN)/python -m scripts.bench_links

bench-links: $(DEV_STAMP) ## Time the link checker beside LinkChecker on the same built site
	$(BIN)/python -m scripts.bench_links

vendor: $(DEV_STAMP) ## Re-fetch vendored scripts with npm pack and rewrite their checksums
	$(BIN)/python -m scripts.vendor $(PACKAGES)

clean: ## Remove build outputs (keeps .venv)
	rm -rf site site-offline dist .pytest_cache
