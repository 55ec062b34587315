"""The JSON contract: lossless round trips, a schema every report validates against."""

from __future__ import annotations

import json

import jsonschema
import pytest
from hypothesis import given

import conflictnews as cn
from conflictnews.testing.strategies import reports

SCHEMA = cn.json_schema()
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)


@given(reports())
def test_json_round_trip_is_lossless(report: cn.Report) -> None:
    """Any report survives to_json/from_json unchanged."""
    assert report == cn.from_json(cn.to_json(report))


@given(reports())
def test_dict_round_trip_is_lossless(report: cn.Report) -> None:
    assert report == cn.from_dict(cn.to_dict(report))


@given(reports())
def test_every_generated_report_validates_against_the_schema(report: cn.Report) -> None:
    """The schema describes what to_dict produces."""
    VALIDATOR.validate(json.loads(cn.to_json(report)))


def test_schema_is_valid_json_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(SCHEMA)


def test_top_level_keys_follow_the_contract(seed_report: cn.Report) -> None:
    """The top-level keys are the documented ones, schema_version first."""
    d = cn.to_dict(seed_report)
    expected = [
        "schema_version",
        "document",
        "actors",
        "locations",
        "times",
        "quantities",
        "events",
        "claims",
        "quotes",
        "warnings",
    ]
    assert expected == list(d)
    assert cn.SCHEMA_VERSION == d["schema_version"]


def test_seed_report_validates(seed_report: cn.Report) -> None:
    VALIDATOR.validate(cn.to_dict(seed_report))


def test_from_json_rejects_garbage() -> None:
    with pytest.raises(cn.SerializationError, match="invalid JSON"):
        cn.from_json("{not json")


def test_from_dict_rejects_wrong_version() -> None:
    with pytest.raises(cn.SerializationError, match="schema_version"):
        cn.from_dict({"schema_version": 999, "document": {"text": ""}})


def test_from_dict_names_the_bad_path() -> None:
    """A malformed item is reported with where it is."""
    with pytest.raises(cn.SerializationError, match="actors"):
        cn.from_dict({"schema_version": 1, "document": {"text": "x"}, "actors": [{"id": "a1"}]})
