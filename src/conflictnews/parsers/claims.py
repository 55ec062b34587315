"""
Attributed claims: what is said, by whom, through whom, how firmly, and who disputes it.

A claim is a content span with its source (an actor id, or the source's words
when no actor covers them), the cue that attributes it ("according to",
"has claimed", "suggest"), a stance and the hedges that decided it. Chains
("according to the NYT, citing two officials") keep every link; a later
"this assertion is met with skepticism by observers" marks the claim as
disputed by those observers. Claims share the attribution finder of
:mod:`conflictnews.parsers.quotes`.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterable, Sequence

import regex

from conflictnews._analysis import Analysis
from conflictnews.model import Actor, Claim, Quote, ReportWarning, Span, Stance
from conflictnews.parsers import Context, Item
from conflictnews.parsers.quotes import ActorIndex, Attribution, CueLexicon, CueParser, attributions

__all__ = ["ClaimParser"]

_RULES = {
    "according": "claims/according-to",
    "noun": "claims/allegation",
    "adverb": "claims/adverb",
    "hedge": "claims/hedge-verb",
    "label": "claims/label",
}
_STANCES = {s.value: s for s in Stance}
_WORD = regex.compile(r"[\p{L}\p{N}]++(?:['\u2019\-][\p{L}\p{N}]++)*+")
# _WORD on ASCII text, where \p{L}\p{N} is [A-Za-z0-9]: the standard library's engine runs it twice as fast
_ASCII_WORD = re.compile(r"[A-Za-z0-9]+(?:['\-][A-Za-z0-9]+)*")


def _words(text: str, start: int, end: int) -> list[str]:
    """The matches of _WORD in ``text[start:end]``."""
    if text.isascii() or text[start:end].isascii():
        return _ASCII_WORD.findall(text, start, end)
    found: list[str] = _WORD.findall(text, start, end)
    return found


class ClaimParser(CueParser):
    """
    Find attributed claims with source, attribution chain, cue, stance, hedges and disputes.

    Args:
        cues: The cue lexicon; the built-in one (``data/cues``) by default.
    """

    name = "claims"
    requires: tuple[str, ...] = ("actors", "quotes")
    provides: tuple[str, ...] = ("claims",)

    def parse(self, context: Context) -> Iterable[Item | ReportWarning]:
        """Return the claims of the document in *context*, in text order."""
        text = context.text
        if not text:
            return []
        cues = self.cues
        cx, atts = attributions(context, cues)
        if not atts and not context.quotes:
            return []  # nothing attributed: no claim
        actors = cx.actors
        hedging = _Hedging(cx.analysis, cues.content_hedges)
        drafts = [_draft(hedging, cues, actors, a) for a in atts]
        drafts.extend(_quote_claims(context, atts))
        rebuttals = _rebuttals(context, cues, actors)
        if rebuttals:
            # "…, an accusation Hamas denies": the denial disputes the claim before it, it is no claim of its own
            drafts = [d for d in drafts if d.cue_span is None or d.cue_span.start not in rebuttals]
            drafts.sort(key=lambda d: d.content)
            firsts = [d.content[0] for d in drafts]
            for verb, (_, comma) in rebuttals.items():
                k = bisect.bisect_left(firsts, comma)
                for d in drafts[max(0, k - _ATTACH_STEPS) : k]:  # the few claims that start before the comma
                    if comma < d.content[1] and verb < d.content[1]:
                        d.content = (d.content[0], comma)  # the claim ends where its summing-up noun begins
        drafts.sort(key=lambda d: d.content)
        # one claim per content span: the first cue found wins
        unique: list[_Draft] = []
        seen: set[tuple[int, int]] = set()
        for d in drafts:
            if d.content not in seen:
                seen.add(d.content)
                unique.append(d)
        unique = _join_quote_fragments(cx.analysis, unique)
        unique = _drop_nested(text, unique)
        _mark_disputes(context, cues, actors, unique, rebuttals)
        q_spans = sorted(((q.span.start, q.span.end, q.id) for q in context.quantities), key=lambda t: t[0])
        q_starts = [t[0] for t in q_spans]
        # in text order of the whole claim (its cue and source may come before its content)
        unique.sort(key=lambda d: (min(d.span[0], d.content[0]), max(d.span[1], d.content[1]), d.content))
        out: list[Item | ReportWarning] = []
        for d in unique:
            cs, ce = d.content
            i = bisect.bisect_left(q_starts, cs)
            qids = []
            while i < len(q_spans) and q_spans[i][0] < ce:
                if q_spans[i][1] <= ce:
                    qids.append(q_spans[i][2])
                i += 1
            out.append(
                Claim(
                    id=context.next_id(Claim, len(out)),
                    span=Span(start=min(d.span[0], cs), end=max(d.span[1], ce)),
                    content=Span(start=cs, end=ce),
                    source=d.source.id if d.source else d.source_id,
                    source_text=d.source_text,
                    chain=d.chain,
                    cue=d.cue,
                    cue_span=d.cue_span,
                    stance=d.stance,
                    hedged=bool(d.hedges) or d.stance == Stance.HEDGED,
                    hedges=d.hedges,
                    disputed_by=d.disputed_by,
                    quantities=tuple(qids),
                    rule=d.rule,
                )
            )
        return out


class _Draft:
    """A claim before ids are given and disputes marked."""

    __slots__ = (
        "chain",
        "content",
        "cue",
        "cue_span",
        "disputed_by",
        "hedges",
        "quoted",
        "rule",
        "source",
        "source_id",
        "source_text",
        "span",
        "speaker_at",
        "stance",
    )

    def __init__(
        self,
        *,
        span: tuple[int, int],
        content: tuple[int, int],
        source: Actor | None,
        source_text: str | None,
        cue: str,
        cue_span: Span | None,
        stance: Stance,
        rule: str,
        chain: tuple[str, ...] = (),
        hedges: tuple[str, ...] = (),
        source_id: str | None = None,
        quoted: bool = False,
        speaker_at: int | None = None,
    ) -> None:
        self.span = span
        self.speaker_at = speaker_at  # where the words naming the source start
        self.quoted = quoted  # the content is a direct quotation
        self.content = content
        self.source = source
        self.source_id = source_id
        self.source_text = source_text
        self.chain = chain
        self.cue = cue
        self.cue_span = cue_span
        self.stance = stance
        self.hedges = hedges
        self.rule = rule
        self.disputed_by: tuple[str, ...] = ()


def _draft(hedging: _Hedging, cues: CueLexicon, actors: ActorIndex, a: Attribution) -> _Draft:
    text = hedging.analysis.text
    chain: list[str] = []
    if a.speaker_actor is not None:
        chain.append(a.speaker_actor.id)
    for s, e in a.chain:
        for m in actors.overlapping(s, e):
            if m.actor.id not in chain:
                chain.append(m.actor.id)
            break
    hedges = _hedges(hedging, cues, a)
    stance = _STANCES.get(a.stance) or Stance(a.stance)
    if hedges and stance in (Stance.REPORTED, Stance.ASSERTED):
        stance = Stance.HEDGED
    if stance in (Stance.REPORTED, Stance.ASSERTED) and _NEGATED.search(text, a.cue[0], a.cue[1]):
        stance = Stance.HEDGED  # "Kyiv has not confirmed the figures": unconfirmed, not asserted
    if a.kind == "verb":
        rule = "claims/participle" if a.layout.startswith("participle") else "claims/verb-cue"
    else:
        rule = _RULES.get(a.kind, "claims/verb-cue")
    lo = min(a.cue[0], a.content[0], a.speaker[0] if a.speaker else a.cue[0])
    hi = max(a.cue[1], a.content[1], a.speaker[1] if a.speaker else a.cue[1])
    return _Draft(
        span=(lo, hi),
        content=a.content,
        source=a.speaker_actor,
        source_text=text[a.speaker[0] : a.speaker[1]] if a.speaker else None,
        chain=tuple(chain) if len(chain) > 1 or a.chain else (),
        cue=text[a.cue[0] : a.cue[1]],
        cue_span=Span(start=a.cue[0], end=a.cue[1]),
        stance=stance,
        hedges=hedges,
        rule=rule,
        quoted=a.quote is not None,
        speaker_at=a.speaker[0] if a.speaker is not None else None,
    )


_RELATIVE_WORDS = frozenset(("which", "who", "whom", "whose"))


def _in_relative_clause(text: str, s: int | None) -> bool:
    """True for "which Russia has claimed": a relative pronoun, then the speaker starting at *s*."""
    if s is None:
        return False
    before = text[max(0, s - 8) : s].split()
    return bool(before) and before[-1].lower() in _RELATIVE_WORDS


def _quote_claims(context: Context, atts: Sequence[Attribution]) -> list[_Draft]:
    """Direct quotes whose speaker came from a neighbouring quote ("continuation") are claims too."""
    taken = {a.content for a in atts}
    out: list[_Draft] = []
    for q in context.quotes:
        if not isinstance(q, Quote) or not q.direct or q.partial or q.scare:
            continue
        span = (q.span.start, q.span.end)
        if span in taken or not (q.speaker or q.speaker_text):
            continue
        out.append(
            _Draft(
                span=span,
                content=span,
                source=None,
                source_id=q.speaker,
                source_text=q.speaker_text,
                cue=q.cue or "",
                cue_span=None,
                stance=Stance.REPORTED,
                rule="claims/quote",
                quoted=True,
            )
        )
    return out


def _join_quote_fragments(analysis: Analysis, drafts: list[_Draft]) -> list[_Draft]:
    """
    One claim for a quotation told in pieces: '"A," he said. "B."' and a quote going on in the next paragraph.

    A quoted claim whose cue is the one of the quoted claim before it (the attribution stands between the
    pieces), or that has no cue of its own (it goes on from the quote before), with the same source and no
    other claim between them, is joined to that claim: its content runs from the first piece to the last.
    *drafts* are in content order; claims nested in a piece stay claims of their own.
    """
    out: list[_Draft] = []
    last: _Draft | None = None  # the last quoted claim kept
    for d in drafts:
        if (
            d.quoted
            and last is not None
            and (d.cue_span is None or d.cue_span == last.cue_span)
            and _adjacent(analysis, last, d.content[0])
            and _same_source(last, d)
            and not (
                out
                and out[-1] is not last
                and out[-1].content[0] >= last.content[1]
                # '"A," said X, who noted …. "B."': an aside in the speaker's own relative clause
                and (out[-1].source_text or "").lower() not in ("who", "whom")
            )
        ):
            last.content = (last.content[0], max(last.content[1], d.content[1]))
            last.span = (min(last.span[0], d.span[0]), max(last.span[1], d.span[1]))
            continue
        out.append(d)
        if d.quoted:
            last = d
    return out


_JOIN_GAP = 3
_JOIN_REACH = 200
"""How many words may stand between a quotation and the piece that goes on from it with no cue of its own."""


def _adjacent(analysis: Analysis, last: _Draft, start: int) -> bool:
    """
    True when the next piece of a quotation, at *start*, follows *last* with only its attribution between.

    '"A," she said. "B."' and a quote going on in the next paragraph are one quotation; a sentence of
    the writer's own between the pieces ends it.
    """
    end = last.content[1]
    if start <= end:
        return True
    end = max(end, analysis.sentence_at(end)[1])  # '"A," she said.': the sentence of the first piece
    return start <= end or (start - end <= _JOIN_REACH and len(_words(analysis.text, end, start)) <= _JOIN_GAP)


def _drop_nested(text: str, drafts: list[_Draft]) -> list[_Draft]:
    """
    Leave out an attribution told inside another claim's content: "X said that Y believes Z".

    The outer claim holds the inner one, cue and all, as part of what X said; "Y believes Z" is
    X's account, not a claim the text makes on its own. A claim counts as nested when its content
    lies inside the content of a claim starting no later, and its cue (or, for a quotation with no
    cue of its own, its content) lies there too. A claim told in a relative clause ("Sudzha, which
    Russia has claimed") is about a noun of the outer content and stays. When the inner cue opens the
    outer content ("officials reported allegations of …"), the inner claim is the one kept, with the
    outer source if it names none. One pass over the claims
    by start, longest first.
    """
    if len(drafts) < 2:
        return drafts
    order = sorted(range(len(drafts)), key=lambda i: (drafts[i].content[0], -drafts[i].content[1]))
    nested: set[int] = set()
    host: _Draft | None = None  # the claim reaching furthest so far
    order_host = -1  # its index in *drafts*
    for i in order:
        d = drafts[i]
        s, e = d.content
        if host is not None and e <= host.content[1] and (s, e) != host.content:
            hs, he = host.content
            inner = d.cue_span
            if _in_relative_clause(text, d.speaker_at):
                pass  # "…, which Russia has claimed": a claim about a noun of the content, kept
            elif inner is not None and inner.start == hs and not d.quoted:
                # "officials reported allegations of …": the outer content is the inner attribution itself;
                # the inner claim stays, told by the outer source when it names none of its own
                nested.add(order_host)
                if d.source is None and d.source_id is None and d.source_text is None:
                    d.source, d.source_id, d.source_text = host.source, host.source_id, host.source_text
                    d.chain = host.chain
                d.span = (min(d.span[0], host.span[0]), max(d.span[1], host.span[1]))
            elif (inner is None and d.quoted) or (inner is not None and hs <= inner.start and inner.end <= he):
                nested.add(i)
                _extend_chain(host, d)
                continue
        if host is None or e > host.content[1]:
            host, order_host = d, i
    return drafts if not nested else [d for i, d in enumerate(drafts) if i not in nested]


def _extend_chain(host: _Draft, inner: _Draft) -> None:
    """The source of a claim folded into *host* becomes the next link of its chain: "X said that Y claimed Z"."""
    outer_id = host.source.id if host.source else host.source_id
    inner_id = inner.source.id if inner.source else inner.source_id
    if outer_id is None or inner_id is None or inner_id == outer_id:
        return
    chain = list(host.chain) or [outer_id]
    for link in inner.chain or (inner_id,):
        if link not in chain:
            chain.append(link)
    host.chain = tuple(chain)


def _same_source(a: _Draft, b: _Draft) -> bool:
    ida = a.source.id if a.source else a.source_id
    idb = b.source.id if b.source else b.source_id
    if ida is not None or idb is not None:
        return ida == idb
    return a.source_text is not None and (a.source_text or "").lower() == (b.source_text or "").lower()


def _hedges(hedging: _Hedging, cues: CueLexicon, a: Attribution) -> tuple[str, ...]:
    """The hedge words that decided: in the cue, the content, or the source ("some reports")."""
    text = hedging.analysis.text
    found = list(_cue_hedges(cues, text[a.cue[0] : a.cue[1]], a.kind == "adverb"))
    if a.speaker is not None:
        found.extend(_source_hedges(cues, text[a.speaker[0] : a.speaker[1]]))
    if a.quote is None:
        found.extend(hedging.within(a.content[0], a.content[1]))
    return tuple(dict.fromkeys(found))


# the words of a cue or a source depend on its text alone, and the same few cues ("said", "according to")
# come back in every document: their hedges are kept per process


@functools.lru_cache(maxsize=4096)
def _cue_hedges(cues: CueLexicon, cue: str, adverb: bool) -> tuple[str, ...]:
    """The hedge words of the cue words *cue* ("reportedly"; any adverb cue when *adverb*)."""
    out = []
    for w in _words(cue, 0, len(cue)):
        lw = w.lower()
        if lw in cues.cue_hedges or (adverb and lw in cues.adverbs):
            out.append(w)
    return tuple(out)


@functools.lru_cache(maxsize=4096)
def _source_hedges(cues: CueLexicon, source: str) -> tuple[str, ...]:
    """The hedge words among the first two words of the source *source* ("some reports")."""
    return tuple(w for w in _words(source, 0, len(source))[:2] if w.lower() in cues.source_hedges)


class _Hedging:
    """
    The content hedges of a document ("may", "reportedly") and where they stand, found once.

    :meth:`within` costs the same for a long content as for a short one: in a sentence of
    many cues, every cue's content runs to the sentence end, so scanning each would be quadratic.
    """

    def __init__(self, analysis: Analysis, hedges: frozenset[str]) -> None:
        self.analysis = analysis
        self.hedges = hedges
        self._tokens: list[int] | None = None

    @property
    def tokens(self) -> list[int]:
        """The indices of the hedge tokens, ascending (found on first use)."""
        if self._tokens is None:
            words = self.analysis.tok_words
            hedges = self.hedges
            # only a lower-case word hedges ("Reportedly" opening a sentence is a cue, not content)
            self._tokens = [i for i in self.analysis.indices_of(hedges) if words[i] in hedges]
        return self._tokens

    def within(self, start: int, end: int) -> list[str]:
        """The hedge words lying inside ``[start, end)``, each once, in text order."""
        analysis = self.analysis
        starts, ends, words = analysis.tok_starts, analysis.tok_ends, analysis.tok_words
        tokens = self.tokens
        lo = bisect.bisect_left(starts, start)
        hi = bisect.bisect_left(starts, end, lo=lo)
        k = bisect.bisect_left(tokens, lo)
        stop = bisect.bisect_left(tokens, hi, lo=k)
        if stop - k <= _FEW:
            return list(dict.fromkeys(words[i] for i in tokens[k:stop] if ends[i] <= end))
        # many: the first use of each hedge word, through the word index
        positions = analysis.word_positions
        firsts: list[tuple[int, str]] = []
        for h in self.hedges:
            found = positions.get(h)
            if not found:
                continue
            j = bisect.bisect_left(found, lo)
            while j < len(found) and found[j] < hi and words[found[j]] != h:
                j += 1
            if j < len(found) and found[j] < hi and ends[found[j]] <= end:
                firsts.append((found[j], h))
        return [h for _, h in sorted(firsts)]


_FEW = 16
"""Up to this many hedge words in a content are read one by one; more are looked up word by word."""


def _rebuttals(context: Context, cues: CueLexicon, actors: ActorIndex) -> dict[int, tuple[Actor, int]]:
    """
    The dispute verbs in an appositive to the claim before them ("…, an accusation Hamas denies"), by offset.

    Each maps to its disputer and the offset of the appositive's comma, where the disputed claim ends.
    """
    out: dict[int, tuple[Actor, int]] = {}
    if not actors.mentions:
        return out
    analysis = context.analysis
    words, starts = analysis.tok_words, analysis.tok_starts
    keys = cues.dispute_keys
    for k in analysis.indices_of(cues.dispute_lower):
        if words[k] in keys and cues.disputes.get(words[k].lower()) == "verb":
            found = _rebutting_actor(actors, context.text, starts[k])
            if found is not None:
                out[starts[k]] = found
    return out


def _mark_disputes(
    context: Context,
    cues: CueLexicon,
    actors: ActorIndex,
    drafts: list[_Draft],
    rebuttals: dict[int, tuple[Actor, int]],
) -> None:
    """Set ``disputed_by`` on a claim that a later phrase rejects or doubts (*rebuttals*: see :func:`_rebuttals`)."""
    if not drafts or not actors.mentions:
        return  # disputed_by holds actor ids: without actors there is nothing to link
    text = context.text
    analysis = context.analysis
    keys = cues.dispute_keys
    words, starts, ends = analysis.tok_words, analysis.tok_starts, analysis.tok_ends
    found = [k for k in analysis.indices_of(cues.dispute_lower) if words[k] in keys]
    if not found:
        return
    by_end = _ByEnd(drafts)
    for i in found:
        t_start, t_end = starts[i], ends[i]
        kind = cues.disputes.get(words[i].lower())
        disputer: Actor | None = None
        if t_start in rebuttals:
            actor, comma = rebuttals[t_start]
            _attach(by_end, analysis.sentence_index(t_start), comma, actor, context)
            continue
        if kind == "noun":
            # "met with skepticism by international observers"
            if _MET_WITH.search(text, max(0, t_start - 40), t_start) and (m := _BY.match(text, t_end)):
                disputer = _first_actor(actors, text, m.end(), m.end() + 80)
        elif kind == "verb":
            if m := _BY_ONLY.match(text, t_end):
                disputer = _first_actor(actors, text, m.end(), m.end() + 80)  # "disputed by Kyiv"
            elif _DISPUTED_TARGET.match(text, t_end):
                ss, _ = analysis.sentence_at(t_start)  # "Moscow denied the report"
                subj = [x for x in actors.overlapping(ss, t_start) if x.end <= t_start]
                disputer = subj[-1].actor if subj else None
        if disputer is not None:
            _attach(by_end, analysis.sentence_index(t_start), t_start, disputer, context)


_APPOSITIVE_CLAIM = regex.compile(
    r",\s++(?:an?\s++|the\s++)?(?:\p{L}++\s++)?"
    r"(?:accusations?|allegations?|assertions?|charges?|claims?|reports?|versions?)\s++(?:that\s++|which\s++)?$",
    regex.IGNORECASE,
)
"""", an accusation (that) X denies": the noun that sums up the claim before, then the disputer."""


def _rebutting_actor(actors: ActorIndex, text: str, verb: int) -> tuple[Actor, int] | None:
    """The actor of "…, an accusation Hamas denies" right before the dispute verb at *verb*, and the comma's offset."""
    ms = [m for m in actors.overlapping(max(0, verb - 80), verb) if m.end <= verb and not text[m.end : verb].strip()]
    if not ms:
        return None
    m = ms[-1]
    a = _APPOSITIVE_CLAIM.search(text, max(0, m.start - 60), m.start)
    return (m.actor, a.start()) if a is not None else None


_NEGATED = regex.compile(r"(?<!\p{L})(?:not|never)(?!\p{L})|n['\u2019]t(?!\p{L})", regex.IGNORECASE)
"""A negation inside a cue's words ("has not confirmed", "didn't say")."""

_MET_WITH = regex.compile(
    r"(?:met|greeted|received|viewed|treated|regarded|seen)\s++with\s++(?:\p{L}++\s++){0,2}$", regex.IGNORECASE
)
_BY = regex.compile(r"\s++(?:from|by|among)\s++", regex.IGNORECASE)
_BY_ONLY = regex.compile(r"\s++by\s++", regex.IGNORECASE)
_DISPUTED_TARGET = regex.compile(
    r"""
    \s++(?:the|this|that|these|those|such|his|her|their|its)\s++
    (?:\p{L}++\s++)?
    (?:claims?|assertions?|reports?|allegations?|accounts?|figures?|estimates?|statements?|numbers?|narratives?|versions?)
    (?![\p{L}\p{N}])
    """,
    regex.VERBOSE | regex.IGNORECASE,
)


def _first_actor(actors: ActorIndex, text: str, start: int, end: int) -> Actor | None:
    end = min(end, len(text))
    stop = start
    while stop < end and text[stop] not in ".;!?":
        stop += 1
    ms = actors.overlapping(start, stop)
    return ms[0].actor if ms and ms[0].start - start < 40 else None


class _ByEnd:
    """Claims sorted by the end of their content (ties: in their order), for "the claim just before"."""

    def __init__(self, drafts: list[_Draft]) -> None:
        self.order = sorted(range(len(drafts)), key=lambda i: (drafts[i].content[1], i))
        self.ends = [drafts[i].content[1] for i in self.order]
        self.drafts = drafts


_ATTACH_STEPS = 64
"""How many claims back from a dispute are looked at for one that is not the disputer's own."""


def _attach(by_end: _ByEnd, sent_idx: int, before: int, disputer: Actor, context: Context) -> None:
    """Mark the claim ending nearest before *before*, in this sentence or the one before it."""
    sentences = context.analysis.sentences
    lo = sentences[max(0, sent_idx - 1)][0] if sentences else 0
    ends, order, drafts = by_end.ends, by_end.order, by_end.drafts
    best: _Draft | None = None
    k = bisect.bisect_right(ends, before) - 1
    stop = max(-1, k - _ATTACH_STEPS)
    while k > stop and ends[k] >= lo:
        if best is not None and ends[k] < best.content[1]:
            break
        d = drafts[order[k]]
        if (d.source.id if d.source else d.source_id) != disputer.id:  # nobody disputes their own claim
            best = d  # the latest end; among equal ends, the first claim
        k -= 1
    if best is not None and disputer.id not in best.disputed_by:
        best.disputed_by = (*best.disputed_by, disputer.id)
