"""The domain model validates cheap invariants on construction."""

from __future__ import annotations

import datetime

import attrs
import pytest

from conflictnews import Actor, ActorKind, Document, Location, Report, Span, TimeExpression


def test_span_rejects_end_before_start() -> None:
    """A span can never run backwards."""
    with pytest.raises(ValueError, match="before its start"):
        Span(start=5, end=4)


def test_span_rejects_negative_start() -> None:
    with pytest.raises(ValueError, match="start"):
        Span(start=-1, end=3)


def test_span_slices_text() -> None:
    assert "Sudzha" == Span(start=7, end=13).slice("around Sudzha today")


def test_kinds_are_string_enums() -> None:
    """Kinds convert from and compare equal to their string values."""
    a = Actor(id="a1", name="Russian forces", kind="state_forces", country="RU")
    assert a.kind is ActorKind.STATE_FORCES
    assert a.kind == "state_forces"


def test_country_must_be_alpha2() -> None:
    with pytest.raises(ValueError, match="ISO 3166-1"):
        Actor(id="a1", name="x", kind="person", country="RUS")


def test_coordinates_must_be_valid() -> None:
    with pytest.raises(ValueError, match="latitude"):
        Location(id="l1", name="x", kind="place", latitude=91.0, longitude=0.0)


def test_models_are_frozen_and_hashable() -> None:
    doc = Document(text="abc", published=datetime.date(2025, 3, 16))
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        doc.text = "x"  # type: ignore[misc]
    assert hash(doc) == hash(Document(text="abc", published=datetime.date(2025, 3, 16)))


def test_report_rejects_spans_outside_the_text() -> None:
    """Every span of a report must lie inside its document."""
    doc = Document(text="short")
    t = TimeExpression(id="t1", text="x", span=Span(start=3, end=9))
    with pytest.raises(ValueError, match="outside the text"):
        Report(document=doc, times=[t])


def test_report_rejects_duplicate_ids() -> None:
    doc = Document(text="Kyiv and Kyiv")
    a = Actor(id="a1", name="A", kind="person")
    with pytest.raises(ValueError, match="duplicate"):
        Report(document=doc, actors=[a, a])


def test_report_get_finds_items_by_id() -> None:
    doc = Document(text="Kyiv")
    loc = Location(id="l1", name="Kyiv", kind="place", mentions=[Span(start=0, end=4)])
    r = Report(document=doc, locations=[loc])
    assert loc == r.get("l1")
    with pytest.raises(KeyError):
        r.get("l9")
