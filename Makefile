# The two commands a newcomer needs: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# The development server and demo data run with DEBUG on; production never does.
RUN_ENV := DEBUG=$${DEBUG:-true}

.PHONY: run test install migrate demo lint format fuzz clean serve backup restore loadtest

$(BIN)/.installed: requirements.txt
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed (found " + sys.version.split()[0] + "). Try: make PYTHON=python3.11 ...")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	@touch $@

install: $(BIN)/.installed

migrate: install
	$(RUN_ENV) $(BIN)/python manage.py migrate --noinput

demo: migrate
	$(RUN_ENV) $(BIN)/python manage.py load_demo

run: demo
	@echo "Serving on http://127.0.0.1:8000 (admin at /admin/; create a login with: $(BIN)/python manage.py createsuperuser)"
	$(RUN_ENV) $(BIN)/python manage.py runserver 127.0.0.1:8000

# One test process per core (pytest-xdist; each gets its own test database).
# PYTEST_WORKERS=0 runs everything in one process.
test: install
	$(BIN)/pytest -n $${PYTEST_WORKERS:-auto} $(PYTEST_ARGS)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	DEBUG=true $(BIN)/python manage.py makemigrations --check --dry-run

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .ruff_cache

# Real-browser tests (Chromium from apt: apt-get install -y chromium). Not part of `make test`.
.PHONY: test-browser
$(BIN)/.browser-installed: requirements-browser.txt $(BIN)/.installed
	$(BIN)/python -m pip install --quiet -r requirements-browser.txt
	@touch $@

test-browser: $(BIN)/.browser-installed
	REQUIRE_BROWSER=1 $(BIN)/pytest tests/browser -m browser $(PYTEST_ARGS)

# Production-style serving: settings come from the environment (DEBUG off), see README.
serve: install
	$(BIN)/python manage.py collectstatic --noinput
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/gunicorn trialfinder.wsgi --bind $${BIND:-127.0.0.1:8000} --workers $${WEB_CONCURRENCY:-4} --access-logfile - --timeout 30

# The hostile-input tests with many more examples (the "fuzz" Hypothesis profile).
fuzz: install
	HYPOTHESIS_PROFILE=fuzz $(BIN)/pytest tests/test_fuzz.py -p no:randomly $(PYTEST_ARGS)

# Backups: PostgreSQL custom-format dump (pg_dump -Fc), or dumpdata JSON for SQLite.
backup: install
	ops/backup.sh $${BACKUP_FILE:-backups/trialfinder-$$(date +%Y%m%d-%H%M%S)}

restore: install
	ops/restore.sh $(BACKUP_FILE)

# 64 clients for 60 s against a server already running on 127.0.0.1 (see loadtest/README.md).
loadtest: install
	$(BIN)/python loadtest/run.py --url $${LOADTEST_URL:-http://127.0.0.1:8000} --clients $${CLIENTS:-64} --seconds $${SECONDS_:-60} --think $${THINK:-3} --seed $${SEED:-1}
