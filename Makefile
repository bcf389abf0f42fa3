# Pantau: the two commands a newcomer needs are `make run` and `make test`.
# Both create .venv/ with Python 3.11 and install what they need; nothing is installed by hand.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
PORT   ?= 8000
export PANTAU_VAR_DIR ?= $(CURDIR)/var

.PHONY: run test test-fast typecheck bench lint audit api-fuzz messages install install-dev system-deps translations clean

$(BIN)/python:
	$(PYTHON) -c 'import sys; assert sys.version_info[:2] == (3, 11), "Pantau needs Python 3.11"'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml $(VENV)/.installed
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

# Debian packages the tests need (Chromium for the browser tests, gettext for compilemessages,
# GNU PSPP to open the SPSS export).
system-deps:
	@bash scripts/system-deps.sh chromium:/usr/bin/chromium gettext:/usr/bin/msgfmt pspp:/usr/bin/pspp

translations: install
	PANTAU_DEBUG=1 $(BIN)/pantau compile_translations

## Run the app with demo data on the embedded SQLite database: make run [PORT=8123]
run: translations
	mkdir -p $(PANTAU_VAR_DIR)
	PANTAU_DEBUG=1 $(BIN)/pantau migrate --noinput
	PANTAU_DEBUG=1 $(BIN)/pantau demo
	@echo "\nPantau runs at http://127.0.0.1:$(PORT)/ (staff sign in at /accounts/login/). Stop with Ctrl+C."
	PANTAU_DEBUG=1 PAGE_CACHE=1 $(BIN)/pantau runserver 127.0.0.1:$(PORT)

## Run the whole test suite (unit, integration and browser tests). DATABASE_URL picks the database.
test: install-dev system-deps
	PANTAU_DEBUG=1 $(BIN)/python manage.py makemigrations --check --dry-run
	PANTAU_DEBUG=1 $(BIN)/python manage.py compilemessages --ignore=.venv --verbosity 0
	$(BIN)/ruff check .
	$(BIN)/pytest $(PYTEST_ARGS)

## Static types: mypy with the Django and DRF plugins (CI runs it; zero errors).
typecheck: install-dev
	$(BIN)/mypy pantau

## The suite without the browser journeys, for a quick loop (translations compiled without GNU
## gettext, so it works on a fresh clone).
test-fast: install-dev
	PANTAU_DEBUG=1 $(BIN)/pantau compile_translations
	$(BIN)/pytest -m "not e2e" $(PYTEST_ARGS)

## All benchmarks, printed as one table (needs wrk; installed through apt when missing).
bench: install
	@bash scripts/system-deps.sh wrk:/usr/bin/wrk
	$(BIN)/python bench/run.py $(BENCH_ARGS)

## Known vulnerabilities in the installed dependencies (pip-audit); CI runs it before the suites.
audit: install-dev
	bash scripts/audit-deps.sh

## schemathesis with every check against a live server with the demo data, with a read and a write
## token (about ten minutes; CI runs the bounded in-process run in pantau/api/tests/test_robustness.py).
api-fuzz: install-dev
	bash scripts/api-fuzz.sh

lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy pantau config

## Extract user-facing strings into locale/*/LC_MESSAGES/django.po after changing texts.
messages: install system-deps
	PANTAU_DEBUG=1 $(BIN)/python manage.py makemessages -l id --ignore=.venv --ignore=bench --ignore=tests --no-obsolete

clean:
	rm -rf $(VENV) var staticfiles
