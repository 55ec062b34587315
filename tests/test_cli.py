"""The conflictnews command, run as a user runs it."""

from __future__ import annotations

import io
import json
import subprocess
import sys

import pytest

from conflictnews.cli import main
from tests.conftest import SEED


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    return main(list(argv), out=out), out.getvalue()


def test_parse_prints_a_json_report() -> None:
    code, out = run("parse", str(SEED), "--published", "2025-03-16")
    assert 0 == code
    data = json.loads(out)
    assert "2025-03-16" == data["document"]["published"]


def test_parse_text_format_is_a_summary() -> None:
    code, out = run("parse", str(SEED), "--published", "2025-03-16", "--format", "text")
    assert 0 == code
    assert out.startswith("Document: ")
    assert "Actors (" in out


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["parse", "missing.txt"], "no such file"),
        (["parse", str(SEED), "--published", "March 16"], "cannot read 'March 16' as a date"),
    ],
)
def test_user_errors_are_one_line_and_exit_2(argv: list[str], message: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, _ = run(*argv)
    err = capsys.readouterr().err
    assert 2 == code
    assert message in err
    assert 1 == len(err.strip().splitlines())


def test_undecodable_bytes_are_reported(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"Kyiv \xff\xfe said")
    code, _ = run("parse", str(bad))
    assert 2 == code
    assert "not valid UTF-8" in capsys.readouterr().err


def test_stdin_and_version_via_subprocess() -> None:
    """The installed entry point reads standard input and knows its version."""
    proc = subprocess.run(
        [sys.executable, "-m", "conflictnews", "parse", "-", "--format", "json", "--indent", "0"],
        input=b"Russian troops advanced.",
        capture_output=True,
        check=True,
    )
    assert "Russian troops advanced." == json.loads(proc.stdout)["document"]["text"]
    ver = subprocess.run(
        [sys.executable, "-m", "conflictnews", "--version"], capture_output=True, check=True, text=True
    )
    assert ver.stdout.startswith("conflictnews ")
