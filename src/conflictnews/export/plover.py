"""
PLOVER-style JSON Lines: one record per event with a PLOVER coding, or an ACLED coding mapped to PLOVER.

Field names follow the PLOVER manual's "JSON Data Fields" chapter (``id``, ``date``,
``enddate``, ``source`` and ``recipient`` actor lists, ``event``, ``mode``, ``context``,
``event_text``, ``event_loc``, ``dead``, ``text``, ``text_info``, ``cite_info``), plus a few
named extensions the manual allows (``document_id``, ``event_id``, ``modality``, ``acled``,
``coding``, ``rule``). See ``docs/batch.md``.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterable
from typing import Any, TextIO

from conflictnews.export.acled import _reports
from conflictnews.model import Actor, ActorKind, Event, Location, Modality, Report, TimeExpression

__all__ = ["plover_records", "write_plover_jsonl"]

# PLOVER sector codes for our actor kinds; kinds with no clear sector get none.
_SECTOR: dict[ActorKind, str] = {
    ActorKind.STATE_FORCES: "MIL",
    ActorKind.EXTERNAL_FORCES: "MIL",
    ActorKind.REBEL_GROUP: "REB",
    ActorKind.POLITICAL_MILITIA: "PRM",
    ActorKind.IDENTITY_MILITIA: "PRM",
    ActorKind.RIOTERS: "CVL",
    ActorKind.PROTESTERS: "OPP",
    ActorKind.CIVILIANS: "CVL",
    ActorKind.GOVERNMENT: "GOV",
    ActorKind.MEDIA: "JRN",
}

# PLOVER puts "did it happen?" in the context list.
_MODALITY_CONTEXT = {
    Modality.PLANNED: "future",
    Modality.HYPOTHETICAL: "hypothetical",
    Modality.NEGATED: "negation",
}


@functools.cache
def _acled_to_plover() -> dict[tuple[str, str], tuple[str, str | None]]:
    """(ACLED event type, sub-event type) → (PLOVER event type, mode), from the events parser's class table."""
    from conflictnews.errors import UnknownLexiconError
    from conflictnews.lexicons import load_table

    try:
        rows = load_table("events/classes")
    except UnknownLexiconError:  # pragma: no cover - a build without the events data
        return {}
    out: dict[tuple[str, str], tuple[str, str | None]] = {}
    for row in rows:
        if len(row) < 5 or "-" in (row[1], row[2], row[3]):
            continue
        out.setdefault((row[1], row[2]), (row[3], None if row[4] == "-" else row[4]))
    return out


def plover_records(report: Report) -> list[dict[str, Any]]:
    """
    One PLOVER-style record per event that has a PLOVER coding or an ACLED coding that maps to one.

    The date comes from the event's linked time (``enddate`` when it is a period), else
    from the document's publication date (``date_stated`` tells which). Actors carry
    ``actor_text``, PLOVER ``sector`` and ISO 3166-1 alpha-2 ``country_code``; ``code``
    (PLOVER's alpha-3 actor code) stays null.

    .. versionadded:: 0.1.0
    """
    by_id: dict[str, Any] = {item.id: item for item in report.items()}
    out: list[dict[str, Any]] = []
    for event in report.events:
        record = _record(report, event, by_id)
        if record is not None:
            out.append(record)
    return out


def _record(report: Report, event: Event, by_id: dict[str, Any]) -> dict[str, Any] | None:
    if event.plover is not None:
        kind, mode, context, coding = event.plover.event_type, event.plover.mode, list(event.plover.context), "plover"
    elif event.acled is not None:
        mapped = _acled_to_plover().get((event.acled.event_type, event.acled.sub_event_type))
        if mapped is None:
            return None
        (kind, mode), context, coding = mapped, [], "acled"
    else:
        return None
    extra = _MODALITY_CONTEXT.get(event.modality)
    if extra and extra not in context:
        context.append(extra)
    doc = report.document
    time = by_id.get(event.time) if event.time else None
    date = enddate = None
    if isinstance(time, TimeExpression) and time.start is not None:
        date = time.start.isoformat()
        if time.end is not None and time.end != time.start:
            enddate = time.end.isoformat()
    elif doc.published is not None:
        date = doc.published.isoformat()
    loc = by_id.get(event.location) if event.location else None
    sentence = event.sentence
    return {
        "id": f"{doc.id}:{event.id}" if doc.id else event.id,
        "date": date,
        "enddate": enddate,
        "date_stated": event.precision.date_stated,
        "source": [_actor(a) for a in (by_id.get(i) for i in event.agents) if isinstance(a, Actor)],
        "recipient": [_actor(a) for a in (by_id.get(i) for i in event.targets) if isinstance(a, Actor)],
        "event": kind,
        "mode": mode,
        "context": context,
        "event_text": [event.text],
        "event_loc": _location(loc) if isinstance(loc, Location) else None,
        "dead": event.fatalities.best if event.fatalities is not None else None,
        "text": sentence.slice(doc.text) if sentence is not None else event.text,
        "text_info": {"start": sentence.start, "end": sentence.end} if sentence is not None else None,
        "cite_info": {"url": doc.url, "publication": doc.source, "coder": "conflictnews"},
        "document_id": doc.id,
        "event_id": event.id,
        "modality": event.modality.value,
        "acled": (
            {"event_type": event.acled.event_type, "sub_event_type": event.acled.sub_event_type}
            if event.acled is not None
            else None
        ),
        "coding": coding,
        "rule": event.rule,
    }


def _actor(actor: Actor) -> dict[str, Any]:
    return {
        "actor_text": actor.name,
        "code": None,
        "country_code": actor.country,
        "sector": _SECTOR.get(actor.kind),
        "office": actor.title,
        "kind": actor.kind.value,
        "id": actor.id,
    }


def _location(loc: Location) -> dict[str, Any]:
    return {
        "geonameid": loc.geonames_id,
        "name": loc.name,
        "latitude": loc.latitude,
        "longitude": loc.longitude,
        "country_code": loc.country,
        "admin1": loc.admin1,
        "resolution": loc.kind.value,
        "id": loc.id,
    }


def write_plover_jsonl(report_or_reports: Report | Iterable[Report], out: TextIO) -> int:
    """
    Write :func:`plover_records` as JSON Lines for one report or many; return the record count.

    .. versionadded:: 0.1.0
    """
    n = 0
    for report in _reports(report_or_reports):
        for record in plover_records(report):
            out.write(json.dumps(record, ensure_ascii=False))
            out.write("\n")
            n += 1
    return n
