# Redline: `make run` opens the window on the bundled samples, `make test` runs the suite.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
# The system's own commands: without python3-venv (Debian, Ubuntu) there is no venv.
SUDO := $(if $(filter 0,$(shell id -u)),,sudo )
APT_INSTALL := DEBIAN_FRONTEND=noninteractive apt-get install -y -qq

.PHONY: run test lint bench native test-native man install-desktop clean

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import ensurepip, venv' 2>/dev/null || { \
	  if [ "$$(id -u)" = 0 ] && [ -f /etc/debian_version ]; then \
	    apt-get update -qq && $(APT_INSTALL) python3-venv; \
	  else \
	    echo "Python's venv module is missing. Install it with:"; \
	    echo "    $(SUDO)apt-get install python3-venv"; exit 1; \
	  fi; }
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

# Qt's platform plugin needs system libraries the PySide6 wheel does not bring:
# installed with apt-get when root on Debian/Ubuntu, otherwise the command is printed.
run: $(STAMP)
	@$(PY) -m gui.shell.system_libs --platform xcb --install
	$(VENV)/bin/redline

# The pure-Python path, whether or not a compiled build exists (`make test-native`).
test: $(STAMP)
	@$(PY) -m gui.shell.system_libs --platform offscreen --install
	REDLINE_PURE=1 QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q

lint: $(STAMP)
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/ruff check .
	$(VENV)/bin/mypy core

bench: $(STAMP)
	$(PY) bench/bench_compare.py

# The compiled engine (optional): core.engine and core.flags through mypyc into
# build/native/, used while the sources are unchanged (core/engine/native.py). Needs a
# C compiler and this Python's headers; `make test` never does.
NATIVE_STAMP := $(VENV)/.native-tools
$(NATIVE_STAMP): $(STAMP)
	$(PY) -m pip install --quiet -e '.[test,native]'
	touch $(NATIVE_STAMP)

native: $(NATIVE_STAMP)
	$(PY) bench/build_native.py

# The whole suite again on the compiled path (REDLINE_EXPECT_NATIVE: it must be used).
test-native: native
	@$(PY) -m gui.shell.system_libs --platform offscreen --install
	REDLINE_EXPECT_NATIVE=1 QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q

# The application menu entry, icon and metainfo for the current user (~/.local/share).
install-desktop: $(STAMP)
	$(VENV)/bin/redline install-desktop

# The manual page shipped in the package, generated from the parser (a test checks it).
man: $(STAMP)
	$(PY) -c "import core, sys; from core.command.parser import build_parser; from core.command.generate import man_page; sys.stdout.write(man_page(build_parser(), 'redline ' + core.__version__))" > core/command/redline.1

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .mypy_cache .ruff_cache
