"""
Limits a caller can set: the longest text, the most items in a report (docs/errors.md).

A text over *max_text_length* is refused with a ``LimitExceededError`` naming the limit;
a report that would hold more than *max_items* items keeps the first ones and says in an
``item-limit`` warning what was dropped. Nothing is cut silently. ``conflictnews batch``
skips a record over ``--max-chars`` and logs it, losing no other record.
"""

from __future__ import annotations

import json
import pathlib
import subprocess
import sys
from typing import Any

import pytest

import conflictnews as cn
from conflictnews.pipeline import DEFAULT_MAX_ITEMS, DEFAULT_MAX_TEXT_LENGTH, Pipeline
from tests.test_properties import report_problems

SENTENCE = "Russian troops shelled Sudzha on March 13, killing 3 civilians."


def test_the_defaults_are_safe_and_documented() -> None:
    """Ten million characters and a hundred thousand items unless the caller says otherwise."""
    pipeline = Pipeline.default()

    assert (10_000_000, 100_000) == (DEFAULT_MAX_TEXT_LENGTH, DEFAULT_MAX_ITEMS)
    assert (DEFAULT_MAX_TEXT_LENGTH, DEFAULT_MAX_ITEMS) == (pipeline.max_text_length, pipeline.max_items)


@pytest.mark.parametrize(
    "make",
    [
        pytest.param(lambda n: Pipeline([], max_text_length=n).parse, id="Pipeline"),
        pytest.param(lambda n: Pipeline.default(max_text_length=n).parse, id="Pipeline.default"),
        pytest.param(lambda n: lambda text: cn.parse(text, max_text_length=n), id="parse"),
    ],
)
def test_a_text_over_max_text_length_is_refused_naming_the_limit(make: Any) -> None:
    """Exactly at the limit parses; one character over raises LimitExceededError with the numbers."""
    parse = make(len(SENTENCE))

    assert SENTENCE == parse(SENTENCE).document.text
    with pytest.raises(cn.LimitExceededError, match=rf"{len(SENTENCE) + 1} characters.*max_text_length") as info:
        parse(SENTENCE + "!")
    assert isinstance(info.value, ValueError)
    assert ("max_text_length", len(SENTENCE), len(SENTENCE) + 1) == (
        info.value.limit,
        info.value.maximum,
        info.value.actual,
    )


@pytest.mark.parametrize(
    ("value", "error"),
    [
        pytest.param(-1, ValueError, id="negative"),
        pytest.param(1.5, TypeError, id="float"),
        pytest.param("100", TypeError, id="str"),
        pytest.param(None, TypeError, id="None"),
        pytest.param(True, TypeError, id="bool"),
    ],
)
@pytest.mark.parametrize("name", ["max_text_length", "max_items"])
def test_a_bad_limit_is_refused_up_front(name: str, value: object, error: type[Exception]) -> None:
    """Limits are non-negative ints, checked when the pipeline is made (or parse() is called)."""
    with pytest.raises(error, match=name):
        Pipeline([], **{name: value})  # type: ignore[arg-type]
    with pytest.raises(error, match=name):
        cn.parse("x", **{name: value})  # type: ignore[arg-type]


_REFERENCES = ("agents", "targets", "location", "time", "claim", "source", "chain", "disputed_by", "events")
_REFERENCES += ("quantities", "speaker", "channel_actor", "subject")


def _dangling(report: cn.Report) -> list[str]:
    """Ids that items refer to but the report does not hold."""
    ids = {it.id for it in report.items()}
    out: list[str] = []

    def check(value: Any) -> None:
        for v in value if isinstance(value, list) else [value]:
            if isinstance(v, str) and v not in ids:
                out.append(v)

    for item in cn.to_dict(report)["actors"] + cn.to_dict(report)["events"] + cn.to_dict(report)["claims"]:
        for key in _REFERENCES:
            check(item.get(key))
        check((item.get("fatalities") or {}).get("quantities"))
    for item in cn.to_dict(report)["quotes"] + cn.to_dict(report)["quantities"]:
        for key in _REFERENCES:
            check(item.get(key))
    return out


@pytest.mark.parametrize("limit", [0, 1, 7, 30, 60, 90, 10_000])
def test_a_report_keeps_at_most_max_items_and_warns_about_the_rest(seed_text: str, limit: int) -> None:
    """The first items are kept in order, ids stay a1…aN, no reference dangles, and a warning says what went."""
    full = cn.parse(seed_text, published="2025-03-16")
    report = cn.parse(seed_text, published="2025-03-16", max_items=limit)
    warned = [w for w in report.warnings if w.code == "item-limit"]

    assert len(report.items()) == min(limit, len(full.items()))
    assert [] == report_problems(report)
    assert [] == _dangling(report)
    for kind in ("actors", "locations", "times", "quantities", "events", "claims", "quotes"):
        kept = [(it.id, it.rule) for it in getattr(report, kind)]
        assert [(it.id, it.rule) for it in getattr(full, kind)][: len(kept)] == kept
    assert bool(warned) == (len(full.items()) > limit)
    assert all(str(limit) in w.message for w in warned)


def test_the_item_limit_names_the_cut_parser_and_those_not_run(seed_text: str) -> None:
    """The warning of the parser that was cut points at its first dropped item; the later parsers are listed."""
    full = cn.parse(seed_text, published="2025-03-16")
    limit = len(full.times) + len(full.locations) + 2  # times and locations fit, two actors do too
    report = cn.parse(seed_text, published="2025-03-16", max_items=limit)
    cut, not_run = [w for w in report.warnings if w.code == "item-limit"]

    assert ("actors", full.actors[2].mentions[0]) == (cut.parser, cut.span)
    assert f"the last {len(full.actors) - 2} were dropped" in cut.message
    assert "'quantities', 'quotes', 'claims', 'events' were not run" in not_run.message


def test_parse_with_a_limit_leaves_the_default_pipeline_alone(seed_text: str) -> None:
    """A limit given to parse() applies to that call only."""
    few = cn.parse(seed_text, max_items=3)
    everything = cn.parse(seed_text)

    assert 3 == len(few.items())
    assert len(everything.items()) > 3
    assert [] == [w for w in everything.warnings if w.code == "item-limit"]


def test_a_hostile_text_stops_at_the_item_limit() -> None:
    """A text that is nothing but dates stops at *max_items*, with warnings for the cut and the parsers not run."""
    report = cn.parse("2025 " * 2_000, published="2025-03-16", max_items=1_000)

    assert 1_000 == len(report.times) == len(report.items())
    assert [("item-limit", "times"), ("item-limit", None)] == [
        (w.code, w.parser) for w in report.warnings if w.code == "item-limit"
    ]


def _batch(tmp_path: pathlib.Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "conflictnews", "batch", *args],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def _records(path: pathlib.Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.mark.parametrize("workers", ["1", "2"])
def test_batch_skips_a_record_over_max_chars_and_logs_it_losing_nothing(tmp_path: pathlib.Path, workers: str) -> None:
    """Via the command line: the long record is logged as too-long, every other record is parsed, in order."""
    limit = 200
    records = [
        {"id": "short", "text": SENTENCE},
        {"id": "over", "text": "x" * (limit + 1)},
        {"id": "at-limit", "text": ("Kyiv " * limit)[:limit]},
        {"id": "wide", "text": "\u00e9" * limit},  # 200 characters, 400 bytes: counted in characters
        {"id": "escaped", "text": "\U0001f600" * limit},  # \ud83d\ude00 escapes in the JSON line
        {"id": "way-over", "text": SENTENCE * 100},
        {"id": "last", "text": "Protesters gathered in Kyiv."},
    ]
    (tmp_path / "in.jsonl").write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    (tmp_path / "long.txt").write_text("y" * (limit + 1), encoding="utf-8")
    (tmp_path / "ok.txt").write_text(SENTENCE, encoding="utf-8")

    done = _batch(tmp_path, "in.jsonl", "long.txt", "ok.txt", "-o", "out.jsonl", "--max-chars", str(limit),
                  "--workers", workers, "--chunk-size", "1", "--no-progress")  # fmt: skip

    assert 0 == done.returncode, done.stderr
    kept = [r["document"]["id"] for r in _records(tmp_path / "out.jsonl")]
    errors = _records(tmp_path / "out.jsonl.errors.jsonl")
    assert ["short", "at-limit", "wide", "escaped", "last", "ok.txt"] == kept
    assert [("over", 2), ("way-over", 6), ("long.txt", None)] == [(e["id"], e["line"]) for e in errors]
    assert {"too-long"} == {e["error"] for e in errors}
    assert all(f"--max-chars={limit}" in e["message"] for e in errors)
    assert "3 bad record(s) of 9" in done.stderr
