# Every target bootstraps .venv on first use, so each works on a fresh clone.
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
# The end-of-life banner is noise on every build; it says nothing about this site.
export NO_MKDOCS_2_WARNING := 1
MKDOCS := $(PY) -m mkdocs

.PHONY: serve build check check-links test bench bench-search bench-links coverage clean new-term stale

$(STAMP): pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

serve: $(STAMP)  ## the site at http://127.0.0.1:8000/ai-glossary/ (the path of site_url); a saved term file rebuilds only the pages it changes
	$(MKDOCS) serve --dirty --dev-addr 127.0.0.1:8000

build: $(STAMP)  ## a strict build into site/
	$(MKDOCS) build --strict --clean

check: $(STAMP)  ## check every term file without building
	$(PY) scripts/check.py

stale: $(STAMP)  ## entries whose facts were last checked over 12 months ago, oldest first
	$(PY) scripts/stale.py

check-links: $(STAMP)  ## a strict build into site/, then every internal link and #anchor in it must resolve
	$(MKDOCS) build --strict --clean
	$(PY) scripts/check_site_links.py site

test: $(STAMP)  ## every test: unit, integration, browser
	scripts/ensure-chromium
	$(PY) -m pytest

new-term: $(STAMP)  ## a new term file from the template: make new-term ID=rag ZH=检索增强生成 EN="Retrieval-augmented generation" [CATEGORY=applications]
	$(PY) scripts/new_term.py --zh "$(ZH)" --en "$(EN)" $(if $(CATEGORY),--category "$(CATEGORY)") -- "$(ID)"

coverage: $(STAMP)  ## which inventory terms have an entry (needs ../shared beside the repository)
	$(PY) scripts/coverage_report.py

bench: $(STAMP)  ## the real glossary copied to 500 and 2,000 terms, built ours against plain Material, and the serve edit loop; writes docs/performance.md (about 5 minutes)
	$(PY) scripts/bench.py

bench-links: $(STAMP)  ## automatic-linking time per page at 1,000 and 10,000 terms
	$(PY) scripts/bench_links.py

bench-search: $(STAMP)  ## search speed in headless Chromium, real glossary and 10,000 terms, also with the CPU slowed 4x (a phone)
	scripts/ensure-chromium
	$(PY) scripts/bench_search.py

clean:
	rm -rf site .pytest_cache
