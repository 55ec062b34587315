"""
Loading package data: word lists and tables kept as plain text under ``conflictnews/data``.

Every data file starts with ``#`` header lines giving its source and license.
A *lexicon* is one entry per line; a *table* is tab-separated columns.
Both are read once per process, on first use.

Data packs (plugins in the ``conflictnews.datapacks`` entry-point group, see
:mod:`conflictnews.registry`) are packages laid out like ``conflictnews/data``.
A pack file with the name of a built-in ``.txt`` or ``.tsv`` file extends it
(its lines come after the built-in ones), unless one of its ``#`` header lines
says ``mode: replace``; a pack file of any other type replaces the built-in one;
a pack file with a new name adds a data file. Packs apply in order, so a later
pack extends or replaces what earlier ones gave.
"""

from __future__ import annotations

import functools
import importlib.resources
import os
import pathlib
from collections.abc import Callable, Iterable
from importlib.resources.abc import Traversable
from typing import TypeVar

import regex

from conflictnews.errors import UnknownLexiconError

__all__ = [
    "active_datapacks",
    "add_datapack",
    "available_lexicons",
    "data_cache",
    "data_sources",
    "data_text",
    "load_lexicon",
    "load_table",
    "remove_datapack",
    "use_datapacks",
]

_BUILTIN = "conflictnews"
_LINE_FORMATS = (".txt", ".tsv")
_REPLACE = regex.compile(r"^#.*?\bmode:\s*+replace\b", regex.MULTILINE)

_datapacks: tuple[tuple[str, Traversable], ...] | None = None
"""The installed data packs in use, as ``(name, root)``; None until first needed (then every installed one)."""

_local: dict[str, Traversable] = {}
"""Data packs added with :func:`add_datapack`, layered over the installed ones."""

_T = TypeVar("_T")
_CACHES: list[Callable[[], None]] = []


def data_cache(func: Callable[..., _T]) -> functools._lru_cache_wrapper[_T]:
    """
    :func:`functools.cache` for values built from data files, emptied whenever the data packs change.

    Parsers that derive tables or patterns from data once per process use it
    instead of ``functools.cache``, so :func:`use_datapacks` reaches them too.
    """
    cached = functools.cache(func)
    _CACHES.append(cached.cache_clear)
    return cached


def use_datapacks(packs: Iterable[tuple[str, Traversable]] | None) -> None:
    """
    Use the installed data packs *packs* (``(name, root directory)`` pairs, in order) over the built-in data.

    ``None`` goes back to the default: every installed data pack, discovered on next use.
    :meth:`conflictnews.Pipeline.default` calls this with the packs it chose; packs added
    with :func:`add_datapack` stay layered over these either way.
    Every :func:`data_cache` (:func:`load_lexicon` and :func:`load_table` among them) is emptied;
    parsers already created keep the data they read until they are created again.

    .. versionadded:: 0.1.0
    """
    global _datapacks
    new = None if packs is None else tuple(packs)
    if new is not None and _datapacks is not None and _same(new, _datapacks):
        return  # keep what was built from the same data
    _datapacks = new
    _clear_caches()


def _same(a: tuple[tuple[str, Traversable], ...], b: tuple[tuple[str, Traversable], ...]) -> bool:
    return [(n, str(r)) for n, r in a] == [(n, str(r)) for n, r in b]


def add_datapack(name: str, root: Traversable | str | os.PathLike[str]) -> None:
    """
    Layer the directory *root*, laid out like ``conflictnews/data``, over the data for the rest of the process.

    Meant for trying data out before packaging it; it comes after every installed pack
    and replaces an earlier pack added under the same *name*.

    .. versionadded:: 0.1.0
    """
    _local.pop(name, None)
    _local[name] = pathlib.Path(root) if isinstance(root, str | os.PathLike) else root
    _clear_caches()


def remove_datapack(name: str) -> None:
    """Remove a data pack added with :func:`add_datapack` (nothing happens if there is none)."""
    if _local.pop(name, None) is not None:
        _clear_caches()


def _clear_caches() -> None:
    for clear in _CACHES:
        clear()


def _packs() -> tuple[tuple[str, Traversable], ...]:
    global _datapacks
    if _datapacks is None:
        from conflictnews.registry import installed_datapacks

        _datapacks = installed_datapacks()
    return (*_datapacks, *_local.items()) if _local else _datapacks


def active_datapacks() -> tuple[str, ...]:
    """Names of the data packs layered over the built-in data, in order."""
    return tuple(name for name, _ in _packs())


def data_sources(name: str) -> tuple[tuple[str, Traversable], ...]:
    """
    Every file that provides data file *name*, as ``(origin, file)``: the built-in one first, then the packs'.

    *origin* is ``"conflictnews"`` or a data pack's name. Readers of formats other than
    ``.txt``/``.tsv`` (compressed tables, say) use this to layer pack files themselves.
    """
    out: list[tuple[str, Traversable]] = []
    builtin = importlib.resources.files("conflictnews.data").joinpath(name)
    if builtin.is_file():
        out.append((_BUILTIN, builtin))
    for pack, root in _packs():
        f = root.joinpath(name)
        if f.is_file():
            out.append((pack, f))
    return tuple(out)


def data_text(name: str) -> str:
    """
    The text of data file *name* (a path under ``conflictnews/data``), with data packs applied.

    Raises:
        UnknownLexiconError: If neither the package nor a data pack has such a file.
    """
    texts: list[str] = []
    for origin, resource in data_sources(name):
        text = resource.read_text(encoding="utf-8")
        if origin != _BUILTIN and (not name.endswith(_LINE_FORMATS) or _REPLACE.search(_header(text))):
            texts = [text]
        else:
            texts.append(text)
    if not texts:
        raise UnknownLexiconError(name, available_lexicons())
    if len(texts) == 1:
        return texts[0]
    return "".join(t if t.endswith("\n") else t + "\n" for t in texts)


def _header(text: str) -> str:
    lines = []
    for ln in text.splitlines():
        if not ln.startswith("#"):
            break
        lines.append(ln)
    return "\n".join(lines)


def _content_lines(text: str) -> list[str]:
    return [ln.rstrip("\n") for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


@data_cache
def load_lexicon(name: str) -> frozenset[str]:
    """The entries of lexicon *name* (``"lexicons/abbreviations"``; ``.txt`` is added)."""
    return frozenset(ln.strip() for ln in _content_lines(data_text(f"{name}.txt")))


@data_cache
def load_table(name: str) -> tuple[tuple[str, ...], ...]:
    """The rows of tab-separated table *name* (``"actors/demonyms"``; ``.tsv`` is added)."""
    return tuple(tuple(c.strip() for c in ln.split("\t")) for ln in _content_lines(data_text(f"{name}.tsv")))


def _walk(node: Traversable, prefix: str, out: set[str]) -> None:
    for child in node.iterdir():
        if child.is_dir():
            if not child.name.startswith("__"):
                _walk(child, f"{prefix}{child.name}/", out)
        elif child.name.endswith(_LINE_FORMATS):
            out.add(prefix + child.name.rsplit(".", 1)[0])


def available_lexicons() -> tuple[str, ...]:
    """Names of the ``.txt``/``.tsv`` data files, built-in or from data packs, without extension."""
    out: set[str] = set()
    _walk(importlib.resources.files("conflictnews.data"), "", out)
    for _, root in _packs():
        _walk(root, "", out)
    return tuple(sorted(out))
