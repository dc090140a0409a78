# Resolve: the two commands a newcomer needs are `make demo` and `make test`.
SHELL := /bin/bash
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export DATABASE_URL_TEST ?= postgres://postgres@127.0.0.1:5432/resolve
export REDIS_URL_TEST ?= redis://127.0.0.1:6379/0

# Django 6.1 needs Python 3.12+. Look on PATH, then in pyenv, then in /usr/bin.
PYTHON := $(shell for p in "$$PYTHON" python3.14 python3.13 python3.12 python3 \
	$$HOME/.pyenv/versions/3.1[2-9]*/bin/python3 /root/.pyenv/versions/3.1[2-9]*/bin/python3 \
	/usr/local/bin/python3.1[2-9] /usr/bin/python3.1[2-9]; do \
	[ -n "$$p" ] && command -v "$$p" >/dev/null 2>&1 && \
	"$$p" -c 'import sys; sys.exit(sys.version_info < (3, 12))' >/dev/null 2>&1 && { echo "$$p"; break; }; done)

.PHONY: venv demo test test-fast lint check-services bench bench-small backup restore clean

$(STAMP): pyproject.toml
	@if [ -z "$(PYTHON)" ]; then \
	  echo "Resolve needs Python 3.12 or newer and none was found." >&2; \
	  echo "Install one (e.g. 'pyenv install 3.13' or 'apt-get install python3.12 python3.12-venv'), or set PYTHON=/path/to/python3.12." >&2; \
	  exit 1; fi
	@echo "Using $(PYTHON) ($$($(PYTHON) --version))"
	@[ -x $(BIN)/python ] || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $(STAMP)

venv: $(STAMP)

## make demo: SQLite and in-process tasks unless DATABASE_URL is set; serves http://127.0.0.1:$(PORT)
## (default 8000; `make demo PORT=8100` serves elsewhere)
PORT ?= 8000
demo: $(STAMP)
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_reference
	$(BIN)/python manage.py seed_demo
	$(BIN)/python manage.py collectstatic --noinput --verbosity 0
	$(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

check-services: $(STAMP)
	@DATABASE_URL=$(DATABASE_URL_TEST) REDIS_URL=$(REDIS_URL_TEST) $(BIN)/python -m config.check_services

## make test: the whole suite against real PostgreSQL, Redis, a Celery worker and headless Chromium
node_modules/.installed: package.json package-lock.json
	@command -v npm >/dev/null 2>&1 || { echo "npm is needed for the accessibility checks (apt-get install nodejs npm)" >&2; exit 1; }
	npm ci --no-audit --no-fund --silent
	@touch node_modules/.installed

## in two tiers: everything but the browser journeys across TEST_WORKERS processes (pytest-xdist, a test
## database each), then the browser journeys (marker e2e) across E2E_WORKERS (a browser, a live server and
## a database each; most of a journey's time is waiting on the browser). tests/test_tiers.py holds the two
## tiers to every collected test. PYTEST_ARGS narrows both (exit 5, "no tests here", passes a tier).
TEST_WORKERS ?= auto
E2E_WORKERS ?= 2
## Python may write its bytecode while the suite runs (the Dockerfile sets PYTHONDONTWRITEBYTECODE for the
## image): every pytest process imports and collects the whole suite, and without the .pyc files (and pytest's
## rewritten test modules beside them, in the gitignored __pycache__) each one compiled ~500 modules afresh,
## about 15 s of CPU per process; the first tier's workers write them once and every later process reads them.
test: export PYTHONDONTWRITEBYTECODE :=
PYTEST := DATABASE_URL=$(DATABASE_URL_TEST) REDIS_URL=$(REDIS_URL_TEST) $(BIN)/python -m pytest -p no:cacheprovider --durations=25
TEST_TIER_1 := -m "not e2e" -n $(TEST_WORKERS) --dist loadgroup
TEST_TIER_2 := -m e2e -n $(E2E_WORKERS) --dist loadgroup
test: check-services node_modules/.installed
	DATABASE_URL=$(DATABASE_URL_TEST) REDIS_URL=$(REDIS_URL_TEST) $(BIN)/python manage.py makemigrations --check --dry-run --settings=config.settings.test
	$(PYTEST) $(TEST_TIER_1) $(PYTEST_ARGS) || [ $$? -eq 5 ]
	$(PYTEST) $(TEST_TIER_2) $(PYTEST_ARGS) || [ $$? -eq 5 ]

## make backup [BACKUP_FILE=...]: pg_dump -Fc of the DATABASE_URL database (default backups/<db>-<time>.dump)
backup: $(STAMP)
	$(BIN)/python -m config.backup backup $(if $(BACKUP_FILE),--file "$(BACKUP_FILE)")

## make restore BACKUP_FILE=... RESTORE_DATABASE=name: pg_restore into a new database on the DATABASE_URL server
restore: $(STAMP)
	$(BIN)/python -m config.backup restore --file "$(BACKUP_FILE)" --database "$(RESTORE_DATABASE)"

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy .

## make bench: the performance benchmark (issue 9) in its own database resolve_bench; writes bench/results.*
## (BENCH_ARGS="--scale 10000000" for a larger force). make bench-small: a few seconds, run in CI.
bench: $(STAMP)
	$(BIN)/python -m bench $(BENCH_ARGS)

bench-small: $(STAMP)
	$(BIN)/python -m bench --small --db resolve_bench_small --out test-artifacts/bench-small $(BENCH_ARGS)

clean:
	rm -rf $(VENV) db.sqlite3 staticfiles test-artifacts node_modules
