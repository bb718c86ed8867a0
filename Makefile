# Two commands do all the set-up: `make run` starts the app, `make test` runs every test.
# Both create .venv and install what they need the first time.
VENV ?= .venv
PY := $(VENV)/bin/python
PORT ?= 8501
REPLICAS ?= 2
CLUSTER_PORT ?= 8500

.PHONY: run test check audit browser fonts services cluster cluster-stop lock clean

# Installs exactly the locked versions (requirements-dev.txt holds the runtime lock's pins too), checked by hash.
$(VENV)/.installed: requirements.txt requirements-dev.txt
	python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --require-hashes -r requirements-dev.txt
	touch $@

# Refresh the locks from requirements.in and requirements-dev.in (newest versions their ranges allow).
COMPILE = $(VENV)/bin/pip-compile --quiet --generate-hashes --strip-extras --allow-unsafe --no-emit-index-url \
	--no-emit-find-links --upgrade
lock: $(VENV)/.installed
	$(COMPILE) --output-file=requirements.txt requirements.in
	$(COMPILE) --output-file=requirements-dev.txt requirements-dev.in

run: $(VENV)/.installed fonts
	$(PY) serve.py --server.port $(PORT)

# Chromium comes from Debian's package; installed here when missing and we may (root).
browser: fonts
	@command -v chromium >/dev/null 2>&1 || [ -n "$$CHROMIUM_PATH" ] || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-dejavu-core >/dev/null; \
	  else echo "Chromium not found and cannot install it: browser tests will skip"; fi; }

# A Korean font (fonts-nanum, SIL OFL) from Debian's package: pages and the summary PDF in Korean need it.
fonts:
	@[ -f /usr/share/fonts/truetype/nanum/NanumGothic.ttf ] || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-nanum >/dev/null; \
	  else echo "fonts-nanum not found and cannot install it: Korean text will show as boxes or '?'"; fi; }

# redis-server (the live rooms' Redis store) and haproxy (the cluster), for `make cluster` and their tests;
# installed the same way.
services:
	@missing=""; \
	command -v redis-server >/dev/null 2>&1 || missing="$$missing redis-server"; \
	command -v haproxy >/dev/null 2>&1 || [ -x /usr/sbin/haproxy ] || missing="$$missing haproxy"; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	  else echo "not found and cannot install:$$missing; the tests that need them will skip"; fi; \
	fi

# Redis, $(REPLICAS) replicas and HAProxy on http://127.0.0.1:$(CLUSTER_PORT) (deploy/README.md); their pids and logs
# go to .cluster/, and cluster-stop stops exactly those processes.
cluster: $(VENV)/.installed services
	REPLICAS=$(REPLICAS) CLUSTER_PORT=$(CLUSTER_PORT) $(PY) -m deploy.cluster start --state .cluster

cluster-stop:
	$(PY) -m deploy.cluster stop --state .cluster

check: $(VENV)/.installed
	$(PY) -m knowledge check
	$(PY) scripts/translation_report.py
	$(VENV)/bin/ruff check .

test: $(VENV)/.installed browser services check
	$(PY) -m pytest

# Needs PyPI's vulnerability API (not reachable from every network).
audit: $(VENV)/.installed
	$(PY) -m pip install --quiet pip-audit
	$(VENV)/bin/pip-audit --require-hashes -r requirements.txt

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .hypothesis test-artifacts .cluster
