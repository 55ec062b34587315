"""
The parser protocol and the context every parser reads.

A parser has a ``name``, declares the item kinds it ``requires`` and
``provides``, and turns a :class:`Context` (the document, its shared analysis
and what earlier parsers found) into new items. It never edits another
parser's items: it links to them by id.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, ClassVar, Protocol, runtime_checkable

from conflictnews._analysis import Analysis
from conflictnews.model import (
    Actor,
    Claim,
    Document,
    Event,
    Location,
    Quantity,
    Quote,
    ReportWarning,
    TimeExpression,
)

__all__ = ["ITEM_KINDS", "PARSER_API_VERSION", "Context", "Item", "Parser"]

PARSER_API_VERSION = 1
"""Version of the parser API; a plugin declaring another major version is refused."""

Item = Actor | Location | TimeExpression | Quantity | Event | Claim | Quote

ITEM_KINDS: dict[type[Any], tuple[str, str]] = {
    Actor: ("actors", "a"),
    Location: ("locations", "l"),
    TimeExpression: ("times", "t"),
    Quantity: ("quantities", "q"),
    Event: ("events", "e"),
    Claim: ("claims", "c"),
    Quote: ("quotes", "qt"),
}
"""Item type → (report field, id prefix)."""


@runtime_checkable
class Parser(Protocol):
    """
    What the pipeline needs of a parser.

    ``requires`` and ``provides`` name item kinds ("actors", "locations",
    "times", "quantities", "quotes", "claims", "events"); the pipeline orders
    parsers by them. ``api_version`` must equal :data:`PARSER_API_VERSION`.
    """

    name: str
    requires: tuple[str, ...]
    provides: tuple[str, ...]
    api_version: ClassVar[int]

    def parse(self, context: Context) -> Iterable[Item | ReportWarning]:
        """Return new items (and warnings) for the document in *context*."""
        ...


class Context:
    """
    What a parser reads: the document, its analysis and earlier findings.

    The item tuples grow as the pipeline runs; a parser sees only the kinds
    produced by parsers ordered before it.
    """

    __slots__ = (
        "actors",
        "analysis",
        "claims",
        "document",
        "events",
        "locations",
        "memo",
        "options",
        "quantities",
        "quotes",
        "times",
        "warnings",
    )

    def __init__(self, document: Document, analysis: Analysis | None = None, **options: Any) -> None:
        self.document = document
        self.analysis = analysis if analysis is not None else Analysis(document.text)
        self.options: dict[str, Any] = options
        self.actors: tuple[Actor, ...] = ()
        self.locations: tuple[Location, ...] = ()
        self.times: tuple[TimeExpression, ...] = ()
        self.quantities: tuple[Quantity, ...] = ()
        self.events: tuple[Event, ...] = ()
        self.claims: tuple[Claim, ...] = ()
        self.quotes: tuple[Quote, ...] = ()
        self.warnings: tuple[ReportWarning, ...] = ()
        # derived results several parsers share (the attributions quotes and claims both read),
        # keyed by whoever computes them; it lives exactly as long as the document
        self.memo: dict[object, Any] = {}

    @property
    def text(self) -> str:
        """The document's text."""
        return self.document.text

    def next_id(self, kind: type[Any], offset: int = 0) -> str:
        """The id the next item of *kind* would get, *offset* items further on."""
        field_name, prefix = ITEM_KINDS[kind]
        return f"{prefix}{len(getattr(self, field_name)) + offset + 1}"

    def add(self, items: Iterable[Item | ReportWarning]) -> None:
        """Append items to the findings, kind by kind (used by the pipeline)."""
        grouped: dict[str, list[Any]] = {}
        for item in items:
            if isinstance(item, ReportWarning):
                grouped.setdefault("warnings", []).append(item)
                continue
            try:
                field_name = ITEM_KINDS[type(item)][0]
            except KeyError:
                raise TypeError(f"a parser returned {type(item).__name__}, which is not a report item") from None
            grouped.setdefault(field_name, []).append(item)
        for field_name, new in grouped.items():
            setattr(self, field_name, getattr(self, field_name) + tuple(new))
