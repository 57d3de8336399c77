# Two commands set up and run everything on a fresh machine:
#   make dashboard   - install, then serve the dashboard on the embedded default data (prints the URL to open)
#   make test        - install (plus Debian's chromium for the browser test when root), then run all tests
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: dashboard test install install-dev chromium build-default

$(BIN)/python:
	$(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

install: $(BIN)/python
	$(BIN)/pip install -q -r requirements.txt

install-dev: $(BIN)/python
	$(BIN)/pip install -q -r requirements-dev.txt

chromium:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; \
	  else echo "chromium is missing: the browser test will be skipped (apt-get install chromium as root)"; fi; }

dashboard: install
	$(BIN)/streamlit run dashboard.py

build-default: install
	$(BIN)/python -m components build-default

test: install-dev chromium
	$(BIN)/python -m pytest -q
