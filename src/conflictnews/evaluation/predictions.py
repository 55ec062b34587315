"""
Read what a scorer needs out of a prediction: a :class:`~conflictnews.Report` or its JSON dict.

Scorers work on the JSON contract (``conflictnews.to_dict(report)``), so a test
can hand-write a prediction as a small dict with only the keys it needs, and a
report parsed elsewhere (``conflictnews parse`` output) can be scored as it is.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator, Mapping
from typing import Any

__all__ = ["Prediction", "as_prediction"]

NOT_MAIN = frozenset({"negated", "denied", "planned", "hypothetical"})
"""Event modalities passed over when choosing the main event, while an asserted one exists."""


def _span(value: Any) -> tuple[int, int] | None:
    if isinstance(value, Mapping) and isinstance(value.get("start"), int) and isinstance(value.get("end"), int):
        return value["start"], value["end"]
    if isinstance(value, list | tuple) and len(value) == 2 and all(isinstance(v, int) for v in value):
        return value[0], value[1]
    return None


class Prediction:
    """
    One predicted report, indexed by item id.

    Missing keys read as empty lists, so ``{"events": []}`` is a valid prediction.
    """

    __slots__ = ("_by_id", "data")

    def __init__(self, data: Mapping[str, Any]) -> None:
        self.data = data
        self._by_id: dict[str, Mapping[str, Any]] | None = None

    def items(self, kind: str) -> list[Mapping[str, Any]]:
        """The items of *kind* ("events", "locations", ...), in report order."""
        value = self.data.get(kind) or []
        return [v for v in value if isinstance(v, Mapping)]

    def get(self, ident: Any) -> Mapping[str, Any] | None:
        """The item with id *ident*, or None."""
        if not isinstance(ident, str):
            return None
        if self._by_id is None:
            self._by_id = {}
            for kind in ("actors", "locations", "times", "quantities", "events", "claims", "quotes"):
                for it in self.items(kind):
                    if isinstance(it.get("id"), str):
                        self._by_id.setdefault(it["id"], it)
        return self._by_id.get(ident)

    def main_event(self, coding: str | None = "acled") -> Mapping[str, Any] | None:
        """
        The main event: the first event carrying a *coding* ("acled", "plover"; None: any).

        Events whose modality is negated, denied, planned or hypothetical are passed
        over when another such event exists. Returns None when no event qualifies.
        """
        events = [e for e in self.items("events") if coding is None or e.get(coding)]
        if coding is None:
            coded = [e for e in events if e.get("acled")]
            events = coded or events
        for e in events:
            if e.get("modality") not in NOT_MAIN:
                return e
        return events[0] if events else None

    def event_date(self, event: Mapping[str, Any]) -> tuple[datetime.date | None, datetime.date | None]:
        """Start and end of the event's linked time expression (None, None when unlinked or unresolved)."""
        t = self.get(event.get("time"))
        if t is None:
            return None, None
        return _date(t.get("start")), _date(t.get("end"))

    def event_location(self, event: Mapping[str, Any]) -> Mapping[str, Any] | None:
        """The event's linked location, or None."""
        return self.get(event.get("location"))

    def actor_ids(self, event: Mapping[str, Any], role: str) -> list[str]:
        """Ids of the event's agents or targets (*role*)."""
        return [a for a in event.get(role) or () if isinstance(a, str)]

    def mentions(self, item: Mapping[str, Any]) -> list[tuple[int, int]]:
        """Every mention span of an actor or location."""
        return [sp for m in item.get("mentions") or () if (sp := _span(m)) is not None]

    def spans(self, kind: str, key: str = "span") -> Iterator[tuple[tuple[int, int], Mapping[str, Any]]]:
        """``(span, item)`` for each item of *kind* whose *key* holds a span."""
        for it in self.items(kind):
            sp = _span(it.get(key))
            if sp is not None:
                yield sp, it

    @staticmethod
    def span(value: Any) -> tuple[int, int] | None:
        """A span from its JSON form ``{"start", "end"}`` (or a pair), else None."""
        return _span(value)


def _date(value: Any) -> datetime.date | None:
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, str):
        try:
            return datetime.date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None


def as_prediction(value: Any) -> Prediction:
    """Wrap a :class:`~conflictnews.Report`, its dict, or a :class:`Prediction`."""
    if isinstance(value, Prediction):
        return value
    if isinstance(value, Mapping):
        return Prediction(value)
    from conflictnews.model import Report

    if isinstance(value, Report):
        from conflictnews.serialization import to_dict

        return Prediction(to_dict(value))
    raise TypeError(f"a prediction must be a Report or a dict, not {type(value).__name__}")
