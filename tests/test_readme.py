"""The README's Python example runs and prints exactly the output the README shows."""

from __future__ import annotations

import contextlib
import io
import re

from tests.conftest import ROOT


def test_readme_example_prints_what_the_readme_says() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    m = re.search(r"```python\n(?P<code>.*?)```\s*prints\s*```text\n(?P<out>.*?)```", readme, re.S)
    assert m is not None, "the README has a python example followed by its output"
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(m.group("code"), "README.md", "exec"), {})
    assert m.group("out") == out.getvalue()
