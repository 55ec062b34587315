"""
The JSON contract: one cattrs converter turns reports into plain data and back.

The top level is ``{"schema_version": 1, "document": ..., "actors": [...], ...,
"warnings": [...]}``. Dates are ISO strings, kinds are their string values,
spans are ``{"start": int, "end": int}``. Fields may be added in later
versions; none is renamed or re-typed without a ``SCHEMA_VERSION`` bump.
"""

from __future__ import annotations

import datetime
import enum
import functools
import json
import re
import types
import typing
from typing import Any

import attrs
import cattrs

from conflictnews.errors import SerializationError
from conflictnews.model import Report

__all__ = ["SCHEMA_VERSION", "from_dict", "from_json", "json_schema", "make_converter", "to_dict", "to_json"]

SCHEMA_VERSION = 1
"""Version of the JSON contract. Bumped only on a breaking change."""


def make_converter() -> cattrs.Converter:
    """A fresh converter configured for the conflictnews JSON contract."""
    conv = cattrs.Converter(forbid_extra_keys=False)
    conv.register_unstructure_hook(datetime.date, lambda d: d.isoformat())
    conv.register_structure_hook(datetime.date, _structure_date)
    return conv


def _structure_date(value: Any, _type: Any) -> datetime.date:
    if isinstance(value, datetime.date):
        return value
    if not isinstance(value, str):
        raise TypeError(f"expected an ISO date string, got {value!r}")
    return datetime.date.fromisoformat(value)


@functools.cache
def _converter() -> cattrs.Converter:
    return make_converter()


def to_dict(report: Report) -> dict[str, Any]:
    """
    The report as plain JSON-ready data, ``schema_version`` first.

    .. versionadded:: 0.1.0
    """
    if not isinstance(report, Report):
        raise TypeError(f"to_dict() needs a Report, not {type(report).__name__}")
    data: dict[str, Any] = {"schema_version": SCHEMA_VERSION}
    data.update(_converter().unstructure(report))
    return data


def from_dict(data: dict[str, Any]) -> Report:
    """
    Rebuild a :class:`~conflictnews.Report` from :func:`to_dict` output.

    Raises:
        SerializationError: If the data does not follow the contract; the message
            lists the paths that failed.
    """
    if not isinstance(data, dict):
        raise SerializationError(f"a report must be a JSON object, got {type(data).__name__}")
    version = data.get("schema_version", SCHEMA_VERSION)
    if version != SCHEMA_VERSION:
        raise SerializationError(f"schema_version {version!r} is not supported (this is version {SCHEMA_VERSION})")
    body = {k: v for k, v in data.items() if k != "schema_version"}
    try:
        return _converter().structure(body, Report)
    except cattrs.BaseValidationError as exc:
        raise SerializationError("; ".join(cattrs.transform_error(exc))) from exc
    except (ValueError, TypeError, KeyError) as exc:
        raise SerializationError(str(exc)) from exc


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def to_json(report: Report, *, indent: int | None = None) -> str:
    """
    The report as a JSON string (see :func:`to_dict`).

    Lone surrogates (which a Python ``str`` may hold) are written as ``\\uXXXX`` escapes, so the JSON
    can always be encoded as UTF-8; :func:`from_json` reads them back unchanged.
    """
    out = json.dumps(to_dict(report), ensure_ascii=False, indent=indent)
    return _LONE_SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", out)


def from_json(text: str | bytes) -> Report:
    """
    Rebuild a report from :func:`to_json` output.

    Raises:
        SerializationError: If *text* is not valid JSON or not a valid report.
    """
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise SerializationError(f"invalid JSON: {exc}") from exc
    return from_dict(data)


def json_schema() -> dict[str, Any]:
    """
    The JSON Schema (draft 2020-12) of :func:`to_dict` output.

    .. versionadded:: 0.1.0
    """
    defs: dict[str, Any] = {}
    root = _class_schema(Report, defs)
    root["properties"] = {"schema_version": {"const": SCHEMA_VERSION}, **root["properties"]}
    root["required"] = ["schema_version", *root["required"]]
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"https://conflictnews.invalid/schema/report-v{SCHEMA_VERSION}.json",
        "title": "conflictnews report",
        **root,
        "$defs": defs,
    }


def _class_schema(cls: type[Any], defs: dict[str, Any]) -> dict[str, Any]:
    hints = typing.get_type_hints(cls)
    props: dict[str, Any] = {}
    required: list[str] = []
    for a in attrs.fields(cls):
        props[a.name] = _type_schema(hints[a.name], defs)
        required.append(a.name)
    schema: dict[str, Any] = {"type": "object", "properties": props, "required": required}
    if cls.__doc__:
        schema["description"] = " ".join(cls.__doc__.split())
    return schema


def _type_schema(tp: Any, defs: dict[str, Any]) -> dict[str, Any]:
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        args = typing.get_args(tp)
        return {"anyOf": [_type_schema(a, defs) for a in args]}
    if origin is tuple:
        args = typing.get_args(tp)
        if len(args) == 2 and args[1] is Ellipsis:
            return {"type": "array", "items": _type_schema(args[0], defs)}
        items = [_type_schema(a, defs) for a in args]
        return {"type": "array", "prefixItems": items, "minItems": len(args), "maxItems": len(args)}
    if tp is type(None):
        return {"type": "null"}
    if tp is bool:
        return {"type": "boolean"}
    if tp is int:
        return {"type": "integer"}
    if tp is float:
        return {"type": "number"}
    if tp is str:
        return {"type": "string"}
    if tp is datetime.date:
        return {"type": "string", "format": "date"}
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        return {"enum": [m.value for m in tp]}
    if attrs.has(tp):
        name = tp.__name__
        if name not in defs:
            defs[name] = {}  # placeholder against recursion
            defs[name] = _class_schema(tp, defs)
        return {"$ref": f"#/$defs/{name}"}
    raise TypeError(f"no JSON schema for {tp!r}")
