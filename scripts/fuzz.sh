#!/usr/bin/env bash
# Builds the fuzz targets (fuzz/, libFuzzer through cargo-fuzz) and runs each one in turn for a
# while, growing fuzz/corpus/TARGET from the committed seeds in fuzz/seeds/TARGET.
# Usage: scripts/fuzz.sh [--seconds N] [--max-len BYTES] [TARGET ...]   (defaults: 30, 4096, all)
# Ends non-zero if any target found a crash; its input is saved in fuzz/artifacts/TARGET/.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

seconds=30
max_len=4096
targets=()
while [ $# -gt 0 ]; do
    case $1 in
        --seconds) seconds=$2; shift 2 ;;
        --max-len) max_len=$2; shift 2 ;;
        *) targets+=("$1"); shift ;;
    esac
done

# cargo-fuzz passes unstable flags to rustc (the coverage hooks), which the stable toolchain
# accepts only from a program that says it is building the toolchain itself.
export RUSTC_BOOTSTRAP=1
# -s none: no AddressSanitizer. The core is safe Rust, and the sanitizer would halve the speed.
cargo fuzz build -s none
if [ ${#targets[@]} -eq 0 ]; then
    mapfile -t targets < <(cargo fuzz list)
fi

failed=()
total=0
for target in "${targets[@]}"; do
    mkdir -p "fuzz/corpus/$target"
    log=$(mktemp)
    # -timeout: an input that takes seconds (where milliseconds are expected) counts as a crash.
    if cargo fuzz run -s none "$target" "fuzz/corpus/$target" "fuzz/seeds/$target" -- \
        -max_total_time="$seconds" -max_len="$max_len" -timeout=5 \
        -print_final_stats=1 >"$log" 2>&1; then
        status=ok
    else
        status=FAILED
        failed+=("$target")
        grep -E -A3 "panicked at|ERROR: libFuzzer|Test unit written" "$log" | head -20 || true
    fi
    # The final count, or after a crash the last progress line's.
    runs=$(sed -n 's/^stat::number_of_executed_units: //p' "$log")
    runs=${runs:-$(grep -E -o "^#[0-9]+" "$log" | tail -1 | tr -d '#')}
    runs=${runs:-0}
    total=$((total + runs))
    echo "fuzz: $target: $runs executions in ${seconds}s (max_len $max_len), $status"
    rm -f "$log"
done
echo "fuzz: $total executions in all"
if [ ${#failed[@]} -gt 0 ]; then
    echo "fuzz: crashes in ${failed[*]}; see fuzz/artifacts/" >&2
    exit 1
fi
