# The two commands a new user needs: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

# Tests run with production settings (DEBUG off); these two values make that possible.
TEST_ENV := DJANGO_SECRET_KEY=test-only-secret-key DJANGO_ALLOWED_HOSTS=localhost,testserver
DEV_ENV := DJANGO_DEBUG=1
# `check --deploy` looks at production as it is served: no debug, HTTPS on, a long
# random key (this one is only ever used by the check) and a real host name.
DEPLOY_CHECK_ENV := DJANGO_DEBUG= DJANGO_HTTPS= DJANGO_SECURE_COOKIES= \
	DJANGO_SECRET_KEY=check-deploy-only-Vq3fT9xLm2RkW8sZp4NcYh7JdB6gUe1aKo5wPz \
	DJANGO_ALLOWED_HOSTS=press.example.org

.PHONY: run test test-browser screenshots serve bench soak install install-checks lint format demo superuser messages clean

run: install ## Install, migrate, load the demo content and serve on http://127.0.0.1:8000
	$(DEV_ENV) $(BIN)/python manage.py migrate --no-input
	$(DEV_ENV) $(BIN)/python manage.py load_demo
	$(DEV_ENV) $(BIN)/python manage.py runserver $(HOST):$(PORT)

test: install install-checks ## Lint, check, then run the whole test suite (DATABASE_URL picks the database)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	$(TEST_ENV) $(BIN)/python manage.py check --fail-level WARNING
	$(DEPLOY_CHECK_ENV) $(BIN)/python manage.py check --deploy --fail-level WARNING
	$(TEST_ENV) $(BIN)/python manage.py makemigrations --check --dry-run
	$(TEST_ENV) $(BIN)/python -m pytest $(PYTEST_ARGS)

# Only the browser suite (tests/browser/): the journey, axe-core, the keyboard and the
# Nu HTML Checker. Failure screenshots land in test-artifacts/browser/.
test-browser: install install-checks ## Run only the browser suite (Chromium, axe-core, vnu)
	$(TEST_ENV) $(BIN)/python -m pytest tests/browser $(PYTEST_ARGS)

# Every public page type at 390 and 1280 px in both languages, and the admin's main
# pages, from the demo content in a throwaway SQLite database (docs/screenshots/).
# SCREENSHOT_PORT=8810 picks the server's port (a free one otherwise).
screenshots: install ## Write the screenshots in docs/screenshots/ (headless Chromium)
	$(BIN)/python docs/screenshots/make.py $(if $(SCREENSHOT_PORT),--port $(SCREENSHOT_PORT))

# Production settings on this machine: no DJANGO_DEBUG, gunicorn with deploy/gunicorn.conf.py.
# A key and hosts from the environment win; without them, a throwaway key (sessions end
# with the server) and localhost. Cookies are not Secure unless DJANGO_SECURE_COOKIES=1,
# because this serves plain http.
serve: install ## Production settings: migrate, collect static files, gunicorn on http://127.0.0.1:8000
	@set -e; unset DJANGO_DEBUG; \
	if [ -z "$$DJANGO_SECRET_KEY" ]; then \
	  DJANGO_SECRET_KEY="$$($(BIN)/python -c 'import secrets; print(secrets.token_urlsafe(50))')"; \
	  echo "make serve: DJANGO_SECRET_KEY is not set: using a throwaway key for this run (sessions end when the server stops)."; \
	fi; \
	if [ -z "$$DJANGO_ALLOWED_HOSTS" ]; then \
	  DJANGO_ALLOWED_HOSTS=localhost,127.0.0.1; \
	  echo "make serve: DJANGO_ALLOWED_HOSTS is not set: serving localhost,127.0.0.1."; \
	fi; \
	export DJANGO_SECRET_KEY DJANGO_ALLOWED_HOSTS DJANGO_HTTPS="$${DJANGO_HTTPS:-0}"; \
	$(BIN)/python manage.py migrate --no-input; \
	$(BIN)/python manage.py collectstatic --no-input -v 0; \
	echo "make serve: http://$(HOST):$(PORT)/ (production settings; Ctrl-C stops it)"; \
	exec $(BIN)/gunicorn presscenter.wsgi -c deploy/gunicorn.conf.py --bind $(HOST):$(PORT)

# The serving benchmark (bench/README.md): needs PostgreSQL, Redis, wrk and nginx here.
# BENCH_SIZES="1000 100000" make bench picks other archive sizes.
bench: install ## Serving benchmark at 1,000, 100,000 and 1,000,000 news items (about 16 minutes)
	bench/run.sh $(BENCH_SIZES)

soak: install ## 64 connections for 5 minutes against the production server: no error, flat memory
	bench/soak.sh

install: $(VENV)/.installed

# The test-only tools from the npm registry (package-lock.json): axe-core and vnu.jar.
# Reinstalled when the lock file changes; install scripts are never run (vnu-jar's
# would try to download a Java runtime: the system's Java runs it).
install-checks: node_modules/.installed

node_modules/.installed: package-lock.json
	@command -v npm >/dev/null || { echo "npm is missing: install Node.js 18+ with npm (Debian: apt-get install nodejs npm)"; exit 1; }
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $@

$(VENV)/.installed: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

demo: install ## Load (or refresh) the demo content without serving
	$(DEV_ENV) $(BIN)/python manage.py migrate --no-input
	$(DEV_ENV) $(BIN)/python manage.py load_demo

superuser: install ## Create an admin account for /admin/
	$(DEV_ENV) $(BIN)/python manage.py createsuperuser

messages: install ## Re-extract and compile the interface translations
	$(DEV_ENV) $(BIN)/python manage.py makemessages -l ru --ignore=.venv --ignore=tests --ignore=bench --no-obsolete
	$(DEV_ENV) $(BIN)/python manage.py compilemessages --ignore=.venv

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

clean:
	rm -rf $(VENV) node_modules staticfiles .pytest_cache .ruff_cache *.egg-info test-artifacts
