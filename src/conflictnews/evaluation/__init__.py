"""
Measuring conflictnews against annotated gold data (``conflictnews evaluate``).

Read gold JSONL with :func:`read_gold` (the shape of each record is detected),
score with :func:`evaluate` (which parses every text), or call a scorer
directly on hand-made predictions:

>>> from conflictnews.evaluation import GoldDocument, GoldTime, score_times
>>> expected = (GoldTime(start=3, end=11, value="2025-03-13"),)
>>> gold = GoldDocument(id="d1", dataset="demo", text="on 13 March", times=expected)
>>> predicted = {"times": [{"span": {"start": 3, "end": 11}, "value": "2025-03-13"}]}
>>> score_times([gold], [predicted]).metrics["f1"]
1.0

See ``docs/evaluation.md`` for the formats read, the matching rules and the metrics.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from conflictnews.evaluation.gold import (
        TASKS,
        GoldActor,
        GoldAttribution,
        GoldDocument,
        GoldEvent,
        GoldMention,
        GoldQuantity,
        GoldTime,
        GoldToponym,
    )
    from conflictnews.evaluation.readers import GoldFormatError, detect_shape, read_gold, to_gold
    from conflictnews.evaluation.runner import Evaluation, evaluate
    from conflictnews.evaluation.scorers import (
        SCORERS,
        Options,
        TaskResult,
        score_actors,
        score_events,
        score_locations,
        score_quantities,
        score_quotes,
        score_times,
    )

__all__ = [
    "SCORERS",
    "TASKS",
    "Evaluation",
    "GoldActor",
    "GoldAttribution",
    "GoldDocument",
    "GoldEvent",
    "GoldFormatError",
    "GoldMention",
    "GoldQuantity",
    "GoldTime",
    "GoldToponym",
    "Options",
    "TaskResult",
    "detect_shape",
    "evaluate",
    "read_gold",
    "score_actors",
    "score_events",
    "score_locations",
    "score_quantities",
    "score_quotes",
    "score_times",
    "to_gold",
]

_HOMES = {
    **dict.fromkeys(
        (
            "TASKS",
            "GoldActor",
            "GoldAttribution",
            "GoldDocument",
            "GoldEvent",
            "GoldMention",
            "GoldQuantity",
            "GoldTime",
            "GoldToponym",
        ),
        "gold",
    ),
    **dict.fromkeys(("GoldFormatError", "detect_shape", "read_gold", "to_gold"), "readers"),
    **dict.fromkeys(("Evaluation", "evaluate"), "runner"),
    **dict.fromkeys(
        (
            "SCORERS",
            "Options",
            "TaskResult",
            "score_actors",
            "score_events",
            "score_locations",
            "score_quantities",
            "score_quotes",
            "score_times",
        ),
        "scorers",
    ),
}


def __getattr__(name: str) -> object:
    # imported on first use: the command line loads this package at start-up
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'conflictnews.evaluation' has no attribute {name!r}")
    return getattr(importlib.import_module(f"conflictnews.evaluation.{home}"), name)


def __dir__() -> list[str]:
    return sorted(__all__)
