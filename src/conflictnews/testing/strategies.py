"""
Hypothesis strategies for every conflictnews model type.

Every strategy that draws an item takes the document *text* so the spans it
makes always lie inside it; :func:`reports` ties them together with unique ids
and references that point at items of the right kind.

>>> from hypothesis import given
>>> from conflictnews.testing.strategies import reports
>>> @given(reports())
... def test_round_trip(report): ...

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import datetime
from typing import Any

from hypothesis import strategies as st

from conflictnews.model import (
    AcledCoding,
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
    PloverCoding,
    Precision,
    PrecisionCodes,
    Quantity,
    QuantityKind,
    Quote,
    Report,
    ReportWarning,
    Span,
    Stance,
    TimeExpression,
)

__all__ = [
    "actors",
    "claims",
    "documents",
    "events",
    "locations",
    "quantities",
    "quotes",
    "reports",
    "spans",
    "texts",
    "times",
]

_COUNTRIES = ("UA", "RU", "US", "KP", "SD", "IL", "PS", "SY", "GB")
_NAMES = st.text(min_size=1, max_size=20)
_OPT_STR = st.none() | st.text(max_size=20)
_FINITE = st.floats(allow_nan=False, allow_infinity=False, min_value=-1e12, max_value=1e12)
_DATES = st.dates(min_value=datetime.date(1900, 1, 1), max_value=datetime.date(2100, 12, 31))


def texts(max_size: int = 200) -> st.SearchStrategy[str]:
    """Document texts: arbitrary Unicode, surrogates excluded (they cannot be encoded as UTF-8 JSON)."""
    return st.text(st.characters(codec="utf-8"), max_size=max_size)


@st.composite
def spans(draw: st.DrawFn, text: str) -> Span:
    """A span inside *text*."""
    n = len(text)
    start = draw(st.integers(0, n))
    end = draw(st.integers(start, n))
    return Span(start=start, end=end)


@st.composite
def documents(draw: st.DrawFn, max_size: int = 200) -> Document:
    """A document with optional publication date, source, url and id."""
    return Document(
        text=draw(texts(max_size)),
        published=draw(st.none() | _DATES),
        source=draw(_OPT_STR),
        url=draw(_OPT_STR),
        id=draw(_OPT_STR),
    )


def _country() -> st.SearchStrategy[str | None]:
    return st.none() | st.sampled_from(_COUNTRIES)


@st.composite
def actors(draw: st.DrawFn, text: str, ident: str = "a1") -> Actor:
    """An actor whose mentions lie inside *text*."""
    return Actor(
        id=ident,
        name=draw(_NAMES),
        kind=draw(st.sampled_from(ActorKind)),
        country=draw(_country()),
        title=draw(_OPT_STR),
        mentions=draw(st.lists(spans(text), max_size=3)),
        rule=draw(st.text(max_size=10)),
        confidence=draw(st.none() | st.floats(0, 1)),
    )


@st.composite
def locations(draw: st.DrawFn, text: str, ident: str = "l1") -> Location:
    """A location whose mentions lie inside *text*."""
    return Location(
        id=ident,
        name=draw(_NAMES),
        kind=draw(st.sampled_from(LocationKind)),
        country=draw(_country()),
        admin1=draw(_OPT_STR),
        latitude=draw(st.none() | st.floats(-90, 90)),
        longitude=draw(st.none() | st.floats(-180, 180)),
        geonames_id=draw(st.none() | st.integers(1, 10**8)),
        mentions=draw(st.lists(spans(text), max_size=3)),
        relations=draw(
            st.lists(
                st.builds(GeoRelation, span=spans(text), relation=st.sampled_from(["near", "north of"])), max_size=2
            )
        ),
        metonym=draw(st.booleans()),
        rule=draw(st.text(max_size=10)),
    )


@st.composite
def times(draw: st.DrawFn, text: str, ident: str = "t1") -> TimeExpression:
    """A time expression whose span lies inside *text*."""
    sp = draw(spans(text))
    start = draw(st.none() | _DATES)
    return TimeExpression(
        id=ident,
        text=sp.slice(text),
        span=sp,
        start=start,
        end=None if start is None else start + datetime.timedelta(days=draw(st.integers(0, 400))),
        precision=draw(st.none() | st.sampled_from(Precision)),
        value=draw(_OPT_STR),
        relative=draw(st.booleans()),
        anchor=draw(st.none() | _DATES),
        modifier=draw(st.none() | st.sampled_from(["approx", "before", "after", "start", "end"])),
        rule=draw(st.text(max_size=10)),
    )


@st.composite
def quantities(draw: st.DrawFn, text: str, ident: str = "q1", actor_ids: tuple[str, ...] = ()) -> Quantity:
    """A quantity whose span lies inside *text*."""
    sp = draw(spans(text))
    return Quantity(
        id=ident,
        text=sp.slice(text),
        span=sp,
        value=draw(st.none() | _FINITE),
        low=draw(st.none() | _FINITE),
        high=draw(st.none() | _FINITE),
        unit=draw(_OPT_STR),
        kind=draw(st.sampled_from(QuantityKind)),
        approximate=draw(st.booleans()),
        qualifier=draw(_OPT_STR),
        vague=draw(_OPT_STR),
        noun=draw(st.none() | spans(text)),
        subject=draw(st.none() | st.sampled_from(actor_ids)) if actor_ids else None,
        rule=draw(st.text(max_size=10)),
    )


def _refs(draw: st.DrawFn, ids: tuple[str, ...], max_size: int = 2) -> tuple[str, ...]:
    if not ids:
        return ()
    return tuple(draw(st.lists(st.sampled_from(ids), max_size=max_size, unique=True)))


def _ref(draw: st.DrawFn, ids: tuple[str, ...]) -> str | None:
    return draw(st.none() | st.sampled_from(ids)) if ids else None


@st.composite
def events(draw: st.DrawFn, text: str, ident: str = "e1", refs: dict[str, tuple[str, ...]] | None = None) -> Event:
    """An event whose spans lie inside *text* and whose references come from *refs*."""
    refs = refs or {}
    trig = draw(spans(text))
    best = draw(st.integers(0, 1000))
    return Event(
        id=ident,
        text=trig.slice(text),
        trigger=trig,
        sentence=draw(st.none() | spans(text)),
        acled=draw(
            st.none()
            | st.builds(
                AcledCoding,
                event_type=st.sampled_from(["Battles", "Explosions/Remote violence"]),
                sub_event_type=st.sampled_from(["Armed clash", "Air/drone strike"]),
                inter1=st.none() | st.integers(1, 8),
                inter2=st.none() | st.integers(0, 8),
                interaction=st.none() | st.integers(0, 88),
            )
        ),
        plover=draw(
            st.none()
            | st.builds(
                PloverCoding,
                event_type=st.sampled_from(["CONSULT", "ASSAULT", "ACCUSE"]),
                mode=st.none() | st.sampled_from(["phone", "aerial"]),
                context=st.lists(st.sampled_from(["military", "political"]), max_size=2).map(tuple),
            )
        ),
        agents=_refs(draw, refs.get("actors", ())),
        targets=_refs(draw, refs.get("actors", ())),
        location=_ref(draw, refs.get("locations", ())),
        time=_ref(draw, refs.get("times", ())),
        fatalities=draw(
            st.none()
            | st.just(
                Fatalities(
                    best=best,
                    low=best,
                    high=best + draw(st.integers(0, 50)),
                    quantities=_refs(draw, refs.get("quantities", ())),
                )
            )
        ),
        modality=draw(st.sampled_from(Modality)),
        precision=draw(
            st.builds(
                PrecisionCodes,
                acled_time=st.none() | st.integers(1, 3),
                acled_geo=st.none() | st.integers(1, 3),
                ucdp_date=st.none() | st.integers(1, 5),
                ucdp_where=st.none() | st.integers(1, 7),
                date_stated=st.booleans(),
            )
        ),
        claim=_ref(draw, refs.get("claims", ())),
        mentions=draw(st.lists(spans(text), max_size=2)),
        rule=draw(st.text(max_size=10)),
    )


@st.composite
def claims(draw: st.DrawFn, text: str, ident: str = "c1", refs: dict[str, tuple[str, ...]] | None = None) -> Claim:
    """A claim whose spans lie inside *text*."""
    refs = refs or {}
    actor_ids = refs.get("actors", ())
    return Claim(
        id=ident,
        span=draw(spans(text)),
        content=draw(spans(text)),
        source=_ref(draw, actor_ids),
        source_text=draw(_OPT_STR),
        chain=_refs(draw, actor_ids),
        cue=draw(st.text(max_size=12)),
        cue_span=draw(st.none() | spans(text)),
        stance=draw(st.sampled_from(Stance)),
        hedged=draw(st.booleans()),
        hedges=tuple(draw(st.lists(st.sampled_from(["reportedly", "may", "appears"]), max_size=2))),
        disputed_by=_refs(draw, actor_ids),
        events=_refs(draw, refs.get("events", ())),
        quantities=_refs(draw, refs.get("quantities", ())),
        rule=draw(st.text(max_size=10)),
    )


@st.composite
def quotes(draw: st.DrawFn, text: str, ident: str = "qt1", refs: dict[str, tuple[str, ...]] | None = None) -> Quote:
    """A quote whose span lies inside *text*."""
    refs = refs or {}
    sp = draw(spans(text))
    return Quote(
        id=ident,
        text=sp.slice(text),
        span=sp,
        speaker=_ref(draw, refs.get("actors", ())),
        speaker_text=draw(_OPT_STR),
        cue=draw(_OPT_STR),
        channel=draw(_OPT_STR),
        channel_actor=_ref(draw, refs.get("actors", ())),
        direct=draw(st.booleans()),
        partial=draw(st.booleans()),
        scare=draw(st.booleans()),
        rule=draw(st.text(max_size=10)),
    )


@st.composite
def reports(draw: st.DrawFn, max_items: int = 3) -> Report:
    """
    A whole report: a document and items of every kind with consistent ids and references.
    """
    doc = draw(documents())
    text = doc.text

    def n() -> int:
        return draw(st.integers(0, max_items))

    acts = [draw(actors(text, f"a{i + 1}")) for i in range(n())]
    locs = [draw(locations(text, f"l{i + 1}")) for i in range(n())]
    tims = [draw(times(text, f"t{i + 1}")) for i in range(n())]
    refs: dict[str, tuple[str, ...]] = {
        "actors": tuple(a.id for a in acts),
        "locations": tuple(loc.id for loc in locs),
        "times": tuple(t.id for t in tims),
    }
    qtys = [draw(quantities(text, f"q{i + 1}", refs["actors"])) for i in range(n())]
    refs["quantities"] = tuple(q.id for q in qtys)
    n_claims = n()
    refs["claims"] = tuple(f"c{i + 1}" for i in range(n_claims))
    evs = [draw(events(text, f"e{i + 1}", refs)) for i in range(n())]
    refs["events"] = tuple(e.id for e in evs)
    cls = [draw(claims(text, f"c{i + 1}", refs)) for i in range(n_claims)]
    qts = [draw(quotes(text, f"qt{i + 1}", refs)) for i in range(n())]
    warns: list[Any] = draw(
        st.lists(
            st.builds(
                ReportWarning,
                code=st.sampled_from(["unresolved-date", "parser-failed"]),
                message=st.text(max_size=20),
                span=st.none() | spans(text),
                parser=st.none() | st.sampled_from(["times", "events"]),
            ),
            max_size=2,
        )
    )
    return Report(
        document=doc,
        actors=acts,
        locations=locs,
        times=tims,
        quantities=qtys,
        events=evs,
        claims=cls,
        quotes=qts,
        warnings=warns,
    )
