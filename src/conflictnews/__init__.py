"""
conflictnews: read English conflict news into typed, checkable records.

>>> import conflictnews as cn
>>> report = cn.parse("Russian troops shelled Sudzha.", published="2025-03-16")
>>> sorted(cn.to_dict(report))[:3]
['actors', 'claims', 'document']
"""

from conflictnews.errors import (
    ConflictNewsError,
    InvalidDateError,
    LimitExceededError,
    ParserError,
    PipelineError,
    PluginLoadError,
    SerializationError,
    UnknownLexiconError,
    UnknownParserError,
)
from conflictnews.model import (
    AcledCoding,
    Actor,
    ActorKind,
    Claim,
    Document,
    Event,
    Fatalities,
    GeoRelation,
    Location,
    LocationKind,
    Modality,
    PloverCoding,
    Precision,
    PrecisionCodes,
    Quantity,
    QuantityKind,
    Quote,
    Report,
    ReportWarning,
    Span,
    Stance,
    TimeExpression,
)
from conflictnews.parsers import PARSER_API_VERSION, Context, Parser
from conflictnews.pipeline import Pipeline, parse
from conflictnews.serialization import SCHEMA_VERSION, from_dict, from_json, json_schema, to_dict, to_json

__all__ = [
    "PARSER_API_VERSION",
    "SCHEMA_VERSION",
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


def __getattr__(name: str) -> object:
    if name == "__version__":  # read from the installed metadata only when asked
        from importlib.metadata import PackageNotFoundError, version

        try:
            return version("conflictnews")
        except PackageNotFoundError:  # pragma: no cover - running from a bare checkout
            return "0+unknown"
    raise AttributeError(f"module 'conflictnews' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted([*__all__, "__version__"])
