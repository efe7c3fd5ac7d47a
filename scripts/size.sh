#!/usr/bin/env bash
# Prints the built page's size, raw and gzip-compressed, file by file (run after the release
# build), then the data embedded in the wasm, part by part, and fails when the first load passes
# its limit.
# Files under public/reader/ (Mozilla's Readability and its shim) are loaded only when a saved
# web page is read, so they are totalled apart from the first load.
# The limit is the budget of issue 14, 1,500,000 bytes gzip -9 (SIZE_LIMIT overrides it).
# The page came under it at 1,493,256 bytes: from 1,833,931 with the gazetteer's format 8 and
# coverage policy (data/README.md) and the code's 62 KB cut (ARCHITECTURE.md, "The page's code
# size"). Anything added now has to be paid for elsewhere.
set -euo pipefail
cd "$(dirname "$0")/../dist"
goal=1500000
limit=${SIZE_LIMIT:-$goal}
total_raw=0
total_gz=0
later_raw=0
later_gz=0
wasm_gz=0
for f in $(find . -type f | sort); do
    raw=$(stat -c %s "$f")
    gz=$(gzip -9 -c "$f" | wc -c)
    case "$f" in
        ./public/reader/*)
            later_raw=$((later_raw + raw))
            later_gz=$((later_gz + gz))
            printf '%10d %10d  %s (on demand)\n' "$raw" "$gz" "$f"
            ;;
        *)
            total_raw=$((total_raw + raw))
            total_gz=$((total_gz + gz))
            case "$f" in *.wasm) wasm_gz=$((wasm_gz + gz)) ;; esac
            printf '%10d %10d  %s\n' "$raw" "$gz" "$f"
            ;;
    esac
done
printf '%10d %10d  total (bytes raw, gzip -9)\n' "$total_raw" "$total_gz"
printf '%10d %10d  loaded on demand when a saved page is read\n' "$later_raw" "$later_gz"

# The wasm's parts: each data file the program embeds (include_bytes!/include_str! under src/,
# tests aside), alone under gzip -9; LZMA-packed files (src/analysis/packed.rs) are sent as they
# are. The code is the rest of the wasm's gzip (an estimate: data and code compress together).
echo "in the wasm (gzip -9 of each part alone):"
data_gz=0
for f in $(cd .. && grep -rhoE 'include_(bytes|str)!\("[^"]+"\)' src \
    | sed -E 's/.*"(\.\.\/)+//; s/".*//' | grep '^data/' | sort -u); do
    raw=$(stat -c %s "../$f")
    gz=$(gzip -9 -c "../$f" | wc -c)
    data_gz=$((data_gz + gz))
    printf '%10d %10d  %s\n' "$raw" "$gz" "$f"
done
printf '%10s %10d  data, together\n' "" "$data_gz"
printf '%10s %10d  code, strings and tables (the wasm less the data files, gzip -9)\n' "" $((wasm_gz - data_gz))

printf 'goal %d bytes gzip -9: %+d; limit %d\n' "$goal" $((total_gz - goal)) "$limit"
if [ "$total_gz" -gt "$limit" ]; then
    echo "size: the first load is ${total_gz} bytes gzip -9, over its limit of ${limit}" >&2
    exit 1
fi
