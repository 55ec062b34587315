"""The domain model validates cheap invariants on construction."""

from __future__ import annotations

import datetime
import math
from collections.abc import Callable

import attrs
import pytest

from conflictnews import (
    Actor,
    ActorKind,
    Claim,
    Document,
    Event,
    Fatalities,
    GeoRelation,
    Location,
    LocationKind,
    Modality,
    Precision,
    Quantity,
    QuantityKind,
    Report,
    Span,
    Stance,
    TimeExpression,
)


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


def test_sequences_and_kinds_are_converted() -> None:
    """Lists become tuples and strings become enum members; members and tuples pass through."""
    s = Span(start=0, end=4)
    mentions = (s,)
    loc = Location(id="l1", name="Kyiv", kind=LocationKind.PLACE, mentions=mentions, relations=[])
    assert loc.mentions is mentions
    assert loc.relations == ()
    ev = Event(id="e1", text="x", trigger=s, agents=["a1"], modality="claimed", mentions=[s])
    assert ev.agents == ("a1",)
    assert ev.mentions == (s,)
    assert ev.modality is Modality.CLAIMED
    q = Quantity(id="q1", text="3", span=s, kind="killed")
    assert q.kind is QuantityKind.KILLED
    t = TimeExpression(id="t1", text="x", span=s, precision="day")
    assert t.precision is Precision.DAY
    c = Claim(id="c1", span=s, content=s, chain=["a1"], stance="hedged", hedges=["may"])
    assert (c.chain, c.stance, c.hedges) == (("a1",), Stance.HEDGED, ("may",))


def test_unknown_kind_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="ActorKind"):
        Actor(id="a1", name="x", kind="wizard")


_ONE = Span(start=0, end=1)


@pytest.mark.parametrize(
    ("make", "error", "match"),
    [
        (lambda: Span(start="1", end=2), TypeError, "must be int"),
        (lambda: Actor(id="a1", name="x", kind="person", confidence=1.5), ValueError, "confidence"),
        (lambda: Actor(id="a1", name="x", kind="person", mentions=["a"]), TypeError, "Span"),
        (lambda: Location(id="l1", name="x", kind="place", longitude=-181.0), ValueError, "longitude"),
        (lambda: Location(id="l1", name="x", kind="place", latitude=math.inf), ValueError, "finite"),
        (lambda: Quantity(id="q1", text="x", span=_ONE, high=math.nan), ValueError, "high"),
        (lambda: Event(id="e1", text="x", trigger=_ONE, targets=[""]), ValueError, "targets"),
        (
            lambda: Claim(id="c1", span=_ONE, content=_ONE, events=[3]),
            ValueError,
            "events",
        ),
        (lambda: Fatalities(best=-1, low=0, high=0), ValueError, "best"),
        (lambda: Fatalities(best=1, low=0, high=1.5), TypeError, "high"),
        (lambda: Fatalities(best=1, low=0, high=1, quantities=[""]), ValueError, "quantities"),
    ],
)
def test_invalid_fields_are_rejected(make: Callable[[], object], error: type[Exception], match: str) -> None:
    with pytest.raises(error, match=match):
        make()


def test_first_failing_check_wins() -> None:
    """Checks run in field order: a bad country is reported before a bad confidence."""
    with pytest.raises(ValueError, match="ISO 3166-1"):
        Actor(id="a1", name="x", kind="person", country="xx", confidence=2.0)


def test_report_checks_mentions_and_relations_against_the_text() -> None:
    doc = Document(text="near Kyiv")
    inside = Location(id="l1", name="Kyiv", kind="place", mentions=[Span(start=5, end=9)])
    assert Report(document=doc, locations=[inside]).get("l1") == inside
    far = Location(id="l1", name="Kyiv", kind="place", mentions=[Span(start=5, end=12)])
    with pytest.raises(ValueError, match="5-12 of l1"):
        Report(document=doc, locations=[far])
    rel = GeoRelation(span=Span(start=0, end=20), relation="near")
    with pytest.raises(ValueError, match="0-20 of l1"):
        Report(document=doc, locations=[attrs.evolve(inside, relations=[rel])])
    ev = Event(id="e1", text="x", trigger=Span(start=0, end=4), sentence=Span(start=0, end=10))
    with pytest.raises(ValueError, match="0-10 of e1"):
        Report(document=doc, events=[ev])


@pytest.mark.parametrize(
    ("make", "error", "message"),
    [
        (lambda: Span(start=2, end=1), ValueError, "span end (1) is before its start (2)"),
        (lambda: Span(start=-1, end=1), ValueError, "span start (-1) must not be negative"),
        (lambda: Span(start=0, end=1.0), TypeError, "span offsets must be int, got 0 and 1.0"),
        (lambda: Location(id="l", name="x", kind="place", latitude=-90.5), ValueError, "'latitude' must be >= -90.0"),
        (lambda: Location(id="l", name="x", kind="place", latitude=90.5), ValueError, "'latitude' must be <= 90.0"),
        (lambda: Location(id="l", name="x", kind="place", latitude=math.nan), ValueError, "latitude must be finite"),
        (lambda: Location(id="l", name="x", kind="place", longitude=200), ValueError, "'longitude' must be <= 180.0"),
        (lambda: Location(id="l", name="x", kind="place", longitude="1"), TypeError, "must be real number, not str"),
        (lambda: Location(id="l", name="x", kind="town"), ValueError, "'town' is not a valid LocationKind"),
        (lambda: Event(id="e", text="x", trigger=_ONE, modality=None), ValueError, "None is not a valid Modality"),
        (lambda: Claim(id="c", span=_ONE, content=_ONE, stance=["x"]), ValueError, "['x'] is not a valid Stance"),
        (lambda: Quantity(id="q", text="x", span=_ONE, kind="Killed"), ValueError, "'Killed' is not a valid"),
        (lambda: TimeExpression(id="t", text="x", span=_ONE, precision="days"), ValueError, "'days' is not a valid"),
        (lambda: Actor(id="a", name="x", kind=3), ValueError, "3 is not a valid ActorKind"),
    ],
)
def test_bad_values_raise_the_usual_errors(make: Callable[[], object], error: type[Exception], message: str) -> None:
    """The quick paths for well-formed values leave every other value to the full checks and their messages."""
    with pytest.raises(error) as info:
        make()
    assert str(info.value).startswith(message)


def test_kind_converters_take_members_values_and_members_of_other_kinds() -> None:
    """A member is kept, a value looked up, and a str-enum member of another kind read by its value."""
    assert Event(id="e", text="x", trigger=_ONE, modality=Stance.ALLEGED).modality is Modality.ALLEGED
    assert Claim(id="c", span=_ONE, content=_ONE, stance=Modality.DENIED).stance is Stance.DENIED
    assert Location(id="l", name="x", kind=LocationKind.ADMIN1).kind is LocationKind.ADMIN1
    assert Location(id="l", name="x", kind="place", latitude=-90, longitude=180).latitude == -90
    assert Span(start=True, end=2).start is True  # (an int, as before)
