"""Tests for the actors parser: forces, groups, people, outlets and sources, typed, coded and linked."""

from __future__ import annotations

import datetime
import pathlib
import tomllib
from typing import Any

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import conflictnews as cn
from conflictnews._analysis import Analysis
from conflictnews.model import Actor, ActorKind, Document, Location, Span
from conflictnews.parsers import Context
from conflictnews.parsers.actors import ActorParser, acled_inter, normalise_acled_actor

CASES = tomllib.loads((pathlib.Path(__file__).parent.parent / "cases" / "actors.toml").read_text(encoding="utf-8"))
PARSER = ActorParser()


def read(
    text: str,
    published: str | None = "2025-03-16",
    *,
    parser: ActorParser = PARSER,
    locations: tuple[Location, ...] = (),
) -> list[Actor]:
    doc = Document(text=text, published=datetime.date.fromisoformat(published) if published else None)
    ctx = Context(doc, Analysis(text))
    ctx.locations = locations
    out = list(parser.parse(ctx))
    assert all(isinstance(a, Actor) for a in out)
    return out  # type: ignore[return-value]


def surfaces(text: str, actor: Actor) -> list[str]:
    return [text[m.start : m.end] for m in actor.mentions]


def find(text: str, actors: list[Actor], mention: str) -> Actor | None:
    return next((a for a in actors if mention in surfaces(text, a)), None)


@pytest.mark.parametrize("case", CASES["case"], ids=[c["id"] for c in CASES["case"]])
def test_golden_cases(case: dict[str, Any]) -> None:
    """Every expected actor is found with its kind, country, title and mentions; listed words name none."""
    text = case["text"]
    actors = read(text, case.get("published"))
    for want in case["expect"]:
        actor = find(text, actors, want["mentions"][0])
        assert actor is not None, f"no actor covers {want['mentions'][0]!r}: {actors}"
        got_mentions = surfaces(text, actor)
        for m in want["mentions"]:
            assert m in got_mentions
        for key in ("name", "title"):
            if key in want:
                assert want[key] == getattr(actor, key)
        assert want["kind"] == actor.kind.value
        if "country" in want:
            assert want["country"] == actor.country
    for word in case.get("absent", []):
        covered = [a for a in actors for m in a.mentions if text[m.start : m.end] == word]
        assert [] == covered


def test_reference_article(seed_text: str) -> None:
    """The reference article gives the fourteen expected actors, each mention linked to its actor."""
    expected = {
        "Ukrainian forces": (
            "state_forces",
            "UA",
            None,
            ["Ukrainian forces", "Ukrainian troops", "Ukrainian soldiers"],
        ),
        "Russian forces": ("state_forces", "RU", None, ["Russian troops", "Russian forces"]),
        "North Korean forces": ("state_forces", "KP", None, ["North Korean soldiers"]),
        "Donald Trump": ("person", "US", "President", ["Trump"]),
        "Vladimir Putin": ("person", "RU", "President", ["Putin"]),
        "Volodymyr Zelensky": ("person", "UA", "President", ["President Zelensky", "Zelensky"]),
        "Marco Rubio": ("person", "US", "Secretary of State", ["U.S. Secretary of State Marco Rubio"]),
        "Sergei Lavrov": ("person", "RU", "Foreign Minister", ["Russian Foreign Minister Sergei Lavrov"]),
        "Oleksandr Syrskyi": ("person", "UA", "General", ["General Oleksandr Syrskyi"]),
        "Steve Witkoff": ("person", "US", "Special Representative", ["U.S. Special Representative Steve Witkoff"]),
        "The New York Times": ("media", "US", None, ["New York Times"]),
        "BBC": ("media", "GB", None, ["BBC"]),
        "Ukrainian colonel (anonymous)": ("anonymous_source", "UA", "Colonel", ["Ukrainian Colonel"]),
        "military sources": ("anonymous_source", None, None, ["Military sources"]),
    }
    actors = {a.name: a for a in read(seed_text)}
    for name, (kind, country, title, mentions) in expected.items():
        actor = actors[name]
        got = (actor.kind.value, actor.country, actor.title, sorted(set(surfaces(seed_text, actor)) & set(mentions)))
        assert (kind, country, title, sorted(set(mentions))) == got


def test_ids_follow_first_mentions(seed_text: str) -> None:
    """Actors are numbered a1, a2, ... in order of their first mention, which is also their order."""
    actors = read(seed_text)
    firsts = [min(m.start for m in a.mentions) for a in actors]

    assert sorted(firsts) == firsts
    assert [f"a{i}" for i in range(1, len(actors) + 1)] == [a.id for a in actors]


@pytest.mark.parametrize(
    ("published", "title"),
    [
        ("2020-06-01", "President"),
        ("2022-06-01", "former President"),
        ("2025-03-16", "President"),
    ],
    ids=["first-term", "between-terms", "second-term"],
)
def test_titles_follow_the_publication_date(published: str, title: str) -> None:
    """A known person's bare name gets the office held on the publication date, or "former ..."."""
    actors = read("Trump said the talks would go on.", published)

    assert [("Donald Trump", title)] == [(a.name, a.title) for a in actors]


def test_office_holder_by_country_and_title() -> None:
    """ "The Russian president" is the person who holds that office on the publication date."""
    text = "The Russian president said the offensive would continue."
    actors = read(text)

    assert [("Vladimir Putin", "person", ["The Russian president"])] == [
        (a.name, a.kind.value, surfaces(text, a)) for a in actors
    ]


def test_surname_coreference() -> None:
    """A person introduced by title and full name is linked when named again by surname."""
    text = "General Ivan Petrenko visited the front. Later, Petrenko’s staff denied it."
    actors = read(text)

    assert [["General Ivan Petrenko", "Petrenko"]] == [surfaces(text, a) for a in actors]


def test_one_soldier_speaking_is_an_anonymous_source() -> None:
    """A single unnamed person who speaks is an anonymous source of their country."""
    text = "A Ukrainian soldier told reporters that the retreat was chaotic."
    actors = read(text)

    assert [("anonymous_source", "UA", "A Ukrainian soldier")] == [
        (a.kind.value, a.country, surfaces(text, a)[0]) for a in actors
    ]


def test_bare_forces_with_several_sides_stay_unattributed() -> None:
    """With two sides named, a bare "troops" is not guessed to belong to either."""
    text = "Russian forces advanced while Ukrainian forces withdrew. Some troops stayed."
    actor = find(text, read(text), "Some troops")

    assert actor is not None
    assert (ActorKind.STATE_FORCES, None) == (actor.kind, actor.country)


def test_locations_metonym_links_the_government() -> None:
    """A capital the locations parser flagged as a metonym becomes the government, with its location id."""
    text = "Kyiv rejected the proposal."
    loc = Location(id="l1", name="Kyiv", kind="place", country="UA", mentions=(Span(start=0, end=4),), metonym=True)
    actors = read(text, locations=(loc,))

    assert [("Ukraine", "government", "UA", "l1")] == [(a.name, a.kind.value, a.country, a.location) for a in actors]


def test_document_country_from_locations() -> None:
    """Descriptors with no country of their own ("police") take the country of the places in the text."""
    text = "On 2 May 2020, police dispersed a crowd in Bogor."
    loc = Location(id="l1", name="Bogor", kind="place", country="ID", mentions=(Span(start=42, end=47),))
    actors = read(text, "2020-05-02", locations=(loc,))

    assert [("Indonesian police", "state_forces", "ID")] == [(a.name, a.kind.value, a.country) for a in actors]


def test_weak_alias_needs_a_strong_name() -> None:
    """An ambiguous acronym counts only when the group is also named in full (or as "KIA fighters")."""
    alone = read("Two soldiers were listed as KIA after the battle.")
    with_full = read("The Kachin Independence Army said KIA units held the pass.")

    assert [] == [a for a in alone if a.name == "Kachin Independence Army"]
    assert ["Kachin Independence Army"] == [a.name for a in with_full if a.kind is ActorKind.REBEL_GROUP]


def test_injected_dictionary() -> None:
    """A new group is one data row: the parser takes it from an injected table."""
    parser = ActorParser(groups=[("Night Owls Brigade", "political_militia", "XK", "", "", "Night Owls|NOB")])
    text = "The Night Owls attacked a convoy; NOB fighters later withdrew."
    actors = read(text, parser=parser)

    assert [("Night Owls Brigade", "political_militia", "XK", ["Night Owls", "NOB fighters"])] == [
        (a.name, a.kind.value, a.country, surfaces(text, a)) for a in actors
    ]


def test_injected_people_are_time_aware() -> None:
    """An injected known person gets "former <title>" after the end of the office."""
    parser = ActorParser(people=[("Ada Example", "FR", "Mayor", "2001-01-01", "2010-01-01", "Example")])
    actors = read("Mayor Example opened the bridge.", "2020-01-01", parser=parser)

    assert [("Ada Example", "former Mayor", "FR")] == [(a.name, a.title, a.country) for a in actors]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Military Forces of Ukraine (2019-)", ("state_forces", "UA")),
        ("Police Forces of the Democratic Republic of Congo (2019-)", ("state_forces", "CD")),
        ("Government of Turkey (2016-)", ("government", "TR")),
        ("Protesters (Mexico)", ("protesters", "MX")),
        ("Rioters (India)", ("rioters", "IN")),
        ("Civilians (Syria)", ("civilians", "SY")),
        ("Unidentified Armed Group (Nigeria)", ("political_militia", "NG")),
        ("Unidentified Gang (Brazil)", ("political_militia", "BR")),
        ("Fulani Ethnic Militia (Nigeria)", ("identity_militia", "NG")),
        ("Eyenkorin Communal Militia (Nigeria)", ("identity_militia", "NG")),
        ("Militia (Pro-Government)", ("political_militia", None)),
        ("NAF: United Armed Forces of Novorossiya", ("rebel_group", "UA")),
        ("QSD: Syrian Democratic Forces", ("rebel_group", "SY")),
        ("Islamic State (Iraq)", ("rebel_group", "IQ")),
        ("Military Forces of Yemen (2016-) Supreme Political Council", ("state_forces", "YE")),
        ("Operation Restoring Hope", ("external_forces", "SA")),
        ("Military Forces of Artsakh (2012-)", ("state_forces", "AZ")),
        ("Labour Group (India)", (None, "IN")),
        ("", (None, None)),
    ],
    ids=lambda v: v if isinstance(v, str) else None,
)
def test_normalise_acled_actor(name: str, expected: tuple[str | None, str | None]) -> None:
    """ACLED actor names map onto (kind, country) through the documented table."""
    kind, country = normalise_acled_actor(name)

    assert expected == (kind.value if kind else None, country)


def test_normalise_acled_actor_by_date() -> None:
    """A group whose kind changed is read as of the event date."""
    assert ActorKind.REBEL_GROUP == normalise_acled_actor("Taliban", on=datetime.date(2020, 5, 1))[0]
    assert ActorKind.STATE_FORCES == normalise_acled_actor("Taliban", on=datetime.date(2022, 5, 1))[0]


def test_acled_inter_codes() -> None:
    """Kinds map onto ACLED's inter codes; sources and people have none."""
    got = {k.value: acled_inter(k) for k in ActorKind}

    assert {
        "state_forces": 1,
        "rebel_group": 2,
        "political_militia": 3,
        "identity_militia": 4,
        "rioters": 5,
        "protesters": 6,
        "civilians": 7,
        "external_forces": 8,
        "government": 1,
        "person": None,
        "media": None,
        "organization": None,
        "anonymous_source": None,
        "generic": None,
    } == got


# --- properties

NEUTRAL = "Nothing happened here. "


@given(st.text(max_size=300))
@example("")
@example("\x00\ud800 U.S. Secretary of")
@example("Presidents , and")
@example("President " + "A " * 50)
@example("'s 's Russia's")
@example("-" * 50 + "pro-Houthi anti-")
def test_never_raises_and_spans_are_sound(text: str) -> None:
    """Any text parses; every mention lies inside the text and is not empty."""
    for actor in read(text):
        for m in actor.mentions:
            assert 0 <= m.start < m.end <= len(text)


SAMPLES = st.lists(
    st.sampled_from(
        [
            "Russian troops shelled Kharkiv.",
            "President Zelensky said Moscow is refusing talks.",
            "Military sources indicate heavy losses.",
            "Protesters blocked the road in Lagos.",
            "Hamas fighters and Israeli forces clashed.",
            "a Ukrainian colonel, speaking anonymously, said so.",
            "in Ukraine ",
            "\u201cQuoted,\u201d ",
            "  ",
        ]
    ),
    max_size=8,
).map("".join)


@given(SAMPLES | st.text(max_size=120))
def test_deterministic(text: str) -> None:
    """The same text gives the same actors."""
    assert read(text) == read(text)


@given(SAMPLES)
def test_prefix_shifts_spans(text: str) -> None:
    """Neutral text before the document shifts every mention by its length and changes nothing else."""
    plain = read(text)
    shifted = read(NEUTRAL + text)
    n = len(NEUTRAL)

    assert [(a.name, a.kind, a.country, a.title) for a in plain] == [
        (a.name, a.kind, a.country, a.title) for a in shifted
    ]
    assert [[(m.start + n, m.end + n) for m in a.mentions] for a in plain] == [
        [(m.start, m.end) for m in a.mentions] for a in shifted
    ]


def test_huge_text_of_quotes() -> None:
    """100,000 quotation marks parse without trouble."""
    assert [] == read('"' * 100_000)


def test_actor_data_is_consistent() -> None:
    """Every country has a demonym, and every code the other tables use is a country of countries.tsv."""
    from conflictnews.lexicons import load_table

    codes = {row[0] for row in load_table("actors/countries")}
    demonym_codes = {row[0] for row in load_table("actors/demonyms")}
    used: set[str] = set()
    for name, col in (("groups", 2), ("organizations", 2), ("people", 1), ("capitals", 1), ("polities", 1)):
        for row in load_table(f"actors/{name}"):
            used.update(c for c in row[col].split("|") if c and c != "*")

    assert set() == codes - demonym_codes
    assert set() == used - codes
    assert len(codes) >= 249


def test_country_name_in_a_headline_is_no_organisation() -> None:
    """In a title-case line every word is capitalised: a country name there keeps its country."""
    text = "Kenya Teachers Protest Unpaid Wages\nTeachers protested outside the ministry on Monday."
    crowds = [a for a in read(text) if a.kind in (ActorKind.PROTESTERS, ActorKind.RIOTERS)]
    assert crowds
    assert all(a.country == "KE" for a in crowds)


def test_weapons_are_no_crowd_and_a_countrys_weapons_are_its_forces() -> None:
    """ "Drones attacked" is no riot; "Ukrainian drones" stand for Ukraine's forces."""
    text = "Drones attacked an oil depot overnight. Ukrainian drones struck a refinery in Russia."
    actors = cn.parse(text).actors

    assert [("Ukrainian forces", "state_forces", "UA")] == [(a.name, a.kind.value, a.country) for a in actors]


@pytest.mark.parametrize(
    ("text", "mentions"),
    [
        pytest.param(
            "Al-Shabaab claimed the attack. The militant group said 12 soldiers died.",
            ["Al-Shabaab", "The militant group"],
            id="named-group-then-the-group",
        ),
        pytest.param(
            "Al-Shabaab stopped a group of eleven travellers. The group was released.",
            ["Al-Shabaab"],
            id="another-group-told-since",
        ),
    ],
)
def test_the_group_is_the_named_group_told_last(text: str, mentions: list[str]) -> None:
    """A definite "the (militant) group" refers back to the named armed group, unless another group came since."""
    groups = [a for a in cn.parse(text).actors if a.kind is ActorKind.REBEL_GROUP]

    assert [mentions] == [[text[m.start : m.end] for m in a.mentions] for a in groups]


@pytest.mark.parametrize(
    "text",
    [
        "The United States on Thursday demanded talks.",
        "Denmark today accepted the formula.",
        "The PRC on Tuesday demanded talks.",
    ],
)
def test_a_country_acts_across_a_time_phrase(text: str) -> None:
    """'X on Thursday demanded', 'X today accepted': the time phrase stands between the country and its verb."""
    actors = cn.parse(text).actors

    assert [ActorKind.GOVERNMENT] == [a.kind for a in actors]


def test_retired_soldiers_are_no_force() -> None:
    """'Retired soldiers gathered ... demanding': veterans protesting, not an armed force."""
    actors = cn.parse("On 1 May 2020, retired army soldiers gathered in Beirut, demanding their pensions.").actors

    assert [(cn.ActorKind.PROTESTERS, "LB")] == [(a.kind, a.country) for a in actors]


def test_a_sides_airstrikes_give_no_country_to_the_regime() -> None:
    """'Israeli airstrikes hit regime positions near Damascus': the regime is not Israel's."""
    actors = cn.parse("Israeli airstrikes hit regime positions near Damascus on Monday.").actors

    assert [("Israeli forces", "IL"), ("Syrian forces", "SY")] == [(a.name, a.country) for a in actors]


def test_a_participle_after_while_is_no_crowd() -> None:
    """'Govt forces while conducting an operation clashed with ...': no crowd of 'conducting an operation'."""
    text = "Government forces while conducting an operation clashed with al-Shabaab militants near Afgooye."
    kinds = [a.kind for a in cn.parse(text).actors]

    assert cn.ActorKind.RIOTERS not in kinds


def test_descriptor_flags_are_known() -> None:
    """Every flag in nouns.tsv is one its header documents (a typo such as "docdoc" would silently do nothing)."""
    from conflictnews.lexicons import load_table

    known = {"qualified", "doc", "victim", "perp", "anon", "mob", "noverb", "unit", "title", "weapon", "local"}
    used = {f.strip() for row in load_table("actors/nouns") for f in row[3].split(",") if f.strip()}

    assert set() == used - known


def test_regime_forces_are_the_local_state_not_a_foreign_side() -> None:
    """'Regime security forces, accompanied by Russian forces, arrested ... in Tartus': Syria's forces and Russia's."""
    text = "On 4 May 2020, regime security forces, accompanied by Russian forces, arrested three engineers in Tartus."
    countries = sorted(a.country for a in cn.parse(text).actors if a.kind is cn.ActorKind.STATE_FORCES)

    assert ["RU", "SY"] == countries


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Militias from Ngoma and Kiziba clashed over grazing land near Goma.", cn.ActorKind.IDENTITY_MILITIA),
        ("Militias from Syria crossed the border near Hermel.", cn.ActorKind.POLITICAL_MILITIA),
    ],
)
def test_militias_from_villages_are_communal(text: str, kind: cn.ActorKind) -> None:
    """'Militias from X and Y' of villages or towns are communal (identity) militias; of a country they are not."""
    kinds = [a.kind for a in cn.parse(text).actors if "militia" in a.name]

    assert [kind] == kinds


@pytest.mark.parametrize(
    "text",
    [
        "On 30 April, gunmen believed to belong to IS shot dead a shepherd near Palmyra.",
        "On 7 May, unknown gunmen presumably IS opened fire on an army vehicle near Palmyra.",
    ],
)
def test_gunmen_tied_to_a_group_are_that_group(text: str) -> None:
    """An unidentified armed group the text ties to a named group is that group, even by a weak name ("IS")."""
    report = cn.parse(text)
    names = {a.id: a.name for a in report.actors}

    assert [["Islamic State"]] == [[names[a] for a in e.agents] for e in report.events if e.acled]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("On 3 May, the sons of thunder initiative carried out an arson attack on a bank in Izmir.", True),
        ("On 3 May, the police carried out a raid in Izmir.", False),
        ("On 3 May, the initiative carried out an arson attack in Izmir.", False),
    ],
)
def test_a_described_group_that_carries_out_an_attack_is_armed(text: str, found: bool) -> None:
    """'The X initiative carried out an arson attack': an armed group no dictionary knows, named by the text."""
    rules = [a.rule for a in cn.parse(text).actors]

    assert found == ("actors/self-named" in rules)


def test_the_attackers_are_the_group_that_claimed_responsibility() -> None:
    """'Gunmen attacked a hotel ... Al-Shabaab claimed responsibility': the gunmen are al-Shabaab."""
    text = "Gunmen attacked a hotel in Mogadishu on Friday. Al-Shabaab claimed responsibility for the attack."
    report = cn.parse(text)
    names = {a.id: a.name for a in report.actors}

    assert ["al-Shabaab"] == [a.name for a in report.actors]
    assert all(names[a] == "al-Shabaab" for e in report.events for a in e.agents)


@pytest.mark.parametrize(
    "text",
    [
        "On 9 May, in Cali, residents blocked roads with stones to demand food.",
        "On 3 May, dozens of traders barricaded the entrance to the market in Banfora.",
    ],
)
def test_a_crowd_that_blocks_roads_with_stones_or_barricades_riots(text: str) -> None:
    """Blocking roads with stones or barricading them is a violent demonstration: the crowd is rioters."""
    kinds = [a.kind for a in cn.parse(text).actors]

    assert cn.ActorKind.RIOTERS in kinds
    assert cn.ActorKind.PROTESTERS not in kinds


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("On 8 May 2020, activists protested at Jammu city against Pakistan over ceasefire violations.", "IN"),
        ("Residents gathered outside a hotel in Zahle to protest against quarantining people from Syria.", "LB"),
    ],
)
def test_a_crowd_stands_where_it_is_not_in_the_country_it_faces(text: str, country: str) -> None:
    """A country after "against", "from" or "to" is the crowd's target or origin, not where it protests."""
    crowds = [a.country for a in cn.parse(text).actors if a.kind is cn.ActorKind.PROTESTERS]

    assert [country] == crowds


def test_a_short_description_that_carries_out_an_attack_names_no_group() -> None:
    """'The new movement carried out an attack': two common words are no group's name."""
    rules = [a.rule for a in cn.parse("On 3 May, the new movement carried out an attack in Izmir.").actors]

    assert "actors/self-named" not in rules


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Protesters gathered on Monday. The Tunisian General Labour Union called the strike.", "TN"),
        ("Protesters gathered on Monday. A TUNISIAN union called the strike.", None),  # capitals: no demonym
        ("Protesters gathered on Monday. The tunisian union called the strike.", None),  # lower case: no demonym
        ("Protesters gathered on Monday. The union called the strike.", None),
    ],
)
def test_a_capitalised_demonym_anywhere_places_the_document(text: str, country: str | None) -> None:
    """A demonym written with a capital (not all capitals) is a little evidence of the document's country."""
    report = cn.parse(text)
    protesters = [a for a in report.actors if a.kind == ActorKind.PROTESTERS]
    assert [country] == [a.country for a in protesters]


@pytest.mark.parametrize(
    ("text", "mention", "name", "kind", "country", "title"),
    [
        (
            "Palestinian leader Yasser Arafat Wednesday rejected the offer.",
            "Palestinian leader Yasser Arafat",
            "Yasser Arafat",
            "person",
            "PS",
            "Leader",
        ),
        (
            "Opposition Leader Raila Odinga said the vote was rigged.",
            "Leader Raila Odinga",
            "Raila Odinga",
            "person",
            None,
            "Leader",
        ),
        ("The US Congress agreed to lift the embargo.", "US Congress", "US congress", "government", "US", None),
        ("The Knesset voted to dissolve itself.", "Knesset", "Knesset", "government", "IL", None),
        ("Russia's Duma approved the treaty.", "Duma", "State Duma", "government", "RU", None),
        (
            "The Latvian Constitutional Court cancelled the restrictions.",
            "Latvian Constitutional Court",
            "Latvian constitutional court",
            "government",
            "LV",
            None,
        ),
        ("Afghan guerillas blew up three power lines.", "Afghan guerillas", "Afghan rebels", "rebel_group", "AF", None),
        (
            "The European Community on Monday gave aid to farmers.",
            "European Community",
            "European Community",
            "organization",
            None,
            None,
        ),
    ],
    ids=["leader", "opposition-leader", "congress", "knesset", "duma", "court", "guerillas", "european-community"],
)
def test_leaders_legislatures_and_courts(
    text: str, mention: str, name: str, kind: str, country: str | None, title: str | None
) -> None:
    """A leader is a title; legislatures and high courts are their country's government."""
    actor = next((a for a in read(text, "2020-05-05") if any(mention in s for s in surfaces(text, a))), None)

    assert actor is not None
    assert (name, kind, country, title) == (actor.name, actor.kind.value, actor.country, actor.title)


def test_a_lower_case_leader_without_a_name_is_no_person() -> None:
    """ "the leader of the opposition" names nobody."""
    assert [] == read("The leader of the opposition said the vote was rigged.")


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ("The rebels fired mortars at the governmental positions near the village.", "governmental positions"),
        ("Militants shelled government positions overnight.", "government positions"),
        ("Insurgents attacked the army positions near the town.", "the army positions"),
        ("Govt forces clashed with the insurgents.", "Govt forces"),
    ],
    ids=["governmental-positions", "government-positions", "army-positions", "govt-forces"],
)
def test_government_positions_are_the_local_state_forces(text: str, mention: str) -> None:
    """ "government positions" and "Govt forces" are the forces of the state where the story takes place."""
    loc = Location(id="l1", name="Ukraine", kind=cn.LocationKind.COUNTRY, country="UA",
                   mentions=[Span(start=len(text) - 1, end=len(text))])  # fmt: skip
    actor = next((a for a in read(text, locations=(loc,)) if any(mention in s for s in surfaces(text, a))), None)

    assert actor is not None
    assert ("state_forces", "UA") == (actor.kind.value, actor.country)


@pytest.mark.parametrize(
    ("text", "acts"),
    [
        ("Washington along with its allies demanded that the group disarm.", True),
        ("Moscow, together with Minsk, launched joint drills.", True),
        ("Sanctions on Moscow along with new tariffs hurt exports.", False),
    ],
    ids=["along-with", "together-with-commas", "no-verb"],
)
def test_a_capital_acts_across_its_companions(text: str, acts: bool) -> None:
    """ "Washington along with its allies demanded": the companions stand between the capital and its verb."""
    governments = [a for a in read(text) if a.kind is ActorKind.GOVERNMENT]

    assert acts == bool(governments)
    if acts:
        assert text[governments[0].mentions[0].start :].startswith(("Washington", "Moscow"))


def test_a_group_member_in_the_singular_belongs_to_the_group() -> None:
    """ "an Al Shabaab militant" is the group's member, not a second, unidentified armed group."""
    text = "Police shot and killed an Al Shabaab militant at a checkpoint."
    actors = read(text, "2020-05-05")

    assert "unidentified armed group" not in [a.name for a in actors]
    group = find(text, actors, "Al Shabaab militant")
    assert group is not None
    assert "rebel_group" == group.kind.value


@pytest.mark.parametrize(
    ("text", "mention", "name", "kind"),
    [
        (
            "Traditional elders have demanded the release of the detainees in Nigeria.",
            "Traditional elders",
            "Nigerian civilians",
            "civilians",
        ),
        ("Officers were shot by a gunman in Nairobi, Kenya.", "Officers", "Kenyan police", "state_forces"),
        ("Four army officers were arrested in Lome, Togo.", "army officers", "Togolese forces", "state_forces"),
        (
            "A French minister has cancelled a planned visit, the ministry said.",
            "A French minister",
            "French minister",
            "anonymous_source",
        ),
    ],
    ids=["elders", "officers", "army-officers", "minister"],
)
def test_elders_officers_and_ministers(text: str, mention: str, name: str, kind: str) -> None:
    """Elders are civilians, officers police (army officers the army), and "a French minister" an unnamed one."""
    actor = find(text, list(cn.parse(text, published="2020-05-05").actors), mention)

    assert actor is not None
    assert (name, kind) == (actor.name, actor.kind.value)


def test_the_governor_is_the_government() -> None:
    """ "the governor of ... closed the crossings": an unnamed governor stands for the state's government."""
    text = "The governor of Hadramawt governorate closed the border crossings in Yemen."
    actor = find(text, read(text, "2020-05-05"), "The governor")

    assert actor is not None
    assert ("government", "YE") == (actor.kind.value, actor.country)
