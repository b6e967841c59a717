# MagHub: `make run` serves the demo site, `make test` runs every check CI runs.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PORT   ?= 8000
MANAGE := $(BIN)/python manage.py
# `make test DB=postgres` runs the suite on a throwaway PostgreSQL (Debian's packages); CI does.
# The tests where the cache matters run on a throwaway Redis (scripts/with-redis.sh) either way.
# Browser journeys and the PostgreSQL restart (DB=postgres only) run in a second, serial pass.
DB     ?= sqlite
WITH_DB := $(if $(filter postgres,$(DB)),./scripts/with-postgres.sh,)

.PHONY: run test install bench lint format clean search-engine search-engine-stop

$(BIN)/python:
	$(PYTHON) -m venv $(VENV) || { echo "python3 -m venv failed: on Debian, apt-get install python3-venv"; exit 1; }
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

install: $(VENV)/.installed

run: export DJANGO_SETTINGS_MODULE = maghub.settings.dev
run: install
	$(MANAGE) migrate --noinput
	$(MANAGE) load_demo --hostname 127.0.0.1 --port $(PORT)
	$(MANAGE) ensure_dev_admin
	./scripts/build-fonts.sh
	./scripts/compile-messages.sh
	$(MANAGE) collectstatic --noinput --verbosity 0
	BIND_HOST=127.0.0.1 PORT=$(PORT) $(BIN)/gunicorn -c gunicorn.conf.py maghub.wsgi

test: export DJANGO_SETTINGS_MODULE = maghub.settings.test
test: install
	./scripts/install-test-system-deps.sh
	./scripts/compile-messages.sh
	$(MANAGE) check --fail-level WARNING
	$(MANAGE) makemigrations --check --dry-run
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(WITH_DB) ./scripts/with-redis.sh sh -c '$(BIN)/pytest -n 2 --dist loadfile -m "not e2e and not postgres_restart" && $(BIN)/pytest -m "e2e or postgres_restart"'

bench: export DJANGO_SETTINGS_MODULE = maghub.settings.test
bench: install
	./scripts/install-test-system-deps.sh
	$(BIN)/pip install --quiet -e '.[test,bench]'
	$(BIN)/python -m bench

# A local OpenSearch node (one JVM, from Maven Central) on 127.0.0.1; prints its URL.
search-engine:
	./scripts/search-engine.sh start $(SEARCH_PORT)

search-engine-stop:
	./scripts/search-engine.sh stop

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

clean:
	-./scripts/search-engine.sh stop
	rm -rf $(VENV) staticfiles db.sqlite3 .cache test-artifacts .search-engine
