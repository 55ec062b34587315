"""The runner: parse gold texts with a pipeline, keep only the parsers a task reads, score per dataset."""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

import regex

from conflictnews.evaluation import evaluate, read_gold
from conflictnews.evaluation.runner import parsers_for
from conflictnews.model import Location, Span, TimeExpression
from conflictnews.parsers import PARSER_API_VERSION, Context, Item
from conflictnews.pipeline import Pipeline
from tests.evaluation.conftest import FIXTURES, load


class MonthParser:
    """A toy times parser: every "March" is 2025-03."""

    name = "times"
    requires: tuple[str, ...] = ()
    provides: tuple[str, ...] = ("times",)
    api_version: ClassVar[int] = PARSER_API_VERSION

    def parse(self, context: Context) -> Iterable[Item]:
        for k, m in enumerate(regex.finditer(r"March", context.text)):
            yield TimeExpression(
                id=context.next_id(TimeExpression, k),
                text="March",
                span=Span(start=m.start(), end=m.end()),
                value="2025-03",
            )


class KyivParser:
    """A toy locations parser that needs times (to test requirement closure)."""

    name = "locations"
    requires: tuple[str, ...] = ("times",)
    provides: tuple[str, ...] = ("locations",)
    api_version: ClassVar[int] = PARSER_API_VERSION

    def parse(self, context: Context) -> Iterable[Item]:
        for k, m in enumerate(regex.finditer(r"Kharkiv|Izium|Moscow", context.text)):
            yield Location(
                id=context.next_id(Location, k),
                name=m.group(),
                kind="place",
                mentions=(Span(start=m.start(), end=m.end()),),
            )


PIPE = Pipeline([MonthParser(), KyivParser()])


def test_parsers_for_keeps_requirements() -> None:
    """Asking for locations brings in times, which locations requires; asking for times does not bring locations."""
    assert ("times", "locations") == parsers_for(PIPE, ["locations"]).names
    assert ("times",) == parsers_for(PIPE, ["times"]).names
    assert () == parsers_for(PIPE, ["quotes"]).names


def test_evaluate_parses_and_scores() -> None:
    """A toy pipeline's output is scored: "March" is found with the right value, the other times are missed."""
    result = evaluate(load("timeml_small.jsonl"), pipeline=PIPE, source="t")
    metrics = result.results[0].metrics

    assert ("times",) == result.parsers
    assert (1, 1.0, 0.25) == (metrics["matched"], metrics["precision"], metrics["recall"])
    assert 1.0 == metrics["value_accuracy"]


def test_mixed_file_is_scored_per_dataset() -> None:
    """Records of several shapes in one file give one result per (dataset, task)."""
    lines = [
        *(FIXTURES / "timeml_small.jsonl").read_text(encoding="utf-8").splitlines(),
        *(FIXTURES / "toponyms_gwn_small.jsonl").read_text(encoding="utf-8").splitlines(),
    ]
    result = evaluate(read_gold(lines), pipeline=PIPE)

    assert [("tempeval3_timeml", "times"), ("geowebnews", "locations")] == [(r.dataset, r.task) for r in result.results]
    assert 1.0 == result.results[1].metrics["recall"]
    assert {"tempeval3_timeml": 1, "geowebnews": 1} == result.to_dict()["datasets"]


def test_tasks_filter_and_unscored_records() -> None:
    """Selecting a task skips records without gold for it; they are counted as unscored."""
    docs = load("timeml_small.jsonl") + load("quantities_small.jsonl")
    result = evaluate(docs, tasks=["times"], pipeline=PIPE)

    assert ["times"] == [r.task for r in result.results]
    assert 2 == result.unscored
