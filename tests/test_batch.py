"""`conflictnews batch`: corpora in, reports out, in order, with bad records logged and runs resumable."""

from __future__ import annotations

import gzip
import io
import json
import os
import pathlib
import signal
import subprocess
import sys
import time
from typing import Any

import pytest

import conflictnews as cn
from conflictnews import batch
from conflictnews.batch import BatchOptions, RecordFields, run_batch
from conflictnews.cli import UsageError, main

SENTENCES = [
    "Russian troops shelled Sudzha on March 13, 2025, killing 3 civilians.",
    "Ukrainian forces said on Tuesday they had withdrawn from the town.",
    "Protesters gathered in Kyiv on 2 February 2024.",
    "",
]


def _record(i: int) -> dict[str, Any]:
    return {"id": f"d{i}", "text": SENTENCES[i % len(SENTENCES)], "published": "2025-03-16", "source": "Wire"}


def _write_jsonl(path: pathlib.Path, n: int, *, bad: bool = True) -> pathlib.Path:
    """*n* good records; with *bad*, one bad record of each kind sits among them."""
    lines = [json.dumps(_record(i)).encode() for i in range(n)]
    if bad:
        lines[2:2] = [b"{not json"]
        lines[5:5] = [json.dumps({"id": "no-text"}).encode()]
        lines[7:7] = [json.dumps({"text": "x", "published": "yesterday"}).encode()]
        lines[9:9] = [b'{"text": "caf\xe9"}']
    path.write_bytes(b"\n".join(lines) + b"\n")
    return path


def _lines(path: pathlib.Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_bytes().split(b"\n") if line]


def _run(inputs: list[pathlib.Path], output: pathlib.Path, **kwargs: Any) -> batch.BatchSummary:
    kwargs.setdefault("workers", 1)
    return run_batch([str(p) for p in inputs], str(output), **kwargs)


def test_jsonl_output_is_one_report_per_record_in_input_order(tmp_path: pathlib.Path) -> None:
    """Each good record gives one `to_json(report)` line, in input order, keyed by the record's id."""
    corpus = _write_jsonl(tmp_path / "c.jsonl", 12, bad=False)

    summary = _run([corpus], tmp_path / "out.jsonl")

    reports = [cn.from_dict(d) for d in _lines(tmp_path / "out.jsonl")]
    assert [f"d{i}" for i in range(12)] == [r.document.id for r in reports]
    assert SENTENCES[0] == reports[0].document.text
    assert ("Wire", "2025-03-16") == (reports[0].document.source, str(reports[0].document.published))
    assert (12, 12, 0) == (summary.records, summary.documents, summary.errors)


def test_bad_records_are_logged_with_their_line_and_the_run_goes_on(tmp_path: pathlib.Path) -> None:
    """Invalid JSON, a missing text, a bad date and undecodable bytes are logged; every good record is kept."""
    corpus = _write_jsonl(tmp_path / "c.jsonl", 12)

    summary = _run([corpus], tmp_path / "out.jsonl")

    errors = _lines(tmp_path / "out.jsonl.errors.jsonl")
    expected = [(3, "invalid-json"), (6, "missing-text"), (8, "bad-date"), (10, "undecodable")]
    assert expected == [(e["line"], e["error"]) for e in errors]
    assert {str(corpus)} == {e["input"] for e in errors}
    assert "no-text" == errors[1]["id"]
    assert 12 == len(_lines(tmp_path / "out.jsonl"))
    assert (16, 12, 4) == (summary.records, summary.documents, summary.errors)


@pytest.mark.parametrize(
    ("line", "code"),
    [
        pytest.param(b"[1, 2]", "not-an-object", id="json-array"),
        pytest.param(b'{"text": 42}', "bad-field", id="text-not-a-string"),
        pytest.param(b'{"text": "x", "id": [1]}', "bad-field", id="id-not-a-string"),
        pytest.param(b'{"text": "x", "source": 3}', "bad-field", id="source-not-a-string"),
        pytest.param(b'{"text": "0123456789ABC"}', "too-long", id="over-max-chars"),
        pytest.param(b'{"text": "x", "published": 2025}', "bad-date", id="date-a-number"),
        pytest.param(b"\xff\xfe{}", "undecodable", id="not-utf8"),
    ],
)
def test_each_kind_of_bad_record_has_its_code(tmp_path: pathlib.Path, line: bytes, code: str) -> None:
    corpus = tmp_path / "c.jsonl"
    corpus.write_bytes(b'{"text": "fine", "id": "ok"}\n' + line + b"\n")

    _run([corpus], tmp_path / "out.jsonl", options=BatchOptions(max_chars=10))

    assert [(2, code)] == [(e["line"], e["error"]) for e in _lines(tmp_path / "out.jsonl.errors.jsonl")]
    assert ["ok"] == [d["document"]["id"] for d in _lines(tmp_path / "out.jsonl")]


def test_a_lone_surrogate_is_kept_as_an_escape_in_json_lines(tmp_path: pathlib.Path) -> None:
    """A JSON escape such as "\\ud800" gives a str UTF-8 cannot hold; the report's JSON escapes it again."""
    corpus = tmp_path / "c.jsonl"
    corpus.write_bytes(b'{"text": "a\\ud800", "id": "s"}\n')

    _run([corpus], tmp_path / "out.jsonl")

    assert ["a\ud800"] == [d["document"]["text"] for d in _lines(tmp_path / "out.jsonl")]


def test_folders_text_files_gzip_and_default_ids(tmp_path: pathlib.Path) -> None:
    """A folder is walked in sorted order: text files are one document each, JSON Lines one per line."""
    root = tmp_path / "corpus"
    (root / "sub").mkdir(parents=True)
    (root / "a.txt").write_text("Kyiv was shelled.", encoding="utf-8")
    with gzip.open(root / "b.jsonl.gz", "wb") as fh:
        fh.write(b'{"text": "first"}\n\n{"text": "third line", "id": 7}\n')
    (root / "sub" / "c.txt.gz").write_bytes(gzip.compress("\ufeffWith a BOM.".encode()))
    (root / "README.md").write_text("not part of the corpus", encoding="utf-8")
    (root / ".hidden.txt").write_text("skipped", encoding="utf-8")

    _run([root], tmp_path / "out.jsonl", options=BatchOptions(published="2024-01-02"))

    docs = [d["document"] for d in _lines(tmp_path / "out.jsonl")]
    expected = [
        (f"{root}/a.txt", "Kyiv was shelled."),
        (f"{root}/b.jsonl.gz:1", "first"),
        ("7", "third line"),
        (f"{root}/sub/c.txt.gz", "With a BOM."),
    ]
    assert expected == [(d["id"], d["text"]) for d in docs]
    assert {"2024-01-02"} == {d["published"] for d in docs}


def test_field_names_are_configurable(tmp_path: pathlib.Path) -> None:
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(json.dumps({"body": "Text here.", "uid": "u1", "date": "2020-05-09"}) + "\n", encoding="utf-8")
    fields = RecordFields(text="body", id="uid", published="date")

    _run([corpus], tmp_path / "out.jsonl", options=BatchOptions(fields=fields))

    (doc,) = [d["document"] for d in _lines(tmp_path / "out.jsonl")]
    assert ("u1", "Text here.", "2020-05-09") == (doc["id"], doc["text"], doc["published"])


def test_standard_input_is_json_lines(tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch) -> None:
    stdin = io.TextIOWrapper(io.BytesIO(b'{"text": "from stdin", "id": "s1"}\n'))
    monkeypatch.setattr(sys, "stdin", stdin)

    run_batch(["-"], str(tmp_path / "out.jsonl"), workers=1)

    assert ["s1"] == [d["document"]["id"] for d in _lines(tmp_path / "out.jsonl")]


def test_two_workers_give_the_serial_output_and_load_the_pipeline_once_each(tmp_path: pathlib.Path) -> None:
    """Worker processes keep input order, and each builds the pipeline (and its data) only once."""
    corpus = _write_jsonl(tmp_path / "c.jsonl", 40)
    _run([corpus], tmp_path / "serial.jsonl")

    summary = _run([corpus], tmp_path / "pool.jsonl", workers=2, chunk_size=3)

    assert (tmp_path / "serial.jsonl").read_bytes() == (tmp_path / "pool.jsonl").read_bytes()
    assert (tmp_path / "serial.jsonl.errors.jsonl").read_bytes() == (tmp_path / "pool.jsonl.errors.jsonl").read_bytes()
    assert 1 <= summary.workers <= 2
    assert 1 == summary.pipelines_per_worker


def test_acled_csv_output_has_acleds_header_once(tmp_path: pathlib.Path) -> None:
    from conflictnews.export import ACLED_COLUMNS

    corpus = _write_jsonl(tmp_path / "c.jsonl", 8)

    _run([corpus], tmp_path / "events.csv", options=BatchOptions(output_format="acled-csv"), chunk_size=2)

    lines = (tmp_path / "events.csv").read_text(encoding="utf-8").splitlines()
    assert ",".join(ACLED_COLUMNS) == lines[0]
    assert 1 == sum(line.startswith("event_id_cnty,") for line in lines)


def test_parquet_output_is_one_table_per_item_kind_keyed_by_document(tmp_path: pathlib.Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    corpus = _write_jsonl(tmp_path / "c.jsonl", 10)
    _run([corpus], tmp_path / "out.jsonl")

    _run([corpus], tmp_path / "out.parquet", options=BatchOptions(output_format="parquet"))

    reports = [cn.from_dict(d) for d in _lines(tmp_path / "out.jsonl")]
    documents = pq.read_table(tmp_path / "out.parquet" / "documents")
    assert [r.document.id for r in reports] == documents.column("document_id").to_pylist()
    assert [r.document.text for r in reports] == documents.column("text").to_pylist()
    for table in batch.PARQUET_TABLES[1:]:
        rows = pq.read_table(tmp_path / "out.parquet" / table)
        expected = [(r.document.id, item.id) for r in reports for item in getattr(r, table) if hasattr(item, "id")]
        if table != "warnings":
            assert expected == list(
                zip(rows.column("document_id").to_pylist(), rows.column("id").to_pylist(), strict=True)
            )


def test_interrupted_run_resumes_to_the_uninterrupted_output(
    tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A run stopped midway (with a torn last line) and resumed writes exactly what one run writes."""
    corpus = _write_jsonl(tmp_path / "c.jsonl", 30)
    _run([corpus], tmp_path / "whole.jsonl", chunk_size=4)
    calls = {"n": 0}
    real = batch._run

    def stop_after_17(pipeline: Any, document: Any) -> Any:
        calls["n"] += 1
        if calls["n"] > 17:
            raise KeyboardInterrupt
        return real(pipeline, document)

    monkeypatch.setattr(batch, "_run", stop_after_17)
    with pytest.raises(KeyboardInterrupt):
        _run([corpus], tmp_path / "part.jsonl", chunk_size=4)
    monkeypatch.setattr(batch, "_run", real)
    with open(tmp_path / "part.jsonl", "ab") as fh:
        fh.write(b'{"schema_version": 1, "docum')  # what a kill during a write leaves

    summary = _run([corpus], tmp_path / "part.jsonl", chunk_size=4, resume=True)

    assert (tmp_path / "whole.jsonl").read_bytes() == (tmp_path / "part.jsonl").read_bytes()
    assert (tmp_path / "whole.jsonl.errors.jsonl").read_bytes() == (tmp_path / "part.jsonl.errors.jsonl").read_bytes()
    assert 0 < summary.skipped < 34


_SLOW_BATCH = """
import sys, time
import conflictnews.batch as b
real = b._run
def slow(pipeline, document):
    time.sleep(0.01)
    return real(pipeline, document)
b._run = slow
from conflictnews.cli import main
sys.exit(main(sys.argv[1:]))
"""


def test_killed_process_resumes_to_the_uninterrupted_output(tmp_path: pathlib.Path) -> None:
    """SIGKILL a real `conflictnews batch` once output appears; `--resume` finishes it with nothing lost or doubled."""
    corpus = _write_jsonl(tmp_path / "c.jsonl", 200)
    assert 0 == main(["batch", str(corpus), "-o", str(tmp_path / "whole.jsonl"), "--workers", "1"])
    out = tmp_path / "killed.jsonl"
    argv = ["batch", str(corpus), "-o", str(out), "--workers", "1", "--chunk-size", "5"]
    proc = subprocess.Popen([sys.executable, "-c", _SLOW_BATCH, *argv])
    try:
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline and (not out.exists() or out.read_bytes().count(b"\n") < 30):
            time.sleep(0.02)
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.wait()
    assert -signal.SIGKILL == proc.returncode
    assert out.read_bytes().count(b"\n") < 200

    assert 0 == main([*argv, "--resume"])

    assert (tmp_path / "whole.jsonl").read_bytes() == out.read_bytes()
    assert (tmp_path / "whole.jsonl.errors.jsonl").read_bytes() == (tmp_path / "killed.jsonl.errors.jsonl").read_bytes()


def test_resume_of_a_finished_run_does_nothing(tmp_path: pathlib.Path) -> None:
    corpus = _write_jsonl(tmp_path / "c.jsonl", 5)
    _run([corpus], tmp_path / "out.jsonl")
    before = (tmp_path / "out.jsonl").read_bytes()

    summary = _run([corpus], tmp_path / "out.jsonl", resume=True)

    assert (0, 9) == (summary.records, summary.skipped)
    assert before == (tmp_path / "out.jsonl").read_bytes()


def test_parquet_resume_drops_parts_past_the_checkpoint(
    tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    corpus = _write_jsonl(tmp_path / "c.jsonl", 30)
    options = BatchOptions(output_format="parquet")
    monkeypatch.setattr(batch._ParquetSink, "__init__", _small_parts)
    _run([corpus], tmp_path / "whole", options=options, chunk_size=4)
    calls = {"n": 0}
    real = batch._run

    def stop_after_21(pipeline: Any, document: Any) -> Any:
        calls["n"] += 1
        if calls["n"] > 21:
            raise KeyboardInterrupt
        return real(pipeline, document)

    monkeypatch.setattr(batch, "_run", stop_after_21)
    with pytest.raises(KeyboardInterrupt):
        _run([corpus], tmp_path / "part", options=options, chunk_size=4)
    monkeypatch.setattr(batch, "_run", real)
    (tmp_path / "part" / "times" / "part-00099.parquet").write_bytes(b"half-written")

    _run([corpus], tmp_path / "part", options=options, chunk_size=4, resume=True)

    for table in batch.PARQUET_TABLES:
        assert pq.read_table(tmp_path / "whole" / table) == pq.read_table(tmp_path / "part" / table)


_real_parquet_init = batch._ParquetSink.__init__


def _small_parts(self: Any, path: str, **_: Any) -> None:
    _real_parquet_init(self, path, part_documents=8)


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        pytest.param(["--resume", "--text-field", "body"], "other inputs or options", id="resume-other-options"),
        pytest.param(["--disable", "nope"], "no parser named 'nope'", id="unknown-parser"),
        pytest.param(["--workers", "0"], "at least 1", id="zero-workers"),
        pytest.param(["--published", "soon"], "cannot read 'soon'", id="bad-default-date"),
    ],
)
def test_usage_errors(
    tmp_path: pathlib.Path, argv: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = _write_jsonl(tmp_path / "c.jsonl", 3)
    assert 0 == main(["batch", str(corpus), "-o", str(tmp_path / "out.jsonl"), "--workers", "1"])

    code = main(["batch", str(corpus), "-o", str(tmp_path / "out.jsonl"), "--workers", "1", *argv])

    assert 2 == code
    assert message in capsys.readouterr().err


def test_missing_input_and_compressed_output_are_usage_errors(tmp_path: pathlib.Path) -> None:
    with pytest.raises(UsageError, match="no such file"):
        run_batch([str(tmp_path / "missing.jsonl")], str(tmp_path / "out.jsonl"))
    with pytest.raises(UsageError, match="compressed output"):
        run_batch([str(_write_jsonl(tmp_path / "c.jsonl", 1))], str(tmp_path / "out.jsonl.gz"))


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        pytest.param("out.jsonl", "jsonl", id="jsonl"),
        pytest.param("out", "jsonl", id="no-suffix"),
        pytest.param("events.CSV", "acled-csv", id="csv"),
        pytest.param("tables.parquet", "parquet", id="parquet"),
        pytest.param("tables/", "parquet", id="directory"),
    ],
)
def test_output_format_follows_the_output_name(name: str, expected: str) -> None:
    assert expected == batch._infer_format(name)


def test_cli_reports_bad_records_on_stderr_and_shows_progress_only_when_asked(
    tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Piped (not a terminal), stderr gets a one-line count of bad records; --progress adds the bar."""
    corpus = _write_jsonl(tmp_path / "c.jsonl", 6)

    assert 0 == main(["batch", str(corpus), "-o", str(tmp_path / "out.jsonl"), "--workers", "1"])
    quiet = capsys.readouterr().err
    assert 0 == main(["batch", str(corpus), "-o", str(tmp_path / "out.jsonl"), "--workers", "1", "--progress"])
    shown = capsys.readouterr().err

    assert [f"conflictnews: batch: 4 bad record(s) of 10 logged to {tmp_path}/out.jsonl.errors.jsonl"] == (
        quiet.splitlines()
    )
    assert "docs/s" in shown
    assert "100%" in shown


def test_reading_is_lazy(tmp_path: pathlib.Path) -> None:
    """The reader holds one record at a time: memory does not grow with the corpus."""
    corpus = _write_jsonl(tmp_path / "c.jsonl", 1000, bad=False)
    reader = batch._Reader([str(corpus)], input_format="auto", max_chars=100)
    records = iter(reader)

    first = next(records)

    assert (1, str(corpus)) == (first.line, first.origin)
    assert 0 < reader.position < os.path.getsize(corpus) / 10


def test_record_errors_survive_pickling() -> None:
    """Bad-record errors cross process boundaries (Dask sends them back to the client) intact."""
    import pickle

    error = batch.RecordError("bad-date", "cannot read 'soon'", doc_id="d1")

    copy = pickle.loads(pickle.dumps(error))

    assert ("bad-date", "cannot read 'soon'", "d1") == (copy.code, str(copy), copy.doc_id)


def test_unknown_parser_is_reported_from_worker_processes(tmp_path: pathlib.Path) -> None:
    corpus = _write_jsonl(tmp_path / "c.jsonl", 3)

    with pytest.raises(batch.BatchSetupError, match="no parser named 'nope'"):
        _run([corpus], tmp_path / "out.jsonl", workers=2, options=BatchOptions(disable=("nope",)))


def test_pipeline_is_built_once_per_process() -> None:
    assert batch._worker_pipeline((), 1000) is batch._worker_pipeline((), 1000)
