#!/usr/bin/env python3
"""Builds data/lexicon/languages.tsv.lzma: names of languages, which news also uses for the peoples
that speak them ("the Garifuna", "a Quechua community", "in Arabic").

* npm `cldr-localenames-full` 48.2.0 (Unicode licence): the English display names of the ~700
  languages CLDR covers, mostly the larger ones. Marked `major` (a note after a tab): the recogniser takes such a name
  as a group or language wherever it is not a place's or a person's name.
* npm `iso-639-3` 3.0.1 (MIT; data from the ISO 639-3 registration authority, SIL): the names of
  all ~7,000 living languages. Unmarked: many are also ordinary words or rare names, so the
  recogniser needs a cue ("people", "community", "-speaking") before it takes one as a group.

Kept: single words (inner apostrophes and hyphens allowed) that start with a capital; the
recogniser leaves out those that are also personal names. Usage:
python3 scripts/data/languages.py   (from the repository root; run by scripts/build_data.sh)
"""

import json
import os
import re
import subprocess
import tarfile
import tempfile

from _pack import pack_lines

CLDR = "cldr-localenames-full@48.2.0"
ISO = "iso-639-3@3.0.1"

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, "data", "lexicon", "languages.tsv.lzma")
WORD = re.compile(r"^[A-ZÀ-Þ][^\s,()]*[a-zà-ÿ]$")


def fetch(spec, into):
    folder = os.path.join(into, spec.split("@")[0])
    os.makedirs(folder)
    subprocess.run(["npm", "pack", "--silent", spec], cwd=folder, check=True, stdout=subprocess.DEVNULL)
    (archive,) = [f for f in os.listdir(folder) if f.endswith(".tgz")]
    with tarfile.open(os.path.join(folder, archive)) as tar:
        tar.extractall(folder)
    return os.path.join(folder, "package")


def cldr_names(package):
    with open(os.path.join(package, "main", "en", "languages.json")) as f:
        data = json.load(f)
    return set(data["main"]["en"]["localeDisplayNames"]["languages"].values())


def iso_names(package):
    with open(os.path.join(package, "iso6393.js")) as f:
        source = f.read()
    names = set()
    for record in re.findall(r"\{([^{}]*)\}", source[source.index("export const iso6393"):]):
        pairs = re.findall(r"(\w+): (?:'((?:[^'\\]|\\.)*)'|\"([^\"]*)\")", record)
        fields = {key: single or double for key, single, double in pairs}
        if fields.get("type") == "living" and fields.get("scope") in ("individual", "macrolanguage"):
            names.add(fields["name"].replace("\\'", "'"))
    return names


def main():
    with tempfile.TemporaryDirectory() as tmp:
        major = cldr_names(fetch(CLDR, tmp))
        minor = iso_names(fetch(ISO, tmp))
    rows = {}
    for name, note in [(n, "minor") for n in minor] + [(n, "major") for n in major]:
        if WORD.match(name) and len(name) >= 3:
            rows[name] = note
    text = ("# Language names, built by scripts/data/languages.py: `major` marks CLDR's; the\n"
            "# others are ISO 639-3 names that need a cue (\"people\", \"community\").\n")
    for name in sorted(rows):
        text += f"{name}\tmajor\n" if rows[name] == "major" else f"{name}\n"
    # Front-coded and LZMA-compressed for the page's first load (src/analysis/packed.rs).
    with open(OUT, "wb") as f:
        f.write(pack_lines(text))
    print(f"data/lexicon/languages.tsv.lzma: {len(rows)} names")


if __name__ == "__main__":
    main()
