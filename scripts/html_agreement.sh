#!/usr/bin/env bash
# Reads the saved pages of the evaluation's html suite with the CLI (dom_smoothie) and with the
# built page (Readability.js in Chromium, e2e/html_agreement.mjs), scores both with score_html.py
# and prints how far apart they are on each figure. It fails past .02, the goal. Needs dist/ (the
# release build); skipped when ../shared/eval/html.dev.jsonl.gz is absent.
set -euo pipefail
cd "$(dirname "$0")/.."
gold=${1:-../shared/eval/html.dev.jsonl.gz}
if [ ! -f "$gold" ]; then
    echo "html agreement: $gold is absent, skipped"
    exit 0
fi
scorer=$(dirname "$gold")/score_html.py
# The readings quote the suite, so they are kept outside the project (tests/no_eval_text.rs).
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
cli=$out/html.cli.jsonl
web=$out/html.page.jsonl
zcat -f "$gold" | cargo run --locked --quiet --bin article-atlas -- eval-html > "$cli"
echo "CLI:  $(python3 "$scorer" "$gold" "$cli")"
node e2e/html_agreement.mjs "$gold" "$web" > /dev/null
echo "page: $(python3 "$scorer" "$gold" "$web")"
python3 - "$scorer" "$gold" "$cli" "$web" <<'PY'
import json, subprocess, sys
scorer, gold, cli, web = sys.argv[1:]
figures = [json.loads(subprocess.check_output(["python3", scorer, gold, p, "--json"])) for p in (cli, web)]
keys = ["title_exact", "byline_found", "text_f1", "pages_text_f1_at_least_90"]
apart = {k: abs((figures[0][k] or 0) - (figures[1][k] or 0)) for k in keys}
print("html agreement: " + ", ".join("%s %.3f" % (k, v) for k, v in apart.items()) + " apart (goal .02)")
sys.exit(1 if max(apart.values()) > 0.02 else 0)
PY
