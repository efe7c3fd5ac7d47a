#!/usr/bin/env bash
# Prints the built page's size, raw and gzip-compressed, file by file (run after the release build).
set -euo pipefail
cd "$(dirname "$0")/../dist"
total_raw=0
total_gz=0
for f in $(find . -type f | sort); do
    raw=$(stat -c %s "$f")
    gz=$(gzip -9 -c "$f" | wc -c)
    total_raw=$((total_raw + raw))
    total_gz=$((total_gz + gz))
    printf '%10d %10d  %s\n' "$raw" "$gz" "$f"
done
printf '%10d %10d  total (bytes raw, gzip -9)\n' "$total_raw" "$total_gz"
