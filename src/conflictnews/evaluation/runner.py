"""
Run an evaluation: parse every gold text with the pipeline, then score each task.

:func:`evaluate` ties the readers, the pipeline and the scorers together; the
scorers themselves never parse, so predictions made elsewhere can be scored too.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any

from attrs import define, field

from conflictnews.evaluation.gold import TASKS, GoldDocument
from conflictnews.evaluation.scorers import SCORERS, Options, TaskResult

if TYPE_CHECKING:
    from conflictnews.pipeline import Pipeline

__all__ = ["TASK_PARSERS", "Evaluation", "evaluate", "parsers_for"]

TASK_PARSERS: dict[str, tuple[str, ...]] = {
    "events": ("events",),
    "actors": ("actors",),
    "locations": ("locations",),
    "times": ("times",),
    "quantities": ("quantities",),
    "quotes": ("quotes", "claims", "actors"),
}
"""Parsers each task reads the output of (their declared requirements run too)."""


@define
class Evaluation:
    """Every task's scores for one gold file, with how they were produced."""

    source: str
    records: int
    datasets: dict[str, int]
    options: Options
    parsers: tuple[str, ...] = ()
    parsed: bool = True
    results: list[TaskResult] = field(factory=list)
    unscored: int = 0
    seconds: float = 0.0

    def to_dict(self, *, max_errors: int | None = 0) -> dict[str, Any]:
        """Plain JSON-ready data; *max_errors* caps each task's error list (0: none, None: all)."""
        return {
            "gold": self.source,
            "records": self.records,
            "datasets": dict(self.datasets),
            "unscored": self.unscored,
            "options": {
                "match": self.options.match,
                "km": self.options.km,
                "value_tolerance": self.options.value_tolerance,
            },
            "parsers": list(self.parsers) if self.parsed else None,
            "seconds": round(self.seconds, 3),
            "results": [r.to_dict(max_errors=max_errors) for r in self.results],
        }


def parsers_for(pipeline: Pipeline, names: Iterable[str]) -> Pipeline:
    """
    A pipeline of the parsers named in *names* that *pipeline* has, plus whatever they require.

    Parsers a task does not read are left out, which keeps evaluation fast.
    """
    from conflictnews.pipeline import Pipeline

    wanted = set(names)
    by_name = {p.name: p for p in pipeline.parsers}
    providers: dict[str, list[str]] = {}
    for p in pipeline.parsers:
        for kind in p.provides:
            providers.setdefault(kind, []).append(p.name)
    todo = [n for n in wanted if n in by_name]
    keep: set[str] = set()
    while todo:
        n = todo.pop()
        if n in keep:
            continue
        keep.add(n)
        for kind in by_name[n].requires:
            todo.extend(providers.get(kind, ()))
    return Pipeline(
        [p for p in pipeline.parsers if p.name in keep],
        strict=pipeline.strict,
        max_text_length=pipeline.max_text_length,
    )


def _tasks_of(docs: Sequence[GoldDocument], selected: Sequence[str]) -> list[str]:
    present = {t for d in docs for t in d.tasks()}
    return [t for t in TASKS if t in present and t in selected]


Predictor = Callable[[GoldDocument], Any]


def evaluate(
    docs: Sequence[GoldDocument],
    *,
    tasks: Sequence[str] | None = None,
    options: Options | None = None,
    pipeline: Pipeline | None = None,
    predictions: Sequence[Any] | None = None,
    source: str = "",
    progress: Callable[[int, int], None] | None = None,
) -> Evaluation:
    """
    Parse and score *docs*.

    Args:
        docs: Gold records (see :func:`~conflictnews.evaluation.read_gold`).
        tasks: Tasks to score (default: every task the records have gold for).
        options: Matching rules (default :class:`Options`).
        pipeline: The pipeline to parse with (default ``Pipeline.default()``); only the
            parsers the selected tasks read run, with their requirements.
        predictions: Ready-made predictions (reports or dicts), one per record in order;
            when given nothing is parsed.
        source: Name of the gold file, kept in the result.
        progress: Called with (done, total) while parsing.

    Raises:
        ValueError: If *tasks* names an unknown task or *predictions* has the wrong length.
    """
    selected = list(tasks) if tasks else list(TASKS)
    unknown = [t for t in selected if t not in SCORERS]
    if unknown:
        raise ValueError(f"unknown task {unknown[0]!r} (choose from {', '.join(TASKS)})")
    opts = options or Options()
    t0 = time.perf_counter()
    if predictions is not None and len(predictions) != len(docs):
        raise ValueError(f"{len(docs)} gold records but {len(predictions)} predictions")
    groups: dict[str, list[int]] = {}
    for i, d in enumerate(docs):
        groups.setdefault(d.dataset, []).append(i)
    plan = {name: _tasks_of([docs[i] for i in idx], selected) for name, idx in groups.items()}
    scored = {i for name, idx in groups.items() if plan[name] for i in idx if set(docs[i].tasks()) & set(plan[name])}

    preds: list[Any] = list(predictions) if predictions is not None else [None] * len(docs)
    used_parsers: list[str] = []
    if predictions is None:
        from conflictnews.evaluation.predictions import Prediction
        from conflictnews.pipeline import Pipeline, make_document
        from conflictnews.serialization import to_dict

        base = pipeline if pipeline is not None else Pipeline.default()
        runners: dict[frozenset[str], Pipeline] = {}
        todo = sorted(scored)
        for n, i in enumerate(todo, 1):
            doc = docs[i]
            needed = {p for t in plan[doc.dataset] for p in TASK_PARSERS[t]}
            if "actors" in plan[doc.dataset] and doc.event is not None:
                needed.add("events")  # actor1/actor2 are read off the main event
            key = frozenset(needed)
            if key not in runners:
                runners[key] = parsers_for(base, needed)
                used_parsers.extend(p for p in runners[key].names if p not in used_parsers)
            report = runners[key].run(make_document(doc.text, published=doc.published, id=doc.id))
            preds[i] = Prediction(to_dict(report))  # converted once, read by every scorer
            if progress is not None:
                progress(n, len(todo))
    result = Evaluation(
        source=source,
        records=len(docs),
        datasets={name: len(idx) for name, idx in groups.items()},
        options=opts,
        parsers=tuple(used_parsers),
        parsed=predictions is None,
        unscored=len(docs) - len(scored),
    )
    for name, idx in groups.items():
        for task in plan[name]:
            members = [i for i in idx if task in docs[i].tasks()]
            result.results.append(SCORERS[task]([docs[i] for i in members], [preds[i] for i in members], opts))
    result.seconds = time.perf_counter() - t0
    return result
