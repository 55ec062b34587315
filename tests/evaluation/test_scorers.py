"""Scorers on hand-made predictions: right answers score 1, wrong ones lower the score."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conflictnews.evaluation.gold import (
    GoldActor,
    GoldAttribution,
    GoldDocument,
    GoldEvent,
    GoldMention,
    GoldQuantity,
    GoldTime,
    GoldToponym,
)
from conflictnews.evaluation.scorers import (
    Options,
    admin1_key,
    score_actors,
    score_events,
    score_locations,
    score_quantities,
    score_quotes,
    score_times,
)
from tests.evaluation.conftest import load

# --------------------------------------------------------------------------- predictions written by hand


def sp(start: int, end: int) -> dict[str, int]:
    return {"start": start, "end": end}


def event_report(
    *,
    event_type: str = "Battles",
    sub: str = "Armed clash",
    date: str | None = "2025-03-12",
    fatalities: int | None = 3,
    lat: float | None = 48.2822,
    lon: float | None = 37.1754,
    admin1: str | None = "Donetsk Oblast",
    agents: tuple[tuple[str, str | None], ...] = (("state_forces", "UA"),),
    targets: tuple[tuple[str, str | None], ...] = (("state_forces", "RU"),),
    modality: str = "asserted",
) -> dict[str, Any]:
    actors = [
        {"id": f"a{i}", "name": f"actor {i}", "kind": k, "country": c, "mentions": [sp(0, 2)]}
        for i, (k, c) in enumerate((*agents, *targets), 1)
    ]
    return {
        "actors": actors,
        "locations": [
            {"id": "l1", "name": "Pokrovsk", "kind": "place", "admin1": admin1, "latitude": lat, "longitude": lon}
        ],
        "times": [{"id": "t1", "text": "x", "span": sp(0, 1), "start": date, "end": date}],
        "events": [
            {
                "id": "e1",
                "acled": {"event_type": event_type, "sub_event_type": sub},
                "plover": {"event_type": "FIGHT"},
                "agents": [a["id"] for a in actors[: len(agents)]],
                "targets": [a["id"] for a in actors[len(agents) :]],
                "location": "l1",
                "time": "t1",
                "fatalities": None
                if fatalities is None
                else {"best": fatalities, "low": fatalities, "high": fatalities},
                "modality": modality,
            }
        ],
    }


BATTLE = load("events_small.jsonl")[2]  # Battles / Armed clash, 2025-03-12, Pokrovsk, 3 dead, UA vs RU


def events_metrics(pred: dict[str, Any], options: Options | None = None) -> dict[str, Any]:
    return score_events([BATTLE], [pred], options).metrics


def test_a_right_event_scores_one() -> None:
    """Type, sub-type, date, fatalities, place and admin1 all right: every share is 1."""
    m = events_metrics(event_report())

    assert 1.0 == m["event_found"] == m["event_type_accuracy"] == m["sub_event_type_accuracy"]
    assert 1.0 == m["date_exact"] == m["fatalities_exact"] == m["location_within_25km"] == m["admin1_match"]


@pytest.mark.parametrize(
    ("change", "metric"),
    [
        ({"event_type": "Riots"}, "event_type_accuracy"),
        ({"sub": "Government regains territory"}, "sub_event_type_accuracy"),
        ({"date": "2025-03-11"}, "date_exact"),
        ({"date": None}, "date_exact"),
        ({"fatalities": 2}, "fatalities_exact"),
        ({"fatalities": None}, "fatalities_exact"),  # no fatalities read means 0, and 3 died
        ({"lat": 50.45, "lon": 30.52}, "location_within_25km"),
        ({"lat": None, "lon": None}, "location_within_25km"),
        ({"admin1": "Luhansk"}, "admin1_match"),
    ],
    ids=["type", "sub-type", "date", "no-date", "fatalities", "no-fatalities", "far", "no-coordinates", "admin1"],
)
def test_a_wrong_field_lowers_its_score(change: dict[str, Any], metric: str) -> None:
    """Each wrong field gives 0 on its own metric and leaves the others at 1."""
    m = events_metrics(event_report(**change))

    assert 0.0 == m[metric]
    assert 1.0 == m["event_found"]


def test_no_event_counts_as_wrong_everywhere() -> None:
    """A note whose parse yields no event is wrong on every field, not skipped."""
    res = score_events([BATTLE], [{"events": []}])

    assert 0.0 == res.metrics["event_found"] == res.metrics["event_type_accuracy"] == res.metrics["date_exact"]
    assert (0, 1) == res.counts["event_type_accuracy"]
    assert {"Battles": {"(none)": 1}} == res.tables["event_type_confusion"]


def test_km_tolerance_is_an_option() -> None:
    """A place 60 km off is wrong at 25 km and right at 100 km."""
    pred = event_report(lat=48.2822 + 0.54, lon=37.1754)  # about 60 km north

    assert 0.0 == events_metrics(pred)["location_within_25km"]
    assert 1.0 == events_metrics(pred, Options(km=100))["location_within_100km"]


def test_main_event_skips_negated_events() -> None:
    """A negated first event is passed over for a later asserted one."""
    pred = event_report()
    wrong = dict(pred["events"][0], id="e0", acled={"event_type": "Riots", "sub_event_type": "Mob violence"})
    pred["events"] = [dict(wrong, modality="negated"), pred["events"][0]]
    assert 1.0 == events_metrics(pred)["event_type_accuracy"]

    pred["events"] = [dict(wrong, modality="asserted"), pred["events"][1]]
    assert 0.0 == events_metrics(pred)["event_type_accuracy"]


def test_ucdp_date_ranges_and_plover() -> None:
    """A date inside a gold range overlaps it; PLOVER types are compared case-insensitively."""
    gold = GoldDocument(
        id="r",
        dataset="d",
        text="x",
        event=GoldEvent(
            date=datetime.date(2015, 2, 15), date_end=datetime.date(2015, 2, 17), plover_types=frozenset({"FIGHT"})
        ),
    )
    pred = event_report(date="2015-02-16")
    pred["events"][0]["acled"] = None
    pred["events"][0]["plover"] = {"event_type": "fight"}
    m = score_events([gold], [pred]).metrics

    assert (0.0, 1.0, 1.0) == (m["date_exact"], m["date_overlap"], m["plover_type_accuracy"])


def test_expected_no_event() -> None:
    """A record expecting no event is right with no event and wrong with one."""
    gold = GoldDocument(id="r", dataset="d", text="x", event=GoldEvent(expect_event=False))

    assert 1.0 == score_events([gold], [{}]).metrics["no_event_correct"]
    assert 0.0 == score_events([gold], [event_report()]).metrics["no_event_correct"]


def test_events_empty_gold_and_length_mismatch() -> None:
    """No gold records give no metrics; predictions must pair with gold records."""
    assert {} == score_events([], []).metrics
    with pytest.raises(ValueError, match="1 gold records but 0 predictions"):
        score_events([BATTLE], [])


@pytest.mark.parametrize(
    ("name", "key"),
    [("Donetsk Oblast", "donetsk"), ("Kiev Special Republican city", "kiev"), ("Zaporiz'ka", "zaporizka")],
)
def test_admin1_key(name: str, key: str) -> None:
    """Admin1 names compare without case, accents or words such as "oblast"."""
    assert key == admin1_key(name)


# --------------------------------------------------------------------------- actors


def test_actor_match_by_kind_and_country() -> None:
    """Actor1 is found among the agents, actor2 among the targets; external and state forces are alike."""
    right = score_actors([BATTLE], [event_report()]).metrics
    swapped = score_actors([BATTLE], [event_report(agents=(("state_forces", "RU"),), targets=(("civilians", "UA"),))])

    assert (1.0, 1.0) == (right["actor1_match"], right["actor2_match"])
    assert (0.0, 0.0) == (swapped.metrics["actor1_match"], swapped.metrics["actor2_match"])


def test_actor_match_falls_back_to_report_actors() -> None:
    """With no agents or targets (or no event), any actor of the report may match."""
    pred = event_report(agents=(), targets=())
    pred["actors"] = [{"id": "a1", "name": "x", "kind": "state_forces", "country": "UA"}]
    pred["events"] = []

    m = score_actors([BATTLE], [pred]).metrics

    assert (1.0, 0.0) == (m["actor1_match"], m["actor2_match"])


def _one_event(event_type: str, **actors: GoldActor) -> GoldDocument:
    """A gold document of one event of *event_type* with the gold *actors* (actor1=, actor2=)."""
    return GoldDocument(id="x", dataset="d", text="x", event=GoldEvent(event_type=event_type, **actors))


@pytest.mark.parametrize(
    ("event_type", "country", "agents", "matched"),
    [
        ("Violence against civilians", "MX", (), 1.0),  # ACLED's "Unidentified Armed Group (Mexico)"
        ("Violence against civilians", "GT", (), 0.0),  # the event's place is in another country
        ("Violence against civilians", None, (), 0.0),  # no country: no unnamed actor
        ("Strategic developments", "MX", (), 0.0),  # ACLED names no unidentified actor for these
        ("Violence against civilians", "MX", (("state_forces", "MX"),), 0.0),  # the text names the actor
    ],
)
def test_unnamed_actor1(event_type: str, country: str | None, agents: Any, matched: float) -> None:
    """An event with no agent matches ACLED's actor for unnamed perpetrators in the event's country."""
    gold = _one_event(event_type, actor1=GoldActor(kind="political_militia", country="MX"))
    pred = event_report(event_type=event_type, sub="Attack", agents=agents, targets=(("civilians", "MX"),))
    pred["locations"][0]["country"] = country

    assert matched == score_actors([gold], [pred]).metrics["actor1_match"]


@pytest.mark.parametrize(
    ("event_type", "country", "targets", "matched"),
    [
        ("Violence against civilians", "MX", (), 1.0),  # the export's "Civilians (Mexico)"
        ("Violence against civilians", "MX", (("state_forces", "MX"),), 1.0),  # a non-civilian target: still
        ("Violence against civilians", "GT", (), 0.0),  # the event's place is in another country
        ("Violence against civilians", None, (), 0.0),  # no country: no such actor
        ("Violence against civilians", "MX", (("civilians", "GT"),), 0.0),  # a civilian target is actor2
        ("Battles", "MX", (), 0.0),  # the codebook's rule is for violence against civilians only
    ],
)
def test_civilians_actor2(event_type: str, country: str | None, targets: Any, matched: float) -> None:
    """Violence against civilians matches ACLED's civilian actor2 of its country when no target is a civilian."""
    gold = _one_event(event_type, actor2=GoldActor(kind="civilians", country="MX"))
    pred = event_report(event_type=event_type, sub="Attack", agents=(("political_militia", "MX"),), targets=targets)
    pred["locations"][0]["country"] = country

    assert matched == score_actors([gold], [pred]).metrics["actor2_match"]


def test_actor_mentions() -> None:
    """Actor mentions match by span, then kind and country are checked; a duplicate is a false positive."""
    gold = GoldDocument(
        id="r",
        dataset="d",
        text="Russian troops and Ukraine's army",
        mentions=(GoldMention(start=0, end=14, kind="state_forces", country="RU"), GoldMention(start=19, end=33)),
    )
    pred = {
        "actors": [
            {"id": "a1", "kind": "state_forces", "country": "UA", "mentions": [sp(0, 14), sp(0, 14)]},
        ]
    }
    m = score_actors([gold], [pred]).metrics

    assert (1, 2, 0.5, 0.5) == (
        m["mention_matched"],
        m["mention_predicted"],
        m["mention_precision"],
        m["mention_recall"],
    )
    assert (1.0, 0.0) == (m["kind_accuracy"], m["country_accuracy"])


# --------------------------------------------------------------------------- locations


GWN = load("toponyms_gwn_small.jsonl")[0]  # gold: Moscow, Kharkiv, Izium; ignored: Russians, Kyiv (in "Kyiv Post")


def places(doc: GoldDocument, *surfaces: str, coords: tuple[float, float] | None = None) -> dict[str, Any]:
    locs = []
    for i, s in enumerate(surfaces, 1):
        start = doc.text.find(s)
        gold = next((t for t in doc.toponyms or () if t.surface == s), None)
        lat, lon = coords if coords else ((gold.latitude, gold.longitude) if gold else (None, None))
        locs.append(
            {"id": f"l{i}", "name": s, "latitude": lat, "longitude": lon, "mentions": [sp(start, start + len(s))]}
        )
    return {"locations": locs}


def test_toponyms_perfect() -> None:
    """Every gold toponym found at its place: P = R = 1, no error."""
    m = score_locations([GWN], [places(GWN, "Moscow", "Kharkiv", "Izium")]).metrics

    assert (1.0, 1.0, 1.0) == (m["precision"], m["recall"], m["f1"])
    assert (1.0, 1.0, 0.0, 0.0) == (m["accuracy_25km"], m["accuracy_161km"], m["mean_error_km"], m["auc_of_error"])


def test_toponyms_ignored_and_wrong() -> None:
    """A demonym is neither right nor wrong; a non-toponym is a false positive; a wrong place raises the error."""
    m = score_locations([GWN], [places(GWN, "Russians", "Kyiv Post", "Kharkiv")]).metrics

    assert (1, 2, 0.5) == (m["matched"], m["predicted"], m["precision"])  # Russians not counted
    far = score_locations([GWN], [places(GWN, "Kharkiv", coords=(50.45, 30.52))]).metrics  # resolved to Kyiv
    assert 0.0 == far["accuracy_161km"]
    assert far["mean_error_km"] > 400


def test_toponym_without_coordinates_gets_max_error() -> None:
    """A place found but not resolved counts as wrong at every distance and as the worst error in the AUC."""
    pred = places(GWN, "Kharkiv")
    pred["locations"][0].update(latitude=None, longitude=None)
    m = score_locations([GWN], [pred]).metrics

    assert (0.0, 1.0) == (m["accuracy_161km"], m["auc_of_error"])
    assert "mean_error_km" not in m


def test_toponyms_empty_cases() -> None:
    """No predictions: recall 0, precision undefined; empty gold: precision 0, recall undefined."""
    none = score_locations([GWN], [{}]).metrics
    empty_gold = GoldDocument(id="e", dataset="d", text="Kyiv", toponyms=())
    spurious = score_locations([empty_gold], [{"locations": [{"id": "l1", "mentions": [sp(0, 4)]}]}]).metrics

    assert (None, 0.0) == (none["precision"], none["recall"])
    assert (0.0, None, None) == (spurious["precision"], spurious["recall"], spurious["f1"])


def test_exact_matching_is_stricter() -> None:
    """ "Kharkiv region" for "Kharkiv" matches by overlap but not exactly."""
    doc = GoldDocument(id="x", dataset="d", text="in Kharkiv region", toponyms=(GoldToponym(start=3, end=10),))
    pred = {"locations": [{"id": "l1", "mentions": [sp(3, 17)]}]}

    assert 1.0 == score_locations([doc], [pred]).metrics["recall"]
    assert 0.0 == score_locations([doc], [pred], Options(match="exact")).metrics["recall"]


def test_recall_only_gold_reports_no_precision() -> None:
    """Coder phrases (Giveme5W1H) are incomplete gold: extra predictions are not false positives."""
    doc = load("giveme_small.jsonl")[0]
    pred = places(doc, "Croydon")
    pred["locations"].append({"id": "l9", "mentions": [sp(0, 1)]})
    m = score_locations([doc], [pred]).metrics

    assert 1.0 == m["recall"]
    assert "precision" not in m


# --------------------------------------------------------------------------- times and quantities

TIMEML = load("timeml_small.jsonl")[0]  # Tuesday 2025-03-11, three days P3D, March 2025-03, next week 2025-W12


def timexes(doc: GoldDocument, values: dict[str, str | None]) -> dict[str, Any]:
    out = []
    for i, (surface, value) in enumerate(values.items(), 1):
        start = doc.text.find(surface)
        out.append({"id": f"t{i}", "text": surface, "span": sp(start, start + len(surface)), "value": value})
    return {"times": out}


def test_times_values() -> None:
    """Span P/R/F1 and value accuracy; a wrong value lowers value accuracy, not span F1."""
    right = {"Tuesday": "2025-03-11", "three days": "P3D", "March": "2025-03", "next week": "2025-W12"}
    wrong = dict(right, Tuesday="2025-03-18")
    m1 = score_times([TIMEML], [timexes(TIMEML, right)]).metrics
    m2 = score_times([TIMEML], [timexes(TIMEML, wrong)]).metrics

    assert (1.0, 1.0, 1.0) == (m1["f1"], m1["value_accuracy"], m1["value_f1"])
    assert (1.0, 0.75) == (m2["f1"], m2["value_accuracy"])


def test_times_value_from_start_date() -> None:
    """A prediction without a value is compared through its start date when it is one day."""
    pred = timexes(TIMEML, {"Tuesday": None})
    pred["times"][0].update(start="2025-03-11", end="2025-03-11")

    assert 1.0 == score_times([TIMEML], [pred]).metrics["value_accuracy"]


def test_times_duplicates_lower_precision() -> None:
    """The same span predicted twice: one match, one false positive."""
    pred = timexes(TIMEML, {"Tuesday": "2025-03-11"})
    pred["times"].append(dict(pred["times"][0], id="t2"))
    m = score_times([TIMEML], [pred]).metrics

    assert (1, 2, 0.5, 0.25) == (m["matched"], m["predicted"], m["precision"], m["recall"])


QUANT = load("quantities_small.jsonl")  # "1,200 litres" = 1200, "3 tonnes" = 3; the second record is empty


def test_quantities_values_and_tolerance() -> None:
    """Values must be equal unless a relative tolerance is given; an empty gold record adds nothing."""
    text = QUANT[0].text
    pred = {"quantities": [{"id": "q1", "span": sp(text.find("1,200"), text.find("1,200") + 5), "value": 1210}]}
    strict = score_quantities(QUANT, [pred, {}]).metrics
    loose = score_quantities(QUANT, [pred, {}], Options(value_tolerance=0.01)).metrics

    assert (1.0, 0.5, 0.0) == (strict["precision"], strict["recall"], strict["value_accuracy"])
    assert 1.0 == loose["value_accuracy"]


def test_quantity_without_span_matches_by_value() -> None:
    """A gold quantity whose surface is not in the text pairs with any prediction of the same value."""
    doc = GoldDocument(
        id="x", dataset="d", text="two dozen", quantities=(GoldQuantity(start=None, end=None, value=24),)
    )
    pred = {"quantities": [{"id": "q1", "span": sp(0, 9), "value": 24}]}

    assert 1.0 == score_quantities([doc], [pred]).metrics["f1"]


# --------------------------------------------------------------------------- quotes

POLNEAR = load("polnear_small.jsonl")[0]


def find(doc: GoldDocument, s: str) -> dict[str, int]:
    i = doc.text.find(s)
    return sp(i, i + len(s))


def test_quotes_and_speakers() -> None:
    """Claims and quotes are matched to attributions by content; speakers by actor mention or by text."""
    pred = {
        "actors": [{"id": "a1", "name": "mayor", "kind": "person", "mentions": [find(POLNEAR, "mayor")]}],
        "claims": [
            {
                "id": "c1",
                "span": find(POLNEAR, "the bridge"),
                "content": find(POLNEAR, "the bridge would reopen soon"),
                "source": "a1",
            },
        ],
        "quotes": [
            {
                "id": "qt1",
                "text": "x",
                "span": find(POLNEAR, "We are working day and night"),
                "speaker_text": "engineer",
            },
            {
                "id": "qt2",
                "text": "x",
                "span": find(POLNEAR, "bridge would"),
                "speaker_text": "Critics",
            },  # merged into c1
        ],
    }
    m = score_quotes([POLNEAR], [pred]).metrics

    assert (2, 2, 1.0) == (m["matched"], m["predicted"], m["precision"])
    assert 1.0 == m["speaker_accuracy"]


def test_wrong_speaker_lowers_speaker_accuracy() -> None:
    """A quote attributed to someone else is matched but its speaker is wrong."""
    pred = {"quotes": [{"id": "qt1", "span": find(POLNEAR, "We are working"), "speaker_text": "The mayor"}]}
    m = score_quotes([POLNEAR], [pred]).metrics

    assert (1, 0.0) == (m["matched"], m["speaker_accuracy"])


def test_scare_quotes_are_not_attributions() -> None:
    """A scare quote (no speaker, a quoted term) is not counted as a prediction."""
    pred = {"quotes": [{"id": "qt1", "span": find(POLNEAR, "Critics"), "scare": True}]}

    assert 0 == score_quotes([POLNEAR], [pred]).metrics["predicted"]


def test_discontinuous_content_matches_through_its_hull() -> None:
    """Fragments of one attribution count as one gold item."""
    doc = GoldDocument(
        id="x",
        dataset="d",
        text="Peace, he said, is near.",
        attributions=(GoldAttribution(content=((0, 5), (16, 23)), source=((7, 9),), source_text="he"),),
    )
    pred = {"claims": [{"id": "c1", "content": sp(16, 23), "source_text": "he"}]}
    m = score_quotes([doc], [pred]).metrics

    assert (1.0, 1.0, 1.0) == (m["precision"], m["recall"], m["speaker_accuracy"])


def test_direct_and_speech_subsets_read_off_the_main_matching() -> None:
    """Quoted gold content and verbs of saying make the subsets; an attitude ("plans") is in neither."""
    text = '"We will hold," he said. She plans to leave. Officials believe the town fell.'
    doc = GoldDocument(
        id="x",
        dataset="d",
        text=text,
        attributions=(
            GoldAttribution(content=((1, 13),), source=((16, 18),), cue_text="said"),
            GoldAttribution(content=((35, 43),), source=((25, 28),), cue_text="plans"),
            GoldAttribution(content=((62, 76),), source=((45, 54),), cue_text="believe"),
        ),
    )
    pred = {
        "quotes": [{"id": "qt1", "span": sp(1, 13), "speaker_text": "he", "cue": "said"}],
        "claims": [
            {"id": "c1", "content": sp(62, 76), "source_text": "Officials", "cue": "believe"},
            {"id": "c2", "content": sp(25, 33), "source_text": "She", "cue": "said"},  # no such attribution
        ],
    }
    m = score_quotes([doc], [pred]).metrics

    assert (2, 3, 3) == (m["matched"], m["predicted"], m["gold"])
    assert (1.0, 1.0) == (m["direct_precision"], m["direct_recall"])
    assert (0.5, 1.0) == (m["speech_precision"], m["speech_recall"])


def test_report_objects_are_accepted() -> None:
    """A real Report scores like its JSON dict."""
    import conflictnews as cn

    report = cn.Report(
        document=cn.Document(text="on 13 March"),
        times=(cn.TimeExpression(id="t1", text="13 March", span=cn.Span(start=3, end=11), value="2025-03-13"),),
    )
    doc = GoldDocument(id="x", dataset="d", text="on 13 March", times=(GoldTime(start=3, end=11, value="2025-03-13"),))

    assert score_times([doc], [report]).metrics == score_times([doc], [cn.to_dict(report)]).metrics


def test_gold_actor_default_fits_any_kind() -> None:
    """A gold actor with no kind is matched on country alone."""
    gold = GoldDocument(
        id="x", dataset="d", text="x", event=GoldEvent(actor1=GoldActor(country="UA"), event_type="Battles")
    )

    assert 1.0 == score_actors([gold], [event_report()]).metrics["actor1_match"]


# --------------------------------------------------------------------------- properties

span_pairs = st.tuples(st.integers(0, 40), st.integers(1, 8)).map(lambda t: (t[0], t[0] + t[1]))


@given(st.lists(span_pairs, max_size=6), st.lists(span_pairs, max_size=6), st.sampled_from(["overlap", "exact"]))
def test_scores_stay_in_range_and_extra_predictions_never_help(
    gold_spans: list[tuple[int, int]], predicted: list[tuple[int, int]], rule: str
) -> None:
    """Precision and recall lie in [0, 1]; one more spurious prediction never raises precision or recall."""
    doc = GoldDocument(
        id="x", dataset="d", text="x" * 60, toponyms=tuple(GoldToponym(start=s, end=e) for s, e in gold_spans)
    )

    def metrics(spans: list[tuple[int, int]]) -> dict[str, Any]:
        pred = {"locations": [{"id": f"l{i}", "mentions": [sp(s, e)]} for i, (s, e) in enumerate(spans)]}
        return score_locations([doc], [pred], Options(match=rule)).metrics

    before = metrics(predicted)
    after = metrics([*predicted, (55, 58)])  # beyond every gold span

    for m in (before, after):
        for key in ("precision", "recall", "f1"):
            assert m[key] is None or 0.0 <= m[key] <= 1.0
    assert after["precision"] <= (before["precision"] if before["precision"] is not None else 1.0)
    assert after["recall"] == before["recall"]


@given(st.lists(span_pairs, max_size=6, unique=True))
def test_predicting_the_gold_scores_one(gold_spans: list[tuple[int, int]]) -> None:
    """Handing the gold back as the prediction gives recall 1 (and precision 1)."""
    doc = GoldDocument(
        id="x",
        dataset="d",
        text="x" * 60,
        times=tuple(GoldTime(start=s, end=e, value=str(s)) for s, e in gold_spans),
    )
    pred = {"times": [{"id": f"t{i}", "span": sp(s, e), "value": str(s)} for i, (s, e) in enumerate(gold_spans)]}
    m = score_times([doc], [pred]).metrics

    if gold_spans:
        assert (1.0, 1.0, 1.0) == (m["precision"], m["recall"], m["value_accuracy"])
