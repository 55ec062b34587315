"""Tests for the quantity parser: numbers, bounds, units, kinds, counted nouns, casualties and non-quantities."""

from __future__ import annotations

import datetime
import functools
import pathlib
import re
import tomllib
from typing import Any

import pytest
import regex
from hypothesis import example, given
from hypothesis import strategies as st

from conflictnews._analysis import word_before
from conflictnews.model import Actor, Document, Quantity, QuantityKind, Span
from conflictnews.parsers import Context
from conflictnews.parsers import quantities as quantities_module
from conflictnews.parsers.quantities import QuantityParser, area_km2, words_to_number
from conflictnews.parsers.times import TimeParser

_prev_word = functools.partial(word_before, quantities_module._PREV_RUN)  # the quantities parser's

PARSER = QuantityParser()
TIMES = TimeParser()
CASES = tomllib.loads((pathlib.Path(__file__).parent.parent / "cases" / "quantities.toml").read_text(encoding="utf-8"))


def quantities(text: str, actors: tuple[Actor, ...] = ()) -> list[Quantity]:
    """Parse *text* the way the pipeline does: times first, then quantities."""
    ctx = Context(Document(text=text, published=datetime.date(2025, 3, 16)))
    ctx.add([t for t in TIMES.parse(ctx) if not hasattr(t, "code")])
    ctx.actors = actors
    return [q for q in PARSER.parse(ctx) if isinstance(q, Quantity)]


def _as_toml(text: str, q: Quantity, keys: list[str]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for k in keys:
        v = getattr(q, k)
        if k == "noun":
            v = text[v.start : v.end] if v is not None else "none"
        elif isinstance(v, QuantityKind):
            v = v.value
        elif v is None:
            v = "none"
        out[k] = v
    return out


@pytest.mark.parametrize("case", CASES["case"], ids=[c["id"] for c in CASES["case"]])
def test_golden_cases(case: dict[str, Any]) -> None:
    """Every case finds exactly the listed quantities with the listed values (tests/cases/quantities.toml)."""
    text = case["text"]
    found = quantities(text)
    expected = case["expect"]

    actual = [_as_toml(text, q, list(e)) for q, e in zip(found, expected, strict=False)]

    assert [e["text"] for e in expected] == [q.text for q in found]
    assert expected == actual


def test_subject_links_the_actor_of_the_counted_noun() -> None:
    """ "70,000 Russian troops": the actor mentioned in the counted noun phrase becomes the subject."""
    text = "As many as 70,000 Russian troops massed near Sudzha."
    start = text.index("Russian troops")
    forces = Actor(id="a1", name="Russian forces", kind="state_forces", country="RU",
                   mentions=[Span(start=start, end=start + len("Russian troops"))])  # fmt: skip

    found = quantities(text, (forces,))

    assert [("a1", "Russian troops")] == [(q.subject, text[q.noun.start : q.noun.end]) for q in found if q.noun]


def test_no_subject_without_actors() -> None:
    """Without actor mentions nothing is linked."""
    assert [None] == [q.subject for q in quantities("130 drones were shot down.")]


def test_area_km2_converts_the_stated_unit() -> None:
    """The stated value and unit stay as written; area_km2 gives square kilometres."""
    q500, q12 = quantities("Ukraine held 500 square miles and 12 hectares.")

    assert (500.0, "square mile") == (q500.value, q500.unit)
    assert 1295.0 == round(area_km2(q500) or 0, 1)
    assert 0.12 == pytest.approx(area_km2(q12))
    assert area_km2(quantities("30 km away")[0]) is None


def test_ids_follow_text_order() -> None:
    """Items are numbered q1, q2, … in text order."""
    found = quantities("5 tanks, 6 drones and 7 missiles.")

    assert ["q1", "q2", "q3"] == [q.id for q in found]


def test_works_without_a_times_parser() -> None:
    """Dates and years are still left out when no time parser ran before."""
    ctx = Context(Document(text="On 9 May 2020 and in 2024, 12 people were killed."))
    found = [q.text for q in PARSER.parse(ctx)]

    assert ["12"] == found


def test_nouns_can_be_injected() -> None:
    """A parser built with its own noun table counts those nouns."""
    parser = QuantityParser(nouns={"goats": (QuantityKind.COUNT, False)})
    found = [q for q in parser.parse(Context(Document(text="They took 40 goats."))) if isinstance(q, Quantity)]

    assert ["goats"] == [f"{'They took 40 goats.'[q.noun.start : q.noun.end]}" for q in found if q.noun]


# ---- properties --------------------------------------------------------------------------------

_UNITS = ["", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
_TEENS = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def _words(n: int) -> str:
    """English words for 1 <= n < 1,000,000, written by a simple independent generator."""
    parts: list[str] = []
    if n >= 1000:
        parts += [_words(n // 1000), "thousand"]
        n %= 1000
    if n >= 100:
        parts += [_UNITS[n // 100], "hundred"]
        n %= 100
    if n >= 20:
        parts.append(_TENS[n // 10] + (f"-{_UNITS[n % 10]}" if n % 10 else ""))
    elif n >= 10:
        parts.append(_TEENS[n - 10])
    elif n:
        parts.append(_UNITS[n])
    return " ".join(parts)


@given(st.integers(min_value=2, max_value=999_999))
@example(12)
@example(70_000)
def test_number_words_round_trip(n: int) -> None:
    """Any number written in words reads back as its value, alone and before a counted noun."""
    words = _words(n)
    found = quantities(f"Officials counted {words} soldiers.")

    assert float(n) == words_to_number(words)
    assert [float(n)] == [q.value for q in found]


@given(st.integers(min_value=0, max_value=10**9))
def test_digit_numbers_round_trip(n: int) -> None:
    """Any number written in digits with thousands separators reads back as its value."""
    found = quantities(f"Officials counted {n:,} drones.")

    assert [float(n)] == [q.value for q in found]


@given(st.text(max_size=300))
@example("killing at least 12 and 5-6 civilians, $-3.5bn, 10:30, No. 5 ~ 7:1 a a a")
@example("\ud800 12 \udfff dozens of")
def test_never_raises_and_spans_match_text(text: str) -> None:
    """Any text parses; every span lies inside it and covers the item's text."""
    for q in quantities(text):
        assert 0 <= q.span.start <= q.span.end <= len(text)
        assert text[q.span.start : q.span.end] == q.text
        assert q.noun is None or 0 <= q.noun.start <= q.noun.end <= len(text)


@given(st.text(alphabet=st.sampled_from(list("0123456789 ,.-killed at least dozens of troops one two")), max_size=200))
def test_deterministic(text: str) -> None:
    """The same text always gives the same items."""
    assert quantities(text) == quantities(text)


@given(st.sampled_from(["12 people were killed.", "as many as 70,000 troops", "130 drones", "a dozen tanks"]),
       st.text(alphabet=st.characters(categories=["L", "Zs"]), max_size=20))  # fmt: skip
def test_prefix_shifts_spans(body: str, prefix: str) -> None:
    """Text put before a sentence moves its items' spans by the prefix's length."""
    base = quantities(body)
    lead = "Xx. " + re.sub(r"\s", " ", prefix) + ".\n"
    shifted = [q for q in quantities(lead + body) if q.span.start >= len(lead)]

    assert [(q.span.start + len(lead), q.value) for q in base] == [(q.span.start, q.value) for q in shifted]


# -- the cheap tests before the window patterns must not change what they find ----------------------------------

_WINDOW_ALPHABET = st.sampled_from(
    ["at least", "some", "killing", "Killed", "the", "an", "death toll", "rose to", "No.", "Route", "aged", "ſome",
     "KİLLED", "#", "№", "~", "12", "x", "’", "'", ".", ",", "-", "é", "\u212a", " ", "  ", "\t", "\n", "\x1c", "\xa0"]
)  # fmt: skip


@given(st.lists(_WINDOW_ALPHABET, max_size=12).map("".join), st.integers(0, 80), st.integers(0, 80))
@example("killed at least ", 0, 16)
@example("Route ", 0, 6)
@example("the death toll rose to ", 0, 23)
@example("about ~ ", 0, 8)
def test_window_patterns_answer_as_a_plain_search(text: str, a: int, b: int) -> None:
    """The word tests before the qualifier, casualty and name patterns never hide a match ("ſome", "KİLLED")."""

    lo, hi = sorted((min(a, len(text)), min(b, len(text))))
    for ending in (PARSER._qual, PARSER._cas_before, PARSER._cas_noun, PARSER._name_before):
        plain = ending._pattern.search(text, lo, hi)
        fast = ending.search(text, lo, hi)
        assert (plain and plain.span()) == (fast and fast.span())
    expected = regex.compile(r"(?P<w>[\p{L}][\p{L}'’.]*+)\s*+\Z").search(text, lo, hi)
    assert _prev_word(text, lo, hi) == (expected and (expected.start(), expected["w"]))


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("A dozen soldiers were killed.", 1),
        ("A few civilians fled.", 1),
        ("An hundred men came.", 1),
        ("A village was shelled.", 0),
        ("a", 0),
    ],
)
def test_an_article_opens_a_number_only_before_a_scale_or_vague_word(text: str, count: int) -> None:
    assert len(quantities(text)) == count


_PASSIVE_WORDS = st.sampled_from(
    ["a", "An", "man", "was", "WERE", "has", "been", "got", "reportedly", "killed", "shot", "dead", "gunned", "down",
     "killing", "x", ".", "ſ", " ", "  ", "\n", "\xa0"]
)  # fmt: skip


@given(st.lists(_PASSIVE_WORDS, max_size=14).map(" ".join))
@example("a man was reportedly shot dead")
@example("an officer has been killed")
def test_the_passive_test_never_hides_a_victim(text: str) -> None:
    """The backward test for "was killed" before the victim pattern passes wherever the pattern matches."""
    for end in range(len(text) + 1):
        lo = max(0, end - 90)
        if PARSER._victim_after.search(text, lo, end) is not None:
            assert PARSER._passive_end.match(text, lo, end) is not None


def test_a_passive_victim_is_still_read() -> None:
    found = [q for q in quantities("A civilian was reportedly shot dead in Kherson.") if q.rule.endswith("victim")]
    assert [(q.value, q.kind) for q in found] == [(1.0, QuantityKind.KILLED)]


def test_groups_read_by_number_are_the_named_ones() -> None:
    """The parser reads its patterns' groups by number; each number is that of the group the code means."""
    parser = QuantityParser()
    for name, groups in quantities_module._GROUP_INDEX.items():
        pattern = getattr(parser, name)
        pattern = pattern.pattern if isinstance(pattern, quantities_module._Ending) else pattern
        assert dict(pattern.groupindex) == groups
    m = parser._core.match("$12 million to 15 million")
    assert m is not None
    assert (m[quantities_module._CUR], m[quantities_module._D1], m[quantities_module._S1]) == ("$", "12", "million")
    assert (m[quantities_module._D2], m[quantities_module._S2]) == ("15", "million")
    assert m[quantities_module._SEP] == " to "
    n = parser._noun.match(" Russian soldiers")
    assert n is not None
    assert (n[quantities_module._MODS], n[quantities_module._N]) == (" Russian", "soldiers")
    v = parser._victim_before.match("killing the farmer in")
    assert v is not None
    assert (v[quantities_module._DET], v[quantities_module._NP]) == ("the", "farmer")
    a = parser._victim_after.match("a farmer was killed")
    assert a is not None
    assert (a[quantities_module._A_DET], a[quantities_module._A_NP]) == ("a", "farmer")
    u = parser._unit.match(" km")
    assert u is not None
    assert u[quantities_module._UNIT] == "km"


def test_a_pattern_whose_groups_moved_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    moved = dict(quantities_module._GROUP_INDEX, _noun={"n": 1, "mods": 2})
    monkeypatch.setattr(quantities_module, "_GROUP_INDEX", moved)
    with pytest.raises(RuntimeError, match="_noun"):
        QuantityParser()


@pytest.mark.parametrize(
    ("text", "kind", "noun"),
    [
        ("A soldier was killed in the attack.", QuantityKind.KILLED, "soldier"),
        ("Gunmen killed a farmer near the village.", QuantityKind.KILLED, "farmer"),
        ("At least 12 people were killed.", QuantityKind.KILLED, "people"),
        ("The death toll rose to 30.", QuantityKind.KILLED, "death toll"),
    ],
)
def test_casualty_reading_of_a_number(text: str, kind: QuantityKind, noun: str) -> None:
    """The casualty word after the number, before it, or a casualty noun before it (in that order) sets the kind."""
    (found,) = QuantityParser().find(text)
    assert found.kind == kind
    assert found.noun is not None
    assert text[found.noun[0] : found.noun[1]] == noun


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("-2 killed", [("2", 2.0, QuantityKind.KILLED)]),
        ("- 2 killed\n- 5 wounded", [("2", 2.0, QuantityKind.KILLED), ("5", 5.0, QuantityKind.WOUNDED)]),
        ("-2 killed\n-5 wounded", [("2", 2.0, QuantityKind.KILLED), ("5", 5.0, QuantityKind.WOUNDED)]),
        ("clashes -3 dead- were reported", [("3", 3.0, QuantityKind.KILLED)]),
        (
            "Losses:\n-12 civilians\n-3 tanks",
            [("12", 12.0, QuantityKind.CIVILIANS), ("3", 3.0, QuantityKind.EQUIPMENT)],
        ),
        ("the strike (-4 soldiers) was denied", [("4", 4.0, QuantityKind.PERSONNEL)]),
    ],
)
def test_a_dash_before_a_count_is_no_sign(text: str, expected: list[tuple[str, float, QuantityKind]]) -> None:
    """A count of people, things or events is never negative: a dash before it is a bullet or a dash."""
    found = QuantityParser().find(text)
    assert [(text[d.start : d.end], d.value, d.kind) for d in found] == expected
    assert all(d.low is None or d.low >= 0 for d in found)


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("Temperatures fell to -15 overnight.", "-15", -15.0),
        ("Output changed by -2% last year.", "-2%", -2.0),
        ("a change of -2.5 percent", "-2.5 percent", -2.5),
        ("at a depth of -30 metres", "-30 metres", -30.0),
    ],
)
def test_a_real_minus_sign_is_kept(text: str, span: str, value: float) -> None:
    (found,) = QuantityParser().find(text)
    assert (text[found.start : found.end], found.value) == (span, value)


def test_a_duration_is_a_time_and_a_quantity() -> None:
    # the times parser reads "three days" as a duration; the number stays a quantity (dates' numbers do not)
    found = quantities("The fighting lasted three days near 5 May.")
    assert [(q.text, q.kind) for q in found] == [("three days", QuantityKind.DURATION)]


@pytest.mark.parametrize(
    ("text", "span", "low", "high", "unit"),
    [
        ("shelling from 10 km to 20 km away", "10 km to 20 km", 10.0, 20.0, "kilometre"),
        ("between 10 km and 20 km from the front", "10 km and 20 km", 10.0, 20.0, "kilometre"),
        ("support fell to 23% to 27% in May", "23% to 27%", 23.0, 27.0, "percent"),
        ("a 2- to 3-day truce", "2- to 3-day", 2.0, 3.0, "day"),
        ("an 8- to 16-metre crater", "8- to 16-metre", 8.0, 16.0, "metre"),
    ],
)
def test_a_range_may_repeat_or_suspend_its_unit(text: str, span: str, low: float, high: float, unit: str) -> None:
    (found,) = QuantityParser().find(text)
    assert (text[found.start : found.end], found.low, found.high, found.unit) == (span, low, high, unit)


def test_two_measures_joined_by_and_stay_two_without_between() -> None:
    text = "10 km and 20 km of road"
    assert [text[d.start : d.end] for d in QuantityParser().find(text)] == ["10 km", "20 km"]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("within 48 hrs of the strike", [("48 hrs", QuantityKind.DURATION)]),
        ("the attack began at 0600 hrs", []),
    ],
)
def test_hrs_is_a_clock_time_only_after_four_digits(text: str, found: list[tuple[str, QuantityKind]]) -> None:
    assert [(text[d.start : d.end], d.kind) for d in QuantityParser().find(text)] == found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a noun the lexicon does not know, then a casualty word: the noun counts people
        ("3 Arbakis were killed in the raid.", [("3", QuantityKind.KILLED, "Arbakis")]),
        (
            "12 militants and 3 Arbakis were killed.",
            [("12", QuantityKind.KILLED, "militants"), ("3", QuantityKind.KILLED, "Arbakis")],
        ),
        # a casualty word before the number still decides; no casualty word, no reading
        ("Gunmen killed 3 Arbakis, wounded 5.", [("3", QuantityKind.KILLED, None), ("5", QuantityKind.WOUNDED, None)]),
        ("2 houses were destroyed.", [("2", QuantityKind.COUNT, None)]),
    ],
)
def test_a_casualty_word_after_an_unknown_noun(text: str, expected: list[tuple[str, QuantityKind, str | None]]) -> None:
    found = QuantityParser().find(text)
    assert [(text[d.start : d.end], d.kind, d.noun and text[d.noun[0] : d.noun[1]]) for d in found] == expected


@pytest.mark.parametrize(
    ("text", "kind"),
    [("Two Somali citizens died.", QuantityKind.KILLED), ("five shepherds", QuantityKind.CIVILIANS)],
)
def test_person_nouns_of_the_lexicon(text: str, kind: QuantityKind) -> None:
    (found,) = QuantityParser().find(text)
    assert found.kind == kind
    assert found.noun is not None


def _killed(text: str) -> list[tuple[str, float | None]]:
    return [(text[d.start : d.end], d.value) for d in PARSER.find(text) if d.kind == QuantityKind.KILLED]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a killing verb before "one" and its noun (or "one of ...")
        ("Rebels killed one policeman and wounded another.", [("one", 1.0)]),
        ("Guards killed one inmate and wounded 4 others.", [("one", 1.0)]),
        ("The army killed one of their leaders near the river.", [("one", 1.0)]),
        ("A bomb exploded, killing one and injuring two.", [("one", 1.0)]),
        ("Three men fought with police, and one of the men was killed.", [("one", 1.0)]),
        ("One park ranger was killed.", [("One", 1.0)]),
        # a parenthesis, an "including" phrase or a coordinated noun between the count and its verb
        ("4 villagers (3 men and 1 boy) were killed in the blast.", [("4", 4.0)]),
        ("2 farmers including a village elder were abducted and killed.", [("2", 2.0)]),
        ("Nine police officers and allied militiamen were reportedly killed.", [("Nine", 9.0)]),
        # a count after "including" is part of the count before it
        ("At least 30 rebels including 3 commanders and 2 policemen were killed.", [("At least 30", 30.0), ("2", 2.0)]),
        ("killing between 3 and 5 fighters.", [("3 and 5", 3.0)]),
        ("The strike killed a family of four.", [("four", 4.0)]),
        ("The bodies of 6 soldiers were recovered.", [("6", 6.0)]),
        ("12 ISWAP/BH fighters were killed.", [("12", 12.0)]),
        # killing phrases read in the passive
        ("1 guard was shot and killed by bandits.", [("1", 1.0)]),
        ("2 traders were stabbed to death at the market.", [("2", 2.0)]),
    ],
)
def test_counts_of_the_dead(text: str, expected: list[tuple[str, float]]) -> None:
    assert _killed(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A farmer was shot to death by three gunmen.", [("A farmer", 1.0)]),
        ("A taxi driver was beaten to death by a mob.", [("A taxi driver", 1.0)]),
        ("A guard fatally shot a customer at the gate.", [("a customer", 1.0)]),
        ("Gunmen shot dead a 2nd lieutenant in the city.", [("a 2nd lieutenant", 1.0)]),
        (
            "A gunman killed a member of the local election commission in the town.",
            [("a member of the local election commission", 1.0)],
        ),
        (
            "A senior official of the ruling party was stabbed to death on Monday.",
            [("A senior official of the ruling party", 1.0)],
        ),
        ("The body of a teacher was found near the road.", [("a teacher", 1.0)]),
        # coordinated victims
        ("A man and a woman were found dead in a car.", [("A man", 1.0), ("a woman", 1.0)]),
        ("The shelling killed the mother and a daughter in their home.", [("the mother", 1.0), ("a daughter", 1.0)]),
        ("A student and his brother were shot dead.", [("A student", 1.0), ("his brother", 1.0)]),
        ("Police raided a house and a suspect was killed.", [("a suspect", 1.0)]),
        # "died" after one person
        ("A detainee died in custody.", [("A detainee", 1.0)]),
        ("A driver was pronounced dead at the hospital.", [("A driver", 1.0)]),
        ("A robber was shot by the police and died.", [("A robber", 1.0)]),
        ("One man was wounded and the other died.", [("the other", 1.0)]),
        # one of the counted people, not one more
        ("5 soldiers including a colonel were killed.", [("5", 5.0)]),
    ],
)
def test_one_person_killed(text: str, expected: list[tuple[str, float]]) -> None:
    assert _killed(text) == expected


@pytest.mark.parametrize(
    ("text", "count"),
    [
        # the killers are no dead: an active killing phrase after a count, the agent of a passive
        ("Two gunmen shot and killed a shopkeeper.", "Two"),
        ("Three militants beheaded a farmer.", "Three"),
        ("A man was shot to death by two armed men.", "two"),
        ("Four men abducted and killed a driver.", "Four"),
    ],
)
def test_the_killers_are_not_counted_dead(text: str, count: str) -> None:
    found = [d for d in PARSER.find(text) if text[d.start : d.end] == count]
    assert len(found) == 1
    assert found[0].kind != QuantityKind.KILLED
    assert sum(v or 0 for _, v in _killed(text)) == 1
