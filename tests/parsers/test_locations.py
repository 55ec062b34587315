"""The locations parser: recognition, resolution against the embedded gazetteer, and what it must not read as places."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

import conflictnews as cn
from conflictnews.parsers.locations import LocationParser

PUB = "2025-03-16"


def km(a: tuple[float, float], b: tuple[float, float]) -> float:
    la1, lo1, la2, lo2 = map(math.radians, (*a, *b))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 6371 * 2 * math.asin(math.sqrt(h))


def locs(text: str) -> dict[str, cn.Location]:
    report = cn.parse(text, published=PUB)
    return {text[m.start : m.end]: loc for loc in report.locations for m in loc.mentions}


def test_seed_places_resolve(seed_report: cn.Report) -> None:
    """The reference article: Sudzha in Russia's Kursk region, the Kursk and Sumy regions, countries, Europe."""
    text = seed_report.document.text
    by_surface = {text[m.start : m.end]: loc for loc in seed_report.locations for m in loc.mentions}
    sudzha = by_surface["Sudzha"]
    assert ("place", "RU") == (sudzha.kind, sudzha.country)
    assert km((sudzha.latitude, sudzha.longitude), (51.1976, 35.2726)) <= 10
    assert ("admin1", "RU") == (by_surface["Kursk region"].kind, by_surface["Kursk region"].country)
    assert ("admin1", "UA") == (by_surface["Sumy region"].kind, by_surface["Sumy region"].country)
    assert {"Ukraine", "Russia", "Europe"} <= set(by_surface)
    assert by_surface["Moscow"].metonym


@pytest.mark.parametrize(
    ("text", "surface", "country"),
    [
        ("Fighting continued near Pokrovsk, Donetsk region.", "Pokrovsk", "UA"),
        ("Shelling hit Kharkov overnight.", "Kharkov", "UA"),
        ("Troops moved toward Zaporozhye.", "Zaporozhye", "UA"),
        ("Protesters gathered in Ilorin (Borgu LGA, Kwara).", "Ilorin", "NG"),
        ("Clashes were reported in Idlib province.", "Idlib province", "SY"),
        ("Europe's leaders met in Brussels.", "Europe", None),
        ("On 8 May, crowds marched through Belgrade in an anti-government protest.", "Belgrade", "RS"),
        ("Police stopped two vans in Amatlan de los Reyes, Veracruz.", "Amatlan de los Reyes", "MX"),
        ("Soldiers were killed in the Kharistan area of Qala i Naw, Badghis.", "Qala i Naw", "AF"),
        ("Activists gathered in central Van to protest.", "Van", "TR"),
        ("Protesters from Don't Let Belgrade Drown gathered in Belgrade, Serbia.", "Belgrade", "RS"),
        ("Demonstrators blocked the road in Beirut's Hamra district.", "Beirut", "LB"),
        ("Teachers protested outside the Tunisian General Labour Union in Beja.", "Beja", "TN"),
        ("On 2 May, unidentified gunmen attacked Kagara (Rafi LGA, Niger) and killed a resident.", "Kagara", "NG"),
        ("Large protests broke out in Wassit province.", "Wassit province", "IQ"),
    ],
    ids=[
        "admin1-qualifier",
        "old-spelling",
        "alt-spelling",
        "paren-qualifier",
        "descriptor",
        "possessive",
        "month-is-no-evidence",
        "de-los",
        "i-connector",
        "compass-word-after-locative",
        "name-part-after-locative",
        "possessive-before-a-district",
        "demonym-is-country-evidence",
        "small-town-in-the-named-division",
        "transliteration-variant-named-as-a-place",
    ],
)
def test_places_resolve_to_the_right_country(text: str, surface: str, country: str | None) -> None:
    found = locs(text)
    assert surface in found
    assert country == found[surface].country


def test_relative_phrase_keeps_the_anchor_place() -> None:
    """ "north of Sudzha" is Sudzha with a relation, not another place."""
    loc = locs("Russian units advanced north of Sudzha.")["Sudzha"]
    assert ["north of"] == [r.relation for r in loc.relations]


@pytest.mark.parametrize(
    "text",
    [
        "Russian troops march on.",
        "Talks may resume in March.",
        "Secretary of State Marco Rubio spoke to reporters.",
        "The New York Times reported the attack.",
        "Trump and Biden spoke.",
        "Of all the options, none was good.",
        "Heavy fighting continued. Beyond that, little is known.",
        "Shots were reported in the West Zone of Rio de Janeiro.",
        "Police arrested a senior Saudi officer on his way to the Saudi-led coalition's base.",
        "In San Luis de Canete, Lima, neighbours blocked the cemetery.",
        "Airstrikes hit the Haftanin region of Dahuk, Northern Iraq.",
        "Militias clashed in Owutu community (Afikpo South LGA, Ebonyi).",
        "In the East part of Cali, residents blocked roads.",
        "Youths threw Molotov cocktails at the police station.",
        "A body was found in Colonia Lomas de San Agustin.",
        "Activists threw stones at the Bank in Sidon.",
        "Supporters protested against the Supreme Court of Justice in Brasilia.",
        "Members of the Colorado Party marched.",
    ],
    ids=[
        "verb-march",
        "month",
        "person",
        "outlet",
        "surnames",
        "sentence-initial-of",
        "sentence-initial-words",
        "compass-word-in-a-longer-name",
        "demonym-is-not-the-country",
        "division-name-opening-a-longer-name",
        "compass-word-before-a-country",
        "compass-word-closing-a-division-name",
        "compass-word-before-a-noun",
        "eponym",
        "foreign-word-for-a-neighbourhood",
        "common-noun-after-the",
        "common-noun-in-an-of-name",
        "name-of-a-party",
    ],
)
def test_not_places(text: str) -> None:
    """Months, verbs, people, outlets and ordinary capitalised words are not places."""
    found = locs(text)
    never = {
        "March",
        "Rubio",
        "Marco",
        "New York",
        "Trump",
        "Biden",
        "Of",
        "Beyond",
        "Heavy",
        "West",
        "Saudi",
        "San Luis",
        "Colorado",
        "Northern",
        "South",
        "East",
        "Molotov",
        "Colonia",
        "Bank",
        "Justice",
    }
    assert not (never & set(found))


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("Soldiers of Armenia fired on positions of Azerbaijan located at Goyali, Gadabay.", "Goyali"),
        ("In Afghanistan, security forces shelled Shewan area of Bala Buluk district, Farah.", "Shewan"),
    ],
    ids=["qualifier-in-another-country", "small-namesake-abroad"],
)
def test_small_namesakes_abroad_are_dropped(text: str, absent: str) -> None:
    """A village the gazetteer lacks is not read as a small namesake in a country the report never names."""
    assert absent not in locs(text)


def test_a_respelled_name_says_so_and_needs_a_place_word() -> None:
    """A name found only under a transliteration variant is marked in its rule, and only read after a place word."""
    assert locs("Large protests broke out in Wassit province.")["Wassit province"].rule.endswith("+respelled")
    assert "Wassit" not in locs("Wassit said the talks failed.")


@pytest.mark.parametrize(
    ("text", "surface", "country", "without"),
    [
        ("Houthi fighters shelled Al Jawf.", "Al Jawf", "YE", "Fighters shelled Al Jawf."),
        ("Hezbollah supporters gathered in Tripoli.", "Tripoli", "LB", "Supporters gathered in Tripoli."),
        ("The pro-Houthi air defence fired over Al Jawf.", "Al Jawf", "YE", "The air defence fired over Al Jawf."),
    ],
    ids=["rebel-group", "militia", "pro-group"],
)
def test_armed_groups_of_one_country_are_country_evidence(text: str, surface: str, country: str, without: str) -> None:
    """An armed group that operates in one country places the report there; the same sentence without it does not."""
    assert country == locs(text)[surface].country
    assert country != locs(without)[surface].country


def test_qualified_names_place_the_report_for_the_other_names() -> None:
    """A town placed by its qualifier ("Cordoba municipality, Veracruz") decides a bare name elsewhere."""
    text = "In Cordoba municipality, Veracruz, residents of Aquila village blocked the roads."
    assert "MX" == locs(text)["Aquila village"].country
    assert "MX" != locs("Residents of Aquila village blocked the roads.")["Aquila village"].country


@pytest.mark.parametrize(
    ("text", "surface", "country", "admin1"),
    [
        ("The army shot a man in Bamenda town (Mezam, Nord-Ouest).", "Nord-Ouest", "CM", "North-West Province"),
        ("Supporters were assaulted in Mulanje (Mulanje, Southern).", "Southern", "MW", "Southern Region"),
        ("Militants attacked a base in Lower Shabelle region.", "Lower Shabelle region", "SO", "Lower Shabeelle"),
        ("Students protested in Sbeitla (Kasserine).", "Kasserine", "TN", "Al Qasrayn"),
        ("Farmers blocked roads in Trinidad (Beni).", "Beni", "BO", "El Beni"),
    ],
    ids=["french-name", "without-region", "usual-spelling", "tunisian-governorate", "bolivian-department"],
)
def test_divisions_under_names_the_gazetteer_lacks(text: str, surface: str, country: str, admin1: str) -> None:
    """Official or usual division names missing from the gazetteer resolve to the gazetteer's division."""
    loc = locs(text)[surface]
    assert (country, admin1) == (loc.country, loc.admin1)


def test_demonyms_are_not_places() -> None:
    assert "Russian" not in locs("Russian troops shelled the town.")


def test_country_abbreviations() -> None:
    found = locs("Officials in the U.S. and the UK condemned the strike.")
    assert ("US", "GB") == (found["U.S."].country, found["UK"].country)


def test_same_place_is_one_location_with_all_mentions() -> None:
    report = cn.parse("Kyiv was hit again. Residents of Kyiv sheltered underground.", published=PUB)
    kyiv = [loc for loc in report.locations if loc.name in ("Kyiv", "Kiev")]
    assert 1 == len(kyiv)
    assert 2 == len(kyiv[0].mentions)


def test_each_location_records_the_deciding_rule_and_a_confidence() -> None:
    for loc in cn.parse("Fighting continued near Pokrovsk, Donetsk region.", published=PUB).locations:
        assert loc.rule.startswith("locations/")
        assert loc.confidence is not None
        assert 0.0 <= loc.confidence <= 1.0


@given(st.text(max_size=300))
def test_mentions_are_in_the_text_and_coordinates_valid(text: str) -> None:
    """Any text: mention spans lie inside it and coordinates are on the globe."""
    for loc in cn.parse(text).locations:
        for m in loc.mentions:
            assert 0 <= m.start < m.end <= len(text)
        assert loc.latitude is None or -90 <= loc.latitude <= 90
        assert loc.longitude is None or -180 <= loc.longitude <= 180


@given(st.text(alphabet=st.characters(exclude_categories=("Lu", "Lt")), max_size=300))
def test_no_location_without_capitalised_words(text: str) -> None:
    """A place name needs a capital letter: lower-case text yields no location."""
    ctx = cn.Context(cn.Document(text=text))
    assert [] == list(LocationParser().parse(ctx))


# -- speed-ups that must not change what is found -------------------------------------------------------------

_ABBREVIATION_TEXT = st.text(alphabet="USAKEDRPCo .-1é_g\u0301", max_size=40)


@given(_ABBREVIATION_TEXT)
def test_abbreviation_search_matches_the_pattern(text: str) -> None:
    """The quick search for "U.S.", "UK", "DRC" … finds exactly what the pattern finds at every character."""
    from conflictnews.parsers.locations import _abbreviation_matches, _abbreviation_pattern

    expected = [(m.start(), m.end()) for m in _abbreviation_pattern().finditer(text)]
    assert [(m.start(), m.end()) for m in _abbreviation_matches(text)] == expected


@pytest.mark.parametrize(
    "text",
    ["the U.S.A. and UK", "XUS", "U.S.US", "pro-US forces", "DR Congo's army", "USA.UAE", "eUS", "1UK", "U.S.", ""],
)
def test_abbreviation_search_edge_cases(text: str) -> None:
    from conflictnews.parsers.locations import _abbreviation_matches, _abbreviation_pattern

    expected = [(m.start(), m.end(), m.group()) for m in _abbreviation_pattern().finditer(text)]
    assert [(m.start(), m.end(), m.group()) for m in _abbreviation_matches(text)] == expected


def test_gazetteer_lookups_are_remembered_faithfully() -> None:
    """A name's places are the same whether read from the index or from the look-up cache, known or not."""
    gaz = LocationParser().gazetteer
    for key in ("sudzha", "kursk", "springfield", "no such place anywhere"):
        first = gaz.lookup_normalized(key)
        assert first == tuple(gaz._place(i) for i in gaz._ids(key))
        assert gaz.lookup_normalized(key) == first
        assert gaz.lookup(key.title()) == first
    assert gaz.lookup_normalized("no such place anywhere") == ()


def test_respelling_cache_gives_the_uncached_answer() -> None:
    from conflictnews.parsers.locations import _respelled

    parser = LocationParser()
    for key in ("wassit", "pervomaisk", "kursk", "zzzzzz"):
        expected = _respelled(parser.gazetteer, key)
        assert parser._respelled(parser.gazetteer, key) == expected
        assert parser._respelled(parser.gazetteer, key) == expected  # from the cache


def test_the_city_of_a_name_is_the_city_not_its_division() -> None:
    """'the city of Ternopil': the town, not the oblast of the same name; 'the Department of Labor' is no place."""
    report = cn.parse("Missiles struck the western Ukrainian city of Ternopil. The Department of Labor said nothing.")

    assert [("Ternopil", "place")] == [(loc.name, loc.kind.value) for loc in report.locations]


def test_a_name_placed_in_a_division_where_no_namesake_lies_is_left_unresolved() -> None:
    """'Pishchane in the Kharkiv region': the namesakes the gazetteer knows lie elsewhere, so none is taken."""
    report = cn.parse("Russian troops captured the village of Pishchane in the Kharkiv region.")

    assert [("Kharkiv", "admin1")] == [(loc.name, loc.kind.value) for loc in report.locations]


def test_a_place_after_a_places_possessive_is_read_in_that_country() -> None:
    """ "Russia's Novorossiysk" is a town, not a surname; "Beirut's Hamra" is not a namesake abroad."""
    text = "Drones attacked an oil depot in Russia's Novorossiysk port. Crowds gathered in Beirut's Hamra district."
    report = cn.parse(text)
    found = [(loc.name, loc.country) for loc in report.locations]

    assert ("Novorossiysk", "RU") in found
    assert all(country in ("RU", "LB") for _, country in found)


def test_a_country_in_a_compound_adjective_is_no_place() -> None:
    """'the U.S.-backed foundation', 'Russia-occupied Crimea': the country only qualifies."""
    report = cn.parse("Crowds went to a site run by the U.S.-backed foundation and to Russia-occupied Crimea.")

    assert "US" not in {loc.country for loc in report.locations}
    assert "RU" not in {loc.country for loc in report.locations}


def test_what_the_parser_remembers_between_texts_changes_no_answer() -> None:
    """Readings kept per name (one-word look-ups, the scores of a name's places) give what a fresh parser gives."""
    from conflictnews.parsers import Context

    texts = [
        "Troops shelled Sudzha in the Kursk region, and U.S. officials met in Kyiv.",
        "The United States sent aid to Kyiv; fighting went on near Sudzha (Kursk Oblast).",
        "Police in Tripoli, Libya, said Sudzha was quiet. In Tripoli, Lebanon, protesters gathered.",
        "Kagara (Rafi LGA, Niger) was attacked, and the U.S. embassy in Abuja condemned it.",
    ]
    shared = LocationParser()
    for text in [*texts, *reversed(texts)]:
        doc = cn.Document(text=text)
        seen = repr(list(shared.parse(Context(doc))))
        fresh = repr(list(LocationParser(gazetteer=shared.gazetteer).parse(Context(doc))))
        assert fresh == seen
        assert "Sudzha" not in text or "'Sudzha'" in seen


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a qualifier that is both a country and a division is the division the town lies in
        ("Residents protested in Bida (Bida LGA, Niger).", {"Bida": ("place", "NG"), "Niger": ("admin1", "NG")}),
        ("In Toluca, Mexico, teachers marched.", {"Toluca": ("place", "MX"), "Mexico": ("admin1", "MX")}),
        # the town and the division it lies in, both under one name
        ("Traders protested in Choluteca (Choluteca).", {"Choluteca": ("place", "HN")}),
        # a town and its department, once the department's usual name is known
        ("Farmers blocked roads in Trinidad (Beni).", {"Trinidad": ("place", "BO"), "Beni": ("admin1", "BO")}),
    ],
    ids=["country-or-state", "country-or-state-after-a-comma", "town-and-division", "town-and-department"],
)
def test_an_address_is_read_as_a_whole(text: str, expected: dict[str, tuple[str, str]]) -> None:
    """A town and the qualifiers after it are read in the one country and division they all lie in."""
    report = cn.parse(text, published=PUB)
    first: dict[str, cn.Location] = {}  # each name's first mention: "Choluteca (Choluteca)" opens with the town
    mentions = sorted(
        ((m.start, m.end, place) for place in report.locations for m in place.mentions), key=lambda x: x[0]
    )
    for start, end, place in mentions:
        first.setdefault(text[start:end], place)
    for surface, (kind, country) in expected.items():
        assert (kind, country) == (first[surface].kind.value, first[surface].country), surface
    assert {loc.rule for loc in report.locations} == {"locations/admin1-qualifier", "locations/qualifies-place"}


@pytest.mark.parametrize(
    ("text", "absent", "kept", "country"),
    [
        ("Gunmen attacked Ashford (Kaduna).", "Ashford", "Kaduna", "NG"),
        ("Gunmen attacked Tarma (Borno).", "Tarma", "Borno", "NG"),
    ],
    ids=["namesake-in-england", "namesake-in-peru"],
)
def test_a_town_lying_outside_its_qualifier_is_left_unresolved(text: str, absent: str, kept: str, country: str) -> None:
    """A small namesake abroad of a town the gazetteer lacks is no answer; its division still is."""
    found = locs(text)
    assert absent not in found
    assert country == found[kept].country


@pytest.mark.parametrize(
    ("text", "surface", "kind", "country"),
    [
        ("Leaders met in Paris, Berlin and London.", "Paris", "place", "FR"),
        ("Shelling continued in Lebanon, U.S. officials said.", "Lebanon", "country", "LB"),
    ],
    ids=["list-of-cities", "country-before-a-country"],
)
def test_names_in_a_list_are_no_address(text: str, surface: str, kind: str, country: str) -> None:
    """A list of places that lie in no one another ("Paris, Berlin", "Lebanon, U.S.") keeps each name's reading."""
    loc = locs(text)[surface]
    assert (kind, country) == (loc.kind.value, loc.country)


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Taliban fighters attacked a convoy on the Jalalabad road, Afghan officials said.", "AF"),
        ("Protesters blocked the Halba highway in northern Lebanon.", "LB"),
        ("Gunmen attacked a bus on the Presidente Dutra Highway in Brazil.", None),
        ("Gunmen opened fire on the al Malaqa road in Quneitra, Syria.", None),
    ],
)
def test_a_road_named_for_a_town_of_the_story_is_that_town(text: str, place: str | None) -> None:
    """'the Jalalabad road' leads to Jalalabad; a road's own name ('Presidente Dutra Highway') is no town."""
    towns = [loc.country for loc in cn.parse(text).locations if loc.kind is cn.LocationKind.PLACE]

    assert ([place] if place else []) == towns


@pytest.mark.parametrize(
    "text",
    [
        "Paul Allen met the mayor. Allen said the town was calm. Clashes were reported in Allen.",
        "Lopez Obrador spoke. Obrador said Mexico City was calm. Kyiv's Obolon district was shelled.",
        "Russia's Novorossiysk port was hit. Novorossiysk is on the coast. The Kursk Region governor spoke.",
        "Rio de Janeiro and Rio Branco. New York Times reporters met Ana Maria, Maria said.",
        "Marsha J. Moore spoke. The U.S. Moore office is closed. A Gainesville man was held.",
        "",
    ],
)
def test_name_parts_are_the_second_words_of_unknown_names(text: str) -> None:
    """The word pairs kept for the name-part test give what checking every pair at once gives."""
    from conflictnews._analysis import Analysis
    from conflictnews.parsers.locations import _function_words, _possessive

    parser = LocationParser()
    an, gaz = Analysis(text), parser.gazetteer
    words, starts, ends, norm = an.tok_words, an.tok_starts, an.tok_ends, parser._norm
    expected = set()
    for i in range(len(words) - 1):
        a, b = words[i], words[i + 1]
        if not (a[0].isupper() and b[0].isupper()):
            continue
        gap = text[ends[i] : starts[i + 1]]
        initial = (  # "Marsha J. Moore": a surname after a first name and an initial
            gap == ". "
            and len(a) == 1
            and i > 0
            and words[i - 1][0].isupper()
            and text[ends[i - 1] : starts[i]] == " "
            and len(b) > 1
        )
        if gap != " " and not initial:
            continue
        if a.lower() in parser._descriptors or b.lower() in parser._descriptors or a.lower() in _function_words():
            continue
        if (_possessive(a) and gaz.has_normalized(norm(a))) or gaz.has_normalized(f"{norm(a)} {norm(b)}"):
            continue
        expected.add(norm(b))
    parts = parser._name_parts(an, gaz)
    assert expected == {norm(w) for w in words if norm(w) in parts}


@pytest.mark.parametrize(
    ("text", "surface", "place"),
    [
        ("Somali police shot a suspect at a checkpoint in Mogadishu.", "Somali", None),
        ("Somali protesters gathered outside the parliament in Mogadishu.", "Somali", None),
        ("Fighting erupted in the Somali region of Ethiopia.", "Somali region", ("admin1", "ET")),
        ("Clashes in Somali Region left three dead.", "Somali Region", ("admin1", "ET")),
    ],
    ids=["police", "protesters", "region", "capitalised-region"],
)
def test_a_demonym_before_a_common_noun_is_no_place(text: str, surface: str, place: tuple[str, str] | None) -> None:
    """ "Somali police" are Somalia's, not in Ethiopia's Somali region; "the Somali region" is that region."""
    found = locs(text).get(surface)

    assert place == (None if found is None else (found.kind, found.country))


def local_news(text: str) -> dict[str, tuple[str | None, str | None]]:
    """The places the locations parser alone reads (as the toponym evaluations run it): surface -> (country, admin1)."""
    from conflictnews.pipeline import Pipeline

    report = Pipeline([LocationParser()]).parse(text, published="2009-03-20")
    return {text[m.start : m.end]: (loc.country, loc.admin1) for loc in report.locations for m in loc.mentions}


@pytest.mark.parametrize(
    ("text", "surface", "admin1"),
    [
        ("The crash happened near Charleston, W.Va., on Monday.", "W.Va.", "West Virginia"),
        ("He was born in Lexington, Ky., and moved away.", "Ky.", "Kentucky"),
        ("She lives in Columbia, S.C., with her family.", "S.C.", "South Carolina"),
        ("The bill passed in Washington, D.C., last week.", "D.C.", "District of Columbia"),
    ],
    ids=["wva", "ky", "sc", "dc"],
)
def test_us_state_abbreviations_are_their_states(text: str, surface: str, admin1: str) -> None:
    """A US state's newspaper abbreviation is the state, and places the town before it there."""
    found = local_news(text)
    assert found[surface] == ("US", admin1)
    town = text[: text.index(surface) - 2].split()[-1]
    assert found[town] == ("US", admin1)


@pytest.mark.parametrize(
    "text",
    [
        "The couple lost their first child in May 2006 in a hospital.",
        "The lane is closed through Thursday for sewer work.",
        "Voters approved table gaming in August 2007.",
        "He was sentenced on June 2 and appealed in March.",
    ],
)
def test_month_and_weekday_names_are_no_places(text: str) -> None:
    """A month or weekday name is a date even after "in" or "through" (towns and an island bear such names)."""
    assert local_news(text) == {}


@pytest.mark.parametrize(
    ("text", "surface", "admin1"),
    [
        ("A Gainesville man was arrested in Florida after a chase.", "Gainesville", "Florida"),
        ("While Athens serves dense areas, the co-op serves rural Tennessee.", "Athens", "Tennessee"),
        ("The Athens Police Department arrested a man on Monday in Tennessee.", "Athens", "Tennessee"),
        ("The Dublin Parks and Recreation director spoke in Ohio on Tuesday.", "Dublin", "Ohio"),
    ],
    ids=["article", "while", "police-department", "parks"],
)
def test_a_town_after_a_function_word_or_before_an_institution_is_read(text: str, surface: str, admin1: str) -> None:
    """'A', 'While' opening a sentence start no person's name; a town names its police, council or parks office; a
    namesake in the state the story names wins over a bigger one abroad or in another state."""
    assert local_news(text)[surface] == ("US", admin1)


def test_a_surname_after_an_initial_or_before_a_verb_of_saying_is_no_town() -> None:
    """'Marsha J. Moore' and 'Wilkinson said' make the surname a person's wherever it stands alone."""
    found = local_news("Marsha J. Moore spoke in Texas. Later Moore left. Wilkinson said it was calm. Wilkinson left.")
    assert "Moore" not in found
    assert "Wilkinson" not in found
    assert "Texas" in found
    # a big city that 'says' something stands for its council or club and stays a place
    assert "Liverpool" in local_news("Liverpool said the match in England would go ahead.")


def test_a_town_named_alone_is_also_the_one_its_longer_names_open() -> None:
    """Once the story names the town on its own, 'the Charleston Gold Dome Lions Club' and 'East Oxford' are it too."""
    found = local_news(
        "The event was held in Charleston, W.Va. Members of the Charleston Gold Dome Lions Club won. "
        "A sign in East Oxford was fixed after a meeting in Oxford, England."
    )
    assert found["Charleston"] == ("US", "West Virginia")
    from conflictnews.pipeline import Pipeline

    text = "The event was held in Charleston, W.Va. Members of the Charleston Gold Dome Lions Club won."
    report = Pipeline([LocationParser()]).parse(text)
    charleston = next(loc for loc in report.locations if loc.name == "Charleston")
    assert [m.start for m in charleston.mentions] == [text.index("Charleston"), text.index("Charleston Gold")]
    assert found["Oxford"] == ("GB", "England")


@pytest.mark.parametrize(
    ("text", "absent", "present"),
    [
        ("Library staffer Mary Middleton said books came from Ohio.", "Mary", "Ohio"),
        ("The trial in Wisconsin is about Helen Kunz and her family.", "Helen", "Wisconsin"),
        ("They moved from St. Louis to Texas.", "", "St. Louis"),
    ],
)
def test_a_given_name_before_a_surname_is_no_place(text: str, absent: str, present: str) -> None:
    """'Mary Middleton' is no province of Turkmenistan; a saint's name in a town's ('St. Louis') is kept."""
    found = local_news(text)
    assert absent not in found
    assert present in found


@pytest.mark.parametrize(
    ("text", "surface", "present"),
    [
        ("State Sen. Robert Ford, D-Charleston, spoke in South Carolina.", "Charleston", True),
        ("Road work slowed traffic in Athens-Clarke County this week.", "Athens", True),
        ("Congressman Mario Diaz-Balart spoke in Florida. Diaz-Balart left.", "Diaz", False),
        ("Russia-Ukraine talks stalled.", "Russia", False),
    ],
    ids=["party-home-town", "town-county", "double-barrelled-surname", "countries"],
)
def test_towns_in_hyphenated_words(text: str, surface: str, present: bool) -> None:
    """A legislator's home town after the party letter and a town joined to its county are read; surnames and
    pairs of countries are not."""
    assert (surface in local_news(text)) is present


def test_a_word_of_a_street_name_is_no_place() -> None:
    """'Lombardy Drive' and 'North Lumpkin Street' are streets of the town, not Lombardy or Cameroon's North."""
    found = local_news("Crews worked from North Lumpkin Street to Lombardy Drive in Athens, Georgia.")
    assert "Lombardy" not in found
    assert "North" not in found
    assert found["Athens"] == ("US", "Georgia")
