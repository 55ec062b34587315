"""The Dask engine and `parse_bag`: the same records as the serial run, on a local cluster the tests start."""

from __future__ import annotations

import json
import pathlib
from collections.abc import Iterator
from typing import Any

import pytest

distributed = pytest.importorskip("distributed")
db = pytest.importorskip("dask.bag")

import conflictnews as cn  # noqa: E402
from conflictnews.batch import BatchOptions, RecordError, document_from_record, run_batch  # noqa: E402
from conflictnews.distributed import parse_bag  # noqa: E402
from conflictnews.pipeline import Pipeline  # noqa: E402

RECORDS = [
    {"id": f"d{i}", "text": text, "published": "2025-03-16"}
    for i, text in enumerate(
        [
            "Russian troops shelled Sudzha on March 13, 2025, killing 3 civilians.",
            "Ukrainian forces said on Tuesday they had withdrawn from the town.",
            "Protesters gathered in Kyiv on 2 February 2024.",
            "",
            "The ministry said 12 drones were shot down overnight.",
        ]
        * 3
    )
]


@pytest.fixture(scope="module")
def cluster() -> Iterator[Any]:
    """A small in-process cluster: one worker with two threads, no dashboard."""
    with (
        distributed.LocalCluster(n_workers=1, threads_per_worker=2, processes=False, dashboard_address=None) as cluster,
        distributed.Client(cluster),
    ):
        yield cluster


def _corpus(path: pathlib.Path) -> pathlib.Path:
    lines = [json.dumps(r) for r in RECORDS]
    lines.insert(4, "{broken")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_dask_engine_writes_what_the_serial_run_writes(cluster: Any, tmp_path: pathlib.Path) -> None:
    """`batch --engine dask --scheduler ADDRESS` gives byte-identical output and errors files."""
    corpus = str(_corpus(tmp_path / "c.jsonl"))
    run_batch([corpus], str(tmp_path / "serial.jsonl"), workers=1)

    summary = run_batch(
        [corpus], str(tmp_path / "dask.jsonl"), engine="dask", scheduler=cluster.scheduler_address, chunk_size=2
    )

    assert (tmp_path / "serial.jsonl").read_bytes() == (tmp_path / "dask.jsonl").read_bytes()
    assert (tmp_path / "serial.jsonl.errors.jsonl").read_bytes() == (tmp_path / "dask.jsonl.errors.jsonl").read_bytes()
    assert (16, 15, 1) == (summary.records, summary.documents, summary.errors)


def test_dask_engine_through_the_command_line(cluster: Any, tmp_path: pathlib.Path) -> None:
    from conflictnews.cli import main

    corpus = str(_corpus(tmp_path / "c.jsonl"))
    run_batch([corpus], str(tmp_path / "serial.csv"), options=BatchOptions(output_format="acled-csv"), workers=1)

    code = main(["batch", corpus, "-o", str(tmp_path / "dask.csv"), "--scheduler", cluster.scheduler_address])

    assert 0 == code
    assert (tmp_path / "serial.csv").read_bytes() == (tmp_path / "dask.csv").read_bytes()


def test_parse_bag_gives_the_serial_reports_in_order(cluster: Any) -> None:
    """Mapping the pipeline over a bag of records gives the reports a plain loop gives."""
    pipeline = Pipeline.default()
    expected = [cn.to_json(pipeline.run(document_from_record(r))) for r in RECORDS]

    actual = parse_bag(db.from_sequence(RECORDS, npartitions=4), output="json").compute()

    assert expected == actual


def test_parse_bag_of_plain_texts_and_reports(cluster: Any) -> None:
    reports = parse_bag(db.from_sequence(["Kyiv was shelled.", "Calm day."], npartitions=2)).compute()

    assert ["Kyiv was shelled.", "Calm day."] == [r.document.text for r in reports]
    assert all(isinstance(r, cn.Report) for r in reports)


def test_parse_bag_bad_records_raise_or_are_skipped(cluster: Any) -> None:
    records = [{"text": "fine", "id": "a"}, {"id": "no text"}, {"text": "x", "published": "soon"}]

    kept = parse_bag(db.from_sequence(records, npartitions=1), output="dict", errors="skip").compute()

    assert ["a"] == [d["document"]["id"] for d in kept]
    with pytest.raises(RecordError, match="no 'text' field"):
        parse_bag(db.from_sequence(records, npartitions=1)).compute()
