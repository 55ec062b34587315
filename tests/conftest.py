"""Shared test set-up: hypothesis profiles ("dev" by default, "ci" under CI=true, FAST=1 for a quick run)."""

from __future__ import annotations

import os
import pathlib

import pytest
from hypothesis import HealthCheck, settings

settings.register_profile("dev", max_examples=60, deadline=None)
settings.register_profile("ci", max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("fast", max_examples=10, deadline=None)
if os.environ.get("FAST"):
    settings.load_profile("fast")
elif os.environ.get("CI"):
    settings.load_profile("ci")
else:
    settings.load_profile("dev")

ROOT = pathlib.Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "kursk-2025-03.txt"


@pytest.fixture(scope="session")
def seed_text() -> str:
    """The reference article."""
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_report(seed_text: str):  # type: ignore[no-untyped-def]
    """The reference article parsed with its publication date."""
    import conflictnews as cn

    return cn.parse(seed_text, published="2025-03-16")
