"""
Loading package data: word lists and tables kept as plain text under ``conflictnews/data``.

Every data file starts with ``#`` header lines giving its source and license.
A *lexicon* is one entry per line; a *table* is tab-separated columns.
Both are read once per process, on first use.
"""

from __future__ import annotations

import functools
import importlib.resources

from conflictnews.errors import UnknownLexiconError

__all__ = ["available_lexicons", "data_text", "load_lexicon", "load_table"]


def data_text(name: str) -> str:
    """
    The text of package data file *name* (a path under ``conflictnews/data``).

    Raises:
        UnknownLexiconError: If there is no such file.
    """
    resource = importlib.resources.files("conflictnews.data").joinpath(name)
    try:
        return resource.read_text(encoding="utf-8")
    except (FileNotFoundError, IsADirectoryError):
        raise UnknownLexiconError(name, available_lexicons()) from None


def _content_lines(text: str) -> list[str]:
    return [ln.rstrip("\n") for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


@functools.cache
def load_lexicon(name: str) -> frozenset[str]:
    """The entries of lexicon *name* (``"lexicons/abbreviations"``; ``.txt`` is added)."""
    return frozenset(ln.strip() for ln in _content_lines(data_text(f"{name}.txt")))


@functools.cache
def load_table(name: str) -> tuple[tuple[str, ...], ...]:
    """The rows of tab-separated table *name* (``"actors/demonyms"``; ``.tsv`` is added)."""
    return tuple(tuple(c.strip() for c in ln.split("\t")) for ln in _content_lines(data_text(f"{name}.tsv")))


def available_lexicons() -> tuple[str, ...]:
    """Names of the data files shipped in the package, without extension."""
    root = importlib.resources.files("conflictnews.data")
    out: list[str] = []

    def walk(node: importlib.resources.abc.Traversable, prefix: str) -> None:
        for child in node.iterdir():
            if child.is_dir():
                if not child.name.startswith("__"):
                    walk(child, f"{prefix}{child.name}/")
            elif child.name.endswith((".txt", ".tsv")):
                out.append(prefix + child.name.rsplit(".", 1)[0])

    walk(root, "")
    return tuple(sorted(out))
