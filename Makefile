# Quick start: `make html` builds the site, `make test` runs every check.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SPHINXOPTS ?=
RECORDS := records

.PHONY: html test check validate lint typecheck pytest schema bench bench-lock lock clean browser-deps

all: html

# The venv is rebuilt whenever the lock or the project metadata changes.
$(STAMP): requirements.lock pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	@touch $@

venv: $(STAMP)

.PHONY: venv

validate: $(STAMP)
	$(BIN)/kkr validate $(RECORDS)

html: validate
	$(BIN)/sphinx-build -b html -W --keep-going -n -j auto $(SPHINXOPTS) . _build/html

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(STAMP)
	$(BIN)/mypy

pytest: $(STAMP)
	@# Exit code 5 means pytest collected nothing: never a silent pass.
	$(BIN)/pytest $(PYTEST_ARGS); rc=$$?; \
	  if [ $$rc -eq 5 ]; then echo "pytest collected no tests" >&2; exit 1; fi; exit $$rc

test: $(STAMP)
	$(BIN)/kkr validate --strict $(RECORDS)
	$(MAKE) --no-print-directory lint typecheck pytest

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

# Recompile the lock from requirements.in (needs the package index).
lock:
	$(PYTHON) -m pip install --quiet uv
	$(PYTHON) -m uv pip compile requirements.in --generate-hashes --python-version 3.11 \
	  --python-platform x86_64-unknown-linux-gnu -o requirements.lock

clean:
	rm -rf _build
