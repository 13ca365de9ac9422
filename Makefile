# Redline: `make run` opens the window on the bundled samples, `make test` runs the suite.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test lint bench man clean

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

run: $(STAMP)
	$(VENV)/bin/redline

test: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q

lint: $(STAMP)
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/ruff check .
	$(VENV)/bin/mypy core

bench: $(STAMP)
	$(PY) bench/bench_compare.py

# The manual page shipped in the package, generated from the parser (a test checks it).
man: $(STAMP)
	$(PY) -c "import core, sys; from core.command.parser import build_parser; from core.command.generate import man_page; sys.stdout.write(man_page(build_parser(), 'redline ' + core.__version__))" > core/command/redline.1

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .mypy_cache .ruff_cache
