"""
Per-task scorers: pure functions of (gold documents, predictions, options).

Each scorer takes the gold records of one dataset and, in the same order, one
prediction per record (a :class:`~conflictnews.Report`, its JSON dict, or a
hand-written dict with only the keys needed) and returns a :class:`TaskResult`.
Records with nothing to say about the task are skipped. Counts are summed over
records before ratios are taken (micro-averages). See ``docs/evaluation.md``.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import regex
from attrs import define, field, frozen

from conflictnews.evaluation.acled_actors import INTER_KINDS, kinds_match
from conflictnews.evaluation.gold import GoldActor, GoldDocument
from conflictnews.evaluation.metrics import (
    EARTH_HALF_CIRCUMFERENCE_KM,
    Counts,
    Rate,
    auc_of_error,
    f1,
    fold,
    haversine_km,
    match_spans,
    overlap,
    ratio,
)
from conflictnews.evaluation.predictions import Prediction, as_prediction
from conflictnews.export.acled import civilians_actor2, unnamed_actor1

__all__ = [
    "SCORERS",
    "Options",
    "TaskResult",
    "admin1_key",
    "score_actors",
    "score_events",
    "score_locations",
    "score_quantities",
    "score_quotes",
    "score_times",
]

DIGITS = 4
"""Scores are rounded to this many decimals, in the table and in the JSON alike."""

MAX_ERROR_ITEMS = 5
"""At most this many missed / spurious surfaces are listed per record in ``errors``."""


@frozen(kw_only=True)
class Options:
    """
    Matching rules.

    Args:
        match: ``"overlap"`` (default): spans match when they share a character;
            ``"exact"``: only identical spans match. Pairing is one to one either way.
        km: Distance in km within which an event location counts as right (default 25);
            toponym accuracy is always given at 25 and 161 km, and at *km* too.
        value_tolerance: Relative tolerance for numbers (default 0: equal values only).
    """

    match: str = field(default="overlap")
    km: float = 25.0
    value_tolerance: float = 0.0

    @match.validator
    def _check_match(self, _attribute: Any, value: str) -> None:
        if value not in ("exact", "overlap"):
            raise ValueError(f"unknown matching rule {value!r} (use 'exact' or 'overlap')")


@define
class TaskResult:
    """The scores of one task on one dataset."""

    task: str
    dataset: str
    records: int = 0
    metrics: dict[str, float | int | None] = field(factory=dict)
    counts: dict[str, tuple[int, int]] = field(factory=dict)
    tables: dict[str, dict[str, dict[str, int]]] = field(factory=dict)
    errors: list[dict[str, Any]] = field(factory=list)

    def rate(self, name: str, rate: Rate) -> None:
        """Record a share: its value and its right/total counts."""
        if rate.total:
            self.metrics[name] = _round(rate.value)
            self.counts[name] = (rate.right, rate.total)

    def prf(self, counts: Counts, *, recall_only: bool = False, prefix: str = "") -> None:
        """Record precision, recall and F1 (recall only when the gold is incomplete)."""
        self.metrics[f"{prefix}gold"] = counts.tp + counts.fn
        if not recall_only:
            self.metrics[f"{prefix}predicted"] = counts.tp + counts.fp
        self.metrics[f"{prefix}matched"] = counts.tp
        if not recall_only:
            self.metrics[f"{prefix}precision"] = _round(counts.precision)
        self.metrics[f"{prefix}recall"] = _round(counts.recall)
        if not recall_only:
            self.metrics[f"{prefix}f1"] = _round(counts.f1)

    def to_dict(self, *, max_errors: int | None = None) -> dict[str, Any]:
        """Plain JSON-ready data; *max_errors* caps the error list (None: all, 0: none)."""
        out: dict[str, Any] = {
            "task": self.task,
            "dataset": self.dataset,
            "records": self.records,
            "metrics": dict(self.metrics),
            "counts": {k: list(v) for k, v in self.counts.items()},
        }
        if self.tables:
            out["tables"] = self.tables
        errors = self.errors if max_errors is None else self.errors[:max_errors]
        if errors:
            out["errors"] = errors
        return out


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, DIGITS)


Predictions = Sequence[Any]


def _pairs(docs: Sequence[GoldDocument], preds: Predictions) -> list[tuple[GoldDocument, Prediction]]:
    if len(docs) != len(preds):
        raise ValueError(f"{len(docs)} gold records but {len(preds)} predictions")
    return [(d, as_prediction(p)) for d, p in zip(docs, preds, strict=True)]


def _dataset(docs: Sequence[GoldDocument]) -> str:
    names = sorted({d.dataset for d in docs})
    return names[0] if len(names) == 1 else "+".join(names) or "(none)"


# --------------------------------------------------------------------------- events

_ADMIN_WORDS = frozenset(
    {"oblast", "region", "province", "governorate", "state", "department", "district", "prefecture", "county"}
    | {"special", "republican", "city", "municipality", "autonomous", "republic", "of", "the", "krai", "kray"}
    | {"division", "territory"}
)


def admin1_key(name: str) -> str:
    """An admin1 name without case, accents or words such as "oblast" ("Donetsk Oblast" → "donetsk")."""
    words = [w for w in regex.split(r"[^\p{L}\p{N}]++", fold(name).replace("'", "")) if w]
    kept = [w for w in words if w not in _ADMIN_WORDS]
    return " ".join(kept or words)


def _coding(g: Any) -> str | None:
    if g.event_type or g.sub_event_type:
        return "acled"
    if g.plover_types:
        return "plover"
    return None


def _pred_admin1(loc: Mapping[str, Any] | None) -> str | None:
    if loc is None:
        return None
    if loc.get("kind") == "admin1":
        return str(loc.get("name") or "") or None
    value = loc.get("admin1")
    return str(value) if value else None


def _coords(item: Mapping[str, Any] | None) -> tuple[float, float] | None:
    if item is None:
        return None
    lat, lon = item.get("latitude"), item.get("longitude")
    if isinstance(lat, int | float) and isinstance(lon, int | float):
        return float(lat), float(lon)
    return None


def score_events(docs: Sequence[GoldDocument], preds: Predictions, options: Options | None = None) -> TaskResult:
    """
    Score the main event of each record: found, type, sub-type, date, fatalities, place.

    A record whose parse has no main event counts as wrong on every field it has
    gold for. See :meth:`Prediction.main_event` for how the main event is chosen.
    """
    opts = options or Options()
    res = TaskResult(task="events", dataset=_dataset(docs))
    found, no_event = Rate(), Rate()
    etype, subtype, plover = Rate(), Rate(), Rate()
    date_exact, date_overlap, deaths = Rate(), Rate(), Rate()
    near, admin1 = Rate(), Rate()
    errors_km: list[float] = []
    confusion: dict[str, dict[str, int]] = {}
    for doc, pred in _pairs(docs, preds):
        g = doc.event
        if g is None:
            continue
        res.records += 1
        errs: list[tuple[str, Any, Any]] = []
        coding = _coding(g)
        ev = pred.main_event(coding)
        if not g.expect_event:
            ok = ev is None
            no_event.add(ok)
            if not ok:
                errs.append(("no_event", None, ev.get("text") if ev else None))
            _note(res, doc, errs)
            continue
        found.add(ev is not None)
        acled = (ev or {}).get("acled") or {}
        if g.event_type:
            got = acled.get("event_type")
            etype.add(got == g.event_type)
            row = confusion.setdefault(g.event_type, {})
            row[got or "(none)"] = row.get(got or "(none)", 0) + 1
            if got != g.event_type:
                errs.append(("event_type", g.event_type, got))
        if g.sub_event_type:
            got = acled.get("sub_event_type")
            subtype.add(got == g.sub_event_type)
            if got != g.sub_event_type:
                errs.append(("sub_event_type", g.sub_event_type, got))
        if g.plover_types:
            got = str(((ev or {}).get("plover") or {}).get("event_type") or "").upper() or None
            plover.add(got in g.plover_types)
            if got not in g.plover_types:
                errs.append(("plover_type", "|".join(sorted(g.plover_types)), got))
        if g.date is not None:
            start, end = pred.event_date(ev) if ev else (None, None)
            date_exact.add(start == g.date)
            g_end = g.date_end or g.date
            date_overlap.add(start is not None and start <= g_end and (end or start) >= g.date)
            if start != g.date:
                errs.append(("date", g.date.isoformat(), start.isoformat() if start else None))
        if g.fatalities is not None:
            got_f: int | None = None
            if ev is not None:
                fat = ev.get("fatalities")
                got_f = int(fat.get("best", 0)) if isinstance(fat, Mapping) else 0
            deaths.add(got_f == g.fatalities)
            if got_f != g.fatalities:
                errs.append(("fatalities", g.fatalities, got_f))
        loc = pred.event_location(ev) if ev else None
        if g.latitude is not None and g.longitude is not None:
            at = _coords(loc)
            km = haversine_km(g.latitude, g.longitude, *at) if at else None
            if km is not None:
                errors_km.append(km)
            near.add(km is not None and km <= opts.km)
            if km is None or km > opts.km:
                errs.append(("location", f"{g.latitude},{g.longitude}", _loc_text(loc, km)))
        if g.admin1:
            got_a = _pred_admin1(loc)
            ok = got_a is not None and admin1_key(got_a) == admin1_key(g.admin1)
            admin1.add(ok)
            if not ok:
                errs.append(("admin1", g.admin1, got_a))
        _note(res, doc, errs)
    res.rate("event_found", found)
    res.rate("no_event_correct", no_event)
    res.rate("event_type_accuracy", etype)
    res.rate("sub_event_type_accuracy", subtype)
    res.rate("plover_type_accuracy", plover)
    res.rate("date_exact", date_exact)
    res.rate("date_overlap", date_overlap)
    res.rate("fatalities_exact", deaths)
    res.rate(f"location_within_{opts.km:g}km", near)
    if errors_km:
        res.metrics["location_median_error_km"] = _round(statistics.median(errors_km))
    res.rate("admin1_match", admin1)
    if confusion:
        res.tables["event_type_confusion"] = {k: dict(sorted(v.items())) for k, v in sorted(confusion.items())}
    return res


def _loc_text(loc: Mapping[str, Any] | None, km: float | None) -> str | None:
    if loc is None:
        return None
    name = str(loc.get("name") or "?")
    return f"{name} ({km:.0f} km off)" if km is not None else f"{name} (no coordinates)"


def _note(res: TaskResult, doc: GoldDocument, errs: list[tuple[str, Any, Any]]) -> None:
    for name, gold, got in errs:
        res.errors.append({"id": doc.id, "field": name, "gold": gold, "predicted": got})


# --------------------------------------------------------------------------- actors


def _actor_fits(gold: GoldActor, actor: Mapping[str, Any]) -> bool:
    if not kinds_match(gold.kind, actor.get("kind")):
        return False
    return gold.country is None or actor.get("country") == gold.country


def _unnamed_actor1(pred: Prediction, event: Mapping[str, Any]) -> dict[str, Any] | None:
    """
    The actor1 ACLED codes for an event whose text names none ("Unidentified Armed Group" of the
    event's country, "Protesters", "Rioters"), as the ACLED export writes it; None without a country.
    """
    coding = event.get("acled")
    unnamed = unnamed_actor1(coding.get("event_type") if isinstance(coding, Mapping) else None)
    loc = pred.event_location(event)
    if unnamed is None or loc is None or not loc.get("country"):
        return None
    name, inter = unnamed
    return {"name": f"{name} (not named in the text)", "kind": INTER_KINDS[inter], "country": loc["country"]}


def _civilians_actor2(pred: Prediction, event: Mapping[str, Any]) -> dict[str, Any] | None:
    """
    The actor2 the ACLED export writes for violence against civilians whose targets hold no civilians
    ("Civilians (<country of the event's place>)"); None for other types or without a country.
    """
    coding = event.get("acled")
    loc = pred.event_location(event)
    if not isinstance(coding, Mapping) or not civilians_actor2(coding.get("event_type")):
        return None
    if loc is None or not loc.get("country"):
        return None
    return {"name": "Civilians (not named in the text)", "kind": "civilians", "country": loc["country"]}


def score_actors(docs: Sequence[GoldDocument], preds: Predictions, options: Options | None = None) -> TaskResult:
    """
    Score actors: the main event's actor1/actor2 by kind and country, and actor mentions by span.

    Actor1 matches when one of the main event's agents has the gold kind and country
    (actor2: one of its targets); when the event has none (or there is no main event),
    any actor of the report may match, and for actor1 also the actor ACLED codes for an event
    whose text names none, as :func:`conflictnews.export.acled_rows` writes it ("Unidentified
    Armed Group (<country of the event's place>)"). Kinds are compared through :data:`KIND_GROUPS`.
    """
    opts = options or Options()
    res = TaskResult(task="actors", dataset=_dataset(docs))
    roles = {"actor1": Rate(), "actor2": Rate()}
    counts = Counts()
    kind_ok, country_ok = Rate(), Rate()
    recall_only = False
    for doc, pred in _pairs(docs, preds):
        g = doc.event
        scored = False
        errs: list[tuple[str, Any, Any]] = []
        if g is not None and (g.actor1 is not None or g.actor2 is not None):
            ev = pred.main_event(_coding(g))
            for role, gold, key in (("actor1", g.actor1, "agents"), ("actor2", g.actor2, "targets")):
                if gold is None or (gold.kind is None and gold.country is None):
                    continue
                scored = True
                ids = pred.actor_ids(ev, key) if ev else []
                candidates = [a for i in ids if (a := pred.get(i)) is not None]
                civilian_target = any(a.get("kind") == "civilians" for a in candidates)
                if not candidates:
                    candidates = list(pred.items("actors"))
                    if role == "actor1" and ev is not None and (unnamed := _unnamed_actor1(pred, ev)) is not None:
                        candidates.append(unnamed)
                if role == "actor2" and ev is not None and not civilian_target:
                    candidates.extend(c for c in (_civilians_actor2(pred, ev),) if c is not None)
                ok = any(_actor_fits(gold, a) for a in candidates)
                roles[role].add(ok)
                if not ok:
                    want = f"{gold.kind or '?'}/{gold.country or '?'} ({gold.name})"
                    errs.append((role, want, _actors_text(candidates)))
        if doc.mentions is not None:
            scored = True
            recall_only = recall_only or "actors" in doc.recall_only
            predicted = [(sp, a) for a in pred.items("actors") for sp in pred.mentions(a)]
            pairs = match_spans([(m.start, m.end) for m in doc.mentions], [sp for sp, _ in predicted], rule=opts.match)
            fp = 0 if "actors" in doc.recall_only else len(predicted) - len(pairs)
            counts.add(len(pairs), fp, len(doc.mentions) - len(pairs))
            for i, j in pairs:
                gm, actor = doc.mentions[i], predicted[j][1]
                if gm.kind is not None:
                    kind_ok.add(kinds_match(gm.kind, actor.get("kind")))
                if gm.country is not None:
                    country_ok.add(actor.get("country") == gm.country)
            _span_errors(res, doc, doc.mentions, [sp for sp, _ in predicted], pairs, "actors")
        if scored:
            res.records += 1
        _note(res, doc, errs)
    res.rate("actor1_match", roles["actor1"])
    res.rate("actor2_match", roles["actor2"])
    if counts.tp + counts.fn + counts.fp:
        res.prf(counts, recall_only=recall_only, prefix="mention_")
    res.rate("kind_accuracy", kind_ok)
    res.rate("country_accuracy", country_ok)
    return res


def _actors_text(actors: Sequence[Mapping[str, Any]]) -> str | None:
    if not actors:
        return None
    return "; ".join(f"{a.get('kind')}/{a.get('country') or '?'} ({a.get('name')})" for a in actors[:4])


def _span_errors(
    res: TaskResult,
    doc: GoldDocument,
    gold: Sequence[Any],
    predicted: Sequence[tuple[int, int]],
    pairs: Sequence[tuple[int, int]],
    kind: str,
    *,
    ignored: set[int] | None = None,
) -> None:
    matched_g = {i for i, _ in pairs}
    matched_p = {j for _, j in pairs} | (ignored or set())
    missed = [doc.text[g.start : g.end] for i, g in enumerate(gold) if i not in matched_g and g.start is not None]
    spurious = (
        [] if kind in doc.recall_only else [doc.text[s:e] for j, (s, e) in enumerate(predicted) if j not in matched_p]
    )
    if missed or spurious:
        entry: dict[str, Any] = {"id": doc.id}
        if missed:
            entry["missed"] = missed[:MAX_ERROR_ITEMS]
        if spurious:
            entry["spurious"] = spurious[:MAX_ERROR_ITEMS]
        res.errors.append(entry)


# --------------------------------------------------------------------------- locations


def score_locations(docs: Sequence[GoldDocument], preds: Predictions, options: Options | None = None) -> TaskResult:
    """
    Score toponyms: every mention of every predicted location against the gold spans.

    Matched gold toponyms with coordinates are scored by distance: accuracy within
    25 and 161 km (and *options.km*), mean and median error of resolved ones, and the
    AUC of error, where a matched but unresolved prediction counts 20,039 km.
    Predictions that only hit an ignored span (GeoWebNews demonyms, ...) are not counted.
    """
    opts = options or Options()
    res = TaskResult(task="locations", dataset=_dataset(docs))
    counts = Counts()
    thresholds = sorted({25.0, 161.0, float(opts.km)})
    within = {k: Rate() for k in thresholds}
    resolved: list[float] = []
    all_errors: list[float] = []
    recall_only = False
    for doc, pred in _pairs(docs, preds):
        if doc.toponyms is None:
            continue
        res.records += 1
        ro = "locations" in doc.recall_only
        recall_only = recall_only or ro
        predicted = [(sp, loc) for loc in pred.items("locations") for sp in pred.mentions(loc)]
        spans = [sp for sp, _ in predicted]
        gold = [(t.start, t.end) for t in doc.toponyms]
        pairs = match_spans(gold, spans, rule=opts.match)
        matched_p = {j for _, j in pairs}
        ignored = {j for j, sp in enumerate(spans) if j not in matched_p and _ignored(sp, doc.ignore, opts.match)}
        fp = 0 if ro else len(spans) - len(pairs) - len(ignored)
        counts.add(len(pairs), fp, len(gold) - len(pairs))
        for i, j in pairs:
            t = doc.toponyms[i]
            if t.latitude is None or t.longitude is None:
                continue
            at = _coords(predicted[j][1])
            km = haversine_km(t.latitude, t.longitude, *at) if at else None
            if km is not None:
                resolved.append(km)
            all_errors.append(km if km is not None else EARTH_HALF_CIRCUMFERENCE_KM)
            for k, rate in within.items():
                rate.add(km is not None and km <= k)
        _span_errors(res, doc, doc.toponyms, spans, pairs, "locations", ignored=ignored)
    res.prf(counts, recall_only=recall_only)
    for k, rate in within.items():
        res.rate(f"accuracy_{k:g}km", rate)
    if resolved:
        res.metrics["mean_error_km"] = _round(statistics.fmean(resolved))
        res.metrics["median_error_km"] = _round(statistics.median(resolved))
    if all_errors:
        res.metrics["auc_of_error"] = _round(auc_of_error(all_errors))
    return res


def _ignored(span: tuple[int, int], ignore: Sequence[tuple[int, int]], rule: str) -> bool:
    """Whether a prediction falls on a span that is neither right nor wrong (at least half of it, by overlap)."""
    if rule == "exact":
        return span in ignore
    return any(span == ig or 2 * overlap(span, ig) >= max(1, span[1] - span[0]) for ig in ignore)


# --------------------------------------------------------------------------- times and quantities


def _timex_value(item: Mapping[str, Any]) -> str | None:
    value = item.get("value")
    if isinstance(value, str) and value:
        return value.upper()
    start, end = item.get("start"), item.get("end")
    if isinstance(start, str) and start and (end in (None, start)):
        return start.upper()
    return None


def _match_with_values(
    gold: Sequence[Any],
    predicted: Sequence[tuple[tuple[int, int], Mapping[str, Any]]],
    rule: str,
    same_value: Callable[[Any, Mapping[str, Any]], bool],
) -> list[tuple[int, int]]:
    """Span matching, then gold items without a span paired with an unmatched prediction of equal value."""
    with_span = [i for i, g in enumerate(gold) if g.start is not None and g.end is not None]
    spans = [sp for sp, _ in predicted]
    pairs = [
        (with_span[i], j) for i, j in match_spans([(gold[i].start, gold[i].end) for i in with_span], spans, rule=rule)
    ]
    used = {j for _, j in pairs}
    for i, g in enumerate(gold):
        if g.start is not None and g.end is not None:
            continue
        for j, (_, item) in enumerate(predicted):
            if j not in used and same_value(g, item):
                used.add(j)
                pairs.append((i, j))
                break
    return sorted(pairs)


def _score_valued(
    task: str,
    docs: Sequence[GoldDocument],
    preds: Predictions,
    opts: Options,
    gold_of: Callable[[GoldDocument], Sequence[Any] | None],
    value_eq: Callable[[Any, Mapping[str, Any]], bool],
) -> TaskResult:
    res = TaskResult(task=task, dataset=_dataset(docs))
    counts = Counts()
    value_ok = Rate()
    right_values = 0
    predicted_total = 0
    recall_only = False
    for doc, pred in _pairs(docs, preds):
        gold = gold_of(doc)
        if gold is None:
            continue
        res.records += 1
        ro = task in doc.recall_only
        recall_only = recall_only or ro
        items = list(pred.spans(task))
        spans = [sp for sp, _ in items]
        pairs = _match_with_values(gold, items, opts.match, value_eq)
        fp = 0 if ro else len(items) - len(pairs)
        counts.add(len(pairs), fp, len(gold) - len(pairs))
        predicted_total += len(items)
        for i, j in pairs:
            if gold[i].value is None:
                continue
            ok = value_eq(gold[i], items[j][1])
            value_ok.add(ok)
            right_values += ok
            if not ok:
                res.errors.append(
                    {
                        "id": doc.id,
                        "field": "value",
                        "surface": gold[i].surface,
                        "gold": gold[i].value,
                        "predicted": items[j][1].get("value"),
                    }
                )
        _span_errors(res, doc, gold, spans, pairs, task)
    res.prf(counts, recall_only=recall_only)
    res.rate("value_accuracy", value_ok)
    if value_ok.total and not recall_only:
        # TempEval-3's value F1: a match counts only when its value is right too
        res.metrics["value_f1"] = _round(
            f1(ratio(right_values, predicted_total), ratio(right_values, counts.tp + counts.fn))
        )
    return res


def score_times(docs: Sequence[GoldDocument], preds: Predictions, options: Options | None = None) -> TaskResult:
    """
    Score time expressions: span P/R/F1, then the normalised value of matched ones.

    A predicted value is its ``value``, else its ``start`` date when ``start == end``;
    values compare case-insensitively as strings ("1998-03-04", "1998-W10").
    """

    def same(g: Any, p: Mapping[str, Any]) -> bool:
        return g.value is not None and _timex_value(p) == str(g.value).upper()

    return _score_valued("times", docs, preds, options or Options(), lambda d: d.times, same)


def score_quantities(docs: Sequence[GoldDocument], preds: Predictions, options: Options | None = None) -> TaskResult:
    """Score quantities: span P/R/F1, then value equality (within *options.value_tolerance*) of matched ones."""
    opts = options or Options()

    def same(g: Any, p: Mapping[str, Any]) -> bool:
        v = p.get("value")
        if g.value is None or not isinstance(v, int | float):
            return False
        return math.isclose(float(v), g.value, rel_tol=opts.value_tolerance, abs_tol=1e-9)

    return _score_valued("quantities", docs, preds, opts, lambda d: d.quantities, same)


# --------------------------------------------------------------------------- quotes


@define
class _Unit:
    span: tuple[int, int]
    actors: list[str]
    texts: list[str]
    cues: list[str] = field(factory=list)
    direct: bool = False


def _attribution_units(pred: Prediction) -> list[_Unit]:
    """Claims (content span) and quotes (span), a quote inside a claim's content merged into it."""
    units: list[_Unit] = []
    for sp, c in pred.spans("claims", "content"):
        actors = [a for a in [c.get("source"), *(c.get("chain") or ())] if isinstance(a, str)]
        texts = [c["source_text"]] if isinstance(c.get("source_text"), str) else []
        cues = [c["cue"]] if isinstance(c.get("cue"), str) else []
        units.append(_Unit(sp, actors, texts, cues))
    claims = list(units)
    for sp, q in pred.spans("quotes"):
        if q.get("scare"):
            continue
        actors = [q["speaker"]] if isinstance(q.get("speaker"), str) else []
        texts = [q["speaker_text"]] if isinstance(q.get("speaker_text"), str) else []
        cues = [q["cue"]] if isinstance(q.get("cue"), str) else []
        direct = q.get("direct", True) is not False and not q.get("partial")
        host = next((u for u in claims if overlap(u.span, sp) > 0), None)
        if host is not None:
            host.actors.extend(actors)
            host.texts.extend(texts)
            host.cues.extend(cues)
            host.direct = host.direct or direct
        else:
            units.append(_Unit(sp, actors, texts, cues, direct))
    units.sort(key=lambda u: u.span)
    return units


def _speaker_right(pred: Prediction, unit: _Unit, gold: Any) -> bool:
    for ident in unit.actors:
        actor = pred.get(ident)
        if actor and any(overlap(m, s) > 0 for m in pred.mentions(actor) for s in gold.source):
            return True
    want = fold(gold.source_text or "")
    if not want:
        return False
    return any((t := fold(x)) and (t in want or want in t) for x in unit.texts)


_OPEN_QUOTE_MARKS = "\"\u201c\u2018'`\u00ab"
SPEECH_CUES = regex.compile(
    r"\b(?:say|says|said|saying|tell|tells|told|telling|ask|asks|asked|asking|add|adds|added|adding|"
    r"write|writes|wrote|writing|state|states|stated|explain|explains|explained|note|notes|noted|"
    r"declare|declares|declared|announce|announces|announced|argue|argues|argued|insist|insists|insisted|"
    r"claim|claims|claimed|reply|replies|replied|respond|responds|responded|tweet|tweets|tweeted|"
    r"post|posts|posted|recall|recalls|recalled|recount|recounts|recounted|warn|warns|warned|"
    r"remark|remarks|remarked|reiterate|reiterates|reiterated|acknowledge|acknowledges|acknowledged|"
    r"admit|admits|admitted|concede|concedes|conceded|complain|complains|complained|"
    r"suggest|suggests|suggested|predict|predicts|predicted|according to)\b",
    regex.IGNORECASE,
)
"""
Verbs of saying (all forms written out): a gold attribution whose cue holds one, or a predicted one whose
cue does, is reported speech. It is the evaluator's own list, kept apart from the parsers' cue lexicon.
"""


def _quoted(text: str, content: Sequence[tuple[int, int]]) -> bool:
    """True when every fragment of a gold content opens with (or just after) an opening quotation mark."""
    for s, _ in content:
        k = s
        while k > 0 and text[k - 1] == " ":
            k -= 1
        if not (text[s : s + 1] in _OPEN_QUOTE_MARKS or text[k - 1 : k] in _OPEN_QUOTE_MARKS):
            return False
    return bool(content)


@define
class _Subset:
    """Precision and recall of one kind of attribution, read off the main matching."""

    name: str
    recall: Rate = field(factory=Rate)
    precision: Rate = field(factory=Rate)

    def record(self, res: TaskResult) -> None:
        res.rate(f"{self.name}_precision", self.precision)
        res.rate(f"{self.name}_recall", self.recall)
        res.metrics[f"{self.name}_f1"] = _round(f1(self.precision.value, self.recall.value))


def score_quotes(docs: Sequence[GoldDocument], preds: Predictions, options: Options | None = None) -> TaskResult:
    """
    Score attributions: content P/R/F1 against predicted claims and quotes, then speakers.

    A gold attribution is matched through the hull of its content fragments. A matched
    one with a gold source has the right speaker when a mention of the predicted speaker
    (quote speaker, claim source or chain) overlaps the gold source, or the predicted
    speaker text and the gold source text contain one another (case/accent-insensitive).

    Two subsets are read off the same matching: ``direct`` (gold content in quotation marks;
    predicted attributions holding a direct quote) and ``speech`` (those, plus attributions
    whose cue is a verb of saying, :data:`SPEECH_CUES`). Recall counts the subset's gold
    attributions that were matched, precision the subset's predicted ones that were.
    """
    opts = options or Options()
    res = TaskResult(task="quotes", dataset=_dataset(docs))
    counts = Counts()
    speaker = Rate()
    direct, speech = _Subset("direct"), _Subset("speech")
    for doc, pred in _pairs(docs, preds):
        gold = doc.attributions
        if gold is None:
            continue
        res.records += 1
        units = _attribution_units(pred)
        spans = [u.span for u in units]
        pairs = match_spans([a.hull for a in gold], spans, rule=opts.match)
        counts.add(len(pairs), len(units) - len(pairs), len(gold) - len(pairs))
        matched_g, matched_p = {i for i, _ in pairs}, {j for _, j in pairs}
        for i, a in enumerate(gold):
            quoted = _quoted(doc.text, a.content)
            if quoted:
                direct.recall.add(i in matched_g)
            if quoted or SPEECH_CUES.search(a.cue_text or ""):
                speech.recall.add(i in matched_g)
        for j, u in enumerate(units):
            if u.direct:
                direct.precision.add(j in matched_p)
            if u.direct or any(SPEECH_CUES.search(c) for c in u.cues):
                speech.precision.add(j in matched_p)
        for i, j in pairs:
            if gold[i].source:
                ok = _speaker_right(pred, units[j], gold[i])
                speaker.add(ok)
                if not ok:
                    res.errors.append(
                        {
                            "id": doc.id,
                            "field": "speaker",
                            "gold": gold[i].source_text,
                            "predicted": "; ".join(units[j].texts) or None,
                        }
                    )
        hulls = [_Hull(*a.hull) for a in gold]
        _span_errors(res, doc, hulls, spans, pairs, "quotes")
    res.prf(counts)
    res.rate("speaker_accuracy", speaker)
    direct.record(res)
    speech.record(res)
    return res


@frozen
class _Hull:
    start: int
    end: int


SCORERS: dict[str, Callable[[Sequence[GoldDocument], Predictions, Options | None], TaskResult]] = {
    "events": score_events,
    "actors": score_actors,
    "locations": score_locations,
    "times": score_times,
    "quantities": score_quantities,
    "quotes": score_quotes,
}
"""Task name → scorer."""
