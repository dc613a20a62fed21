# Perhekeskus — the two commands of the quick start are `make demo` and `make test`.
SHELL := /bin/bash
.DEFAULT_GOAL := help

UV ?= $(shell command -v uv 2>/dev/null || echo $(HOME)/.local/bin/uv)
export PATH := $(HOME)/.local/bin:$(PATH)
RUN := $(UV) run --frozen
PYTEST_ARGS ?=
# `make test` runs one pytest-xdist worker per core ("auto"); PYTEST_WORKERS=0 runs in one process.
PYTEST_WORKERS ?= auto

.PHONY: help demo test check bench install deps system-deps node-deps translations messages lint format clean

help:
	@echo "make demo   install everything, migrate SQLite under var/, load the demo network, serve it"
	@echo "make test   run the whole test suite (DATABASE_URL/REDIS_URL choose PostgreSQL/Redis)"
	@echo "make check  ruff, ruff format --check, mypy, makemigrations --check"
	@echo "make bench  run the benchmarks and print their figures"

# --- installation ---------------------------------------------------------------------------------
$(UV):
	@echo "Installing uv from PyPI"
	@python3 scripts/install-uv.py

system-deps:
	@bash scripts/system-deps.sh

.venv/.synced: pyproject.toml uv.lock | $(UV)
	$(UV) sync --frozen
	@touch $@

node_modules/.installed: package.json package-lock.json
	@if command -v npm >/dev/null 2>&1; then npm ci --no-audit --no-fund --loglevel=error && touch $@; \
	 else echo "npm is missing: browser accessibility tests need axe-core from npm (apt-get install npm)"; exit 1; fi

deps: system-deps .venv/.synced translations
install: deps

node-deps: node_modules/.installed

translations: .venv/.synced
	@$(RUN) perhekeskus compile_translations --verbosity 0

# --- the two commands -----------------------------------------------------------------------------
demo: deps
	$(RUN) perhekeskus demo

test: deps node-deps
	$(RUN) pytest -n $(PYTEST_WORKERS) $(PYTEST_ARGS)

# --- the rest -------------------------------------------------------------------------------------
check: .venv/.synced
	$(RUN) ruff check .
	$(RUN) ruff format --check .
	$(RUN) mypy
	$(RUN) lint-imports
	DJANGO_SETTINGS_MODULE=perhekeskus.config.settings.test $(RUN) perhekeskus makemigrations --check --dry-run

bench: deps
	$(RUN) python benchmarks/run.py

messages: .venv/.synced
	cd src/perhekeskus && $(RUN) perhekeskus makemessages -l fi -l sv -l en --no-obsolete --no-location --ignore 'tests/*'

format: .venv/.synced
	$(RUN) ruff format .
	$(RUN) ruff check --fix .

clean:
	rm -rf .venv node_modules var .pytest_cache .mypy_cache .ruff_cache
