"""
Batch processing: a corpus in; JSON Lines, ACLED-style CSV or Parquet out.

Inputs are text files (one document each), folders of them, and JSON Lines files
with a ``text`` field (optionally ``id``, ``published``, ``source``, ``url``),
gzip'd or not. Records are read lazily, parsed in chunks by worker processes
(or a Dask cluster) and written in input order, so memory stays flat however
large the corpus.

A bad record (invalid JSON, no text, undecodable bytes, too long, a bad date)
goes to an errors file with its input and line number; the run goes on.
After each committed chunk a checkpoint (``OUTPUT.checkpoint.json``) records how
many input records are done and how long the output files were, so ``--resume``
cuts any half-written tail and carries on without redoing or duplicating work.

This module is imported by every ``conflictnews`` command: it imports nothing
heavy (no multiprocessing, pyarrow or dask) until a batch actually runs.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import os
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import IO, Any, NamedTuple, TextIO

import attrs

from conflictnews.errors import ConflictNewsError
from conflictnews.model import Document, Report
from conflictnews.pipeline import DEFAULT_MAX_TEXT_LENGTH, Pipeline

__all__ = [
    "OUTPUT_FORMATS",
    "PARQUET_TABLES",
    "BatchOptions",
    "BatchSetupError",
    "BatchSummary",
    "RecordError",
    "RecordFields",
    "add_command",
    "checkpoint_path",
    "default_workers",
    "document_from_record",
    "run_batch",
]

OUTPUT_FORMATS = ("jsonl", "acled-csv", "parquet")
"""What ``batch`` can write: JSON Lines of reports, ACLED-style CSV of events, a Parquet directory."""

PARQUET_TABLES = ("documents", "actors", "locations", "times", "quantities", "events", "claims", "quotes", "warnings")
"""The tables of a Parquet output, one sub-directory each, every row keyed by ``document_id``."""

_CHECKPOINT_VERSION = 1
_JSONL_SUFFIXES = (".jsonl", ".ndjson")
_TEXT_SUFFIXES = (".txt", ".text")
_MAX_CHUNK_BYTES = 1 << 20  # a chunk also ends after 1 MiB of input, so long articles spread over workers


class RecordError(ConflictNewsError, ValueError):
    """
    One input record could not become a document.

    *code* is one of ``invalid-json``, ``not-an-object``, ``missing-text``, ``bad-field``,
    ``undecodable``, ``too-long``, ``bad-date``, ``pipeline-error``.
    """

    def __init__(self, code: str, message: str, *, doc_id: str | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.doc_id = doc_id

    def __reduce__(self) -> tuple[Any, ...]:  # survives pickling back from a Dask worker
        return (type(self), (self.code, str(self)), {"doc_id": self.doc_id})


class BatchSetupError(ConflictNewsError):
    """A worker could not build its pipeline (for example, ``--disable`` names no parser)."""


@attrs.frozen
class RecordFields:
    """Names of the JSON Lines fields a record's text and metadata are read from."""

    text: str = "text"
    id: str = "id"
    published: str = "published"
    source: str = "source"
    url: str = "url"


@attrs.frozen
class BatchOptions:
    """
    How records become documents and reports become output (everything a worker needs).

    Args:
        fields: JSON Lines field names.
        output_format: One of :data:`OUTPUT_FORMATS`.
        max_chars: Longer documents are reported as ``too-long`` and skipped.
        disable: Parser names to leave out of the pipeline.
        published: Publication date for records that do not give one.
    """

    fields: RecordFields = RecordFields()
    output_format: str = "jsonl"
    max_chars: int = DEFAULT_MAX_TEXT_LENGTH
    disable: tuple[str, ...] = ()
    published: str | None = None


class BatchSummary(NamedTuple):
    """What a :func:`run_batch` call did (counts cover this call only, not a resumed run's earlier part)."""

    records: int
    documents: int
    errors: int
    chars: int
    seconds: float
    skipped: int
    """Records skipped because an earlier, interrupted run had finished them."""
    workers: int = 0
    """Worker processes that parsed documents."""
    pipelines_per_worker: int = 0
    """The most pipelines any worker process built (1: each loaded its parsers and data once)."""


class _Raw(NamedTuple):
    """One input record as read: a JSON Lines line or a whole text file."""

    origin: str
    line: int | None
    data: bytes
    kind: str  # "jsonl" | "text"
    oversize: bool = False


class _ChunkResult(NamedTuple):
    payload: Any  # bytes for jsonl and acled-csv; {table: pyarrow.Table} for parquet
    errors: list[dict[str, Any]]
    records: int
    documents: int
    chars: int
    worker: tuple[int, int]  # (process id, pipelines built in that process): one per worker


# --------------------------------------------------------------------------
# Records → documents (run in the workers)
# --------------------------------------------------------------------------


def document_from_record(
    record: Mapping[str, Any],
    *,
    fields: RecordFields = RecordFields(),
    default_id: str | None = None,
    published: str | None = None,
    max_chars: int = DEFAULT_MAX_TEXT_LENGTH,
) -> Document:
    """
    Build a :class:`~conflictnews.Document` from one decoded JSON Lines record.

    The id is the record's (a string or an integer), else *default_id*; *published*
    stands in for a record without a date.

    Raises:
        RecordError: If the text is missing or too long, a field has the wrong type,
            or the date cannot be read.
    """
    from conflictnews.errors import InvalidDateError
    from conflictnews.pipeline import coerce_date

    if not isinstance(record, Mapping):
        raise RecordError("not-an-object", f"a record must be a JSON object, not {type(record).__name__}")
    raw_id = record.get(fields.id)
    if isinstance(raw_id, bool) or not isinstance(raw_id, str | int | type(None)):
        raise RecordError("bad-field", f"{fields.id!r} must be a string or an integer, not {type(raw_id).__name__}")
    doc_id = str(raw_id) if raw_id is not None and raw_id != "" else default_id
    text = record.get(fields.text)
    if text is None:
        raise RecordError("missing-text", f"the record has no {fields.text!r} field", doc_id=doc_id)
    if not isinstance(text, str):
        raise RecordError("bad-field", f"{fields.text!r} must be a string, not {type(text).__name__}", doc_id=doc_id)
    if len(text) > max_chars:
        raise RecordError("too-long", f"text has {len(text)} characters, over --max-chars={max_chars}", doc_id=doc_id)
    meta: dict[str, str | None] = {}
    for name in ("source", "url"):
        value = record.get(getattr(fields, name))
        if value is not None and not isinstance(value, str):
            raise RecordError("bad-field", f"{getattr(fields, name)!r} must be a string", doc_id=doc_id)
        meta[name] = value
    when = record.get(fields.published)
    if when is None or when == "":
        when = published
    try:
        date = coerce_date(when) if isinstance(when, str | type(None)) else coerce_date(repr(when))
    except InvalidDateError as exc:
        raise RecordError("bad-date", str(exc), doc_id=doc_id) from None
    return Document(text=text, published=date, source=meta["source"], url=meta["url"], id=doc_id)


def _document(raw: _Raw, options: BatchOptions) -> Document:
    import json

    from conflictnews.errors import InvalidDateError
    from conflictnews.pipeline import coerce_date

    if raw.oversize:
        raise RecordError("too-long", f"the file is over --max-chars={options.max_chars} characters")
    try:
        text = raw.data.decode("utf-8-sig" if raw.kind == "text" or raw.line == 1 else "utf-8")
    except UnicodeDecodeError as exc:
        raise RecordError("undecodable", f"not valid UTF-8 (byte {exc.start} of the record)") from None
    if raw.kind == "text":
        if len(text) > options.max_chars:
            raise RecordError("too-long", f"text has {len(text)} characters, over --max-chars={options.max_chars}")
        try:
            published = coerce_date(options.published)
        except InvalidDateError as exc:  # pragma: no cover - checked before the run starts
            raise RecordError("bad-date", str(exc)) from None
        return Document(text=text, published=published, id=raw.origin)
    try:
        record = json.loads(text)
    except json.JSONDecodeError as exc:
        raise RecordError("invalid-json", f"invalid JSON: {exc}") from None
    if not isinstance(record, dict):
        raise RecordError("not-an-object", f"a record must be a JSON object, not {type(record).__name__}")
    return document_from_record(
        record,
        fields=options.fields,
        default_id=f"{raw.origin}:{raw.line}",
        published=options.published,
        max_chars=options.max_chars,
    )


_PIPELINES: dict[tuple[tuple[str, ...], int], Pipeline] = {}
_PIPELINES_LOCK = threading.Lock()
_PIPELINES_BUILT = 0


def _worker_pipeline(disable: tuple[str, ...], max_chars: int) -> Pipeline:
    """The pipeline of this process: built (with its data) on first use, then reused for every document."""
    global _PIPELINES_BUILT
    key = (disable, max_chars)
    pipeline = _PIPELINES.get(key)
    if pipeline is None:
        with _PIPELINES_LOCK:  # Dask runs several tasks per process in threads
            pipeline = _PIPELINES.get(key)
            if pipeline is None:
                pipeline = Pipeline.default(disable=disable, max_text_length=max(max_chars, 1))
                warm_up = "Troops advanced near Kharkiv on 3 March 2025, officials said."
                pipeline.run(Document(text=warm_up[: pipeline.max_text_length]))  # loads lazily-read data now
                _PIPELINES[key] = pipeline
                _PIPELINES_BUILT += 1
    return pipeline


def _init_worker(options: BatchOptions) -> None:
    """Process-pool initializer: load the pipeline and its data before the first chunk arrives."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the main process's to handle: it stops the pool
    with contextlib.suppress(Exception):  # e.g. an unknown --disable name: the first chunk raises it again
        _worker_pipeline(options.disable, options.max_chars)


def _run(pipeline: Pipeline, document: Document) -> Report:
    return pipeline.run(document)


def _error(raw: _Raw, code: str, message: str, doc_id: str | None) -> dict[str, Any]:
    return {"input": raw.origin, "line": raw.line, "id": doc_id, "error": code, "message": message}


def _text_id(raw: _Raw) -> str | None:
    return raw.origin if raw.kind == "text" else None


def _process_chunk(options: BatchOptions, raws: Sequence[_Raw]) -> _ChunkResult:
    """Read, parse and serialise one chunk of records (runs in a worker)."""
    from conflictnews.serialization import to_json

    try:
        pipeline = _worker_pipeline(options.disable, options.max_chars)
    except ConflictNewsError as exc:  # re-raised as a plain message: it crosses process boundaries
        raise BatchSetupError(str(exc)) from None
    fmt = options.output_format
    parts: list[bytes] = []
    reports: list[Report] = []
    errors: list[dict[str, Any]] = []
    docs = chars = 0
    for raw in raws:
        doc_id: str | None = None
        try:
            doc = _document(raw, options)
            doc_id = doc.id
            report = _run(pipeline, doc)
            if fmt == "jsonl":
                parts.append(to_json(report).encode("utf-8") + b"\n")
            elif fmt == "acled-csv":
                parts.append(_csv_rows(report).encode("utf-8"))
            else:
                for value in (doc.text, doc.source, doc.url, doc.id):  # Arrow would fail the whole chunk
                    if value is not None:
                        value.encode("utf-8")
                reports.append(report)
        except RecordError as exc:
            errors.append(_error(raw, exc.code, str(exc), exc.doc_id or doc_id or _text_id(raw)))
            continue
        except UnicodeEncodeError as exc:  # lone surrogates from JSON escapes such as "\ud800"
            errors.append(_error(raw, "undecodable", f"the record holds characters UTF-8 cannot encode: {exc}", doc_id))
            continue
        except Exception as exc:  # a broken plugin or a bug: report it and keep going
            errors.append(_error(raw, "pipeline-error", f"{type(exc).__name__}: {exc}", doc_id))
            continue
        docs += 1
        chars += len(doc.text)
    payload: Any = _arrow_tables(reports) if fmt == "parquet" else b"".join(parts)
    return _ChunkResult(payload, errors, len(raws), docs, chars, (os.getpid(), _PIPELINES_BUILT))


def _csv_rows(report: Report) -> str:
    import csv
    import io

    from conflictnews.export.acled import ACLED_COLUMNS, acled_rows

    buf = io.StringIO()
    csv.DictWriter(buf, fieldnames=ACLED_COLUMNS, lineterminator="\r\n").writerows(acled_rows(report))
    return buf.getvalue()


def _acled_header() -> bytes:
    from conflictnews.export.acled import ACLED_COLUMNS

    return (",".join(ACLED_COLUMNS) + "\r\n").encode("ascii")


# --------------------------------------------------------------------------
# Parquet: one table per item kind, keyed by document id
# --------------------------------------------------------------------------


def _pyarrow() -> Any:
    import importlib

    try:
        return importlib.import_module("pyarrow")
    except ModuleNotFoundError:
        from conflictnews.cli import UsageError

        raise UsageError("Parquet output needs pyarrow: pip install 'conflictnews[parquet]'") from None


def _table_classes() -> dict[str, type[Any]]:
    from conflictnews.model import Actor, Claim, Event, Location, Quantity, Quote, ReportWarning, TimeExpression

    return {
        "documents": Document,
        "actors": Actor,
        "locations": Location,
        "times": TimeExpression,
        "quantities": Quantity,
        "events": Event,
        "claims": Claim,
        "quotes": Quote,
        "warnings": ReportWarning,
    }


_HINTS: dict[type[Any], dict[str, Any]] = {}


def _hints(cls: type[Any]) -> dict[str, Any]:
    """Field name → resolved type of an attrs class, in field order (cached: called per item)."""
    import typing

    hints = _HINTS.get(cls)
    if hints is None:
        resolved = typing.get_type_hints(cls)
        hints = _HINTS[cls] = {a.name: resolved[a.name] for a in attrs.fields(cls)}
    return hints


def _arrow_type(tp: Any, pa: Any) -> Any:
    import datetime
    import enum
    import types
    import typing

    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        (inner,) = [a for a in typing.get_args(tp) if a is not type(None)]
        return _arrow_type(inner, pa)
    if origin is tuple:
        args = typing.get_args(tp)
        if len(args) == 2 and args[1] is Ellipsis:
            return pa.list_(_arrow_type(args[0], pa))
        return pa.struct([(f"f{i}", _arrow_type(a, pa)) for i, a in enumerate(args)])
    if tp is bool:
        return pa.bool_()
    if tp is int:
        return pa.int64()
    if tp is float:
        return pa.float64()
    if tp is datetime.date:
        return pa.date32()
    if tp is str or (isinstance(tp, type) and issubclass(tp, enum.Enum)):
        return pa.string()
    if attrs.has(tp):
        return pa.struct([(name, _arrow_type(hint, pa)) for name, hint in _hints(tp).items()])
    raise TypeError(f"no Arrow type for {tp!r}")  # pragma: no cover - the model uses none other


def _arrow_value(value: Any, tp: Any) -> Any:
    import enum
    import types
    import typing

    if value is None:
        return None
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        (inner,) = [a for a in typing.get_args(tp) if a is not type(None)]
        return _arrow_value(value, inner)
    if origin is tuple:
        args = typing.get_args(tp)
        if len(args) == 2 and args[1] is Ellipsis:
            return [_arrow_value(v, args[0]) for v in value]
        return {f"f{i}": _arrow_value(v, a) for i, (v, a) in enumerate(zip(value, args, strict=True))}
    if isinstance(value, enum.Enum):
        return value.value
    if attrs.has(type(value)):
        return {name: _arrow_value(getattr(value, name), hint) for name, hint in _hints(type(value)).items()}
    return value


@functools.cache
def _arrow_schemas() -> dict[str, Any]:
    pa = _pyarrow()
    out: dict[str, Any] = {}
    for table, cls in _table_classes().items():
        columns = [("document_id", pa.string())]
        columns += [(n, _arrow_type(h, pa)) for n, h in _hints(cls).items() if not (table == "documents" and n == "id")]
        out[table] = pa.schema(columns)
    return out


def _arrow_tables(reports: Sequence[Report]) -> dict[str, Any]:
    pa = _pyarrow()
    schemas = _arrow_schemas()
    classes = _table_classes()
    rows: dict[str, list[dict[str, Any]]] = {t: [] for t in PARQUET_TABLES}
    for report in reports:
        key = report.document.id
        doc_hints = _hints(Document)
        rows["documents"].append(
            {"document_id": key}
            | {n: _arrow_value(getattr(report.document, n), h) for n, h in doc_hints.items() if n != "id"}
        )
        for table in PARQUET_TABLES[1:]:
            hints = _hints(classes[table])
            for item in getattr(report, table):
                row = {n: _arrow_value(getattr(item, n), h) for n, h in hints.items()}
                rows[table].append({"document_id": key} | row)
    return {t: pa.Table.from_pylist(rows[t], schema=schemas[t]) for t in PARQUET_TABLES}


# --------------------------------------------------------------------------
# Reading inputs (main process): lazily, in a fixed order
# --------------------------------------------------------------------------


def _kind_of(path: str, input_format: str) -> str | None:
    """How to read a file, ``"jsonl"`` or ``"text"``; None for a file that a folder walk skips."""
    name = path.lower()
    if name.endswith(".gz"):
        name = name[:-3]
    if input_format != "auto":
        return input_format
    if name.endswith(_JSONL_SUFFIXES):
        return "jsonl"
    if name.endswith(_TEXT_SUFFIXES):
        return "text"
    return None


def _zero() -> int:
    return 0


class _Reader:
    """The records of every input, in order; ``position`` says how far through the input bytes it is."""

    def __init__(self, inputs: Sequence[str], *, input_format: str, max_chars: int) -> None:
        from conflictnews.cli import UsageError

        self.files: list[tuple[str, str]] = []
        for arg in inputs:
            if arg == "-":
                self.files.append(("-", "jsonl" if input_format == "auto" else input_format))
            elif os.path.isdir(arg):
                for root, dirs, names in os.walk(arg):
                    dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                    for name in sorted(names):
                        path = os.path.join(root, name)
                        if _kind_of(path, "auto") is not None and not name.startswith("."):
                            self.files.append((path, _kind_of(path, input_format) or "text"))
            elif os.path.isfile(arg):
                self.files.append((arg, _kind_of(arg, input_format) or "text"))
            else:
                raise UsageError(f"no such file or directory: {arg}")
        self.total_bytes: int | None = None
        if all(path != "-" for path, _ in self.files):
            self.total_bytes = sum(os.path.getsize(path) for path, _ in self.files)
        self._done_bytes = 0
        self._tell: Callable[[], int] = _zero
        self._read = 0
        self._max_bytes = 4 * max_chars + 3  # UTF-8 takes at most 4 bytes a character (+ a BOM)

    @property
    def position(self) -> int:
        """Input bytes read so far (compressed bytes for gzip files)."""
        return self._done_bytes + self._tell()

    def _open(self, path: str, stack: contextlib.ExitStack) -> IO[bytes]:
        import gzip
        import typing

        if path == "-":
            return sys.stdin.buffer
        raw = stack.enter_context(open(path, "rb"))  # noqa: SIM115 - the stack closes it
        if path.lower().endswith(".gz"):
            self._tell = raw.tell  # progress in compressed bytes, like the total
            return typing.cast(IO[bytes], stack.enter_context(gzip.GzipFile(fileobj=raw, mode="rb")))
        self._tell = self._bytes_read
        return raw

    def __iter__(self) -> Iterator[_Raw]:
        for path, kind in self.files:
            self._read = 0
            with contextlib.ExitStack() as stack:
                fh = self._open(path, stack)
                if kind == "text":
                    data = fh.read(self._max_bytes + 1)
                    self._read = len(data)
                    oversize = len(data) > self._max_bytes
                    yield _Raw(path, None, b"" if oversize else data, "text", oversize)
                else:
                    for n, line in enumerate(fh, 1):
                        self._read += len(line)
                        if line.strip():
                            yield _Raw(path, n, line, "jsonl")
            self._done_bytes += os.path.getsize(path) if path != "-" else self._read
            self._tell = _zero

    def _bytes_read(self) -> int:
        return self._read


def _chunks(records: Iterator[_Raw], reader: _Reader, size: int) -> Iterator[tuple[list[_Raw], int]]:
    chunk: list[_Raw] = []
    nbytes = 0
    for raw in records:
        chunk.append(raw)
        nbytes += len(raw.data)
        if len(chunk) >= size or nbytes >= _MAX_CHUNK_BYTES:
            yield chunk, reader.position
            chunk, nbytes = [], 0
    if chunk:
        yield chunk, reader.position


# --------------------------------------------------------------------------
# Writing outputs (main process): append, commit, checkpoint
# --------------------------------------------------------------------------


class _LineSink:
    """JSON Lines or CSV: appended per chunk; a commit records the file's length."""

    def __init__(self, path: str, header: bytes = b"") -> None:
        self.path = path
        self.header = header
        self._fh: IO[bytes] | None = None

    def start(self, state: Mapping[str, Any] | None) -> None:
        if state is None:
            self._fh = open(self.path, "wb")  # noqa: SIM115 - closed in close()
            self._fh.write(self.header)
        else:
            self._fh = open(self.path, "r+b")  # noqa: SIM115
            self._fh.truncate(int(state["output_bytes"]))  # drops a half-written last line
            self._fh.seek(0, os.SEEK_END)

    def write(self, result: _ChunkResult) -> None:
        assert self._fh is not None
        self._fh.write(result.payload)

    def want_commit(self) -> bool:
        return True

    def commit(self) -> dict[str, Any]:
        assert self._fh is not None
        self._fh.flush()
        return {"output_bytes": self._fh.tell()}

    def close(self) -> None:
        if self._fh is not None:
            self._fh.close()


class _ParquetSink:
    """A directory of tables, one sub-directory per item kind, written in numbered parts."""

    def __init__(self, path: str, *, part_documents: int = 10_000, part_bytes: int = 64 << 20) -> None:
        self.path = path
        self.part_documents = part_documents
        self.part_bytes = part_bytes
        self.parts = 0
        self._buffers: dict[str, list[Any]] = {t: [] for t in PARQUET_TABLES}
        self._docs = 0
        self._bytes = 0

    def start(self, state: Mapping[str, Any] | None) -> None:
        import shutil

        _pyarrow()
        self.parts = 0 if state is None else int(state["parts"])
        os.makedirs(self.path, exist_ok=True)
        for table in PARQUET_TABLES:
            folder = os.path.join(self.path, table)
            if state is None:
                shutil.rmtree(folder, ignore_errors=True)
            os.makedirs(folder, exist_ok=True)
            for name in os.listdir(folder):  # parts written after the last checkpoint, half-written files
                number = name[5:10]
                if not (name == f"part-{number}.parquet" and number.isdigit() and int(number) < self.parts):
                    os.remove(os.path.join(folder, name))

    def write(self, result: _ChunkResult) -> None:
        for table, data in result.payload.items():
            self._buffers[table].append(data)
            self._bytes += data.nbytes
        self._docs += result.documents

    def want_commit(self) -> bool:
        return self._docs >= self.part_documents or self._bytes >= self.part_bytes

    def commit(self) -> dict[str, Any]:
        if any(self._buffers.values()):
            pa = _pyarrow()
            import importlib

            pq = importlib.import_module("pyarrow.parquet")
            schemas = _arrow_schemas()
            for table in PARQUET_TABLES:
                data = pa.concat_tables(self._buffers[table]) if self._buffers[table] else schemas[table].empty_table()
                name = f"part-{self.parts:05d}.parquet"
                tmp = os.path.join(self.path, table, f".{name}.tmp")  # dot files: readers skip them
                pq.write_table(data, tmp)
                os.replace(tmp, os.path.join(self.path, table, name))
            self.parts += 1
            self._buffers = {t: [] for t in PARQUET_TABLES}
            self._docs = self._bytes = 0
        return {"parts": self.parts}

    def close(self) -> None:
        pass


class _ErrorLog:
    """The errors file: JSON Lines, opened on the first bad record, truncated on resume like the output."""

    def __init__(self, path: str) -> None:
        self.path = path
        self._fh: IO[bytes] | None = None
        self._size = 0

    def start(self, state: Mapping[str, Any] | None) -> None:
        if state is None:
            if os.path.exists(self.path):
                os.remove(self.path)
            return
        self._size = int(state.get("errors_bytes", 0))
        if os.path.exists(self.path):
            self._fh = open(self.path, "r+b")  # noqa: SIM115 - closed in close()
            self._fh.truncate(self._size)
            self._fh.seek(0, os.SEEK_END)

    def write(self, errors: Iterable[Mapping[str, Any]]) -> None:
        import json

        for err in errors:
            if self._fh is None:
                self._fh = open(self.path, "ab")  # noqa: SIM115
            self._fh.write(json.dumps(err, ensure_ascii=False).encode("utf-8") + b"\n")

    def commit(self) -> int:
        if self._fh is not None:
            self._fh.flush()
            self._size = self._fh.tell()
        return self._size

    def close(self) -> None:
        if self._fh is not None:
            self._fh.close()


def _write_checkpoint(path: str, data: Mapping[str, Any]) -> None:
    import json

    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8") as fh:
        json.dump(data, fh)
    os.replace(tmp, path)  # atomic: a kill leaves the old checkpoint or the new one


def checkpoint_path(output: str) -> str:
    """Where :func:`run_batch` keeps the checkpoint for *output*."""
    return output.rstrip("/" + os.sep) + ".checkpoint.json"


# --------------------------------------------------------------------------
# Progress on a terminal
# --------------------------------------------------------------------------


class _Progress:
    def __init__(self, stream: TextIO, enabled: bool, total_bytes: int | None, start_position: int) -> None:
        self.stream = stream
        self.enabled = enabled
        self.total = total_bytes
        self.start_position = start_position
        self.t0 = self.last = time.monotonic()

    def update(self, docs: int, chars: int, errors: int, position: int, *, final: bool = False) -> None:
        now = time.monotonic()
        if not self.enabled or (not final and now - self.last < 0.25):
            return
        self.last = now
        elapsed = max(now - self.t0, 1e-9)
        parts = [f"{docs:,} docs", f"{docs / elapsed:,.0f} docs/s", f"{chars / elapsed / 1e6:.2f} M chars/s"]
        if self.total:
            parts.append(f"{100 * position / self.total:3.0f}%")
            rate = (position - self.start_position) / elapsed
            if rate > 0 and not final:
                parts.append(f"ETA {_clock((self.total - position) / rate)}")
        if final:
            parts.append(f"in {_clock(elapsed)}")
        if errors:
            parts.append(f"{errors:,} bad records")
        self.stream.write("\r" + "  ".join(parts) + "\x1b[K" + ("\n" if final else ""))
        self.stream.flush()


def _clock(seconds: float) -> str:
    s = int(seconds)
    return f"{s // 3600}:{s // 60 % 60:02d}:{s % 60:02d}"


# --------------------------------------------------------------------------
# The run
# --------------------------------------------------------------------------


class _Done:
    """A finished 'future' for the serial engine."""

    def __init__(self, value: _ChunkResult) -> None:
        self.value = value

    def result(self) -> _ChunkResult:
        return self.value


def default_workers() -> int:
    """All the cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


def run_batch(
    inputs: Sequence[str],
    output: str,
    *,
    options: BatchOptions = BatchOptions(),
    workers: int | None = None,
    errors_path: str | None = None,
    resume: bool = False,
    engine: str = "local",
    scheduler: str | None = None,
    input_format: str = "auto",
    chunk_size: int = 64,
    progress: bool | None = None,
    stderr: TextIO | None = None,
) -> BatchSummary:
    """
    Parse every record of *inputs* and write the reports to *output*, in input order.

    Args:
        inputs: Text files, JSON Lines files (``.jsonl``/``.ndjson``, gzip'd or not),
            folders of them, or ``-`` for JSON Lines on standard input.
        output: A file for ``jsonl`` and ``acled-csv``, a directory for ``parquet``.
        options: Field names, output format, size limit, disabled parsers.
        workers: Worker processes (default: every core); 1 parses in this process.
        errors_path: Where bad records are logged (default ``output + ".errors.jsonl"``).
        resume: Continue an interrupted run from its checkpoint.
        engine: ``"local"`` (a process pool) or ``"dask"`` (a Dask cluster, see *scheduler*).
        scheduler: The Dask scheduler's address; without it ``"dask"`` starts a local cluster.
        input_format: ``"auto"`` (by file name), ``"jsonl"`` or ``"text"``.
        chunk_size: Records sent to a worker at a time.
        progress: Show a progress bar (default: when *stderr* is a terminal).
        stderr: Where the progress bar goes (default ``sys.stderr``).

    Raises:
        conflictnews.cli.UsageError: For bad arguments or a checkpoint that does not match.

    .. versionadded:: 0.1.0
    """
    import json

    from conflictnews.cli import UsageError
    from conflictnews.errors import InvalidDateError
    from conflictnews.pipeline import coerce_date

    stderr = stderr if stderr is not None else sys.stderr
    workers = default_workers() if workers is None else workers
    if options.output_format not in OUTPUT_FORMATS:
        raise UsageError(f"unknown output format {options.output_format!r}; choose from {', '.join(OUTPUT_FORMATS)}")
    if workers < 1 or chunk_size < 1 or options.max_chars < 0:
        raise UsageError("--workers and --chunk-size must be at least 1, --max-chars at least 0")
    if output.lower().endswith(".gz"):
        raise UsageError("compressed output is not supported (it could not be resumed): compress it afterwards")
    try:
        coerce_date(options.published)
    except InvalidDateError as exc:
        raise UsageError(str(exc)) from None
    reader = _Reader(inputs, input_format=input_format, max_chars=options.max_chars)
    errors_path = errors_path or output.rstrip("/" + os.sep) + ".errors.jsonl"
    ckpt_path = checkpoint_path(output)
    identity = {
        "version": _CHECKPOINT_VERSION,
        "inputs": [os.path.abspath(p) if p != "-" else p for p in inputs],
        "input_format": input_format,
        "options": attrs.asdict(options),
    }
    identity = json.loads(json.dumps(identity))  # as it reads back from the checkpoint (tuples → lists)
    lock = _lock(ckpt_path + ".lock")
    try:
        return _run_locked(
            reader,
            output,
            options,
            identity,
            ckpt_path,
            errors_path,
            resume,
            engine,
            scheduler,
            workers,
            chunk_size,
            progress,
            stderr,
        )
    finally:
        lock()


def _lock(path: str) -> Callable[[], None]:
    """Hold an advisory lock on *path* so two runs never write one output; return the release function."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not POSIX: no lock
        return lambda: None
    from conflictnews.cli import UsageError

    fh = open(path, "a")  # noqa: SIM115 - closed by the returned function
    try:
        fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        fh.close()
        raise UsageError(f"another batch run is writing this output (it holds {path})") from None

    def release() -> None:
        with contextlib.suppress(OSError):
            os.remove(path)
        fh.close()

    return release


def _run_locked(
    reader: _Reader,
    output: str,
    options: BatchOptions,
    identity: dict[str, Any],
    ckpt_path: str,
    errors_path: str,
    resume: bool,
    engine: str,
    scheduler: str | None,
    workers: int,
    chunk_size: int,
    progress: bool | None,
    stderr: TextIO,
) -> BatchSummary:
    import json

    from conflictnews.cli import UsageError

    state: dict[str, Any] | None = None
    if resume and os.path.exists(ckpt_path):
        with open(ckpt_path, encoding="utf-8") as fh:
            state = json.load(fh)
        assert state is not None
        if {k: state.get(k) for k in identity} != identity:
            raise UsageError(f"{ckpt_path} was written for other inputs or options; run without --resume to start over")
    elif resume and os.path.exists(output):
        raise UsageError(f"--resume: {output} exists but has no checkpoint ({ckpt_path}); run without --resume")
    if (
        state is not None
        and not state.get("complete")
        and options.output_format != "parquet"
        and (not os.path.isfile(output) or os.path.getsize(output) < int(state["sink"]["output_bytes"]))
    ):
        raise UsageError(f"--resume: {output} is missing or shorter than its checkpoint says; start over")
    if state is not None and state.get("complete"):
        return BatchSummary(0, 0, 0, 0, 0.0, int(state["records"]))

    sink: _LineSink | _ParquetSink
    if options.output_format == "parquet":
        if state is None and os.path.isfile(output):
            raise UsageError(f"Parquet output is a directory, but {output} is a file")
        sink = _ParquetSink(output)
    else:
        sink = _LineSink(output, _acled_header() if options.output_format == "acled-csv" else b"")
    errors = _ErrorLog(errors_path)
    sink.start(None if state is None else state["sink"])
    errors.start(state)
    done = dict.fromkeys(("records", "documents", "errors", "chars"), 0)
    if state is not None:
        done.update({k: int(state[k]) for k in done})
    skipped = done["records"]

    def checkpoint(sink_state: Mapping[str, Any], *, complete: bool = False) -> None:
        data = identity | done | {"sink": dict(sink_state), "errors_bytes": errors.commit(), "complete": complete}
        _write_checkpoint(ckpt_path, data)

    records = iter(reader)
    for _ in range(skipped):  # finished by the interrupted run
        if next(records, None) is None:
            break
    if state is None:
        checkpoint(sink.commit())
    show = progress if progress is not None else bool(getattr(stderr, "isatty", lambda: False)())
    bar = _Progress(stderr, show, reader.total_bytes, reader.position)
    session = dict.fromkeys(("records", "documents", "errors", "chars"), 0)
    t0 = time.perf_counter()
    try:
        with _executor(engine, scheduler, workers, options) as (submit, window):
            from collections import deque

            pending: deque[tuple[Any, int]] = deque()
            builds: dict[int, int] = {}

            def handle(future: Any, position: int) -> None:
                result: _ChunkResult = future.result()
                builds[result.worker[0]] = max(builds.get(result.worker[0], 0), result.worker[1])
                sink.write(result)
                errors.write(result.errors)
                for counts in (done, session):
                    counts["records"] += result.records
                    counts["documents"] += result.documents
                    counts["errors"] += len(result.errors)
                    counts["chars"] += result.chars
                if sink.want_commit():
                    checkpoint(sink.commit())
                bar.update(session["documents"], session["chars"], session["errors"], position)

            for chunk, position in _chunks(records, reader, chunk_size):
                pending.append((submit(chunk), position))
                while len(pending) >= window:
                    handle(*pending.popleft())
            while pending:
                handle(*pending.popleft())
        checkpoint(sink.commit(), complete=True)
    finally:
        sink.close()
        errors.close()
    seconds = time.perf_counter() - t0
    bar.update(session["documents"], session["chars"], session["errors"], reader.position, final=True)
    return BatchSummary(
        session["records"],
        session["documents"],
        session["errors"],
        session["chars"],
        seconds,
        skipped,
        len(builds),
        max(builds.values(), default=0),
    )


@contextlib.contextmanager
def _executor(
    engine: str, scheduler: str | None, workers: int, options: BatchOptions
) -> Iterator[tuple[Callable[[list[_Raw]], Any], int]]:
    """Yield ``(submit, window)``: run chunks in this process, in a process pool, or on Dask."""
    if engine == "dask":
        from conflictnews.distributed import dask_executor

        with dask_executor(scheduler, workers) as (executor, slots):
            yield (lambda chunk: executor.submit(_process_chunk, options, chunk)), 3 * slots
        return
    if engine != "local":
        from conflictnews.cli import UsageError

        raise UsageError(f"unknown engine {engine!r}; choose local or dask")
    if workers == 1:
        _worker_pipeline(options.disable, options.max_chars)  # an unknown parser name fails here
        yield (lambda chunk: _Done(_process_chunk(options, chunk))), 1
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # forkserver: never fork a process that may hold threads; each worker imports conflictnews once
    method = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
    ctx = multiprocessing.get_context(method)
    if method == "forkserver":
        ctx.set_forkserver_preload(["conflictnews.batch"])
    with ProcessPoolExecutor(workers, mp_context=ctx, initializer=_init_worker, initargs=(options,)) as pool:
        try:
            yield (lambda chunk: pool.submit(_process_chunk, options, chunk)), 3 * workers
        finally:
            pool.shutdown(wait=True, cancel_futures=True)


# --------------------------------------------------------------------------
# The command line
# --------------------------------------------------------------------------


def _infer_format(output: str) -> str:
    name = output.lower().rstrip("/" + os.sep)
    if name.endswith(".csv"):
        return "acled-csv"
    if name.endswith(".parquet") or os.path.isdir(output) or output.endswith(("/", os.sep)):
        return "parquet"
    return "jsonl"


def add_command(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register the ``batch`` sub-command."""
    p = sub.add_parser(
        "batch",
        help="parse a corpus (files, folders, JSON Lines) on all cores or a Dask cluster",
        description="Parse a corpus into JSON Lines of reports, ACLED-style CSV of events, or Parquet tables. "
        "Bad records go to an errors file with their line numbers; --resume continues an interrupted run.",
    )
    p.add_argument("inputs", nargs="+", metavar="INPUT", help="text files, .jsonl/.ndjson files (.gz too), folders, -")
    p.add_argument("-o", "--output", required=True, help="output file (a directory for parquet)")
    p.add_argument(
        "--format",
        choices=OUTPUT_FORMATS,
        help="jsonl (reports), acled-csv (events) or parquet (tables); default: from OUTPUT's name "
        "(.csv → acled-csv, .parquet or a directory → parquet, else jsonl)",
    )
    p.add_argument("--workers", type=int, metavar="N", help="worker processes (default: all cores)")
    p.add_argument("--errors", metavar="FILE", help="where bad records are logged (default: OUTPUT.errors.jsonl)")
    p.add_argument("--resume", action="store_true", help="continue an interrupted run from its checkpoint")
    p.add_argument("--max-chars", type=int, default=DEFAULT_MAX_TEXT_LENGTH, metavar="N", help="longest document")
    p.add_argument("--input-format", choices=("auto", "jsonl", "text"), default="auto", help="how to read inputs")
    for name in ("text", "id", "published", "source", "url"):
        p.add_argument(f"--{name}-field", default=name, metavar="NAME", help=f"JSON field with the {name}")
    p.add_argument("--published", metavar="DATE", help="publication date for records that give none")
    p.add_argument("--disable", action="append", default=[], metavar="PARSER", help="skip a parser by name")
    p.add_argument("--engine", choices=("local", "dask"), help="local processes (default) or a Dask cluster")
    p.add_argument("--scheduler", metavar="ADDRESS", help="Dask scheduler address (implies --engine dask)")
    p.add_argument("--chunk-size", type=int, default=64, metavar="N", help="records per task (default 64)")
    p.add_argument(
        "--progress", action=argparse.BooleanOptionalAction, help="progress bar (default: when stderr is a terminal)"
    )
    p.set_defaults(func=_cmd_batch)


def _cmd_batch(args: argparse.Namespace, out: TextIO) -> int:
    fields = RecordFields(
        text=args.text_field,
        id=args.id_field,
        published=args.published_field,
        source=args.source_field,
        url=args.url_field,
    )
    options = BatchOptions(
        fields=fields,
        output_format=args.format or _infer_format(args.output),
        max_chars=args.max_chars,
        disable=tuple(args.disable),
        published=args.published,
    )
    errors_path = args.errors or args.output.rstrip("/" + os.sep) + ".errors.jsonl"
    summary = run_batch(
        args.inputs,
        args.output,
        options=options,
        workers=args.workers,
        errors_path=errors_path,
        resume=args.resume,
        engine=args.engine or ("dask" if args.scheduler else "local"),
        scheduler=args.scheduler,
        input_format=args.input_format,
        chunk_size=args.chunk_size,
        progress=args.progress,
    )
    if summary.errors:
        print(
            f"conflictnews: batch: {summary.errors:,} bad record(s) of {summary.records:,} logged to {errors_path}",
            file=sys.stderr,
        )
    if summary.skipped and not summary.records:
        print(f"conflictnews: batch: nothing to do, {args.output} is complete", file=sys.stderr)
    return 0
