"""
The error model (docs/errors.md): what raises, what never does.

- Wrong argument types raise ``TypeError``; an unreadable *published* raises
  ``InvalidDateError`` (a ``ValueError``) naming the value.
- Nothing about the *text* itself raises, however odd: control characters, lone
  surrogates, bidi marks, case mappings that change length, numbers too big for a
  float. Each odd text below goes through the strict pipeline (a failing parser
  raises there) and its report keeps the invariants of ``tests/test_properties.py``.
- Every exception conflictnews raises on purpose is a ``ConflictNewsError``.
"""

from __future__ import annotations

import datetime

import pytest

import conflictnews as cn
from conflictnews import errors
from conflictnews.pipeline import Pipeline
from tests.test_properties import check_all, report_problems, strict_pipeline

SENTENCE = 'Russian troops shelled Sudzha on March 13, killing 3 civilians, officials told the BBC. "We left," he said.'


@pytest.mark.parametrize(
    "bad",
    [
        pytest.param(None, id="None"),
        pytest.param(b"Russian troops shelled Sudzha.", id="bytes"),
        pytest.param(bytearray(b"text"), id="bytearray"),
        pytest.param(memoryview(b"text"), id="memoryview"),
        pytest.param(42, id="int"),
        pytest.param(["Russian", "troops"], id="list"),
        pytest.param(cn.Document(text="x"), id="document"),
    ],
)
def test_text_of_the_wrong_type_raises_type_error(bad: object) -> None:
    """parse() and Pipeline.parse() take a str and nothing else, and say so."""
    for parse in (cn.parse, strict_pipeline().parse):
        with pytest.raises(TypeError, match="str"):
            parse(bad)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "bad",
    [
        pytest.param(20250316, id="int"),
        pytest.param(2025.3, id="float"),
        pytest.param(True, id="bool"),
        pytest.param(b"2025-03-16", id="bytes"),
        pytest.param((2025, 3, 16), id="tuple"),
    ],
)
def test_published_of_the_wrong_type_raises_type_error(bad: object) -> None:
    """*published* is a date, a datetime, an ISO string or None."""
    with pytest.raises(TypeError, match="published"):
        cn.parse("x", published=bad)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "bad",
    [
        pytest.param("16/03/2025", id="day-first"),
        pytest.param("2025-13-01", id="month-13"),
        pytest.param("2025-02-30", id="february-30"),
        pytest.param("", id="empty"),
        pytest.param("   ", id="blank"),
        pytest.param("yesterday", id="relative"),
        pytest.param("2025-03-16 and more", id="trailing-words"),
        pytest.param("\ud800", id="lone-surrogate"),
        pytest.param("9" * 10_000, id="huge"),
    ],
)
def test_unreadable_published_raises_invalid_date_error_naming_it(bad: str) -> None:
    """An unreadable *published* is an InvalidDateError (a ValueError) that carries and names the value."""
    with pytest.raises(cn.InvalidDateError) as info:
        cn.parse("x", published=bad)

    assert isinstance(info.value, ValueError)
    assert bad == info.value.value
    assert repr(bad)[:40] in str(info.value)


@pytest.mark.parametrize(
    ("kwargs", "name"),
    [
        pytest.param({"source": 1}, "source", id="source"),
        pytest.param({"url": b"https://example.org"}, "url", id="url"),
    ],
)
def test_other_arguments_of_the_wrong_type_raise_type_error(kwargs: dict[str, object], name: str) -> None:
    """source and url are str or None."""
    with pytest.raises(TypeError, match=name):
        cn.parse("x", **kwargs)  # type: ignore[arg-type]


def test_run_needs_a_document() -> None:
    """Pipeline.run() takes a Document; a str is a TypeError pointing at parse()."""
    with pytest.raises(TypeError, match="Document"):
        strict_pipeline().run("Russian troops shelled Sudzha.")  # type: ignore[arg-type]


def test_a_pipeline_refuses_what_is_not_a_parser() -> None:
    """Pipeline() checks its parsers up front."""
    with pytest.raises(TypeError, match="not a Parser"):
        Pipeline([object()])  # type: ignore[list-item]


def test_every_exception_class_is_a_conflictnews_error() -> None:
    """One base class catches everything raised on purpose; value errors are ValueErrors too."""
    classes = [getattr(errors, name) for name in errors.__all__]
    value_errors = {cn.InvalidDateError, cn.LimitExceededError, cn.SerializationError}

    assert all(issubclass(c, cn.ConflictNewsError) for c in classes)
    assert value_errors == {c for c in classes if issubclass(c, ValueError)}


ODD_TEXTS = {
    "empty": "",
    "spaces": " " * 50,
    "newlines": "\n" * 50,
    "crlf": SENTENCE.replace(" ", "\r\n"),
    "cr-only": SENTENCE.replace(". ", ".\r"),
    "nul": SENTENCE.replace(" ", "\x00"),
    "c0-controls": "".join(map(chr, range(32))) + SENTENCE,
    "c1-controls": "".join(map(chr, range(0x7F, 0xA0))) + SENTENCE,
    "lone-high-surrogate": "\ud800" + SENTENCE + "\ud83d",
    "lone-low-surrogate": SENTENCE.replace("Sudzha", "Sud\udc00zha"),
    "reversed-surrogate-pair": "\ude00\ud83d " + SENTENCE,
    "bidi-override": "\u202e" + SENTENCE + "\u202c",
    "bidi-marks-inside-words": SENTENCE.replace("u", "u\u200f"),
    "isolates": "\u2066" + SENTENCE + "\u2069",
    "zero-width": SENTENCE.replace(" ", "\u200b"),
    "bom": "\ufeff" + SENTENCE,
    "emoji": SENTENCE.replace(" ", " \U0001f600 "),
    "zwj-sequence": "\U0001f468\u200d\U0001f469\u200d\U0001f467 " + SENTENCE,
    "flags": "\U0001f1fa\U0001f1e6" * 20 + SENTENCE,
    "combining-only": "\u0301" * 20,
    "combining-stack": "a" + "\u0301" * 2000 + " " + SENTENCE,
    "private-use": "\ue000\U000f0000 " + SENTENCE,
    "noncharacters": "\uffff\ufffe\U0010ffff " + SENTENCE,
    "replacement-character": SENTENCE.replace("a", "\ufffd"),
    "line-separators": SENTENCE.replace(". ", ".\u2028").replace(",", "\u2029"),
    "no-break-spaces": SENTENCE.replace(" ", "\u00a0"),
    "ideographic-space": SENTENCE.replace(" ", "\u3000"),
    "dotted-capital-i": "\u0130" * 5 + " " + SENTENCE,  # "İ".lower() is two characters
    "capital-sharp-s": "\u1e9e" * 3 + " " + SENTENCE.upper(),
    "ligature": "\ufb01\ufb02 " + SENTENCE,
    "final-sigma": "\u03a3" * 10 + " " + SENTENCE,
    "titlecase-digraph": SENTENCE + " \u01c5" * 5,
    "cyrillic-lookalikes": SENTENCE.replace("a", "\u0430").replace("o", "\u043e"),
    "fullwidth-digits": SENTENCE.replace("3", "\uff13"),
    "arabic-indic-digits": SENTENCE.replace("3", "\u0663"),
    "mathematical-digits": SENTENCE.replace("13", "\U0001d7cf\U0001d7d1"),
    "superscripts-and-fractions": "\u00b2\u00bd\u2153\u216b killed " + SENTENCE,
    "huge-number": "9" * 400 + " soldiers were killed.",
    "huge-grouped-number": "1" + ",000" * 200 + " troops",
    "huge-exponent": "1e999 killed, 10^400 wounded",
    "dotted-numbers": "1.2.3.4.5.6.7.8.9 " * 20,
    "number-words": "one hundred and twenty-five thousand three hundred and forty-two troops",
    "impossible-dates": "On February 30, 2025 and March 99 and 2025-13-45 and 0000-00-00 troops advanced.",
    "far-years": "In 99999 and in the year 0 and in 1 BC and on March 16, 0001 and in 10000 troops advanced.",
    "huge-relative": "99999999999 years ago and in 1000000000 days and next 99999999999999999999 weeks",
    "unbalanced-quotes": '"\u201c' + SENTENCE + "\u201d\u201d\u00bb",
    "nested-quotes": "\u201c'\u00ab" + SENTENCE + "\u00bb'\u201d",
    "only-quotes": '"' * 100 + "\u201c" * 100,
    "html": "<p>" + SENTENCE.replace(" ", " &amp; ") + "</p>",
    "url": "https://example.org/" + "a" * 2000 + " " + SENTENCE,
    "long-word": "a" * 20_000 + " " + SENTENCE,
    "long-capitalised-word": "A" * 20_000,
    "upper-case": SENTENCE.upper(),
    "no-spaces": SENTENCE.replace(" ", ""),
    "one-character-lines": "\n".join(SENTENCE),
}


@pytest.mark.parametrize("text", list(ODD_TEXTS.values()), ids=list(ODD_TEXTS))
def test_odd_text_never_raises_and_keeps_the_invariants(text: str) -> None:
    """Odd text goes through the strict pipeline, deterministic and shift-invariant, its spans right."""
    check_all(text, datetime.date(2025, 3, 16))


@pytest.mark.parametrize("text", list(ODD_TEXTS.values())[:12], ids=list(ODD_TEXTS)[:12])
def test_odd_text_parses_without_a_publication_date(text: str) -> None:
    """Without *published*, relative dates stay unresolved (a warning) and nothing raises."""
    check_all(text, None)


RELATIVE = (
    "Last week, a decade ago, in late December, last summer, over the weekend, the following day, "
    "since February, in January and next winter, troops advanced."
)


@pytest.mark.parametrize(
    "published",
    [datetime.date.min, datetime.date(1, 1, 7), datetime.date(9999, 12, 25), datetime.date.max],
    ids=str,
)
def test_extreme_publication_dates_never_raise(published: datetime.date) -> None:
    """With the default (lenient) pipeline even a date at the end of the calendar does not raise."""
    report = cn.parse(RELATIVE, published=published)

    assert [] == report_problems(report)


@pytest.mark.parametrize(
    "published",
    [datetime.date.min, datetime.date(1, 1, 7), datetime.date(9999, 12, 25), datetime.date.max],
    ids=str,
)
def test_extreme_publication_dates_leave_times_unresolved_not_failed(published: datetime.date) -> None:
    """A relative date that would fall outside the calendar stays unresolved; the times parser does not fail."""
    report = strict_pipeline().parse(RELATIVE, published=published)

    assert [] == [w for w in report.warnings if w.code == "parser-failed"]
    assert report.times


def test_a_text_over_the_sentence_limit_is_cut_with_a_warning() -> None:
    """Text with no sentence end is cut into sentences of at most MAX_SENTENCE_LENGTH, and the report says so."""
    from conflictnews._analysis import MAX_SENTENCE_LENGTH, Analysis

    text = " ".join(["Russian troops shelled Sudzha"] * 400)
    analysis = Analysis(text)
    report = cn.parse(text)

    assert all(e - s <= MAX_SENTENCE_LENGTH for s, e in analysis.sentences)
    assert text.replace(" ", "") == "".join(text[s:e] for s, e in analysis.sentences).replace(" ", "")
    assert ["long-sentence"] == [w.code for w in report.warnings]
    assert analysis.sentence_cuts[0] == report.warnings[0].span.start  # type: ignore[union-attr]


def test_real_prose_is_not_cut(seed_text: str) -> None:
    """The reference article has no sentence near the limit: no cut, no warning."""
    report = cn.parse(seed_text, published="2025-03-16")

    assert [] == [w for w in report.warnings if w.code == "long-sentence"]


def test_json_of_a_text_with_lone_surrogates_is_valid_utf8() -> None:
    """A str may hold lone surrogates; the JSON of its report must still be writable as UTF-8."""
    report = cn.parse("Russian troops shelled Sudzha\ud800 on March 13.", published="2025-03-16")

    data = cn.to_json(report).encode("utf-8")

    assert report == cn.from_json(data.decode("utf-8"))


_HASH_SEED_SCRIPT = """
import json, sys
import conflictnews as cn
texts = json.loads(sys.stdin.read())
print(json.dumps([cn.to_json(cn.parse(t, published="2025-03-16")) for t in texts]))
"""


def test_output_does_not_depend_on_string_hashing() -> None:
    """Two interpreters with different hash seeds (set and dict orders) read the same texts the same way."""
    import json
    import os
    import pathlib
    import subprocess
    import sys

    seed_text = (pathlib.Path(__file__).parent.parent / "seeds" / "kursk-2025-03.txt").read_text(encoding="utf-8")
    texts = [
        seed_text,
        SENTENCE,
        "Taliban militants clashed with Afghan forces in the Arzoo village close to Ghazni city.",
        "Clashes were reported in Arzoo village in Kerman, Iran, and in Arzu village.",
        "Large protests broke out in Wassit province; residents of Nassriya and Kerbela joined them.",
    ]
    outputs = []
    for hash_seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": hash_seed}
        done = subprocess.run(
            [sys.executable, "-c", _HASH_SEED_SCRIPT],
            input=json.dumps(texts),
            capture_output=True,
            text=True,
            env=env,
            check=True,
            timeout=120,
        )
        outputs.append(json.loads(done.stdout))
    assert outputs[0] == outputs[1]
