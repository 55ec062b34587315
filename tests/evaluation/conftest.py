"""Shared helpers for the evaluation tests: the hand-written gold fixtures."""

from __future__ import annotations

import pathlib

from conflictnews.evaluation.gold import GoldDocument
from conflictnews.evaluation.readers import read_gold

FIXTURES = pathlib.Path(__file__).resolve().parent.parent / "fixtures" / "eval"


def load(name: str) -> list[GoldDocument]:
    """The gold records of fixture file *name*."""
    with open(FIXTURES / name, encoding="utf-8") as fh:
        return read_gold(fh, name=name)
