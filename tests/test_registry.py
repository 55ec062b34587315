"""
conflictnews.registry and the data-pack layer of conflictnews.lexicons, with entry points built by hand.

The one seam, ``registry._entry_points``, is monkeypatched; the entry points name
classes in this module or packages written to a temporary directory.
tests/test_plugins.py does the same things with plugins really installed.
"""

from __future__ import annotations

import io
import json
import subprocess
import sys
import uuid
from collections.abc import Callable, Iterator, Sequence
from importlib.metadata import EntryPoint
from pathlib import Path
from typing import Any, ClassVar

import pytest

import conflictnews as cn
from conflictnews import lexicons, registry
from conflictnews.cli import main
from conflictnews.pipeline import BUILTIN_PARSERS, Pipeline
from conflictnews.registry import DATAPACK_GROUP, PARSER_GROUP, PluginInfo, PluginKind

ALL_BUILTINS = tuple(BUILTIN_PARSERS)


# -- parsers the entry points name -------------------------------------------------------------------


class Base:
    """A parser that finds one generic actor named after itself."""

    name = "base"
    requires: tuple[str, ...] = ()
    provides: tuple[str, ...] = ("actors",)
    api_version: ClassVar[int] = cn.PARSER_API_VERSION

    def parse(self, context: cn.Context) -> list[cn.Actor]:
        return [cn.Actor(id=context.next_id(cn.Actor), name=self.name, kind="generic", rule=f"{self.name}/all")]


class Good(Base):
    name = "good"


class NeedsQuotes(Base):
    name = "needs-quotes"
    requires = ("quotes",)


class GivesQuotes(Base):
    name = "gives-quotes"
    provides = ("quotes",)

    def parse(self, context: cn.Context) -> list[cn.Actor]:
        return []


class NeedsClaims(Base):
    name = "needs-claims"
    requires = ("claims",)
    provides = ("quotes",)


class ChickenParser(Base):
    name = "chicken"
    requires = ("claims",)
    provides = ("quotes",)


class EggParser(Base):
    name = "egg"
    requires = ("quotes",)
    provides = ("claims",)


class FutureParser(Base):
    name = "future"
    api_version: ClassVar[int] = cn.PARSER_API_VERSION + 1


class Misnamed(Base):
    name = "something-else"


class BadRequires(Base):
    name = "bad-requires"
    requires = "times"  # type: ignore[assignment]


class FailsToStart(Base):
    name = "fails-to-start"

    def __init__(self) -> None:
        raise RuntimeError("no data")


class Boom(Base):
    name = "boom"

    def parse(self, context: cn.Context) -> list[cn.Actor]:
        raise RuntimeError("kaput")


def make_good() -> Good:
    return Good()


GOOD_INSTANCE = Good()
NOT_A_PARSER = "just a string"


def ep(name: str, target: str, group: str = PARSER_GROUP) -> EntryPoint:
    return EntryPoint(name, target if ":" in target or group == DATAPACK_GROUP else f"{__name__}:{target}", group)


# -- fixtures ------------------------------------------------------------------------------------------


@pytest.fixture
def installed(monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[..., None]]:
    """Set the entry points discovery sees; the data-pack layer is reset before and after."""
    points: dict[str, list[EntryPoint]] = {PARSER_GROUP: [], DATAPACK_GROUP: []}

    def fake(group: str) -> Sequence[EntryPoint]:
        return tuple(points[group])

    def install(*eps: EntryPoint) -> None:
        for e in eps:
            points[e.group].append(e)
        lexicons.use_datapacks(None)

    monkeypatch.setattr(registry, "_entry_points", fake)
    lexicons.use_datapacks(None)
    yield install
    lexicons.use_datapacks(None)


@pytest.fixture
def pack(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Callable[..., EntryPoint]:
    """Write a data-pack package to a temporary directory; return its entry point."""
    monkeypatch.syspath_prepend(str(tmp_path))

    def make(files: dict[str, str | bytes], *, name: str = "pack", version: object = 1) -> EntryPoint:
        module = f"cn_test_pack_{uuid.uuid4().hex[:10]}"
        root = tmp_path / module
        root.mkdir()
        init = "" if version is None else f"DATAPACK_FORMAT_VERSION = {version!r}\n"
        (root / "__init__.py").write_text(init, encoding="utf-8")
        for rel, content in files.items():
            path = root / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, bytes):
                path.write_bytes(content)
            else:
                path.write_text(content, encoding="utf-8")
        return EntryPoint(name, module, DATAPACK_GROUP)

    return make


def info(e: EntryPoint) -> PluginInfo:
    kind = PluginKind.PARSER if e.group == PARSER_GROUP else PluginKind.DATAPACK
    return PluginInfo(name=e.name, kind=kind, value=e.value, entry_point=e)


# -- discovery ------------------------------------------------------------------------------------------


def test_importing_the_registry_reads_no_metadata() -> None:
    """Importing conflictnews, its registry and the CLI never calls entry_points()."""
    code = (
        "import importlib.metadata as m\n"
        "def boom(*a, **k): raise SystemExit('entry_points() called at import time')\n"
        "m.entry_points = boom\n"
        "import conflictnews, conflictnews.registry, conflictnews.lexicons, conflictnews.cli\n"
        "print('ok')\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False)
    assert ("ok\n", 0) == (proc.stdout, proc.returncode), proc.stderr


def test_discover_imports_nothing_and_sorts(installed: Callable[..., None]) -> None:
    """Discovery lists entry points, parsers first and by name, without importing them."""
    installed(ep("zeta", "no_such_module:Parser"), ep("alpha", "Good"), EntryPoint("data", "nowhere", DATAPACK_GROUP))

    found = registry.discover()

    assert [("alpha", "parser"), ("zeta", "parser"), ("data", "datapack")] == [(p.name, p.kind) for p in found]
    assert "no_such_module" not in sys.modules


# -- loading parsers ------------------------------------------------------------------------------------


@pytest.mark.parametrize("target", ["Good", "make_good", "GOOD_INSTANCE"], ids=["class", "factory", "instance"])
def test_load_parser_accepts_a_class_a_factory_or_an_instance(target: str) -> None:
    """An entry point may name a parser class, a function returning a parser, or a parser."""
    parser = registry.load_parser(info(ep("good", target)))

    assert ("good", cn.PARSER_API_VERSION) == (parser.name, parser.api_version)


@pytest.mark.parametrize(
    ("name", "target", "message"),
    [
        ("missing", "no_such_module_xyz:Parser", "could not be imported: ModuleNotFoundError"),
        ("attr", "tests.test_registry:NoSuchClass", "could not be imported: AttributeError"),
        ("str", "NOT_A_PARSER", "gives a str, not a parser (it lacks name, requires, provides, api_version, parse)"),
        ("future", "FutureParser", "targets parser API version 2, but this conflictnews provides version 1"),
        ("other", "Misnamed", "gives a parser named 'something-else'; the entry point and the parser must share"),
        ("bad-requires", "BadRequires", "has requires='times'; it must be a tuple of item kinds"),
        ("fails-to-start", "FailsToStart", "could not be created: RuntimeError('no data')"),
    ],
    ids=["import-error", "missing-attribute", "wrong-type", "api-version", "name-mismatch", "requires", "init-fails"],
)
def test_load_parser_refuses_with_a_message_naming_the_plugin(name: str, target: str, message: str) -> None:
    """Every way a parser plugin can be unusable gives a PluginLoadError saying which plugin and why."""
    with pytest.raises(cn.PluginLoadError) as exc_info:
        registry.load_parser(info(ep(name, target)))

    assert message in str(exc_info.value)
    assert str(exc_info.value).startswith(f"parser plugin {name!r} from ")


# -- data packs -------------------------------------------------------------------------------------


def test_pack_extends_a_builtin_lexicon(installed: Callable[..., None], pack: Callable[..., EntryPoint]) -> None:
    """A pack file named like a built-in .txt adds its entries after the built-in ones."""
    installed(pack({"lexicons/abbreviations.txt": "# extra | license: CC0-1.0\nbde\n"}))

    entries = lexicons.load_lexicon("lexicons/abbreviations")

    assert {"bde", "gen"} <= entries
    assert ("pack",) == lexicons.active_datapacks()


def test_pack_may_replace_a_builtin_file(installed: Callable[..., None], pack: Callable[..., EntryPoint]) -> None:
    """A '# ... | mode: replace' header makes the pack's file stand instead of the built-in one."""
    installed(pack({"lexicons/abbreviations.txt": "# mine | license: CC0-1.0 | mode: replace\nbde\n"}))

    assert frozenset({"bde"}) == lexicons.load_lexicon("lexicons/abbreviations")


def test_pack_adds_new_files_and_tables(installed: Callable[..., None], pack: Callable[..., EntryPoint]) -> None:
    """New files become loadable and listed; tables take the rows of every pack, in pack order."""
    installed(
        pack({"extra/words.txt": "# x\nalpha\n", "extra/table.tsv": "# x\nk\tone\n"}, name="a"),
        pack({"extra/table.tsv": "# y\nk\ttwo"}, name="b"),
    )

    assert frozenset({"alpha"}) == lexicons.load_lexicon("extra/words")
    assert (("k", "one"), ("k", "two")) == lexicons.load_table("extra/table")
    assert {"extra/words", "extra/table", "lexicons/abbreviations"} <= set(lexicons.available_lexicons())


def test_non_line_files_are_replaced_by_the_pack(
    installed: Callable[..., None], pack: Callable[..., EntryPoint]
) -> None:
    """Files other than .txt/.tsv cannot be concatenated, so the last pack's file wins."""
    installed(pack({"extra/rules.toml": "a = 1\n"}, name="a"), pack({"extra/rules.toml": "a = 2\n"}, name="b"))

    assert "a = 2\n" == lexicons.data_text("extra/rules.toml")
    assert ("a", "b") == tuple(origin for origin, _ in lexicons.data_sources("extra/rules.toml"))


@pytest.mark.parametrize(
    ("files", "version", "message"),
    [
        ({}, 2, "uses data-pack format version 2, but this conflictnews reads data-pack format version 1"),
        ({}, None, "declares no DATAPACK_FORMAT_VERSION, but this conflictnews reads data-pack format version 1"),
        ({"lexicons/bad.txt": b"\xff\xfe"}, 1, "has an unreadable data file: lexicons/bad.txt is not UTF-8 (byte 0)"),
    ],
    ids=["future-format", "no-version", "not-utf8"],
)
def test_unusable_pack_is_refused_with_a_reason(
    pack: Callable[..., EntryPoint], files: dict[str, bytes], version: object, message: str
) -> None:
    """A pack of another format version, or with a file that is not UTF-8, is refused, saying why."""
    with pytest.raises(cn.PluginLoadError, match="datapack plugin 'pack'") as exc_info:
        registry.load_datapack(info(pack(files, version=version)))

    assert message in str(exc_info.value)


def test_a_pack_must_be_a_package() -> None:
    """A data-pack entry point naming something other than a package is refused."""
    with pytest.raises(cn.PluginLoadError, match="gives a str; a data pack entry point must name a package"):
        registry.load_datapack(info(EntryPoint("pack", "tests.test_registry:NOT_A_PARSER", DATAPACK_GROUP)))


def test_broken_pack_is_skipped_with_a_python_warning_outside_pipelines(
    installed: Callable[..., None], pack: Callable[..., EntryPoint]
) -> None:
    """Data loaded without a pipeline uses every installed pack that loads and warns about the others."""
    installed(pack({}, name="future", version=99), pack({"extra/w.txt": "# x\nw\n"}, name="fine"))

    with pytest.warns(registry.PluginWarning, match="datapack plugin 'future'.*format version 99"):
        names = lexicons.active_datapacks()

    assert ("fine",) == names


def test_use_datapacks_none_goes_back_to_the_installed_packs(
    installed: Callable[..., None], pack: Callable[..., EntryPoint]
) -> None:
    """Choosing no packs hides their data; None discovers the installed ones again."""
    installed(pack({"extra/w.txt": "# x\nw\n"}))
    lexicons.use_datapacks(())
    with pytest.raises(cn.UnknownLexiconError, match=r"no lexicon named 'extra/w\.txt'"):
        lexicons.load_lexicon("extra/w")

    lexicons.use_datapacks(None)

    assert frozenset({"w"}) == lexicons.load_lexicon("extra/w")


def test_added_pack_stays_over_the_chosen_ones(installed: Callable[..., None], tmp_path: Path) -> None:
    """add_datapack layers a plain directory for the rest of the process, whatever packs a pipeline chooses."""
    installed()
    root = tmp_path / "mine"
    (root / "extra").mkdir(parents=True)
    (root / "extra" / "w.txt").write_text("# x | license: CC0-1.0\nmine\n", encoding="utf-8")
    lexicons.add_datapack("mine", str(root))
    try:
        Pipeline.default(disable=ALL_BUILTINS)
        loaded = (lexicons.active_datapacks(), lexicons.load_lexicon("extra/w"))
    finally:
        lexicons.remove_datapack("mine")

    assert (("mine",), frozenset({"mine"})) == loaded
    with pytest.raises(cn.UnknownLexiconError):
        lexicons.load_lexicon("extra/w")


def test_data_cache_is_emptied_when_the_packs_change(installed: Callable[..., None], tmp_path: Path) -> None:
    """Values built from data with lexicons.data_cache are rebuilt after the data packs change."""
    installed()
    calls: list[int] = []

    @lexicons.data_cache
    def size() -> int:
        calls.append(1)
        return len(lexicons.load_lexicon("lexicons/abbreviations"))

    before = (size(), size())
    (tmp_path / "lexicons").mkdir()
    (tmp_path / "lexicons" / "abbreviations.txt").write_text("# x\nzzz\n", encoding="utf-8")
    lexicons.use_datapacks([("z", tmp_path)])
    after = size()

    assert before[0] == before[1] == after - 1
    assert 2 == len(calls)


# -- choosing and fitting plugins into a pipeline ---------------------------------------------------


def warnings_of(pipeline: Pipeline) -> list[str]:
    return [w.message for w in pipeline.parse("Nothing happened.").warnings if w.code == "plugin-skipped"]


def test_default_pipeline_runs_installed_parser_plugins(installed: Callable[..., None]) -> None:
    """Pipeline.default() adds installed parsers, and their output reaches the report."""
    installed(ep("good", "Good"))

    report = Pipeline.default(disable=ALL_BUILTINS).parse("Nothing happened.")

    assert ["good/all"] == [a.rule for a in report.actors]


def test_plugins_can_be_disabled_or_chosen_by_name(installed: Callable[..., None]) -> None:
    """disable= drops a plugin; enable= keeps only the plugins it names."""
    installed(ep("good", "Good"), ep("gives-quotes", "GivesQuotes"))

    assert ("gives-quotes",) == Pipeline.default(disable=[*ALL_BUILTINS, "good"]).names
    assert ("good",) == Pipeline.default(disable=ALL_BUILTINS, enable=["good"]).names
    assert () == Pipeline.default(disable=ALL_BUILTINS, enable=[]).names


def test_unknown_names_list_what_exists(installed: Callable[..., None]) -> None:
    """Disabling a name that is neither built in nor installed raises, listing the names that exist."""
    installed(ep("good", "Good"))

    with pytest.raises(cn.UnknownParserError, match=r"no parser named 'nope'; available: times, .*, good"):
        Pipeline.default(disable=["nope"])


def test_plugins_are_ordered_by_what_they_require(installed: Callable[..., None]) -> None:
    """A plugin needing what another plugin provides runs after it, whatever their names."""
    installed(ep("needs-quotes", "NeedsQuotes"), ep("gives-quotes", "GivesQuotes"))

    assert ("gives-quotes", "needs-quotes") == Pipeline.default(disable=ALL_BUILTINS).names


@pytest.mark.parametrize(
    ("targets", "kept", "message"),
    [
        ({"needs-claims": "NeedsClaims"}, (), "requires 'claims', which no parser in the pipeline provides"),
        (
            {"needs-claims": "NeedsClaims", "needs-quotes": "NeedsQuotes"},
            (),
            "parser plugin 'needs-quotes' from an unknown distribution (tests.test_registry:NeedsQuotes): "
            "requires 'quotes', which no parser",
        ),
        (
            {"chicken": "ChickenParser", "egg": "EggParser", "good": "Good"},
            ("good",),
            "is caught in a cycle of requirements with egg",
        ),
        ({"future": "FutureParser", "good": "Good"}, ("good",), "targets parser API version 2"),
        ({"boom": "Boom", "good": "Good"}, ("boom", "good"), None),
    ],
    ids=["missing-provider", "orphaned-by-a-skip", "cycle", "api-version", "fails-while-parsing"],
)
def test_unusable_plugins_are_skipped_with_a_warning(
    installed: Callable[..., None], targets: dict[str, str], kept: tuple[str, ...], message: str | None
) -> None:
    """A plugin that cannot run is left out with a warning in every report; the rest still run."""
    installed(*(ep(name, target) for name, target in targets.items()))

    pipeline = Pipeline.default(disable=ALL_BUILTINS)

    assert kept == pipeline.names
    if message is not None:
        assert any(message in m for m in warnings_of(pipeline)), warnings_of(pipeline)


def test_exception_while_parsing_is_a_warning_naming_the_plugin(installed: Callable[..., None]) -> None:
    """A plugin raising inside parse() loses its output only; the report says which plugin failed."""
    installed(ep("boom", "Boom"), ep("good", "Good"))

    report = Pipeline.default(disable=ALL_BUILTINS).parse("Nothing happened.")

    assert ["good/all"] == [a.rule for a in report.actors]
    assert [("parser-failed", "boom")] == [(w.code, w.parser) for w in report.warnings]


def test_strict_mode_raises_on_an_unusable_plugin(installed: Callable[..., None]) -> None:
    """With strict=True a broken plugin stops the pipeline from being built."""
    installed(ep("future", "FutureParser"), ep("good", "Good"))

    with pytest.raises(cn.PluginLoadError, match=r"parser plugin 'future'.*API version 2"):
        Pipeline.default(disable=ALL_BUILTINS, strict=True)


def test_strict_mode_raises_on_a_missing_provider(installed: Callable[..., None]) -> None:
    installed(ep("needs-claims", "NeedsClaims"))

    with pytest.raises(cn.PluginLoadError, match="requires 'claims'"):
        Pipeline.default(disable=ALL_BUILTINS, strict=True)


def test_two_plugins_with_one_name_keep_the_first(installed: Callable[..., None]) -> None:
    """A second plugin with a name already taken is skipped with a warning."""
    installed(ep("good", "Good"), ep("good", "make_good"))

    pipeline = Pipeline.default(disable=ALL_BUILTINS)

    assert ("good",) == pipeline.names
    assert 1 == len(warnings_of(pipeline))
    assert "(tests.test_registry:make_good): has the name of a parser from" in warnings_of(pipeline)[0]


def test_plugin_with_a_builtin_name_is_skipped() -> None:
    """A plugin may not take a built-in parser's name."""
    selection = registry.PluginSelection([info(ep("good", "Good"))], strict=False)
    selection.parsers.append(Good())
    selection._infos["good"] = info(ep("good", "Good"))

    kept = selection.fit([Good()])

    assert [] == kept
    assert "has the name of a built-in parser" in selection.warnings[0].message


# -- the command line -------------------------------------------------------------------------------


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    return main(list(argv), out=out), out.getvalue()


def test_plugins_command_lists_name_kind_distribution_version_status(
    installed: Callable[..., None], pack: Callable[..., EntryPoint]
) -> None:
    """`conflictnews plugins` prints one row per parser and data pack with its status."""
    installed(ep("good", "Good"), ep("future", "FutureParser"), pack({}, name="data"))

    code, out = run("plugins", "--disable", "good")

    lines = out.splitlines()
    assert 0 == code
    assert ["NAME", "KIND", "DISTRIBUTION", "VERSION", "STATUS"] == lines[0].split()
    rows = {ln.split()[0]: ln.split() for ln in lines[1:]}
    assert ["good", "parser", "-", "-", "disabled"] == rows["good"]
    assert ["data", "datapack", "-", "-", "enabled"] == rows["data"]
    assert ["future", "parser", "-", "-", "skipped:"] == rows["future"][:5]


def test_plugins_command_json_and_strict(installed: Callable[..., None], capsys: pytest.CaptureFixture[str]) -> None:
    """--json gives the same rows as data; --strict turns a broken plugin into exit status 2."""
    installed(ep("future", "FutureParser"))

    code, out = run("plugins", "--json")
    rows: list[dict[str, Any]] = json.loads(out)
    strict_code, _ = run("plugins", "--strict")

    assert 0 == code
    assert {"name", "kind", "distribution", "version", "status"} == set(rows[-1])
    assert ("future", "parser") == (rows[-1]["name"], rows[-1]["kind"])
    assert 2 == strict_code
    assert "API version 2" in capsys.readouterr().err
