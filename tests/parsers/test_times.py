"""Tests for the time parser: recognition, normalisation against the publication date, and non-dates."""

from __future__ import annotations

import datetime
import functools
import pathlib
import tomllib
from typing import Any

import pytest
import regex
from hypothesis import example, given
from hypothesis import strategies as st

from conflictnews._analysis import word_before
from conflictnews.model import Document, Precision, ReportWarning, TimeExpression
from conflictnews.parsers import Context
from conflictnews.parsers.times import _PREV_RUN, TimeParser, resolve_month_day

PARSER = TimeParser()
_prev_word = functools.partial(word_before, _PREV_RUN)  # the times parser's word before a stretch
CASES = tomllib.loads((pathlib.Path(__file__).parent.parent / "cases" / "times.toml").read_text(encoding="utf-8"))


def parse(text: str, published: datetime.date | None = None) -> list[TimeExpression | ReportWarning]:
    return list(PARSER.parse(Context(Document(text=text, published=published))))


def times(text: str, published: datetime.date | None = None) -> list[TimeExpression]:
    return [t for t in parse(text, published) if isinstance(t, TimeExpression)]


def _as_toml(t: TimeExpression, keys: list[str]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for k in keys:
        v = getattr(t, k)
        if isinstance(v, datetime.date):
            v = v.isoformat()
        elif isinstance(v, Precision):
            v = v.value
        out[k] = v
    return out


@pytest.mark.parametrize("case", CASES["case"], ids=[c["id"] for c in CASES["case"]])
def test_golden_cases(case: dict[str, Any]) -> None:
    """Every case finds exactly the listed expressions with the listed values (tests/cases/times.toml)."""
    published = None if case["published"] == "none" else datetime.date.fromisoformat(case["published"])
    found = times(case["text"], published)
    expected = case["expect"]

    actual = [_as_toml(t, list(e)) for t, e in zip(found, expected, strict=False)]

    assert [e["text"] for e in expected] == [t.text for t in found]
    assert expected == actual


def test_relative_expressions_stay_unresolved_without_a_publication_date() -> None:
    """With no publication date, relative expressions get null values and an unresolved-time warning."""
    out = parse("Russian forces shelled the town on Tuesday and last week, and on 9 May 2020.")
    found = [t for t in out if isinstance(t, TimeExpression)]
    warnings = [w for w in out if isinstance(w, ReportWarning)]

    assert [("Tuesday", None, None), ("last week", None, None)] == [(t.text, t.start, t.value) for t in found[:2]]
    assert datetime.date(2020, 5, 9) == found[2].start
    assert ["unresolved-time", "unresolved-time"] == [w.code for w in warnings]
    assert {"times"} == {w.parser for w in warnings}


def test_ids_follow_text_order() -> None:
    """Items are numbered t1, t2, … in the order they appear."""
    found = times("On 9 May 2020 and on 10 May 2020, then on 11 May 2020.")

    assert ["t1", "t2", "t3"] == [t.id for t in found]
    assert sorted(t.span.start for t in found) == [t.span.start for t in found]


def test_every_item_names_its_rule() -> None:
    """Every item carries a rule id of the form times/<rule>."""
    found = times("Yesterday, last week, on March 3 and in 2014.", datetime.date(2025, 3, 16))

    assert all(t.rule.startswith("times/") for t in found)


def test_lexicons_can_be_injected() -> None:
    """A parser built with its own month names reads them ("3 Marzo 2025")."""
    parser = TimeParser(months={"Marzo": 3})
    found = [t for t in parser.parse(Context(Document(text="Il 3 Marzo 2025."))) if isinstance(t, TimeExpression)]

    assert [datetime.date(2025, 3, 3)] == [t.start for t in found]


def test_month_first_option_reads_us_numeric_dates() -> None:
    """``month_first=True`` reads 03/04/2025 as March 4."""
    parser = TimeParser(month_first=True)
    found = [t for t in parser.parse(Context(Document(text="on 03/04/2025"))) if isinstance(t, TimeExpression)]

    assert [datetime.date(2025, 3, 4)] == [t.start for t in found]


@pytest.mark.parametrize(
    ("month", "day", "future", "expected"),
    [
        (3, 13, False, datetime.date(2025, 3, 13)),
        (3, 20, False, datetime.date(2024, 3, 20)),
        (3, 20, True, datetime.date(2025, 3, 20)),
        (2, 29, False, datetime.date(2024, 2, 29)),
    ],
    ids=["days-before", "later-in-month-goes-back-a-year", "future", "leap-day"],
)
def test_resolve_month_day(month: int, day: int, future: bool, expected: datetime.date) -> None:
    """A year-less date resolves to the nearest such date before the anchor (after it when future)."""
    assert expected == resolve_month_day(month, day, datetime.date(2025, 3, 16), future=future)


# ---- properties --------------------------------------------------------------------------------

_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"]  # fmt: skip


def _ordinal(n: int) -> str:
    return "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


_FORMATS = [
    lambda d: f"{_MONTHS[d.month - 1]} {d.day}, {d.year}",
    lambda d: f"{d.day} {_MONTHS[d.month - 1]} {d.year}",
    lambda d: d.isoformat(),
    lambda d: f"{d:%A}, {_MONTHS[d.month - 1]} {d.day}, {d.year}",
    lambda d: f"{_MONTHS[d.month - 1][:3]}. {d.day}, {d.year}",
    lambda d: f"the {d.day}{_ordinal(d.day)} of {_MONTHS[d.month - 1]} {d.year}",
    lambda d: f"{d.day:02d}.{d.month:02d}.{d.year}",
]


@given(
    st.dates(min_value=datetime.date(1900, 1, 1), max_value=datetime.date(2099, 12, 31)),
    st.sampled_from(range(len(_FORMATS))),
)
@example(datetime.date(2025, 3, 16), 0)
def test_rendered_dates_round_trip(date: datetime.date, fmt: int) -> None:
    """A date written in any supported format reads back as that day."""
    text = f"The attack came on {_FORMATS[fmt](date)}, officials said."
    found = times(text)

    assert [(date, date, Precision.DAY, date.isoformat())] == [(t.start, t.end, t.precision, t.value) for t in found]


@given(st.text(max_size=300), st.none() | st.dates())
@example("March 31 to February 30, 2025 - 9999-99-99 the 31st of February", datetime.date(2025, 3, 16))
@example("\ud800 May \udfff 2025", None)
def test_never_raises_and_spans_match_text(text: str, published: datetime.date | None) -> None:
    """Any text parses; every span lies inside it and covers the item's text."""
    for t in times(text, published):
        assert 0 <= t.span.start <= t.span.end <= len(text)
        assert text[t.span.start : t.span.end] == t.text


@given(st.text(alphabet=st.sampled_from(list("0123456789 -/.,MarchMayonthe last week ago 2025")), max_size=200))
def test_deterministic(text: str) -> None:
    """The same text always gives the same items."""
    published = datetime.date(2025, 3, 16)

    assert times(text, published) == times(text, published)


@given(st.sampled_from(["On 9 May 2020, ", "last week ", "by March 16, 2025 ", "in 2014 "]), st.text(max_size=20))
def test_prefix_shifts_spans(body: str, prefix: str) -> None:
    """Text put before a sentence moves its items' spans by the prefix's length."""
    published = datetime.date(2025, 3, 16)
    base = times(body, published)
    # the prefix ends its own sentence: a part word ending it ("late") must not reach across into the body
    shifted = times("Xx. " + prefix.replace("\n", " ") + ".\n" + body, published)
    offset = len("Xx. " + prefix) + 2
    tail = [t for t in shifted if t.span.start >= offset]

    assert [(t.span.start + offset, t.value) for t in base] == [(t.span.start, t.value) for t in tail]


_PREFIX_PARTS = [
    "in",
    "the",
    "early",
    "mid",
    "end",
    "of",
    "as",
    "since",
    "\u017fince",
    "THE",
    "By",
    "late",
    "town",
    "x",
]


@given(st.lists(st.sampled_from([*_PREFIX_PARTS, " ", "  ", "\n", "-", "\u2013", ",", "3", "\u00e9"]), max_size=24))
@example(["the", " ", "end", " ", "of", " ", "the", " "])
@example(["town", " ", "in", " ", "the", " ", "early", "-"])
@example(["x", "3", "in", " ", "the", " ", "early", " ", "\u017fince", " ", "THE", " ", "end", " ", "of", " "])
def test_prefix_matches_the_plain_search(parts: list[str]) -> None:
    """The prefix searched from the run of its words is the match the plain 40-character search finds."""
    from conflictnews.parsers.times import _PREFIX, _prefix

    text = "".join(parts) + "March"
    for start in range(len(text) + 1):
        want = _PREFIX.search(text, max(0, start - 40), start)
        got = _prefix(text, start)
        spans = ("prep", "the", "part")
        assert (got and (got.span(), got.groups(), *map(got.span, spans))) == (
            want and (want.span(), want.groups(), *map(want.span, spans))
        )


@pytest.mark.parametrize(
    "text",
    ["March 16, 2025", "16 March 2025", "2025-03-16", "16/03/2025", "August 2024", "Q3 2024", "the coming weeks",
     "last week", "the weekend", "two days ago", "the next day", "yesterday", "every Tuesday", "last Tuesday night",
     "next summer", "this August", "1990s", "the 13th"],
)  # fmt: skip
def test_kind_is_the_one_alternative_that_matched(text: str) -> None:
    """The kind read from the last group to close is the one kind group that took part in the match."""
    from conflictnews.parsers.times import _KINDS, _kind

    m = PARSER._pattern.match(text, 4 if text.startswith("the weekend") else 0)
    assert m is not None
    assert [k for k in _KINDS if m.group(k) is not None] == [_kind(m)]


def test_words_that_open_no_atom_are_not_tried() -> None:
    """The trigger words left out as openers ("near", "morning") match nothing where they stand first."""
    left_out = PARSER._triggers - PARSER._atom_words
    assert {"near", "morning", "future"} <= left_out
    # "months" opens a vague duration ("months of talks")
    assert not {"last", "two", "may", "weekend", "march", "yesterday", "months"} & left_out
    for w in left_out:
        for v in (w, w.title(), w.upper()):
            for after in ("", " ", " ago", " before yesterday", " of 2024", " 2024", "s ago", "-long", " future", ","):
                assert PARSER._pattern.match(f"the {v}{after}", 4) is None, v + after


@pytest.mark.parametrize(
    "text",
    ["in the near future", "the day before yesterday", "two days ago and the next day", "that night, months later",
     "the weekend of 3 May", "Near Day 2 a decade ago", "in the coming weeks and the past 48 hours"],
)  # fmt: skip
def test_atoms_are_those_every_trigger_word_finds(text: str) -> None:
    """Leaving the non-openers out finds the same atoms as trying the pattern at every trigger word."""
    from conflictnews._analysis import Analysis

    every = TimeParser()
    every._atom_words = every._triggers
    got = [m.span() for m in PARSER._atoms(text, Analysis(text))]
    assert got == [m.span() for m in every._atoms(text, Analysis(text))]


_FORWARD_PREV_WORD = regex.compile(r"(?P<w>[\p{L}][\p{L}\p{N}.'’]*+)[\s,]*+\Z")


@given(st.text(alphabet="aB1 ,.'’\n\té2½-x", max_size=14), st.data())
@example("in May, 2024", None)
@example("Mr. 5,", None)
def test_prev_word_matches_the_forward_search(text: str, data: Any) -> None:
    # the backward match answers as the forward search of "a word, then only white space and commas" did
    if data is None:
        lo, hi = 0, len(text)
    else:
        hi = data.draw(st.integers(0, len(text)))
        lo = data.draw(st.integers(0, hi))
    m = _FORWARD_PREV_WORD.search(text, lo, hi)
    assert _prev_word(text, lo, hi) == (None if m is None else (m.start(), m.group("w")))


def test_remembered_beginnings_change_no_answer() -> None:
    # a beginning that failed twice ("two armed") is asked once whether any atom may start with it, and skipped
    # from then on when none may; "the day" may ("the day before"): it is always tried, and no answer depends on
    # what the parser read before
    texts = [
        "They left the day. They left the day. They left the day.",
        "He came back the day before. Two armed men came. Two armed men left. Two days ago, two armed men fled.",
        "The weekend was calm. Over the weekend, the weekend trips resumed. Two armed men, two days later.",
    ]
    day = datetime.date(2025, 3, 16)
    fresh = [[(t.text, t.start, t.end) for t in times(x, day)] for x in texts]
    assert ("the day before", datetime.date(2025, 3, 15), datetime.date(2025, 3, 15)) in fresh[1]
    parser = TimeParser()
    for _ in range(3):
        for x, expected in zip(texts, fresh, strict=True):
            found = parser.parse(Context(Document(text=x, published=day)))
            assert [(t.text, t.start, t.end) for t in found if isinstance(t, TimeExpression)] == expected
    assert parser._opens["Two armed"] is False
    assert parser._opens["the day"] is True


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("They met on Good Friday.", []),
        ("Speaking to Russia Today, he denied it.", []),
        # a comma parts the word before from the date: no name
        ("The talks went well, good, Friday's meeting will decide.", [("Friday", "2025-03-14")]),
        # a capitalised "Today" after "Word," is still a name: running text writes the date in lower case
        ("He spoke on Newsnight, Today and other programmes.", []),
    ],
)
def test_a_name_word_names_the_date_only_right_before_it(text: str, found: list[tuple[str, str]]) -> None:
    assert [(t.text, t.value) for t in times(text, datetime.date(2025, 3, 16))] == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("The siege lasted six days.", [("six days", "P6D")]),
        ("The curfew was shortened by one hour.", [("one hour", "PT1H")]),
        ("Clashes went on for several months.", [("several months", "PXM")]),
        ("A 45-minute firefight broke out.", [("45-minute", "PT45M")]),
        ("He was held for 72 hours and released.", [("72 hours", "PT72H")]),
        # ages, titles and compounds are no durations
        ("A 20-year-old man was killed.", []),
        ("He told CBS's 60 Minutes about it.", []),
        ("Profit beat the year-earlier figure.", []),
    ],
)
def test_a_length_of_time_is_a_duration(text: str, found: list[tuple[str, str]]) -> None:
    got = [t for t in times(text, datetime.date(2025, 3, 16)) if t.rule == "times/duration"]
    assert [(t.text, t.value) for t in got] == found
    # no date: a duration neither pins a day for the events nor asks for a publication date
    assert all((t.start, t.end, t.relative, t.precision) == (None, None, False, None) for t in got)


def test_a_duration_before_ago_stays_a_date() -> None:
    assert [(t.text, t.rule) for t in times("It began two days ago.", datetime.date(2025, 3, 16))] == [
        ("two days ago", "times/ago")
    ]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Rallies are held almost daily.", [("daily", "P1D", "times/set")]),
        ("Aid worth $2 million annually was cut.", [("annually", "P1Y", "times/set")]),
        ("He wrote for China Daily before the war.", []),
        ("After months of shelling the town fell.", [("months", "PXM", "times/duration")]),
        ("In the months of the siege, food ran out.", []),
        ("A boy about eight years of age was hurt.", []),
    ],
)
def test_frequency_words_and_bare_periods(text: str, found: list[tuple[str, str, str]]) -> None:
    assert [(t.text, t.value, t.rule) for t in times(text, datetime.date(2025, 3, 16))] == found


@pytest.mark.parametrize(
    "text",
    ["The match was postponed until Saturday.", "The team planned to leave on Thursday."],
)
def test_a_postponed_or_planned_weekday_lies_ahead(text: str) -> None:
    published = datetime.date(2025, 3, 12)  # a Wednesday
    (found,) = times(text, published)
    assert found.start is not None
    assert found.start > published
