"""
Phrase look-up over the shared token index: the fast way to find lexicon entries.

Instead of one regular expression with thousands of alternatives (which the regex
engine tries at every character), phrases are keyed by their first word; a scan
over the document's words costs one dict look-up per word.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterable, Iterator
from typing import Generic, TypeVar

from conflictnews._analysis import Analysis

V = TypeVar("V")

_WORDS = re.compile(r"[^\W_]+(?:['\u2019\-][^\W_]+)*")


def phrase_key(phrase: str) -> tuple[str, ...]:
    """The lower-case words of *phrase*, tokenised exactly as documents are."""
    return tuple(w.lower() for w in _WORDS.findall(phrase))


class PhraseMatcher(Generic[V]):
    """
    Find the longest lexicon phrase starting at each word, left to right, without overlaps.

    >>> m = PhraseMatcher([("air strike", 1), ("strike", 2)])
    >>> a = Analysis("An air strike, then a strike.")
    >>> [(a.text[s:e], v) for s, e, v in m.finditer(a)]
    [('air strike', 1), ('strike', 2)]
    """

    __slots__ = ("_first",)

    def __init__(self, entries: Iterable[tuple[str, V]]) -> None:
        by_first: dict[str, dict[tuple[str, ...], V]] = {}
        for phrase, value in entries:
            key = phrase_key(phrase)
            if key:
                by_first.setdefault(key[0], {}).setdefault(key, value)
        # per first word: the phrase lengths to try, longest first, and the phrases
        self._first: dict[str, tuple[tuple[int, ...], dict[tuple[str, ...], V]]] = {
            w: (tuple(sorted({len(k) for k in phrases}, reverse=True)), phrases) for w, phrases in by_first.items()
        }

    def finditer(
        self, analysis: Analysis, start: int = 0, end: int | None = None, *, overlapping: bool = False
    ) -> Iterator[tuple[int, int, V]]:
        """Yield ``(start, end, value)`` of each match between character offsets *start* and *end*."""
        words = analysis.tok_lower
        starts, ends = analysis.tok_starts, analysis.tok_ends
        text = analysis.text
        stop = len(words) if end is None else bisect.bisect_left(starts, end)
        lo = 0 if start == 0 else bisect.bisect_left(starts, start)
        if lo >= stop:
            return
        first = self._first
        # compress/map keep the per-word look-up in C: only words that open a phrase reach Python
        hits = itertools.compress(range(lo, stop), map(first.__contains__, itertools.islice(words, lo, stop)))
        resume = lo  # the first word a new match may start at (past the last match, unless overlapping)
        for i in hits:
            if i < resume:
                continue
            lengths, cands = first[words[i]]
            for j in lengths:
                if j > stop - i:
                    continue
                key = (words[i],) if j == 1 else tuple(words[i : i + j])
                if key in cands and (j == 1 or _contiguous(text, ends, starts, i, i + j)):
                    yield starts[i], ends[i + j - 1], cands[key]
                    resume = i + 1 if overlapping else i + j
                    break


def _contiguous(text: str, ends: list[int], starts: list[int], i: int, j: int) -> bool:
    # words of a phrase may only be separated by white space (not by a full stop or comma)
    for k in range(i, j - 1):
        gap = text[ends[k] : starts[k + 1]]
        if gap.strip():
            return False
    return True
