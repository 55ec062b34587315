"""
Gold records in one normalised shape, whatever file they were read from.

A reader (:mod:`conflictnews.evaluation.readers`) turns each JSONL record into a
:class:`GoldDocument`: the text to parse, its reference date, and, per task, the
items a perfect reading would give. A field left ``None`` is not scored: the
record has nothing to say about it.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from attrs import field, frozen

__all__ = [
    "TASKS",
    "GoldActor",
    "GoldAttribution",
    "GoldDocument",
    "GoldEvent",
    "GoldMention",
    "GoldQuantity",
    "GoldTime",
    "GoldToponym",
]

TASKS = ("events", "actors", "locations", "times", "quantities", "quotes")
"""The tasks ``conflictnews evaluate --task`` knows, in report order."""


def _tuple(value: Iterable[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    return tuple(value)


@frozen(kw_only=True)
class GoldActor:
    """An actor as gold describes it: its kind and country (either may be unknown)."""

    kind: str | None = None
    country: str | None = None
    name: str | None = None


@frozen(kw_only=True)
class GoldEvent:
    """
    The main event of a record: every field that is not ``None`` is scored.

    *date* is scored as exact match; *date_end* widens it to a range (UCDP's
    ``date_start``..``date_end``). *plover_types* holds every PLOVER type that
    counts as right (a sentence with several gold events).
    """

    event_type: str | None = None
    sub_event_type: str | None = None
    date: datetime.date | None = None
    date_end: datetime.date | None = None
    fatalities: int | None = None
    latitude: float | None = None
    longitude: float | None = None
    admin1: str | None = None
    actor1: GoldActor | None = None
    actor2: GoldActor | None = None
    plover_types: frozenset[str] | None = None
    expect_event: bool = True


@frozen(kw_only=True)
class GoldToponym:
    """A place name in the text, with its coordinates when the gold has them."""

    start: int
    end: int
    latitude: float | None = None
    longitude: float | None = None
    surface: str = ""


@frozen(kw_only=True)
class GoldTime:
    """A time expression (TIMEX3): span and normalised value; a ``None`` span is matched by value."""

    start: int | None
    end: int | None
    value: str | None = None
    surface: str = ""


@frozen(kw_only=True)
class GoldQuantity:
    """A stated number; a ``None`` span (surface not found in the text) is matched by value alone."""

    start: int | None
    end: int | None
    value: float | None = None
    unit: str | None = None
    surface: str = ""


@frozen(kw_only=True)
class GoldAttribution:
    """
    An attributed statement: the content's fragments and, if any, the speaker's fragments.

    Fragments are ``(start, end)`` pairs; discontinuous spans keep every fragment.
    """

    content: tuple[tuple[int, int], ...] = field(converter=_tuple)
    source: tuple[tuple[int, int], ...] = field(default=(), converter=_tuple)
    source_text: str | None = None
    cue_text: str | None = None

    @property
    def hull(self) -> tuple[int, int]:
        """The smallest span covering every content fragment."""
        return min(s for s, _ in self.content), max(e for _, e in self.content)


@frozen(kw_only=True)
class GoldMention:
    """An actor mention: a span, with the kind and country when the gold gives them."""

    start: int
    end: int
    kind: str | None = None
    country: str | None = None
    surface: str = ""


@frozen(kw_only=True)
class GoldDocument:
    """
    One gold record: the text to parse and what each task expects of it.

    *recall_only* names tasks whose gold is known to be incomplete (phrases picked
    by coders, not every mention), so precision is not reported for them.
    *ignore* holds toponym spans that are neither right nor wrong to find.
    """

    id: str
    dataset: str
    text: str
    published: datetime.date | None = None
    event: GoldEvent | None = None
    toponyms: tuple[GoldToponym, ...] | None = None
    ignore: tuple[tuple[int, int], ...] = ()
    times: tuple[GoldTime, ...] | None = None
    quantities: tuple[GoldQuantity, ...] | None = None
    attributions: tuple[GoldAttribution, ...] | None = None
    mentions: tuple[GoldMention, ...] | None = None
    recall_only: frozenset[str] = frozenset()

    def tasks(self) -> tuple[str, ...]:
        """The tasks this record can be scored on, in :data:`TASKS` order."""
        has = {
            "events": self.event is not None,
            "actors": self.mentions is not None
            or (self.event is not None and (self.event.actor1 is not None or self.event.actor2 is not None)),
            "locations": self.toponyms is not None,
            "times": self.times is not None,
            "quantities": self.quantities is not None,
            "quotes": self.attributions is not None,
        }
        return tuple(t for t in TASKS if has[t])
