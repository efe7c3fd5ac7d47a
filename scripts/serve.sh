#!/usr/bin/env bash
# Serves the page with the sample article preloaded, at http://127.0.0.1:8080/ (PORT overrides).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
source scripts/env.sh
# The development build gets a service worker that removes itself (scripts/offline/post_build.mjs).
ARTICLE_ATLAS_DEV=1 exec trunk serve --offline --release --address 127.0.0.1 --port "${PORT:-8080}"
