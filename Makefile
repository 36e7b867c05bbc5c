# Wegweiser: build the site, serve it, test it, measure it.
# Every target installs what it needs on a fresh Debian machine.

SWIFT ?= swift
PYTHON ?= python3
CONTENT ?= content
TEMPLATES ?= templates
OUTPUT ?= public
# The tool as the site is built with: optimised, and with Swift's runtime and
# Foundation linked in (no 50 shared libraries to load at each start, and
# calls into the runtime without indirection: a tenth less time for a
# county's site). Linking Foundation in needs libcurl's headers (make deps).
RELEASE = -c release --static-swift-stdlib
RELEASE_BIN = .build/release/wegweiser
DEBUG_BIN = .build/debug/wegweiser
# German word list the search splits compounds with (Debian's wngerman).
DICTIONARY ?= /usr/share/dict/ngerman
# CI: `make site BASE_URL=https://…/` publishes under another address than
# site.yml's base_url; `make check CHECK_FLAGS="--format gitlab" REPORT=file.json`
# writes the check's report to a file.
BASE_URL ?=
CHECK_FLAGS ?=
REPORT ?=
# apt-get needs root: sudo where we are not (a CI runner, a workstation).
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: site serve check test test-swift test-js test-cli test-browser test-ci bench bench-search deps clean

## make site: build the tool (release) and the site into public/
site: deps
	$(SWIFT) build $(RELEASE) --product wegweiser
	$(RELEASE_BIN) build --content $(CONTENT) --templates $(TEMPLATES) --output $(OUTPUT) --dictionary $(DICTIONARY) $(if $(BASE_URL),--base-url "$(BASE_URL)")

## make serve: build into memory, serve on http://127.0.0.1:8080, rebuild on change (public/ is not touched)
serve: deps
	$(SWIFT) build $(RELEASE) --product wegweiser
	$(RELEASE_BIN) serve --content $(CONTENT) --templates $(TEMPLATES) --dictionary $(DICTIONARY)

## make check: validate the content only
check: deps
	$(SWIFT) build $(RELEASE) --product wegweiser
	$(RELEASE_BIN) check --content $(CONTENT) $(CHECK_FLAGS) $(if $(REPORT),> "$(REPORT)")

## make test: every test (Swift, search script, command line, browser, CI files)
test: test-swift test-js test-cli test-browser test-ci

test-swift: deps
	$(SWIFT) build
	$(SWIFT) test

test-js:
	@if [ -d Tests/search-js ]; then node --test Tests/search-js/; else echo "no search-js tests"; fi

test-cli: deps
	bash Tests/browser/install-deps.sh
	$(SWIFT) build --product wegweiser
	WEGWEISER_BIN=$(DEBUG_BIN) $(PYTHON) -m pytest Tests/cli -q

test-browser: deps
	bash Tests/browser/install-deps.sh
	$(SWIFT) build --product wegweiser
	WEGWEISER_BIN=$(DEBUG_BIN) $(PYTHON) -m pytest Tests/browser -q

## test-ci: both CI files against SchemaStore's schemas, the workflow audited
## by zizmor, and the CI files' commands run in a fresh clone
test-ci: deps
	bash Tests/ci/install-deps.sh
	$(SWIFT) build $(RELEASE) --product wegweiser
	$(PYTHON) -m pytest Tests/ci -q

## make bench: build time, CPU and memory against Hugo on generated content
## (SIZES=1000,10000,50000 RUNS=3 SERVE_RUNS=5 SERVE=0 to skip serve, BENCH_DIR=/dev/shm
## for a tmpfs), and edit-to-served latency
bench: deps
	@command -v hugo >/dev/null 2>&1 || { \
		echo "Installing hugo (apt-get)…"; \
		$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends hugo >/dev/null; }
	$(SWIFT) build $(RELEASE) --product wegweiser
	$(PYTHON) bench/build/run.py --bin $(RELEASE_BIN) --dictionary $(DICTIONARY)

## make bench-search: search index size, query time and quality against Pagefind and lunr
bench-search: deps
	bash bench/search/run.sh

## deps: from Debian, what is missing of: libcmark (the Markdown renderer),
## libyaml (the front matter's parser), mimalloc (the allocator the tool is
## linked with), libcurl's headers (for linking Foundation in), pkg-config,
## and wngerman (the search's word list)
deps:
	@missing=""; \
	pkg-config --exists libcmark 2>/dev/null || missing="$$missing libcmark-dev"; \
	pkg-config --exists yaml-0.1 2>/dev/null || missing="$$missing libyaml-dev"; \
	pkg-config --exists libcurl 2>/dev/null || missing="$$missing libcurl4-openssl-dev"; \
	command -v pkg-config >/dev/null 2>&1 || missing="$$missing pkg-config"; \
	ls /usr/lib/*/libmimalloc.so /usr/lib/libmimalloc.so 2>/dev/null | grep -q . || missing="$$missing libmimalloc-dev"; \
	if [ "$(DICTIONARY)" = /usr/share/dict/ngerman ] && [ ! -f /usr/share/dict/ngerman ]; then missing="$$missing wngerman"; fi; \
	if [ -n "$$missing" ]; then \
		echo "Installing$$missing (apt-get)…"; \
		$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	fi

clean:
	rm -rf .build
	find $(OUTPUT) -mindepth 1 ! -name .gitkeep -delete
