# handbook: two commands do everything on a fresh machine.
#   make site   install, validate the data, build the website and the PDF into site/
#   make test   install, then run the whole test suite
# Other targets: validate, serve, pdf, schema, bench (QUICK=1), publish (PUSH=1), clean.

SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
BIN := $(VENV)/bin
DATA ?= data
# Debian packages the build and the tests need: the Noto fonts embedded in the PDF (core: Latin,
# Greek, Cyrillic, Hebrew, Arabic, Indic scripts, symbols; cjk: Chinese, Japanese, Korean),
# Graphviz for the organisation chart, poppler for reading PDFs in tests, Chromium for browser tests.
SYSTEM_PACKAGES := fonts-noto-core fonts-noto-cjk fontconfig graphviz poppler-utils chromium git

.PHONY: site test validate serve pdf schema bench publish clean system venv npm

site: venv system
	$(BIN)/handbook validate --data $(DATA)
	$(BIN)/handbook build --data $(DATA)

test: venv system npm
	NO_MKDOCS_2_WARNING=1 $(BIN)/pytest -q

validate: venv
	$(BIN)/handbook validate --data $(DATA)

# ProperDocs on the project's own mkdocs.yml: its hooks write the pages from data/ on every rebuild.
serve: venv system
	NO_MKDOCS_2_WARNING=1 DISABLE_MKDOCS_2_WARNING=true $(BIN)/properdocs serve -f mkdocs.yml -a 127.0.0.1:8000 --dirty

pdf: venv system
	$(BIN)/handbook pdf --data $(DATA)

schema: venv
	$(BIN)/handbook schema

bench: venv system
	NO_MKDOCS_2_WARNING=1 $(PY) -m bench.run $(if $(QUICK),--quick,)

publish: venv system
	$(BIN)/handbook publish --data $(DATA) $(if $(PUSH),--push,) $(if $(MIKE),--with-mike,)

# The virtual environment is rebuilt when the pins change.
venv: $(VENV)/.installed
$(VENV)/.installed: requirements.txt pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install -q --disable-pip-version-check -r requirements.txt
	$(PY) -m pip install -q --disable-pip-version-check --no-deps -e .
	$(PY) -m compileall -q handbook  # an editable install has no bytecode, and PYTHONDONTWRITEBYTECODE may stop Python writing it
	touch $@

# Installs only what is missing, so repeated runs cost a dpkg query.
system:
	@missing=$$(for p in $(SYSTEM_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "Installing system packages:" $$missing; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing >/dev/null; \
	fi

npm: node_modules/.installed
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --silent
	touch $@

clean:
	rm -rf site site.* .venv node_modules docs/services docs/schools docs/downloads docs/pdf docs/generated .bench
