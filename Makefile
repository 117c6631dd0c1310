# The two promises of the README: `make run` and `make test`, on a fresh machine.
VENV    ?= .venv
PY      := $(VENV)/bin/python
UV      := $(VENV)/bin/uv
SUDO    := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: run test lint bench bench-load install install-test debian-test clean

run: install
	$(VENV)/bin/graphmap serve --seed --demo

# Two processes, each with its own embedded store; one against a Neo4j server (one graph).
# The installs run side by side (Python packages, npm packages, Debian packages): on a fresh
# machine each mostly waits for its downloads.
test:
	$(MAKE) -j3 -Otarget install-test
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/pytest $(if $(NEO4J_URI),,-n 2)

lint: install-test
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

bench: install-test
	$(VENV)/bin/python -m bench --zones 4,15,60

# 20 signed-in clients for 30 s against `graphmap serve` (waitress): bench/results/load.json.
bench-load: install-test
	$(VENV)/bin/python -m bench.load

install: $(VENV)/.installed /usr/bin/dot

install-test: $(VENV)/.installed-test node_modules/.installed debian-test

# uv installs what pip would, in a fifth of the time (about 25 s against 105 s here, cold).
$(VENV)/.installed: pyproject.toml
	python3 -m venv $(VENV)
	$(PY) -m pip install -q uv
	$(UV) pip install -q --python $(PY) -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed
	$(UV) pip install -q --python $(PY) -e '.[test,bench]'
	touch $@

# Neo4j's own Cypher linter and dclint, used by the tests.
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

# A real browser for the dashboard tests (dash[testing] drives it through chromedriver) and
# graphviz, whichever is missing, in one apt-get (one `apt-get update`, 10-20 s on a fresh
# machine; and never two apt-gets at once, which the package lock would refuse).
debian-test:
	@missing=""; \
	[ -x /usr/bin/chromedriver ] || missing="chromium chromium-driver"; \
	[ -x /usr/bin/dot ] || missing="$$missing graphviz"; \
	if [ -n "$$missing" ]; then \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi

# Graphviz's `dot` draws the zone's network in the zorgraad report (clusters as nested boxes).
/usr/bin/dot:
	$(SUDO) apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq graphviz

clean:
	rm -rf $(VENV) node_modules .graphmap bench/results tests/screenshots
