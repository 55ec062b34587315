"""
Phrase look-up over the shared token index: the fast way to find lexicon entries.

Instead of one regular expression with thousands of alternatives (which the regex
engine tries at every character), phrases are keyed by their first word; a scan
over the document's words costs one dict look-up per word.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator
from typing import Generic, TypeVar

import regex

from conflictnews._analysis import Analysis

V = TypeVar("V")

_WORDS = re.compile(r"[^\W_]+(?:['\u2019\-][^\W_]+)*")


def alternation(words: Iterable[str], *, space: str = r"\ ", case_sensitive: bool = False) -> str:
    r"""
    A regex alternation of *words* built as a trie ("Mar(?:ch)?" rather than "March|Mar").

    It matches exactly like ``"|".join(regex.escape(w) for w in ...)`` with the words sorted longest
    first (white space written as *space*), but the engine follows one branch per character instead of
    trying every word in turn. Unless the pattern reads the words *case_sensitive*, two words that differ
    only in case make it fall back to the plain form, whose order a trie could not keep.

    >>> alternation(["Mar", "March", "May"], case_sensitive=True)
    'Ma(?:r(?:ch)?|y)'
    >>> alternation(["a few", "a"], space=r"\s++")
    'a(?:\\s++few)?'
    """
    ordered = sorted(set(words), key=lambda w: (-len(w), w))
    flat = "|".join(regex.escape(w).replace(r"\ ", space) for w in ordered)
    if not ordered or "" in ordered:
        return flat
    trie: dict[str, dict] = {}  # type: ignore[type-arg]
    for w in ordered:
        if regex.escape(w) != "".join(regex.escape(ch) for ch in w):
            return flat
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str | None:  # type: ignore[type-arg]
        keys = sorted(k for k in node if k)
        if not case_sensitive:
            folded = {k.lower() for k in keys}
            if len(folded) != len(keys) or any(not k.isascii() and k.lower() != k.upper() for k in keys):
                return None  # case variants side by side: only the flat list keeps their order
        alts = []
        for ch in keys:
            rest = emit(node[ch])
            if rest is None:
                return None
            alts.append((space if ch == " " else regex.escape(ch)) + rest)
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        if "" not in node:
            return body
        return f"(?:{body})?" if len(alts) > 1 or len(body) > 1 else f"{body}?"

    out = emit(trie)
    return flat if out is None else out


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

    __slots__ = ("_first", "_seconds", "_single")

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
        # per first word: the second words of its longer phrases (a word followed by none of them can only
        # be a one-word phrase), and the value of the one-word phrase
        self._seconds: dict[str, frozenset[str]] = {
            w: frozenset(k[1] for k in phrases if len(k) > 1) for w, phrases in by_first.items()
        }
        self._single: dict[str, V] = {w: phrases[(w,)] for w, phrases in by_first.items() if (w,) in phrases}

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
        first, seconds, single = self._first, self._seconds, self._single
        hits = analysis.indices_of(first, lo, stop)  # only the words that open a phrase
        resume = lo  # the first word a new match may start at (past the last match, unless overlapping)
        for i in hits:
            if i < resume:
                continue
            w = words[i]
            if i + 1 >= stop or words[i + 1] not in seconds[w]:
                # no longer phrase can start here: only the word itself may be one
                if w in single:
                    yield starts[i], ends[i], single[w]
                    resume = i + 1
                continue
            lengths, cands = first[w]
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
