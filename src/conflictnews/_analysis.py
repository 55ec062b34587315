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
from collections.abc import Collection
from typing import NamedTuple

import regex

from conflictnews._dateline import dateline_spans
from conflictnews.lexicons import load_lexicon

MAX_SENTENCE_LENGTH = 2_000
"""
Text running longer than this (in characters) without a sentence end is cut into pieces.

Parsers look at a cue's whole sentence, so without a bound, text with no punctuation
("said said said …") costs time that grows with the square of its length. Real sentences are
far shorter: 99.99 % of the 32,000 in the evaluation sets are under 1,200 characters.
"""

_LAST_SPACE = regex.compile(r"\s", regex.REVERSE)

# A candidate sentence end: terminal punctuation, optional closers, then space.
_SENTENCE_END = regex.compile(
    r"""
    (?P<punct>(?<![.!?])[.!?]++|\u2026)  # a whole run of terminators (not retried inside it: quadratic)
    (?P<close>["'\u201d\u2019)\]]*+) # closing quotes or brackets stay with the sentence
    (?=\s)                          # a sentence only ends before white space
    """,
    regex.VERBOSE,
)
_PUNCT = _SENTENCE_END.groupindex["punct"]  # read by number: the regex module tries a name as a number first

_WORD_BEFORE = regex.compile(r"(?:[\p{L}]\.)*+[\p{L}]*+$")
_OPENER_AFTER = regex.compile(
    r"\s++(?:He|She|It|They|We|The|This|That|These|Those|His|Her|Their|Its|But|And)(?![\p{L}\p{N}])"
)
"""Words that open a sentence and never a name: after "on X." they show the full stop ends one."""

# Words: runs of letters or digits, joined by apostrophes or hyphens (Kryvyi-Rih, Ukraine's).
# The standard library's engine is faster here; the pattern cannot backtrack (each repeat starts with a separator).
_FAST_TOKEN = re.compile(r"[^\W_]+(?:['\u2019\-][^\W_]+)*")
# The same pattern as a splitter (words and the gaps between them, offsets summed in C), and the
# quicker \w form, which finds the same words in any text without an underscore.
_TOKEN_SPLIT = re.compile(f"({_FAST_TOKEN.pattern})")
_TOKEN_SPLIT_NO_UNDERSCORE = re.compile(r"(\w+(?:['\u2019\-]\w+)*)")
# for ASCII text the ASCII reading of \w finds the same words, a fifth faster
_TOKEN_SPLIT_ASCII = re.compile(r"(\w+(?:['\-]\w+)*)", re.ASCII)
_SPACES = re.compile(r"\s*")  # \s is str.isspace() here

_OPEN_QUOTES = "\u201c\u00ab\u201e"
_CLOSE_QUOTES = "\u201d\u00bb"
_JOINERS = "-'\u2019"  # what joins the parts of a token: "mid-March", "Ukraine's"
_QUOTE_MARKS = '"\u201c\u201d\u00ab\u00bb\u201e'


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
        "_capitalised_tokens",
        "_char_offsets",
        "_datelines",
        "_digit_tokens",
        "_joined_tokens",
        "_lower",
        "_positions",
        "_quote_starts",
        "_sent_starts",
        "_tokens",
        "paragraphs",
        "quote_regions",
        "sentence_cuts",
        "sentence_first_tokens",
        "sentences",
        "text",
        "tok_ends",
        "tok_starts",
        "tok_words",
    )

    def __init__(self, text: str) -> None:
        self.text = text
        self._char_offsets: dict[str, list[int]] = {}
        self.paragraphs: tuple[tuple[int, int], ...] = _paragraphs(text)
        cuts: list[int] = []
        self.sentences: tuple[tuple[int, int], ...] = tuple(_split_sentences(text, self.paragraphs, cuts))
        self.sentence_cuts: tuple[int, ...] = tuple(cuts)
        """Where a sentence over :data:`MAX_SENTENCE_LENGTH` characters was cut (empty for real prose)."""
        self._sent_starts = [s for s, _ in self.sentences]
        # the token index as parallel lists: cheap to build, cheap to bisect
        self.tok_starts, self.tok_ends, self.tok_words = _tokenize(text)
        # a sentence's first token opens it
        firsts: set[int] = set()
        n = len(self.tok_words)
        for s_start, s_end in self.sentences:
            i = bisect.bisect_left(self.tok_starts, s_start)
            if i < n and self.tok_starts[i] < s_end:
                firsts.add(i)
        self.sentence_first_tokens: frozenset[int] = frozenset(firsts)
        self._tokens: tuple[Token, ...] | None = None
        self._lower: list[str] | None = None
        self._positions: dict[str, list[int]] | None = None
        self._digit_tokens: list[int] | None = None
        self._datelines: list[tuple[int, int]] | None = None
        self._capitalised_tokens: list[int] | None = None
        self._joined_tokens: list[int] | None = None
        self.quote_regions: tuple[QuoteRegion, ...] = tuple(
            _quote_regions(text, self.paragraphs, self.offsets(_QUOTE_MARKS))
        )
        self._quote_starts = [q.start for q in self.quote_regions]

    def offsets(self, chars: str) -> list[int]:
        """
        The offsets of the characters of the text that are in *chars*, ascending (do not change the list).

        Each character's offsets are found once per document with a ``str.find`` loop, which runs in C
        between hits: several times faster than a regex scan for the character class when hits are few.
        The answer for each *chars* is kept too: parsers ask for the same few sets.
        """
        cache = self._char_offsets
        found = cache.get(chars)
        if found is None:
            text = self.text
            if len(chars) == 1:
                found = find_all(text, chars) if chars in text else []
            else:
                parts = []
                for ch in dict.fromkeys(chars):
                    part = cache.get(ch)
                    if part is None:
                        part = cache[ch] = find_all(text, ch) if ch in text else []
                    if part:
                        parts.append(part)
                found = _merged(parts)
            cache[chars] = found
        return found

    @property
    def tok_lower(self) -> list[str]:
        """The words in lower case (built on first use, shared by every parser)."""
        if self._lower is None:
            self._lower = list(map(str.lower, self.tok_words))
        return self._lower

    @property
    def word_positions(self) -> dict[str, list[int]]:
        """Each lower-case word of the text → the indices of its tokens, ascending (built on first use)."""
        if self._positions is None:
            positions: dict[str, list[int]] = {}
            for i, w in enumerate(self.tok_lower):
                found = positions.get(w)
                if found is None:
                    positions[w] = [i]
                else:
                    found.append(i)
            self._positions = positions
        return self._positions

    def indices_of(self, words: Collection[str], lo: int = 0, hi: int | None = None) -> list[int]:
        """
        Indices of the tokens whose lower-case word is in *words*, ascending (only ``lo <= i < hi`` if given).

        On a long stretch of text this costs one look-up per distinct word (or per entry of a smaller
        *words*) through :attr:`word_positions`, not one per token: parsers call it to skip the tokens
        that cannot matter to them. A short stretch is simply scanned.
        """
        lower = self.tok_lower
        n = len(lower)
        stop = n if hi is None else min(hi, n)
        if stop - lo < _INDEX_FROM or n < 2 * _INDEX_FROM:
            return _scan(lower, words, lo, stop)
        positions = self.word_positions
        if 2 * (stop - lo) < min(len(words), len(positions)):
            return _scan(lower, words, lo, stop)
        if len(words) < len(positions):
            keys = list(filter(positions.__contains__, words))
        else:
            keys = list(filter(words.__contains__, positions))
        if lo <= 0 and stop == n:
            return _merged([positions[k] for k in keys])
        parts = []
        for k in keys:
            found = positions[k]
            a = bisect.bisect_left(found, lo)
            b = bisect.bisect_left(found, stop, a)
            if a < b:
                parts.append(found[a:b])
        return _merged(parts)

    @property
    def digit_tokens(self) -> list[int]:
        """Indices of the tokens that start with a digit, ascending (built on first use)."""
        if self._digit_tokens is None:
            if len(self.tok_words) < 2 * _INDEX_FROM:
                self._digit_tokens = [i for i, w in enumerate(self.tok_words) if w[0].isdigit()]
            else:
                positions = self.word_positions
                self._digit_tokens = _merged([found for w, found in positions.items() if w[0].isdigit()])
        return self._digit_tokens

    @property
    def capitalised_tokens(self) -> list[int]:
        """Indices of the tokens whose first character is upper case, ascending (built on first use)."""
        if self._capitalised_tokens is None:
            firsts = map(operator.itemgetter(0), self.tok_words)
            self._capitalised_tokens = list(itertools.compress(itertools.count(), map(str.isupper, firsts)))
        return self._capitalised_tokens

    @property
    def datelines(self) -> list[tuple[int, int]]:
        """The datelines opening the first paragraphs ("KYIV, Nov 19 (AP) — "), as spans (found on first use)."""
        if self._datelines is None:
            self._datelines = dateline_spans(self.text, self.paragraphs)
        return self._datelines

    @property
    def joined_tokens(self) -> list[int]:
        """Indices of the tokens holding a hyphen or an apostrophe ("mid-March", "Ukraine's"), ascending."""
        if self._joined_tokens is None:
            # the tokens holding one of the marks: a mark never opens or ends a token, so the token starting
            # last before a mark's offset holds it when it ends after it (few marks: one bisect each)
            starts, ends = self.tok_starts, self.tok_ends
            joined: list[int] = []
            last = -1
            for o in self.offsets(_JOINERS):
                i = bisect.bisect_right(starts, o) - 1
                if i > last and o < ends[i]:
                    joined.append(i)
                    last = i
            self._joined_tokens = joined
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


_INDEX_FROM = 64
"""Token look-ups over fewer tokens than this scan them; longer ones go through the word index."""


def _scan(lower: list[str], words: Collection[str], lo: int, stop: int) -> list[int]:
    """Indices ``lo <= i < stop`` of the words of *lower* in *words*, one look-up per token (kept in C)."""
    return list(itertools.compress(range(lo, stop), map(words.__contains__, lower[lo:stop])))


def _merged(parts: list[list[int]]) -> list[int]:
    """The ascending lists *parts* as one ascending list (a new one)."""
    if not parts:
        return []
    if len(parts) == 1:
        return list(parts[0])
    return sorted(itertools.chain.from_iterable(parts))


_LETTER = regex.compile(r"\p{L}")


def word_before(run: regex.Pattern[str], text: str, lo: int, hi: int) -> tuple[int, str] | None:
    """
    The start and text of the word that ends *text[lo:hi]* but for what *run* lets trail it.

    *run* is a reverse pattern (``(?r)``) whose group 1 is the run of word characters before the trailing
    characters: one anchored attempt at *hi*, where a forward search would try every position. The word opens
    at the run's first letter; None when the run holds no letter.
    """
    m = run.match(text, lo, hi)
    if m is None:
        return None
    a, q = m.span(1)
    first = _LETTER.search(text, a, q)
    return None if first is None else (first.start(), text[first.start() : q])


def find_all(text: str, mark: str) -> list[int]:
    """The offsets of the non-overlapping occurrences of *mark* in *text*, ascending."""
    out: list[int] = []
    find = text.find
    step = len(mark)
    i = find(mark)
    while i != -1:
        out.append(i)
        i = find(mark, i + step)
    return out


def _paragraphs(text: str) -> tuple[tuple[int, int], ...]:
    """The lines of *text* (runs of characters other than a line feed) that hold more than white space."""
    out: list[tuple[int, int]] = []
    find = text.find
    size = len(text)
    start = 0
    while start < size:
        end = find("\n", start)
        if end == -1:
            end = size
        if end > start and not text[start:end].isspace():
            out.append((start, end))
        start = end + 1
    return tuple(out)


def _tokenize(text: str) -> tuple[list[int], list[int], list[str]]:
    """The starts, ends and words of the tokens of *text* (the matches of ``_FAST_TOKEN``)."""
    if "_" in text:
        pieces = _TOKEN_SPLIT.split(text)
    else:
        pieces = (_TOKEN_SPLIT_ASCII if text.isascii() else _TOKEN_SPLIT_NO_UNDERSCORE).split(text)
    # pieces alternate gap, word, gap, ..., gap: the running total of their lengths gives the offsets
    offsets = list(itertools.accumulate(map(len, pieces)))
    return offsets[0:-1:2], offsets[1::2], pieces[1::2]


def _split_sentences(
    text: str, paragraphs: tuple[tuple[int, int], ...], cuts: list[int] | None = None
) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    cuts = [] if cuts is None else cuts
    abbreviations = load_lexicon("lexicons/abbreviations")
    spaces = _SPACES.match
    for p_start, p_end in paragraphs:
        start = p_start
        for m in _SENTENCE_END.finditer(text, p_start, p_end):
            end = m.end()
            if m.group(_PUNCT) == "." and _is_abbreviation(text, start, m.start(), abbreviations):
                continue
            nxt = spaces(text, end, p_end).end()  # type: ignore[union-attr]  # \s* always matches
            if nxt < p_end and (text[nxt].islower() or text[nxt] in ",;:"):
                continue  # "... said Mr. smith" style or a list: no new sentence
            s_start, s_end = _strip(text, start, end)
            if s_end - s_start > MAX_SENTENCE_LENGTH:
                _append(out, cuts, text, s_start, s_end)
            else:
                out.append((s_start, s_end))
            start = end
        if start < p_end and text[start:p_end].strip():
            _append(out, cuts, text, *_strip(text, start, p_end))
    return out


def _append(out: list[tuple[int, int]], cuts: list[int], text: str, start: int, end: int) -> None:
    """Add the sentence ``[start, end)``, in pieces of at most MAX_SENTENCE_LENGTH cut at white space."""
    while end - start > MAX_SENTENCE_LENGTH:
        hi = start + MAX_SENTENCE_LENGTH
        m = _LAST_SPACE.search(text, start + MAX_SENTENCE_LENGTH // 2, hi)
        cut = m.start() if m else hi
        out.append(_strip(text, start, cut))
        cuts.append(cut)
        start = _strip(text, cut, end)[0]
    out.append((start, end))


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    """``[start, end)`` without white space at either end (``(end, end)`` when it is all white space)."""
    piece = text[start:end]
    left = piece.lstrip()
    if not left:
        return (end, end)
    return (start + len(piece) - len(left), end - (len(left) - len(left.rstrip())))


def _is_abbreviation(text: str, sent_start: int, dot: int, abbreviations: Collection[str]) -> bool:
    lo = max(sent_start, dot - 12)
    m = _WORD_BEFORE.search(text, lo, dot)
    word = m.group() if m else ""
    if not word:
        return False
    lw = word.lower()
    if lw in abbreviations:
        return True
    if len(word) == 1 and word.isupper():
        # a single capital is an initial ("J. Smith"), unless a sentence plainly starts after it:
        # "he wrote on X. He urged …", "Plan B. The army …"
        return _OPENER_AFTER.match(text, dot + 1) is None
    return len(word) >= 3 and word[1] == "."  # dotted acronyms ("U.S")


def _quote_regions(text: str, paragraphs: tuple[tuple[int, int], ...], marks: list[int]) -> list[QuoteRegion]:
    """Pairs of quotation marks, paragraph by paragraph (a mark is never white space, so it lies in one)."""
    out: list[QuoteRegion] = []
    k = -1
    p_end = -1
    open_at: int | None = None
    for i in marks:  # the quotation marks of the whole text (ascending), handed to their paragraph
        if i >= p_end:
            _close_paragraph(text, out, open_at, p_end)
            open_at = None
            k += 1
            while paragraphs[k][1] <= i:
                k += 1
            p_end = paragraphs[k][1]
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
    _close_paragraph(text, out, open_at, p_end)
    return out


def _close_paragraph(text: str, out: list[QuoteRegion], open_at: int | None, p_end: int) -> None:
    if open_at is not None and open_at + 1 < p_end:
        # an opening mark with no closing one: the quote runs to the end of the paragraph
        out.append(QuoteRegion(open_at + 1, _strip(text, open_at + 1, p_end)[1], open_at, None))


def token_index_at(tokens: tuple[Token, ...], offset: int) -> int:
    """Index of the first token starting at or after *offset*."""
    return bisect.bisect_left(tokens, offset, key=lambda t: t.start)
