"""parse() and the Pipeline: argument handling, ordering, failure isolation."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import ClassVar

import attrs
import pytest
from hypothesis import given

import conflictnews as cn
from conflictnews.model import item_spans
from conflictnews.testing.strategies import texts


@pytest.mark.parametrize(
    "published",
    ["2025-03-16", datetime.date(2025, 3, 16), datetime.datetime(2025, 3, 16, 9, 30), "2025-03-16T09:30:00Z"],
)
def test_published_accepts_date_datetime_and_iso(published: object) -> None:
    r = cn.parse("Nothing happened.", published=published)  # type: ignore[arg-type]
    assert datetime.date(2025, 3, 16) == r.document.published


def test_bad_published_raises_a_value_error_naming_it() -> None:
    with pytest.raises(cn.InvalidDateError, match="16/03/2025") as info:
        cn.parse("x", published="16/03/2025")
    assert isinstance(info.value, ValueError)


@pytest.mark.parametrize("bad", [None, b"bytes", 42])
def test_non_str_text_raises_type_error(bad: object) -> None:
    with pytest.raises(TypeError):
        cn.parse(bad)  # type: ignore[arg-type]


def test_source_and_url_are_kept() -> None:
    r = cn.parse("x", source="BBC", url="https://example.org/a")
    assert ("BBC", "https://example.org/a") == (r.document.source, r.document.url)


@given(texts(300))
def test_parse_never_raises_and_spans_stay_inside(text: str) -> None:
    """Arbitrary text parses, and every span of every item lies inside it."""
    r = cn.parse(text, published="2025-03-16")
    for item in r.items():
        for sp in item_spans(item):
            assert 0 <= sp.start <= sp.end <= len(text)


class _Fake:
    api_version: ClassVar[int] = cn.PARSER_API_VERSION

    def __init__(self, name: str, requires: tuple[str, ...] = (), provides: tuple[str, ...] = (), boom: bool = False):
        self.name, self.requires, self.provides, self.boom = name, requires, provides, boom

    def parse(self, context: cn.Context) -> Iterable[cn.Actor]:
        if self.boom:
            raise RuntimeError("kaput")
        return [cn.Actor(id=context.next_id(cn.Actor), name=self.name, kind="generic")]


def test_pipeline_orders_by_requires_and_provides() -> None:
    """A parser runs after the parsers providing what it requires, whatever the given order."""
    p = cn.Pipeline([_Fake("late", requires=("quotes",)), _Fake("early", provides=("quotes",))])
    assert ("early", "late") == p.names


def test_pipeline_reports_missing_provider() -> None:
    with pytest.raises(cn.PipelineError, match="requires 'claims'"):
        cn.Pipeline([_Fake("x", requires=("claims",))])


def test_pipeline_reports_cycles() -> None:
    with pytest.raises(cn.PipelineError, match="cycle"):
        cn.Pipeline([_Fake("a", ("x",), ("y",)), _Fake("b", ("y",), ("x",))])


def test_failing_parser_becomes_a_warning() -> None:
    """A parser that raises loses its output, the others' stays, and the report says which one failed."""
    p = cn.Pipeline([_Fake("ok"), _Fake("bad", boom=True)])
    r = p.parse("text")
    assert ["ok"] == [a.name for a in r.actors]
    assert ["bad"] == [w.parser for w in r.warnings]


def test_failing_parser_raises_in_strict_mode() -> None:
    p = cn.Pipeline([_Fake("bad", boom=True)], strict=True)
    with pytest.raises(cn.ParserError, match="bad"):
        p.parse("text")


def test_incompatible_api_version_is_refused() -> None:
    class Old(_Fake):
        api_version: ClassVar[int] = 0

    with pytest.raises(cn.PipelineError, match="API version"):
        cn.Pipeline([Old("old")])


def test_text_over_the_limit_is_refused_clearly() -> None:
    with pytest.raises(cn.LimitExceededError, match="max_text_length"):
        cn.Pipeline([], max_text_length=5).parse("123456")


def test_default_pipeline_rejects_unknown_disable() -> None:
    with pytest.raises(cn.UnknownParserError, match="nope"):
        cn.Pipeline.default(disable=["nope"])


class _Returns:
    """A parser that returns fixed items (to test the pipeline's checks of what parsers return)."""

    api_version: ClassVar[int] = cn.PARSER_API_VERSION
    requires: tuple[str, ...] = ()
    provides: tuple[str, ...] = ("locations",)

    def __init__(self, name: str, items: list[object]) -> None:
        self.name, self.items = name, items

    def parse(self, context: cn.Context) -> Iterable[object]:
        return list(self.items)


def _place(ident: str, *spans: tuple[int, int], rel: tuple[int, int] | None = None) -> cn.Location:
    relations = [cn.GeoRelation(span=cn.Span(start=rel[0], end=rel[1]), relation="near")] if rel else []
    return cn.Location(
        id=ident,
        name="X",
        kind="place",
        mentions=[cn.Span(start=s, end=e) for s, e in spans],
        relations=relations,
    )


@pytest.mark.parametrize(
    ("items", "error", "message"),
    [
        ([_place("l1", (0, 1), (2, 99))], ValueError, "returned l1 with span 2-99 outside the text (5 chars)"),
        ([_place("l1", (0, 1), rel=(0, 6))], ValueError, "returned l1 with span 0-6 outside the text (5 chars)"),
        ([_place("l1", (0, 1)), _place("l1", (0, 2))], ValueError, "returned an item with id 'l1', which is already"),
        ([cn.ReportWarning(code="w", message="m"), 3], TypeError, "returned int, which is not a report item"),
    ],
)
def test_items_a_parser_returns_are_checked(items: list[object], error: type[Exception], message: str) -> None:
    """Spans past the text, clashing ids and foreign objects stop a strict run and drop the parser's output."""
    parser = _Returns("odd", items)
    with pytest.raises(cn.ParserError) as info:
        cn.Pipeline([parser], strict=True).parse("Hello")  # type: ignore[list-item]
    assert isinstance(info.value.__cause__, error)
    assert str(info.value.__cause__).startswith(message)
    report = cn.Pipeline([parser]).parse("Hello")  # type: ignore[list-item]
    assert () == report.locations
    assert ["parser-failed"] == [w.code for w in report.warnings]


def test_a_warning_span_outside_the_text_is_refused() -> None:
    """A parser's warnings are checked when the report is built."""
    warning = cn.ReportWarning(code="w", message="m", span=cn.Span(start=0, end=9))
    with pytest.raises(ValueError, match="warning span 0-9 lies outside the text"):
        cn.Pipeline([_Returns("odd", [warning])]).parse("Hello")  # type: ignore[list-item]


class _Sneaks(_Returns):
    """A parser that puts its items into the context itself, past the pipeline's checks, then returns others."""

    def __init__(self, name: str, items: list[object], returned: list[object], *, via_add: bool) -> None:
        super().__init__(name, returned)
        self.sneaked, self.via_add = items, via_add

    def parse(self, context: cn.Context) -> Iterable[object]:
        if self.via_add:
            context.add(self.sneaked)  # type: ignore[arg-type]
        else:
            context.locations = (*context.locations, *self.sneaked)  # type: ignore[misc]
        return list(self.items)


@pytest.mark.parametrize("via_add", [True, False])
@pytest.mark.parametrize("returned", [[], [_place("l9", (0, 1))]])
def test_items_put_into_the_context_directly_are_still_checked(via_add: bool, returned: list[object]) -> None:
    """The report checks every item again when a parser bypassed the pipeline (its own items are checked once)."""
    ok = _Returns("first", [_place("l1", (0, 2))])
    sneaky = _Sneaks("odd", [_place("l2", (0, 99))], returned, via_add=via_add)
    with pytest.raises(ValueError, match="span 0-99 of l2 lies outside the text"):
        cn.Pipeline([ok, sneaky]).parse("Hello")  # type: ignore[list-item]
    clash = _Sneaks("odd", [_place("l1", (0, 1))], returned, via_add=via_add)
    with pytest.raises(ValueError, match="duplicate item id 'l1'"):
        cn.Pipeline([ok, clash]).parse("Hello")  # type: ignore[list-item]


def test_items_checked_by_the_pipeline_build_the_same_report() -> None:
    """The report the pipeline builds from the items it checked equals one built (and checked) from scratch."""
    report = cn.parse("Russian troops shelled Sudzha in the Kursk region on March 13.", published="2025-03-16")
    rebuilt = cn.Report(**{a.name: getattr(report, a.name) for a in attrs.fields(cn.Report)})
    assert rebuilt == report
    assert report.locations
    assert report.times
