"""
ACLED-style rows: one row per event that carries an ACLED coding.

The columns are the 31 of ACLED's data export since its March 2023 restructuring
(:data:`ACLED_COLUMNS`, in ACLED's order). What a news article cannot tell
(ACLED's numeric ``iso`` code, ``region``, ``source_scale``, ``tags``,
``timestamp``) stays empty; see ``docs/batch.md`` for the column by column
mapping.
"""

from __future__ import annotations

import csv
import datetime
import functools
from collections.abc import Iterable, Iterator
from typing import Any, TextIO

from conflictnews.model import (
    ACLED_INTER,
    Actor,
    ActorKind,
    Event,
    Location,
    LocationKind,
    Modality,
    Report,
    TimeExpression,
)

__all__ = ["ACLED_COLUMNS", "acled_rows", "write_acled_csv"]

ACLED_COLUMNS: tuple[str, ...] = (
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
)
"""ACLED's 31 export columns, in ACLED's order."""

# ACLED's disorder type follows from the event type, with three sub-event exceptions.
_DISORDER_BY_TYPE = {
    "Battles": "Political violence",
    "Explosions/Remote violence": "Political violence",
    "Violence against civilians": "Political violence",
    "Riots": "Political violence",
    "Protests": "Demonstrations",
    "Strategic developments": "Strategic developments",
}
_DISORDER_BY_SUB_TYPE = {
    "Violent demonstration": "Demonstrations",
    "Excessive force against protesters": "Political violence; Demonstrations",
    "Excessive force against protestors": "Political violence; Demonstrations",
}

# Events the text says did not (or not yet) happen are not ACLED events.
_UNREALIZED = frozenset({Modality.NEGATED, Modality.HYPOTHETICAL, Modality.PLANNED})

_GEO_PRECISION = {
    LocationKind.PLACE: 1,
    LocationKind.FEATURE: 1,
    LocationKind.ADMIN2: 2,
    LocationKind.ADMIN1: 3,
    LocationKind.REGION: 3,
    LocationKind.COUNTRY: 3,
}


def acled_rows(report: Report, *, include_unrealized: bool = False) -> list[dict[str, Any]]:
    """
    One ACLED-style row (a dict keyed by :data:`ACLED_COLUMNS`) per event with an ACLED coding.

    ``event_id_cnty`` is ours, not ACLED's: ``"<document id>:<event id>"`` (just the event id
    when the document has none), so rows join back to the JSON report.
    ``notes`` is the event's sentence, ``source`` the document's source, ``fatalities`` the best
    estimate (0 when none is reported, as in ACLED). Unknowable columns are empty strings.

    Args:
        report: The report to export.
        include_unrealized: Also export events the text presents as negated, hypothetical
            or planned (left out by default: ACLED records events that happened).

    .. versionadded:: 0.1.0
    """
    by_id: dict[str, Any] = {item.id: item for item in report.items()}
    rows: list[dict[str, Any]] = []
    for event in report.events:
        if event.acled is None or (event.modality in _UNREALIZED and not include_unrealized):
            continue
        rows.append(_row(report, event, by_id))
    return rows


def _row(report: Report, event: Event, by_id: dict[str, Any]) -> dict[str, Any]:
    assert event.acled is not None  # checked by the caller
    coding = event.acled
    doc = report.document
    row: dict[str, Any] = dict.fromkeys(ACLED_COLUMNS, "")
    row["event_id_cnty"] = f"{doc.id}:{event.id}" if doc.id else event.id
    time = by_id.get(event.time) if event.time else None
    when, precision = _event_date(time if isinstance(time, TimeExpression) else None, doc.published)
    if when is not None:
        row["event_date"] = when.isoformat()
        row["year"] = when.year
    time_precision = event.precision.acled_time or precision
    row["time_precision"] = "" if time_precision is None else time_precision
    if when is not None and not (isinstance(time, TimeExpression) and time.start is not None):
        # never silently: the text gave no date, so the row carries the publication date and says so
        row["tags"] = "date not stated; publication date used"
    row["disorder_type"] = _DISORDER_BY_SUB_TYPE.get(
        coding.sub_event_type, _DISORDER_BY_TYPE.get(coding.event_type, "")
    )
    row["event_type"] = coding.event_type
    row["sub_event_type"] = coding.sub_event_type
    agents = [a for a in (by_id.get(i) for i in event.agents) if isinstance(a, Actor)]
    targets = [a for a in (by_id.get(i) for i in event.targets) if isinstance(a, Actor)]
    loc = by_id.get(event.location) if event.location else None
    if isinstance(loc, Location):
        _fill_location(row, loc, report)
    civilians_first = civilians_actor2(coding.event_type)
    if civilians_first:
        # ACLED codes civilians as actor2 of every attack on civilians: a civilian target first
        targets.sort(key=lambda a: a.kind is not ActorKind.CIVILIANS)  # a stable sort
    inter1 = coding.inter1 if coding.inter1 is not None else _inter(agents)
    inter2 = coding.inter2 if coding.inter2 is not None else _inter(targets)
    interaction = coding.interaction
    if agents:
        row["actor1"] = agents[0].name
        row["assoc_actor_1"] = "; ".join(a.name for a in agents[1:])
    elif row["country"] and (unnamed := unnamed_actor1(coding.event_type)) is not None:
        row["actor1"] = f"{unnamed[0]} ({row['country']})"
        inter1, interaction = unnamed[1], None
        _tag(row, "actor1 not named in the text")
    if civilians_first and row["country"] and not (targets and targets[0].kind is ActorKind.CIVILIANS):
        # the victims are told ("a former MLA", "a store") but no civilian actor was found: ACLED's actor2
        row["actor2"] = f"Civilians ({row['country']})"
        row["assoc_actor_2"] = "; ".join(a.name for a in targets)
        if inter2 != ACLED_INTER[ActorKind.CIVILIANS]:
            inter2, interaction = ACLED_INTER[ActorKind.CIVILIANS], None
        _tag(row, "actor2 not named in the text")
    elif targets:
        row["actor2"] = targets[0].name
        row["assoc_actor_2"] = "; ".join(a.name for a in targets[1:])
    row["inter1"] = "" if inter1 is None else inter1
    row["inter2"] = "" if inter2 is None else inter2
    if interaction is None and inter1 is not None:
        # ACLED records the pair lowest code first; a one-sided event (no actor2) is inter1 * 10
        if inter2:
            interaction = min(inter1, inter2) * 10 + max(inter1, inter2)
        elif not row["actor2"]:
            interaction = inter1 * 10
    row["interaction"] = "" if interaction is None else interaction
    if inter2 == ACLED_INTER[ActorKind.CIVILIANS] or any(t.kind is ActorKind.CIVILIANS for t in targets):
        row["civilian_targeting"] = "Civilian targeting"
    geo = event.precision.acled_geo
    if geo is None and isinstance(loc, Location):
        geo = 2 if loc.relations else _GEO_PRECISION.get(loc.kind)
    row["geo_precision"] = "" if geo is None else geo
    row["source"] = doc.source or ""
    sentence = event.sentence.slice(doc.text) if event.sentence is not None else event.text
    row["notes"] = " ".join(sentence.split())
    row["fatalities"] = event.fatalities.best if event.fatalities is not None else 0
    return row


def _event_date(
    time: TimeExpression | None, published: datetime.date | None
) -> tuple[datetime.date | None, int | None]:
    """The event's date (the middle of a period, as ACLED does) and the ACLED precision its length implies."""
    if time is not None and time.start is not None:
        end = max(time.end or time.start, time.start)
        days = (end - time.start).days
        return time.start + datetime.timedelta(days=days // 2), 1 if days == 0 else (2 if days < 7 else 3)
    return published, None


# ACLED's names for the actor of an event whose text names none, by event type, with their inter codes
_UNNAMED_ACTOR1 = {
    "Battles": ("Unidentified Armed Group", 3),
    "Explosions/Remote violence": ("Unidentified Armed Group", 3),
    "Violence against civilians": ("Unidentified Armed Group", 3),
    "Riots": ("Rioters", 5),
    "Protests": ("Protesters", 6),
}


def unnamed_actor1(event_type: str | None) -> tuple[str, int] | None:
    """
    ACLED's name and inter code for the actor1 of an event of *event_type* whose text names none.

    >>> unnamed_actor1("Violence against civilians")
    ('Unidentified Armed Group', 3)
    >>> unnamed_actor1("Strategic developments") is None
    True
    """
    return _UNNAMED_ACTOR1.get(event_type) if event_type else None


_CIVILIANS_ACTOR2 = frozenset(("Violence against civilians",))
"""Event types whose actor2 ACLED always codes as civilians (the codebook: "civilians are always actor2")."""


def civilians_actor2(event_type: str | None) -> bool:
    """
    True when ACLED codes civilians as actor2 of every event of *event_type*.

    >>> civilians_actor2("Violence against civilians"), civilians_actor2("Battles")
    (True, False)
    """
    return event_type in _CIVILIANS_ACTOR2


def _tag(row: dict[str, Any], tag: str) -> None:
    row["tags"] = "; ".join(t for t in (row["tags"], tag) if t)


def _inter(actors: list[Actor]) -> int | None:
    return ACLED_INTER.get(actors[0].kind) if actors else None


def _fill_location(row: dict[str, Any], loc: Location, report: Report) -> None:
    row["country"] = _country_name(loc.country, report) if loc.country else ""
    if loc.kind is LocationKind.COUNTRY:
        row["country"] = loc.name
    elif loc.kind is LocationKind.ADMIN1:
        row["admin1"] = loc.name
    else:
        row["admin1"] = loc.admin1 or ""
        if loc.kind is LocationKind.ADMIN2:
            row["admin2"] = loc.name
    row["location"] = loc.name
    row["latitude"] = "" if loc.latitude is None else loc.latitude
    row["longitude"] = "" if loc.longitude is None else loc.longitude


def _country_name(code: str, report: Report) -> str:
    """The country's name: a country the report names with that code, else the gazetteer's."""
    for loc in report.locations:
        if loc.kind is LocationKind.COUNTRY and loc.country == code:
            return loc.name
    return _gazetteer_country_name(code)


@functools.cache
def _gazetteer_country_name(code: str) -> str:
    try:
        from conflictnews._gazetteer import load_gazetteer
    except ImportError:  # pragma: no cover - a build without the gazetteer
        return ""
    try:
        place = load_gazetteer().country(code)
    except Exception:  # pragma: no cover - gazetteer data missing or unreadable: leave the column empty
        return ""
    return place.name if place is not None else ""


def _reports(report_or_reports: Report | Iterable[Report]) -> Iterator[Report]:
    if isinstance(report_or_reports, Report):
        yield report_or_reports
    else:
        yield from report_or_reports


def write_acled_csv(
    report_or_reports: Report | Iterable[Report],
    out: TextIO,
    *,
    header: bool = True,
    include_unrealized: bool = False,
) -> int:
    """
    Write ACLED-style CSV (see :func:`acled_rows`) for one report or many; return the row count.

    Reports are consumed one at a time, so a generator of reports streams.
    Lines end in CRLF as RFC 4180 says (a field holding a line break is then always quoted);
    open *out* with ``newline=""`` when it is a file.

    .. versionadded:: 0.1.0
    """
    writer = csv.DictWriter(out, fieldnames=ACLED_COLUMNS, lineterminator="\r\n")  # RFC 4180
    if header:
        writer.writeheader()
    n = 0
    for report in _reports(report_or_reports):
        rows = acled_rows(report, include_unrealized=include_unrealized)
        writer.writerows(rows)
        n += len(rows)
    return n
