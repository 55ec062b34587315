"""
Plugins really installed: the example plugin in examples/ and a deliberately broken one.

A session fixture builds both with pip (hatchling) into two temporary target
directories, not into the running environment, so other tests never see them.
Each test puts a target on ``sys.path`` (or ``PYTHONPATH`` for the command line),
and the real ``importlib.metadata`` discovery finds the entry points there.
"""

from __future__ import annotations

import contextlib
import importlib
import importlib.util
import json
import os
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import conflictnews as cn
from conflictnews import lexicons, pipeline, registry
from conflictnews._analysis import Analysis
from conflictnews.pipeline import BUILTIN_PARSERS, Pipeline
from tests.conftest import ROOT, SEED

EXAMPLE = ROOT / "examples" / "conflictnews-example-plugin"
PLUGIN_MODULES = ("conflictnews_example", "broken_plugin")
PUBLISHED = "2025-03-16"

BROKEN_PYPROJECT = """
[build-system]
requires = ["hatchling>=1.25"]
build-backend = "hatchling.build"

[project]
name = "conflictnews-broken-plugin"
version = "0.0.1"

[project.entry-points."conflictnews.parsers"]
missing-module = "broken_plugin.nowhere:Parser"
not-a-parser = "broken_plugin:NOT_A_PARSER"
future-api = "broken_plugin:FutureParser"
explodes = "broken_plugin:ExplodingParser"

[project.entry-points."conflictnews.datapacks"]
future-pack = "broken_plugin.future_data"

[tool.hatch.build.targets.wheel]
packages = ["src/broken_plugin"]
"""

BROKEN_INIT = """
from typing import ClassVar

NOT_A_PARSER = 42


class FutureParser:
    name = "future-api"
    requires = ()
    provides = ("events",)
    api_version: ClassVar[int] = 2

    def parse(self, context):
        return []


class ExplodingParser:
    name = "explodes"
    requires = ()
    provides = ("events",)
    api_version: ClassVar[int] = 1

    def parse(self, context):
        raise RuntimeError("exploded on purpose")
"""


def _pip_install(source: Path, target: Path) -> None:
    cmd = [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", str(target), str(source)]
    if importlib.util.find_spec("hatchling") is not None:
        cmd.insert(4, "--no-build-isolation")  # offline: build with the hatchling already here
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=600, check=False)
    assert 0 == proc.returncode, f"pip install {source} failed:\n{proc.stdout}\n{proc.stderr}"


@pytest.fixture(scope="session")
def sites(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Two install targets: "example" holds the example plugin, "broken" the broken one."""
    broken_src = tmp_path_factory.mktemp("broken-plugin-src")
    (broken_src / "pyproject.toml").write_text(BROKEN_PYPROJECT, encoding="utf-8")
    pkg = broken_src / "src" / "broken_plugin"
    (pkg / "future_data").mkdir(parents=True)
    (pkg / "__init__.py").write_text(BROKEN_INIT, encoding="utf-8")
    (pkg / "future_data" / "__init__.py").write_text("DATAPACK_FORMAT_VERSION = 2\n", encoding="utf-8")
    out = {"example": tmp_path_factory.mktemp("site-example"), "broken": tmp_path_factory.mktemp("site-broken")}
    _pip_install(EXAMPLE, out["example"])
    _pip_install(broken_src, out["broken"])
    return out


def _reset() -> None:
    for name in list(sys.modules):
        if name.partition(".")[0] in PLUGIN_MODULES:
            del sys.modules[name]
    importlib.invalidate_caches()
    lexicons.use_datapacks(None)
    pipeline._default_pipeline.cache_clear()


@contextlib.contextmanager
def on_path(*dirs: Path) -> Iterator[None]:
    """Make the plugins installed in *dirs* visible to this process, and invisible again afterwards."""
    saved = list(sys.path)
    sys.path[:0] = [str(d) for d in dirs]
    _reset()
    try:
        yield
    finally:
        sys.path[:] = saved
        _reset()


@pytest.fixture
def example(sites: dict[str, Path]) -> Iterator[None]:
    with on_path(sites["example"]):
        yield


@pytest.fixture
def example_and_broken(sites: dict[str, Path]) -> Iterator[None]:
    with on_path(sites["example"], sites["broken"]):
        yield


def cli(sites: dict[str, Path], *argv: str, site: tuple[str, ...] = ("example",)) -> subprocess.CompletedProcess[str]:
    """Run the installed ``conflictnews`` command with the plugins of *site* installed."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(str(sites[s]) for s in site)}
    return subprocess.run(
        [sys.executable, "-m", "conflictnews", *argv], capture_output=True, text=True, env=env, timeout=120, check=False
    )


def talks(report: cn.Report) -> list[tuple[str, str]]:
    return [(e.text, e.rule) for e in report.events if e.rule.startswith("talks/")]


def skipped(report: cn.Report) -> dict[str, str]:
    return {w.parser or "": w.message for w in report.warnings if w.code == "plugin-skipped"}


# -- discovery and the command line -------------------------------------------------------------------


@pytest.mark.usefixtures("example")
def test_the_example_plugin_is_discovered() -> None:
    """Both entry points of the installed example are found, with their distribution and version."""
    found = {(p.name, p.kind): (p.distribution, p.version, p.value) for p in registry.discover()}

    assert ("conflictnews-example-plugin", "0.1.0", "conflictnews_example.talks:TalksParser") == found[
        ("talks", registry.PluginKind.PARSER)
    ]
    assert ("conflictnews-example-plugin", "0.1.0", "conflictnews_example.data") == found[
        ("example", registry.PluginKind.DATAPACK)
    ]


def test_plugins_command_lists_the_example(sites: dict[str, Path]) -> None:
    """`conflictnews plugins` shows the example's parser and data pack as enabled."""
    proc = cli(sites, "plugins")

    rows = {tuple(ln.split()[:2]): ln.split()[2:] for ln in proc.stdout.splitlines()[1:]}
    assert 0 == proc.returncode, proc.stderr
    assert ["conflictnews-example-plugin", "0.1.0", "enabled"] == rows[("talks", "parser")]
    assert ["conflictnews-example-plugin", "0.1.0", "enabled"] == rows[("example", "datapack")]


def test_parse_shows_the_plugin_output_and_disable_removes_it(sites: dict[str, Path]) -> None:
    """The reference article gains the talks events from the command line; --disable talks takes them away."""
    with_plugin = json.loads(cli(sites, "parse", str(SEED), "--published", PUBLISHED).stdout)
    without = json.loads(cli(sites, "parse", str(SEED), "--published", PUBLISHED, "--disable", "talks").stdout)

    def rules(data: dict[str, list[dict[str, str]]]) -> set[str]:
        return {e["rule"] for e in data["events"] if e["rule"].startswith("talks/")}

    assert {"talks/cue", "talks/planned"} == rules(with_plugin)
    assert set() == rules(without)
    assert [] == [w for w in without["warnings"] if w["code"] == "plugin-skipped"]


# -- in the library -----------------------------------------------------------------------------------


@pytest.mark.usefixtures("example")
def test_plugin_runs_after_the_parser_providing_what_it_requires() -> None:
    """talks requires "times", so the pipeline runs it after the built-in times parser."""
    names = Pipeline.default(strict=True).names

    assert names.index("times") < names.index("talks")


@pytest.mark.usefixtures("example")
def test_plugin_output_on_the_reference_article(seed_text: str) -> None:
    """The talks cues of the reference article are events; "peace talks next week" is planned."""
    report = Pipeline.default(strict=True).parse(seed_text, published=PUBLISHED)

    found = talks(report)
    assert ("peace talks", "talks/planned") in found
    assert ("ceasefire talks", "talks/cue") in found
    planned = next(e for e in report.events if e.rule == "talks/planned")
    assert ("next week", cn.Modality.PLANNED) == (report.get(planned.time or "").text, planned.modality)


@pytest.mark.usefixtures("example")
def test_disabling_the_parser_removes_its_output(seed_text: str) -> None:
    """disable=["talks"] drops the plugin parser without any warning."""
    report = Pipeline.default(disable=["talks"]).parse(seed_text, published=PUBLISHED)

    assert ([], {}) == (talks(report), skipped(report))


@pytest.mark.usefixtures("example")
def test_missing_provider_skips_the_plugin_with_a_warning() -> None:
    """Without the times parser, talks cannot run: it is skipped and every report says why."""
    report = Pipeline.default(disable=BUILTIN_PARSERS).parse("Peace talks resume on Monday.")

    assert [] == talks(report)
    assert "requires 'times', which no parser in the pipeline provides" in skipped(report)["talks"]


@pytest.mark.usefixtures("example")
def test_the_data_pack_extends_builtin_data() -> None:
    """The example pack adds "bde" to the built-in abbreviations, so "Bde." no longer ends a sentence."""
    text = "The 47th Bde. Ukrainian troops withdrew."
    Pipeline.default()
    with_pack = (len(Analysis(text).sentences), "bde" in lexicons.load_lexicon("lexicons/abbreviations"))
    Pipeline.default(disable=["example", "talks"])
    without = (len(Analysis(text).sentences), "bde" in lexicons.load_lexicon("lexicons/abbreviations"))

    assert ((1, True), (2, False)) == (with_pack, without)


@pytest.mark.usefixtures("example")
def test_disabling_the_data_pack_leaves_the_parser_without_its_cues() -> None:
    """The talks parser reads its cue list from the example pack; without the pack it is skipped, saying so."""
    report = Pipeline.default(disable=["example"]).parse("Peace talks resume on Monday.")

    assert "could not be created: UnknownLexiconError" in skipped(report)["talks"]


@pytest.mark.usefixtures("example")
@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=300), st.sampled_from(["", "Peace talks resume next week. "]))
def test_the_example_parser_never_raises_and_keeps_its_spans(text: str, prefix: str) -> None:
    """Any text parses; every talks event's trigger is its text; a neutral prefix shifts every span."""
    from conflictnews_example.talks import TalksParser

    from conflictnews.parsers.times import TimeParser

    pipeline = cn.Pipeline([TalksParser(cues=["peace talks", "negotiations"]), TimeParser()])
    report = pipeline.parse(prefix + text, published=PUBLISHED)
    shifted = pipeline.parse("Nothing. " + prefix + text, published=PUBLISHED)

    assert all((prefix + text)[e.trigger.start : e.trigger.end] == e.text for e in report.events)
    assert [e.trigger.start + 9 for e in report.events] == [e.trigger.start for e in shifted.events]


# -- broken plugins -----------------------------------------------------------------------------------


@pytest.mark.usefixtures("example_and_broken")
def test_broken_plugins_never_break_parsing(seed_text: str) -> None:
    """Each broken plugin is skipped with a warning naming it and why; the example still works."""
    report = Pipeline.default().parse(seed_text, published=PUBLISHED)

    reasons = skipped(report)
    assert ("peace talks", "talks/planned") in talks(report)
    assert {"missing-module", "not-a-parser", "future-api", "future-pack"} == set(reasons)
    assert "could not be imported: ModuleNotFoundError" in reasons["missing-module"]
    assert "gives a int, not a parser" in reasons["not-a-parser"]
    assert "targets parser API version 2, but this conflictnews provides version 1" in reasons["future-api"]
    future_pack = "uses data-pack format version 2, but this conflictnews reads data-pack format version 1"
    assert future_pack in reasons["future-pack"]
    assert all("conflictnews-broken-plugin 0.0.1" in m for m in reasons.values())
    failed = [w for w in report.warnings if w.code == "parser-failed"]
    assert [("explodes", True)] == [(w.parser, "exploded on purpose" in w.message) for w in failed]


@pytest.mark.usefixtures("example_and_broken")
def test_strict_mode_refuses_broken_plugins() -> None:
    """With strict=True the first broken plugin raises, naming itself and its distribution."""
    with pytest.raises(cn.PluginLoadError, match="datapack plugin 'future-pack' from conflictnews-broken-plugin"):
        Pipeline.default(strict=True)


@pytest.mark.usefixtures("example_and_broken")
def test_strict_mode_raises_when_a_plugin_fails_while_parsing() -> None:
    """A plugin raising inside parse() stops a strict run with ParserError."""
    with pytest.raises(cn.ParserError, match="parser 'explodes' failed"):
        Pipeline.default(strict=True, enable=["talks", "example", "explodes"]).parse("Nothing happened.")


@pytest.mark.usefixtures("example_and_broken")
def test_disabling_the_broken_plugins_silences_them() -> None:
    """Disabled plugins are not even imported, so their faults do not show."""
    broken = ["missing-module", "not-a-parser", "future-api", "future-pack", "explodes"]

    report = Pipeline.default(disable=broken).parse("Peace talks resume on Monday.")

    assert [] == [w for w in report.warnings if w.code in {"plugin-skipped", "parser-failed"}]
    assert "broken_plugin" not in sys.modules


def test_plugins_command_shows_broken_plugins(sites: dict[str, Path]) -> None:
    """The listing marks broken plugins as skipped with the reason; --strict exits with status 2."""
    proc = cli(sites, "plugins", "--json", site=("example", "broken"))
    strict = cli(sites, "plugins", "--strict", site=("example", "broken"))

    status = {row["name"]: row["status"] for row in json.loads(proc.stdout)}
    assert "enabled" == status["talks"]
    assert status["future-api"].startswith("skipped: parser plugin 'future-api' from conflictnews-broken-plugin")
    assert "enabled" == status["explodes"]  # it loads; it only fails while parsing
    assert 2 == strict.returncode
    assert strict.stderr.startswith("conflictnews: error: datapack plugin 'future-pack'")


def test_the_example_plugin_source_is_clean() -> None:
    """The example is a template: its own files pass ruff with the project's settings."""
    ruff = Path(sys.executable).with_name("ruff")
    if not ruff.exists():
        pytest.skip("ruff is not installed next to this Python")
    proc = subprocess.run(
        [str(ruff), "check", "--config", str(ROOT / "pyproject.toml"), str(EXAMPLE / "src")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert 0 == proc.returncode, proc.stdout + textwrap.dedent(proc.stderr)
