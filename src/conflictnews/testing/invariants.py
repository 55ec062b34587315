"""
The invariants every report keeps, as checks a test (or a fuzz target) can call.

:func:`report_problems` lists every way a report breaks them: a span outside the text,
``text[span]`` differing from an item's ``text``, an empty mention, ids that are not
``a1…aN`` (and so on per kind) or items out of text order. :func:`without_offsets` strips
spans of an offset, to compare a text's report with that of the same text after a prefix.
Neither needs ``hypothesis``.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

from typing import Any

from conflictnews.model import Report, item_spans

__all__ = ["report_problems", "without_offsets"]

_ID_PREFIXES = (
    ("actors", "a"),
    ("locations", "l"),
    ("times", "t"),
    ("quantities", "q"),
    ("events", "e"),
    ("claims", "c"),
    ("quotes", "qt"),
)


def report_problems(report: Report) -> list[str]:
    """Every way *report* breaks the span, surface and numbering invariants (empty when it keeps them)."""
    text = report.document.text
    out: list[str] = []
    for item in report.items():
        for sp in item_spans(item):
            if not 0 <= sp.start <= sp.end <= len(text):
                out.append(f"{item.id}: span {sp.start}-{sp.end} outside the text ({len(text)} chars)")
        surface = getattr(item, "text", None)
        span = getattr(item, "span", None) or getattr(item, "trigger", None)
        if surface is not None and span is not None and text[span.start : span.end] != surface:
            out.append(f"{item.id}: text {surface!r} but its span covers {text[span.start : span.end]!r}")
        out.extend(f"{item.id}: empty mention at {m.start}" for m in getattr(item, "mentions", ()) if m.start == m.end)
    for kind, prefix in _ID_PREFIXES:
        items = getattr(report, kind)
        ids = [it.id for it in items]
        if ids != [f"{prefix}{k}" for k in range(1, len(items) + 1)]:
            out.append(f"{kind}: ids {ids} are not {prefix}1…{prefix}{len(items)}")
        positions = [_first_position(it) for it in items]
        if positions != sorted(positions):
            out.append(f"{kind}: not in text order ({positions})")
    for w in report.warnings:
        if w.span is not None and not 0 <= w.span.start <= w.span.end <= len(text):
            out.append(f"warning {w.code}: span outside the text")
    return out


def without_offsets(value: Any, offset: int) -> Any:
    """A report dict (:func:`conflictnews.to_dict`) with *offset* taken off every span and the document left out."""
    if isinstance(value, dict):
        if value.keys() == {"start", "end"}:
            return {"start": value["start"] - offset, "end": value["end"] - offset}
        return {k: without_offsets(v, offset) for k, v in value.items() if k != "document"}
    if isinstance(value, list):
        return [without_offsets(v, offset) for v in value]
    return value


def _first_position(item: Any) -> int:
    for name in ("span", "trigger"):
        sp = getattr(item, name, None)
        if sp is not None:
            return int(sp.start)
    mentions = getattr(item, "mentions", ())
    return min(m.start for m in mentions) if mentions else -1
