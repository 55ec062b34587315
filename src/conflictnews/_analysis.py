"""
The shared, read-only analysis of one document: paragraphs, sentences, quote
regions and a token index. Computed once per document, then handed to every
parser, so no parser re-splits sentences or re-scans for quotation marks.
"""

from __future__ import annotations

import bisect
import itertools
import operator
import re
from collections.abc import Container
from typing import NamedTuple

import regex

from conflictnews.lexicons import load_lexicon

_PARAGRAPH = regex.compile(r"[^\n]++")

# A candidate sentence end: terminal punctuation, optional closers, then space.
_SENTENCE_END = regex.compile(
    r"""
    (?P<punct>[.!?]++|\u2026)        # one or more terminators, possessive
    (?P<close>["'\u201d\u2019)\]]*+) # closing quotes or brackets stay with the sentence
    (?=\s)                          # a sentence only ends before white space
    """,
    regex.VERBOSE,
)

_WORD_BEFORE = regex.compile(r"(?:[\p{L}]\.)*+[\p{L}]*+$")

# Words: runs of letters or digits, joined by apostrophes or hyphens (Kryvyi-Rih, Ukraine's).
# The standard library's engine is faster here; the pattern cannot backtrack (each repeat starts with a separator).
_FAST_TOKEN = re.compile(r"[^\W_]+(?:['\u2019\-][^\W_]+)*")

_JOINER = re.compile(r"['\u2019\-]")

_OPEN_QUOTES = "\u201c\u00ab\u201e"
_CLOSE_QUOTES = "\u201d\u00bb"
_QUOTE_MARK = regex.compile(r"[\"\u201c\u201d\u00ab\u00bb\u201e]")


class Token(NamedTuple):
    """A word with its offsets; *cap* when it starts with an upper-case letter."""

    start: int
    end: int
    text: str
    cap: bool
    sentence_start: bool


class QuoteRegion(NamedTuple):
    """The text between a pair of quotation marks (marks excluded)."""

    start: int
    end: int
    open_mark: int
    close_mark: int | None  # None when the paragraph ended without a closing mark


class Analysis:
    """Sentences, paragraphs, quote regions and tokens of one text."""

    __slots__ = (
        "_digit_tokens",
        "_joined_tokens",
        "_lower",
        "_quote_starts",
        "_sent_starts",
        "_tokens",
        "paragraphs",
        "quote_regions",
        "sentence_first_tokens",
        "sentences",
        "text",
        "tok_ends",
        "tok_starts",
        "tok_words",
    )

    def __init__(self, text: str) -> None:
        self.text = text
        self.paragraphs: tuple[tuple[int, int], ...] = tuple(
            (m.start(), m.end()) for m in _PARAGRAPH.finditer(text) if m.group().strip()
        )
        self.sentences: tuple[tuple[int, int], ...] = tuple(_split_sentences(text, self.paragraphs))
        self._sent_starts = [s for s, _ in self.sentences]
        # the token index as parallel lists: cheap to build, cheap to bisect
        spans = [m.span() for m in _FAST_TOKEN.finditer(text)]
        self.tok_starts: list[int] = [a for a, _ in spans]
        self.tok_ends: list[int] = [b for _, b in spans]
        self.tok_words: list[str] = [text[a:b] for a, b in spans]
        # a sentence's first token opens it
        firsts: set[int] = set()
        n = len(spans)
        for s_start, s_end in self.sentences:
            i = bisect.bisect_left(self.tok_starts, s_start)
            if i < n and self.tok_starts[i] < s_end:
                firsts.add(i)
        self.sentence_first_tokens: frozenset[int] = frozenset(firsts)
        self._tokens: tuple[Token, ...] | None = None
        self._lower: list[str] | None = None
        self._digit_tokens: list[int] | None = None
        self._joined_tokens: list[int] | None = None
        self.quote_regions: tuple[QuoteRegion, ...] = tuple(_quote_regions(text, self.paragraphs))
        self._quote_starts = [q.start for q in self.quote_regions]

    @property
    def tok_lower(self) -> list[str]:
        """The words in lower case (built on first use, shared by every parser)."""
        if self._lower is None:
            self._lower = [w.lower() for w in self.tok_words]
        return self._lower

    def indices_of(self, words: Container[str]) -> list[int]:
        """Indices of the tokens whose lower-case word is in *words*, in text order."""
        # compress/map keep the per-token test in C: callers use this to skip the words that cannot matter
        return list(itertools.compress(itertools.count(), map(words.__contains__, self.tok_lower)))

    @property
    def digit_tokens(self) -> list[int]:
        """Indices of the tokens that start with a digit, in text order (built on first use)."""
        if self._digit_tokens is None:
            firsts = map(operator.itemgetter(0), self.tok_words)
            self._digit_tokens = list(itertools.compress(itertools.count(), map(str.isdigit, firsts)))
        return self._digit_tokens

    @property
    def joined_tokens(self) -> list[int]:
        """Indices of the tokens holding a hyphen or an apostrophe ("mid-March", "Ukraine's"), in text order."""
        if self._joined_tokens is None:
            starts, ends = self.tok_starts, self.tok_ends
            found: dict[int, None] = {}
            for m in _JOINER.finditer(self.text):
                pos = m.start()
                i = bisect.bisect_right(starts, pos) - 1
                if i >= 0 and pos < ends[i]:
                    found[i] = None
            self._joined_tokens = list(found)
        return self._joined_tokens

    @property
    def tokens(self) -> tuple[Token, ...]:
        """Every word with its offsets, capitalisation and whether it opens a sentence (built on first use)."""
        if self._tokens is None:
            firsts = self.sentence_first_tokens
            caps = [w[0].isupper() for w in self.tok_words]
            opens = [False] * len(caps)
            for i in firsts:
                opens[i] = True
            new = tuple.__new__  # skips the NamedTuple's Python-level __new__: 3x faster on long texts
            self._tokens = tuple(
                new(Token, row) for row in zip(self.tok_starts, self.tok_ends, self.tok_words, caps, opens, strict=True)
            )
        return self._tokens

    def sentence_index(self, offset: int) -> int:
        """Index of the sentence holding *offset* (the nearest before it when between sentences)."""
        return max(0, bisect.bisect_right(self._sent_starts, offset) - 1)

    def sentence_at(self, offset: int) -> tuple[int, int]:
        """The ``(start, end)`` of the sentence holding *offset*."""
        if not self.sentences:
            return (0, len(self.text))
        return self.sentences[self.sentence_index(offset)]

    def in_quote(self, start: int, end: int) -> QuoteRegion | None:
        """The quote region containing ``[start, end)``, if any."""
        regions = self.quote_regions
        i = bisect.bisect_right(self._quote_starts, start) - 1
        if i >= 0 and regions[i].start <= start and end <= regions[i].end:
            return regions[i]
        return None


def _split_sentences(text: str, paragraphs: tuple[tuple[int, int], ...]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for p_start, p_end in paragraphs:
        start = p_start
        for m in _SENTENCE_END.finditer(text, p_start, p_end):
            end = m.end()
            if m.group("punct") == "." and _is_abbreviation(text, start, m.start()):
                continue
            nxt = _next_non_space(text, end, p_end)
            if nxt is not None and (text[nxt].islower() or text[nxt] in ",;:"):
                continue  # "... said Mr. smith" style or a list: no new sentence
            out.append(_strip(text, start, end))
            start = end
        if start < p_end and text[start:p_end].strip():
            out.append(_strip(text, start, p_end))
    return out


def _next_non_space(text: str, i: int, limit: int) -> int | None:
    while i < limit and text[i].isspace():
        i += 1
    return i if i < limit else None


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end)


def _is_abbreviation(text: str, sent_start: int, dot: int) -> bool:
    lo = max(sent_start, dot - 12)
    m = _WORD_BEFORE.search(text, lo, dot)
    word = m.group() if m else ""
    if not word:
        return False
    lw = word.lower()
    if lw in load_lexicon("lexicons/abbreviations"):
        return True
    # single capital initials ("J. Smith") and dotted acronyms ("U.S")
    return (len(word) == 1 and word.isupper()) or (len(word) >= 3 and word[1] == ".")


def _quote_regions(text: str, paragraphs: tuple[tuple[int, int], ...]) -> list[QuoteRegion]:
    out: list[QuoteRegion] = []
    for p_start, p_end in paragraphs:
        open_at: int | None = None
        for m in _QUOTE_MARK.finditer(text, p_start, p_end):
            i = m.start()
            ch = text[i]
            if open_at is None:
                if ch in _CLOSE_QUOTES:
                    continue
                open_at = i
            else:
                if ch in _OPEN_QUOTES:
                    # a new opening mark: the earlier one was never closed
                    open_at = i
                    continue
                if i > open_at + 1:
                    out.append(QuoteRegion(open_at + 1, i, open_at, i))
                open_at = None
        if open_at is not None and open_at + 1 < p_end:
            # an opening mark with no closing one: the quote runs to the end of the paragraph
            out.append(QuoteRegion(open_at + 1, _strip(text, open_at + 1, p_end)[1], open_at, None))
    return out


def token_index_at(tokens: tuple[Token, ...], offset: int) -> int:
    """Index of the first token starting at or after *offset*."""
    return bisect.bisect_left(tokens, offset, key=lambda t: t.start)
