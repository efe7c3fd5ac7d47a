#!/usr/bin/env bash
# Times the analysis of the sample in wasm under node (see scripts/wasm_bench.mjs): builds
# examples/wasm_bench.rs for wasm32 with the release profile and runs it 400 times.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo rustc --quiet --release --target wasm32-unknown-unknown --example wasm_bench -- \
    -C link-arg=--export=bench
node scripts/wasm_bench.mjs target/wasm32-unknown-unknown/release/examples/wasm_bench.wasm
