"""
Coverage-guided fuzz target for the whole pipeline (atheris, libFuzzer).

Each input is read as a document: its first byte picks the publication date,
the rest is decoded as UTF-8 with ``surrogateescape``, so invalid bytes become
lone surrogates and every ``str`` the library can be handed is reachable.
The target parses it with a strict pipeline (a parser that raises stops the run)
and checks what the property tests check: every span lies inside the text,
``text[span] == item.text``, the same text gives the same report twice, and a
neutral prefix shifts every span by its length. Any failure is a crash.

Short run (CI)::

    python fuzz/fuzz_parse.py -runs=2000 -max_len=4096 "$(mktemp -d)" fuzz/corpus

See ``fuzz/README.md`` for the longer release run and how to turn a crash into a regression test.
"""

from __future__ import annotations

import sys
from typing import Any

import atheris

with atheris.instrument_imports(include=["conflictnews"]):
    import conflictnews
    from conflictnews.model import item_spans
    from conflictnews.pipeline import Pipeline

    # Pipeline.default() imports the parser modules: inside this block, so they are instrumented too.
    PIPELINE = Pipeline.default(strict=True)

PUBLISHED = (None, "2025-03-16", "1999-12-31", "2030-01-01")
PREFIX = "Meanwhile.\n\n"
"""A neutral prefix: a one-word paragraph of its own, so the document's sentences stay as they were."""


def _problems(report: conflictnews.Report) -> list[str]:
    text = report.document.text
    out: list[str] = []
    for item in report.items():
        for sp in item_spans(item):
            if not 0 <= sp.start <= sp.end <= len(text):
                out.append(f"{item.id}: span {sp.start}-{sp.end} outside the text ({len(text)} chars)")
        surface = getattr(item, "text", None)
        span = getattr(item, "span", None) or getattr(item, "trigger", None)
        if surface is not None and span is not None and text[span.start : span.end] != surface:
            out.append(f"{item.id}: text {surface!r} but the span covers {text[span.start : span.end]!r}")
        out.extend(f"{item.id}: empty mention at {m.start}" for m in getattr(item, "mentions", ()) if m.start == m.end)
    return out


def _shifted(value: Any, offset: int) -> Any:
    """A report dict with *offset* taken off every span, the document left out."""
    if isinstance(value, dict):
        if value.keys() == {"start", "end"}:
            return {"start": value["start"] - offset, "end": value["end"] - offset}
        return {k: _shifted(v, offset) for k, v in value.items() if k != "document"}
    if isinstance(value, list):
        return [_shifted(v, offset) for v in value]
    return value


def check(text: str, published: str | None) -> None:
    """Parse *text* and raise AssertionError if the report breaks an invariant."""
    report = PIPELINE.parse(text, published=published)
    problems = _problems(report)
    if problems:
        raise AssertionError(f"{problems[0]} (text={text!r})")
    again = PIPELINE.parse(text, published=published)
    if again != report:
        raise AssertionError(f"two runs differ (text={text!r})")
    moved = PIPELINE.parse(PREFIX + text, published=published)
    if _shifted(conflictnews.to_dict(moved), len(PREFIX)) != _shifted(conflictnews.to_dict(report), 0):
        raise AssertionError(f"a prefix of {len(PREFIX)} characters changed more than the offsets (text={text!r})")


def test_one_input(data: bytes) -> None:
    """The libFuzzer entry point."""
    if not data:
        check("", None)
        return
    published = PUBLISHED[data[0] % len(PUBLISHED)]
    check(data[1:].decode("utf-8", "surrogateescape"), published)


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
