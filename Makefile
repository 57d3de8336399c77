# Two commands set up and run everything on a fresh machine:
#   make dashboard   - install, then serve the dashboard on the embedded default data (prints the URL to open;
#                      PORT=8600 serves on another port)
#   make test        - install (plus Debian's chromium for the browser test when root), then run all tests
#   make lock        - recompile the lock files (requirements*.txt: every package pinned, with hashes) from the
#                      top-level pins in requirements*.in; existing pins are kept unless an .in file changes them
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: dashboard test install install-dev chromium build-default lock

$(BIN)/python:
	$(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

install: $(BIN)/python
	$(BIN)/pip install -q --require-hashes -r requirements.txt

install-dev: $(BIN)/python
	$(BIN)/pip install -q --require-hashes -r requirements-dev.txt

chromium:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; \
	  else echo "chromium is missing: the browser test will be skipped (apt-get install chromium as root)"; fi; }

dashboard: install
	$(BIN)/streamlit run dashboard.py $(if $(PORT),--server.port $(PORT))

build-default: install
	$(BIN)/python -m components build-default

test: install-dev chromium
	$(BIN)/python -m pytest -q

# The lock tool lives in its own virtualenv (never the project's), pinned.
LOCK_VENV ?= .lock-venv
UV_VERSION := 0.13.9
UV := $(LOCK_VENV)/bin/uv
LOCK_FLAGS := -q --generate-hashes --python-version 3.11 --custom-compile-command "make lock"

$(UV):
	$(PY) -m venv $(LOCK_VENV)
	$(LOCK_VENV)/bin/pip install -q uv==$(UV_VERSION)

# Runtime first; the dask extra and the dev set are constrained to the runtime lock, so all three agree.
lock: $(UV)
	$(UV) pip compile $(LOCK_FLAGS) requirements.in -o requirements.txt
	$(UV) pip compile $(LOCK_FLAGS) -c requirements.txt requirements-dask.in -o requirements-dask.txt
	$(UV) pip compile $(LOCK_FLAGS) -c requirements-dask.txt requirements-dev.in -o requirements-dev.txt
