"""
Properties of the whole pipeline over arbitrary text (hypothesis).

Whatever the text, the pipeline (strict, so a failing parser is an error here, not a warning):

- never raises;
- keeps every span inside the text, and for an item with a ``text`` field,
  ``text[span] == item.text`` (``trigger`` for events); mentions are non-empty spans;
- numbers the items of each kind 1…n in text order;
- gives the same report twice;
- shifts every span by ``len(prefix)`` and changes nothing else when a neutral
  paragraph is put in front of the text;
- survives a JSON round trip.

Two text strategies: any code points at all (lone surrogates, controls, bidi marks
included), and fragments of news (words of the reference article, cue words,
numbers, quotation marks, odd characters) so that the parsers actually find things.
Bugs hypothesis finds are pinned with ``@example``. The ``ci`` profile (``CI=true``)
runs more examples; ``FAST=1`` fewer.
"""

from __future__ import annotations

import datetime
import functools

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import conflictnews as cn
from conflictnews.pipeline import Pipeline
from conflictnews.testing.invariants import report_problems, without_offsets
from tests.conftest import SEED

PREFIX = "Meanwhile.\n\n"
"""A neutral prefix: a one-word paragraph of its own, so the document's sentences stay as they were."""

_WEIRD = [
    "\ud800",  # lone surrogates: a str may hold them, UTF-8 cannot
    "\udfff",
    "\u202e",  # bidi override, marks and isolates
    "\u200f",
    "\u2066",
    "\u200b",  # zero-width space and joiner
    "\u200d",
    "\ufeff",
    "\x00",
    "\x07",
    "\x1b",
    "\x7f",
    "\x85",
    "\u2028",
    "\u2029",
    "\r",
    "\t",
    "\u00a0",
    "\u0301",  # a combining mark with nothing to combine with
    "\U0001f600",
    "\U0001f468\u200d\U0001f469\u200d\U0001f467",
    "\ufffd",
    "\U0010ffff",
]
_PUNCT = [
    ".",
    ". ",
    "\n",
    "\n\n",
    ",",
    ";",
    ":",
    "?",
    "!",
    "...",
    "\u2026",
    '"',
    "\u201c",
    "\u201d",
    "'",
    "\u2019",
    "\u00ab",
    "\u00bb",
    "(",
    ")",
    "-",
    "\u2014",
    "/",
    "%",
    "$",
]
_CUES = [
    "said",
    "told the BBC",
    "according to",
    "claimed",
    "reportedly",
    "denied",
    "citing",
    "killed",
    "at least",
    "between",
    "and",
    "last week",
    "on Monday",
    "March",
    "March 13, 2025",
    "2025",
    "1,000",
    "70 000",
    "two hundred",
    "km",
    "U.S.",
    "Mr.",
    "Russian forces",
    "shelled",
    "Kursk region",
    "north of",
]
_WORDS = sorted(set(SEED.read_text(encoding="utf-8").split()))


def any_texts(max_size: int = 200) -> st.SearchStrategy[str]:
    """Any code points at all, surrogates and unassigned ones included."""
    chars = st.one_of(
        st.characters(exclude_categories=()), st.sampled_from([c for c in _WEIRD + _PUNCT if len(c) == 1])
    )
    return st.text(chars, max_size=max_size)


def news_texts(max_parts: int = 40) -> st.SearchStrategy[str]:
    """Fragments of news run together: words, cues, numbers, punctuation and odd characters."""
    part = st.one_of(
        st.sampled_from(_WORDS),
        st.sampled_from(_CUES),
        st.sampled_from(_PUNCT),
        st.sampled_from(_WEIRD),
        st.integers(0, 10**12).map(str),
    )
    sep = st.sampled_from([" ", " ", " ", "", "\n", ", "])
    return st.lists(st.tuples(part, sep), max_size=max_parts).map(lambda ps: "".join(p + s for p, s in ps))


def published_dates() -> st.SearchStrategy[datetime.date | None]:
    """No date, or one in the range news is published in (the extremes are tested in test_hardening.py)."""
    return st.none() | st.dates(min_value=datetime.date(1900, 1, 1), max_value=datetime.date(2100, 12, 31))


@functools.cache
def strict_pipeline() -> Pipeline:
    """The default parsers, strict: a parser that raises stops the run instead of becoming a warning."""
    return Pipeline.default(strict=True)


def check_all(text: str, published: datetime.date | None) -> None:
    """Assert every property of the module for one text."""
    pipeline = strict_pipeline()
    report = pipeline.parse(text, published=published)

    assert [] == report_problems(report)
    assert report == pipeline.parse(text, published=published)
    shifted = pipeline.parse(PREFIX + text, published=published)
    assert without_offsets(cn.to_dict(report), 0) == without_offsets(cn.to_dict(shifted), len(PREFIX))
    assert report == cn.from_json(cn.to_json(report))


@given(any_texts(), published_dates())
@example("", None)
@example("\ud800 said \udfff", datetime.date(2025, 3, 16))
@example("....... ?!?!?! \u2026\u2026", None)
def test_any_text_keeps_every_property(text: str, published: datetime.date | None) -> None:
    """Any code points at all: no exception, spans and surfaces right, deterministic, shift-invariant."""
    check_all(text, published)


@given(news_texts(), published_dates())
@example('"We will win," he said, according to the BBC.', datetime.date(2025, 3, 16))
@example("Russian forces shelled Sudzha on March 13, 2025, killing at least 3 civilians.", None)
@example("between 1,000 and 70 000 troops \u202ekilled\u202c last week \ud800 in Kursk region", None)
def test_news_like_text_keeps_every_property(text: str, published: datetime.date | None) -> None:
    """Fragments of news, where the parsers find items: the same properties hold."""
    check_all(text, published)


@given(st.sampled_from(_WORDS), st.integers(1, 400))
def test_long_runs_of_one_word_keep_every_property(word: str, times: int) -> None:
    """One word of the reference article repeated: long sentences without punctuation stay correct."""
    check_all(" ".join([word] * times), datetime.date(2025, 3, 16))


def test_reference_article_keeps_every_property(seed_text: str) -> None:
    """The reference article itself, with and without its publication date."""
    for published in (datetime.date(2025, 3, 16), None):
        check_all(seed_text, published)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param('"Win"s, he said.', id="minimal"),
        pytest.param(
            '"We will wRUin"h ,e said.rf\udc80\udc9cNo,\udce2\udc80d the BBC\u2019s correspondent, '
            "\u201cthey will not.",
            id="fuzz-crash-77ca71de",
        ),
    ],
)
def test_a_quotation_at_the_start_of_the_text_reads_as_it_does_further_in(text: str) -> None:
    """The prefix property for a text that opens with a quotation followed by its speech cue."""
    check_all(text, datetime.date(2025, 3, 16))


def test_claims_whose_source_comes_first_stay_in_text_order() -> None:
    """Fuzz crash 2c64a9e3: a participle claim whose subject lies far before its content sorted by content."""
    text = (
        "Oncoministry, citingry,  of the Kursk region, Ukrainian forces are facirritory are citing officials, "
        "Russia claimedcitingry, citing officials, Russi tnes\x01AccoministAccoministry, citingry,  of the Kursk "
        "region, Ukrainian forces are facirritory are citing officials, Russia claimedcitingry, citing officials, "
        "Russia claimed,P\x00\x00\x00\x00\x00\x00\x00\udc9c\udc93\udc86\udcd3\u07cb\udc97\udc9ct Ukrai,P\x00\x00"
        "\x00\x00\x00bei\x00\x00ng los"
    )
    check_all(text, None)


def test_a_negative_killed_count_gives_no_negative_toll() -> None:
    """Fuzz crash 741db8a4: "-2 killed" read as minus two made an event's best toll negative."""
    text = "Beast -2 killed, 30% of 4illed, 30 sq km, \u00041.5bn, two hundve.1.5bn, two hundve."
    report = cn.Pipeline.default(strict=True).parse(text, published="2025-03-16")
    check_all(text, datetime.date(2025, 3, 16))
    assert all(e.fatalities is None or e.fatalities.best >= 0 for e in report.events)


def test_a_common_word_after_of_reads_the_same_after_a_paragraph_break() -> None:
    """Fuzz crash 462e4008: "of Mars" read as a place alone, but not after "Meanwhile.\\n\\n" (the word before "of")."""
    check_all("of Mars\udcdf 13. Ukrregionas of Mf Mars( 13. Ukrregd.", None)
