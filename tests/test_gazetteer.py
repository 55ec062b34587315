"""The embedded GeoNames-derived gazetteer (conflictnews._gazetteer)."""

from __future__ import annotations

import gzip
import math
from pathlib import Path

import pytest

from conflictnews._gazetteer import Gazetteer, Place, load_gazetteer, normalize_name

DATA_DIR = Path(__file__).resolve().parent.parent / "src" / "conflictnews" / "data" / "gazetteer"


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(a))


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return load_gazetteer()


def places(gaz: Gazetteer, name: str, kind: str = "place", country: str | None = None) -> list[Place]:
    return [p for p in gaz.lookup(name) if p.kind == kind and (country is None or p.country == country)]


# -- normalisation -----------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Kryvyi-Rih", "kryvyi rih"),
        ("  Kryvyi   Rih ", "kryvyi rih"),
        ("Zaporizhzhia", "zaporizhzhia"),
        ("Côte d'Ivoire", "cote divoire"),
        ("Kam’yans’ke", "kamyanske"),
        ("U.S.", "us"),
        ("Łódź", "lodz"),
        ("Ağcabədi", "agcabedi"),
        ("Trinidad & Tobago", "trinidad and tobago"),
        ("", ""),
    ],
)
def test_normalize_name(raw: str, expected: str) -> None:
    assert expected == normalize_name(raw)


@pytest.mark.parametrize("raw", ["Kryvyi-Rih", "Côte d'Ivoire", "Ağcabədi", "U.S.", "Sankt-Peterburg", "Київ"])
def test_normalize_name_is_idempotent(raw: str) -> None:
    once = normalize_name(raw)
    assert once == normalize_name(once)


def test_lookup_normalized(gaz: Gazetteer) -> None:
    assert gaz.lookup("Kryvyi-Rih") == gaz.lookup_normalized(normalize_name("Kryvyi-Rih"))


def test_load_is_cached(gaz: Gazetteer) -> None:
    assert load_gazetteer() is gaz


# -- places ------------------------------------------------------------------


def test_sudzha(gaz: Gazetteer) -> None:
    (sudzha,) = places(gaz, "Sudzha")
    assert ("RU", "Kursk") == (sudzha.country, sudzha.admin1)
    assert km(sudzha.latitude, sudzha.longitude, 51.1976, 35.2726) < 10
    assert sudzha.geonames_id == 486816
    assert sudzha.population > 1000


@pytest.mark.parametrize("spelling", ["Kyiv", "Kiev", "KIEV", "kyiv"])
def test_kyiv_spellings(gaz: Gazetteer, spelling: str) -> None:
    best = places(gaz, spelling)[0]
    assert ("Kyiv", "UA", "PPLC") == (best.name, best.country, best.feature_code)


@pytest.mark.parametrize(
    ("spelling", "canonical"),
    [("Kharkov", "Kharkiv"), ("Zaporozhye", "Zaporizhzhya"), ("Artemivsk", "Bakhmut"), ("Artemovsk", "Bakhmut")],
)
def test_alternate_spellings(gaz: Gazetteer, spelling: str, canonical: str) -> None:
    assert canonical in [p.name for p in places(gaz, spelling, country="UA")]


def test_pokrovsk_ukraine_and_russia(gaz: Gazetteer) -> None:
    found = places(gaz, "Pokrovsk")
    assert any(p.country == "UA" and p.admin1 == "Donetsk" and p.name == "Pokrovsk" for p in found)
    assert any(p.country == "RU" for p in found)


def test_accents_hyphens_apostrophes(gaz: Gazetteer) -> None:
    assert gaz.lookup("Kryvyi Rih") == gaz.lookup("Kryvyi-Rih") == gaz.lookup("kryvyi rih")
    assert gaz.lookup("Kryvyi Rih")
    assert gaz.lookup("Lodz") == gaz.lookup("Łódź")
    assert gaz.lookup("Lodz")[0].country == "PL"
    assert "São Paulo" == places(gaz, "Sao Paulo", country="BR")[0].name


def test_results_ordered_by_population(gaz: Gazetteer) -> None:
    for name in ("Pokrovsk", "Springfield", "Gaza", "Kursk"):
        found = gaz.lookup(name)
        assert len(found) >= 2
        keys = [(-p.population, p.geonames_id if p.geonames_id is not None else 1 << 40) for p in found]
        assert sorted(keys) == keys


def test_contains_and_unknown(gaz: Gazetteer) -> None:
    assert "Sudzha" in gaz
    assert "kiev" in gaz
    assert "Qwxzyplorkistan" not in gaz
    assert () == gaz.lookup("Qwxzyplorkistan")
    assert () == gaz.lookup("")


def test_common_words_are_kept_with_population(gaz: Gazetteer) -> None:
    # Not filtered: the location parser decides from context, using population.
    assert "Hope" in gaz
    assert "Victoria" in gaz
    assert all(p.population >= 0 for p in gaz.lookup("Victoria"))


# -- admin1 --------------------------------------------------------------------


def test_kursk_admin1(gaz: Gazetteer) -> None:
    kursk = gaz.admin1("RU", "Kursk")
    assert kursk is not None
    assert ("admin1", "RU", "ADM1") == (kursk.kind, kursk.country, kursk.feature_code)
    assert kursk.admin1 == kursk.name
    assert km(kursk.latitude, kursk.longitude, 51.7, 36.2) < 150
    for variant in ("Kursk Oblast", "Kursk region", "Kurskaya", "kurskaya oblast"):
        assert kursk == gaz.admin1("ru", variant), variant


def test_sumy_admin1(gaz: Gazetteer) -> None:
    sumy = gaz.admin1("UA", "Sumy")
    assert sumy is not None
    assert km(sumy.latitude, sumy.longitude, 50.9, 34.8) < 150
    assert sumy == gaz.admin1("UA", "Sumy Oblast")


@pytest.mark.parametrize(
    ("variants", "near"),
    [
        (("Donetsk", "Donetsk Oblast", "Donetsk region"), (48.0, 37.8)),
        (("Kharkiv", "Kharkov", "Kharkiv Oblast", "Kharkov region"), (50.0, 36.2)),
        (("Zaporizhzhia", "Zaporozhye", "Zaporizhia", "Zaporizhzhia Oblast"), (47.8, 35.2)),
        (("Luhansk", "Lugansk", "Luhansk Oblast"), (48.6, 39.3)),
        (("Dnipropetrovsk", "Dnipropetrovsk Oblast"), (48.5, 35.0)),
        (("Kyiv Oblast", "Kiev Oblast", "Kyiv region"), (50.2, 30.5)),
        (("Kherson", "Kherson region"), (46.6, 32.6)),
    ],
)
def test_ukrainian_oblasts(gaz: Gazetteer, variants: tuple[str, ...], near: tuple[float, float]) -> None:
    found = {gaz.admin1("UA", v) for v in variants}
    assert len(found) == 1, variants
    (oblast,) = found
    assert oblast is not None
    assert km(oblast.latitude, oblast.longitude, *near) < 150


def test_admin1_other_countries(gaz: Gazetteer) -> None:
    assert gaz.admin1("RU", "Belgorod Oblast") is not None
    assert gaz.admin1("RU", "Bryansk region") is not None
    assert gaz.admin1("SY", "Idlib province") is not None
    assert gaz.admin1("SY", "Aleppo Governorate") is not None
    assert gaz.admin1("US", "Texas") is not None
    assert gaz.admin1("UA", "Kursk") is None
    assert gaz.admin1("RU", "Qwxzy") is None


def test_places_name_their_admin1(gaz: Gazetteer) -> None:
    for place in places(gaz, "Pokrovsk") + places(gaz, "Sudzha"):
        assert place.admin1 is not None
        assert place.country is not None
        assert gaz.admin1(place.country, place.admin1) is not None


# -- countries -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "code"),
    [
        ("U.S.", "US"),
        ("United States", "US"),
        ("America", "US"),
        ("UK", "GB"),
        ("Britain", "GB"),
        ("Russia", "RU"),
        ("South Korea", "KR"),
        ("DRC", "CD"),
        ("Democratic Republic of the Congo", "CD"),
        ("Ivory Coast", "CI"),
        ("Côte d'Ivoire", "CI"),
        ("Burma", "MM"),
        ("Syria", "SY"),
        ("Palestine", "PS"),
        ("Ukraine", "UA"),
        ("UA", "UA"),
        ("ukr", "UA"),
        ("USA", "US"),
    ],
)
def test_country_aliases(gaz: Gazetteer, query: str, code: str) -> None:
    country = gaz.country(query)
    assert country is not None, query
    assert (code, "country") == (country.country, country.kind)


def test_congo_is_ambiguous(gaz: Gazetteer) -> None:
    codes = {p.country for p in gaz.lookup("Congo") if p.kind == "country"}
    assert {"CD", "CG"} <= codes


def test_iso_codes_are_not_names(gaz: Gazetteer) -> None:
    # "AND" (Andorra), "CAN" (Canada), "IN" (India) must not turn words into countries
    for word in ("and", "can", "in", "is", "it"):
        assert all(p.kind != "country" for p in gaz.lookup(word)), word
    andorra = gaz.country("AND")
    assert andorra is not None
    assert andorra.country == "AD"


def test_every_country_present(gaz: Gazetteer) -> None:
    countries = gaz.countries()
    assert len(countries) >= 245
    assert {"UA", "RU", "PS", "XK", "SS", "CD", "SY", "YE"} <= {c.country for c in countries}


# -- regions ---------------------------------------------------------------------


@pytest.mark.parametrize("name", ["Europe", "Middle East", "Africa", "Sahel", "Balkans", "Caucasus"])
def test_regions(gaz: Gazetteer, name: str) -> None:
    best = gaz.lookup(name)[0]
    assert "region" == best.kind
    assert best.country is None


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Donbas", "UA"),
        ("Donbass", "UA"),
        ("Gaza Strip", "PS"),
        ("West Bank", "PS"),
        ("Darfur", "SD"),
        ("Tigray", "ET"),
    ],
)
def test_regions_within_one_country(gaz: Gazetteer, name: str, code: str) -> None:
    assert any(p.kind in ("region", "admin1") and p.country == code for p in gaz.lookup(name))


def test_gaza(gaz: Gazetteer) -> None:
    found = gaz.lookup("Gaza")
    assert any(p.kind == "place" and p.country == "PS" for p in found)
    assert any(p.kind == "region" and p.name == "Gaza Strip" for p in found)


# -- data files ------------------------------------------------------------------


def test_max_name_words(gaz: Gazetteer) -> None:
    assert 4 <= gaz.max_name_words() <= 16
    assert max(len(normalize_name(n).split()) for n in ("Sankt-Peterburg", "Bosnia and Herzegovina")) <= (
        gaz.max_name_words()
    )


def test_data_files_carry_license_header() -> None:
    files = sorted(DATA_DIR.glob("*.tsv*"))
    assert {"places.tsv.gz", "names.tsv.gz", "regions.tsv"} <= {f.name for f in files}
    for f in files:
        opener = gzip.open if f.suffix == ".gz" else open
        with opener(f, "rt", encoding="utf-8") as fh:
            first = fh.readline()
        assert first.startswith("# source:"), f
        assert "CC BY 4.0" in first, f
        if f.name != "regions.tsv":
            assert "GeoNames" in first, f
            assert "https://www.geonames.org/" in first, f
    readme = (DATA_DIR / "README.md").read_text(encoding="utf-8")
    assert "CC BY 4.0" in readme
    assert "GeoNames" in readme


def test_coordinates_in_range(gaz: Gazetteer) -> None:
    n = len(gaz)
    assert n > 200_000
    step = 97  # a sample keeps the test fast
    for i in [*range(0, n, step), n - 1]:
        p = gaz._place(i)
        assert -90 <= p.latitude <= 90, p
        assert -180 <= p.longitude <= 180, p
        assert p.population >= 0, p
        assert p.kind in ("country", "admin1", "admin2", "place", "region", "feature"), p
        assert p.country is None or (len(p.country) == 2 and p.country.isupper()), p
    for country in gaz.countries():
        assert not (country.latitude == 0 and country.longitude == 0), country
