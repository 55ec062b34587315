"""
Dask integration (the optional ``conflictnews[dask]`` extra).

:func:`parse_bag` maps the pipeline over a :class:`dask.bag.Bag` of records;
``conflictnews batch --engine dask --scheduler ADDRESS`` sends the batch's chunks to
a Dask cluster instead of local processes (see ``docs/batch.md``). Either way each
Dask worker process builds the pipeline, with its data, once and reuses it.

Importing this module does not import Dask; calling into it does.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import contextlib
import functools
import importlib
from collections.abc import Iterable, Iterator
from concurrent.futures import Executor
from typing import Any

from conflictnews.batch import BatchOptions, RecordError, RecordFields, _worker_pipeline, document_from_record
from conflictnews.pipeline import DEFAULT_MAX_TEXT_LENGTH

__all__ = ["dask_executor", "parse_bag", "parse_records"]

_OUTPUTS = ("report", "json", "dict")


def _require(module: str) -> Any:
    try:
        return importlib.import_module(module)
    except ModuleNotFoundError:
        from conflictnews.cli import UsageError

        raise UsageError("the Dask engine needs the dask extra: pip install 'conflictnews[dask]'") from None


def parse_records(
    records: Iterable[Any],
    *,
    fields: RecordFields | None = None,
    published: str | None = None,
    disable: tuple[str, ...] = (),
    max_chars: int = DEFAULT_MAX_TEXT_LENGTH,
    output: str = "report",
    errors: str = "raise",
) -> list[Any]:
    """
    Parse an iterable of records with this process's pipeline (what each Dask partition runs).

    A record is a mapping with the fields named by *fields* (as in a JSON Lines corpus)
    or a plain ``str`` of text. See :func:`parse_bag` for the other arguments.

    Raises:
        RecordError: For a bad record, when *errors* is ``"raise"``.
    """
    from conflictnews.pipeline import make_document
    from conflictnews.serialization import to_dict, to_json

    if output not in _OUTPUTS:
        raise ValueError(f"output must be one of {', '.join(_OUTPUTS)}, not {output!r}")
    if errors not in ("raise", "skip"):
        raise ValueError(f"errors must be 'raise' or 'skip', not {errors!r}")
    pipeline = _worker_pipeline(tuple(disable), max_chars)
    out: list[Any] = []
    for record in records:
        try:
            if isinstance(record, str):
                if len(record) > max_chars:
                    raise RecordError("too-long", f"text has {len(record)} characters, over max_chars={max_chars}")
                document = make_document(record, published=published)
            else:
                document = document_from_record(
                    record, fields=fields or RecordFields(), published=published, max_chars=max_chars
                )
        except RecordError:
            if errors == "raise":
                raise
            continue
        report = pipeline.run(document)
        out.append(report if output == "report" else to_json(report) if output == "json" else to_dict(report))
    return out


def parse_bag(
    bag: Any,
    *,
    fields: RecordFields | None = None,
    published: str | None = None,
    disable: Iterable[str] = (),
    max_chars: int = DEFAULT_MAX_TEXT_LENGTH,
    output: str = "report",
    errors: str = "raise",
) -> Any:
    """
    Map the pipeline over a :class:`dask.bag.Bag` of records; return a bag of results, in order.

    >>> import dask.bag as db                                    # doctest: +SKIP
    >>> records = db.read_text("corpus-*.jsonl").map(json.loads)  # doctest: +SKIP
    >>> parse_bag(records, output="json").to_textfiles("out/*.jsonl")  # doctest: +SKIP

    Args:
        bag: Records: mappings with a ``text`` field (and optional ``id``, ``published``,
            ``source``, ``url``; renamed by *fields*) or plain strings.
        fields: Where the text and metadata are in each record.
        published: Publication date for records that give none.
        disable: Parser names to leave out.
        max_chars: Longer texts are bad records.
        output: ``"report"`` (:class:`~conflictnews.Report` objects), ``"json"``
            (:func:`~conflictnews.to_json` strings, as ``batch`` writes them) or ``"dict"``.
        errors: ``"raise"`` to fail on a bad record, ``"skip"`` to drop it.
    """
    options = BatchOptions(
        fields=fields or RecordFields(), max_chars=max_chars, disable=tuple(disable), published=published
    )
    work = functools.partial(  # a partial: map_partitions keeps "output" and "errors" for itself
        parse_records,
        fields=options.fields,
        published=options.published,
        disable=options.disable,
        max_chars=options.max_chars,
        output=output,
        errors=errors,
    )
    return bag.map_partitions(work)


@contextlib.contextmanager
def dask_executor(scheduler: str | None, workers: int = 1) -> Iterator[tuple[Executor, int]]:
    """
    Yield a :class:`concurrent.futures.Executor` on a Dask cluster and its number of worker threads.

    With *scheduler* (``"tcp://host:8786"``) it connects to a running cluster and leaves it
    running; without, it starts a local cluster of *workers* single-threaded processes and
    stops it afterwards.
    """
    distributed = _require("distributed")
    cluster = None
    if scheduler:
        client = distributed.Client(scheduler)
    else:
        cluster = distributed.LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None
        )
        client = distributed.Client(cluster)
    try:
        executor: Executor = client.get_executor(pure=False)
        slots = max(1, sum(client.nthreads().values()))
        yield executor, slots
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
