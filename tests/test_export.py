"""Exports from the typed model: ACLED-style CSV rows and PLOVER-style JSON Lines records."""

from __future__ import annotations

import csv
import datetime
import io
import json
from typing import Any

import pytest
from hypothesis import given

import conflictnews as cn
from conflictnews import export
from conflictnews.export import plover as plover_module
from conflictnews.model import (
    AcledCoding,
    Actor,
    Document,
    Event,
    Fatalities,
    Location,
    Modality,
    PloverCoding,
    PrecisionCodes,
    Quantity,
    Report,
    Span,
    TimeExpression,
)
from conflictnews.testing.strategies import reports

TEXT = "On 13 March 2025, Russian forces shelled Sudzha in Russia, killing 3 civilians. Talks may follow."
#       0         1         2         3         4         5         6         7         8         9


def _span(surface: str, start: int = 0) -> Span:
    i = TEXT.index(surface, start)
    return Span(start=i, end=i + len(surface))


def _report(**event_changes: Any) -> Report:
    """A hand-built report of the first sentence: one shelling event with every link filled."""
    doc = Document(
        text=TEXT, published=datetime.date(2025, 3, 16), source="Reuters", url="https://example.org/a", id="doc1"
    )
    actors = (
        Actor(id="a1", name="Russian forces", kind="state_forces", country="RU", mentions=(_span("Russian forces"),)),
        Actor(id="a2", name="civilians", kind="civilians", mentions=(_span("civilians"),)),
        Actor(id="a3", name="Russia", kind="government", country="RU", mentions=(_span("Russia"),)),
    )
    locations = (
        Location(
            id="l1",
            name="Sudzha",
            kind="place",
            country="RU",
            admin1="Kursk",
            latitude=51.19,
            longitude=35.27,
            geonames_id=488886,
            mentions=(_span("Sudzha"),),
        ),
        Location(id="l2", name="Russia", kind="country", country="RU", mentions=(_span("Russia"),)),
    )
    times = (
        TimeExpression(
            id="t1",
            text="13 March 2025",
            span=_span("13 March 2025"),
            start=datetime.date(2025, 3, 13),
            end=datetime.date(2025, 3, 13),
            precision="day",
        ),
    )
    quantities = (Quantity(id="q1", text="3", span=_span("3 civilians"), value=3.0, kind="killed"),)
    event = Event(
        id="e1",
        text="shelled",
        trigger=_span("shelled"),
        sentence=_span(TEXT[: TEXT.index("Talks") - 1]),
        acled=AcledCoding(event_type="Explosions/Remote violence", sub_event_type="Shelling/artillery/missile attack"),
        agents=("a1",),
        targets=("a2",),
        location="l1",
        time="t1",
        fatalities=Fatalities(best=3, low=3, high=3, quantities=("q1",)),
        precision=PrecisionCodes(acled_time=1, acled_geo=1, date_stated=True),
        rule="events/shelled-verb",
    )
    events = [cn.Event(**{**_fields(event), **event_changes})]
    return Report(document=doc, actors=actors, locations=locations, times=times, quantities=quantities, events=events)


def _fields(item: Any) -> dict[str, Any]:
    import attrs

    return {a.name: getattr(item, a.name) for a in attrs.fields(type(item))}


EXPECTED_COLUMNS = [
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
]


def test_acled_columns_are_acleds_31_in_order() -> None:
    """The header is ACLED's 2023+ export header, column for column."""
    assert EXPECTED_COLUMNS == list(export.ACLED_COLUMNS)
    assert 31 == len(set(export.ACLED_COLUMNS))


def test_acled_row_of_a_fully_linked_event() -> None:
    """Every column we can know is filled from the linked items; the rest stay empty."""
    expected = {
        "event_id_cnty": "doc1:e1",
        "event_date": "2025-03-13",
        "year": 2025,
        "time_precision": 1,
        "disorder_type": "Political violence",
        "event_type": "Explosions/Remote violence",
        "sub_event_type": "Shelling/artillery/missile attack",
        "actor1": "Russian forces",
        "assoc_actor_1": "",
        "inter1": 1,
        "actor2": "civilians",
        "assoc_actor_2": "",
        "inter2": 7,
        "interaction": 17,
        "civilian_targeting": "Civilian targeting",
        "iso": "",
        "region": "",
        "country": "Russia",
        "admin1": "Kursk",
        "admin2": "",
        "admin3": "",
        "location": "Sudzha",
        "latitude": 51.19,
        "longitude": 35.27,
        "geo_precision": 1,
        "source": "Reuters",
        "source_scale": "",
        "notes": "On 13 March 2025, Russian forces shelled Sudzha in Russia, killing 3 civilians.",
        "fatalities": 3,
        "tags": "",
        "timestamp": "",
    }

    actual = export.acled_rows(_report())

    assert [expected] == actual


@pytest.mark.parametrize(
    ("changes", "column", "expected"),
    [
        pytest.param({"acled": None}, None, 0, id="no-acled-coding-no-row"),
        pytest.param({"modality": Modality.NEGATED}, None, 0, id="negated-event-left-out"),
        pytest.param({"modality": Modality.PLANNED}, None, 0, id="planned-event-left-out"),
        pytest.param({"modality": Modality.CLAIMED}, None, 1, id="claimed-event-kept"),
        pytest.param({"time": None}, "event_date", "2025-03-16", id="no-time-falls-back-to-published"),
        pytest.param({"time": None, "precision": PrecisionCodes()}, "time_precision", "", id="unknown-precision-empty"),
        pytest.param({"fatalities": None}, "fatalities", 0, id="no-fatalities-is-zero-as-in-acled"),
        pytest.param({"targets": ()}, "interaction", 10, id="one-sided-interaction"),
        pytest.param({"targets": ()}, "civilian_targeting", "", id="no-civilian-target"),
        pytest.param({"targets": ("a3",)}, "interaction", "", id="target-of-unknown-type-no-interaction"),
        pytest.param({"agents": ("a1", "a2")}, "assoc_actor_1", "civilians", id="second-agent-is-associated"),
        pytest.param({"location": "l2"}, "location", "Russia", id="country-level-location"),
        pytest.param(
            {"location": "l2", "precision": PrecisionCodes()}, "geo_precision", 3, id="country-geo-precision-3"
        ),
        pytest.param({"sentence": None}, "notes", "shelled", id="no-sentence-notes-is-trigger"),
        pytest.param(
            {"acled": AcledCoding(event_type="Protests", sub_event_type="Excessive force against protesters")},
            "disorder_type",
            "Political violence; Demonstrations",
            id="excessive-force-is-both-disorders",
        ),
        pytest.param(
            {"acled": AcledCoding(event_type="Riots", sub_event_type="Violent demonstration")},
            "disorder_type",
            "Demonstrations",
            id="violent-demonstration-is-a-demonstration",
        ),
        pytest.param(
            {"acled": AcledCoding(event_type="Battles", sub_event_type="Armed clash", inter1=2, inter2=1)},
            "interaction",
            12,
            id="coded-inter-lowest-first",
        ),
    ],
)
def test_acled_row_cases(changes: dict[str, Any], column: str | None, expected: Any) -> None:
    """Rows follow ACLED's conventions for what the event links (or lacks)."""
    rows = export.acled_rows(_report(**changes))

    if column is None:
        assert expected == len(rows)
    else:
        assert expected == rows[0][column]


def test_unrealized_events_can_be_included() -> None:
    assert 1 == len(export.acled_rows(_report(modality=Modality.HYPOTHETICAL), include_unrealized=True))


@pytest.mark.parametrize(
    ("text", "actor1", "inter1"),
    [
        ("On 3 May 2020, a man was shot dead in Culiacan, Sinaloa.", "Unidentified Armed Group (Mexico)", 3),
        ("On 3 May 2020, an IED exploded near a market in Mogadishu.", "Unidentified Armed Group (Somalia)", 3),
        ("On 3 May 2020, police arrested two men in Kabul.", "Afghan police", 1),
    ],
    ids=["shooting", "explosion", "named-actor"],
)
def test_an_actor_the_text_does_not_name_is_coded_as_acled_does(text: str, actor1: str, inter1: int) -> None:
    """A violent event with no named perpetrator gets ACLED's "Unidentified Armed Group (<country>)", tagged."""
    (row,) = export.acled_rows(cn.parse(text))
    assert (actor1, inter1) == (row["actor1"], row["inter1"])
    assert ("actor1 not named in the text" in row["tags"]) == actor1.startswith("Unidentified")


@pytest.mark.parametrize(
    ("text", "actor2", "assoc", "tagged"),
    [
        ("On 3 May 2020, police beat a journalist in Lahore.", "Civilians (Pakistan)", "", True),
        ("On 3 May 2020, soldiers killed three civilians in Gao, Mali.", "Malian civilians", "", False),
    ],
    ids=["victim-not-an-actor", "civilians-named"],
)
def test_violence_against_civilians_always_has_civilians_as_actor2(
    text: str, actor2: str, assoc: str, tagged: bool
) -> None:
    """ACLED's codebook: civilians are actor2 of every attack on civilians, named or not (inter 7, tagged when not)."""
    (row,) = export.acled_rows(cn.parse(text))

    assert ("Violence against civilians", actor2, assoc) == (row["event_type"], row["actor2"], row["assoc_actor_2"])
    assert (7, 17, "Civilian targeting") == (row["inter2"], row["interaction"], row["civilian_targeting"])
    assert ("actor2 not named in the text" in row["tags"]) == tagged


def test_a_non_civilian_target_of_violence_against_civilians_becomes_an_associated_actor() -> None:
    """The targets the parser found stay in ``assoc_actor_2`` behind ACLED's "Civilians (<country>)"."""
    vac = AcledCoding(event_type="Violence against civilians", sub_event_type="Attack")
    report = _report(targets=("a1",), acled=vac)

    (row,) = export.acled_rows(report)

    assert ("Civilians (Russia)", report.actors[0].name, 7) == (row["actor2"], row["assoc_actor_2"], row["inter2"])


def test_period_dates_use_the_middle_and_a_coarser_precision() -> None:
    """A week-long period is dated to its middle with ACLED time precision 2, as ACLED does."""
    report = _report(precision=PrecisionCodes())
    week = TimeExpression(
        id="t1",
        text="13 March 2025",
        span=report.times[0].span,
        start=datetime.date(2025, 3, 10),
        end=datetime.date(2025, 3, 16),
        precision="week",
    )
    import attrs

    row = export.acled_rows(attrs.evolve(report, times=(week,)))[0]

    assert ("2025-03-13", 2) == (row["event_date"], row["time_precision"])


def test_write_acled_csv_streams_many_reports() -> None:
    """One header, then the rows of every report in order; it reads back with the csv module."""
    out = io.StringIO()
    report2 = _report()
    import attrs

    report2 = attrs.evolve(report2, document=attrs.evolve(report2.document, id="doc2"))

    n = export.write_acled_csv(iter([_report(), report2]), out)

    rows = list(csv.DictReader(io.StringIO(out.getvalue(), newline="")))
    assert 2 == n
    assert ["doc1:e1", "doc2:e1"] == [r["event_id_cnty"] for r in rows]
    assert EXPECTED_COLUMNS == list(rows[0])
    assert "Sudzha" == rows[0]["location"]


def test_plover_record_of_a_plover_coded_event() -> None:
    """PLOVER's JSON field names: source/recipient actor lists, event, mode, context, event_loc, dead."""
    report = _report(
        plover=PloverCoding(event_type="ASSAULT", mode="heavy-weapons", context=("military",)),
        modality=Modality.CLAIMED,
    )

    (record,) = export.plover_records(report)

    assert "doc1:e1" == record["id"]
    assert ("2025-03-13", None) == (record["date"], record["enddate"])
    assert [("Russian forces", "MIL", "RU")] == [
        (a["actor_text"], a["sector"], a["country_code"]) for a in record["source"]
    ]
    assert [("civilians", "CVL")] == [(a["actor_text"], a["sector"]) for a in record["recipient"]]
    assert ("ASSAULT", "heavy-weapons", ["military"]) == (record["event"], record["mode"], record["context"])
    loc = record["event_loc"]
    assert ("Sudzha", "place", 488886, "RU") == (loc["name"], loc["resolution"], loc["geonameid"], loc["country_code"])
    assert 3 == record["dead"]
    assert TEXT[: TEXT.index(" Talks")] == record["text"]
    assert ("plover", "claimed") == (record["coding"], record["modality"])
    assert "Reuters" == record["cite_info"]["publication"]


@pytest.mark.parametrize(
    ("modality", "context"),
    [
        pytest.param(Modality.PLANNED, ["future"], id="planned-is-future"),
        pytest.param(Modality.HYPOTHETICAL, ["hypothetical"], id="hypothetical"),
        pytest.param(Modality.NEGATED, ["negation"], id="negated"),
        pytest.param(Modality.REPORTED, [], id="reported-adds-nothing"),
    ],
)
def test_plover_context_says_whether_it_happened(modality: Modality, context: list[str]) -> None:
    report = _report(plover=PloverCoding(event_type="ASSAULT"), modality=modality)

    assert context == export.plover_records(report)[0]["context"]


def test_acled_only_event_is_mapped_to_plover(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without a PLOVER coding, the ACLED coding is mapped through the events class table."""
    table = {("Explosions/Remote violence", "Shelling/artillery/missile attack"): ("ASSAULT", "heavy-weapons")}
    monkeypatch.setattr(plover_module, "_acled_to_plover", lambda: table)

    (record,) = export.plover_records(_report())

    assert ("ASSAULT", "heavy-weapons", "acled") == (record["event"], record["mode"], record["coding"])
    assert {"event_type": "Explosions/Remote violence", "sub_event_type": "Shelling/artillery/missile attack"} == (
        record["acled"]
    )


def test_unmappable_event_has_no_plover_record(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(plover_module, "_acled_to_plover", dict)

    assert [] == export.plover_records(_report())


def test_write_plover_jsonl_one_line_per_record() -> None:
    out = io.StringIO()
    report = _report(plover=PloverCoding(event_type="ASSAULT"))

    n = export.write_plover_jsonl([report, report], out)

    lines = out.getvalue().split("\n")[:-1]
    assert 2 == n == len(lines)
    assert ["doc1:e1", "doc1:e1"] == [json.loads(line)["id"] for line in lines]


@given(reports())
def test_acled_rows_of_any_report(report: Report) -> None:
    """Any report exports: one full row per realized ACLED-coded event, and the CSV reads back."""
    realized = [
        e
        for e in report.events
        if e.acled is not None and e.modality not in (Modality.NEGATED, Modality.HYPOTHETICAL, Modality.PLANNED)
    ]
    out = io.StringIO()

    rows = export.acled_rows(report)
    export.write_acled_csv(report, out)

    assert len(realized) == len(rows)
    assert all(EXPECTED_COLUMNS == list(row) for row in rows)
    assert [e.id for e in realized] == [r["event_id_cnty"].rpartition(":")[2] for r in rows]
    assert [{k: str(v) for k, v in row.items()} for row in rows] == list(
        csv.DictReader(io.StringIO(out.getvalue(), newline=""))
    )


@given(reports())
def test_plover_records_of_any_report(report: Report) -> None:
    """Any report exports to JSON-serialisable PLOVER records, at most one per event, in event order."""
    out = io.StringIO()

    records = export.plover_records(report)
    export.write_plover_jsonl(report, out)

    assert len(records) <= len(report.events)
    assert [json.loads(line) for line in out.getvalue().split("\n")[:-1]] == json.loads(json.dumps(records))
    assert all(r["event"] for r in records)
    event_order = [e.id for e in report.events]
    assert [r["event_id"] for r in records] == [i for i in event_order if i in {r["event_id"] for r in records}]


def test_parse_command_writes_acled_csv_and_plover_jsonl(capsys: pytest.CaptureFixture[str], tmp_path: Any) -> None:
    """`conflictnews parse --format acled-csv|plover-jsonl` goes through these exporters."""
    from conflictnews.cli import main

    article = tmp_path / "a.txt"
    article.write_text(TEXT, encoding="utf-8")
    csv_out, jsonl_out = io.StringIO(), io.StringIO()

    assert 0 == main(["parse", str(article), "--format", "acled-csv"], out=csv_out)
    assert 0 == main(["parse", str(article), "--format", "plover-jsonl"], out=jsonl_out)

    assert ",".join(EXPECTED_COLUMNS) == csv_out.getvalue().splitlines()[0]
    assert all(isinstance(json.loads(line), dict) for line in jsonl_out.getvalue().splitlines())


# -- CAMEO/GDELT-style TSV ------------------------------------------------------------------------


def test_cameo_row_of_the_hand_built_report() -> None:
    """The shelling gets CAMEO 194 with its root, QuadClass 4 and Goldstein value; actors in CAMEO's terms."""
    (row,) = export.cameo_rows(_report())

    assert ("doc1:e1", "20250313", 1) == (row["GLOBALEVENTID"], row["SQLDATE"], row["DateStated"])
    assert ("194", "194", "19", 4, -10.0) == (
        row["EventCode"],
        row["EventBaseCode"],
        row["EventRootCode"],
        row["QuadClass"],
        row["GoldsteinScale"],
    )
    assert ("Russian forces", "RUS", "MIL") == (row["Actor1Name"], row["Actor1CountryCode"], row["Actor1Type1Code"])
    assert ("civilians", "", "CVL") == (row["Actor2Name"], row["Actor2CountryCode"], row["Actor2Type1Code"])
    assert (4, "Sudzha, Kursk", "RU", 488886) == (
        row["ActionGeo_Type"],
        row["ActionGeo_FullName"],
        row["ActionGeo_CountryCode"],
        row["ActionGeo_FeatureID"],
    )
    assert ("https://example.org/a", "asserted", 1) == (row["SOURCEURL"], row["Modality"], row["IsRootEvent"])


@pytest.mark.parametrize(
    ("acled", "plover", "code"),
    [
        (None, PloverCoding(event_type="RETREAT", mode="withdraw"), "0874"),  # type and mode
        (None, PloverCoding(event_type="RETREAT"), "087"),  # the type alone
        (None, PloverCoding(event_type="CONSULT", mode="phone"), "041"),
        (None, PloverCoding(event_type="CONSULT", mode="multilateral"), "040"),  # an unmapped mode: the type's code
        (AcledCoding(event_type="Strategic developments", sub_event_type="Other"), None, None),  # no CAMEO code
        (
            AcledCoding(event_type="Battles", sub_event_type="Armed clash"),
            PloverCoding(event_type="ASSAULT", mode="aerial"),
            "190",
        ),  # ACLED decides first
    ],
)
def test_cameo_code(acled: AcledCoding | None, plover: PloverCoding | None, code: str | None) -> None:
    """An ACLED sub-event type maps first, then a PLOVER type with its mode, then the type alone."""
    event = _report(acled=acled, plover=plover).events[0]

    assert code == export.cameo_code(event)


def test_cameo_rows_leave_out_unrealized_events_unless_asked() -> None:
    report = _report(modality=Modality.PLANNED)

    assert ([], 1) == (export.cameo_rows(report), len(export.cameo_rows(report, include_unrealized=True)))


def test_cameo_tsv_from_the_command_line(capsys: pytest.CaptureFixture[str], tmp_path: Any) -> None:
    """`conflictnews parse --format cameo-tsv`: a header line, then one line of 24 fields per event."""
    from conflictnews.cli import main

    article = tmp_path / "a.txt"
    article.write_text(TEXT, encoding="utf-8")
    out = io.StringIO()

    assert 0 == main(["parse", str(article), "--format", "cameo-tsv"], out=out)

    header, *lines = out.getvalue().splitlines()
    assert header.split("\t") == list(export.CAMEO_COLUMNS)
    assert lines
    assert all(len(line.split("\t")) == len(export.CAMEO_COLUMNS) for line in lines)


@given(reports())
def test_cameo_rows_of_any_report(report: Report) -> None:
    """Any report exports: at most one row per event, every field on one line, codes from the CAMEO table."""
    out = io.StringIO()

    n = export.write_cameo_tsv(report, out, header=False)
    rows = export.cameo_rows(report)

    assert n == len(rows) <= len(report.events)
    assert len(out.getvalue().splitlines()) == n
    assert all(len(line.split("\t")) == len(export.CAMEO_COLUMNS) for line in out.getvalue().splitlines())
    assert all(r["EventCode"][:2] == r["EventRootCode"] and 1 <= r["QuadClass"] <= 4 for r in rows)


def test_every_cameo_code_of_the_mapping_has_a_name_and_goldstein_value() -> None:
    """The mapping table names only codes the code table knows, so no row goes out without its Goldstein value."""
    from conflictnews.lexicons import load_table

    known = {row[0] for row in load_table("export/cameo_codes")}
    mapped = {row[3] for row in load_table("export/cameo")}

    assert mapped <= known
