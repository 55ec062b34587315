"""``conflictnews evaluate`` and ``conflictnews bench`` as a user runs them."""

from __future__ import annotations

import io
import json
import pathlib
from typing import Any

import pytest

from conflictnews.cli import main
from tests.conftest import SEED
from tests.evaluation.conftest import FIXTURES


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    return main(list(argv), out=out), out.getvalue()


def table_metrics(table: str) -> dict[tuple[str, str], dict[str, str]]:
    """(task, dataset) -> metric -> printed value, read back from the table."""
    blocks: dict[tuple[str, str], dict[str, str]] = {}
    current: dict[str, str] = {}
    for line in table.splitlines():
        if " · " in line and not line.startswith(" "):
            task, dataset, _ = line.split(" · ")
            current = blocks.setdefault((task, dataset), {})
        elif (
            line.startswith("  ")
            and not line.startswith("    ")
            and "(gold:" not in line
            and not line.startswith("  !")
        ):
            name, value, *_ = line.split()
            current[name] = value
    return blocks


def printed(value: Any) -> str:
    return "n/a" if value is None else f"{value:.4f}" if isinstance(value, float) else str(value)


@pytest.mark.parametrize("fixture", sorted(p.name for p in FIXTURES.glob("*.jsonl")))
def test_table_and_json_give_the_same_scores(fixture: str) -> None:
    """Every fixture shape is evaluated, and the table prints exactly the JSON's numbers."""
    path = str(FIXTURES / fixture)
    code_t, table = run("evaluate", path)
    code_j, raw = run("evaluate", path, "--format", "json")
    data = json.loads(raw)
    from_json = {(r["task"], r["dataset"]): {k: printed(v) for k, v in r["metrics"].items()} for r in data["results"]}

    assert (0, 0) == (code_t, code_j)
    assert data["results"]
    assert from_json == table_metrics(table)


def write_jsonl(path: pathlib.Path, records: list[dict[str, Any]]) -> str:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return str(path)


def test_predictions_file_is_scored_without_parsing(tmp_path: pathlib.Path) -> None:
    """--predictions scores stored reports; a wrong report lowers the score."""
    gold = str(FIXTURES / "timeml_small.jsonl")
    text = (FIXTURES / "timeml_small.jsonl").read_text(encoding="utf-8")
    record = json.loads(text)
    right = {
        "times": [
            {"id": f"t{i}", "span": {"start": t["start"], "end": t["end"]}, "value": t["value"]}
            for i, t in enumerate(record["timexes"], 1)
        ]
    }
    wrong = {"times": [dict(right["times"][0], value="1999-01-01")]}
    good = json.loads(
        run("evaluate", gold, "--format", "json", "--predictions", write_jsonl(tmp_path / "r.jsonl", [right]))[1]
    )
    bad = json.loads(
        run("evaluate", gold, "--format", "json", "--predictions", write_jsonl(tmp_path / "w.jsonl", [wrong]))[1]
    )

    assert good["parsers"] is None
    assert (1.0, 1.0) == (good["results"][0]["metrics"]["f1"], good["results"][0]["metrics"]["value_accuracy"])
    assert (0.4, 0.0) == (bad["results"][0]["metrics"]["f1"], bad["results"][0]["metrics"]["value_accuracy"])


def test_task_limit_and_errors() -> None:
    """--task picks tasks, --limit records; --errors lists wrong records."""
    path = str(FIXTURES / "events_small.jsonl")
    data = json.loads(run("evaluate", path, "--task", "actors", "--limit", "2", "--format", "json", "--errors", "3")[1])

    assert ["actors"] == [r["task"] for r in data["results"]]
    assert 2 == data["records"] == data["results"][0]["records"]
    assert all({"id", "field"} <= set(e) for e in data["results"][0].get("errors", []))


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["evaluate", "missing.jsonl"], "no such file"),
        (["evaluate", str(FIXTURES / "events_small.jsonl"), "--task", "weather"], "unknown task 'weather'"),
        (["evaluate", str(FIXTURES / "events_small.jsonl"), "--task", "quotes"], "has gold for quotes"),
        (["evaluate", str(SEED)], "not valid JSON"),
        (["evaluate", str(FIXTURES / "events_small.jsonl"), "--limit", "-1"], "--limit"),
        (["bench", "missing.txt"], "no such file"),
        (["bench", str(SEED), "--repeat", "0"], "--repeat"),
    ],
    ids=["missing", "unknown-task", "no-gold-for-task", "not-jsonl", "negative-limit", "bench-missing", "bench-repeat"],
)
def test_user_errors_are_one_line(argv: list[str], message: str, capsys: pytest.CaptureFixture[str]) -> None:
    """Mistakes print one line and exit with status 2."""
    code, _ = run(*argv)
    err = capsys.readouterr().err

    assert 2 == code
    assert message in err
    assert 1 == len(err.strip().splitlines())


def test_bench_on_a_text_file(tmp_path: pathlib.Path) -> None:
    """bench on a text file reports throughput, shares, memory and the scaling ratio."""
    first_paragraph = SEED.read_text(encoding="utf-8").split("\n\n")[0]
    path = tmp_path / "article.txt"
    path.write_text(first_paragraph, encoding="utf-8")
    code, raw = run("bench", str(path), "--published", "2025-03-16", "--repeat", "1", "--json", "--no-subprocess")
    data = json.loads(raw)

    assert 0 == code
    assert (1, 1) == (data["documents"], data["repeat"])
    assert data["chars_per_second"] > 0
    assert abs(sum(data["parser_share"].values()) - 1.0) < 0.01
    assert {"1x", "4x", "16x"} == set(data["scaling"]["seconds"])
    assert data["scaling"]["ratio_16x"] > 0
    assert data["baseline"]["chars_per_second"] > data["chars_per_second"]
    assert data["baseline"]["pipeline_cost"] > 1
    assert data["import_seconds"] is None


def test_bench_table_on_jsonl_with_fresh_interpreter() -> None:
    """bench reads JSONL corpora and measures import and first parse in a fresh interpreter."""
    code, table = run("bench", str(FIXTURES / "events_small.jsonl"), "--limit", "2", "--repeat", "2")

    assert 0 == code
    assert "2 documents" in table
    assert "import time" in table
    assert "n/a" not in table.split("import time")[1].splitlines()[0]
    assert "time(16x)/(16*time(1x))" in table
