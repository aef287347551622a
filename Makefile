# houqin: the two commands are `make run` and `make test` (README.md).
SHELL := /bin/bash
.DEFAULT_GOAL := run
JOBS ?= $(shell nproc)
DEMO_DB ?= data/demo.db
LISTEN ?= 127.0.0.1:8080
FUZZ_SECONDS ?= 60
FUZZ_SMOKE_SECONDS ?= 3

.PHONY: run test test-checks deps web web-deps build build-debug unit-test web-test api-test api-test-sqlite api-test-postgresql \
        e2e-test bench lint format-check clean

## run: install what is missing, build server and web UI, create the demo database, serve on http://127.0.0.1:8080
run: deps build web
	@mkdir -p data
	@if [ ! -f $(DEMO_DB) ]; then build/houqin seed-demo --call-centre --db sqlite:$(DEMO_DB); fi
	@echo "houqin: http://$(LISTEN)  (demo accounts in README.md)"
	exec build/houqin serve --db sqlite:$(DEMO_DB) --listen $(LISTEN) --web-dir web/dist

## test: every test — unit (sanitized build), web unit, API on SQLite and PostgreSQL, browser (Chromium); the release
## build that `make run` serves is compiled too, so an optimiser-only warning (-Werror) cannot slip through, and the
## browser suite drives it. Each stage's time is printed.
TEST_STAGES := build-debug build web test-checks fuzz-smoke unit-test web-test api-test reliability-test e2e-test
# Each stage is a make of its own (TEST_BUILT=1: the builds are stages before it, so a suite does not build again).
test: deps
	@started=$$(date +%s); \
	for stage in $(TEST_STAGES); do \
	  begun=$$(date +%s); \
	  $(MAKE) --no-print-directory TEST_BUILT=1 $$stage || { \
	    echo "make test: $$stage FAILED after $$(( $$(date +%s) - begun )) s"; exit 1; }; \
	  echo "make test: $$stage took $$(( $$(date +%s) - begun )) s"; \
	done; \
	echo "make test: all suites passed in $$(( $$(date +%s) - started )) s"

# What a suite builds first when run alone; nothing inside `make test`, whose build stages come first.
DEBUG_BUILT := $(if $(TEST_BUILT),,build-debug)
RELEASE_BUILT := $(if $(TEST_BUILT),,build)
WEB_BUILT := $(if $(TEST_BUILT),,web)

deps:
	@bash scripts/install-deps.sh

## test-checks: the code's format and the web's lint rules (format-check); the tests themselves are checked: no written
## year, no real clock (scripts/check-test-clock.sh); the server's include edges are the declared ones
## (scripts/check-deps.py, docs/architecture.md); and each check can fail (its self-test plants each kind of fault);
## the web's API types are what the server's schemas give (scripts/gen-api-types.mjs regenerates
## web/src/api/generated/schemas.ts from `houqin openapi` of the release build and compares, issue 10)
test-checks: format-check $(RELEASE_BUILT)
	bash scripts/tests/check-test-clock-selftest.sh
	bash scripts/check-test-clock.sh
	bash scripts/tests/check-deps-selftest.sh
	python3 scripts/check-deps.py
	node scripts/gen-api-types.mjs --bin build/release/houqin --check

web-deps:
	@cd web && if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then npm ci --no-audit --no-fund; fi

web: web-deps
	cd web && npm run build

build:
	cmake --preset release >/dev/null
	cmake --build --preset release -j $(JOBS)
	@cp build/release/houqin build/houqin

build-debug:
	cmake --preset debug >/dev/null
	cmake --build --preset debug -j $(JOBS)

# One process for all the unit tests (about 20 s): ctest started the sanitized binary once per test, 420 times, and
# took four minutes. ctest in build/debug still runs them one by one.
unit-test: $(DEBUG_BUILT)
	cd build/debug && ./houqin_unit_tests --gtest_brief=1

web-test: web-deps
	cd web && npm run test:unit

api-test: api-test-sqlite api-test-postgresql

api-test-sqlite: $(DEBUG_BUILT)
	ENGINE=sqlite HOUQIN_BIN=build/debug/houqin bash server/tests/api/run.sh

## reliability-test: backup and restore on both engines and across them, and the short crash run (5 SIGKILLs on
## SQLite, 3 on PostgreSQL) on the release build; the full crash runs and the soak are scripts (docs/reliability.md)
.PHONY: reliability-test
reliability-test: $(RELEASE_BUILT)
	HOUQIN_BIN=build/houqin bash scripts/reliability-test.sh

# A throwaway PostgreSQL cluster is started for the suite and stopped whatever the result; the unit tests that need a
# PostgreSQL server (they skip without HOUQIN_PG_URL) run against it first, sanitized. The API suite on PostgreSQL
# drives the release build: the same requests run under AddressSanitizer and UBSan on SQLite just before, and the
# sanitized server took twice as long here (6 minutes against 3), which make test's 45 minutes cannot spare.
api-test-postgresql: $(DEBUG_BUILT) $(RELEASE_BUILT)
	@url=$$(bash scripts/pg-test.sh start) && \
	  HOUQIN_PG_URL=$$url build/debug/houqin_unit_tests --gtest_filter='DatabaseTest.*Postgresql*:QueryPlanPostgresqlTest.*' --gtest_brief=1 && \
	  ENGINE=postgresql HOUQIN_PG_URL=$$url HOUQIN_BIN=build/houqin bash server/tests/api/run.sh; \
	  status=$$?; bash scripts/pg-test.sh stop; exit $$status

# Every browser file on SQLite, then the PostgreSQL scenarios on a throwaway cluster of their own (build/pg-e2e, so a
# cluster of api-test-postgresql is left alone), stopped whatever the result. The browser drives the release build,
# the server `make run` serves (the unit and API suites run the sanitized debug build).
e2e-test: $(RELEASE_BUILT) $(WEB_BUILT)
	@url=$$(PG_TEST_DIR=$(CURDIR)/build/pg-e2e bash scripts/pg-test.sh start) && \
	  E2E_PG_URL=$$url HOUQIN_BIN=build/houqin bash web/tests/e2e/run.sh; \
	  status=$$?; PG_TEST_DIR=$(CURDIR)/build/pg-e2e bash scripts/pg-test.sh stop; exit $$status

## bench: 100,000 vendors, wrk against the API and nginx on a static file of the same size (docs/performance.md)
bench: deps build
	bash bench/api.sh

## bench-app: the whole application on a county (`houqin seed-scale`; BENCH_SCALE, BENCH_YEARS): each page's main request
## under wrk as the administrator, a town's office, leadership, a department and a vendor, the PDF and Excel reports of a
## town and a year, the common writes with the audit chain per second, the daily rules job; on SQLite, on PostgreSQL, and
## two instances on PostgreSQL behind nginx (BENCH_ENGINES). BENCH_APP_DB=FILE keeps the seeded county for the next run
## (issue 15, docs/performance.md)
.PHONY: bench-app
bench-app: deps build
	HOUQIN_BIN=build/houqin bash bench/app.sh

## bench-attendance: a year of attendance for 2,000 people (about 1.4 million punches) imported through the API,
## against the sqlite3 command line's .import of the same files, then a year of staffing compliance (docs/performance.md)
.PHONY: bench-attendance
bench-attendance: deps build
	HOUQIN_BIN=build/houqin node bench/attendance.mjs

## bench-import: a month of Asterisk call records for 200 agents (5 million rows, about 1 GB; BENCH_ROWS) imported by
## `houqin import-calls` into the demo's call centre with 200 agents and the month scored by `houqin score-calls`,
## against the sqlite3 command line's .import and DuckDB's read_csv of the same file with the same per-agent GROUP BY;
## then a 1-million-row .xlsx (BENCH_XLSX_ROWS) for the streaming reader's memory; with BENCH_PG_URL, houqin on
## PostgreSQL too (CC-8; docs/performance.md). The files are generated once into build/bench-import/.
.PHONY: bench-import
bench-import: deps build
	HOUQIN_BIN=build/houqin node bench/import.mjs

## mutants: change each comparison in the rules in turn and list the changes no test notices (docs/testing.md,
## "Mutation check"); minutes on two cores, so not part of `make test`
.PHONY: mutants
mutants:
	bash scripts/mutants.sh

## fuzz: every libFuzzer target (server/fuzz, built with clang in build/fuzz) for FUZZ_SECONDS each (default 60), from
## its seed corpus; fails on a crash, a sanitizer report or a failed property (docs/reliability.md, "Fuzzing")
.PHONY: fuzz fuzz-build fuzz-smoke
fuzz: deps fuzz-build
	FUZZ_SECONDS=$(FUZZ_SECONDS) bash server/fuzz/run.sh

fuzz-build:
	cmake --preset fuzz >/dev/null
	cmake --build --preset fuzz -j $(JOBS)

## fuzz-smoke: the same targets for FUZZ_SMOKE_SECONDS each (default 3), in `make test`
fuzz-smoke: fuzz-build
	FUZZ_SECONDS=$(FUZZ_SMOKE_SECONDS) bash server/fuzz/run.sh

## lint: test-checks and format-check, the web's types (vue-tsc), then clang-tidy over the server but its unit tests
## (.clang-tidy; scripts/clang-tidy.sh, about 4 minutes on two cores). `make test` runs all of it but clang-tidy, which
## would add those minutes to a run already near its 45; the web's types are checked by its build (`npm run build`).
lint: test-checks web-deps
	cd web && npm run typecheck
	JOBS=$(JOBS) bash scripts/clang-tidy.sh

## format-check: the server's format (clang-format) and the web's lint rules and format (ESLint, Prettier); part of
## test-checks, so `make test` fails on either (about 40 s)
format-check: web-deps
	clang-format --dry-run --Werror $$(git ls-files 'server/src/*.cpp' 'server/src/*.h')
	cd web && npm run lint

clean:
	rm -rf build web/dist
