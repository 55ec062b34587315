"""
The ``conflictnews`` command: a thin argparse front end over the library.

Errors a user can cause (a missing file, a bad date, undecodable bytes) print a
one-line message to stderr and exit with status 2; nothing prints a traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from typing import TextIO

from conflictnews.errors import ConflictNewsError

__all__ = ["main"]

SUBCOMMANDS: dict[str, tuple[str, str]] = {
    # name: (module, help)
    "parse": ("conflictnews.cli", "read one article and print its report"),
}


class UsageError(Exception):
    """A mistake in how the command was called: printed as one line, exit status 2."""


def _version() -> str:
    import conflictnews

    return str(conflictnews.__version__)


def read_text_arg(path: str) -> str:
    """Read a UTF-8 text file, or standard input for ``-``, with a one-line error on failure."""
    try:
        if path == "-":
            data = sys.stdin.buffer.read()
        else:
            with open(path, "rb") as fh:
                data = fh.read()
    except FileNotFoundError:
        raise UsageError(f"no such file: {path}") from None
    except IsADirectoryError:
        raise UsageError(f"is a directory, not a file: {path}") from None
    except PermissionError:
        raise UsageError(f"cannot read {path}: permission denied") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UsageError(f"{path} is not valid UTF-8 (byte {exc.start}): convert it to UTF-8 first") from None


def _add_parse(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("parse", help=SUBCOMMANDS["parse"][1], description="Read one article and print its report.")
    p.add_argument("file", metavar="FILE", help="a UTF-8 text file, or - for standard input")
    p.add_argument("--published", metavar="DATE", help="publication date (ISO, e.g. 2025-03-16)")
    p.add_argument("--source", help="who published the article")
    p.add_argument("--url", help="where it was published")
    p.add_argument(
        "--format",
        choices=("json", "text", "acled-csv", "plover-jsonl", "cameo-tsv"),
        default="json",
        help="json (the full report, default), text (a summary to read), acled-csv, plover-jsonl, cameo-tsv",
    )
    p.add_argument("--indent", type=int, default=2, help="JSON indentation (default 2; 0 for one line)")
    p.add_argument(
        "--disable", action="append", default=[], metavar="NAME", help="skip a parser, plugin or data pack by name"
    )
    p.add_argument(
        "--enable", action="append", default=None, metavar="PLUGIN", help="use only the plugins named (repeatable)"
    )
    p.add_argument("--strict", action="store_true", help="fail on a broken plugin or a failing parser")
    p.set_defaults(func=_cmd_parse)


def _cmd_parse(args: argparse.Namespace, out: TextIO) -> int:
    from conflictnews.pipeline import Pipeline, make_document
    from conflictnews.serialization import to_json

    text = read_text_arg(args.file)
    doc = make_document(text, published=args.published, source=args.source, url=args.url)
    report = Pipeline.default(disable=args.disable, enable=args.enable, strict=args.strict).run(doc)
    if args.format == "json":
        out.write(to_json(report, indent=args.indent or None))
        out.write("\n")
    elif args.format == "text":
        from conflictnews._summary import summarize

        out.write(summarize(report))
    else:
        from conflictnews import export

        writer: Callable[[object, TextIO], None] = getattr(export, "write_" + args.format.replace("-", "_"))
        writer(report, out)
    return 0


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``conflictnews`` command."""
    parser = argparse.ArgumentParser(
        prog="conflictnews",
        description="Read English conflict news into typed records: actors, places, dates, "
        "quantities, events, claims and quotes.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {_version()}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    _add_parse(sub)
    for extra in _EXTRA_COMMANDS:
        extra(sub)
    return parser


_EXTRA_COMMANDS: list[Callable[[argparse._SubParsersAction[argparse.ArgumentParser]], None]] = []


def main(argv: Sequence[str] | None = None, out: TextIO | None = None) -> int:
    """Run the command line; return the exit status."""
    _register_extra_commands()
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help(sys.stderr)
        return 2
    try:
        status: int = args.func(args, out if out is not None else sys.stdout)
        return status
    except UsageError as exc:
        print(f"conflictnews: error: {exc}", file=sys.stderr)
        return 2
    except (ConflictNewsError, ValueError, TypeError) as exc:
        print(f"conflictnews: error: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # pragma: no cover - e.g. piped into head
        return 0
    except KeyboardInterrupt:  # pragma: no cover
        return 130


def _register_extra_commands() -> None:
    """Sub-commands that live in their own modules register here (imported on use)."""
    if _EXTRA_COMMANDS:
        return
    import importlib

    for module in ("conflictnews.evaluation.cli", "conflictnews.bench", "conflictnews.batch", "conflictnews.registry"):
        try:
            mod = importlib.import_module(module)
        except ModuleNotFoundError as exc:
            if exc.name == module or (exc.name and module.startswith(exc.name)):
                continue  # not part of this build yet
            raise
        _EXTRA_COMMANDS.append(mod.add_command)
