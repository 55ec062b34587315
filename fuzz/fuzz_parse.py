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

import atheris

with atheris.instrument_imports(include=["conflictnews"]):
    import conflictnews
    from conflictnews.pipeline import Pipeline
    from conflictnews.testing.invariants import report_problems, without_offsets

    # Pipeline.default() imports the parser modules: inside this block, so they are instrumented too.
    PIPELINE = Pipeline.default(strict=True)

PUBLISHED = (None, "2025-03-16", "1999-12-31", "2030-01-01")
PREFIX = "Meanwhile.\n\n"
"""A neutral prefix: a one-word paragraph of its own, so the document's sentences stay as they were."""


def check(text: str, published: str | None) -> None:
    """Parse *text* and raise AssertionError if the report breaks an invariant."""
    report = PIPELINE.parse(text, published=published)
    problems = report_problems(report)
    if problems:
        raise AssertionError(f"{problems[0]} (text={text!r})")
    again = PIPELINE.parse(text, published=published)
    if again != report:
        raise AssertionError(f"two runs differ (text={text!r})")
    moved = PIPELINE.parse(PREFIX + text, published=published)
    if without_offsets(conflictnews.to_dict(moved), len(PREFIX)) != without_offsets(conflictnews.to_dict(report), 0):
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
