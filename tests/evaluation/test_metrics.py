"""Metric building blocks: counts, span matching, distances, the AUC of error."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conflictnews.evaluation.metrics import (
    EARTH_HALF_CIRCUMFERENCE_KM,
    Counts,
    Rate,
    auc_of_error,
    f1,
    fold,
    haversine_km,
    match_spans,
)


@pytest.mark.parametrize(
    ("tp", "fp", "fn", "precision", "recall", "f"),
    [
        (2, 0, 0, 1.0, 1.0, 1.0),
        (1, 1, 1, 0.5, 0.5, 0.5),
        (0, 3, 0, 0.0, None, None),  # empty gold: recall undefined
        (0, 0, 3, None, 0.0, None),  # no predictions: precision undefined
        (0, 0, 0, None, None, None),
        (0, 2, 2, 0.0, 0.0, 0.0),
    ],
    ids=["perfect", "half", "empty-gold", "no-predictions", "nothing", "all-wrong"],
)
def test_counts(tp: int, fp: int, fn: int, precision: float | None, recall: float | None, f: float | None) -> None:
    """Precision, recall and F1 follow the counts; a zero denominator gives None, not 0 or a crash."""
    c = Counts(tp, fp, fn)

    assert (precision, recall, f) == (c.precision, c.recall, c.f1)


def test_rate_and_f1_edges() -> None:
    """An empty rate is undefined; F1 of two zeros is 0."""
    r = Rate()
    assert r.value is None
    r.add(True)
    r.add(False)

    assert 0.5 == r.value
    assert 0.0 == f1(0.0, 0.0)
    assert f1(None, 1.0) is None


@pytest.mark.parametrize(
    ("gold", "predicted", "rule", "expected"),
    [
        ([(0, 5)], [(0, 5)], "exact", [(0, 0)]),
        ([(0, 5)], [(0, 4)], "exact", []),
        ([(0, 5)], [(0, 4)], "overlap", [(0, 0)]),
        ([(0, 5)], [(5, 9)], "overlap", []),  # touching is not overlapping
        ([(0, 5)], [(0, 5), (0, 5)], "overlap", [(0, 0)]),  # a duplicate stays unmatched
        ([(0, 5), (6, 9)], [(0, 9)], "overlap", [(0, 0)]),  # one prediction covers one gold span only
        ([(0, 10), (8, 12)], [(7, 12)], "overlap", [(1, 0)]),  # the largest overlap wins
        ([], [(1, 2)], "overlap", []),
        ([(1, 2)], [], "exact", []),
        ([(3, 3)], [(3, 3)], "overlap", [(0, 0)]),  # empty spans match only themselves
        ([(3, 3)], [(2, 4)], "overlap", []),
    ],
    ids=[
        "exact",
        "exact-miss",
        "overlap",
        "touching",
        "duplicate",
        "one-to-one",
        "largest-overlap",
        "empty-gold",
        "no-predictions",
        "empty-span",
        "empty-span-inside",
    ],
)
def test_match_spans(
    gold: list[tuple[int, int]], predicted: list[tuple[int, int]], rule: str, expected: list[tuple[int, int]]
) -> None:
    """Spans pair one to one under the chosen rule."""
    assert expected == match_spans(gold, predicted, rule=rule)


def test_match_spans_refuses_unknown_rule() -> None:
    """A misspelt rule is an error, not a silent default."""
    with pytest.raises(ValueError, match="unknown matching rule"):
        match_spans([], [], rule="fuzzy")


spans = st.tuples(st.integers(0, 50), st.integers(0, 10)).map(lambda t: (t[0], t[0] + t[1]))


@given(st.lists(spans, max_size=8), st.lists(spans, max_size=8), st.sampled_from(["overlap", "exact"]))
def test_match_spans_is_one_to_one(gold: list[tuple[int, int]], predicted: list[tuple[int, int]], rule: str) -> None:
    """No gold or predicted span is used twice, and every pair really matches."""
    pairs = match_spans(gold, predicted, rule=rule)

    assert len({i for i, _ in pairs}) == len(pairs) == len({j for _, j in pairs})
    for i, j in pairs:
        g, p = gold[i], predicted[j]
        assert g == p if rule == "exact" else (g == p or min(g[1], p[1]) > max(g[0], p[0]))


@given(st.lists(spans, max_size=8, unique=True), st.sampled_from(["overlap", "exact"]))
def test_perfect_prediction_matches_everything(gold: list[tuple[int, int]], rule: str) -> None:
    """Predicting exactly the gold spans matches each of them."""
    assert len(gold) == len(match_spans(gold, list(gold), rule=rule))


def test_haversine() -> None:
    """Kyiv to Kharkiv is about 410 km; a point is 0 km from itself."""
    assert 0.0 == haversine_km(50.45, 30.52, 50.45, 30.52)
    assert 400 < haversine_km(50.45, 30.52, 49.98, 36.25) < 420


@pytest.mark.parametrize(
    ("errors", "expected"),
    [
        ([], None),
        ([0.0], 0.0),
        ([0.0, 0.0, 0.0], 0.0),
        ([EARTH_HALF_CIRCUMFERENCE_KM] * 2, 1.0),
        ([0.0, EARTH_HALF_CIRCUMFERENCE_KM], 0.5),
    ],
    ids=["none", "one-perfect", "all-perfect", "all-worst", "half"],
)
def test_auc_of_error(errors: list[float], expected: float | None) -> None:
    """The AUC runs from 0 (no error) to 1 (every place on the far side of the Earth)."""
    actual = auc_of_error(errors)

    assert expected == (None if actual is None else pytest.approx(actual))


def test_auc_grows_with_error() -> None:
    """A larger error never gives a smaller AUC."""
    assert auc_of_error([1.0, 10.0]) < auc_of_error([1.0, 100.0])  # type: ignore[operator]
    assert math.isclose(auc_of_error([161.0]) or 0, math.log1p(161) / math.log1p(EARTH_HALF_CIRCUMFERENCE_KM))


def test_fold() -> None:
    """Folding ignores case, accents, curly apostrophes and extra spaces."""
    assert fold("Zaporizhzhia  Oblast") == fold("ZAPORIZHZHIA oblast")
    assert "cote d'ivoire" == fold("Côte d\u2019Ivoire")
