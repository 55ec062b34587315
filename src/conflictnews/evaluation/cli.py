"""The ``conflictnews evaluate`` sub-command (registered by :func:`add_command`)."""

from __future__ import annotations

import argparse
from typing import Any, TextIO

__all__ = ["add_command"]

_TASKS = ("events", "actors", "locations", "times", "quantities", "quotes")


def add_command(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register ``evaluate`` on the ``conflictnews`` command's sub-parsers."""
    p = sub.add_parser(
        "evaluate",
        help="score the parsers against annotated gold data",
        description="Parse every text of a gold JSONL file and score what the parsers found. "
        "The gold shape is detected per record (ACLED, UCDP GED, GeoWebNews, LGL, TR-News, TempEval-3, "
        "PolNeAR, quantulum3, PLOVER, PETRARCH2, Giveme5W1H, or the conflictnews gold shape); "
        "see docs/evaluation.md.",
    )
    p.add_argument("gold", metavar="GOLD.jsonl", help="gold records, one JSON object per line (- for standard input)")
    p.add_argument(
        "--task",
        action="append",
        default=[],
        metavar="TASK",
        help=f"score only this task ({'|'.join(_TASKS)}); repeat or separate by commas; default: all the gold has",
    )
    p.add_argument("--format", choices=("table", "json"), default="table", help="table (default) or json")
    p.add_argument("--limit", type=int, metavar="N", help="read only the first N records")
    p.add_argument(
        "--match",
        choices=("overlap", "exact"),
        default="overlap",
        help="span matching: overlap (default: spans share a character) or exact (identical spans)",
    )
    p.add_argument(
        "--km", type=float, default=25.0, help="distance within which an event location is right (default 25)"
    )
    p.add_argument(
        "--value-tolerance",
        type=float,
        default=0.0,
        metavar="REL",
        help="relative tolerance when comparing numbers (default 0: equal)",
    )
    p.add_argument("--errors", type=int, default=0, metavar="N", help="also list up to N wrong records per task")
    p.add_argument(
        "--predictions",
        metavar="REPORTS.jsonl",
        help="score these reports (conflictnews JSON, one per gold record, same order) instead of parsing",
    )
    p.add_argument("--disable", action="append", default=[], metavar="PARSER", help="skip a parser by name")
    p.set_defaults(func=_cmd_evaluate)


def _tasks(values: list[str]) -> list[str] | None:
    from conflictnews.cli import UsageError

    out: list[str] = []
    for v in values:
        for t in v.split(","):
            t = t.strip()
            if not t:
                continue
            if t not in _TASKS:
                raise UsageError(f"unknown task {t!r}: choose from {', '.join(_TASKS)}")
            out.append(t)
    return out or None


def _read_lines(path: str) -> list[str]:
    from conflictnews.cli import read_text_arg

    return read_text_arg(path).split("\n")  # not splitlines(): U+2028 may sit inside a JSON string


def _cmd_evaluate(args: argparse.Namespace, out: TextIO) -> int:
    import json
    import sys

    from conflictnews.cli import UsageError
    from conflictnews.evaluation.readers import GoldFormatError, read_gold, read_jsonl
    from conflictnews.evaluation.render import format_table
    from conflictnews.evaluation.runner import evaluate
    from conflictnews.evaluation.scorers import Options

    tasks = _tasks(args.task)
    if args.limit is not None and args.limit < 0:
        raise UsageError("--limit must be 0 or more")
    if args.km <= 0 or args.value_tolerance < 0:
        raise UsageError("--km must be positive and --value-tolerance 0 or more")
    try:
        docs = read_gold(_read_lines(args.gold), name=args.gold, limit=args.limit)
    except GoldFormatError as exc:
        raise UsageError(str(exc)) from None
    if not docs:
        raise UsageError(f"{args.gold} holds no gold records")
    predictions: list[Any] | None = None
    if args.predictions:
        try:
            predictions = list(read_jsonl(_read_lines(args.predictions), name=args.predictions))[: len(docs)]
        except GoldFormatError as exc:
            raise UsageError(str(exc)) from None
        if len(predictions) != len(docs):
            raise UsageError(f"{args.predictions} has {len(predictions)} reports for {len(docs)} gold records")
    pipeline = None
    if predictions is None:
        from conflictnews.pipeline import Pipeline

        pipeline = Pipeline.default(disable=args.disable)

    def progress(done: int, total: int) -> None:
        if done == total or done % 100 == 0:
            print(f"\rparsed {done}/{total}", end="\n" if done == total else "", file=sys.stderr, flush=True)

    result = evaluate(
        docs,
        tasks=tasks,
        options=Options(match=args.match, km=args.km, value_tolerance=args.value_tolerance),
        pipeline=pipeline,
        predictions=predictions,
        source=args.gold,
        progress=progress if sys.stderr.isatty() else None,
    )
    if not result.results:
        wanted = ", ".join(tasks or _TASKS)
        raise UsageError(f"no record of {args.gold} has gold for {wanted}")
    if args.format == "json":
        out.write(json.dumps(result.to_dict(max_errors=args.errors), ensure_ascii=False, indent=2))
        out.write("\n")
    else:
        out.write(format_table(result, max_errors=args.errors))
    return 0
