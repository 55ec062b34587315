"""
Sphinx configuration: furo theme, MyST Markdown, autodoc with Napoleon docstrings.

Build with ``sphinx-build -n -W --keep-going -b html docs docs/_build/html``.
Nothing here needs the network: there is no intersphinx mapping, so references to
the standard library and to attrs render as plain text (see ``nitpick_ignore_regex``).
The code examples in these pages are run by ``tests/test_docs.py``.
"""

from __future__ import annotations

import datetime
import json
import sys
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))  # document this checkout, installed or not

import conflictnews  # noqa: E402

project = "conflictnews"
author = "conflictnews developers"
copyright = f"{datetime.date.today().year}, {author}"
release = str(conflictnews.__version__)
version = ".".join(release.split(".")[:2])

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx.ext.doctest",
]
source_suffix = {".md": "markdown"}
exclude_patterns = ["_build"]
root_doc = "index"

html_theme = "furo"
html_title = f"conflictnews {release}"

myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3

autodoc_member_order = "bysource"
autodoc_typehints = "signature"
autodoc_default_options = {"exclude-members": "__init__, __new__"}
napoleon_google_docstring = True
napoleon_numpy_docstring = False
napoleon_use_rtype = False

# Offline: without intersphinx, names from the standard library and from attrs/cattrs
# cannot be linked; say so here instead of warning about every one of them.
nitpick_ignore_regex = [
    (r"py:.*", r"(datetime|collections\.abc|typing|importlib|argparse|enum|pathlib|io|types|os|functools)(\..*)?"),
    (r"py:.*", r"(attr|attrs|cattrs|regex)(\..*)?"),
    (r"py:class", r"(Traversable|EntryPoint|TextIO|Any|Iterable|Sequence|Collection|Mapping|Callable|Iterator)"),
    (r"py:class", r"(ClassVar|Protocol|StrEnum|Enum|NoneType|Ellipsis|_SubParsersAction|Namespace|_T)"),
    (r"py:class", r"(conflictnews\.)?(parsers\.)?Item"),
    (r"py:class", r"conflictnews\._analysis\..*|Analysis"),
]


class JsonSchemaDirective(SphinxDirective):
    """``conflictnews-json-schema``: the JSON Schema of a report, from ``conflictnews.json_schema()`` at build time."""

    has_content = False

    def run(self) -> list[Any]:
        text = json.dumps(conflictnews.json_schema(), indent=2, ensure_ascii=False)
        block = nodes.literal_block(text, text, language="json")
        return [block]


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_directive("conflictnews-json-schema", JsonSchemaDirective)
    return {"parallel_read_safe": True}
