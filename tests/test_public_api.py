"""The public API is a deliberate list: any change shows up in this file's diff."""

from __future__ import annotations

import conflictnews

EXPECTED = [
    "AcledCoding",
    "Actor",
    "ActorKind",
    "Claim",
    "ConflictNewsError",
    "Context",
    "Document",
    "Event",
    "Fatalities",
    "GeoRelation",
    "InvalidDateError",
    "LimitExceededError",
    "Location",
    "LocationKind",
    "Modality",
    "PARSER_API_VERSION",
    "Parser",
    "ParserError",
    "Pipeline",
    "PipelineError",
    "PloverCoding",
    "PluginLoadError",
    "Precision",
    "PrecisionCodes",
    "Quantity",
    "QuantityKind",
    "Quote",
    "Report",
    "ReportWarning",
    "SCHEMA_VERSION",
    "SerializationError",
    "Span",
    "Stance",
    "TimeExpression",
    "UnknownLexiconError",
    "UnknownParserError",
    "from_dict",
    "from_json",
    "json_schema",
    "parse",
    "to_dict",
    "to_json",
]


def test_all_is_the_expected_list() -> None:
    """conflictnews.__all__ holds exactly the documented public names."""
    assert sorted(EXPECTED) == sorted(conflictnews.__all__)


def test_every_public_name_exists_and_is_documented() -> None:
    """Each public name resolves, and classes and functions carry a docstring."""
    for name in conflictnews.__all__:
        obj = getattr(conflictnews, name)
        if callable(obj):
            assert obj.__doc__, name


def test_version_is_a_string() -> None:
    """__version__ comes from the installed metadata."""
    assert isinstance(conflictnews.__version__, str)
    assert conflictnews.__version__[0].isdigit()


def test_unknown_attribute_raises() -> None:
    """A missing attribute gives AttributeError, not something else."""
    import pytest

    with pytest.raises(AttributeError):
        _ = conflictnews.does_not_exist  # type: ignore[attr-defined]
