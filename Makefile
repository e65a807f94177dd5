# Two commands for a fresh machine: `make run` and `make test` (see README.md).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
# Test processes (pytest-xdist); one module per process keeps module-scoped fixtures shared.
TEST_WORKERS ?= auto

.PHONY: run test e2e install install-test lock

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

$(VENV)/.installed: $(BIN)/python requirements/base.txt pyproject.toml
	$(BIN)/pip install -q -r requirements/base.txt
	$(BIN)/pip install -q --no-deps -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed requirements/test.txt
	$(BIN)/pip install -q -r requirements/test.txt
	touch $@

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

run: install
	$(BIN)/eenplan migrate --noinput
	$(BIN)/eenplan seed-demo
	$(BIN)/eenplan demo-accounts
	@echo "EenPlan draait op http://127.0.0.1:$(PORT)/ (stoppen: Ctrl+C)"
	$(BIN)/eenplan runserver 127.0.0.1:$(PORT)

# Background jobs with a broker (docs/configuration.md#background-jobs): set EENPLAN_BROKER_URL,
# e.g. redis://127.0.0.1:6379/0. Workers as many as wanted; exactly one beat.
.PHONY: worker beat
worker: install
	$(BIN)/celery -A eenplan.conf.celery worker --loglevel=INFO

beat: install
	$(BIN)/celery -A eenplan.conf.celery beat --loglevel=INFO

# Files in pytest-django's order (tests in a transaction first, tests that commit after them), not
# largest first: a test that commits leaves an emptied database, without the data migrations.
test: install-test
	$(BIN)/pytest -n $(TEST_WORKERS) --dist loadfile --no-loadscope-reorder

# Benchmarks at 250,000 and 930,000 inhabitants into docs/performance.md (bench/README.md): the
# first run also generates the two PostgreSQL databases; measuring takes 15-30 minutes a size.
.PHONY: bench
bench: install-test
	$(BIN)/python bench/run.py

# Browser tests (e2e/): Debian's Chromium (apt-get install chromium) and axe-core from npm.
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

e2e: install-test node_modules/.installed
	$(BIN)/pytest -p no:cacheprovider e2e

# Regenerate the lock files after changing dependencies in pyproject.toml.
lock: install-test
	$(BIN)/pip install -q pip-tools
	$(BIN)/pip-compile -q --strip-extras --no-emit-index-url --no-emit-find-links \
		--output-file requirements/base.txt pyproject.toml
	$(BIN)/pip-compile -q --strip-extras --no-emit-index-url --no-emit-find-links --extra test \
		--output-file requirements/test.txt pyproject.toml
