# Descent's two commands: `make serve` builds the lab and serves it; `make test` runs every
# test. Both install what they lack (see the README's "What the commands install").

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c

WASM_TARGET := wasm32-unknown-unknown
# The wasm-bindgen CLI must match the crate exactly; read the version from the lockfile.
WASM_BINDGEN_VERSION = $(shell sed -n '/^name = "wasm-bindgen"$$/{n;s/^version = "\(.*\)"$$/\1/p;q;}' Cargo.lock)
# Cargo's target folder, as cargo itself resolves it (CARGO_TARGET_DIR, CARGO_BUILD_TARGET_DIR,
# build.target-dir in a config file, else ./target); read once, when a recipe needs it.
TARGET_DIR = $(eval TARGET_DIR := $$(or $$(shell cargo metadata --format-version 1 --no-deps --offline \
  | sed -n 's/.*"target_directory":"\([^"]*\)".*/\1/p'),target))$(TARGET_DIR)
WASM_FILE = $(TARGET_DIR)/$(WASM_TARGET)/release/descent.wasm
PKG := www/pkg
DIST := dist
PORT ?= 8000
# 127.0.0.1 serves this machine only; HOST=0.0.0.0 serves every device on the network.
HOST ?= 127.0.0.1
CARGO_BIN := $(HOME)/.cargo/bin
export PATH := $(CARGO_BIN):$(PATH)
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD := 1

.PHONY: serve test wasm dist e2e tools-test lint native bench wasm-target wasm-bindgen-cli chromium npm-tools wasm-path

## serve: build the wasm in release mode and serve www/ on http://$(HOST):$(PORT)
## (`make serve HOST=0.0.0.0` for a classroom: it prints the addresses students type)
serve: wasm
	node tools/serve.mjs --host $(HOST) --port $(PORT)

## test: format, clippy (native and wasm32), native tests, wasm build, browser tests
test: lint native wasm tools-test e2e

lint: wasm-target
	cargo fmt --check
	cargo clippy --all-targets -- -D warnings
	cargo clippy --lib --target $(WASM_TARGET) -- -D warnings

native:
	cargo test --all-targets
	cargo test --doc

wasm: wasm-target wasm-bindgen-cli
	cargo build --lib --release --target $(WASM_TARGET)
	wasm-bindgen --target web --no-typescript --remove-name-section --remove-producers-section --out-dir $(PKG) $(WASM_FILE)
	node tools/precompress.mjs $(PKG)/descent_bg.wasm $(PKG)/descent.js

## dist: a self-contained static folder for any web host, with .gz and .br siblings
dist: wasm
	node tools/dist.mjs --out $(DIST)

## wasm-path: where `make wasm` reads the release wasm from (follows CARGO_TARGET_DIR)
wasm-path:
	@echo $(WASM_FILE)

e2e: wasm chromium npm-tools
	npm run --silent e2e

## tools-test: the server's answers to hostile requests and the Makefile's paths (no browser)
tools-test:
	npm run --silent tools-test

## bench: criterion on the core's hot paths, then the browser benches (frames at N = 1,000 to
## 1,000,000, the race, the landscape, first load, memory over 10,000 frames, ConvNetJS side by
## side), printed as one table with the machine and the browser (several minutes)
bench: wasm chromium npm-tools
	rm -f target/bench-browser.jsonl
	cargo bench --bench optimizers --bench kernels -- --warm-up-time 1 --measurement-time 3
	for n in 1000 10000 100000 1000000; do node tests/bench/lab-frame.mjs --points $$n --frames 100; done
	node tests/bench/lab-frame.mjs --confidence true --frames 100
	node tests/bench/race-frame.mjs --renders 30 --frames 300
	node tests/bench/landscape.mjs --runs 20
	node tests/bench/weight-space.mjs
	node tests/bench/first-frame.mjs
	node tests/bench/memory.mjs
	node tests/bench/budget.mjs
	node tests/bench/convnetjs.mjs
	cargo bench --bench summary

wasm-target:
	@rustup target list --installed | grep -qx $(WASM_TARGET) || rustup target add $(WASM_TARGET)

wasm-bindgen-cli:
	@test -n "$(WASM_BINDGEN_VERSION)" || { echo "Cargo.lock names no wasm-bindgen version" >&2; exit 1; }
	@if [ "$$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $(WASM_BINDGEN_VERSION)" ]; then \
	  echo "installing wasm-bindgen-cli $(WASM_BINDGEN_VERSION) (matches Cargo.lock; takes minutes)"; \
	  cargo install wasm-bindgen-cli --version $(WASM_BINDGEN_VERSION); \
	fi

chromium:
	@if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then \
	  if [ "$$(id -u)" -ne 0 ]; then \
	    echo "Chromium is missing: run 'sudo apt-get install chromium chromium-driver' and try again" >&2; exit 1; \
	  fi; \
	  echo "installing Debian's chromium and chromium-driver"; \
	  DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium chromium-driver \
	    || { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium chromium-driver; }; \
	fi

npm-tools: node_modules/.installed

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	@touch $@

## bench-browser: the classifier lab's frame budget, the loss landscape's slice and the cost of
## links, and the wasm-boundary crossings per action, in headless Chromium (figures in docs/)
.PHONY: bench-browser
bench-browser: wasm chromium npm-tools
	node tests/bench/lab-frame.mjs
	node tests/bench/lab-frame.mjs --confidence true
	node tests/bench/landscape.mjs
	node tests/bench/links.mjs
	node tests/bench/crossings.mjs

## bench-race: the optimizer race's surface re-render and frame budgets in headless Chromium
.PHONY: bench-race
bench-race: wasm chromium npm-tools
	node tests/bench/race-frame.mjs

## fuzz: every fuzz target listed in fuzz/Cargo.toml ([[bin]] names: the CSV reader, the links,
## and any target added there later) for FUZZ_SECONDS each, from its seed corpus in
## fuzz/corpus/NAME/ (new finds go to a scratch copy; crashes to fuzz/artifacts/NAME/).
## Installs the nightly toolchain and cargo-fuzz if missing; `make test` needs neither.
FUZZ_SECONDS ?= 60
.PHONY: fuzz
fuzz:
	rustup toolchain list | grep -q '^nightly' || rustup toolchain install nightly --profile minimal
	cargo +nightly fuzz --version >/dev/null 2>&1 || cargo install cargo-fuzz
	targets=$$(sed -n '/^\[\[bin\]\]/,/^name/s/^name = "\(.*\)"$$/\1/p' fuzz/Cargo.toml); \
	for target in $$targets; do \
	  work=$$(mktemp -d); cp -r fuzz/corpus/$$target/. $$work/ 2>/dev/null || true; \
	  echo "fuzz: $$target for $(FUZZ_SECONDS) s"; \
	  cargo +nightly fuzz run --fuzz-dir fuzz $$target $$work -- -max_total_time=$(FUZZ_SECONDS); \
	  rm -rf $$work; \
	done
