"""
The ``conflictnews bench`` sub-command: how fast the pipeline reads a corpus.

It measures throughput (characters and documents per second), each parser's
share of the time (``Pipeline.run(doc, timings=...)``), peak memory, the time
to import the package and to parse a first document in a fresh interpreter,
and whether time grows linearly with text length (the same text at 1x, 4x and 16x).
"""

from __future__ import annotations

import argparse
import math
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, TextIO

import regex

if TYPE_CHECKING:
    from conflictnews.model import Document
    from conflictnews.pipeline import Pipeline

__all__ = ["add_command", "load_corpus", "run_bench"]

SCALES = (1, 4, 16)
"""Copies of the base text timed by the scaling check."""

AUTO_SECONDS = 2.0
"""Without ``--repeat``, the corpus is parsed again while the total stays under this many seconds."""

MIN_BASE_CHARS = 2000
"""The scaling check's base text: documents of the corpus joined until at least this long."""


def add_command(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register ``bench`` on the ``conflictnews`` command's sub-parsers."""
    p = sub.add_parser(
        "bench",
        help="measure parsing speed, memory and start-up time on a corpus",
        description="Parse a corpus and report characters/s, documents/s, each parser's share of the time, "
        "peak memory, import time and time to first parse (fresh interpreter), and a linear-time check.",
    )
    p.add_argument("corpus", metavar="CORPUS", help="a JSONL file (one record with 'text' per line) or a text file")
    p.add_argument("--limit", type=int, metavar="N", help="use only the first N documents")
    p.add_argument(
        "--repeat",
        type=int,
        metavar="R",
        help="parse the corpus R times (default: as often as fits in about 2 seconds, at least once, at most 100)",
    )
    p.add_argument("--published", metavar="DATE", help="publication date for a text file (ISO)")
    p.add_argument("--json", action="store_true", help="print JSON instead of a table")
    p.add_argument("--disable", action="append", default=[], metavar="PARSER", help="skip a parser by name")
    p.add_argument(
        "--no-subprocess",
        action="store_true",
        help="skip the two fresh-interpreter measures (import time, time to first parse)",
    )
    p.set_defaults(func=_cmd_bench)


def load_corpus(path: str, *, limit: int | None = None, published: str | None = None) -> list[Document]:
    """
    The documents of a corpus file.

    A ``.jsonl`` file gives one document per record (``text``; the date from
    ``published`` or ``publication_date`` when present); any other file is one document.
    """
    import json

    from conflictnews.cli import UsageError, read_text_arg
    from conflictnews.pipeline import make_document

    raw = read_text_arg(path)
    docs: list[Document] = []
    if path.endswith((".jsonl", ".ndjson")):
        for n, line in enumerate(raw.split("\n"), 1):  # not splitlines(): U+2028 may sit inside a string
            if limit is not None and len(docs) >= limit:
                break
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as exc:
                raise UsageError(f"{path} line {n}: not valid JSON ({exc.msg})") from None
            if not isinstance(rec, dict) or not isinstance(rec.get("text"), str):
                raise UsageError(f"{path} line {n}: expected an object with a 'text' string")
            date = rec.get("published") or rec.get("publication_date")
            try:
                docs.append(make_document(rec["text"], published=date if isinstance(date, str) else None))
            except ValueError:
                docs.append(make_document(rec["text"]))
    else:
        docs.append(make_document(raw, published=published))
    if not docs:
        raise UsageError(f"{path} holds no documents")
    return docs


def _peak_rss_mb() -> float | None:
    try:
        import resource
    except ImportError:  # pragma: no cover - not on POSIX
        return None
    import sys

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024  # bytes on macOS, KiB elsewhere


_IMPORT_SCRIPT = "import time; t = time.perf_counter(); import conflictnews; print(time.perf_counter() - t)"

_FIRST_PARSE_SCRIPT = """
import json, sys, time
t = time.perf_counter()
import conflictnews
from conflictnews.pipeline import Pipeline
args = json.loads(sys.stdin.read())
Pipeline.default(disable=args["disable"]).parse(args["text"], published=args["published"])
print(time.perf_counter() - t)
"""


def _fresh(script: str, stdin: str = "", runs: int = 3) -> float | None:
    """Median wall time a fresh interpreter reports for *script* (None if it failed)."""
    import statistics
    import subprocess
    import sys

    times: list[float] = []
    for _ in range(runs):
        proc = subprocess.run(
            [sys.executable, "-c", script], input=stdin, capture_output=True, text=True, timeout=300, check=False
        )
        if proc.returncode != 0:
            return None
        try:
            times.append(float(proc.stdout.strip().splitlines()[-1]))
        except (ValueError, IndexError):
            return None
    return statistics.median(times)


def _time_parse(pipeline: Pipeline, doc: Document, *, min_seconds: float = 0.2, min_runs: int = 3) -> float:
    """Seconds per parse of *doc*: the best of three batches, each long enough to time."""
    import gc
    import time

    t0 = time.perf_counter()
    pipeline.run(doc)
    once = max(time.perf_counter() - t0, 1e-6)
    per_batch = max(min_runs, int(min_seconds / 3 / once) + 1)
    best = float("inf")
    for _ in range(3):
        gc.collect()  # a collection left over from the last batch would land in this one
        t0 = time.perf_counter()
        for _ in range(per_batch):
            pipeline.run(doc)
        best = min(best, (time.perf_counter() - t0) / per_batch)
    return best


def _scaling(pipeline: Pipeline, docs: Sequence[Document]) -> dict[str, Any]:
    import attrs

    parts: list[str] = []
    for d in docs:
        parts.append(d.text)
        if sum(len(p) for p in parts) >= MIN_BASE_CHARS:
            break
    base = "\n\n".join(parts)
    times: dict[int, float] = {}
    chars: dict[int, int] = {}
    for k in SCALES:
        text = "\n\n".join([base] * k)
        chars[k] = len(text)
        times[k] = _time_parse(pipeline, attrs.evolve(docs[0], text=text))
    t1 = times[1]
    return {
        "base_chars": chars[1],
        "seconds": {f"{k}x": round(times[k], 6) for k in SCALES},
        "chars": {f"{k}x": chars[k] for k in SCALES},
        "ratio_4x": round(times[4] / (4 * t1), 3),
        "ratio_16x": round(times[16] / (16 * t1), 3),
    }


def run_bench(
    docs: Sequence[Document],
    *,
    pipeline: Pipeline | None = None,
    repeat: int | None = None,
    fresh: bool = True,
    disable: Sequence[str] = (),
) -> dict[str, Any]:
    """
    Measure *pipeline* (default: the built-in one) on *docs*; return the figures as JSON-ready data.

    The corpus is parsed *repeat* times (None: as often as fits in :data:`AUTO_SECONDS`, at most 100),
    after one warm-up parse of the first document.

    Keys: ``documents``, ``characters``, ``repeat``, ``parsers``, ``seconds``, ``chars_per_second``,
    ``docs_per_second``, ``parser_share`` (fraction of the time per parser, "analysis" included),
    ``warmup_seconds`` (the first in-process parse, which loads data), ``peak_rss_mb``,
    ``import_seconds`` and ``first_parse_seconds`` (fresh interpreter; None when *fresh* is False),
    and ``scaling``.
    """
    import json
    import time

    from conflictnews.pipeline import Pipeline

    pipe = pipeline if pipeline is not None else Pipeline.default(disable=disable)
    t0 = time.perf_counter()
    pipe.run(docs[0])
    warmup = time.perf_counter() - t0
    timings: dict[str, float] = {}
    runs = 0
    t0 = time.perf_counter()
    while True:
        for d in docs:
            pipe.run(d, timings=timings)
        runs += 1
        elapsed = time.perf_counter() - t0
        if repeat is not None:
            if runs >= repeat:
                break
        elif runs >= 100 or elapsed * (runs + 1) / runs > AUTO_SECONDS:
            break
    n_chars = sum(len(d.text) for d in docs)
    base = _baseline_seconds(docs)
    spent = sum(timings.values()) or 1.0
    out: dict[str, Any] = {
        "documents": len(docs),
        "characters": n_chars,
        "repeat": runs,
        "parsers": list(pipe.names),
        "seconds": round(elapsed, 4),
        "chars_per_second": round(n_chars * runs / elapsed) if elapsed else None,
        "docs_per_second": round(len(docs) * runs / elapsed, 1) if elapsed else None,
        "parser_share": {k: round(v / spent, 4) for k, v in sorted(timings.items(), key=lambda kv: -kv[1])},
        "warmup_seconds": round(warmup, 4),
        "baseline": {
            "what": BASELINE,
            "chars_per_second": round(n_chars / base) if base else None,
            "pipeline_cost": round(elapsed / runs / base, 1) if base else None,
        },
        "scaling": _scaling(pipe, docs),
        "peak_rss_mb": None,
        "import_seconds": None,
        "first_parse_seconds": None,
    }
    if fresh:
        out["import_seconds"] = _round(_fresh(_IMPORT_SCRIPT))
        first = docs[0]
        payload = json.dumps(
            {
                "text": first.text,
                "published": first.published.isoformat() if first.published else None,
                "disable": list(disable),
            }
        )
        out["first_parse_seconds"] = _round(_fresh(_FIRST_PARSE_SCRIPT, payload))
    rss = _peak_rss_mb()
    out["peak_rss_mb"] = round(rss, 1) if rss is not None else None
    return out


BASELINE = "one regex word pass over the text and a set look-up of each lower-cased word"
"""The reference workload timed in the same process, so that machines and loads can be compared."""

_BASELINE_WORD = regex.compile(r"\w+")
_BASELINE_WORDS = frozenset({"the", "of", "and", "said", "killed", "forces", "in", "on"})


def _baseline_seconds(docs: Sequence[Document], runs: int = 5) -> float:
    """Best of *runs* timings of :data:`BASELINE` over *docs*: the floor of any pure-Python pass over the text."""
    import time

    best = math.inf
    words = _BASELINE_WORDS
    for _ in range(runs):
        t0 = time.perf_counter()
        for d in docs:
            hits = sum(1 for w in _BASELINE_WORD.findall(d.text) if w.lower() in words)
            del hits
        best = min(best, time.perf_counter() - t0)
    return best


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def format_bench(corpus: str, r: dict[str, Any]) -> str:
    """The figures of :func:`run_bench` as a table to read."""

    def num(v: Any, fmt: str, unit: str = "") -> str:
        return "n/a" if v is None else format(v, fmt) + unit

    sc = r["scaling"]
    share = "  ".join(f"{k} {v:.1%}" for k, v in r["parser_share"].items())
    scaled = "  ".join(f"{k}: {v * 1000:.2f} ms" for k, v in sc["seconds"].items())
    lines = [
        f"corpus          {corpus}: {r['documents']} documents, {r['characters']:,} characters, repeat {r['repeat']}",
        f"parsers         {', '.join(r['parsers']) or '(none)'}",
        f"throughput      {num(r['chars_per_second'], ',', ' chars/s')}   {num(r['docs_per_second'], ',', ' docs/s')}"
        f"   ({r['seconds']:.2f} s in all)",
        f"time share      {share}",
        f"baseline        {num(r['baseline']['chars_per_second'], ',', ' chars/s')} ({r['baseline']['what']}); "
        f"the pipeline costs {num(r['baseline']['pipeline_cost'], '.1f', 'x')} that",
        f"warm-up parse   {r['warmup_seconds']:.3f} s (first parse in this process: loads data)",
        f"peak RSS        {num(r['peak_rss_mb'], '.1f', ' MB')}",
        f"import time     {num(r['import_seconds'], '.3f', ' s')} (fresh interpreter: import conflictnews)",
        f"first parse     {num(r['first_parse_seconds'], '.3f', ' s')} (fresh interpreter: import + first parse)",
        f"scaling         base {sc['base_chars']:,} chars  {scaled}",
        f"                time(4x)/(4*time(1x)) = {sc['ratio_4x']:.3f}   "
        f"time(16x)/(16*time(1x)) = {sc['ratio_16x']:.3f}  (1.0 = linear)",
    ]
    return "\n".join(lines) + "\n"


def _cmd_bench(args: argparse.Namespace, out: TextIO) -> int:
    import json

    from conflictnews.cli import UsageError
    from conflictnews.pipeline import Pipeline

    if args.limit is not None and args.limit < 1:
        raise UsageError("--limit must be 1 or more")
    if args.repeat is not None and args.repeat < 1:
        raise UsageError("--repeat must be 1 or more")
    docs = load_corpus(args.corpus, limit=args.limit, published=args.published)
    pipeline = Pipeline.default(disable=args.disable)
    result = run_bench(docs, pipeline=pipeline, repeat=args.repeat, fresh=not args.no_subprocess, disable=args.disable)
    if args.json:
        out.write(json.dumps({"corpus": args.corpus, **result}, indent=2))
        out.write("\n")
    else:
        out.write(format_bench(args.corpus, result))
    return 0
