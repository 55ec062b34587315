"""
CAMEO/GDELT-style rows: one tab-separated row per event whose coding maps to a CAMEO event code.

The columns are a subset of the GDELT 2.0 event table, under GDELT's names
(:data:`CAMEO_COLUMNS`), with CAMEO event codes, GDELT's QuadClass and the Goldstein
scale value of the code. An ACLED sub-event type decides the code first (it is the more
specific coding of political violence), then a PLOVER type with its mode, then a PLOVER type
alone; the table is package data (``export/cameo.tsv``, ``export/cameo_codes.tsv``).
What differs from GDELT is listed in ``docs/batch.md``: actor countries are ISO 3166-1 alpha-3
codes, as CAMEO writes them, but the place's country is alpha-2 (GDELT: FIPS 10-4), and
``GLOBALEVENTID`` is ours (``"<document id>:<event id>"``).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from typing import Any, TextIO

from conflictnews.export.acled import _UNREALIZED, _reports
from conflictnews.model import Actor, ActorKind, Event, Location, LocationKind, Report, TimeExpression

__all__ = ["CAMEO_COLUMNS", "cameo_code", "cameo_rows", "write_cameo_tsv"]

CAMEO_COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID",
    "SQLDATE",
    "Actor1Name",
    "Actor1CountryCode",
    "Actor1Type1Code",
    "Actor2Name",
    "Actor2CountryCode",
    "Actor2Type1Code",
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "ActionGeo_Type",
    "ActionGeo_FullName",
    "ActionGeo_CountryCode",
    "ActionGeo_Lat",
    "ActionGeo_Long",
    "ActionGeo_FeatureID",
    "SOURCEURL",
    "DateStated",
    "Modality",
)
"""The columns, GDELT 2.0 event-table names in GDELT's order, then two of ours (``DateStated``, ``Modality``)."""

# CAMEO's agent type codes for our actor kinds; kinds with no clear CAMEO type get none.
_TYPE: dict[ActorKind, str] = {
    ActorKind.STATE_FORCES: "MIL",
    ActorKind.EXTERNAL_FORCES: "MIL",
    ActorKind.REBEL_GROUP: "REB",
    ActorKind.POLITICAL_MILITIA: "UAF",
    ActorKind.IDENTITY_MILITIA: "UAF",
    ActorKind.RIOTERS: "CVL",
    ActorKind.PROTESTERS: "OPP",
    ActorKind.CIVILIANS: "CVL",
    ActorKind.GOVERNMENT: "GOV",
    ActorKind.MEDIA: "MED",
}


def _quad_class(code: str) -> int:
    """GDELT's QuadClass of a CAMEO code: verbal (1), material (2) cooperation; verbal (3), material (4) conflict."""
    root = int(code[:2])
    return 1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4


@functools.cache
def _tables() -> tuple[dict[tuple[str, str, str], str], dict[str, float], dict[str, str]]:
    from conflictnews.lexicons import load_table

    codes = {(r[0], r[1], r[2]): r[3] for r in load_table("export/cameo")}
    goldstein = {r[0]: float(r[2]) for r in load_table("export/cameo_codes")}
    iso3 = {r[0]: r[1] for r in load_table("export/iso3166")}
    return codes, goldstein, iso3


def cameo_code(event: Event) -> str | None:
    """
    The CAMEO event code of *event*: from its ACLED sub-event type, else its PLOVER type and mode.

    None when neither maps to a CAMEO code.

    >>> from conflictnews.model import AcledCoding, Event, Span
    >>> ev = Event(id="e1", text="shelled", trigger=Span(start=0, end=7),
    ...            acled=AcledCoding(event_type="Explosions/Remote violence",
    ...                              sub_event_type="Shelling/artillery/missile attack"))
    >>> cameo_code(ev)
    '194'
    """
    codes = _tables()[0]
    if event.acled is not None and (code := codes.get(("acled", event.acled.sub_event_type, "-"))) is not None:
        return code
    if event.plover is not None:
        kind = event.plover.event_type
        return codes.get(("plover", kind, event.plover.mode or "-")) or codes.get(("plover", kind, "-"))
    return None


def cameo_rows(report: Report, *, include_unrealized: bool = False) -> list[dict[str, Any]]:
    """
    One CAMEO/GDELT-style row (a dict keyed by :data:`CAMEO_COLUMNS`) per event with a CAMEO code.

    ``ActionGeo_Type`` is GDELT's: 1 country (or a wider region), 2 US state, 3 US city,
    4 other city or place, 5 other first-level division.
    ``SQLDATE`` is the event's date (the start of a period), else the publication date, and
    ``DateStated`` says which (``1``: the text states it). ``IsRootEvent`` is 1 for an event
    of the first paragraph (up to the text's first line break), as in GDELT; ``NumMentions``
    counts the event's mentions in the text.

    Args:
        report: The report to export.
        include_unrealized: Also export events the text presents as negated, hypothetical
            or planned (left out by default: GDELT records events reported as happening).

    .. versionadded:: 0.1.0
    """
    by_id: dict[str, Any] = {item.id: item for item in report.items()}
    text = report.document.text
    first_paragraph = text.find("\n", len(text) - len(text.lstrip()))  # the lead: up to the first line break
    rows: list[dict[str, Any]] = []
    for event in report.events:
        if event.modality in _UNREALIZED and not include_unrealized:
            continue
        code = cameo_code(event)
        if code is not None:
            rows.append(_row(report, event, code, by_id, first_paragraph))
    return rows


def _row(report: Report, event: Event, code: str, by_id: dict[str, Any], first_paragraph: int) -> dict[str, Any]:
    _, goldstein, iso3 = _tables()
    doc = report.document
    row: dict[str, Any] = dict.fromkeys(CAMEO_COLUMNS, "")
    row["GLOBALEVENTID"] = f"{doc.id}:{event.id}" if doc.id else event.id
    time = by_id.get(event.time) if event.time else None
    stated = isinstance(time, TimeExpression) and time.start is not None
    when = time.start if isinstance(time, TimeExpression) and time.start is not None else doc.published
    row["SQLDATE"] = when.strftime("%Y%m%d") if when is not None else ""
    row["DateStated"] = 1 if stated else 0
    for n, ids in (("1", event.agents), ("2", event.targets)):
        actor = next((a for a in (by_id.get(i) for i in ids) if isinstance(a, Actor)), None)
        if actor is not None:
            row[f"Actor{n}Name"] = actor.name
            row[f"Actor{n}CountryCode"] = iso3.get(actor.country, "") if actor.country else ""
            row[f"Actor{n}Type1Code"] = _TYPE.get(actor.kind, "")
    row["IsRootEvent"] = 1 if first_paragraph < 0 or event.trigger.start < first_paragraph else 0
    row["EventCode"] = code
    row["EventBaseCode"] = code[:3]
    row["EventRootCode"] = code[:2]
    row["QuadClass"] = _quad_class(code)
    row["GoldsteinScale"] = goldstein.get(code, goldstein.get(code[:3], ""))
    row["NumMentions"] = len(event.mentions)
    loc = by_id.get(event.location) if event.location else None
    if isinstance(loc, Location):
        us = loc.country == "US"
        if loc.kind in (LocationKind.COUNTRY, LocationKind.REGION):
            row["ActionGeo_Type"] = 1
        elif loc.kind is LocationKind.ADMIN1:
            row["ActionGeo_Type"] = 2 if us else 5
        else:
            row["ActionGeo_Type"] = 3 if us else 4
        parts = [loc.name]
        if loc.admin1 and loc.kind not in (LocationKind.ADMIN1, LocationKind.COUNTRY) and loc.admin1 != loc.name:
            parts.append(loc.admin1)
        row["ActionGeo_FullName"] = ", ".join(parts)
        row["ActionGeo_CountryCode"] = loc.country or ""
        row["ActionGeo_Lat"] = "" if loc.latitude is None else loc.latitude
        row["ActionGeo_Long"] = "" if loc.longitude is None else loc.longitude
        row["ActionGeo_FeatureID"] = "" if loc.geonames_id is None else loc.geonames_id
    row["SOURCEURL"] = doc.url or ""
    row["Modality"] = event.modality.value
    return row


def write_cameo_tsv(
    report_or_reports: Report | Iterable[Report],
    out: TextIO,
    *,
    header: bool = True,
    include_unrealized: bool = False,
) -> int:
    """
    Write CAMEO/GDELT-style tab-separated rows (see :func:`cameo_rows`) for one report or many; return the row count.

    Reports are consumed one at a time, so a generator of reports streams. Tabs and line
    breaks inside a field are written as spaces, so every row is one line of 24 fields.

    .. versionadded:: 0.1.0
    """
    if header:
        out.write("\t".join(CAMEO_COLUMNS) + "\n")
    n = 0
    for report in _reports(report_or_reports):
        for row in cameo_rows(report, include_unrealized=include_unrealized):
            out.write("\t".join(" ".join(str(row[c]).split()) for c in CAMEO_COLUMNS) + "\n")
            n += 1
    return n
