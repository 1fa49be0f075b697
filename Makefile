# The two commands a newcomer needs: `make site` and `make test`. Each sets itself up.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
CATALOGUE ?= catalogue
SITE_DIR ?= site
export NO_MKDOCS_2_WARNING := 1

.PHONY: install lock site test test-fast validate serve serve-en clean browser bench screenshots check annotate publish edit codeowners template import export

# Browser tests drive Debian's Chromium (Playwright cannot download browsers here).
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
browser:
	@command -v chromium >/dev/null || ($(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq chromium fonts-noto-cjk)

# The virtual environment, from the pinned requirements.txt; CI workflows install with `make install` too.
install: $(VENV)/.installed node_modules/.installed
$(VENV)/.installed: requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	$(PY) -m pip install --quiet --no-deps -e .
	touch $@

# The web editor (Decap CMS) and its local git proxy, from package-lock.json; Node from Debian if missing.
node_modules/.installed: package.json package-lock.json
	@command -v npm >/dev/null || ($(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq nodejs npm)
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

# Pins the dependencies declared in pyproject.toml, and all they pull in, into requirements.txt.
# Never `pip freeze`: a frozen environment names the project itself by a path of this machine.
lock:
	$(PYTHON) -m venv .venv-lock
	.venv-lock/bin/python -m pip install --quiet pip-tools
	.venv-lock/bin/pip-compile --quiet --extra dev --strip-extras --no-emit-index-url \
	  --no-emit-find-links --no-emit-trusted-host --output-file requirements.txt pyproject.toml

validate: $(VENV)/.installed
	$(PY) scripts/validate.py $(CATALOGUE)

site: validate node_modules/.installed
	$(PY) scripts/build.py --catalogue $(CATALOGUE) --site-dir $(SITE_DIR)

serve: validate node_modules/.installed
	CATALOGUE=$(abspath $(CATALOGUE)) $(VENV)/bin/mkdocs serve --livereload --dirty

serve-en: validate
	CATALOGUE=$(abspath $(CATALOGUE)) SITE_LANG=en $(VENV)/bin/mkdocs serve --livereload --dirty

# CI on every forge (.github, .gitlab-ci.yml, .forgejo) calls these targets: its logic lives here.
# CHANGED=BASE (a pull request's base commit): CODEOWNERS may also be as BASE had it, since a
# school's pull request adds records or changes maintainers without touching it; default HEAD.
check: validate
	$(PY) scripts/fmt.py --check
	$(PY) scripts/codeowners.py --check --base $(or $(CHANGED),HEAD)

# Rewrites .github/CODEOWNERS from the data: a maintainer runs it on main after merging a new
# school, venue or a change of `maintainers:` (CI never writes to main).
codeowners: $(VENV)/.installed
	$(PY) scripts/codeowners.py

# The catalogue's problems where the forge shows them: FORMAT=github (annotations on the pull
# request), FORMAT=gitlab (Code Quality report gl-code-quality-report.json) or text.
# CHANGED=BASE (a commit) keeps warnings to the files changed since it; errors are always all shown.
FORMAT ?= text
CHANGED ?=
ANNOTATE_FLAGS := $(if $(CHANGED),--changed $(CHANGED))
annotate: $(VENV)/.installed
ifeq ($(FORMAT),gitlab)
	$(PY) scripts/validate.py --verbose $(CATALOGUE) $(ANNOTATE_FLAGS) > validate.txt; status=$$?; cat validate.txt; \
	  $(PY) scripts/codequality.py < validate.txt > gl-code-quality-report.json; exit $$status
else
	$(PY) scripts/validate.py --format $(FORMAT) $(CATALOGUE) $(ANNOTATE_FLAGS)
endif

# Uploads what changed in SITE_DIR to PUBLISH_TARGET (s3://BUCKET[/PREFIX]) at ENDPOINT_URL;
# credentials from AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY. DRY_RUN=1 prints the plan only.
publish: $(VENV)/.installed
	$(if $(PUBLISH_TARGET),,$(error set PUBLISH_TARGET=s3://BUCKET[/PREFIX] / 请设置发布目标))
	$(PY) scripts/publish.py $(SITE_DIR) $(PUBLISH_TARGET) $(if $(ENDPOINT_URL),--endpoint-url $(ENDPOINT_URL)) $(if $(DRY_RUN),--dry-run)

test: $(VENV)/.installed node_modules/.installed browser
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy
	$(PY) -m pytest -q -n 2 --dist loadfile

# The inner loop: everything that needs no site build, no browser and no long run (under a minute).
test-fast: $(VENV)/.installed node_modules/.installed
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy
	$(PY) -m pytest -q -m "not build and not browser and not slow"

# City scale against plain Material (about 15 minutes): writes bench/results.json and prints the table.
bench: $(VENV)/.installed node_modules/.installed browser
	$(PY) scripts/bench.py --json bench/results.json

# For a person to look at: a provider page at 375 and 1280 px, normal and large-text mode.
screenshots: site browser
	$(PY) scripts/screenshots.py --site site --out site-shots

# The web editor on this clone with no account: http://127.0.0.1:8000/admin/, saves become cms/… branches.
edit: site
	$(PY) scripts/edit.py --site site

# Spreadsheets for loading records in bulk (CONTRIBUTING.md section 9): empty workbooks in sheets/template/,
# the catalogue as workbooks in sheets/, and a filled workbook read into the catalogue (FILE=x.xlsx).
template: $(VENV)/.installed
	$(PY) scripts/sheets.py template --catalogue $(CATALOGUE)

export: $(VENV)/.installed
	$(PY) scripts/sheets.py export --catalogue $(CATALOGUE)

import: $(VENV)/.installed
	$(if $(FILE),,$(error set FILE=x.xlsx / 请指定要导入的表格：make import FILE=x.xlsx))
	$(PY) scripts/sheets.py import "$(FILE)" --catalogue $(CATALOGUE)

clean:
	rm -rf site .venv .pytest_cache .mypy_cache .cache
