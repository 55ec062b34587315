# Two commands on a fresh machine: `make demo` and `make test`. Both create .venv when it is missing.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: demo test lint docs clean

$(BIN)/conflictnews: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(BIN)/conflictnews

# Parse the reference article and print what was read from it.
demo: $(BIN)/conflictnews
	$(BIN)/conflictnews parse seeds/kursk-2025-03.txt --published 2025-03-16 --format text

# The test suite (CI runs exactly this, after ruff and mypy).
test: $(BIN)/conflictnews
	$(BIN)/python -m pytest

# The documentation site (Sphinx + furo + MyST), warnings as errors, into docs/_build/html.
docs: $(BIN)/conflictnews
	$(BIN)/python -m pip install --quiet -e '.[docs]'
	$(BIN)/sphinx-build -n -W --keep-going -b html docs docs/_build/html

lint: $(BIN)/conflictnews
	$(BIN)/ruff check src tests
	$(BIN)/ruff format --check src tests
	$(BIN)/mypy --strict src

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache
