#!/usr/bin/env bash
# Installs whatever the build and the tests need and is missing; skips what is there.
# Usage: scripts/setup.sh [--browser]   (--browser also installs Debian's chromium and chromedriver)
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
CARGO_FUZZ_VERSION=0.13.2
BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' Cargo.lock)

say() { printf '\033[1msetup:\033[0m %s\n' "$*"; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    say "adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
fi

for component in rustfmt clippy; do
    if ! rustup component list --installed | grep -q "^$component"; then
        say "adding the $component component"
        rustup component add "$component"
    fi
done

if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
    say "installing trunk $TRUNK_VERSION (about 8 minutes)"
    cargo install --locked trunk --version "$TRUNK_VERSION"
fi

if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $BINDGEN_VERSION" ]; then
    # Not --locked: one of the CLI's locked dependencies is missing from the registry.
    say "installing wasm-bindgen-cli $BINDGEN_VERSION (the Cargo.lock version)"
    cargo install wasm-bindgen-cli --version "$BINDGEN_VERSION" --force
fi

# The fuzz targets (scripts/fuzz.sh): libfuzzer-sys compiles libFuzzer's C++ with the system's.
if ! command -v c++ >/dev/null; then
    say "installing Debian's g++ (libFuzzer is C++)"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq g++
fi
if [ "$(cargo fuzz --version 2>/dev/null)" != "cargo-fuzz $CARGO_FUZZ_VERSION" ]; then
    say "installing cargo-fuzz $CARGO_FUZZ_VERSION (about 4 minutes)"
    cargo install --locked cargo-fuzz --version "$CARGO_FUZZ_VERSION"
fi

# npm: binaryen's wasm-opt (Debian's is too old and corrupts Rust modules), playwright-core,
# @mozilla/readability, which the release build copies into the page (read on demand),
# esbuild, which minifies the wasm-bindgen glue in the release build, and axe-core (the
# accessibility checks of the e2e tests).
if [ ! -x e2e/node_modules/.bin/wasm-opt ] || [ ! -f e2e/node_modules/axe-core/axe.min.js ] || [ ! -d e2e/node_modules/esbuild ] || [ e2e/package-lock.json -nt e2e/node_modules/.package-lock.json ]; then
    say "installing npm packages in e2e/"
    (cd e2e && npm ci --no-audit --no-fund)
fi

if [ "${1:-}" = "--browser" ] && { [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; }; then
    say "installing Debian's chromium and chromium-driver"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver
fi
