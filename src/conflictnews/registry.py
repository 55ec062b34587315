"""
Plugins: parsers and data packs installed by other distributions.

A distribution adds them through two entry-point groups::

    [project.entry-points."conflictnews.parsers"]
    talks = "conflictnews_example.talks:TalksParser"

    [project.entry-points."conflictnews.datapacks"]
    example = "conflictnews_example.data"

A **parser** entry point names a class (or a factory, or an instance) giving a
:class:`~conflictnews.Parser` whose ``name`` equals the entry-point name and whose
``api_version`` equals :data:`~conflictnews.PARSER_API_VERSION`.
A **data pack** entry point names a package laid out like ``conflictnews/data``
(``lexicons/abbreviations.txt``, ``actors/…``) whose ``__init__`` sets
``DATAPACK_FORMAT_VERSION`` to :data:`DATAPACK_FORMAT_VERSION`; see
:mod:`conflictnews.lexicons` for how its files extend or replace the built-in ones.

Discovery reads package metadata only; nothing is imported until a plugin is
loaded, and nothing happens when this module is imported.
A plugin that cannot be used (an import error, the wrong type, another API
version, a name clash, a need no parser provides) is skipped with a warning in
every report, or raises :class:`~conflictnews.PluginLoadError` in strict mode.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import argparse
import enum
import importlib.metadata
import importlib.resources
import importlib.util
import json
import types
import warnings
from collections.abc import Collection, Iterable, Sequence
from importlib.resources.abc import Traversable
from typing import Any, TextIO

from attrs import field, frozen

from conflictnews.errors import PluginLoadError, UnknownParserError
from conflictnews.model import ReportWarning
from conflictnews.parsers import PARSER_API_VERSION, Parser

__all__ = [
    "DATAPACK_FORMAT_VERSION",
    "DATAPACK_GROUP",
    "PARSER_GROUP",
    "PluginInfo",
    "PluginKind",
    "PluginSelection",
    "PluginWarning",
    "add_command",
    "discover",
    "installed_datapacks",
    "load_datapack",
    "load_parser",
    "select_plugins",
]

PARSER_GROUP = "conflictnews.parsers"
"""Entry-point group of parser plugins."""

DATAPACK_GROUP = "conflictnews.datapacks"
"""Entry-point group of data packs (lexicons, actor dictionaries, gazetteer additions)."""

DATAPACK_FORMAT_VERSION = 1
"""Version of the data-pack format; a pack declaring another version is refused."""


class PluginKind(enum.StrEnum):
    """What a plugin adds."""

    PARSER = "parser"
    DATAPACK = "datapack"


_GROUPS = {PluginKind.PARSER: PARSER_GROUP, PluginKind.DATAPACK: DATAPACK_GROUP}


class PluginWarning(UserWarning):
    """A plugin was skipped outside a pipeline (where it would be a report warning)."""


@frozen(kw_only=True)
class PluginInfo:
    """An installed plugin, as its distribution's metadata describes it (nothing imported)."""

    name: str
    kind: PluginKind
    value: str
    """The object the entry point names, as ``"package.module:Class"`` or ``"package"``."""
    distribution: str | None = None
    version: str | None = None
    entry_point: importlib.metadata.EntryPoint | None = field(default=None, eq=False, repr=False)

    @property
    def origin(self) -> str:
        """``"dist 1.0"``, for messages."""
        if self.distribution is None:
            return "an unknown distribution"
        return f"{self.distribution} {self.version}" if self.version else self.distribution


def _entry_points(group: str) -> Sequence[importlib.metadata.EntryPoint]:
    """The one place that asks the installed metadata (tests monkeypatch this)."""
    return tuple(importlib.metadata.entry_points(group=group))


def discover() -> tuple[PluginInfo, ...]:
    """
    Every installed plugin, parsers first, each kind sorted by name then distribution.

    Only metadata is read; no plugin is imported.
    """
    found: list[PluginInfo] = []
    for kind, group in _GROUPS.items():
        infos = []
        for ep in _entry_points(group):
            dist = ep.dist
            infos.append(
                PluginInfo(
                    name=ep.name,
                    kind=kind,
                    value=ep.value,
                    distribution=dist.name if dist is not None else None,
                    version=dist.version if dist is not None else None,
                    entry_point=ep,
                )
            )
        found.extend(sorted(infos, key=lambda p: (p.name, p.distribution or "")))
    return tuple(found)


def _fail(info: PluginInfo, reason: str, cause: BaseException | None = None) -> PluginLoadError:
    err = PluginLoadError(f"{info.kind} plugin {info.name!r} from {info.origin} ({info.value}): {reason}")
    err.plugin = info  # type: ignore[attr-defined]
    err.cause = cause  # type: ignore[attr-defined]
    return err


def _import(info: PluginInfo) -> object:
    if info.entry_point is None:
        raise _fail(info, "has no entry point to load")
    try:
        return info.entry_point.load()
    except Exception as exc:
        raise _fail(info, f"could not be imported: {exc!r}", exc) from exc


_PARSER_ATTRS = ("name", "requires", "provides", "api_version", "parse")


def load_parser(info: PluginInfo) -> Parser:
    """
    Import parser plugin *info* and check it.

    A class is instantiated with no arguments, another callable is called,
    anything else is used as it is.

    Raises:
        PluginLoadError: If it cannot be imported or created, is not a parser,
            targets another parser API version or is named differently from its entry point.
    """
    obj = _import(info)
    if isinstance(obj, type) or (callable(obj) and not hasattr(obj, "parse")):
        try:
            obj = obj()
        except Exception as exc:
            raise _fail(info, f"could not be created: {exc!r}", exc) from exc
    missing = [a for a in _PARSER_ATTRS if not hasattr(obj, a)]
    if missing:
        raise _fail(info, f"gives a {type(obj).__name__}, not a parser (it lacks {', '.join(missing)})")
    version = getattr(obj, "api_version", None)
    if version != PARSER_API_VERSION:
        raise _fail(
            info,
            f"targets parser API version {version!r}, but this conflictnews provides version {PARSER_API_VERSION}",
        )
    name = getattr(obj, "name", None)
    if name != info.name:
        raise _fail(info, f"gives a parser named {name!r}; the entry point and the parser must share one name")
    for attr in ("requires", "provides"):
        value = getattr(obj, attr)
        if not isinstance(value, tuple | list) or not all(isinstance(k, str) for k in value):
            raise _fail(info, f"has {attr}={value!r}; it must be a tuple of item kinds")
    if not isinstance(obj, Parser):
        raise _fail(info, f"gives a {type(obj).__name__}, which is not a conflictnews Parser")
    return obj


def load_datapack(info: PluginInfo) -> tuple[str, Traversable]:
    """
    Import data pack *info*, check its format version and every text file in it.

    Returns:
        ``(name, root)``, ready for :func:`conflictnews.lexicons.use_datapacks`.

    Raises:
        PluginLoadError: If it cannot be imported, is not a package, declares another
            format version or holds a ``.txt``/``.tsv`` file that is not UTF-8.
    """
    obj = _import(info)
    if not isinstance(obj, types.ModuleType) or not hasattr(obj, "__path__"):
        raise _fail(info, f"gives a {type(obj).__name__}; a data pack entry point must name a package of data files")
    version = getattr(obj, "DATAPACK_FORMAT_VERSION", None)
    if version != DATAPACK_FORMAT_VERSION:
        said = (
            "declares no DATAPACK_FORMAT_VERSION" if version is None else f"uses data-pack format version {version!r}"
        )
        raise _fail(info, f"{said}, but this conflictnews reads data-pack format version {DATAPACK_FORMAT_VERSION}")
    root = importlib.resources.files(obj)
    try:
        _check_texts(root, "")
    except (ValueError, OSError) as exc:
        raise _fail(info, f"has an unreadable data file: {exc}", exc) from exc
    return (info.name, root)


def _check_texts(node: Traversable, prefix: str) -> None:
    for child in node.iterdir():
        if child.is_dir():
            if not child.name.startswith("__"):
                _check_texts(child, f"{prefix}{child.name}/")
        elif child.name.endswith((".txt", ".tsv")):
            try:
                child.read_text(encoding="utf-8")
            except UnicodeDecodeError as exc:
                raise ValueError(f"{prefix}{child.name} is not UTF-8 (byte {exc.start})") from exc


def installed_datapacks() -> tuple[tuple[str, Traversable], ...]:
    """
    Every installed data pack that loads, for :mod:`conflictnews.lexicons` when no pipeline chose them.

    A pack that does not load is skipped with a :class:`PluginWarning`.
    """
    out: list[tuple[str, Traversable]] = []
    seen: set[str] = set()
    for info in discover():
        if info.kind is not PluginKind.DATAPACK:
            continue
        try:
            if info.name in seen:
                raise _fail(info, "has the name of another data pack")
            seen.add(info.name)
            out.append(load_datapack(info))
        except PluginLoadError as exc:
            warnings.warn(f"skipped {exc}", PluginWarning, stacklevel=2)
    return tuple(out)


class PluginSelection:
    """
    The plugins chosen for one pipeline: data packs applied, parsers loaded, and what was skipped.

    Made by :func:`select_plugins`; :meth:`fit` then checks the parsers against the built-ins.
    """

    def __init__(self, found: Sequence[PluginInfo], *, strict: bool) -> None:
        self.found = tuple(found)
        self.strict = strict
        self.parsers: list[Parser] = []
        self.datapacks: list[tuple[str, Traversable]] = []
        self._infos: dict[str, PluginInfo] = {}  # parser name → the plugin it was loaded from
        self.status: dict[tuple[str, PluginKind], str] = {}
        """(name, kind) → ``"enabled"``, ``"disabled"`` or ``"skipped: why"``."""
        self.warnings: list[ReportWarning] = []

    def skip(self, info: PluginInfo, error: PluginLoadError) -> None:
        """Record that *info* cannot be used, or raise *error* in strict mode."""
        if self.strict:
            raise error
        self.status[(info.name, info.kind)] = f"skipped: {error}"
        self.warnings.append(
            ReportWarning(code="plugin-skipped", message=f"skipped {error}", parser=info.name),
        )

    def fit(self, builtins: Sequence[Parser]) -> list[Parser]:
        """
        The plugin parsers that can run beside *builtins*; the others are skipped.

        A plugin parser is skipped when its name is taken, when something it
        requires has no provider, or when it is caught in a cycle of requirements.
        """
        infos = self._infos
        taken = {b.name for b in builtins}
        kept: list[Parser] = []
        for parser in self.parsers:
            if parser.name in taken:
                self.skip(infos[parser.name], _fail(infos[parser.name], "has the name of a built-in parser"))
                continue
            kept.append(parser)
        while True:
            provided = {kind for p in (*builtins, *kept) for kind in p.provides}
            orphan = next((p for p in kept if not set(p.requires) <= provided), None)
            if orphan is None:
                break
            need = sorted(set(orphan.requires) - provided)
            kept.remove(orphan)
            self.skip(
                infos[orphan.name],
                _fail(
                    infos[orphan.name],
                    f"requires {', '.join(map(repr, need))}, which no parser in the pipeline provides",
                ),
            )
        stuck = _unorderable([*builtins, *kept])
        for parser in [p for p in kept if p.name in stuck]:
            kept.remove(parser)
            others = ", ".join(sorted(stuck - {parser.name}))
            reason = f"is caught in a cycle of requirements with {others}"
            self.skip(infos[parser.name], _fail(infos[parser.name], reason))
        return kept


def _unorderable(parsers: Sequence[Parser]) -> set[str]:
    """Names of the parsers that cannot be ordered by requires/provides (caught in a cycle)."""
    providers: dict[str, set[str]] = {}
    for p in parsers:
        for kind in p.provides:
            providers.setdefault(kind, set()).add(p.name)
    deps = {p.name: {n for k in p.requires for n in providers.get(k, ()) if n != p.name} for p in parsers}
    placed: set[str] = set()
    progress = True
    while progress:
        progress = False
        for name, need in deps.items():
            if name not in placed and need <= placed:
                placed.add(name)
                progress = True
    return set(deps) - placed


def select_plugins(
    *,
    builtin: Collection[str],
    disable: Iterable[str] = (),
    enable: Iterable[str] | None = None,
    strict: bool = False,
    apply_datapacks: bool = True,
) -> PluginSelection:
    """
    Discover the installed plugins, apply the chosen data packs and load the chosen parsers.

    Args:
        builtin: Names of the built-in parsers (so *disable* may name them too).
        disable: Names of plugins (or built-in parsers) not to use.
        enable: If given, only these plugins are used; built-in parsers are unaffected.
        strict: Raise :class:`~conflictnews.PluginLoadError` instead of skipping a plugin.
        apply_datapacks: Make the chosen data packs the ones :mod:`conflictnews.lexicons`
            reads (data packs load before parsers, so parser plugins can read them).

    Raises:
        UnknownParserError: If *disable* or *enable* names neither a built-in parser nor a plugin.
        PluginLoadError: In strict mode, if a chosen plugin cannot be used.
    """
    found = discover()
    known = [*builtin, *dict.fromkeys(p.name for p in found)]
    disabled = set(disable)
    enabled = None if enable is None else set(enable)
    for name in sorted(disabled | (enabled or set())):
        if name not in known:
            raise UnknownParserError(name, tuple(known))
    selection = PluginSelection(found, strict=strict)
    names: dict[tuple[str, PluginKind], PluginInfo] = {}
    chosen: list[PluginInfo] = []
    for info in found:
        key = (info.name, info.kind)
        if info.name in disabled or (enabled is not None and info.name not in enabled):
            selection.status.setdefault(key, "disabled")
        elif key in names:
            other = names[key]
            selection.skip(info, _fail(info, f"has the name of a {info.kind} from {other.origin}"))
        else:
            names[key] = info
            chosen.append(info)
    for info in chosen:
        if info.kind is PluginKind.DATAPACK:
            try:
                selection.datapacks.append(load_datapack(info))
                selection.status[(info.name, info.kind)] = "enabled"
            except PluginLoadError as exc:
                selection.skip(info, exc)
    if apply_datapacks:
        from conflictnews.lexicons import use_datapacks

        use_datapacks(selection.datapacks)
    for info in chosen:
        if info.kind is PluginKind.PARSER:
            try:
                selection.parsers.append(load_parser(info))
                selection._infos[info.name] = info
                selection.status[(info.name, info.kind)] = "enabled"
            except PluginLoadError as exc:
                selection.skip(info, exc)
    return selection


# -- the ``conflictnews plugins`` command ----------------------------------------------------------


def add_command(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register ``conflictnews plugins`` with the command line."""
    p = sub.add_parser(
        "plugins",
        help="list the parsers and data packs, built-in and installed",
        description="List the parsers and data packs: built-in ones and plugins installed through the "
        f"entry-point groups {PARSER_GROUP} and {DATAPACK_GROUP}, each loaded to check that it works.",
    )
    p.add_argument("--disable", action="append", default=[], metavar="NAME", help="show NAME as disabled")
    p.add_argument("--enable", action="append", default=None, metavar="NAME", help="use only the named plugins")
    p.add_argument("--strict", action="store_true", help="fail (exit status 2) if a plugin cannot be used")
    p.add_argument("--json", action="store_true", help="print a JSON list instead of a table")
    p.set_defaults(func=_cmd_plugins)


def _builtin_rows(disabled: set[str]) -> list[dict[str, Any]]:
    from conflictnews.pipeline import BUILTIN_PARSERS

    try:
        version: str | None = importlib.metadata.version("conflictnews")
    except importlib.metadata.PackageNotFoundError:  # pragma: no cover - a bare checkout
        version = None
    rows = []
    for name, target in BUILTIN_PARSERS.items():
        if importlib.util.find_spec(target.partition(":")[0]) is None:
            continue  # not shipped in this build
        status = "disabled" if name in disabled else "built-in"
        rows.append(
            {"name": name, "kind": "parser", "distribution": "conflictnews", "version": version, "status": status}
        )
    return rows


def _builtin_parsers(disabled: set[str]) -> list[Parser]:
    from conflictnews.pipeline import BUILTIN_PARSERS

    out: list[Parser] = []
    for name, target in BUILTIN_PARSERS.items():
        module, _, cls = target.partition(":")
        if name in disabled or importlib.util.find_spec(module) is None:
            continue
        # the class carries name/requires/provides; creating it would load its data
        out.append(getattr(importlib.import_module(module), cls))
    return out


def _cmd_plugins(args: argparse.Namespace, out: TextIO) -> int:
    from conflictnews.pipeline import BUILTIN_PARSERS

    disabled = set(args.disable)
    selection = select_plugins(builtin=tuple(BUILTIN_PARSERS), disable=disabled, enable=args.enable, strict=args.strict)
    selection.fit(_builtin_parsers(disabled))
    rows = _builtin_rows(disabled)
    for info in selection.found:
        status = selection.status.get((info.name, info.kind), "enabled")
        rows.append(
            {
                "name": info.name,
                "kind": str(info.kind),
                "distribution": info.distribution,
                "version": info.version,
                "status": status,
            }
        )
    if args.json:
        out.write(json.dumps(rows, indent=2) + "\n")
        return 0
    header = {"name": "NAME", "kind": "KIND", "distribution": "DISTRIBUTION", "version": "VERSION", "status": "STATUS"}
    table = [header, *({k: str(v or "-") for k, v in r.items()} for r in rows)]
    widths = {k: max(len(r[k]) for r in table) for k in ("name", "kind", "distribution", "version")}
    for r in table:
        cells = [r[k].ljust(widths[k]) for k in widths]
        out.write("  ".join([*cells, r["status"]]).rstrip() + "\n")
    return 0
