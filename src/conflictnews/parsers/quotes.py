"""
Direct and reported speech: who said what, through which channel.

The parser reads the quote regions of the shared analysis (plus single-mark
and ``''…''`` quotes, which the analysis leaves alone) and the attribution cues
of the text ("said", "told the BBC", "according to", "with one stating:"), ties
each quotation to its speaker and channel, and reports "X said that …" as an
indirect quote. The attribution finder here is shared with
:mod:`conflictnews.parsers.claims`.
"""

from __future__ import annotations

import bisect
import operator
from bisect import bisect_left as _bisect_left
from collections.abc import Iterable, Iterator, Sequence
from typing import NamedTuple

import regex

from conflictnews._analysis import Analysis, QuoteRegion, find_all
from conflictnews.lexicons import data_cache, load_lexicon, load_table
from conflictnews.model import Actor, ActorKind, Quote, ReportWarning, Span
from conflictnews.parsers import PARSER_API_VERSION, Context, Item

__all__ = ["CueLexicon", "QuoteParser", "load_cues"]


# --------------------------------------------------------------------------- lexicon


class CueVerb(NamedTuple):
    """One reporting verb: its lemma, the stance it lends and how it may be used."""

    lemma: str
    stance: str
    speech: bool  # introduces quotes (said, told, wrote)
    weak: bool  # needs "that", a colon, a quote or trailing position (added, noted)
    takes_object: bool  # "told the BBC that", "accused Russia of"
    hedge_verb: bool  # "gains appear diminished": the subject is part of the content
    needs_as: bool = False  # "see X as Y", "view X as Y": a cue only with "as" after its object


class CueLexicon:
    """
    The cue words of attribution, loaded from ``data/cues``; tests may build a small one.

    Args:
        verbs: Rows ``(lemma, forms, stance, flags)`` as in ``cues/verbs.tsv``.
        nouns: Rows ``(noun, stance[, links])`` as in ``cues/nouns.tsv`` (links: "of,that" by default).
        adverbs: Rows ``(adverb, stance)`` as in ``cues/adverbs.tsv``.
        hedges: Rows ``(word, where)`` as in ``cues/hedges.tsv``.
        disputes: Rows ``(word, kind)`` as in ``cues/disputes.tsv``.
        channels: Channel words as in ``cues/channels.txt``.
        function_words: Rows ``(word, classes)`` as in ``cues/function_words.tsv``.
        light_verbs: Verbs that take a cue word as their object noun, as in ``cues/light_verbs.txt``.
    """

    def __init__(
        self,
        *,
        verbs: Iterable[Sequence[str]],
        nouns: Iterable[Sequence[str]],
        adverbs: Iterable[Sequence[str]],
        hedges: Iterable[Sequence[str]],
        disputes: Iterable[Sequence[str]],
        channels: Iterable[str],
        function_words: Iterable[Sequence[str]] = (),
        light_verbs: Iterable[str] = (),
    ) -> None:
        self.verbs: dict[str, CueVerb] = {}
        for row in verbs:
            lemma, forms, stance = row[0], row[1], row[2]
            flags = row[3] if len(row) > 3 else ""
            cue = CueVerb(lemma, stance, "q" in flags, "w" in flags, "o" in flags, "h" in flags, "a" in flags)
            for form in _forms(forms, lemma):
                self.verbs[form] = cue
        nouns = [tuple(r) for r in nouns]
        self.nouns: dict[str, str] = {r[0].lower(): r[1] for r in nouns}
        # the words a noun cue takes before its content: "claims of", "claims that", "support for"
        self.noun_links: dict[str, tuple[str, ...]] = {
            r[0].lower(): tuple(w.strip() for w in r[2].split(",") if w.strip())
            if len(r) > 2 and r[2]
            else ("of", "that")
            for r in nouns
        }
        self.adverbs: dict[str, str] = {r[0].lower(): r[1] for r in adverbs}
        self.hedges: dict[str, str] = {r[0].lower(): r[1] for r in hedges}
        self.cue_hedges = frozenset(w for w, where in self.hedges.items() if where == "cue")
        self.source_hedges = frozenset(w for w, where in self.hedges.items() if where == "source")
        self.content_hedges = frozenset(w for w, where in self.hedges.items() if where in ("content", "cue"))
        self.disputes: dict[str, str] = {r[0].lower(): r[1] for r in disputes}
        self.channels: frozenset[str] = frozenset(c.lower() for c in channels)
        self.light_verbs: frozenset[str] = frozenset(v.lower() for v in light_verbs)
        classes: dict[str, set[str]] = {}
        for row in function_words:
            for cls in row[1].split(","):
                classes.setdefault(cls.strip(), set()).add(row[0].lower())
        self.aux = frozenset(classes.get("aux", ()))
        self.determiners = frozenset(classes.get("determiner", ()))
        self.clause_words = frozenset(classes.get("clause", ()))
        self.adverb_clause_words = self.clause_words | {"including", "and"}  # where an adverb's clause starts
        self.prepositions = frozenset(classes.get("preposition", ()))
        self.trailing = frozenset(classes.get("trailing", ()))
        self.openers = self.prepositions | frozenset(classes.get("opener", ()))
        self.trailing_or_to = self.trailing | {"to"}
        # first word -> (further words, kind, form): cues are found by token look-up, not one big regex,
        # because the analysis has already cut the text into tokens
        self.first: dict[str, list[tuple[tuple[str, ...], str, str]]] = {}
        for form in self.verbs:
            self._add(form, "verb")
        for noun, links in self.noun_links.items():
            for link in links:
                self._add(f"{noun} {link}", "noun")
        for adv in self.adverbs:
            self._add(adv, "adv")
        self._add("according to", "acc")
        for entries in self.first.values():
            entries.sort(key=lambda e: (-len(e[0]), e[1] != "verb"))
        # the noun cues whose noun is also a verb form ("claims of"): read as verbs after a name (_verb_reading)
        self.verb_nouns = frozenset(
            form
            for entries in self.first.values()
            for _, kind, form in entries
            if kind == "noun" and form.split()[0] in self.verbs
        )
        # the first word of every channel, to skip the search in sentences that name none (ASCII words only)
        heads = frozenset(c.split()[0] for c in self.channels if c.split())
        self.channel_heads = heads if heads and all(h.isascii() for h in heads) and "" not in self.channels else None
        self.channel_pattern = regex.compile(
            _CHANNEL_TEMPLATE.format(channels=_alternation(sorted(self.channels))),
            regex.VERBOSE | regex.IGNORECASE,
        )
        self.dispute_keys: frozenset[str] = frozenset(v for w in self.disputes for v in (w, w.capitalize(), w.upper()))
        # the same keys in lower case, for the analysis' word index
        self.first_lower = frozenset(k.lower() for k in self.first)
        self.dispute_lower = frozenset(k.lower() for k in self.dispute_keys)

    def _add(self, form: str, kind: str) -> None:
        parts = form.split()
        entry = (tuple(parts[1:]), kind, form)
        # keyed by the spellings a token may have, so the scan needs no str.lower() per token
        for key in dict.fromkeys((parts[0], parts[0].capitalize(), parts[0].upper())):
            self.first.setdefault(key, []).append(entry)

    def scan(self, analysis: Analysis, start: int = 0, end: int | None = None) -> list[Hit]:
        """The cues among the words of *analysis* inside ``[start, end)``, in text order."""
        first = self.first
        words = analysis.tok_words
        starts, ends = analysis.tok_starts, analysis.tok_ends
        lo = bisect.bisect_left(starts, start) if start else 0
        hi = len(words) if end is None else bisect.bisect_left(starts, end, lo=lo)
        # the analysis' word index gives the few words that may open a cue
        found = [i for i in analysis.indices_of(self.first_lower, lo, hi) if words[i] in first]
        out: list[Hit] = []
        new = tuple.__new__  # skips the NamedTuple's Python-level __new__
        verb_nouns = self.verb_nouns
        for i in found:
            for rest, kind, form in first[words[i]]:
                if rest:
                    r = len(rest)
                    if i + r >= hi:
                        continue
                    if r == 1:
                        if words[i + 1].lower() != rest[0]:
                            continue
                    elif any(words[i + 1 + k].lower() != w for k, w in enumerate(rest)):
                        continue
                    stop = ends[i + r]
                else:
                    stop = ends[i]
                if kind == "noun" and form in verb_nouns and _verb_reading(analysis, i):
                    continue
                out.append(new(Hit, (starts[i], stop, kind, form)))
                break
        return out


Word = tuple[int, int, str]
"""A word of the text: ``(start, end, text)``."""


class Hit(NamedTuple):
    """A cue found in the text: its span, kind (verb, noun, adv, acc) and lower-case form."""

    start: int
    end: int
    kind: str
    form: str


def _verb_reading(analysis: Analysis, i: int) -> bool:
    """For "claims"/"reports": a verb after a name or pronoun ("Russia claims that"), a noun otherwise."""
    if i == 0 or i in analysis.sentence_first_tokens:
        return False
    prev = analysis.tok_words[i - 1]
    if prev.endswith(("'s", "\u2019s")) or prev.lower() in _NOUN_BEFORE:
        return False  # "Trump's support for", "his attacks on"
    return prev[0].isupper() or prev.lower() in ("he", "she", "they", "it", "who", "which", "that")


_NOUN_BEFORE = frozenset(
    ("his", "her", "their", "its", "our", "my", "your", "the", "a", "an", "this", "these", "those")
)


def _forms(forms: str, lemma: str) -> list[str]:
    out = [f.strip().lower() for f in forms.split(" ") if f.strip()] if " " not in lemma else []
    if " " in lemma:  # phrasal: "point out  pointed out ..." — forms are pairs of words
        words = forms.split()
        out = [f"{words[i]} {words[i + 1]}" for i in range(0, len(words) - 1, 2)]
    return out or [lemma]


def _alternation(words: Sequence[str]) -> str:
    """A regex alternation built as a trie, so matching never backtracks over sibling words."""
    trie: dict[str, dict] = {}  # type: ignore[type-arg]
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:  # type: ignore[type-arg]
        alts = []
        end = "" in node
        for ch in sorted(k for k in node if k):
            piece = r"\s++" if ch == " " else regex.escape(ch)
            alts.append(piece + emit(node[ch]))
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if end else body

    return emit(trie) or r"(?!)"


_B = r"(?<![\p{L}\p{N}\-])"  # no word character just before
_E = r"(?![\p{L}\p{N}\-])"  # none just after

_CHANNEL_TEMPLATE = r"""
    (?<![\p{{L}}\p{{N}}])
    (?:on|in|via|during|through|at|over)\s++
    (?:(?:a|an|the|his|her|their|its|our|my)\s++)?+
    (?:(?:official|televised|recorded|brief|short|separate|joint|late-night|nightly|evening|exclusive|new|recent)\s++)?+
    (?P<channel>{channels})
    (?![\p{{L}}\p{{N}}])
"""


@data_cache
def load_cues() -> CueLexicon:
    """The built-in cue lexicon (read once per process)."""
    return CueLexicon(
        verbs=load_table("cues/verbs"),
        nouns=load_table("cues/nouns"),
        adverbs=load_table("cues/adverbs"),
        hedges=load_table("cues/hedges"),
        disputes=load_table("cues/disputes"),
        channels=load_lexicon("cues/channels"),
        function_words=load_table("cues/function_words"),
        light_verbs=load_lexicon("cues/light_verbs"),
    )


# --------------------------------------------------------------------------- small word sets (grammar, not data)

_WORD = regex.compile(r"[\p{L}\p{N}]++(?:['\u2019.\-][\p{L}\p{N}]++)*+")
_ALNUM = regex.compile(r"[\p{L}\p{N}]")
_CONTENT_STOPS = regex.compile(
    r"""
    ;
    | \s[\u2014\u2013]\s | \s--\s
    | ,\s++(?:yet|but|while|whereas|although|though|even\s++as|according\s++to|citing|quoting)(?![\p{L}\p{N}])
    """,
    regex.VERBOSE | regex.IGNORECASE,
)
_STOP_HEADS = regex.compile(r"[;,\u2014\u2013]|--")
"""What every match of _CONTENT_STOPS holds (found with str.find: see _Ctx.stops)."""
_NOT_STOP_STARTS = frozenset(
    chr(c) for c in range(128) if chr(c) not in "ybwatecqYBWATECQ" and not regex.match(r"\s", chr(c))
)
"""ASCII characters that cannot open the word after ", " in _CONTENT_STOPS (nor the white space before it)."""


_PRONOUNS = {"he": "person", "she": "person", "they": "group", "it": "it", "we": "we", "i": "i"}
_ONE_WORDS = frozenset(("one", "another"))
_RELATIVES = frozenset(("who", "which", "that"))
_PREPOSITIONS = frozenset(("at", "of", "for", "from", "in", "with", "on"))
_PASSIVE_BE = regex.compile(r"(?i)(?<![\p{L}])(?:is|are|was|were|be|been|being)(?![\p{L}])")
_POSSESSIVES = {"his": "he", "her": "she", "their": "they"}
_GROUP_KINDS = frozenset(
    {
        ActorKind.STATE_FORCES,
        ActorKind.EXTERNAL_FORCES,
        ActorKind.REBEL_GROUP,
        ActorKind.POLITICAL_MILITIA,
        ActorKind.IDENTITY_MILITIA,
        ActorKind.RIOTERS,
        ActorKind.PROTESTERS,
        ActorKind.CIVILIANS,
        ActorKind.GENERIC,
        ActorKind.ANONYMOUS_SOURCE,
    }
)
_CLOSE_MARKS = "\"\u201d\u2019'\u00bb"
_OPEN_MARKS = "\"\u201c\u2018'\u00ab\u201e"
_SINGLE = regex.compile(r"''|(?<![\p{L}\p{N}])['\u2018\u2019]|['\u2018\u2019](?![\p{L}\p{N}])")
_SINGLE_MARKS = "'\u2018\u2019"
"""The marks every match of _SINGLE opens with."""


# --------------------------------------------------------------------------- actors


class _Mention(NamedTuple):
    start: int
    end: int
    actor: Actor


_START_END = operator.itemgetter(0, 1)
_END = operator.itemgetter(1)


class ActorIndex:
    """Actor mentions sorted by position, for "which actor covers these words" look-ups."""

    def __init__(self, actors: Iterable[Actor]) -> None:
        new = tuple.__new__  # skips the NamedTuple's Python-level __new__
        ms = [new(_Mention, (sp.start, sp.end, a)) for a in actors for sp in a.mentions]
        ms.sort(key=_START_END)
        self.mentions = ms
        self._starts = [m.start for m in ms]
        self._longest = max(map(operator.sub, map(_END, ms), self._starts), default=0)

    def overlapping(self, start: int, end: int) -> list[_Mention]:
        """Mentions that overlap ``[start, end)``, in text order."""
        if not self.mentions or end <= start:
            return []
        lo = bisect.bisect_left(self._starts, start - self._longest)
        hi = bisect.bisect_left(self._starts, end)
        return [m for m in self.mentions[lo:hi] if m.start < end and start < m.end]

    def iter_overlapping(self, start: int, end: int) -> Iterator[_Mention]:
        """The mentions of :meth:`overlapping`, one at a time (for a caller that stops at the first fit)."""
        if not self.mentions or end <= start:
            return
        ms = self.mentions
        hi = bisect.bisect_left(self._starts, end)
        for k in range(bisect.bisect_left(self._starts, start - self._longest), hi):
            m = ms[k]
            if m.start < end and start < m.end:
                yield m

    def before(self, pos: int, limit: int, kinds: frozenset[ActorKind] | None) -> _Mention | None:
        """The nearest mention ending at or before *pos* and starting at or after *limit*."""
        i = bisect.bisect_left(self._starts, pos) - 1
        best: _Mention | None = None
        while i >= 0 and self.mentions[i].start >= limit - self._longest:
            m = self.mentions[i]
            fits = m.end <= pos and m.start >= limit and (kinds is None or m.actor.kind in kinds)
            if fits and (best is None or m.end > best.end):
                best = m
            i -= 1
        return best


# --------------------------------------------------------------------------- attributions


class Attribution(NamedTuple):
    """One attribution found in the text (private to the quote and claim parsers)."""

    kind: str  # verb | according | noun | adverb | hedge | label
    layout: str  # after | inverted | before | colon | parenthetical | participle | ...
    cue: tuple[int, int]  # the cue words, auxiliaries included ("has claimed")
    lemma: str
    stance: str
    speech: bool
    speaker: tuple[int, int] | None  # the words naming the speaker
    speaker_actor: Actor | None
    content: tuple[int, int]
    quote: QuoteRegion | None  # the direct quote the content is, if any
    chain: tuple[tuple[int, int], ...]  # further sources ("citing two officials")


class _Ctx:
    """What the attribution finder needs, computed once per document."""

    def __init__(self, context: Context, cues: CueLexicon) -> None:
        self.text = context.text
        self.analysis = context.analysis
        self.cues = cues
        self.tok_starts = context.analysis.tok_starts
        self.tok_ends = context.analysis.tok_ends
        self.tok_words = context.analysis.tok_words
        self.para_starts = [p[0] for p in context.analysis.paragraphs]
        self.regions = all_quote_regions(context)
        self._region_starts = [r.start for r in self.regions]
        self.by_close: dict[int, QuoteRegion] = {}
        self.by_open: dict[int, QuoteRegion] = {}
        for r in self.regions:
            self.by_open[r.open_mark] = r
            if r.close_mark is not None:
                self.by_close[r.close_mark] = r
                if text_at(context.text, r.close_mark, 2) == "''":
                    self.by_close[r.close_mark + 1] = r
        # positions of what ends a content, found once per document on first use (see _content_end)
        self._commas: list[int] | None = None
        self._boundaries: list[int] | None = None
        self._stops: tuple[list[int], list[int]] | None = None
        self._participles: tuple[list[int], list[int]] | None = None
        self._coordinated: tuple[list[int], list[int], list[int]] | None = None
        self._channel_hits: tuple[list[int], list[int], list[str]] | None = None
        self._told_hits: tuple[list[int], list[int], list[str]] | None = None
        self._media: ActorIndex | None = None
        self._index: ActorIndex | None = None
        self._actors = context.actors

    @property
    def actors(self) -> ActorIndex:
        """The actors' mentions (indexed on first use: a text with no cue never needs them)."""
        if self._index is None:
            self._index = ActorIndex(self._actors)
        return self._index

    @property
    def media(self) -> ActorIndex:
        """The mentions of media actors (the BBC, Reuters): channels when "told" or "to" comes before them."""
        if self._media is None:
            self._media = ActorIndex(a for a in self._actors if a.kind == ActorKind.MEDIA)
        return self._media

    @property
    def channel_hits(self) -> tuple[list[int], list[int], list[str]]:
        """Starts, ends and channel words of "on Telegram", "in a statement": the matches of the channel pattern."""
        if self._channel_hits is None:
            rows: tuple[list[int], list[int], list[str]] = ([], [], [])
            text, heads, analysis = self.text, self.cues.channel_heads, self.analysis
            if heads is None or _ODD_FOLDS[0] in text or _ODD_FOLDS[1] in text:
                spans = [(0, len(text))]
            else:  # only the sentences that hold the first word of a channel (a whole-text search is slow)
                starts = analysis.tok_starts
                found = dict.fromkeys(analysis.sentence_index(starts[i]) for i in analysis.indices_of(heads))
                spans = [analysis.sentences[k] for k in found] if analysis.sentences else [(0, len(text))]
            for lo, hi in spans:
                for m in self.cues.channel_pattern.finditer(text, lo, hi):
                    rows[0].append(m.start())
                    rows[1].append(m.end())
                    rows[2].append(_hit_name(m))
            self._channel_hits = rows
        return self._channel_hits

    @property
    def told_hits(self) -> tuple[list[int], list[int], list[str]]:
        """Starts, ends and addressees of "told Reuters", "speaking to CNN": the matches of _TOLD."""
        if self._told_hits is None:
            rows: tuple[list[int], list[int], list[str]] = ([], [], [])
            text = self.text
            words, starts = self.tok_words, self.tok_starts
            last = -1
            # every match opens with one of these words: try the pattern only at them (not over the whole text)
            for i in self.analysis.indices_of(_TOLD_WORDS):
                if starts[i] < last or words[i] not in _TOLD_WORDS:
                    continue
                m = _TOLD.match(text, starts[i])
                if m is not None:
                    rows[0].append(m.start())
                    rows[1].append(m.end())
                    rows[2].append(_hit_name(m))
                    last = m.end()
            self._told_hits = rows
        return self._told_hits

    @property
    def boundaries(self) -> list[int]:
        """The offsets of the clause boundaries of the text (see _last_boundary), ascending."""
        if self._boundaries is None:
            # one str.find loop per mark (shared through the analysis) is several times faster than a regex search
            bounds = self.analysis.offsets(_BOUNDARY_CHARS)
            # a dateline's hyphen is a dash: "KHARTOUM, Nov 20 (Reuters) - Sudan's army said"
            dashes = [d + 2 for d in find_all(self.text, ") - ")]
            if dashes:
                bounds = sorted({*bounds, *dashes})
            self._boundaries = bounds
        return self._boundaries

    def after_dateline(self, pos: int) -> int:
        """*pos*, or the end of the dateline it lies in ("KYIV, Nov 19 (AP) — "): no content starts inside one."""
        for s, e in self.analysis.datelines:
            if s <= pos < e:
                return e
        return pos

    @property
    def commas(self) -> list[int]:
        """The offsets of the commas of the text, ascending."""
        if self._commas is None:
            self._commas = self.analysis.offsets(",")
        return self._commas

    def comma_in(self, start: int, end: int) -> int:
        """The first comma in ``[start, end)``, or -1."""
        commas = self.commas
        k = bisect.bisect_left(commas, start)
        return commas[k] if k < len(commas) and commas[k] < end else -1

    @property
    def stops(self) -> tuple[list[int], list[int]]:
        """Starts and ends of every match of _CONTENT_STOPS (overlapping ones too), by start."""
        if self._stops is None:
            text = self.text
            rows: tuple[list[int], list[int]] = ([], [])
            # every stop holds one of these marks: try the pattern only there (a whole-text search is 3x slower);
            # the marks are the matches of _STOP_HEADS, found with str.find
            heads = self.analysis.offsets(",;\u2014\u2013")
            if "--" in text:
                heads = sorted(heads + find_all(text, "--"))
            size = len(text)
            for i in heads:
                if text[i] == ";":
                    rows[0].append(i)
                    rows[1].append(i + 1)
                    continue
                if text[i] == ",":
                    # ", but": a comma stop needs white space, then a word that starts as one of its words
                    if i + 2 < size and text[i + 1] == " " and text[i + 2] in _NOT_STOP_STARTS:
                        continue
                    j = i
                else:
                    j = i - 1  # a dash stop starts at the space before it
                m = _CONTENT_STOPS.match(text, j) if j >= 0 else None
                if m is not None:
                    rows[0].append(m.start())
                    rows[1].append(m.end())
            self._stops = rows
        return self._stops

    @property
    def participles(self) -> tuple[list[int], list[int]]:
        """Starts and ends of ", claiming": a comma and a participle cue (the matches of _PARTICIPLE_AFTER_COMMA)."""
        if self._participles is None:
            verbs = self.cues.verbs
            # one search for the matches whose word ends in "ing" (the check below still decides): faster
            # than the pattern tried at every comma
            ms = [
                (m.start(), m.end())
                for m in _PARTICIPLE_ING.finditer(self.text)
                if (w := m.group(1).lower()).endswith("ing") and w in verbs
            ]
            if ", with " in self.text:  # "…, with one stating: …": a speaker of its own
                ms.extend(
                    (m.start(), m.end()) for m in _WITH_PARTICIPLE.finditer(self.text) if m.group(1).lower() in verbs
                )
                ms.sort()
            self._participles = ([a for a, _ in ms], [b for _, b in ms])
        return self._participles

    @property
    def coordinated(self) -> tuple[list[int], list[int], list[int]]:
        """For "and suggested": the comma before "and" (or "and" itself), "and", the match end; by "and"."""
        if self._coordinated is None:
            verbs = self.cues.verbs
            text = self.text
            rows: tuple[list[int], list[int], list[int]] = ([], [], [])
            words, starts, ends = self.tok_words, self.tok_starts, self.tok_ends
            size, n = len(text), len(words)
            last = -1
            for i in self.analysis.indices_of(_AND_BUT):
                if starts[i] < last or words[i] not in _AND_BUT:
                    continue
                if i + 1 < n:
                    # "and the": when the next word is plain ASCII letters, no other word between, and no cue,
                    # the pattern could only find a word that is dropped below (and no "and" it would step over)
                    nw = words[i + 1]
                    lw = nw.lower()
                    e = ends[i + 1]
                    if (
                        nw.isascii()
                        and nw.isalpha()
                        and lw not in _COORDINATED_ADVERBS
                        and nw not in _AND_BUT
                        and (lw not in verbs or lw.endswith("ing"))
                        and (e == size or (text[e].isascii() and not text[e].isalpha()))
                    ):
                        continue
                m = _COORDINATED_CORE.match(text, starts[i])
                if m is None:
                    continue
                last = m.end()
                w = m.group(1).lower()
                if w in verbs and not w.endswith("ing"):
                    c = _COMMA_BEFORE.search(text, max(0, m.start() - 40), m.start())
                    rows[0].append(c.start() if c is not None else m.start())
                    rows[1].append(m.start())
                    rows[2].append(m.end())
            self._coordinated = rows
        return self._coordinated

    def token_range(self, start: int, end: int) -> tuple[int, int]:
        """The indices ``[i, j)`` of the tokens lying inside ``[start, end)`` (as :meth:`words`)."""
        starts = self.tok_starts
        i = _bisect_left(starts, start)
        j = _bisect_left(starts, end, i)
        if j > i and self.tok_ends[j - 1] > end:
            j -= 1
        return i, j

    # first_words and last_words repeat token_range inline: they are called for nearly every cue

    def first_words(self, start: int, end: int, n: int) -> list[Word]:
        """The first *n* words of :meth:`words` ``(start, end)``, found in time independent of the span."""
        starts = self.tok_starts
        i = _bisect_left(starts, start)
        j = _bisect_left(starts, end, i)
        if j > i and self.tok_ends[j - 1] > end:
            j -= 1
        if j > i + n:
            j = i + n
        return list(zip(starts[i:j], self.tok_ends[i:j], self.tok_words[i:j]))  # noqa: B905

    def last_words(self, start: int, end: int, n: int) -> list[Word]:
        """The last *n* words of :meth:`words` ``(start, end)``."""
        starts = self.tok_starts
        i = _bisect_left(starts, start)
        j = _bisect_left(starts, end, i)
        if j > i and self.tok_ends[j - 1] > end:
            j -= 1
        if i < j - n:
            i = j - n
        return list(zip(starts[i:j], self.tok_ends[i:j], self.tok_words[i:j]))  # noqa: B905

    def nth_word_end(self, start: int, n: int) -> int:
        """The end of the *n*-th word starting at or after *start* (1-based); the text's end if there are fewer."""
        k = bisect.bisect_left(self.tok_starts, start) + n - 1
        return self.tok_ends[k] if k < len(self.tok_ends) else len(self.text)

    def words(self, start: int, end: int) -> list[Word]:
        """The words lying inside ``[start, end)`` as ``(start, end, text)``."""
        starts = self.tok_starts
        i = bisect.bisect_left(starts, start)
        j = bisect.bisect_left(starts, end, lo=i)
        if j > i and self.tok_ends[j - 1] > end:
            j -= 1
        return list(zip(starts[i:j], self.tok_ends[i:j], self.tok_words[i:j]))  # noqa: B905 (equal lengths)

    def in_quote(self, start: int, end: int) -> QuoteRegion | None:
        i = bisect.bisect_right(self._region_starts, start) - 1
        while i >= 0:
            r = self.regions[i]
            if r.start <= start and end <= r.end:
                return r
            if r.end < start and i < len(self.regions) - 1:
                break
            i -= 1
        return None


def text_at(text: str, pos: int, n: int) -> str:
    """The *n* characters at *pos* (fewer at the end of the text)."""
    return text[pos : pos + n]


def all_quote_regions(context: Context) -> list[QuoteRegion]:
    """
    Quote regions of the analysis plus single-mark and ``''…''`` quotes outside them.

    The analysis pairs double marks only; single marks double as apostrophes, so they
    are paired here with care: an opening mark follows a space or bracket and precedes
    a letter, a closing one follows a non-space and precedes no letter.
    """
    text = context.text
    regions = list(context.analysis.quote_regions)
    # every match of _SINGLE opens with one of these marks: the pattern is tried only at them
    marks = context.analysis.offsets(_SINGLE_MARKS)
    if not marks:
        return regions
    starts = [r.start for r in regions]
    extra: list[QuoteRegion] = []
    match = _SINGLE.match
    for p_start, p_end in context.analysis.paragraphs:
        open_at: int | None = None
        open_kind = ""
        k = bisect.bisect_left(marks, p_start)
        last = p_start
        while k < len(marks) and marks[k] < p_end:
            i = marks[k]
            k += 1
            m = match(text, i, p_end) if i >= last else None
            if m is None:
                continue  # as _SINGLE.finditer(text, p_start, p_end): no match here, or inside the last one
            mark = m.group()
            j = last = m.end()
            before = text[i - 1] if i > p_start else " "
            after = text[j] if j < p_end else " "
            inside = _inside(regions, starts, i)
            if inside:
                continue
            opens = (before.isspace() or before in "([{\u2014-:") and (after.isalpha() or after in '\u201c"')
            closes = not before.isspace() and not after.isalnum()
            if open_at is None:
                if opens and mark != "\u2019":
                    open_at, open_kind = i, mark
            elif closes and (mark == open_kind or (open_kind == "\u2018" and mark == "\u2019")):
                if i - (open_at + len(open_kind)) >= 2:
                    extra.append(QuoteRegion(open_at + len(open_kind), i, open_at, i))
                open_at = None
            elif i - open_at > 600:
                open_at = None  # an apostrophe, not an opening mark
    if not extra:
        return regions
    out = regions + extra
    out.sort()
    return out


def region_span(text: str, r: QuoteRegion) -> tuple[int, int]:
    """The words of a quote region: white space and a comma before the closing mark left out."""
    s, e = r.start, r.end
    while s < e and text[s].isspace():
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] == ","):
        e -= 1
    return s, e


def _inside(regions: list[QuoteRegion], starts: list[int], i: int) -> bool:
    k = bisect.bisect_right(starts, i) - 1
    return k >= 0 and regions[k].open_mark <= i <= (regions[k].close_mark or regions[k].end)


def attributions(context: Context, cues: CueLexicon) -> tuple[_Ctx, tuple[Attribution, ...]]:
    """
    The attributions of *context*, shared by the quote and claim parsers.

    The result depends only on the analysis, the actors and the cues, so it is kept in
    ``context.memo``, which lives as long as the document: the claim parser, run after the
    quote parser, reuses it instead of finding everything twice. Identity checks (``is``)
    on the analysis and the actors make a stale hit impossible.
    """
    key = ("quotes.attributions", cues)
    hit = context.memo.get(key)
    if hit is not None and hit[0] is context.analysis and hit[1] is context.actors:
        return hit[2], hit[3]
    cx = _Ctx(context, cues)
    found = tuple(find_attributions(context, cues, cx))
    context.memo[key] = (context.analysis, context.actors, cx, found)
    return cx, found


def find_attributions(context: Context, cues: CueLexicon, cx: _Ctx | None = None) -> list[Attribution]:
    """Every attribution the cue lexicon finds in the document, in text order of the cue."""
    cx = cx if cx is not None else _Ctx(context, cues)
    out: list[Attribution] = []
    text = cx.text
    skip_until = -1
    for m in cues.scan(cx.analysis):
        start, end = m.start, m.end
        if start < skip_until or cx.in_quote(start, end) is not None:
            continue
        if start and text[start - 1] in "</":
            continue  # markup: "<tweet/>"
        if text[start].isupper() and m.kind != "acc" and not _sentence_start(cx, start) and not _title_case(cx, start):
            continue  # "United States", "Reports" as a name: not a cue (but a headline capitalises every word)
        att: Attribution | None
        if m.kind == "acc":
            att = _according(cx, start, end)
        elif m.kind == "noun":
            att = _noun_cue(cx, m)
        elif m.kind == "adv":
            att = _adverb_cue(cx, m)
        else:
            att = _verb_cue(cx, m)
        if att is not None:
            out.append(att)
            if att.chain:
                skip_until = att.chain[-1][1]  # "citing two officials" is a link, not a claim of its own
    labels = _label_attributions(cx)
    if labels:
        out = sorted(out + labels, key=lambda a: a.cue)
    _cut_at_new_clauses(cx, out)
    return out


_CLAUSE_JOIN = regex.compile(
    r"(?:,\s*+|\s)(?:and|but|while|whereas|yet)\s++(?:\p{Ll}++\s++){0,2}+$|[,;]\s*+$", regex.IGNORECASE
)
"""What ends a content before a new clause with an attribution of its own: "…, and (military) analysts say …"."""
_RELATIVE_HEADS = frozenset(("who", "which", "that", "whom", "whose"))
_CUT_LOOKBACK = 8
"""How many attributions before one are tried as the one whose content it cuts."""


def _cut_at_new_clauses(cx: _Ctx, atts: list[Attribution]) -> None:
    """
    "X said A, and they say B", "… together, Trump highlighted …": a content stops where a new clause starts.

    A content that holds the speaker of a later attribution (or its cue, when it has none) right after a
    comma, a semicolon or a conjunction ends before them. Relative clauses ("…, who said") stay inside.
    """
    text = cx.text
    for k, a in enumerate(atts):
        if a.content[0] < a.cue[1] or a.layout == "label":
            continue  # only an attribution whose content follows its cue starts a clause of its own
        head = a.speaker[0] if a.speaker is not None else a.cue[0]
        m = _CLAUSE_JOIN.search(text, max(0, head - 40), head)
        if m is None:
            continue
        w = _WORD.match(text, head)
        if w is not None and w.group().lower() in _RELATIVE_HEADS:
            continue
        for j in range(k - 1, max(-1, k - 1 - _CUT_LOOKBACK), -1):
            h = atts[j]
            hs, he = h.content
            if not hs < head < he or h.quote is not None:
                continue
            if m.start() > hs:
                e = m.start()
                while e > hs and (text[e - 1].isspace() or text[e - 1] in ",;"):
                    e -= 1
                if e - hs >= 2:
                    atts[j] = h._replace(content=(hs, e))
            break


_LABEL_REACH = 80
"""How far into a sentence the colon of a "Name: what they said" label may stand."""
_LABEL_WORDS = 6


def _label_attributions(cx: _Ctx) -> list[Attribution]:
    """
    "Elizabeth Warren: Trump is a failure.", "MS. CLINTON: You are …": a speaker label and a colon.

    The label opens its sentence, is at most six words, starts with a capital and names an actor;
    what follows the colon (a capital or a quotation mark after a space) is the content.
    """
    text = cx.text
    out: list[Attribution] = []
    if ":" not in text or not cx.actors.mentions:
        return out
    for ss, se in cx.analysis.sentences:
        colon = text.find(":", ss, min(se, ss + _LABEL_REACH))
        if colon == -1 or colon + 2 >= se or not text[colon + 1].isspace():
            continue
        n = _next_char(text, colon + 1, se)
        if n is None or not (text[n].isupper() or text[n] in _OPEN_MARKS):
            continue
        words = cx.first_words(ss, colon, _LABEL_WORDS + 1)
        if not words or len(words) > _LABEL_WORDS or not words[0][2][0].isupper() or words[0][0] != ss:
            continue
        if text[words[-1][1] : colon].strip() or any(w[2].lower() in cx.cues.first_lower for w in words):
            continue  # 'Putin said: "…"' is a cue's own colon
        label = (words[0][0], words[-1][1])
        ms = cx.actors.overlapping(*label)
        if not ms or cx.in_quote(colon, colon + 1) is not None:
            continue
        r = cx.by_open.get(n)
        content = region_span(text, r) if r is not None else (n, _content_end(cx, n, se))
        if content[1] - content[0] < 3:
            continue
        actor = _speaker_actor(cx, label, label[0])
        out.append(
            Attribution("label", "label", (colon, colon + 1), ":", "reported", True, label, actor, content, r, ())
        )
    return out


_TITLE_WORDS = 16
"""How many words of a sentence are read to tell a headline ("Lindsey Graham Says …") from running text."""


def _title_case(cx: _Ctx, pos: int) -> bool:
    """True when the sentence holding *pos* is a headline: at least four words, nearly all capitalised."""
    ss, se = cx.analysis.sentence_at(pos)
    words = [w[2] for w in cx.first_words(ss, se, _TITLE_WORDS) if w[2][0].isalpha()]
    if len(words) < 4:
        return False
    small = sum(1 for w in words if w[0].islower())
    return small * 5 <= len(words) and sum(1 for w in words if w.isupper()) * 2 < len(words)


def _sentence_start(cx: _Ctx, pos: int) -> bool:
    s, _ = cx.analysis.sentence_at(pos)
    return _ALNUM.search(cx.text, s, pos) is None


def _strip(text: str, start: int, end: int, chars: str = "") -> tuple[int, int]:
    while start < end and (text[start].isspace() or text[start] in chars):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in chars):
        end -= 1
    return start, end


def _content_end(cx: _Ctx, start: int, limit: int) -> int:
    """
    Where content starting at *start* stops: the sentence end or a clause break before it.

    The breaks are looked up in indices built once per document (:attr:`_Ctx.stops` and the
    like), so the cost does not grow with the content: a sentence of many cues stays linear.
    """
    text = cx.text
    end = limit
    starts, ends = cx.stops
    k = bisect.bisect_left(starts, start)
    if k < len(starts) and starts[k] < limit:
        if ends[k] <= limit:
            end = starts[k]
        else:  # runs over the limit: the search the index stands for, from there
            m = _CONTENT_STOPS.search(text, starts[k], limit)
            end = m.start() if m else limit
    # a following participial cue (", claiming …") starts a claim of its own
    p_starts, p_ends = cx.participles
    k = bisect.bisect_left(p_starts, start)
    if k < len(p_starts) and p_starts[k] < end and p_ends[k] <= end:
        end = p_starts[k]
    # "he said X and suggested that Y": a coordinated cue starts an attribution of its own
    c_firsts, c_ands, c_ends = cx.coordinated
    k = bisect.bisect_left(c_ands, start)
    if k < len(c_ands) and c_ands[k] < end and c_ends[k] <= end:
        end = c_firsts[k] if c_firsts[k] >= start else c_ands[k]
    s, e = _strip(text, start, end)
    while e > s and cx.text[e - 1] in ".!?,:":
        e -= 1
    return e


_WITH_ONE_WINDOW = 200
"""How far before a participle cue "with one" is looked for: "with" and four words."""
_WITH_ONE = regex.compile(r"(?i)(?<![\p{L}])with\s++((?:[\p{L}\p{N}\-']++\s++){0,3}?[\p{L}\p{N}\-']++)\s*+$")
_CITING = regex.compile(
    r",\s++(?:who\s++(?:cited|quoted)|citing|quoting|which\s++cited)\s++([^,.;:!?]{1,80}?)(?=[,.;:!?]|$)",
    regex.IGNORECASE,
)
_WITH_PARTICIPLE = regex.compile(r",\s++with\s++(?:[\p{L}\p{N}\-']++\s++){1,3}?(\p{L}+ing)(?!\p{L})")
"""", with one stating", ", with many saying": a participle cue whose speaker follows "with"."""
_PARTICIPLE_AFTER_COMMA = regex.compile(r",[\u201d\"'\u2019]?\s++(\p{L}++)")
_PARTICIPLE_ING = regex.compile(r",[\u201d\"'\u2019]?\s++(\p{L}++)(?<=(?i:ing))")
"""The matches of _PARTICIPLE_AFTER_COMMA whose word ends in "ing" (any case), and maybe a few more."""
_COORDINATED_CORE = regex.compile(r"(?<![\p{L}])(?:and|but)\s++(?:(?:also|then|later)\s++)?(\p{L}++)")
_COMMA_BEFORE = regex.compile(r",\s*+$")
_AND_BUT = frozenset(("and", "but"))
_COORDINATED_ADVERBS = frozenset(("also", "then", "later"))
"""The adverbs _COORDINATED_CORE steps over ("and also said")."""


def _prev_char(text: str, pos: int, limit: int) -> int | None:
    i = pos - 1
    while i >= limit and text[i].isspace():
        i -= 1
    return i if i >= limit else None


def _next_char(text: str, pos: int, limit: int) -> int | None:
    i = pos
    while i < limit and text[i].isspace():
        i += 1
    return i if i < limit else None


def _extend_aux(cx: _Ctx, start: int, sent_start: int) -> int:
    """Move the cue start left over auxiliaries and adverbs: "has reportedly claimed"."""
    starts, ends, words = cx.tok_starts, cx.tok_ends, cx.tok_words
    i = bisect.bisect_left(starts, start) - 1
    new = start
    aux = cx.cues.aux
    text = cx.text
    while i >= 0 and starts[i] >= sent_start:
        w = words[i]
        lw = w.lower()
        if text[ends[i] : new].strip():
            break
        if w.islower() and (lw in aux or (lw.endswith("ly") and len(lw) > 4)):  # "Will" is a name
            new = starts[i]
            i -= 1
            continue
        break
    return new


def _light_verb_object(cx: _Ctx, pos: int, limit: int, light: frozenset[str]) -> bool:
    """Does a light verb stand a few words before *pos*, in the same clause ("giving the families hope")?"""
    i = bisect.bisect_left(cx.tok_starts, pos) - 1
    text = cx.text
    for k in range(i, max(i - _LIGHT_REACH, -1), -1):
        if cx.tok_starts[k] < limit or "," in text[cx.tok_ends[k] : cx.tok_starts[k + 1]]:
            return False
        word = cx.tok_words[k].lower()
        if word in _LIGHT_STOPS:
            return False  # "gave a speech and said": a new verb phrase
        if word in light:
            return k < i  # right before the cue is the case the caller has already tested
    return False


_LIGHT_REACH = 6  # words between a light verb and the cue noun it takes as its object
_LIGHT_STOPS = frozenset({"and", "or", "but", "that", "who", "which", "while", "as", "when", "because"})


_NOUN_FORMS = frozenset(("claims", "reports", "estimates"))
"""Cue forms that are also plural nouns: "the Russian claims", "the Ukrainian reports"."""


def _after_determiner_and_demonym(cx: _Ctx, pos: int, limit: int) -> bool:
    """True for "the Russian claims": a determiner, then a capitalised nationality word, then *pos*."""
    i = bisect.bisect_left(cx.tok_starts, pos) - 1
    if i < 1 or cx.tok_starts[i - 1] < limit or cx.text[cx.tok_ends[i] : pos].strip():
        return False
    word, det = cx.tok_words[i], cx.tok_words[i - 1]
    return word[:1].isupper() and word.endswith(("an", "ese", "ish", "i")) and det in ("the", "these", "those")


def _word_before(cx: _Ctx, pos: int, limit: int) -> str:
    """The word ending right before *pos* (white space between allowed), lower case; "" if none."""
    i = bisect.bisect_left(cx.tok_starts, pos) - 1
    if i < 0 or cx.tok_starts[i] < limit or cx.text[cx.tok_ends[i] : pos].strip():
        return ""
    return cx.tok_words[i].lower()


def _subject(cx: _Ctx, lo: int, hi: int) -> tuple[int, int] | None:
    """The noun phrase just before *hi* (a cue) and after *lo* (the sentence start)."""
    text = cx.text
    seg_end = hi
    k = _prev_char(text, hi, lo)
    if k is not None and text[k] == ")":
        opening = text.rfind("(", max(lo, k - 60), k)
        if opening != -1:
            seg_end = opening
            hi = opening
    marks_only = False
    for _ in range(4):
        b = _last_boundary(cx, lo, seg_end)
        seg_start = b + 1 if b is not None else lo
        s, e = _strip(text, seg_start, seg_end)
        i, j = cx.token_range(s, e) if s < e else (0, 0)
        if i < j:
            k = max(i, j - 11)  # the last eleven words: all _tail looks at
            words = list(zip(cx.tok_starts[k:j], cx.tok_ends[k:j], cx.tok_words[k:j]))  # noqa: B905
            first = cx.tok_words[i]
            if seg_end != hi and (first[0].islower() or first[0].isdigit()) and b is not None:
                seg_end = b  # an appositive or participle clause: "Smith, 58, who lives …, said"
                continue
            if marks_only:
                return None  # "''We believe X,'' said": the quotation is no subject
            if b is not None and text[b] == ",":
                name = _name_before_appositive(cx, lo, b)
                if name is not None:
                    return name
            return _tail(cx, words, e)
        if b is None or text[b] != ",":
            return None
        # "X, citing ''…,'' said": only the closing marks stand between the comma and the cue
        marks_only = marks_only or s < e
        seg_end = b
    return None


_NAME_PARTICLES = frozenset(("al", "bin", "da", "de", "del", "der", "di", "du", "el", "la", "le", "van", "von"))
_NAME_WORDS = 5
"""How many words a speaker's name between a quotation and its appositive may have."""


def _name_before_appositive(cx: _Ctx, lo: int, comma: int) -> tuple[int, int] | None:
    """
    '"…," William M. Daley, President Obama's former chief of staff, said': the name after the quotation.

    The words between the quotation's closing marks and *comma* name the speaker when they are a short
    run of capitalised words; what follows the comma is an appositive, whatever its case.
    """
    text = cx.text
    b = _last_boundary(cx, lo, comma)
    if b is None:
        return None
    s = b + 1
    if text[b] == ",":  # ",’ Name" and ",'' Name": closing marks that are no clause boundary
        while s < comma and text[s].isspace():
            s += 1
        if s == comma or text[s] not in _CLOSE_MARKS:
            return None
    elif text[b] not in _CLOSE_MARKS:
        return None
    while s < comma and (text[s].isspace() or text[s] in _CLOSE_MARKS):
        s += 1
    words = cx.words(s, comma)
    if not 1 <= len(words) <= _NAME_WORDS or words[0][0] != s:
        return None
    if not all(w[2][:1].isupper() or w[2] in _NAME_PARTICLES for w in words):
        return None
    return (words[0][0], words[-1][1])


_BOUNDARY_CHARS = ',;:([\u2014\u2013"\u201c\u201d\u00ab\u00bb'
_BOUNDARY = regex.compile(f"[{regex.escape(_BOUNDARY_CHARS)}]")


def _last_boundary(cx: _Ctx, lo: int, hi: int) -> int | None:
    """The last clause boundary (comma, colon, dash, bracket, quotation mark) in ``[lo, hi)``, at most 400 back."""
    bounds = cx.boundaries
    k = bisect.bisect_left(bounds, hi) - 1
    return bounds[k] if k >= 0 and bounds[k] >= max(lo, hi - 400) else None


def _tail(cx: _Ctx, words: Sequence[Word], end: int) -> tuple[int, int] | None:
    """The end of a word run after its last clause word, at most eight words."""
    i = len(words) - 1
    first = max(0, len(words) - 8)
    while first > 0 and first > len(words) - 11 and words[first][2] in _PREPOSITIONS:
        first -= 1  # "analysts at the Institute for the Study of War said": the head before its preposition
    cues = cx.cues
    clause_words, determiners = cues.clause_words, cues.determiners
    k = i
    while k >= first:
        if words[k][2].lower() in clause_words:
            break
        k -= 1
    start_i = k + 1 if k >= first else first
    if first < k < i and words[k][2].lower() in ("who", "whose"):
        # "Ukrainian soldiers who fought in Kursk described …": the subject is before its relative clause
        s = k - 1
        while s > first and words[s - 1][2].lower() not in clause_words:
            s -= 1
        return (words[s][0], words[k - 1][1])
    # a verb-like lower-case word left of a capitalised run ends the subject ("Reports confirm fighting ... Russia")
    while start_i <= i and words[start_i][2].lower() in determiners and start_i < i:
        if words[start_i][2].lower() in ("to", "of"):
            start_i += 1
            continue
        break
    if start_i > i:
        if words[i][2].lower() in _RELATIVES:  # "Pardo, who said …": the relative pronoun is the subject
            return (words[i][0], words[i][1])
        return None
    aux = cues.aux
    if all((t := w[2].lower()) in determiners or (t in aux and w[2].islower()) for w in words[start_i : i + 1]):
        return None
    return (words[start_i][0], words[i][1])


def _speaker_actor(cx: _Ctx, span: tuple[int, int] | None, anchor: int) -> Actor | None:
    """The actor whose mention covers the speaker words; pronouns and "one" go to the nearest fitting actor."""
    if span is None:
        return None
    s, e = span
    text = cx.text
    ms = cx.actors.overlapping(s, e)
    best: _Mention | None = None
    for m in ms:
        pre = text[max(s, m.start - 6) : m.start].strip().lower()
        if pre.split()[-1:] and pre.split()[-1] in cx.cues.prepositions and m.start > s:
            continue
        post = text[m.end : m.end + 2]
        if post in ("'s", "\u2019s") and m.end < e:
            continue
        if best is not None and best.start <= m.start and m.end <= best.end:
            continue  # nested inside a longer mention ("soldiers" in "Ukrainian soldiers")
        if best is None or m.start > best.start or (m.start == best.start and m.end > best.end):
            if best is not None and _in_prep_phrase(cx, best, m):
                continue
            best = m
    if best is not None:
        return best.actor
    words = text[s:e].lower().split()
    if len(words) == 1 and words[0] in _PRONOUNS:
        return _resolve_pronoun(cx, words[0], s)
    if len(words) == 1 and words[0] in _POSSESSIVES:
        return _resolve_pronoun(cx, _POSSESSIVES[words[0]], s)
    if len(words) == 1 and words[0] in _RELATIVES:
        # the noun phrase the relative clause hangs on: the nearest actor before it in the sentence
        ante = cx.actors.before(s, cx.analysis.sentence_at(s)[0], None)
        return ante.actor if ante is not None and not text[ante.end : s].strip(" ,") else None
    if words and words[0] in _ONE_WORDS and (len(words) == 1 or words[1] in ("of", "said")):
        sent_start, _ = cx.analysis.sentence_at(s)
        prev = cx.analysis.sentence_at(max(0, sent_start - 2))[0]
        m2 = cx.actors.before(s, prev, _GROUP_KINDS)
        return m2.actor if m2 else None
    return None


def _in_prep_phrase(cx: _Ctx, first: _Mention, later: _Mention) -> bool:
    between = cx.text[first.end : later.start].lower().split()
    return any(w in cx.cues.prepositions for w in between)


def _resolve_pronoun(cx: _Ctx, pronoun: str, pos: int) -> Actor | None:
    kind = _PRONOUNS[pronoun]
    if kind not in ("person", "group"):
        return None
    idx = cx.analysis.sentence_index(pos)
    limit = cx.analysis.sentences[max(0, idx - 3)][0] if cx.analysis.sentences else 0
    kinds = frozenset({ActorKind.PERSON}) if kind == "person" else _GROUP_KINDS
    if kind == "group":
        limit = cx.analysis.sentences[max(0, idx - 1)][0] if cx.analysis.sentences else 0
    m = cx.actors.before(pos, limit, kinds)
    if m is None:
        return None
    if kind == "person":
        # safe only when no other person is named between that mention and the pronoun
        others = {x.actor.id for x in cx.actors.overlapping(m.start, pos) if x.actor.kind == ActorKind.PERSON}
        if len(others) > 1:
            return None
    return m.actor


def _main_subject(cx: _Ctx, sent_start: int, before: int) -> tuple[int, int] | None:
    """The subject of a sentence: its first actor mention, or its first noun phrase (after a quotation)."""
    text = cx.text
    # '"…," he said, adding …': the subject follows the quotation the sentence opens with
    k = bisect.bisect_left(cx._region_starts, before) - 1
    if k >= 0:
        r = cx.regions[k]
        if (
            r.close_mark is not None
            and sent_start <= r.open_mark
            and r.close_mark < before
            and _ALNUM.search(text, sent_start, r.open_mark) is None
        ):
            sent_start = r.close_mark + 1
    words = cx.first_words(sent_start, before, 8)
    if not words:
        return None
    # skip an opening adverbial ("On the ground, soldiers relayed …")
    if words[0][2].lower() in cx.cues.openers:
        first_comma = cx.comma_in(sent_start, before)
        if first_comma != -1:
            words = cx.first_words(first_comma + 1, before, 8)
    if not words:
        return None
    for m in cx.actors.iter_overlapping(words[0][0], before):
        pre = text[max(words[0][0], m.start - 6) : m.start].lower().split()
        if pre[-1:] and pre[-1] in cx.cues.prepositions:
            continue
        return (m.start, m.end)
    if words[0][2].lower() in _PRONOUNS:
        return (words[0][0], words[0][1])
    run: list[Word] = []
    for w in words:
        if w[2][0].isupper() or w[2].lower() in ("the", "a", "an", "of"):
            run.append(w)
            continue
        if w[2].endswith("s") and w[2].islower():
            run.append(w)
        break
    while run and run[-1][2].lower() in ("the", "a", "an", "of"):
        run.pop()
    if not run:
        return _subject_before_verb(cx, words[0][0], before)
    return (run[0][0], run[-1][1])


_SUBJECT_WORDS = 10
"""The longest subject read up to its verb ("A spokesman for the mayor of Cleveland defended …")."""


def _subject_before_verb(cx: _Ctx, start: int, before: int) -> tuple[int, int] | None:
    """The words from *start* to the first cue verb or auxiliary, when they make a short noun phrase."""
    words = cx.first_words(start, before, _SUBJECT_WORDS + 1)
    cues = cx.cues
    for k, w in enumerate(words):
        lw = w[2]
        if lw.islower() and (lw in cues.verbs or lw in cues.aux):
            if k == 0 or words[k - 1][2].lower() in cues.determiners:
                return None
            if any(x[2].lower() in cues.clause_words for x in words[:k]) or cx.comma_in(start, w[0]) != -1:
                return None
            return (words[0][0], words[k - 1][1])
    return None


def _verb_cue(cx: _Ctx, m: Hit) -> Attribution | None:
    text = cx.text
    form = m.form
    cue = cx.cues.verbs.get(form)
    if cue is None:
        return None
    v_start, v_end = m.start, m.end
    if v_start > 0 and text[v_start - 1] == "-":
        return None  # "U.S.-backed", "Kremlin-controlled": half of a compound adjective, no verb
    ss, se = cx.analysis.sentence_at(v_start)
    if v_start < ss:
        return None
    if cue.speech:
        ss = _question_quote_before(cx, ss, v_start)
    if cue.needs_as and _AS_AFTER.match(text, v_end, min(se, v_end + _AS_REACH)) is None:
        return None  # "we saw a country", "see you there": perception, not a view
    se = max(se, v_end)
    c_start = _extend_aux(cx, v_start, ss)
    prev = _word_before(cx, c_start, ss)
    light = cx.cues.light_verbs
    if prev in cx.cues.determiners or prev.endswith(("'s", "\u2019s")) or prev in light:
        return None  # a noun: "the claims", "Russia's report"; "to say"
    if c_start == v_start and form in _NOUN_FORMS and _after_determiner_and_demonym(cx, c_start, ss):
        return None  # "the Russian claims appeared exaggerated": a noun after a nationality ("the FBI warned" stays)
    if c_start == v_start and _light_verb_object(cx, c_start, ss, light):
        return None  # "giving those committed to peace hope": the noun after an indirect object
    if form.endswith("ed") and c_start == v_start and (prev in _ADJECTIVE_BEFORE or prev[:1].isdigit()):
        return None  # an adjective: "in pledged delegates", "270 pledged delegates", "of proposed rules"
    if cue.hedge_verb:
        return _hedge_verb(cx, cue, c_start, v_end, ss, se)
    # "is showing", "are saying": a progressive is a finite verb, not a participle clause
    participle = form.endswith("ing") and not (c_start < v_start and _PASSIVE_BE.search(text, c_start, v_start))
    pre_c = _prev_char(text, c_start, ss)
    post_c = _next_char(text, v_end, se)
    post_ch = text[post_c] if post_c is not None else "."
    if cue.takes_object and cue.lemma not in ("accuse", "warn") and post_c is not None and post_ch not in ".!?,;:":
        # '"…," X told reporters.': the addressee alone does not make a content
        after_obj = _next_char(text, _skip_object(cx, cue, v_end, se), se)
        if after_obj is None or text[after_obj] in ".!?,;" or _trailing_words(cx, after_obj, se):
            post_c, post_ch = after_obj, (text[after_obj] if after_obj is not None else ".")

    if c_start < v_start and not participle and _PASSIVE_BE.search(text, c_start, v_start):
        passive = _passive(cx, cue, c_start, v_end, ss, se)
        if passive is not None:
            return passive

    # "…," said Mona Lamberson.   /   …, says Smith.
    if (
        cue.speech
        and c_start == v_start
        and pre_c is not None
        and text[pre_c] in ",\u201d\"'\u2019"
        and not participle
        and not _after_parenthetical(cx, pre_c, ss)
    ):
        inv = _inverted_speaker(cx, v_end, se)
        if inv is not None:
            content, quote = _content_before(cx, pre_c + 1, ss)
            if content is not None:
                content = _continued(cx, content, _next_char(text, inv[1], se), se)
                actor = _speaker_actor(cx, inv, inv[0])
                return Attribution(
                    "verb",
                    "inverted",
                    (c_start, v_end),
                    cue.lemma,
                    cue.stance,
                    cue.speech,
                    inv,
                    actor,
                    content,
                    quote,
                    (),
                )

    # "Noting that …, Bolton said": an opening participle clause; its speaker is the subject after the comma
    if participle and pre_c is None and c_start == v_start:
        comma = cx.comma_in(v_end, se)
        subj = _main_subject(cx, comma + 1, se) if comma != -1 else None
        return _forward(cx, cue, "participle", c_start, v_end, comma, subj) if subj is not None else None

    # participle after a comma or "with one stating:"
    if participle and pre_c is not None:
        if text[pre_c] in _CLOSE_MARKS and pre_c > ss and text[pre_c - 1] == ",":
            pre_c -= 1  # 'the "king of debt," noting that …': American commas stand inside the quotation
        if text[pre_c] == ",":
            subj = _speaker_of_cue_before(cx, ss, pre_c) or _main_subject(cx, ss, pre_c)
            return _forward(cx, cue, "participle", c_start, v_end, se, subj)
        with_m = _WITH_ONE.search(text, max(ss, c_start - _WITH_ONE_WINDOW), c_start)
        if with_m is not None:
            subj = (with_m.start(1), with_m.end(1))
            return _forward(cx, cue, "participle", c_start, v_end, se, subj)
        return None

    if prev in ("and", "but"):
        # "Ryan said …, and suggested that …": the subject of the sentence speaks again
        subj = _main_subject(cx, ss, c_start)
        return _forward(cx, cue, "coordinated", c_start, v_end, se, subj) if subj else None
    if (
        form in ("asked", "asked about")
        and c_start == v_start
        and prev in ("", "when", "once", "if")
        and _sentence_opening(cx, ss, c_start)
    ):
        return _asked(cx, cue, v_start, v_end, se)
    subj = _subject(cx, ss, c_start)
    if subj is None:
        return None
    if post_c is not None and post_ch == "," and _word_before(cx, subj[0], ss) == "as":
        # "As the Post reported, …": the content follows the comma
        n = _next_char(text, post_c + 1, se)
        end = _content_end(cx, n, se) if n is not None else 0
        if n is None or end - n < 3:
            return None
        actor = _speaker_actor(cx, subj, subj[0])
        return Attribution(
            "verb", "as", (c_start, v_end), cue.lemma, cue.stance, cue.speech, subj, actor, (n, end), None, ()
        )
    # what precedes the subject decides between "…, X said." and "X said …"
    before_subj = _prev_char(text, subj[0], ss)
    if (
        before_subj is not None
        and text[before_subj] in ",\u201d\"'\u2019"
        and _noun_like(cx, subj)
        and (
            post_ch in ".!?,;"
            or _trailing_words(cx, post_c, se)
            or (text[before_subj] in _CLOSE_MARKS and _short_tail(cx, post_c, se))
        )
    ):
        if (
            post_c is not None
            and post_ch == ","
            and text[before_subj] not in _CLOSE_MARKS  # '"…," he said, adding': the quote is the content
            and not _trailing_words(cx, post_c, se)
            and not _quote_follows(cx, post_c + 1, se)
            and not _participle_follows(cx, post_c + 1, se)
        ):
            # "The plan, he said, is to …": the content runs round the attribution
            if not cue.speech and cue.weak:
                return None
            content = _strip(text, cx.after_dateline(ss), se)
            content = (content[0], _content_end(cx, content[0], content[1]))
            actor = _speaker_actor(cx, subj, subj[0])
            return Attribution(
                "verb",
                "parenthetical",
                (c_start, v_end),
                cue.lemma,
                cue.stance,
                cue.speech,
                subj,
                actor,
                content,
                None,
                (),
            )
        if c_start < v_start and _PASSIVE_BE.search(text, c_start, v_start):
            return None  # "…, fatalities were reported.": a passive, its subject is no source
        content_q, quote = _content_before(cx, before_subj + 1, ss)
        if content_q is None:
            return None
        content_q = _continued(cx, content_q, post_c, se)
        actor = _speaker_actor(cx, subj, subj[0])
        return Attribution(
            "verb", "after", (c_start, v_end), cue.lemma, cue.stance, cue.speech, subj, actor, content_q, quote, ()
        )
    if post_c is None or (post_ch in ".!?" and not _quote_follows(cx, post_c, se)):
        return None
    return _forward(cx, cue, "before", c_start, v_end, se, subj)


_AS_AFTER = regex.compile(r"\s++[^\s,.;:!?\u2014\u2013][^,.;:!?\u2014\u2013]*?\sas\s", regex.IGNORECASE)
_AS_REACH = 120
"""How far after "see" the "as" of "see X as Y" may stand."""
_BY_AGENT = regex.compile(r"\s++by\s++(?=[\p{L}\p{N}])", regex.IGNORECASE)
_AGENT_WORDS = 8
_AGENT_BREAKS = frozenset(',;:()[]\u2014\u2013"\u201c\u201d')
"""How many words a by-agent ("by 64 percent of the electorate") may have."""


def _passive(cx: _Ctx, cue: CueVerb, c_start: int, v_end: int, ss: int, se: int) -> Attribution | None:
    """
    "This proposal was rejected by 64 percent of the electorate": the subject is the content, the agent the source.

    The agent runs to the next comma, clause word or preposition (at most a few words) and must name
    someone: an actor the analysis found, or a noun phrase opening with a determiner or a number.
    """
    text = cx.text
    m = _BY_AGENT.match(text, v_end)
    if m is None or cx.in_quote(m.end(), m.end() + 1) is not None:
        return None
    words = cx.first_words(m.end(), se, _AGENT_WORDS + 1)
    agent_end = None
    stops = cx.cues.prepositions | cx.cues.clause_words
    for k, (ws, we, w) in enumerate(words):
        lw = w.lower()
        if k and ((lw in stops and lw != "of") or lw in cx.cues.verbs or lw in cx.cues.aux):
            break
        if k and any(ch in _AGENT_BREAKS for ch in text[words[k - 1][1] : ws]):
            break  # a comma or a dash ends the agent
        agent_end = we
    if agent_end is None or (len(words) > _AGENT_WORDS and agent_end == words[-1][1]):
        return None
    agent = (m.end(), agent_end)
    first = words[0][2].lower()
    if not (cx.actors.overlapping(*agent) or first in cx.cues.determiners or first[0].isdigit()):
        return None
    subj = _subject(cx, ss, c_start)
    if subj is None or not _noun_like(cx, subj):
        return None
    actor = _speaker_actor(cx, agent, agent[0])
    return Attribution("verb", "passive", (c_start, v_end), cue.lemma, cue.stance, False, agent, actor, subj, None, ())


def _continued(cx: _Ctx, content: tuple[int, int], pos: int | None, se: int) -> tuple[int, int]:
    """
    '"A," he said, "B."', 'A, he said, "B."': the quotation after the attribution's comma goes on with *content*.

    *pos* is the first character after the cue or speaker; the content then runs to the end of that quotation.
    """
    text = cx.text
    if pos is None:
        return content
    if text[pos] != ",":
        # '"A," Trump said last month on Twitter, "B"': a few adverbial words, then the comma
        comma = cx.comma_in(pos, min(se, pos + _CONTINUE_REACH))
        if comma == -1 or not _short_tail(cx, pos, comma) or any(i in cx.by_open for i in range(pos, comma)):
            return content
        pos = comma
    n = _next_char(text, pos + 1, min(len(text), se + 2))
    r = cx.by_open.get(n) if n is not None else None
    if r is None or r.close_mark is None:
        return content
    return (content[0], max(content[1], region_span(text, r)[1]))


def _sentence_opening(cx: _Ctx, ss: int, pos: int) -> bool:
    """True when at most one word ("When asked") stands between the sentence start and *pos*."""
    return len(cx.first_words(ss, pos, 2)) <= 1


_ASKED_OPENERS = frozenset(
    ("what", "who", "whom", "whose", "which", "why", "how", "whether", "if", "about", "when", "where")
)
_ASKED_REACH = 8
"""How many words after "Asked" may stand before the question ("Asked on Fox News who leads …")."""


def _asked(cx: _Ctx, cue: CueVerb, v_start: int, v_end: int, se: int) -> Attribution | None:
    """
    "Asked why he trailed, Sanders said …", "When asked about the merger, she …": the question, with no source.

    The question starts at its wh-word (or "about", "whether") among the first words after "asked" and runs to
    the comma that ends the participle clause.
    """
    text = cx.text
    comma = cx.comma_in(v_end, se)
    if comma == -1:
        return None
    if text[v_start:v_end].lower() != "asked":  # "asked about": the question is what follows
        n = _next_char(text, v_end, comma)
        end = _strip(text, n, comma)[1] if n is not None else 0
        if n is None or end - n < 3:
            return None
        return Attribution(
            "verb", "asked", (v_start, v_end), cue.lemma, cue.stance, False, None, None, (n, end), None, ()
        )
    for w in cx.first_words(v_end, comma, _ASKED_REACH):
        if w[2].lower() in _ASKED_OPENERS:
            end = _strip(text, w[0], comma)[1]
            if end - w[0] < 3 or len(cx.first_words(w[0], end, 2)) < 2:
                return None
            return Attribution(
                "verb", "asked", (v_start, v_end), cue.lemma, cue.stance, False, None, None, (w[0], end), None, ()
            )
    return None


_CONTINUE_REACH = 60
"""How far after the attribution the comma before the rest of a quotation told in pieces may stand."""


def _noun_like(cx: _Ctx, span: tuple[int, int]) -> bool:
    """False for a lone lower-case participle or verb ("raising"), which names nobody."""
    words = cx.first_words(*span, 2)
    return not (len(words) == 1 and words[0][2].islower() and words[0][2].endswith(("ing", "ed")))


def _quote_follows(cx: _Ctx, pos: int, se: int) -> bool:
    n = _next_char(cx.text, pos, min(len(cx.text), se + 2))
    return n is not None and n in cx.by_open


def _after_parenthetical(cx: _Ctx, comma: int, ss: int) -> bool:
    """True for "X, speaking anonymously, confirmed": the comma closes an appositive, not the content."""
    text = cx.text
    if text[comma] != ",":
        return False
    b = _last_boundary(cx, ss, comma)
    if b is None or text[b] != ",":
        return False
    words = cx.first_words(b + 1, comma, 1)
    if not (words and (words[0][2][0].islower() or words[0][2][0].isdigit())):
        return False
    # the appositive follows a short noun phrase ("Smith, 58,"), not a clause; a quotation closing before
    # that noun phrase does not count ('"…," Smith, 58, said')
    head = ss
    k = bisect.bisect_left(cx._region_starts, b) - 1
    close = cx.regions[k].close_mark if k >= 0 else None
    if close is not None and ss <= close < b:
        r = cx.regions[k]
        if r.open_mark < ss or _ALNUM.search(text, ss, r.open_mark) is None:
            head = close + 1
    return len(cx.first_words(head, b, _APPOSITIVE_HEAD + 1)) <= _APPOSITIVE_HEAD


_APPOSITIVE_HEAD = 8
"""At most this many words stand before the appositive of "X, speaking anonymously, confirmed"."""


def _adverbial(cx: _Ctx, start: int, end: int) -> bool:
    """True for "In Nevada", "Since then", "Before dropping out": an opening adverbial, not content."""
    words = cx.first_words(start, end, 6)
    if len(words) < 3:
        return True
    return words[0][2].lower() in cx.cues.openers and len(words) < 6


def _speaker_of_cue_before(cx: _Ctx, ss: int, comma: int) -> tuple[int, int] | None:
    """
    "…, the network said, blaming the RSF": the speaker of the speech cue just before *comma*.

    The participle goes on from the attribution, so its subject is who spoke, not the subject
    of the reported sentence.
    """
    last = cx.last_words(ss, comma, 1)
    if not last or last[0][1] != comma:
        return None
    cue = cx.cues.verbs.get(last[0][2].lower())
    if cue is None or not cue.speech:
        return None
    v_start = _extend_aux(cx, last[0][0], ss)
    subj = _subject(cx, ss, v_start)
    if subj is None:
        return None
    before = _prev_char(cx.text, subj[0], ss)
    return subj if before is not None and cx.text[before] == "," else None


def _participle_follows(cx: _Ctx, pos: int, end: int) -> bool:
    """True when a participle clause opens at *pos*: "…, the network said, blaming the RSF"."""
    words = cx.first_words(pos, min(end, pos + 40), 1)
    return bool(words) and words[0][2].endswith("ing") and words[0][2].islower() and len(words[0][2]) > 4


def _trailing_words(cx: _Ctx, pos: int | None, end: int) -> bool:
    """True when what follows a cue is only adverbials: "said on Tuesday", "told reporters in Kyiv."."""
    if pos is None:
        return True
    words = cx.first_words(pos, min(end, pos + 120), 1)
    return bool(words) and words[0][2].lower() in cx.cues.trailing and words[0][0] == pos and _no_clause(cx, pos, end)


def _short_tail(cx: _Ctx, pos: int | None, end: int) -> bool:
    """True for '"…," he said then.', '… said onstage Tuesday.': a few words with no clause, then the end."""
    if pos is None:
        return True
    stop = cx.comma_in(pos, end)
    words = cx.first_words(pos, stop if stop != -1 else end, _SHORT_TAIL + 1)
    return len(words) <= _SHORT_TAIL and not any(w[2].lower() in _CLAUSE_MARKERS for w in words)


_SHORT_TAIL = 4
"""At most this many words after '"…," X said' are adverbials, not a content of their own."""

_CLAUSE_MARKERS = frozenset(("that", "said", "says", "is", "are", "was", "were", "will", "would", "has", "have"))


def _no_clause(cx: _Ctx, pos: int, end: int) -> bool:
    """True when no word up to the next comma (or *end*) makes a clause ("that", "said", "is", …)."""
    stop = cx.comma_in(pos, end)
    i, j = cx.token_range(pos, stop if stop != -1 else end)
    return not cx.analysis.indices_of(_CLAUSE_MARKERS, i, j)


_QUOTE_CUE_REACH = 5
"""How many words may open a sentence before the cue that attributes the question ending the sentence before."""


def _question_quote_before(cx: _Ctx, ss: int, v_start: int) -> int:
    """
    '"Can we win?" he asked.': where the quotation's closing marks stand, when the sentence at *ss* attributes it.

    A quotation ending in "?" or "!" ends a sentence for the splitter; the cue within the first few words
    of the next sentence still belongs to it, so its sentence is taken to open at the closing marks.
    Otherwise *ss* itself.
    """
    text = cx.text
    i = ss - 1
    while i >= 0 and text[i].isspace():
        i -= 1
    j = i
    while j >= 0 and text[j] in _CLOSE_MARKS and i - j < 2:
        j -= 1  # "''" closes a quotation in some house styles
    if j < 0 or j == i or text[j] not in "?!" or not (i in cx.by_close or j + 1 in cx.by_close):
        return ss
    if len(cx.words(ss, v_start)) > _QUOTE_CUE_REACH:
        return ss
    return j + 1  # the closing marks open the cue's sentence: the quotation stands just before it


def _inverted_speaker(cx: _Ctx, pos: int, se: int) -> tuple[int, int] | None:
    """The noun phrase after an inverted cue, when it runs to the sentence end or to an appositive comma."""
    text = cx.text
    s = _next_char(text, pos, se)
    if s is None:
        return None
    stop = s
    limit = min(se, cx.nth_word_end(s, 11) + 1)  # past the 11th word: too long for a speaker
    while stop < limit and text[stop] not in ',.;:!?\u201c\u201d"(':
        stop += 1
        if stop < limit and text[stop] == "." and _abbreviation_before(text, s, stop):
            stop += 1  # "said Mr. Ekovich", "said Sen. Tom Udall", "John F. Kennedy"
    if stop == limit < se:
        # "said a handful of Democrats who point to …": the speaker up to its relative clause
        lead = cx.first_words(s, stop, 11)
        k = next((i for i, w in enumerate(lead) if w[2] in ("who", "whose")), None)
        if k is None or k == 0:
            return None
        stop = se = lead[k - 1][1]  # the speaker ends there, as if at the sentence end
    words = cx.words(s, stop)
    if not words or len(words) > 10 or words[0][0] != s:
        return None
    # cut channel and time phrases: "said the minister in a statement"
    keep: list[Word] = []
    for w in words:
        if keep and w[2].lower() in ("in", "on", "at", "to", "during", "after", "before", "while", "when", "as", "via"):
            break
        if w[2].lower() in ("that", "he", "she", "they") and keep:
            return None
        if w[2].lower() in _CLAUSE_MARKERS:
            return None  # "…, said every pope was …": a clause, not the speaker's name
        keep.append(w)
    first = keep[0][2]
    if first.lower() in ("that", "in", "on", "at", "to", "it", "this"):
        return None
    if len(keep) == len(words) and stop < se and text[stop] not in ",.!?;":
        return None
    if len(keep) == len(words) and stop < se and text[stop] == ",":
        nxt = cx.first_words(stop + 1, min(se, stop + 40), 1)
        if nxt and nxt[0][2].lower().endswith("ing") and not first[0].isupper():
            return None  # "confirmed the toll, highlighting …": an object, not a speaker
    return (keep[0][0], keep[-1][1])


_TITLE_ABBREVIATIONS = frozenset(
    ("mr", "mrs", "ms", "dr", "sen", "rep", "gov", "gen", "lt", "col", "sgt", "capt", "st", "jr", "sr", "prof", "rev")
)


def _abbreviation_before(text: str, lo: int, dot: int) -> bool:
    """True when the word ending at *dot* is a title abbreviation ("Mr", "Sen") or an initial ("F")."""
    i = dot
    while i > lo and text[i - 1].isalpha():
        i -= 1
    word = text[i:dot]
    return (len(word) == 1 and word.isupper()) or (word[:1].isupper() and word.lower() in _TITLE_ABBREVIATIONS)


def _content_before(cx: _Ctx, pos: int, ss: int) -> tuple[tuple[int, int] | None, QuoteRegion | None]:
    """Content that ends just before *pos*: the quote that closes there, or the sentence so far."""
    text = cx.text
    i = pos - 1
    while i >= ss and (text[i].isspace() or text[i] in ",.:"):
        i -= 1
    if i >= 0 and text[i] in _CLOSE_MARKS:
        r = cx.by_close.get(i)
        if r is not None:
            return region_span(cx.text, r), r
    if i >= 0 and text[i] in ",.!?":
        j = i
        while j >= ss and text[j] in ",.!?":
            j -= 1
        r = cx.by_close.get(j + 1)
        if r is not None:
            return region_span(cx.text, r), r
    s, e = _strip(text, cx.after_dateline(ss), pos, ",")
    for r in _regions_ending(cx, s, e):
        return region_span(cx.text, r), r
    if e - s < 3 or _adverbial(cx, s, e):
        return None, None
    return (s, e), None


def _regions_ending(cx: _Ctx, s: int, e: int) -> Iterator[QuoteRegion]:
    """The quote region that fills ``[s, e)`` between its marks, if any."""
    if s < len(cx.text) and cx.text[s] in _OPEN_MARKS:
        r = cx.by_open.get(s)
        if r is not None and r.close_mark is not None and r.close_mark >= e - 2:
            yield r


def _forward(
    cx: _Ctx, cue: CueVerb, layout: str, c_start: int, v_end: int, se: int, subj: tuple[int, int] | None
) -> Attribution | None:
    """ "X said (that) …", "X told the BBC that …", "X said: "…"": the content follows the cue."""
    text = cx.text
    pos = v_end
    if cue.takes_object:
        pos = _skip_object(cx, cue, pos, se)
    n = _next_char(text, pos, se)
    if n is None:
        return None
    colon = False
    if text[n] in ":,":
        colon = text[n] == ":"
        n2 = _next_char(text, n + 1, se + 2 if se + 2 <= len(text) else len(text))
        if n2 is None:
            return None
        n = n2
    r = cx.by_open.get(n)
    if r is None and not colon and text[n].islower():
        # 'said on Telegram: "…"': a short adverbial, then the colon and the quotation
        k = text.find(":", n, min(se, n + _ADVERBIAL_REACH))
        n2 = _next_char(text, k + 1, min(len(text), se + 2)) if k != -1 and "," not in text[n:k] else None
        if n2 is not None and n2 in cx.by_open and cx.first_words(n, k, 1)[0][2] in cx.cues.trailing_or_to:
            r, colon = cx.by_open[n2], True
    if r is not None:
        actor = _speaker_actor(cx, subj, subj[0]) if subj else None
        lay = "colon" if colon else ("participle-quote" if layout == "participle" else "before-quote")
        return Attribution(
            "verb",
            lay,
            (c_start, v_end),
            cue.lemma,
            cue.stance,
            cue.speech,
            subj,
            actor,
            region_span(cx.text, r),
            r,
            (),
        )
    words = cx.first_words(n, min(se, n + 60), 6)
    has_that = bool(words) and words[0][2].lower() == "that" and words[0][0] == n
    if not has_that and words and words[0][2].lower() in cx.cues.trailing_or_to:
        # "said last week that …", "told reporters on Tuesday that …"
        for k, w in enumerate(words[:6]):
            if w[2].lower() == "that" and "," not in text[n : w[0]]:
                words, has_that = words[k:], True
                n = w[0]
                break
    if has_that:
        n = _next_char(text, words[0][1], se) or n
    elif cue.weak and not colon:
        return None
    if subj is None and layout != "participle":
        return None
    end = _content_end(cx, n, se)
    if subj is not None and end > n:
        end = _relative_clause_end(cx, subj, n, end)
    if end - n < 2:
        return None
    if (w0 := _WORD.match(text, n)) is not None and w0.group().lower() in _PARTICLES:
        return None  # "backed that up", "showed up": a particle, not a content
    if (
        not has_that
        and not colon
        and words
        and words[0][0] == n
        and words[0][2] in _NO_CONTENT_START
        and (words[0][2] == "by" or len(cx.first_words(n, end, _ADVERBIAL_WORDS + 1)) <= _ADVERBIAL_WORDS)
    ):
        return None  # "reported from Moscow.", "was first reported by MSNBC": an adverbial, not what was said
    actor = _speaker_actor(cx, subj, subj[0]) if subj else None
    return Attribution(
        "verb", layout, (c_start, v_end), cue.lemma, cue.stance, cue.speech, subj, actor, (n, end), None, ()
    )


_ADJECTIVE_BEFORE = frozenset(("in", "of", "for", "with", "on", "at", "from", "about", "into", "among", "against"))
_PARTICLES = frozenset(("up", "off", "down", "away"))
"""Particles, never the start of a content: "showed up", "backed that up"."""
_NONRESTRICTIVE = frozenset(("who", "which"))
_RELATIVE_COMMAS = 4
"""How many commas of a relative clause's content are tried as the one where the main clause resumes."""


def _relative_clause_end(cx: _Ctx, subj: tuple[int, int], n: int, end: int) -> int:
    """
    "Canova, who cited trade as his issue, has argued …": the content of a relative clause between commas
    ends at the comma where the main clause resumes with its verb (an auxiliary or a cue verb).
    """
    text = cx.text
    if text[subj[0] : subj[1]].lower() not in _NONRESTRICTIVE:
        return end
    before = _prev_char(text, subj[0], max(0, subj[0] - 3))
    if before is None or text[before] != ",":
        return end
    commas = cx.commas
    k = bisect.bisect_left(commas, n)
    verbs, aux = cx.cues.verbs, cx.cues.aux
    for c in commas[k : k + _RELATIVE_COMMAS]:
        if c >= end:
            break
        w = _WORD.match(text, c + 2) if text[c + 1 : c + 2] == " " else None
        if w is None:
            continue
        lw = w.group()
        if lw.islower() and (lw in aux or (lw in verbs and not lw.endswith("ing"))):
            e = c
            while e > n and text[e - 1].isspace():
                e -= 1
            return e
    return end


_NO_CONTENT_START = frozenset(
    (
        *("by", "from", "in", "on", "at", "via", "through", "during", "with", "ago", "up", "off", "down", "away"),
        *("yesterday", "today", "tonight", "earlier", "later", "last", "recently"),
        *("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"),
    )
)
"""Lower-case words that open an adverbial after a cue with no "that" ("reported from Moscow")."""
_ADVERBIAL_REACH = 60
"""How far after a cue the colon after an adverbial ('said on Telegram: "…"') may stand."""
_ADVERBIAL_WORDS = 5
"""At most this many words after such a word, up to the content's end, make an adverbial and no content."""


def _skip_object(cx: _Ctx, cue: CueVerb, pos: int, se: int) -> int:
    """Skip the addressee of "told the BBC (that)", "asked reporters"; keep the accused of "accused X of"."""
    if cue.lemma in ("accuse", "warn"):
        return pos
    words = cx.words(pos, min(se, pos + 80))
    for w in words[:8]:
        if w[2].lower() == "that":
            return w[0]
    if not words:
        return pos
    k = 0
    if words[0][2].lower() in ("the", "a", "an", "his", "her", "their"):
        k = 1
    if k < len(words) and words[k][2][0].isupper():
        while k < len(words) and words[k][2][0].isupper():
            k += 1
    elif k < len(words):
        k += 1
    return words[k - 1][1] if k > 0 else pos


def _hedge_verb(cx: _Ctx, cue: CueVerb, c_start: int, v_end: int, ss: int, se: int) -> Attribution | None:
    """ "it appears (that) …", "gains appear diminished": a hedged claim with no source."""
    text = cx.text
    words = cx.first_words(v_end, min(se, v_end + 40), 1)
    if words and words[0][2].lower() in ("on", "at", "in", "before", "with", "for", "as"):
        return None
    b = _last_boundary(cx, ss, c_start)
    start = b + 1 if b is not None else ss
    i, j = cx.token_range(start, c_start)
    found = cx.analysis.indices_of(cx.cues.clause_words, i, j)
    if found:
        start = cx.tok_ends[found[-1]]
        i = found[-1] + 1
    verbs = cx.cues.verbs
    for t in range(j - 1, i - 1, -1):
        cue_before = verbs.get(cx.tok_words[t].lower())
        if cue_before is not None and cue_before.speech and cx.tok_words[t].islower():
            start = cx.tok_ends[t]  # "analysts said the Russian claims appeared exaggerated": what was said
            break
    s, _ = _strip(text, start, c_start)
    subj_words = text[s:c_start].strip().lower()
    if subj_words in ("it", "there", "this"):
        n = v_end
        if words and words[0][2].lower() == "that":
            n = words[0][1]
        n2 = _next_char(text, n, se)
        if n2 is None:
            return None
        end = _content_end(cx, n2, se)
        if end - n2 < 3:
            return None
        return Attribution(
            "hedge", "it-appears", (c_start, v_end), cue.lemma, cue.stance, False, None, None, (n2, end), None, ()
        )
    if not subj_words:
        return None
    end = _content_end(cx, v_end, se)
    return Attribution(
        "hedge", "appears", (c_start, v_end), cue.lemma, cue.stance, False, None, None, (s, end), None, ()
    )


def _according(cx: _Ctx, start: int, end: int) -> Attribution | None:
    """ "According to X, …" and "…, according to X.", with "citing Y" chains."""
    text = cx.text
    ss, se = cx.analysis.sentence_at(start)
    se = max(se, end)
    s = _next_char(text, end, se)
    if s is None:
        return None
    stop = s
    limit = min(se, cx.nth_word_end(s, 15) + 1)  # past the 15th word: too long for a source
    while stop < limit and text[stop] not in ",.;:!?\u2014(":
        stop += 1
    while stop < limit and text[stop] == "." and stop + 1 < se and not text[stop + 1].isspace():
        stop += 1  # "U.S." inside the source
        while stop < limit and text[stop] not in ",.;:!?\u2014(":
            stop += 1
    if stop == limit < se:
        if _ALNUM.search(text, ss, start) is None:
            return None
        # "…, according to three sources who spoke to Fox News but …": the source up to its relative clause
        words = cx.first_words(s, stop, _SOURCE_WORDS + 1)
        k = next((i for i, w in enumerate(words) if w[2].lower() in _RELATIVES), None)
        if k is None or k == 0:
            return None
        stop = words[k - 1][1]
    src_words = cx.words(s, stop)
    if not src_words or len(src_words) > 14:
        return None
    src = (src_words[0][0], src_words[-1][1])
    chain: list[tuple[int, int]] = []
    # "according to the NYT, citing two officials," / "according to X, who cited Y"
    after = stop
    cm = _CITING.match(text, stop, se)
    if cm:
        chain.append((cm.start(1), cm.end(1)))
        after = cm.end()
    if _ALNUM.search(text, ss, start) is None:  # nothing but marks before the cue
        n = _next_char(text, after + 1, se) if after < se and text[after] == "," else None
        if n is None:
            return None
        content = (n, _content_end(cx, n, se))
        layout = "according-before"
    else:
        c_end = _prev_char(text, start, ss)
        if c_end is None:
            return None
        content_q, _quote = _content_before(cx, c_end + 1 if text[c_end] != "," else c_end, ss)
        layout = "according-after"
        if content_q is None or (text[c_end] == "," and _adverbial(cx, *content_q)):
            # "By Sept. 30, according to new filings, the committee had spent …": the clause after the source
            n = _next_char(text, after + 1, se) if after < se and text[after] == "," else None
            if n is None:
                return None
            content_q, layout = (n, _content_end(cx, n, se)), "according-inside"
        content = content_q
    if content[1] - content[0] < 3:
        return None
    actor = _speaker_actor(cx, src, src[0])
    quote = cx.by_open.get(content[0] - 1)
    return Attribution(
        "according", layout, (start, end), "according to", "reported", False, src, actor, content, quote, tuple(chain)
    )


_SOURCE_WORDS = 14
"""The longest source of "according to" read up to its relative clause."""


def _noun_cue(cx: _Ctx, m: Hit) -> Attribution | None:
    """ "allegations of executions …", "claims that …": content after the noun, source from "X's" or "by X"."""
    text = cx.text
    start, end = m.start, m.end
    noun = m.form.split()[0]
    stance = cx.cues.nouns.get(noun, "reported")
    ss, se = cx.analysis.sentence_at(start)
    se = max(se, end)
    n = _next_char(text, end, se)
    if n is None:
        return None
    c_end = _content_end(cx, n, se)
    stop = cx.comma_in(n, c_end)
    if stop != -1:
        c_end = _strip(text, n, stop)[1]
    if c_end - n < 3:
        return None
    # the source: "Kyiv's allegations of", "allegations by X of" are rare; only the possessive form
    src = None
    words = cx.last_words(max(ss, start - 40), start, 1)
    if words and not text[words[-1][1] : start].strip():
        w = words[-1]
        if w[2].endswith(("'s", "\u2019s")):
            src = (w[0], w[1] - 2)
        elif w[2].lower() in _POSSESSIVES:  # "his support for": the pronoun's referent
            src = (w[0], w[1])
    actor = _speaker_actor(cx, src, start) if src else None
    return Attribution("noun", "noun", (start, end), noun, stance, False, src, actor, (n, c_end), None, ())


def _adverb_cue(cx: _Ctx, m: Hit) -> Attribution | None:
    """ "missiles reportedly being deployed by Ukraine": the clause round the adverb, no source."""
    text = cx.text
    start, end = m.start, m.end
    word = m.form
    ss, se = cx.analysis.sentence_at(start)
    b = _last_boundary(cx, ss, start)
    c_start = b + 1 if b is not None else ss
    i, j = cx.token_range(c_start, start)
    found = cx.analysis.indices_of(cx.cues.adverb_clause_words, i, j)
    if found and found[-1] < j - 1:
        c_start = cx.tok_ends[found[-1]]
    c_start = _next_char(text, c_start, se) or c_start
    c_end = _content_end(cx, end, se)
    stop = cx.comma_in(end, c_end)
    if stop != -1:
        c_end = _strip(text, end, stop)[1]
    if c_end - c_start < 3 or (c_start >= start and c_end <= end):
        return None
    stance = cx.cues.adverbs.get(word, "hedged")
    return Attribution("adverb", "adverb", (start, end), word, stance, False, None, None, (c_start, c_end), None, ())


def find_channel(
    cx: _Ctx, lo: int, hi: int, skip: Sequence[tuple[int, int]], near: Sequence[int] = ()
) -> tuple[str | None, Actor | None]:
    """
    The channel of an attribution in ``[lo, hi)``: "told the BBC", "relayed … to the BBC", "on Telegram".

    *skip* lists spans (the quotations) that are not searched. Given *near* (the cue and the
    ends of the quotation), only :data:`CHANNEL_WINDOW` characters round each of those offsets
    are searched. The candidates are found once per document (:attr:`_Ctx.channel_hits`), so
    one look-up costs a few bisections, however long its sentence.
    """
    text = cx.text
    segments = _channel_segments(lo, hi, skip, near)
    # a media actor after "told", "to", "with", "on"
    for seg_lo, seg_hi in segments:
        for m in cx.media.iter_overlapping(seg_lo, seg_hi):
            if m.start < seg_lo or m.end > seg_hi:
                continue
            pre = text[max(lo, m.start - 30) : m.start].lower().split()
            pre = [p for p in pre if p not in ("the", "a", "an")]
            if pre and pre[-1].strip(",") in ("told", "tells", "telling", "tell", "to", "with", "on", "by"):
                return text[m.start : m.end], m.actor
    for (starts, ends, names), pattern in ((cx.channel_hits, cx.cues.channel_pattern), (cx.told_hits, _TOLD)):
        for seg_lo, seg_hi in segments:
            k = bisect.bisect_left(starts, seg_lo)
            if k == len(starts) or starts[k] >= seg_hi:
                continue
            if ends[k] <= seg_hi:
                return names[k], None
            m = pattern.match(text, starts[k], seg_hi)  # runs past the window: match inside it
            if m is not None:
                return _hit_name(m), None
    return None, None


def _hit_name(m: regex.Match[str]) -> str:
    """The channel a match of the channel pattern or of _TOLD names ("Reuters." loses its full stop)."""
    if "channel" in m.re.groupindex:
        return str(m.group("channel"))
    who = str(m.group("who"))
    return who.rstrip(".") if who.count(".") == 1 else who


CHANNEL_WINDOW = 300
"""Characters searched for a channel on each side of a cue and of a quotation's ends."""


def _channel_segments(lo: int, hi: int, skip: Sequence[tuple[int, int]], near: Sequence[int]) -> list[tuple[int, int]]:
    """``[lo, hi)`` cut to windows round *near* (all of it if *near* is empty), the *skip* spans left out."""
    if near:
        windows = sorted((max(lo, p - CHANNEL_WINDOW), min(hi, p + CHANNEL_WINDOW)) for p in near)
    else:
        windows = [(lo, hi)]
    for s, e in sorted(skip):
        cut: list[tuple[int, int]] = []
        for a, b in windows:
            if e <= a or b <= s:
                cut.append((a, b))
                continue
            if a < s:
                cut.append((a, s))
            if e < b:
                cut.append((e, b))
        windows = cut
    out: list[tuple[int, int]] = []
    for a, b in sorted(windows):
        if a >= b:
            continue
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


_TOLD_WORDS = frozenset(("told", "tells", "telling", "relayed", "speaking", "said"))
"""The words every match of _TOLD opens with (case-sensitive): the pattern is tried only at them."""

# Besides ASCII letters, the only characters the regex module's IGNORECASE matches to an ASCII letter
# are these two and the Kelvin sign, which str.lower() turns into "k".
_ODD_FOLDS = ("\u0130", "\u017f")


_TOLD = regex.compile(
    r"""
    (?<![\p{L}])(?:told|tells|telling|relayed[^,.;:]{0,60}?\sto|speaking\s++to|said\s++to)\s++
    (?:the\s++)?(?P<who>\p{Lu}[\p{L}\-.&]*+(?:\s++\p{Lu}[\p{L}\-.&]*+){0,3})
    """,
    regex.VERBOSE,
)


# --------------------------------------------------------------------------- the parser


class CueParser:
    """
    What the quotes and claims parsers share: the cue lexicon, given or the built-in one loaded on first use.

    Args:
        cues: The cue lexicon; the built-in one (``data/cues``) by default.
    """

    api_version = PARSER_API_VERSION

    def __init__(self, *, cues: CueLexicon | None = None) -> None:
        self._cues = cues

    @property
    def cues(self) -> CueLexicon:
        """The cue lexicon in use (the built-in one is loaded on first use)."""
        if self._cues is None:
            self._cues = load_cues()
        return self._cues


class QuoteParser(CueParser):
    """
    Find direct quotes (with speaker and channel), partial and scare quotes, and reported speech.

    Args:
        cues: The cue lexicon; the built-in one (``data/cues``) by default.
    """

    name = "quotes"
    requires: tuple[str, ...] = ("actors",)
    provides: tuple[str, ...] = ("quotes",)

    def parse(self, context: Context) -> Iterable[Item | ReportWarning]:
        """Return the quotes of the document in *context*, in text order."""
        text = context.text
        if not text:
            return []
        cues = self.cues
        cx, atts = attributions(context, cues)
        if not atts and not cx.regions:
            return []  # no quotation and no cue: no quote
        found: list[tuple[int, int, dict[str, object]]] = []
        by_region: dict[int, Attribution] = {}
        containing: list[Attribution] = []
        for a in atts:
            if a.quote is not None:
                by_region.setdefault(a.quote.open_mark, a)
            elif a.kind == "verb":
                containing.append(a)
        prev: tuple[QuoteRegion, dict[str, object]] | None = None
        speakers = [a for a in atts if a.speaker is not None and a.kind == "verb" and a.layout != "participle"]
        for r in cx.regions:
            info = self._direct(cx, r, by_region, containing, prev, speakers)
            found.append((*region_span(text, r), info))
            prev = (r, info)
        quoted = sorted((r.open_mark, (r.close_mark or r.end) + 1) for r in cx.regions)
        quoted_starts = [qs for qs, _ in quoted]
        longest = max((qe - qs for qs, qe in quoted), default=0)
        for a in atts:
            if not a.speech or a.quote is not None or a.kind != "verb":
                continue
            s, e = a.content
            near = quoted[bisect.bisect_left(quoted_starts, s - longest) : bisect.bisect_left(quoted_starts, e)]
            covered = sum(min(e, qe) - max(s, qs) for qs, qe in near if qs < e and s < qe)
            if covered * 2 >= e - s:
                continue
            sp_lo, sp_hi = cx.analysis.sentence_at(a.cue[0])
            channel, channel_actor = find_channel(cx, sp_lo, sp_hi, [(s, e)], (a.cue[0], a.cue[1], s, e))
            found.append(
                (
                    s,
                    e,
                    {
                        "speaker": a.speaker_actor.id if a.speaker_actor else None,
                        "speaker_text": text[a.speaker[0] : a.speaker[1]] if a.speaker else None,
                        "cue": text[a.cue[0] : a.cue[1]],
                        "channel": channel,
                        "channel_actor": channel_actor.id if channel_actor else None,
                        "direct": False,
                        "rule": f"quotes/indirect-{a.layout}",
                    },
                )
            )
        found.sort(key=lambda f: (f[0], f[1], not f[2].get("direct", True)))
        out: list[Item | ReportWarning] = []
        seen: set[tuple[int, int]] = set()
        for s, e, info in found:
            if (s, e) in seen or e <= s:
                continue
            seen.add((s, e))
            out.append(
                Quote(
                    id=context.next_id(Quote, len(out)),
                    text=text[s:e],
                    span=Span(start=s, end=e),
                    speaker=info.get("speaker"),  # type: ignore[arg-type]
                    speaker_text=info.get("speaker_text"),  # type: ignore[arg-type]
                    cue=info.get("cue"),  # type: ignore[arg-type]
                    channel=info.get("channel"),  # type: ignore[arg-type]
                    channel_actor=info.get("channel_actor"),  # type: ignore[arg-type]
                    direct=bool(info.get("direct", True)),
                    partial=bool(info.get("partial", False)),
                    scare=bool(info.get("scare", False)),
                    rule=str(info["rule"]),
                )
            )
        return out

    def _direct(
        self,
        cx: _Ctx,
        r: QuoteRegion,
        by_region: dict[int, Attribution],
        containing: list[Attribution],
        prev: tuple[QuoteRegion, dict[str, object]] | None,
        speakers: list[Attribution],
    ) -> dict[str, object]:
        text = cx.text
        partial = _is_partial(cx, r)
        info: dict[str, object] = {"direct": True, "partial": partial}
        a = by_region.get(r.open_mark)
        rule = ""
        if a is not None:
            rule = {
                "after": "quotes/said-after",
                "inverted": "quotes/said-inverted",
                "colon": "quotes/colon",
                "before-quote": "quotes/said-before",
                "participle-quote": "quotes/colon",
                "according-after": "quotes/according-to",
                "according-before": "quotes/according-to",
            }.get(a.layout, f"quotes/{a.layout}")
        elif partial and _is_title(cx, r):
            pass  # 'on the podcast "Here's the Thing."': a title, nobody's words
        else:
            for c in containing:
                if c.content[0] <= r.open_mark and (r.close_mark or r.end) <= c.content[1] + 1:
                    a, rule = c, "quotes/inside-reported"
                    break
            if a is None and partial:
                a = _partial_cue(cx, r, containing)
                rule = "quotes/partial" if a is not None else ""
        if a is not None:
            info.update(
                speaker=a.speaker_actor.id if a.speaker_actor else None,
                speaker_text=text[a.speaker[0] : a.speaker[1]] if a.speaker else None,
                cue=text[a.cue[0] : a.cue[1]],
                rule=rule,
            )
            lo = min(cx.analysis.sentence_at(r.open_mark)[0], a.cue[0])
            hi = max(cx.analysis.sentence_at(r.close_mark if r.close_mark is not None else r.end)[1], a.cue[1])
            q_end = (r.close_mark or r.end) + 1
            ch, ch_actor = find_channel(cx, lo, hi, [(r.open_mark, q_end)], (a.cue[0], a.cue[1], r.open_mark, q_end))
            info.update(channel=ch, channel_actor=ch_actor.id if ch_actor else None)
            return info
        if prev is not None and not partial:
            p_region, p_info = prev
            same_para = _paragraph_of(cx, p_region.open_mark) == _paragraph_of(cx, r.open_mark)
            para_cont = p_region.close_mark is None and _starts_paragraph(cx, r)
            if (
                (same_para or para_cont)
                and (p_info.get("speaker") or p_info.get("speaker_text"))
                and not p_info.get("scare")
            ):
                for k in ("speaker", "speaker_text", "cue", "channel", "channel_actor"):
                    info[k] = p_info.get(k)
                info["rule"] = "quotes/continuation"
                return info
        if not partial:
            # a quote paragraph after "X said …": journalists name a new speaker, so the last one goes on
            last = _last_speaker(cx, speakers, r.open_mark)
            if last is not None and (prev is None or (prev[0].close_mark or prev[0].end) < last.cue[0]):
                info.update(
                    speaker=last.speaker_actor.id if last.speaker_actor else None,
                    speaker_text=text[last.speaker[0] : last.speaker[1]] if last.speaker else None,
                    cue=text[last.cue[0] : last.cue[1]],
                    rule="quotes/previous-speaker",
                )
                return info
        if partial:
            info.update(scare=True, rule="quotes/scare")
        else:
            info["rule"] = "quotes/unattributed"
        return info


def _last_speaker(cx: _Ctx, speakers: list[Attribution], pos: int) -> Attribution | None:
    """The latest attribution with a speaker before *pos*, in this paragraph or the one before it."""
    i = bisect.bisect_left(speakers, pos, key=lambda a: a.cue[1]) - 1
    if i < 0:
        return None
    a = speakers[i]
    return a if _paragraph_of(cx, pos) - _paragraph_of(cx, a.cue[0]) <= 1 else None


def _paragraph_of(cx: _Ctx, pos: int) -> int:
    return bisect.bisect_right(cx.para_starts, pos) - 1


def _starts_paragraph(cx: _Ctx, r: QuoteRegion) -> bool:
    text = cx.text
    i = r.open_mark - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    return i < 0 or text[i] == "\n"


def _is_partial(cx: _Ctx, r: QuoteRegion) -> bool:
    """A quoted fragment inside a sentence rather than a quoted sentence."""
    text = cx.text
    body = text[r.start : r.end].strip()
    if not body:
        return True
    first = body[0]
    ss = cx.analysis.sentence_at(r.open_mark)[0]
    p = _prev_char(text, r.open_mark, ss)  # the end of what stands before the quote in its sentence
    if first.islower():
        return True
    if p is None or text[p] in ":,\u2014(" or text[p] in _CLOSE_MARKS:
        return False
    # 'X said "Q"': a cue right before the quote opens a full quotation
    last = cx.words(max(ss, r.open_mark - 30), r.open_mark)
    if last and last[-1][2].lower() in ("said", "says", "say", "wrote", "writes", "added", "told", "asked", "tweeted"):
        return False
    words = len(body.split())
    return not (words >= 6 and body[-1:] in ".!?" and p + 1 - ss < 3)


_TITLE_BEFORE = frozenset(
    ("on", "in", "with", "of", "titled", "entitled", "book", "film", "movie", "show", "podcast", "program", "song")
)


def _is_title(cx: _Ctx, r: QuoteRegion) -> bool:
    """'in his book "Backfire: …"', 'on "Fox News Sunday"': a capitalised name of a work after its preposition."""
    s, e = region_span(cx.text, r)
    words = cx.first_words(s, e, 12)
    if not words or len(words) > 10 or not words[0][2][0].isupper():
        return False
    if sum(1 for w in words if w[2][0].isupper()) * 2 < len(words):
        return False  # most words capitalised, as in a title
    return _word_before(cx, r.open_mark, cx.analysis.sentence_at(r.open_mark)[0]) in _TITLE_BEFORE


def _partial_cue(cx: _Ctx, r: QuoteRegion, containing: list[Attribution]) -> Attribution | None:
    """
    For "describing the chaos as "catastrophic"": the cue earlier in the sentence and its subject.

    The nearest speech cue with a subject wins; only :data:`_PARTIAL_CUES` of them, within
    :data:`_PARTIAL_WINDOW` characters of the quote, are tried.
    """
    ss, _se = cx.analysis.sentence_at(r.open_mark)
    tried = 0
    for m in reversed(cx.cues.scan(cx.analysis, max(ss, r.open_mark - _PARTIAL_WINDOW), r.open_mark)):
        if m.kind != "verb":
            continue
        cue = cx.cues.verbs.get(m.form)
        if cue is None or not cue.speech:
            continue
        tried += 1
        if tried > _PARTIAL_CUES:
            break
        if m.form.endswith("ing"):
            subj = _main_subject(cx, ss, m.start)
        else:
            subj = _subject(cx, ss, _extend_aux(cx, m.start, ss))
        if subj is None:
            continue
        actor = _speaker_actor(cx, subj, subj[0])
        return Attribution(
            "verb",
            "partial",
            (m.start, m.end),
            cue.lemma,
            cue.stance,
            True,
            subj,
            actor,
            region_span(cx.text, r),
            r,
            (),
        )
    return None


_PARTIAL_WINDOW = 600
"""How far before a partial quote its cue is looked for (a long sentence is not searched from its start)."""
_PARTIAL_CUES = 8
"""How many speech cues before a partial quote are tried for a subject, nearest first."""
