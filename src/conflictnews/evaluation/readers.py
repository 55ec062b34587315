"""
Reading gold JSONL: tell each record's shape, then turn it into a :class:`GoldDocument`.

The shapes are those of the development sets (``acled_2020_global``,
``ucdp_ged_ukraine``, ``geowebnews``, ``lgl``, ``trnews``, ``tempeval3_timeml``,
``polnear``, ``quantulum3_tests``, ``plover_gsr``, ``petrarch2_unittest``,
``giveme5w1h_gold``) plus the hand-writable ``conflictnews_gold`` shape; see
``docs/evaluation.md`` for every field read and every rule applied.
"""

from __future__ import annotations

import datetime
import functools
import json
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Any

import regex

from conflictnews.evaluation.acled_actors import acled_actor, country_code, ucdp_actor
from conflictnews.evaluation.gold import (
    GoldActor,
    GoldAttribution,
    GoldDocument,
    GoldEvent,
    GoldMention,
    GoldQuantity,
    GoldTime,
    GoldToponym,
)

__all__ = [
    "GWN_GOLD_TYPES",
    "GWN_IGNORED_TYPES",
    "SHAPES",
    "GoldFormatError",
    "detect_shape",
    "read_gold",
    "read_jsonl",
    "to_gold",
]

GWN_GOLD_TYPES = frozenset({"Literal", "Mixed", "Coercion", "Embedded_Literal", "Literal_Modifier", "Metonymic"})
"""GeoWebNews toponym types a geoparser should find (they make up recall)."""

GWN_IGNORED_TYPES = frozenset({"Embedded_Non_Lit", "Non_Literal_Modifier", "Demonym", "Language"})
"""GeoWebNews types that are neither required nor wrong to report as places."""


class GoldFormatError(ValueError):
    """A gold file or record that cannot be read; the message names the line."""


def read_jsonl(lines: Iterable[str], *, name: str = "gold") -> Iterator[dict[str, Any]]:
    """Yield the JSON objects of a JSONL stream, skipping blank lines."""
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise GoldFormatError(f"{name} line {n}: not valid JSON ({exc.msg})") from None
        if not isinstance(record, dict):
            raise GoldFormatError(f"{name} line {n}: expected a JSON object, got {type(record).__name__}")
        yield record


def read_gold(lines: Iterable[str], *, name: str = "gold", limit: int | None = None) -> list[GoldDocument]:
    """Read up to *limit* gold records from JSONL *lines* (shape detected per record)."""
    out: list[GoldDocument] = []
    for n, record in enumerate(read_jsonl(lines, name=name), 1):
        if limit is not None and len(out) >= limit:
            break
        try:
            out.append(to_gold(record))
        except GoldFormatError as exc:
            raise GoldFormatError(f"{name} record {n}: {exc}") from None
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise GoldFormatError(f"{name} record {n}: malformed {detect_shape(record)} record ({exc!r})") from None
    return out


_GENERIC_KEYS = ("events", "locations", "times", "quantities", "quotes", "actors")


def detect_shape(record: Mapping[str, Any]) -> str:
    """
    Name the gold shape of *record* from the keys it has.

    Raises:
        GoldFormatError: If no known shape fits.
    """
    gold = record.get("gold")
    if isinstance(gold, Mapping):
        if "event_type" in gold:
            return "acled_2020_global"
        if "type_of_violence" in gold:
            return "ucdp_ged_ukraine"
        if "event" in gold and "source" in gold:
            return "plover_gsr"
        if "who" in gold or "where" in gold or "when" in gold:
            return "giveme5w1h_gold"
    if isinstance(record.get("toponyms"), list):
        ident = str(record.get("id", ""))
        if ident.startswith("gwn-") or any(isinstance(t, Mapping) and "type" in t for t in record["toponyms"]):
            return "geowebnews"
        if ident.startswith("trnews-"):
            return "trnews"
        return "lgl"
    if isinstance(record.get("timexes"), list):
        return "tempeval3_timeml"
    if isinstance(record.get("attributions"), list):
        return "polnear"
    if isinstance(record.get("expected_events"), list):
        return "petrarch2_unittest"
    if isinstance(record.get("expected"), list):
        return "quantulum3_tests"
    if "text" in record and any(isinstance(record.get(k), list) for k in _GENERIC_KEYS):
        return "conflictnews_gold"
    keys = ", ".join(sorted(record)[:8])
    raise GoldFormatError(f"cannot tell the gold shape of a record with keys {keys}")


def to_gold(record: Mapping[str, Any]) -> GoldDocument:
    """Turn one JSONL record of any known shape into a :class:`GoldDocument`."""
    shape = detect_shape(record)
    text = record.get("text")
    if not isinstance(text, str):
        raise GoldFormatError(f"{shape} record has no 'text' string")
    return SHAPES[shape](record, text)


# --------------------------------------------------------------------------- helpers


def _date(value: Any) -> datetime.date | None:
    if not isinstance(value, str) or not value.strip():
        return None
    s = value.strip()
    if len(s) == 8 and s.isdigit():  # PETRARCH's YYYYMMDD
        s = f"{s[:4]}-{s[4:6]}-{s[6:]}"
    try:
        return datetime.date.fromisoformat(s[:10])
    except ValueError:
        return None


def _float(value: Any) -> float | None:
    if value is None or isinstance(value, bool):
        return None
    try:
        f = float(value)
    except (TypeError, ValueError):
        return None
    return f if f == f and abs(f) != float("inf") else None


def _int(value: Any) -> int | None:
    f = _float(value)
    return None if f is None else int(f)


def _ident(record: Mapping[str, Any], shape: str) -> str:
    return str(record.get("id", "")) or shape


def _locate(text: str, surface: str, start: int = 0) -> tuple[int, int] | None:
    """The first occurrence of *surface* at or after *start*, else anywhere, else None."""
    if not surface:
        return None
    i = text.find(surface, start)
    if i < 0:
        i = text.find(surface)
    return None if i < 0 else (i, i + len(surface))


def _span_ok(text: str, start: Any, end: Any) -> bool:
    return isinstance(start, int) and isinstance(end, int) and 0 <= start <= end <= len(text)


# --------------------------------------------------------------------------- events


def _acled(record: Mapping[str, Any], text: str) -> GoldDocument:
    g = record["gold"]
    meta = record.get("meta") or {}
    event = GoldEvent(
        event_type=g.get("event_type"),
        sub_event_type=g.get("sub_event_type"),
        date=_date(g.get("event_date")),
        fatalities=_int(g.get("fatalities")),
        latitude=_float(g.get("latitude")),
        longitude=_float(g.get("longitude")),
        admin1=g.get("admin1") or None,
        actor1=_acled_gold_actor(g.get("actor1"), g.get("inter1")),
        actor2=_acled_gold_actor(g.get("actor2"), g.get("inter2")),
    )
    # the notes carry no date of writing; ACLED's upload date is the closest stand-in (never the event date)
    published = _date(record.get("published")) or _date(meta.get("acled_upload_date"))
    return GoldDocument(
        id=_ident(record, "acled"), dataset="acled_2020_global", text=text, published=published, event=event
    )


def _acled_gold_actor(name: Any, inter: Any) -> GoldActor | None:
    if not isinstance(name, str) or not name.strip():
        return None
    kind, country = acled_actor(name, _int(inter))
    return GoldActor(kind=kind, country=country, name=name)


# a date-like word: the headline states when, so the event date can be scored
_DATED = regex.compile(
    r"""(?<![\p{L}\p{N}])(?:
        (?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*+\.?\s*+\d
      | \d{1,2}\s*+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)
      | (?:mon|tues|wednes|thurs|fri|satur|sun)day
      | today | yesterday | tonight | overnight | last\s++night | this\s++morning
      | \d{4}-\d{2}-\d{2} | \d{1,2}[./]\d{1,2}[./]\d{2,4}
    )""",
    regex.VERBOSE | regex.IGNORECASE,
)

# a word about death: the headline states a toll, so deaths can be scored
_DEATHS = regex.compile(
    r"(?<!\p{L})(?:kill|dead|death|die[ds]?(?!\p{L})|dying|fatal|casualt|slain|lives|bodies|body(?!\p{L})"
    r"|murder|execut|KIA(?!\p{L}))",
    regex.IGNORECASE,
)

_PLACE_WORDS = frozenset(
    {"town", "village", "city", "oblast", "region", "area", "raion", "district", "settlement", "province"}
    | {"airport", "checkpoint", "airfield", "international", "canal", "site", "post", "of", "the", "and", "basin"}
)


def _names_place(text: str, *names: Any) -> bool:
    """Whether the text contains the distinctive word of a gold place name ("Avdiivka town" -> "avdiivka")."""
    folded = _fold(text)
    for name in names:
        if not isinstance(name, str):
            continue
        words = [w for w in regex.split(r"[^\p{L}]++", _fold(regex.sub(r"\([^)]*+\)", " ", name))) if w]
        if any(len(w) >= 4 and w not in _PLACE_WORDS and w in folded for w in words):
            return True
    return False


@functools.lru_cache(maxsize=4096)
def _fold(s: str) -> str:
    from conflictnews.evaluation.metrics import fold

    return fold(s)


def _ucdp(record: Mapping[str, Any], text: str) -> GoldDocument:
    g = record["gold"]
    dated = bool(_DATED.search(text))
    located = _names_place(text, g.get("where_coordinates"), g.get("adm_1"))
    precise = (_int(g.get("where_prec")) or 9) <= 2  # exact place, or within 25 km of it
    tov = _int(g.get("type_of_violence"))
    event = GoldEvent(
        date=_date(g.get("date_start")) if dated else None,
        date_end=_date(g.get("date_end")) if dated else None,
        fatalities=_int(g.get("best")) if _DEATHS.search(text) else None,
        latitude=_float(g.get("latitude")) if located and precise else None,
        longitude=_float(g.get("longitude")) if located and precise else None,
        admin1=(g.get("adm_1") or None) if located else None,
        actor1=_ucdp_gold_actor(g.get("side_a"), tov, side="a"),
        actor2=_ucdp_gold_actor(g.get("side_b"), tov, side="b"),
    )
    published = _date(record.get("publication_date"))
    return GoldDocument(
        id=_ident(record, "ucdp"), dataset="ucdp_ged_ukraine", text=text, published=published, event=event
    )


def _ucdp_gold_actor(name: Any, tov: int | None, *, side: str) -> GoldActor | None:
    if not isinstance(name, str) or not name.strip():
        return None
    kind, country = ucdp_actor(name, tov, side=side)
    if kind is None and country is None:
        return None
    return GoldActor(kind=kind, country=country, name=name)


@functools.cache
def _plover_legacy() -> dict[str, str]:
    from conflictnews.lexicons import load_table

    return {r[0]: r[1] for r in load_table("eval/plover_legacy")}


def _plover(record: Mapping[str, Any], text: str) -> GoldDocument:
    g = record["gold"]
    etype = str(g.get("event") or "").upper()
    types = {etype} | ({_plover_legacy()[etype]} if etype in _plover_legacy() else set())
    event = GoldEvent(
        plover_types=frozenset(types) if etype else None,
        fatalities=_int(g.get("dead")),
    )
    mentions: list[GoldMention] = []
    for role in ("source", "target"):
        for actor in g.get(role) or ():
            surface = (actor or {}).get("actor_text") or ""
            at = _locate(text, surface)
            if at is not None:
                mentions.append(GoldMention(start=at[0], end=at[1], surface=surface))
    return GoldDocument(
        id=_ident(record, "plover"),
        dataset="plover_gsr",
        text=text,
        published=_date(record.get("date_placeholder")),
        event=event,
        mentions=tuple(sorted(set(mentions), key=lambda m: (m.start, m.end))),
        recall_only=frozenset({"actors"}),
    )


def _petrarch(record: Mapping[str, Any], text: str) -> GoldDocument:
    from conflictnews.evaluation.acled_actors import cameo_to_plover

    types = frozenset(
        t for e in record.get("expected_events") or () if (t := cameo_to_plover(str(e.get("eventcode") or "")))
    )
    event: GoldEvent | None
    if record.get("expect_no_events"):
        event = GoldEvent(plover_types=frozenset(), expect_event=False)
    elif types:
        event = GoldEvent(plover_types=types)
    else:
        event = None  # only codes with no PLOVER counterpart: nothing to score
    return GoldDocument(
        id=_ident(record, "petrarch"),
        dataset="petrarch2_unittest",
        text=text,
        published=_date(record.get("date")),
        event=event,
    )


# --------------------------------------------------------------------------- toponyms


def _toponyms(record: Mapping[str, Any], text: str) -> GoldDocument:
    shape = detect_shape(record)
    gold: list[GoldToponym] = []
    ignore: list[tuple[int, int]] = []
    for t in record["toponyms"]:
        start, end = t.get("start"), t.get("end")
        if t.get("span_status") == "mismatch" or not _span_ok(text, start, end):
            continue
        kind = t.get("type")
        if shape == "geowebnews" and kind not in GWN_GOLD_TYPES:
            if kind in GWN_IGNORED_TYPES:
                ignore.append((start, end))
            continue
        gold.append(
            GoldToponym(
                start=start,
                end=end,
                latitude=_float(t.get("lat")),
                longitude=_float(t.get("lon")),
                surface=text[start:end],
            )
        )
    return GoldDocument(
        id=_ident(record, shape),
        dataset=shape,
        text=text,
        published=_date(record.get("publication_date")),
        toponyms=tuple(gold),
        ignore=tuple(ignore),
    )


# --------------------------------------------------------------------------- times, quantities, quotes


def _tempeval(record: Mapping[str, Any], text: str) -> GoldDocument:
    times = tuple(
        GoldTime(start=t["start"], end=t["end"], value=t.get("value"), surface=text[t["start"] : t["end"]])
        for t in record["timexes"]
        if _span_ok(text, t.get("start"), t.get("end"))
    )
    published = _date(record.get("publication_date")) or _date((record.get("dct") or {}).get("value"))
    return GoldDocument(
        id=_ident(record, "tempeval"), dataset="tempeval3_timeml", text=text, published=published, times=times
    )


def _quantulum(record: Mapping[str, Any], text: str) -> GoldDocument:
    out: list[GoldQuantity] = []
    pos = 0
    for q in record["expected"]:
        surface = str(q.get("surface") or "")
        at = _locate(text, surface, pos)
        if at is not None:
            pos = at[1]
        out.append(
            GoldQuantity(
                start=at[0] if at else None,
                end=at[1] if at else None,
                value=_float(q.get("value")),
                unit=q.get("unit"),
                surface=surface,
            )
        )
    return GoldDocument(id=_ident(record, "quantulum"), dataset="quantulum3_tests", text=text, quantities=tuple(out))


def _fragments(text: str, part: Any) -> tuple[tuple[int, int], ...]:
    if not isinstance(part, Mapping):
        return ()
    return tuple((int(s), int(e)) for s, e in part.get("spans") or () if _span_ok(text, s, e) and e > s)


def _polnear(record: Mapping[str, Any], text: str) -> GoldDocument:
    out: list[GoldAttribution] = []
    for a in record["attributions"]:
        content = _fragments(text, a.get("content")) + _fragments(text, a.get("content2"))
        if not content:
            continue
        source = a.get("source")
        out.append(
            GoldAttribution(
                content=tuple(sorted(content)),
                source=_fragments(text, source),
                source_text=source.get("text") if isinstance(source, Mapping) else None,
                cue_text=cue.get("text") if isinstance(cue := a.get("cue"), Mapping) else None,
            )
        )
    out.sort(key=lambda a: a.hull)
    return GoldDocument(
        id=_ident(record, "polnear"),
        dataset="polnear",
        text=text,
        published=_date(record.get("publication_date")),
        attributions=tuple(out),
    )


def _giveme5w1h(record: Mapping[str, Any], text: str) -> GoldDocument:
    g = record["gold"]

    def spans(key: str) -> list[tuple[int, int, dict[str, Any]]]:
        out = []
        for p in g.get(key) or ():
            phrase = p.get("text")
            if p.get("found_in") == "text" and isinstance(phrase, str) and (at := _locate(text, phrase)):
                out.append((at[0], at[1], p))
        return out

    where = tuple(GoldToponym(start=s, end=e, surface=text[s:e]) for s, e, _ in spans("where"))
    when = tuple(GoldTime(start=s, end=e, value=p.get("parsed"), surface=text[s:e]) for s, e, p in spans("when"))
    who = tuple(GoldMention(start=s, end=e, surface=text[s:e]) for s, e, _ in spans("who"))
    return GoldDocument(
        id=_ident(record, "giveme5w1h"),
        dataset="giveme5w1h_gold",
        text=text,
        published=_date(record.get("publication_date")),
        toponyms=where,
        times=when,
        mentions=who,
        recall_only=frozenset({"locations", "times", "actors"}),
    )


# --------------------------------------------------------------------------- the generic shape


def _generic_span(text: str, item: Mapping[str, Any], what: str) -> tuple[int, int] | None:
    """``start``/``end`` if given, else the ``occurrence``-th (1-based) occurrence of ``text``."""
    start, end = item.get("start"), item.get("end")
    if start is not None or end is not None:
        if not (isinstance(start, int) and isinstance(end, int) and _span_ok(text, start, end)):
            raise GoldFormatError(f"{what} span {start}-{end} lies outside the text ({len(text)} chars)")
        return start, end
    surface = item.get("text")
    if not isinstance(surface, str) or not surface:
        return None
    n = _int(item.get("occurrence")) or 1
    i = -1
    for _ in range(int(n)):
        i = text.find(surface, i + 1)
        if i < 0:
            raise GoldFormatError(f"{what} text {surface!r} does not occur {n} time(s) in the text")
    return i, i + len(surface)


def _generic_actor(value: Any) -> GoldActor | None:
    if value is None:
        return None
    if isinstance(value, str):
        kind, country = acled_actor(value, None)
        return GoldActor(kind=kind, country=country, name=value)
    if isinstance(value, Mapping):
        name = value.get("name")
        kind, country = value.get("kind"), value.get("country")
        if isinstance(name, str) and (kind is None or country is None):
            nk, nc = acled_actor(name, _int(value.get("inter")))
            kind, country = kind or nk, country or nc
        if isinstance(country, str) and len(country) != 2:
            country = country_code(country)
        return GoldActor(kind=kind, country=country.upper() if country else None, name=name)
    raise GoldFormatError(f"an actor must be an ACLED name or an object, not {type(value).__name__}")


def _generic(record: Mapping[str, Any], text: str) -> GoldDocument:
    events = record.get("events")
    event: GoldEvent | None = None
    if isinstance(events, list):
        if not events:
            event = GoldEvent(expect_event=False)
        else:
            e = events[0]  # the first listed event is the main one
            plover = e.get("plover")
            event = GoldEvent(
                event_type=e.get("event_type"),
                sub_event_type=e.get("sub_event_type"),
                date=_date(e.get("date")),
                date_end=_date(e.get("date_end")),
                fatalities=_int(e.get("fatalities")),
                latitude=_float(e.get("latitude")),
                longitude=_float(e.get("longitude")),
                admin1=e.get("admin1"),
                actor1=_generic_actor(e.get("actor1")),
                actor2=_generic_actor(e.get("actor2")),
                plover_types=frozenset({str(plover).upper()}) if plover else None,
            )

    def items(key: str) -> list[tuple[Mapping[str, Any], tuple[int, int] | None]]:
        value = record.get(key)
        if value is None:
            return []
        if not isinstance(value, list):
            raise GoldFormatError(f"'{key}' must be a list")
        return [(it, _generic_span(text, it, f"{key}[{i}]")) for i, it in enumerate(value)]

    toponyms = tuple(
        GoldToponym(
            start=sp[0],
            end=sp[1],
            latitude=_float(it.get("latitude")),
            longitude=_float(it.get("longitude")),
            surface=text[sp[0] : sp[1]],
        )
        for it, sp in items("locations")
        if sp is not None
    )
    times = tuple(
        GoldTime(
            start=sp[0] if sp else None,
            end=sp[1] if sp else None,
            value=it.get("value"),
            surface=text[sp[0] : sp[1]] if sp else "",
        )
        for it, sp in items("times")
    )
    quantities = tuple(
        GoldQuantity(
            start=sp[0] if sp else None,
            end=sp[1] if sp else None,
            value=_float(it.get("value")),
            unit=it.get("unit"),
            surface=text[sp[0] : sp[1]] if sp else "",
        )
        for it, sp in items("quantities")
    )
    attributions = []
    for i, (it, sp) in enumerate(items("quotes")):
        if sp is None:
            raise GoldFormatError(f"quotes[{i}] needs start/end or text")
        speaker = it.get("speaker")
        source: tuple[tuple[int, int], ...] = ()
        source_text = None
        if isinstance(speaker, Mapping):
            ssp = _generic_span(text, speaker, f"quotes[{i}].speaker")
            source = (ssp,) if ssp else ()
            source_text = text[ssp[0] : ssp[1]] if ssp else speaker.get("text")
        elif isinstance(speaker, str):
            at = _locate(text, speaker)
            source = (at,) if at else ()
            source_text = speaker
        attributions.append(GoldAttribution(content=(sp,), source=source, source_text=source_text))
    mentions = []
    for it, sp in items("actors"):
        if sp is None:
            continue
        actor = _generic_actor({k: it.get(k) for k in ("kind", "country", "name")})
        mentions.append(
            GoldMention(
                start=sp[0],
                end=sp[1],
                kind=actor.kind if actor else None,
                country=actor.country if actor else None,
                surface=text[sp[0] : sp[1]],
            )
        )
    present = set(record)
    return GoldDocument(
        id=_ident(record, "gold"),
        dataset=str(record.get("dataset") or "conflictnews_gold"),
        text=text,
        published=_date(record.get("published")),
        event=event,
        toponyms=toponyms if "locations" in present else None,
        times=times if "times" in present else None,
        quantities=quantities if "quantities" in present else None,
        attributions=tuple(attributions) if "quotes" in present else None,
        mentions=tuple(mentions) if "actors" in present else None,
    )


SHAPES: dict[str, Callable[[Mapping[str, Any], str], GoldDocument]] = {
    "acled_2020_global": _acled,
    "ucdp_ged_ukraine": _ucdp,
    "plover_gsr": _plover,
    "petrarch2_unittest": _petrarch,
    "geowebnews": _toponyms,
    "lgl": _toponyms,
    "trnews": _toponyms,
    "tempeval3_timeml": _tempeval,
    "polnear": _polnear,
    "quantulum3_tests": _quantulum,
    "giveme5w1h_gold": _giveme5w1h,
    "conflictnews_gold": _generic,
}
"""Gold shape name → reader of one record."""


def shapes_of(docs: Sequence[GoldDocument]) -> dict[str, int]:
    """How many records of each dataset shape *docs* holds, in first-seen order."""
    out: dict[str, int] = {}
    for d in docs:
        out[d.dataset] = out.get(d.dataset, 0) + 1
    return out
