# Quick start: `make demo` builds a knowledge base from the built-in sample; `make test` runs the tests.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin

.PHONY: demo test install install-test clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV) || python3 -m venv $(VENV)

# Re-install only when the project's metadata changes (the stamp files record the last install).
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml $(VENV)/.installed
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

# The browser tests drive Debian's chromium: installed from Debian's packages, never downloaded
# by a test tool.
CHROMIUM := /usr/bin/chromium
$(CHROMIUM):
	apt-get install -y chromium || (apt-get update && apt-get install -y chromium)

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test $(CHROMIUM)

demo: install
	$(BIN)/dossier demo

test: install-test
	$(BIN)/python -m pytest

clean:
	rm -rf $(VENV) dossier-demo.db
