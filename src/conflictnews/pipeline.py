"""
The pipeline: named parsers, ordered by what they need and provide, run over a document.
"""

from __future__ import annotations

import copy
import datetime
import functools
import gc
import importlib
import operator
import time
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import attrs

from conflictnews._analysis import MAX_SENTENCE_LENGTH, Analysis
from conflictnews.errors import InvalidDateError, LimitExceededError, ParserError, PipelineError
from conflictnews.model import Document, Report, ReportWarning, Span, _checked_report, _span_past, item_spans
from conflictnews.parsers import ITEM_KINDS, PARSER_API_VERSION, Context, Item, Parser

__all__ = [
    "BUILTIN_PARSERS",
    "DEFAULT_MAX_ITEMS",
    "DEFAULT_MAX_TEXT_LENGTH",
    "Pipeline",
    "coerce_date",
    "make_document",
    "parse",
]

BUILTIN_PARSERS: Mapping[str, str] = {
    "times": "conflictnews.parsers.times:TimeParser",
    "locations": "conflictnews.parsers.locations:LocationParser",
    "actors": "conflictnews.parsers.actors:ActorParser",
    "quantities": "conflictnews.parsers.quantities:QuantityParser",
    "quotes": "conflictnews.parsers.quotes:QuoteParser",
    "claims": "conflictnews.parsers.claims:ClaimParser",
    "events": "conflictnews.parsers.events:EventParser",
}
"""Built-in parser name → ``module:Class``, in the default order."""

DEFAULT_MAX_TEXT_LENGTH = 10_000_000
"""Texts longer than this (in characters) are refused unless the caller raises the limit."""

DEFAULT_MAX_ITEMS = 100_000
"""At most this many items in one report; the rest are dropped with an ``item-limit`` warning.

A news article has one item per 40-60 characters, so the default leaves room for
several million characters of real text while bounding the memory a hostile text can take."""


def _limit(name: str, value: object) -> int:
    """Check a limit argument: a non-negative ``int``."""
    if not isinstance(value, int) or isinstance(value, bool):
        raise TypeError(f"{name} must be an int, not {type(value).__name__}")
    if value < 0:
        raise ValueError(f"{name} must be at least 0, got {value}")
    return value


def coerce_date(
    value: datetime.date | datetime.datetime | str | None, *, name: str = "published"
) -> datetime.date | None:
    """
    Turn a ``date``, ``datetime`` or ISO 8601 string into a ``date``.

    Raises:
        InvalidDateError: If a string is not an ISO date.
        TypeError: If *value* has another type.
    """
    if value is None:
        return None
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, str):
        s = value.strip()
        try:
            return datetime.date.fromisoformat(s)
        except ValueError:
            pass
        try:
            return datetime.datetime.fromisoformat(s.replace("Z", "+00:00")).date()
        except ValueError:
            raise InvalidDateError(value, f"{name} must be an ISO date such as 2025-03-16") from None
    raise TypeError(f"{name} must be a date, datetime or ISO string, not {type(value).__name__}")


def make_document(
    text: str,
    *,
    published: datetime.date | datetime.datetime | str | None = None,
    source: str | None = None,
    url: str | None = None,
    id: str | None = None,
) -> Document:
    """Build a :class:`Document`, checking argument types and reading *published*."""
    if not isinstance(text, str):
        raise TypeError(f"text must be str, not {type(text).__name__} (decode bytes first)")
    for name, v in (("source", source), ("url", url), ("id", id)):
        if v is not None and not isinstance(v, str):
            raise TypeError(f"{name} must be str or None, not {type(v).__name__}")
    return Document(text=text, published=coerce_date(published), source=source, url=url, id=id)


def _load_builtin(name: str) -> Parser:
    target = BUILTIN_PARSERS[name]
    module_name, _, cls_name = target.partition(":")
    cls = getattr(importlib.import_module(module_name), cls_name)
    parser: Parser = cls()
    return parser


def _with_providers(parsers: list[Parser]) -> list[Parser]:
    """Drop built-in parsers whose required kinds no other built-in provides (a partial build, or *disable*)."""
    kept = list(parsers)
    while True:
        provided = {kind for p in kept for kind in p.provides}
        keep = [p for p in kept if all(kind in provided for kind in p.requires)]
        if len(keep) == len(kept):
            return keep
        kept = keep


def _order(parsers: Sequence[Parser]) -> tuple[Parser, ...]:
    """Order parsers so each runs after every provider of what it requires (stable)."""
    providers: dict[str, list[str]] = {}
    for p in parsers:
        for kind in p.provides:
            providers.setdefault(kind, []).append(p.name)
    by_name = {p.name: p for p in parsers}
    if len(by_name) != len(parsers):
        names = [p.name for p in parsers]
        dup = sorted({n for n in names if names.count(n) > 1})
        raise PipelineError(f"two parsers share the name(s) {', '.join(dup)}")
    deps: dict[str, set[str]] = {}
    for p in parsers:
        need: set[str] = set()
        for kind in p.requires:
            if kind not in providers:
                raise PipelineError(f"parser {p.name!r} requires {kind!r}, which no parser in the pipeline provides")
            need.update(n for n in providers[kind] if n != p.name)
        deps[p.name] = need
    done: list[str] = []
    placed: set[str] = set()
    remaining = [p.name for p in parsers]
    while remaining:
        for n in remaining:
            if deps[n] <= placed:
                done.append(n)
                placed.add(n)
                remaining.remove(n)
                break
        else:
            raise PipelineError(f"parsers {', '.join(remaining)} require each other in a cycle")
    return tuple(by_name[n] for n in done)


class Pipeline:
    """
    Named parsers run in dependency order over a document.

    Args:
        parsers: The parsers to run; they are re-ordered by ``requires``/``provides``.
        strict: When True, a parser that raises stops the run with :class:`ParserError`;
            otherwise its output is dropped and the report carries a warning naming it.
        max_text_length: Longer texts raise :class:`LimitExceededError`.
        max_items: A report keeps at most this many items: a parser's items beyond it are dropped,
            parsers after it are not run, and the report says so in an ``item-limit`` warning.
        warnings: Warnings to add to every report (plugins skipped while loading).

    Raises:
        TypeError: If a limit is not an ``int``.
        ValueError: If a limit is negative.

    .. versionadded:: 0.1.0
    """

    def __init__(
        self,
        parsers: Iterable[Parser],
        *,
        strict: bool = False,
        max_text_length: int = DEFAULT_MAX_TEXT_LENGTH,
        max_items: int = DEFAULT_MAX_ITEMS,
        warnings: Iterable[ReportWarning] = (),
    ) -> None:
        parsers = tuple(parsers)
        for p in parsers:
            if not isinstance(p, Parser):
                raise TypeError(f"{p!r} is not a Parser (needs name, requires, provides, api_version, parse)")
            if getattr(p, "api_version", None) != PARSER_API_VERSION:
                raise PipelineError(
                    f"parser {p.name!r} targets parser API version {getattr(p, 'api_version', None)!r}; "
                    f"this conflictnews provides version {PARSER_API_VERSION}"
                )
        self.parsers: tuple[Parser, ...] = _order(parsers)
        self.strict = strict
        self.max_text_length = _limit("max_text_length", max_text_length)
        self.max_items = _limit("max_items", max_items)
        self._warnings = tuple(warnings)

    @classmethod
    def default(
        cls,
        *,
        disable: Iterable[str] = (),
        enable: Iterable[str] | None = None,
        strict: bool = False,
        max_text_length: int = DEFAULT_MAX_TEXT_LENGTH,
        max_items: int = DEFAULT_MAX_ITEMS,
        **kwargs: Any,
    ) -> Pipeline:
        """
        The built-in parsers (those available) and the installed plugins, minus any named in *disable*.

        Args:
            disable: Names of built-in parsers, parser plugins or data packs not to use.
            enable: If given, only the plugins named here are used (built-ins are unaffected).
            strict: Raise on a plugin that cannot be used, and on a parser that fails;
                otherwise either is skipped with a warning in every report.
            max_text_length: Longer texts raise :class:`LimitExceededError`.
            max_items: The most items a report keeps (see :class:`Pipeline`).

        Raises:
            UnknownParserError: If *disable* or *enable* names a parser or plugin that does not exist.
            PluginLoadError: In strict mode, if a plugin cannot be used.

        .. versionchanged:: 0.1.0 installed plugins (see :mod:`conflictnews.registry`) are used too.
        """
        from conflictnews.registry import select_plugins

        disabled = set(disable)
        plugins = select_plugins(builtin=tuple(BUILTIN_PARSERS), disable=disabled, enable=enable, strict=strict)
        parsers: list[Parser] = []
        for name in BUILTIN_PARSERS:
            if name in disabled:
                continue
            try:
                parsers.append(_load_builtin(name))
            except ModuleNotFoundError as exc:
                if exc.name and exc.name.startswith("conflictnews.parsers."):
                    continue  # a parser not shipped in this build
                raise
        parsers = _with_providers(parsers)
        parsers += plugins.fit(parsers)
        kwargs["warnings"] = (*plugins.warnings, *kwargs.get("warnings", ()))
        return cls(parsers, strict=strict, max_text_length=max_text_length, max_items=max_items, **kwargs)

    @property
    def names(self) -> tuple[str, ...]:
        """The parsers' names, in run order."""
        return tuple(p.name for p in self.parsers)

    def parse(
        self,
        text: str,
        *,
        published: datetime.date | datetime.datetime | str | None = None,
        source: str | None = None,
        url: str | None = None,
        id: str | None = None,
    ) -> Report:
        """Read *text* and return its :class:`Report` (see :func:`conflictnews.parse`)."""
        return self.run(make_document(text, published=published, source=source, url=url, id=id))

    def run(self, document: Document, *, timings: dict[str, float] | None = None) -> Report:
        """
        Run every parser over *document* and build the report.

        If *timings* is a dict, each parser's wall time in seconds is added to it
        under its name (``"analysis"`` for the shared analysis).
        """
        if not isinstance(document, Document):
            raise TypeError(f"run() needs a Document, not {type(document).__name__}")
        n = len(document.text)
        if n > self.max_text_length:
            raise LimitExceededError(
                f"text has {n} characters, over max_text_length={self.max_text_length}; split it or raise the limit",
                limit="max_text_length",
                maximum=self.max_text_length,
                actual=n,
            )
        # The cyclic garbage collector is paused while parsing: a run makes many short-lived objects
        # and no reference cycles, and full collections would re-scan them all again and again,
        # which made time grow faster than the text. Refcounting still frees everything at once.
        gc_was_enabled = gc.isenabled()
        if gc_was_enabled:
            gc.disable()
        try:
            return self._run(document, timings)
        finally:
            if gc_was_enabled:
                gc.enable()

    def _run(self, document: Document, timings: dict[str, float] | None) -> Report:
        t0 = time.perf_counter()
        ctx = Context(document, Analysis(document.text))
        if timings is not None:
            timings["analysis"] = timings.get("analysis", 0.0) + time.perf_counter() - t0
        ctx.add(self._warnings)
        if ctx.analysis.sentence_cuts:
            cuts = ctx.analysis.sentence_cuts
            ctx.add(
                [
                    ReportWarning(
                        code="long-sentence",
                        message=f"text ran over {MAX_SENTENCE_LENGTH} characters without a sentence end "
                        f"{len(cuts)} time(s) and was cut into shorter sentences (the span marks the first cut)",
                        span=Span(start=cuts[0], end=cuts[0]),
                    )
                ]
            )
        budget = self.max_items
        not_run: list[str] = []
        taken: set[str] = set()  # the ids of the items kept so far, of every kind
        # every item the report will hold was checked here (ids, spans) unless a parser changed the context's
        # document or items itself: then the report checks them all again when it is built. *held* is what the
        # context held as the pipeline left it.
        held = list(_held(ctx))
        checked = True
        for parser in self.parsers:
            if budget <= 0 and parser.provides:
                not_run.append(parser.name)
                continue
            t0 = time.perf_counter()
            try:
                found = list(parser.parse(ctx))
                grouped, ids = _checked(found, ctx, taken)
                if len(ids) <= budget:  # (the usual case: all are kept)
                    for field_name, new in grouped.items():
                        current = getattr(ctx, field_name)
                        k = _HELD_AT.get(field_name)
                        if k is not None and current is not held[k]:
                            checked = False
                        current += tuple(new)
                        setattr(ctx, field_name, current)
                        if k is not None:
                            held[k] = current
                    budget -= len(ids)
                    taken.update(ids)
                else:
                    if not all(map(operator.is_, held, _held(ctx))):
                        checked = False
                    kept = _add_within(ctx, found, budget, self.max_items, parser.name)
                    held = list(_held(ctx))
                    budget -= len(kept)
                    taken.update(it.id for it in kept)
            except Exception as exc:
                if self.strict:
                    raise ParserError(parser.name, exc) from exc
                ctx.add(
                    [
                        ReportWarning(
                            code="parser-failed",
                            message=f"parser {parser.name!r} raised {exc!r}; its output was dropped",
                            parser=parser.name,
                        )
                    ]
                )
            if timings is not None:
                timings[parser.name] = timings.get(parser.name, 0.0) + time.perf_counter() - t0
        if not_run:
            names = ", ".join(repr(n) for n in not_run)
            ctx.add(
                [
                    ReportWarning(
                        code="item-limit",
                        message=f"the report reached max_items={self.max_items}; parser(s) {names} were not run",
                    )
                ]
            )
        return _build_report(ctx, checked and all(map(operator.is_, held, _held(ctx))))


# what a context holds that the report is built from: the document and the items, of every kind
_HELD = ("document", *(field_name for field_name, _ in ITEM_KINDS.values()))
_held = operator.attrgetter(*_HELD)
_HELD_AT = {name: k for k, name in enumerate(_HELD)}


def _add_within(ctx: Context, items: list[Item | ReportWarning], budget: int, limit: int, parser: str) -> list[Item]:
    """Add *items* to *ctx*, keeping at most *budget* of them (warnings always); return the items kept."""
    found: list[Item] = [it for it in items if not isinstance(it, ReportWarning)]
    if len(found) <= budget:
        ctx.add(items)
        return found
    # the first items in the order returned: for the built-in parsers, text order, so the ids stay a1…aN
    dropped = found[budget:]
    drop = {id(it) for it in dropped}
    spans = item_spans(dropped[0])
    ctx.add([it for it in items if id(it) not in drop])
    ctx.add(
        [
            ReportWarning(
                code="item-limit",
                message=f"parser {parser!r} found {len(found)} items but only {budget} fit under "
                f"max_items={limit}: the last {len(dropped)} were dropped",
                span=Span(start=spans[0].start, end=spans[0].end) if spans else None,
                parser=parser,
            )
        ]
    )
    return found[:budget]


def _checked(items: list[Item | ReportWarning], ctx: Context, taken: set[str]) -> tuple[dict[str, list[Any]], set[str]]:
    """
    Refuse items whose spans fall outside the text or whose ids clash with one another or with *taken*.

    Returns the items and warnings by the context's field they go to (as :meth:`Context.add` groups them), and
    the items' ids.
    """
    n = len(ctx.text)
    seen: set[str] = set()
    grouped: dict[str, list[Any]] = {}
    it: Any  # an item of any kind, read field by field
    for it in items:
        kind = type(it)
        slot = ITEM_KINDS.get(kind)
        if slot is None:
            if isinstance(it, ReportWarning):
                grouped.setdefault("warnings", []).append(it)
                continue
            raise TypeError(f"returned {kind.__name__}, which is not a report item")
        ident = it.id
        if ident in taken or ident in seen:
            raise ValueError(f"returned an item with id {ident!r}, which is already taken")
        seen.add(ident)
        past = _span_past(it, n)
        if past is not None:
            raise ValueError(f"returned {ident} with span {past.start}-{past.end} outside the text ({n} chars)")
        grouped.setdefault(slot[0], []).append(it)
    return grouped, seen


def _build_report(ctx: Context, checked: bool = False) -> Report:
    """The report of *ctx*; *checked*: the pipeline has checked every item's id and spans (see :meth:`_run`)."""
    # back-links: a claim lists the events that rest on it
    by_claim: dict[str, list[str]] = {}
    for ev in ctx.events:
        if ev.claim:
            by_claim.setdefault(ev.claim, []).append(ev.id)
    claims = tuple(
        attrs.evolve(c, events=tuple(dict.fromkeys([*c.events, *by_claim[c.id]]))) if c.id in by_claim else c
        for c in ctx.claims
    )
    return (_checked_report if checked else Report)(
        document=ctx.document,
        actors=ctx.actors,
        locations=ctx.locations,
        times=ctx.times,
        quantities=ctx.quantities,
        events=ctx.events,
        claims=claims,
        quotes=ctx.quotes,
        warnings=ctx.warnings,
    )


@functools.cache
def _default_pipeline() -> Pipeline:
    return Pipeline.default()


def parse(
    text: str,
    *,
    published: datetime.date | datetime.datetime | str | None = None,
    source: str | None = None,
    url: str | None = None,
    max_text_length: int = DEFAULT_MAX_TEXT_LENGTH,
    max_items: int = DEFAULT_MAX_ITEMS,
) -> Report:
    """
    Read one article and return everything found in it.

    Args:
        text: The article as a ``str``.
        published: Its publication date (``date``, ``datetime`` or ISO string);
            relative dates ("last August") resolve against it and stay
            unresolved, with a warning, without it.
        source: Who published it (kept in the report, used in exports).
        url: Where it was published.
        max_text_length: Longer texts raise :class:`LimitExceededError`.
        max_items: The most items the report keeps; any beyond are dropped with an ``item-limit`` warning.

    Raises:
        TypeError: If *text* is not a ``str``, or a limit not an ``int``.
        InvalidDateError: If *published* is not a readable date.
        LimitExceededError: If *text* is longer than *max_text_length*.

    >>> report = parse("Russian troops shelled Sudzha on March 13.", published="2025-03-16")
    >>> report.document.published
    datetime.date(2025, 3, 16)

    .. versionadded:: 0.1.0
    """
    limits = (_limit("max_text_length", max_text_length), _limit("max_items", max_items))
    pipeline = _default_pipeline()
    if limits != (pipeline.max_text_length, pipeline.max_items):
        pipeline = copy.copy(pipeline)  # the parsers keep no state: the copy shares them
        pipeline.max_text_length, pipeline.max_items = limits
    return pipeline.run(make_document(text, published=published, source=source, url=url))
