"""Reading gold JSONL: shape detection and what each shape turns into."""

from __future__ import annotations

import datetime
import io
import json
import pathlib

import pytest

from conflictnews.cli import main
from conflictnews.evaluation import acled_actors
from conflictnews.evaluation.acled_actors import cameo_to_plover, country_code, normalise_acled_actor
from conflictnews.evaluation.readers import GoldFormatError, detect_shape, read_gold, to_gold
from tests.evaluation.conftest import FIXTURES, load


@pytest.mark.parametrize(
    ("fixture", "shape", "tasks"),
    [
        ("events_small.jsonl", "acled_2020_global", ("events", "actors")),
        ("ucdp_small.jsonl", "ucdp_ged_ukraine", ("events", "actors")),
        ("toponyms_gwn_small.jsonl", "geowebnews", ("locations",)),
        ("toponyms_lgl_small.jsonl", "lgl", ("locations",)),
        ("timeml_small.jsonl", "tempeval3_timeml", ("times",)),
        ("polnear_small.jsonl", "polnear", ("quotes",)),
        ("quantities_small.jsonl", "quantulum3_tests", ("quantities",)),
        ("plover_small.jsonl", "plover_gsr", ("events", "actors")),
        ("petrarch_small.jsonl", "petrarch2_unittest", ("events",)),
        ("giveme_small.jsonl", "giveme5w1h_gold", ("actors", "locations", "times")),
        (
            "generic_small.jsonl",
            "conflictnews_gold",
            ("events", "actors", "locations", "times", "quantities", "quotes"),
        ),
    ],
    ids=lambda v: v if isinstance(v, str) else None,
)
def test_shapes_are_detected(fixture: str, shape: str, tasks: tuple[str, ...]) -> None:
    """Each development-set shape is told apart by its keys and offers its tasks."""
    first = json.loads((FIXTURES / fixture).read_text(encoding="utf-8").splitlines()[0])
    doc = to_gold(first)

    assert shape == detect_shape(first)
    assert shape == doc.dataset
    assert tasks == doc.tasks()


def test_acled_record() -> None:
    """An ACLED note gives the main event; actor kinds come from the inter codes, countries from the names."""
    doc = load("events_small.jsonl")[2]
    ev = doc.event
    assert ev is not None

    assert datetime.date(2025, 3, 18) == doc.published  # the upload date, never the event date
    assert ("Battles", "Armed clash") == (ev.event_type, ev.sub_event_type)
    assert datetime.date(2025, 3, 12) == ev.date
    assert 3 == ev.fatalities
    assert ("state_forces", "UA") == (ev.actor1.kind, ev.actor1.country)  # type: ignore[union-attr]
    assert ("external_forces", "RU") == (ev.actor2.kind, ev.actor2.country)  # type: ignore[union-attr]


def test_ucdp_scores_only_what_the_headline_states() -> None:
    """A headline with a date, a toll and a place is scored on all three; one without, on none."""
    dated, vague = load("ucdp_small.jsonl")
    assert dated.event is not None
    assert vague.event is not None

    assert (datetime.date(2015, 2, 16), 3, 48.023) == (dated.event.date, dated.event.fatalities, dated.event.latitude)
    assert (None, None, None, None) == (
        vague.event.date,
        vague.event.fatalities,
        vague.event.latitude,
        vague.event.admin1,
    )
    assert ("state_forces", "UA") == (dated.event.actor1.kind, dated.event.actor1.country)  # type: ignore[union-attr]
    assert "rebel_group" == dated.event.actor2.kind  # type: ignore[union-attr]


def test_geowebnews_types() -> None:
    """Literal and metonymic toponyms are gold; demonyms and embedded non-literal ones are ignored."""
    doc = load("toponyms_gwn_small.jsonl")[0]
    assert doc.toponyms is not None

    assert ["Moscow", "Kharkiv", "Izium"] == [t.surface for t in doc.toponyms]
    assert ["Russians", "Kyiv"] == [doc.text[s:e] for s, e in doc.ignore]


def test_lgl_keeps_toponyms_without_coordinates() -> None:
    """A toponym with no gazetteer entry still counts for recall, with no coordinates."""
    doc = load("toponyms_lgl_small.jsonl")[0]
    assert doc.toponyms is not None

    assert [True, False, True] == [t.latitude is not None for t in doc.toponyms]


def test_quantulum_surfaces_are_located() -> None:
    """quantulum3 gives surfaces, not offsets: they are found in the text, in order."""
    doc = load("quantities_small.jsonl")[0]
    assert doc.quantities is not None

    assert ["1,200 litres", "3 tonnes"] == [doc.text[q.start : q.end] for q in doc.quantities]  # type: ignore[misc]
    assert [1200.0, 3.0] == [q.value for q in doc.quantities]


def test_giveme5w1h_phrases_are_recall_only() -> None:
    """Coder phrases found in the text are gold for recall; phrases elsewhere are left out."""
    doc = load("giveme_small.jsonl")[0]

    assert ["in Croydon"] == [t.surface for t in doc.toponyms or ()]
    assert ["2016-11-09"] == [t.value for t in doc.times or ()]
    assert frozenset({"locations", "times", "actors"}) == doc.recall_only


def test_petrarch_codes_map_to_plover() -> None:
    """CAMEO root 19 is FIGHT; a no-event sentence expects no event."""
    fought, quiet = load("petrarch_small.jsonl")

    assert frozenset({"FIGHT"}) == fought.event.plover_types  # type: ignore[union-attr]
    assert False is quiet.event.expect_event  # type: ignore[union-attr]


def test_generic_shape_spans_by_text_and_occurrence() -> None:
    """The hand-writable shape takes spans as offsets or as text (first occurrence unless told)."""
    record = {
        "text": "Kyiv and Kyiv again",
        "locations": [{"text": "Kyiv"}, {"text": "Kyiv", "occurrence": 2}, {"start": 0, "end": 4}],
    }
    doc = to_gold(record)

    assert [(0, 4), (9, 13), (0, 4)] == [(t.start, t.end) for t in doc.toponyms or ()]


@pytest.mark.parametrize(
    ("lines", "message"),
    [
        (['{"text": "x", "events": []}', "{not json"], "line 2: not valid JSON"),
        (["[1, 2]"], "expected a JSON object"),
        (['{"text": "x", "colour": "blue"}'], "cannot tell the gold shape"),
        (['{"text": "abc", "locations": [{"start": 1, "end": 9}]}'], "lies outside the text"),
        (['{"text": "abc", "locations": [{"text": "zzz"}]}'], "does not occur"),
        (['{"toponyms": []}'], "no 'text' string"),
    ],
    ids=["bad-json", "not-object", "unknown-shape", "span-outside", "text-missing", "no-text"],
)
def test_bad_gold_is_reported(lines: list[str], message: str) -> None:
    """A malformed gold file raises GoldFormatError naming the line or record."""
    with pytest.raises(GoldFormatError, match=message):
        read_gold(lines)


def test_limit_and_blank_lines() -> None:
    """--limit keeps the first records; blank lines are skipped."""
    lines = ['{"text": "a", "times": []}', "", '{"text": "b", "times": []}', '{"text": "c", "times": []}']

    assert ["a", "b"] == [d.text for d in read_gold(lines, limit=2)]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Military Forces of Russia (2000-)", ("state_forces", "RU")),
        ("Police Forces of the Philippines (2016-)", ("state_forces", "PH")),
        ("Protesters (Democratic Republic of Congo)", ("protesters", "CD")),
        ("Rioters (India)", ("rioters", "IN")),
        ("Civilians (Ukraine)", ("civilians", "UA")),
        ("Fulani Ethnic Militia (Nigeria)", ("identity_militia", "NG")),
        ("Unidentified Armed Group (Mexico)", ("political_militia", "MX")),
        ("Military Forces of Yemen (2016-) Supreme Political Council", ("state_forces", "YE")),
        ("Islamic State (West Africa)", ("rebel_group", None)),
        ("Some Unknown Club", (None, None)),
    ],
    ids=lambda v: v if isinstance(v, str) else None,
)
def test_normalise_acled_actor(name: str, expected: tuple[str | None, str | None]) -> None:
    """ACLED actor names read as a kind (name table) and a country (country table)."""
    assert expected == normalise_acled_actor(name)


def test_inter_code_wins_over_the_name(monkeypatch: pytest.MonkeyPatch) -> None:
    """The record's inter code is the kind; the name still gives the country."""
    monkeypatch.setattr(acled_actors, "_parser_normaliser", lambda: None)
    acled_actors.acled_actor.cache_clear()

    assert ("external_forces", "TR") == acled_actors.acled_actor("Military Forces of Turkey (2016-)", 8)
    assert ("rebel_group", None) == acled_actors.acled_actor("NAF: United Armed Forces of Novorossiya", 2)
    acled_actors.acled_actor.cache_clear()


def test_the_actors_parser_normaliser_is_used_when_present(monkeypatch: pytest.MonkeyPatch) -> None:
    """When the actors parser reads ACLED names, its country wins and its kind fills a missing inter code."""
    monkeypatch.setattr(acled_actors, "_parser_normaliser", lambda: lambda name: ("rebel_group", "UA"))
    acled_actors.acled_actor.cache_clear()

    assert ("rebel_group", "UA") == acled_actors.acled_actor("NAF: United Armed Forces of Novorossiya", None)
    assert ("state_forces", "UA") == acled_actors.acled_actor("Military Forces of Russia (2000-)", 1)
    acled_actors.acled_actor.cache_clear()


def test_country_and_cameo_tables() -> None:
    """Country names ignore case and a leading "the"; CAMEO roots map to PLOVER types."""
    assert "GB" == country_code("the United Kingdom")
    assert "CI" == country_code("ivory coast")
    assert "FIGHT" == cameo_to_plover("190")
    assert cameo_to_plover("010") is None


def test_line_separators_inside_strings(tmp_path: pathlib.Path) -> None:
    """U+2028 inside a JSON string (written raw, as ensure_ascii=False does) does not split the record."""
    path = tmp_path / "g.jsonl"
    path.write_text(json.dumps({"text": "a\u2028b", "times": []}, ensure_ascii=False) + "\n", encoding="utf-8")

    assert 0 == main(["evaluate", str(path), "--format", "json"], out=io.StringIO())
