"""
The documentation in docs/: every code example runs, and the Sphinx site builds with warnings as errors.

Fenced blocks are run page by page, in order, sharing one namespace per page,
in a temporary directory holding a copy of ``seeds/``:

- ``pycon``: doctest (``ELLIPSIS`` and ``NORMALIZE_WHITESPACE`` on);
- ``python``: executed;
- ``console``: each ``$ conflictnews …`` line is run through the command line and
  its standard output compared with the lines below it, as a doctest would;
- ``toml``/``json``: parsed;
- ``sh``: set-up commands (installing, building, regenerating data), never run here;
  a ``conflictnews`` command in one fails the test: it belongs in a ``console`` block;
- ``text`` or no language: illustrations (file layouts, sample output), not code;
- any other language fails the test, so no example escapes by accident.

The Sphinx build is skipped when Sphinx, furo or myst-parser is not installed
(``pip install -e '.[docs]'``).
"""

from __future__ import annotations

import doctest
import importlib.util
import io
import json
import re
import shlex
import shutil
import subprocess
import sys
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any, NamedTuple

import pytest

from conflictnews import lexicons, pipeline
from conflictnews.cli import main
from tests.conftest import ROOT

DOCS = ROOT / "docs"
PAGES = sorted(p for p in DOCS.rglob("*.md") if "_build" not in p.parts)
FLAGS = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE
PENDING: dict[str, str] = {}
"""Pages whose examples cannot run yet, and why; xfail is strict, so a fixed page must leave this list."""

_FENCE = re.compile(
    r"^(?P<fence>`{3,}|~{3,})(?P<info>[^\n`]*)\n(?P<body>.*?)^(?P=fence)[ \t]*$",
    re.MULTILINE | re.DOTALL,
)


class Block(NamedTuple):
    lang: str
    body: str
    line: int


def blocks(page: Path) -> Iterator[Block]:
    """The fenced code blocks of a Markdown page (directives such as ``{toctree}`` are not code)."""
    text = page.read_text(encoding="utf-8")
    for m in _FENCE.finditer(text):
        info = m.group("info").strip()
        if info.startswith("{"):
            continue
        yield Block(info.split()[0] if info else "", m.group("body"), text.count("\n", 0, m.start()) + 2)


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A scratch directory holding ``seeds/``, where the examples read and write; no plugin data leaks in."""
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    monkeypatch.chdir(tmp_path)
    lexicons.use_datapacks(None)
    pipeline._default_pipeline.cache_clear()
    yield tmp_path
    lexicons.use_datapacks(None)


def run_pycon(block: Block, page: Path, globs: dict[str, Any]) -> list[str]:
    test = doctest.DocTestParser().get_doctest(block.body, globs, f"{page.name}:{block.line}", str(page), block.line)
    out: list[str] = []
    runner = doctest.DocTestRunner(optionflags=FLAGS)
    runner.run(test, out=out.append, clear_globs=False)
    globs.update(test.globs)  # DocTest runs in a copy; later blocks of the page see what this one defined
    return ["".join(out)] if runner.failures else []


def commands(body: str) -> Iterator[tuple[str, str]]:
    """``(command, expected output)`` pairs of a console block; a trailing backslash continues a command."""
    command: str | None = None
    expected: list[str] = []
    pending = ""
    for line in body.splitlines():
        if pending or line.startswith("$ "):
            text = pending + (line[2:] if not pending else line)
            if text.endswith("\\"):
                pending = text[:-1]
                continue
            pending = ""
            if command is not None:
                yield command, "".join(expected)
            command, expected = text, []
        elif command is not None:
            expected.append(line + "\n")
    if command is not None:
        yield command, "".join(expected)


def run_console(block: Block, page: Path, capsys: pytest.CaptureFixture[str]) -> list[str]:
    failures = []
    checker = doctest.OutputChecker()
    for command, expected in commands(block.body):
        argv = shlex.split(command, comments=True)
        if not argv or argv[0] != "conflictnews":
            failures.append(f"{page.name}:{block.line}: console examples run conflictnews only, not {command!r}")
            continue
        out = io.StringIO()
        try:
            code = main(argv[1:], out=out)
        except SystemExit as exc:  # argparse refused the arguments
            code = exc.code if isinstance(exc.code, int) else 2
        err = capsys.readouterr().err
        got = out.getvalue()
        if code != 0 or not checker.check_output(expected, got, FLAGS):
            failures.append(
                f"{page.name}:{block.line}: $ {command}\nexit status {code}\nexpected:\n{expected}got:\n{got}{err}"
            )
    return failures


def _page_param(page: Path) -> Any:
    name = page.relative_to(DOCS).as_posix()
    marks = [pytest.mark.xfail(reason=PENDING[name], strict=True)] if name in PENDING else []
    return pytest.param(page, id=name, marks=marks)


@pytest.mark.parametrize("page", [_page_param(p) for p in PAGES])
@pytest.mark.usefixtures("workdir")
def test_code_examples_run(page: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Every example on the page runs and prints what the page says it prints."""
    globs: dict[str, Any] = {"__name__": f"docs.{page.stem}"}
    failures: list[str] = []
    for block in blocks(page):
        where = f"{page.relative_to(DOCS)}:{block.line}"
        if block.lang == "pycon":
            failures += run_pycon(block, page, globs)
        elif block.lang == "python":
            exec(compile(block.body, where, "exec"), globs)
        elif block.lang == "console":
            failures += run_console(block, page, capsys)
        elif block.lang == "toml":
            tomllib.loads(block.body)
        elif block.lang == "json":
            json.loads(block.body)
        elif block.lang == "sh":
            for line in block.body.splitlines():
                if re.match(r"\s*(?:\$\s*)?(?:\S*/)?conflictnews\s", line):
                    failures.append(f"{where}: {line.strip()!r} is a conflictnews example: put it in a console block")
        elif block.lang not in ("text", ""):
            failures.append(f"{where}: code block language {block.lang!r} is neither run nor allowed")

    assert [] == failures, "\n\n".join(failures)


def test_every_page_has_been_found() -> None:
    """The runner sees the pages (a moved docs/ would otherwise make the test above vacuous)."""
    names = {p.relative_to(DOCS).as_posix() for p in PAGES}

    assert {"index.md", "tutorial.md", "plugins.md", "howto/write-a-plugin.md"} <= names


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("$ conflictnews plugins\nNAME ...\n", [("conflictnews plugins", "NAME ...\n")]),
        (
            "$ conflictnews parse a.txt \\\n    --format text\nDocument: ...\n",
            [("conflictnews parse a.txt     --format text", "Document: ...\n")],
        ),
        ("$ conflictnews a\n$ conflictnews b\nout\n", [("conflictnews a", ""), ("conflictnews b", "out\n")]),
    ],
    ids=["one", "continued", "two"],
)
def test_console_blocks_are_split_into_commands(body: str, expected: list[tuple[str, str]]) -> None:
    assert expected == list(commands(body))


def _have(*modules: str) -> bool:
    return all(importlib.util.find_spec(m) is not None for m in modules)


@pytest.mark.skipif(not _have("sphinx", "furo", "myst_parser"), reason="needs the docs extra: pip install -e '.[docs]'")
def test_sphinx_build_has_no_warnings(tmp_path: Path) -> None:
    """The site builds with nitpicky warnings turned into errors (what CI and `make docs` run)."""
    args = ["-n", "-W", "--keep-going", "-q", "-b", "html", "-d", str(tmp_path / "doctrees"), str(DOCS)]
    proc = subprocess.run(
        [sys.executable, "-m", "sphinx", *args, str(tmp_path / "html")], capture_output=True, text=True, check=False
    )

    assert 0 == proc.returncode, proc.stdout + proc.stderr
