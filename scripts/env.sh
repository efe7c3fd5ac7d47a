# Sourced by the other scripts: puts the project's tools first on PATH.
export PATH="$HOME/.cargo/bin:$PWD/e2e/node_modules/.bin:$PATH"
export TRUNK_OFFLINE=true
