"""
The typed domain model: what conflictnews reads out of one article.

Everything here is a frozen, slotted, keyword-only attrs class.
Sequences are tuples, dates are :class:`datetime.date`, kinds are string enums,
so a report is hashable, comparable and serialises to stable JSON.
Items point at each other by ``id`` (``"a1"``, ``"l2"``, ``"e3"``), never by object.

This module holds data only: no parsing, no I/O, no cattrs.
"""

from __future__ import annotations

import datetime
import enum
import math
from collections.abc import Iterable
from typing import Any, TypeVar

from attrs import field, frozen, validators

__all__ = [
    "AcledCoding",
    "Actor",
    "ActorKind",
    "Claim",
    "Document",
    "Event",
    "Fatalities",
    "GeoRelation",
    "Location",
    "LocationKind",
    "Modality",
    "PloverCoding",
    "Precision",
    "PrecisionCodes",
    "Quantity",
    "QuantityKind",
    "Quote",
    "Report",
    "ReportWarning",
    "Span",
    "Stance",
    "TimeExpression",
]


class ActorKind(enum.StrEnum):
    """
    What sort of actor an :class:`Actor` is.

    The first eight map onto ACLED's actor categories (see ``docs/ontologies.md``);
    the rest describe speakers and sources.
    """

    STATE_FORCES = "state_forces"
    EXTERNAL_FORCES = "external_forces"
    REBEL_GROUP = "rebel_group"
    POLITICAL_MILITIA = "political_militia"
    IDENTITY_MILITIA = "identity_militia"
    RIOTERS = "rioters"
    PROTESTERS = "protesters"
    CIVILIANS = "civilians"
    PERSON = "person"
    GOVERNMENT = "government"
    MEDIA = "media"
    ORGANIZATION = "organization"
    ANONYMOUS_SOURCE = "anonymous_source"
    GENERIC = "generic"


ACLED_INTER: dict[ActorKind, int] = {
    ActorKind.STATE_FORCES: 1,
    ActorKind.REBEL_GROUP: 2,
    ActorKind.POLITICAL_MILITIA: 3,
    ActorKind.IDENTITY_MILITIA: 4,
    ActorKind.RIOTERS: 5,
    ActorKind.PROTESTERS: 6,
    ActorKind.CIVILIANS: 7,
    ActorKind.EXTERNAL_FORCES: 8,
}
"""ACLED's inter codes (actor types 1-8) of the kinds that are ACLED's categories: one table for parsers and exports."""


class LocationKind(enum.StrEnum):
    """Administrative level or sort of a :class:`Location`."""

    COUNTRY = "country"
    ADMIN1 = "admin1"
    ADMIN2 = "admin2"
    PLACE = "place"
    REGION = "region"
    FEATURE = "feature"


class Precision(enum.StrEnum):
    """How finely a :class:`TimeExpression` pins down its period."""

    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    SEASON = "season"
    YEAR = "year"


class QuantityKind(enum.StrEnum):
    """What a :class:`Quantity` counts or measures."""

    PERSONNEL = "personnel"
    CASUALTIES = "casualties"
    KILLED = "killed"
    WOUNDED = "wounded"
    MISSING = "missing"
    CAPTURED = "captured"
    CIVILIANS = "civilians"
    EQUIPMENT = "equipment"
    AREA = "area"
    DISTANCE = "distance"
    MONEY = "money"
    RATIO = "ratio"
    PERCENTAGE = "percentage"
    DURATION = "duration"
    COUNT = "count"


class Modality(enum.StrEnum):
    """How the text presents an :class:`Event`."""

    ASSERTED = "asserted"
    REPORTED = "reported"
    CLAIMED = "claimed"
    ALLEGED = "alleged"
    DENIED = "denied"
    PLANNED = "planned"
    HYPOTHETICAL = "hypothetical"
    NEGATED = "negated"


class Stance(enum.StrEnum):
    """How firmly a :class:`Claim` is put by whoever reports it."""

    ASSERTED = "asserted"
    REPORTED = "reported"
    CLAIMED = "claimed"
    HEDGED = "hedged"
    ALLEGED = "alleged"
    DENIED = "denied"


def _tuple(value: Iterable[Any]) -> tuple[Any, ...]:
    # a tuple is kept as it is: tuple() returns its argument for an exact tuple, without this frame's cost
    return value if value.__class__ is tuple else tuple(value)


# Converters to the kinds: a member is kept as it is and a value found in a table of the members; anything else is
# left to the enum class, which raises the same errors. Calling the enum class costs several Python frames, and
# every event, actor, location, quantity and claim has such a field. attrs' mypy plugin accepts only named
# functions as typed converters, so each kind has a one-line one over the shared look-up.
_E = TypeVar("_E", bound=enum.Enum)
_MEMBERS: dict[type[enum.Enum], dict[str, Any]] = {
    cls: {m.value: m for m in cls} for cls in (ActorKind, LocationKind, QuantityKind, Modality, Stance, Precision)
}


def _member(cls: type[_E], value: Any) -> _E:
    if type(value) is cls:
        return value
    if type(value) is str:
        found = _MEMBERS[cls].get(value)
        if found is not None:
            return found  # type: ignore[no-any-return]
    return cls(value)


def _to_actorkind(value: Any) -> ActorKind:
    return _member(ActorKind, value)


def _to_locationkind(value: Any) -> LocationKind:
    return _member(LocationKind, value)


def _to_quantitykind(value: Any) -> QuantityKind:
    return _member(QuantityKind, value)


def _to_modality(value: Any) -> Modality:
    return _member(Modality, value)


def _to_stance(value: Any) -> Stance:
    return _member(Stance, value)


def _precision(value: str | None) -> Precision | None:
    return None if value is None else _member(Precision, value)


_NONNEG = [validators.instance_of(int), validators.ge(0)]


@frozen(kw_only=True, order=True, init=False)
class Span:
    """
    Half-open character range ``[start, end)`` into :attr:`Document.text`.

    Offsets count Python ``str`` code points, so ``text[span.start:span.end]``
    is always the surface the item was read from.
    """

    start: int
    end: int

    def __init__(self, *, start: int, end: int) -> None:
        # written out rather than generated: spans are the most numerous objects of a report; one frame checks
        # both fields and sets them through their slots, at about two thirds of attrs' __init__ and post-init check
        if not (type(start) is int and type(end) is int and 0 <= start <= end):
            if not (isinstance(start, int) and isinstance(end, int)):
                raise TypeError(f"span offsets must be int, got {start!r} and {end!r}")
            if start < 0:
                raise ValueError(f"span start ({start}) must not be negative")
            if end < start:
                raise ValueError(f"span end ({end}) is before its start ({start})")
        _set_start(self, start)
        _set_end(self, end)

    def slice(self, text: str) -> str:
        """Return the part of *text* this span covers."""
        return text[self.start : self.end]


# the slots' own setters: a frozen class refuses ``self.start = …``, and ``object.__setattr__`` looks the name up
_set_start: Any = Span.__dict__["start"].__set__
_set_end: Any = Span.__dict__["end"].__set__


def _opt_str() -> Any:
    return validators.optional(validators.instance_of(str))


def _country(_inst: Any, attribute: Any, value: str | None) -> None:
    if value is not None and (len(value) != 2 or not value.isascii() or not value.isupper()):
        raise ValueError(f"{attribute.name} must be an ISO 3166-1 alpha-2 code, got {value!r}")


def _ids(_inst: Any, attribute: Any, value: tuple[str, ...]) -> None:
    for v in value:
        if not isinstance(v, str) or not v:
            raise ValueError(f"{attribute.name} must hold item ids, got {v!r}")


def _prob(_inst: Any, attribute: Any, value: float | None) -> None:
    if value is not None and not (0.0 <= value <= 1.0):
        raise ValueError(f"{attribute.name} must lie in [0, 1], got {value!r}")


def _finite(_inst: Any, attribute: Any, value: float | None) -> None:
    if value is not None and not math.isfinite(value):
        raise ValueError(f"{attribute.name} must be finite, got {value!r}")


def _spans(_inst: Any, attribute: Any, value: tuple[Span, ...]) -> None:
    for v in value:
        if not isinstance(v, Span):
            raise TypeError(f"{attribute.name} must hold Span objects, got {v!r}")


def _coordinate(limit: float) -> Any:
    """A validator of a latitude (*limit* 90) or longitude (180): None, or finite and within ±*limit*."""
    full = validators.optional([_finite, validators.ge(-limit), validators.le(limit)])

    def check(inst: Any, attribute: Any, value: float | None) -> None:
        # a float in range passes at once; anything else goes through the full check, which raises the same errors
        if value is None or (type(value) is float and -limit <= value <= limit):
            return
        full(inst, attribute, value)

    return check


_latitude = _coordinate(90.0)
_longitude = _coordinate(180.0)


@frozen(kw_only=True)
class Document:
    """
    One article: its text and what is known about it.

    *published* anchors relative dates ("last August", "on Tuesday");
    without it they stay unresolved.
    """

    text: str = field(validator=validators.instance_of(str))
    published: datetime.date | None = field(
        default=None, validator=validators.optional(validators.instance_of(datetime.date))
    )
    source: str | None = field(default=None, validator=_opt_str())
    url: str | None = field(default=None, validator=_opt_str())
    id: str | None = field(default=None, validator=_opt_str())


@frozen(kw_only=True)
class Actor:
    """
    Someone who acts or speaks: a force, group, official, outlet or anonymous source.

    All mentions of the same actor in one document share one :class:`Actor`.
    """

    id: str
    name: str
    kind: ActorKind = field(converter=_to_actorkind)
    country: str | None = field(default=None, validator=_country)
    title: str | None = None
    mentions: tuple[Span, ...] = field(default=(), converter=_tuple, validator=_spans)
    rule: str = ""
    confidence: float | None = field(default=None, validator=_prob)
    location: str | None = None
    """Location id when the actor was read from a place used as a metonym ("Moscow said")."""


@frozen(kw_only=True)
class GeoRelation:
    """A relative phrase around a place mention: "near Kharkiv", "north of Sudzha"."""

    span: Span
    relation: str


@frozen(kw_only=True)
class Location:
    """A place the text names, resolved to the gazetteer where possible."""

    id: str
    name: str
    kind: LocationKind = field(converter=_to_locationkind)
    country: str | None = field(default=None, validator=_country)
    admin1: str | None = None
    latitude: float | None = field(default=None, validator=_latitude)
    longitude: float | None = field(default=None, validator=_longitude)
    geonames_id: int | None = None
    mentions: tuple[Span, ...] = field(default=(), converter=_tuple, validator=_spans)
    relations: tuple[GeoRelation, ...] = field(default=(), converter=_tuple)
    metonym: bool = False
    rule: str = ""
    confidence: float | None = field(default=None, validator=_prob)


@frozen(kw_only=True)
class TimeExpression:
    """
    A date or period the text mentions, normalised against the publication date.

    *start* and *end* are inclusive; both are ``None`` when the expression
    could not be resolved (a relative phrase with no publication date).
    *value* is a TIMEX3-style value ("2025-03-16", "2025-W11", "2024-08").
    """

    id: str
    text: str
    span: Span
    start: datetime.date | None = None
    end: datetime.date | None = None
    precision: Precision | None = field(default=None, converter=_precision)
    value: str | None = None
    relative: bool = False
    anchor: datetime.date | None = None
    modifier: str | None = None
    rule: str = ""


@frozen(kw_only=True)
class Quantity:
    """
    A number the text states, with its bounds, unit and what it counts.

    *value* is the best single figure; *low*/*high* bound it when the text
    gives a range or a bound ("at least 12", "up to 30", "2-3").
    """

    id: str
    text: str
    span: Span
    value: float | None = field(default=None, validator=_finite)
    low: float | None = field(default=None, validator=_finite)
    high: float | None = field(default=None, validator=_finite)
    unit: str | None = None
    kind: QuantityKind = field(default=QuantityKind.COUNT, converter=_to_quantitykind)
    approximate: bool = False
    qualifier: str | None = None
    vague: str | None = None
    noun: Span | None = None
    subject: str | None = None
    rule: str = ""


@frozen(kw_only=True)
class AcledCoding:
    """ACLED event type and sub-event type, with ACLED's exact names."""

    event_type: str
    sub_event_type: str
    inter1: int | None = None
    inter2: int | None = None
    interaction: int | None = None


@frozen(kw_only=True)
class PloverCoding:
    """A PLOVER event type (upper case, e.g. "CONSULT") with its mode and context."""

    event_type: str
    mode: str | None = None
    context: tuple[str, ...] = field(default=(), converter=_tuple)


@frozen(kw_only=True)
class Fatalities:
    """Deaths an event caused: UCDP-style best/low/high, and by side where stated."""

    best: int = field(validator=_NONNEG)
    low: int = field(validator=_NONNEG)
    high: int = field(validator=_NONNEG)
    quantities: tuple[str, ...] = field(default=(), converter=_tuple, validator=_ids)
    by_side: tuple[tuple[str, int], ...] = field(default=(), converter=_tuple)


@frozen(kw_only=True)
class PrecisionCodes:
    """
    Precision codes of the linked time and place.

    ``acled_time`` and ``acled_geo`` are ACLED's 1-3; ``ucdp_date`` (1-5) and
    ``ucdp_where`` (1-7) are UCDP GED's. ``date_stated`` is False when the text
    gave no date for the event.
    """

    acled_time: int | None = None
    acled_geo: int | None = None
    ucdp_date: int | None = None
    ucdp_where: int | None = None
    date_stated: bool = False


@frozen(kw_only=True)
class Event:
    """Who did what to whom, where and when, coded in ACLED and/or PLOVER."""

    id: str
    text: str
    trigger: Span
    sentence: Span | None = None
    acled: AcledCoding | None = None
    plover: PloverCoding | None = None
    agents: tuple[str, ...] = field(default=(), converter=_tuple, validator=_ids)
    targets: tuple[str, ...] = field(default=(), converter=_tuple, validator=_ids)
    location: str | None = None
    time: str | None = None
    fatalities: Fatalities | None = None
    modality: Modality = field(default=Modality.ASSERTED, converter=_to_modality)
    precision: PrecisionCodes = field(factory=PrecisionCodes)
    claim: str | None = None
    mentions: tuple[Span, ...] = field(default=(), converter=_tuple, validator=_spans)
    rule: str = ""
    confidence: float | None = field(default=None, validator=_prob)


@frozen(kw_only=True)
class Claim:
    """
    An attributed statement: its content, its source, the cue and how sure it is.

    *chain* lists every link of the attribution, outermost first
    ("according to the NYT, citing two officials" → outlet, officials).
    """

    id: str
    span: Span
    content: Span
    source: str | None = None
    source_text: str | None = None
    chain: tuple[str, ...] = field(default=(), converter=_tuple, validator=_ids)
    cue: str = ""
    cue_span: Span | None = None
    stance: Stance = field(default=Stance.REPORTED, converter=_to_stance)
    hedged: bool = False
    hedges: tuple[str, ...] = field(default=(), converter=_tuple)
    disputed_by: tuple[str, ...] = field(default=(), converter=_tuple, validator=_ids)
    events: tuple[str, ...] = field(default=(), converter=_tuple, validator=_ids)
    quantities: tuple[str, ...] = field(default=(), converter=_tuple, validator=_ids)
    rule: str = ""


@frozen(kw_only=True)
class Quote:
    """
    Words attributed to a speaker, direct ("…") or reported ("X said that …").

    *speaker* is an actor id when one fits; *speaker_text* keeps the words
    that name the speaker either way. *partial* marks a quoted fragment inside
    a sentence, *scare* a quoted term with no speaker.
    """

    id: str
    text: str
    span: Span
    speaker: str | None = None
    speaker_text: str | None = None
    cue: str | None = None
    channel: str | None = None
    channel_actor: str | None = None
    direct: bool = True
    partial: bool = False
    scare: bool = False
    rule: str = ""


@frozen(kw_only=True)
class ReportWarning:
    """Something worth telling about the input or the reading, never an exception."""

    code: str
    message: str
    span: Span | None = None
    parser: str | None = None


@frozen(kw_only=True)
class Report:
    """
    The reading of one :class:`Document`: every item found, plus warnings.

    Every span lies inside ``document.text`` (checked on construction), and
    ids are unique within the report.
    """

    document: Document
    actors: tuple[Actor, ...] = field(default=(), converter=_tuple)
    locations: tuple[Location, ...] = field(default=(), converter=_tuple)
    times: tuple[TimeExpression, ...] = field(default=(), converter=_tuple)
    quantities: tuple[Quantity, ...] = field(default=(), converter=_tuple)
    events: tuple[Event, ...] = field(default=(), converter=_tuple)
    claims: tuple[Claim, ...] = field(default=(), converter=_tuple)
    quotes: tuple[Quote, ...] = field(default=(), converter=_tuple)
    warnings: tuple[ReportWarning, ...] = field(default=(), converter=_tuple)

    def __attrs_post_init__(self) -> None:
        n = len(self.document.text)
        seen: set[str] = set()
        for item in self.items():
            ident: str = item.id
            if ident in seen:
                raise ValueError(f"duplicate item id {ident!r} in report")
            seen.add(ident)
            past = _span_past(item, n)
            if past is not None:
                raise ValueError(f"span {past.start}-{past.end} of {ident} lies outside the text ({n} chars)")
        _check_warnings(self.warnings, n)

    def items(self) -> tuple[Any, ...]:
        """Every item of the report, kind by kind, in report order."""
        return (
            *self.actors,
            *self.locations,
            *self.times,
            *self.quantities,
            *self.events,
            *self.claims,
            *self.quotes,
        )

    def get(self, ident: str) -> Any:
        """Return the item with id *ident*; raise :class:`KeyError` if there is none."""
        for item in self.items():
            if item.id == ident:
                return item
        raise KeyError(ident)


def _check_warnings(warnings: tuple[ReportWarning, ...], n: int) -> None:
    for w in warnings:
        if w.span is not None and w.span.end > n:
            raise ValueError(f"warning span {w.span.start}-{w.span.end} lies outside the text")


_REPORT_FIELDS = tuple(a.name for a in Report.__attrs_attrs__)
_report_setters: tuple[Any, ...] = tuple(Report.__dict__[name].__set__ for name in _REPORT_FIELDS)


def _checked_report(document: Document, **kinds: tuple[Any, ...]) -> Report:
    """
    A :class:`Report` of items whose ids and spans the caller has already checked, as the pipeline does for
    every item a parser returns: only the warnings' spans are checked here. Every other field is a tuple.

    What ``Report(document=…, **kinds)`` builds, without checking each item a second time.
    """
    report: Report = object.__new__(Report)
    for name, setter in zip(_REPORT_FIELDS, _report_setters, strict=True):
        setter(report, document if name == "document" else kinds.get(name, ()))
    _check_warnings(report.warnings, len(document.text))
    return report


_SPAN_FIELDS = ("span", "trigger", "sentence", "content", "cue_span", "noun")
_fields_by_type: dict[type, tuple[tuple[str, ...], bool, bool]] = {}


def _span_layout(item: Any) -> tuple[tuple[str, ...], bool, bool]:
    """Which span fields the type of *item* has, worked out once per type."""
    names = tuple(n for n in _SPAN_FIELDS if hasattr(item, n))
    layout = _fields_by_type[type(item)] = (names, hasattr(item, "mentions"), hasattr(item, "relations"))
    return layout


def _span_past(item: Any, n: int) -> Span | None:
    """
    The first span of *item* (in :func:`item_spans` order) that ends past *n* characters, or None.

    :func:`item_spans` written out without building the tuple: the report and the pipeline run it for every item.
    """
    names, has_mentions, has_relations = _fields_by_type.get(type(item)) or _span_layout(item)
    for name in names:
        span = getattr(item, name)
        if span is not None and span.end > n:
            return span  # type: ignore[no-any-return]
    if has_mentions:
        for span in item.mentions:
            if span.end > n:
                return span  # type: ignore[no-any-return]
    if has_relations:
        for rel in item.relations:
            if rel.span.end > n:
                return rel.span  # type: ignore[no-any-return]
    return None


def item_spans(item: Any) -> tuple[Span, ...]:
    """Every span an item carries, whatever its type."""
    layout = _fields_by_type.get(type(item)) or _span_layout(item)
    names, has_mentions, has_relations = layout
    out = [sp for sp in (getattr(item, n) for n in names) if sp is not None]
    if has_mentions:
        out.extend(item.mentions)
    if has_relations:
        out.extend(r.span for r in item.relations)
    return tuple(out)
