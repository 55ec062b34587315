"""
Reading gold actor names (ACLED, UCDP) as an actor kind plus a country code.

ACLED names its actors by convention: "Military Forces of Russia (2000-)",
"Protesters (Mexico)", "Fulani Ethnic Militia (Nigeria)". The kind comes from
the record's ACLED inter code when it has one (1 state forces ... 8 external
forces), otherwise from ``conflictnews.parsers.actors.normalise_acled_actor``
when that exists, otherwise from the table ``data/eval/acled_actor_names.tsv``.
The country comes from the name ("... of Russia", "(Mexico)") through
``data/eval/country_names.tsv`` (every ISO 3166-1 country, with ACLED's and
UCDP's spellings; the gazetteer is not consulted, which keeps evaluation fast).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

import regex

from conflictnews.evaluation.metrics import fold
from conflictnews.lexicons import load_table
from conflictnews.model import ACLED_INTER

__all__ = [
    "INTER_KINDS",
    "KIND_GROUPS",
    "acled_actor",
    "cameo_to_plover",
    "country_code",
    "kinds_match",
    "normalise_acled_actor",
    "ucdp_actor",
]

INTER_KINDS: dict[int, str] = {code: kind.value for kind, code in ACLED_INTER.items()}
"""ACLED inter code → conflictnews actor kind (the inverse of :data:`conflictnews.model.ACLED_INTER`)."""

KIND_GROUPS: dict[str, str] = {"state_forces": "state", "external_forces": "state", "government": "state"}
"""Kinds that count as the same when matching actors (ACLED codes a state's forces abroad as 8, "external")."""


def kinds_match(gold: str | None, predicted: str | None) -> bool:
    """Whether a predicted kind fits a gold kind (``None`` in gold fits anything)."""
    if gold is None:
        return True
    if predicted is None:
        return False
    return KIND_GROUPS.get(gold, gold) == KIND_GROUPS.get(predicted, predicted)


@functools.cache
def _name_rules() -> tuple[tuple[str, str, str], ...]:
    rows = load_table("eval/acled_actor_names")
    # longest text first, so the most specific row wins
    return tuple(sorted(((m, fold(t), k) for m, t, k in rows), key=lambda r: -len(r[1])))


@functools.cache
def _countries() -> dict[str, str]:
    return {_country_key(name): code for name, code in load_table("eval/country_names")}


def _country_key(name: str) -> str:
    key = fold(name).replace("-", " ")
    return key[4:] if key.startswith("the ") else key


@functools.cache
def country_code(name: str) -> str | None:
    """The ISO alpha-2 code of a country *name* ("Democratic Republic of Congo" → "CD"), or None."""
    key = _country_key(name)
    if not key:
        return None
    return _countries().get(key)


_OF_COUNTRY = regex.compile(r"(?:Forces|Government|Police)\s++of\s++(?:the\s++)?+([^()]+?)\s*+(?:\(|$)")
_PARENS = regex.compile(r"\(([^()]*+)\)")


def _country_of(name: str) -> str | None:
    candidates: list[str] = []
    m = _OF_COUNTRY.search(name)
    if m:
        candidates.append(m.group(1))
    candidates.extend(p for p in reversed(_PARENS.findall(name)) if p and not p[0].isdigit())
    for c in candidates:
        code = country_code(c.strip())
        if code is not None:
            return code
    return None


def normalise_acled_actor(name: str) -> tuple[str | None, str | None]:
    """
    Kind and country of an ACLED actor *name*, by the documented name table.

    >>> normalise_acled_actor("Military Forces of Russia (2000-)")
    ('state_forces', 'RU')
    >>> normalise_acled_actor("Protesters (Mexico)")
    ('protesters', 'MX')
    """
    folded = fold(name)
    kind = None
    for match, text, k in _name_rules():
        if folded.startswith(text) if match == "prefix" else text in folded:
            kind = k
            break
    return kind, _country_of(name)


@functools.cache
def _parser_normaliser() -> Callable[[str], tuple[Any, Any]] | None:
    """``conflictnews.parsers.actors.normalise_acled_actor`` when that parser ships it."""
    import importlib

    try:
        actors = importlib.import_module("conflictnews.parsers.actors")
    except ImportError:
        return None
    fn = getattr(actors, "normalise_acled_actor", None)
    return fn if callable(fn) else None


@functools.lru_cache(maxsize=8192)
def acled_actor(name: str, inter: int | None) -> tuple[str | None, str | None]:
    """
    Kind and country of a gold ACLED actor.

    The kind is the inter code's (when 1-8), else the actors parser's reading of
    the name, else the name table's; the country is read from the name.
    """
    kind: str | None = INTER_KINDS.get(inter) if inter is not None else None
    country: str | None = None
    external = _parser_normaliser()
    if external is not None:
        try:
            ek, ec = external(name)
        except Exception:  # a helper that fails must not stop an evaluation
            ek, ec = None, None
        kind = kind or (str(ek) if ek is not None else None)
        country = ec if isinstance(ec, str) and len(ec) == 2 else None
    fk, fc = normalise_acled_actor(name)
    return kind or fk, country or fc


def ucdp_actor(name: str, type_of_violence: int | None, *, side: str) -> tuple[str | None, str | None]:
    """
    Kind and country of a UCDP GED side ("Government of Ukraine", "DPR", "Civilians").

    A government side is state forces; in a state-based conflict (type 1) the
    other side is a rebel group; in one-sided violence (type 3) side B is civilians.
    """
    kind, country = normalise_acled_actor(name)
    if fold(name) == "civilians" or (type_of_violence == 3 and side == "b"):
        return "civilians", None
    if kind is None and type_of_violence == 1:
        kind = "rebel_group"
    return kind, country


@functools.cache
def _cameo() -> dict[str, str]:
    return {row[0]: row[1] for row in load_table("eval/cameo_plover") if len(row) >= 2}


def cameo_to_plover(code: str) -> str | None:
    """The PLOVER type of a CAMEO event code by its root ("190" → "FIGHT"), or None."""
    return _cameo().get(code.strip()[:2])
