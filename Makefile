# Two commands are all the set-up there is: `make run` and `make test`.
# Both create a local virtual environment in .venv and install igftui into it, with every
# third-party package at the version in constraints.txt (see `make constraints`).

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: run compiled test lint constraints bench screenshots clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Reinstall only when the project's requirements or their pinned versions change.
$(VENV)/.installed: pyproject.toml constraints.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet -c constraints.txt -e ".[test]"
	touch $@

# Python keeps igftui's compiled modules beside its sources, as pip does for a package it
# installs (an editable install skips it): a launch then loads them instead of compiling
# every module again, which costs more than Textual takes to paint its first screen where
# PYTHONDONTWRITEBYTECODE is set.  Quick when nothing changed.
compiled: $(VENV)/.installed
	$(BIN)/python -m compileall -q src

run: compiled
	$(BIN)/igftui

# The tests run beside a throwaway PostgreSQL cluster (scripts/pg_cluster.py: started in a second
# or two, removed after); without PostgreSQL its tests are skipped, with one line saying so.  CI
# (CI=true) installs Debian's postgresql package when it is missing: there a skip would hide them.
test: compiled
	$(BIN)/python scripts/pg_cluster.py $(if $(CI),--install) -- $(BIN)/python -m pytest -q -n auto

# The gates CI runs before the tests (.ci/run); configured in pyproject.toml.
lint: $(VENV)/.installed
	$(BIN)/ruff check src tests
	$(BIN)/ruff format --check src tests
	$(BIN)/mypy src
	$(BIN)/lint-imports

# A deliberate upgrade: the newest versions pyproject.toml allows, written to constraints.txt.
# Run `make lint test` after it (snapshots show what a new Textual draws) and commit the file.
constraints: | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade -e ".[test]"
	{ echo "# Every third-party package igftui and its tests install, at the versions CI was green with."; \
	  echo "# pip reads it with -c (Makefile); 'make constraints' writes it again after a deliberate upgrade."; \
	  $(BIN)/python -m pip freeze --exclude-editable; } > constraints.txt
	touch $(VENV)/.installed

# `make bench SIZES=1000,10000` measures fewer sizes (the 100,000-session catalogue takes a while to
# build the first time); BENCH_ARGS passes more options to bench/run.py (--runs 5, --quick).
bench: compiled
	$(BIN)/python bench/run.py $(if $(SIZES),--sizes $(SIZES)) $(BENCH_ARGS)

screenshots: $(VENV)/.installed
	$(BIN)/python scripts/screenshots.py

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info .pytest_cache .mypy_cache .ruff_cache .import_linter_cache
