#!/usr/bin/env bash
# Runs every test: format and lints, native tests (unit, spec files, properties, CLI, doc tests),
# a short run of each fuzz target, component tests in headless Chromium, the release build, and
# the end-to-end browser tests.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --browser
source scripts/env.sh

# Every step's output is also kept, to count the tests that ran for the closing line.
log=$(mktemp)
trap 'rm -f "$log"' EXIT

step() {
    local name=$1
    shift
    printf '\n\033[1m== %s\033[0m\n' "$name"
    local started=$SECONDS
    "$@" 2>&1 | tee -a "$log"
    printf '\033[1m== %s: done in %ss\033[0m\n' "$name" $((SECONDS - started))
}

step "format" cargo fmt --check
step "lints (native)" cargo clippy --all-targets --locked -- -D warnings
step "lints (wasm)" cargo clippy --lib --bins --locked --target wasm32-unknown-unknown -- -D warnings
step "native tests" cargo test --locked
step "fuzzing (each target 20 s)" scripts/fuzz.sh --seconds 20

wasm_tests() {
    CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
    CHROMEDRIVER=/usr/bin/chromedriver \
    WASM_BINDGEN_TEST_ONLY_WEB=1 \
    WASM_BINDGEN_TEST_WEBDRIVER_JSON="$PWD/tests/webdriver.json" \
    WASM_BINDGEN_TEST_DRIVER_TIMEOUT=60 \
    WASM_BINDGEN_TEST_TIMEOUT=180 \
        cargo test --locked --target wasm32-unknown-unknown --test web
}
step "component tests (wasm, headless Chromium)" wasm_tests
step "release build" trunk build --release --offline
step "page size" scripts/size.sh
step "end-to-end tests (Playwright, Chromium)" node e2e/run.mjs
step "saved pages: the page and the CLI agree" scripts/html_agreement.sh

# Reached only if every step passed (set -o pipefail keeps a failing step fatal through tee).
passed=$(awk '/^test result: ok\./ { n += $4 } /^e2e: [0-9]+ passed/ { n += $2 } END { print n + 0 }' "$log")
echo
echo "all: ${passed} passed, 0 failed"
