"""
Metric building blocks: counts, precision/recall/F1, span matching, distances.

Everything here is a pure function of its arguments (standard library only),
so the scorers and the tests can use it without parsing anything.
"""

from __future__ import annotations

import bisect
import itertools
import math
import unicodedata
from collections.abc import Callable, Sequence

from attrs import define

__all__ = [
    "EARTH_HALF_CIRCUMFERENCE_KM",
    "Counts",
    "Rate",
    "auc_of_error",
    "f1",
    "fold",
    "haversine_km",
    "match_spans",
    "overlap",
    "ratio",
]

EARTH_HALF_CIRCUMFERENCE_KM = 20039.0
"""The largest possible distance on Earth: the error given to a place that was found but not resolved."""

_EARTH_RADIUS_KM = 6371.0088


def ratio(num: float, den: float) -> float | None:
    """``num / den``, or None when *den* is 0 (undefined, shown as "n/a")."""
    return num / den if den else None


def f1(precision: float | None, recall: float | None) -> float | None:
    """Harmonic mean of precision and recall; None if either is undefined."""
    if precision is None or recall is None:
        return None
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


@define
class Counts:
    """True positives, false positives and false negatives, summed over records (micro-average)."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float | None:
        """tp / (tp + fp); None when nothing was predicted."""
        return ratio(self.tp, self.tp + self.fp)

    @property
    def recall(self) -> float | None:
        """tp / (tp + fn); None when the gold is empty."""
        return ratio(self.tp, self.tp + self.fn)

    @property
    def f1(self) -> float | None:
        """Harmonic mean of :attr:`precision` and :attr:`recall`."""
        return f1(self.precision, self.recall)

    def add(self, tp: int, fp: int, fn: int) -> None:
        """Add one record's counts."""
        self.tp += tp
        self.fp += fp
        self.fn += fn


@define
class Rate:
    """A share of right answers: *right* out of *total* records."""

    right: int = 0
    total: int = 0

    def add(self, ok: bool) -> None:
        """Count one more answer, right or not."""
        self.total += 1
        self.right += bool(ok)

    @property
    def value(self) -> float | None:
        """right / total; None when nothing was counted."""
        return ratio(self.right, self.total)


def fold(s: str) -> str:
    """Case- and accent-insensitive form of *s*, with runs of white space made single spaces."""
    s = unicodedata.normalize("NFKD", s)
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    return " ".join(s.casefold().replace("\u2019", "'").split())


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres between two points given in degrees."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp = p2 - p1
    dl = math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * _EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def auc_of_error(errors_km: Sequence[float]) -> float | None:
    """
    Area under the curve of log-scaled geocoding errors (Gritta et al. 2018); 0 is perfect, 1 the worst.

    Errors are sorted, each scaled to ``ln(1 + e) / ln(1 + 20039)``, and the
    area under that curve is taken with the trapezoid rule over an x axis of
    length 1. One error gives its own scaled value; none gives None.
    """
    if not errors_km:
        return None
    top = math.log1p(EARTH_HALF_CIRCUMFERENCE_KM)
    ys = sorted(min(math.log1p(max(e, 0.0)) / top, 1.0) for e in errors_km)
    if len(ys) == 1:
        return ys[0]
    area = sum((a + b) / 2 for a, b in itertools.pairwise(ys))
    return area / (len(ys) - 1)


def overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    """Characters two half-open spans share (0 when they only touch)."""
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a == b or overlap(a, b) > 0  # an empty span matches only an identical one


def match_spans(
    gold: Sequence[tuple[int, int]],
    predicted: Sequence[tuple[int, int]],
    *,
    rule: str = "overlap",
    compatible: Callable[[int, int], bool] | None = None,
) -> list[tuple[int, int]]:
    """
    Pair gold spans with predicted spans one to one; return ``(gold index, predicted index)`` pairs.

    *rule* ``"exact"`` pairs identical spans; ``"overlap"`` pairs spans that share
    at least one character: identical spans first, then largest overlap first (ties:
    earlier gold, then earlier prediction). Each span is used at most once, so a duplicate prediction stays
    unmatched and counts as a false positive. *compatible(g, p)*, if given, must
    also hold for a pair.
    """
    if rule not in ("exact", "overlap"):
        raise ValueError(f"unknown matching rule {rule!r} (use 'exact' or 'overlap')")
    pairs: list[tuple[int, int, int, int]] = []  # (not identical, -overlap, gold index, predicted index)
    if rule == "exact":
        where: dict[tuple[int, int], list[int]] = {}
        for j, p in enumerate(predicted):
            where.setdefault((p[0], p[1]), []).append(j)
        for i, g in enumerate(gold):
            for j in where.get((g[0], g[1]), ()):
                pairs.append((0, 0, i, j))
    else:
        order = sorted(range(len(predicted)), key=lambda j: predicted[j][0])
        starts = [predicted[j][0] for j in order]
        longest = max((p[1] - p[0] for p in predicted), default=0)
        for i, g in enumerate(gold):
            hi = bisect.bisect_right(starts, g[1] - 1 if g[1] > g[0] else g[0])
            lo = bisect.bisect_left(starts, g[0] - longest)
            for k in range(lo, hi):
                j = order[k]
                p = (predicted[j][0], predicted[j][1])
                if _overlaps((g[0], g[1]), p):
                    pairs.append((int(p != (g[0], g[1])), -overlap(g, p), i, j))
    pairs.sort()
    used_g: set[int] = set()
    used_p: set[int] = set()
    out: list[tuple[int, int]] = []
    for _, _, i, j in pairs:
        if i in used_g or j in used_p:
            continue
        if compatible is not None and not compatible(i, j):
            continue
        used_g.add(i)
        used_p.add(j)
        out.append((i, j))
    return sorted(out)
