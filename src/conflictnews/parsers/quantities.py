"""
Find the numbers a news text states and what they count.

A number is written in digits ("70,000", "1.5 million", "$2bn"), in words
("seventy thousand", "a dozen") or vaguely ("dozens of", "several hundred").
Around it the parser reads:

* a qualifier before it ("at least", "as many as", "near") → bounds and the approximate flag;
* a second number ("2-3", "between 10 and 20") → a range, or a ratio ("six to one");
* a unit after it ("square miles", "km", "%", "dollars") → unit and kind;
* the counted noun ("70,000 Russian troops") → kind, the noun's span and, when an actor
  mention overlaps it, the actor as subject;
* casualty words ("were killed", "killing", "the death toll rose to") → killed, wounded,
  missing, captured or casualties.

Numbers that are dates, times of day, years, ordinals, ages, addresses or parts of
names ("March 13", "2025", "the 3rd Assault Brigade", "Route 66", "F-16") are left out.

Areas keep the stated *unit* and *value*; :func:`area_km2` converts them to square kilometres.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Iterable, Mapping
from typing import ClassVar, NamedTuple

import regex

from conflictnews._analysis import Analysis, Token, word_before
from conflictnews._phrases import alternation
from conflictnews.lexicons import data_cache, load_lexicon, load_table
from conflictnews.model import Quantity, QuantityKind, ReportWarning, Span
from conflictnews.parsers import PARSER_API_VERSION, Context, Item

__all__ = ["QuantityParser", "area_km2", "words_to_number"]


class _Lexicons(NamedTuple):
    numbers: dict[str, tuple[float, str]]
    nouns: dict[str, tuple[QuantityKind, bool]]
    units: dict[str, tuple[str, QuantityKind]]
    km2: dict[str, float]
    currencies: dict[str, str]
    qualifiers: dict[str, tuple[str, bool]]
    vague: dict[str, tuple[float, float | None]]
    casualty: dict[str, tuple[QuantityKind, frozenset[str]]]
    link: frozenset[str]
    aux: frozenset[str]
    stop: frozenset[str]
    street: frozenset[str]
    killing: dict[str, bool]  # verb → also read after its victim, in the passive
    name_words: frozenset[str]


@data_cache
def _lexicons() -> _Lexicons:
    numbers = {r[0]: (float(r[1]), r[2]) for r in load_table("quantities/numbers")}
    nouns = {r[0]: (QuantityKind(r[1]), r[2] == "1") for r in load_table("quantities/nouns")}
    units = {r[0]: (r[1], QuantityKind(r[2])) for r in load_table("quantities/units")}
    km2 = {r[1]: float(r[3]) for r in load_table("quantities/units") if len(r) > 3 and r[3]}
    currencies = {r[0]: r[1] for r in load_table("quantities/currencies")}
    qualifiers = {r[0]: (r[1], r[2] == "1") for r in load_table("quantities/qualifiers")}
    vague = {r[0]: (float(r[1]), float(r[2]) if len(r) > 2 and r[2] else None) for r in load_table("quantities/vague")}
    casualty = {r[0]: (QuantityKind(r[1]), frozenset(r[2].split())) for r in load_table("quantities/casualty_words")}
    return _Lexicons(
        numbers,
        nouns,
        units,
        km2,
        currencies,
        qualifiers,
        vague,
        casualty,
        load_lexicon("quantities/link_words"),
        load_lexicon("quantities/aux_words"),
        load_lexicon("quantities/stopwords"),
        load_lexicon("quantities/street_words"),
        {r[0]: r[1] == "both" for r in load_table("quantities/killing_verbs")},
        load_lexicon("quantities/name_words"),
    )


def words_to_number(words: str, numbers: Mapping[str, tuple[float, str]] | None = None) -> float | None:
    """
    The value of an English number in words: "seventy thousand" → 70000, "a dozen" → 12.

    Returns None when a word is not a number word.

    >>> words_to_number("one hundred and twenty-five")
    125.0
    """
    table = numbers if numbers is not None else _lexicons().numbers
    total = 0.0
    current = 0.0
    seen = False
    for w in words.lower().replace("-", " ").split():
        if w in ("and", "a", "an"):
            continue
        entry = table.get(w)
        if entry is None:
            return None
        value, role = entry
        seen = True
        if role in ("unit", "teen", "tens"):
            current += value
        elif role == "dozen":
            current = (current or 1) * value
        elif value == 100:
            current = (current or 1) * 100
        else:
            total += (current or 1) * value
            current = 0.0
    return total + current if seen else None


def area_km2(quantity: Quantity) -> float | None:
    """
    The area of *quantity* in square kilometres (None when it is not an area in a known unit).

    The parser keeps the stated unit and value ("500 square miles"); this converts them.

    >>> from conflictnews.model import Span
    >>> q = Quantity(id="q1", text="500 square miles", span=Span(start=0, end=16), value=500, unit="square mile")
    >>> round(area_km2(q), 1)
    1295.0
    """
    if quantity.value is None or quantity.unit is None:
        return None
    factor = _lexicons().km2.get(quantity.unit)
    return None if factor is None else quantity.value * factor


def _alt(words: Iterable[str]) -> str:
    return alternation(words, space=r"\s++")


_DIGITS = r"(?:\d{1,3}(?:,\d{3})++(?:\.\d++)?|\d++(?:\.\d++)?)"
_SCALE = r"(?:\s*+(?P<{g}>(?i:trillion|billion|million|thousand|hundred|mln|bn|tn|m|k|b|t))(?![\p{{L}}]))?"

_NUMBER = r"""
(?:
  (?P<{d}>{DIGITS}){SCALE}
  | (?P<{w}>
      (?:(?i:an?)\s++(?={SCALEWORDS}))?(?:{WORD})                                     # "a dozen", "seventy"
      (?:(?:(?<=(?i:hundred|thousand|million|billion))\s++and)?(?:\s++|-)(?:{WORD})){{0,12}}+  # "and five"
    )
)
"""

_CORE = r"""
(?<![\p{{L}}\p{{N}}]|\p{{L}}[\-‐]|[\p{{N}}][.,:/]|[#№])
(?P<cur>{CUR})?\s*+
{N1}
(?:
  (?P<sep>\s*+(?:-|–|—|:|to|or|and)\s*+|-to-|[\-‐]\s++(?:to|or)\s++)  # "8- to 16-metre": a suspended hyphen
  (?P<cur2>{CUR})?\s*+
  {N2}
)?
(?![\p{{N}}]|[.,]\d)
"""


# The sources of the patterns a parser fills in from its lexicons (each argument an alternation of lexicon words).
def _core_source(cur: str, word: str, scalewords: str) -> str:
    n1 = _NUMBER.format(d="d1", w="w1", DIGITS=_DIGITS, SCALE=_SCALE.format(g="s1"), WORD=word, SCALEWORDS=scalewords)
    n2 = _NUMBER.format(d="d2", w="w2", DIGITS=_DIGITS, SCALE=_SCALE.format(g="s2"), WORD=word, SCALEWORDS=scalewords)
    return _CORE.format(CUR=cur, N1=n1, N2=n2)


def _vague_source(vague: str) -> str:
    return r"(?<![\p{L}])(?P<v>(?i:" + vague + r"))(?![\p{L}])(?:\s++of(?![\p{L}]))?+"


def _unit_source(units: str) -> str:
    return r"(?:\s*+|[\-‐]|\s*+[\-‐]\s*+)(?P<u>(?i:" + units + r"))(?![\p{L}\p{N}])|\s*+(?P<u>%)"


def _cas_after_source(aux: str, cas: str) -> str:
    # auxiliaries and adverbs before the casualty word, their run kept in the group aux
    return r"[\s,]*+(?P<aux>(?:(?:" + aux + r")\s++){0,4}?)(?P<c>(?i:" + cas + r"))(?![\p{L}])"


def _cas_after_np_source(stop: str, aux: str, cas: str) -> str:
    # a noun phrase the lexicon does not know, then a casualty word: "3 Arbakis were killed", "1 security guard died"
    words = r"(?P<mods>(?:\s++(?!(?:" + stop + r")(?![\p{L}]))[\p{L}][\p{L}\-'’/]*+){1,3}?)"
    return words + _cas_after_source(aux, cas)


def _cas_before_source(cas: str) -> str:
    # "killing 12", "killed a family of three", "killing between 2 and 4"
    return (
        r"(?<![\p{L}])(?P<c>(?i:" + cas + r"))\s++(?:(?:an?|the|some)\s++)?"
        r"(?:(?i:family)\s++of\s++|(?i:between)\s++)?\Z"
    )


def _cas_noun_source(cas: str, link: str) -> str:
    return r"(?<![\p{L}])(?P<c>(?i:" + cas + r"))(?:\s++(?i:" + link + r")){0,4}+\s*+\Z"


def _qual_source(quals: str) -> str:
    return r"(?<![\p{L}])(?P<q>(?i:" + quals + r"))\s++\Z|(?P<q>~)\s*+\Z"


def _noun_source(stop: str, nouns: str) -> str:
    return (
        r"(?:\s++of)?(?P<mods>(?:\s++(?!(?:" + stop + r")(?![\p{L}]))[\p{L}][\p{L}\-'’.]*+){0,3}?)"
        r"\s++(?P<n>(?i:" + nouns + r"))(?![\p{L}])"
    )


def _passive_verb_source(both: str) -> str:
    return (
        r"\s++(?i:was|were|has\s++been|had\s++been|got|is)\s++(?:(?i:reportedly|also|later|allegedly|then|subsequently|fatally)\s++)?"
        r"(?P<v>(?i:" + both + r"))"
    )


# a word of the noun phrase that names one victim: letters, or an ordinal ("a 1st lieutenant"); not a word that
# joins clauses or phrases ("a village and a man was killed" names the man alone)
_VICTIM_WORD = (
    r"(?:(?!(?i:or|but|who|whom|which|that|was|were|is|are|has|had|have|been|when|while)(?![\p{L}])"
    r"|(?i:and\s++(?:an?|the|his|her|their))(?![\p{L}]))"
    r"[\p{L}](?:[\p{L}\-'’]|\.(?=\p{L}))*+|\p{N}++(?i:st|nd|rd|th)(?![\p{L}]))"
)
_VICTIM_NP = _VICTIM_WORD + r"(?:\s++" + _VICTIM_WORD + r"){0,5}?"
# the end of a victim named before a killing verb in the active voice ("killed a man in", "killing the father and")
_VICTIM_END = (
    r"(?=\s*+[,.;:()]|\s*+\Z|\s++(?i:in|at|on|near|with|who|while|during|and|after|before|by|from|inside|outside|as|"
    r"when|whilst|over|was|were|is|had|has|that|which|whom)(?![\p{L}]))"
)


def _victim_after_source(both: str) -> str:
    return r"(?<![\p{L}])(?P<det>(?i:an?|his|her))\s++(?P<np>" + _VICTIM_NP + r")" + _passive_verb_source(both) + r"\Z"


def _victim_before_source(killing: str) -> str:
    return (
        r"(?P<v>(?i:" + killing + r"))\s++(?:(?P<pron>(?i:him|her))(?![\p{L}])|(?P<det>(?i:an?|the))\s++"
        r"(?P<np>" + _VICTIM_NP + r")" + _VICTIM_END + r")"
    )


# a second victim joined by "and": before one named after a passive verb ("a man and a woman were found dead"),
# after one named after an active verb ("killing the father and a son")
_VICTIM_AND_BEFORE = regex.compile(
    r"(?<![\p{L}])(?P<det>(?i:an?|the|his|her|their))\s++(?P<np>(?:(?!(?i:an?|the|his|her|their)\s)"
    + _VICTIM_WORD
    + r"\s++){0,3}?"
    + _VICTIM_WORD
    + r")\s++and\s++\Z"
)
_VICTIM_AND_AFTER = regex.compile(
    r"\s++and\s++(?P<det>(?i:an?|the|his|her|their))\s++(?P<np>" + _VICTIM_NP + r")" + _VICTIM_END
)
_AB_DET, _AB_NP = (_VICTIM_AND_BEFORE.groupindex[g] for g in ("det", "np"))
_AND_DET, _AND_NP = (_VICTIM_AND_AFTER.groupindex[g] for g in ("det", "np"))
# one person who died, named before the verb, perhaps with what befell them first
_DIED = regex.compile(
    r"(?<![\p{L}])(?P<det>(?i:an?|the|his|her|their))\s++(?P<np>" + _VICTIM_NP + r")"
    r"(?:\s++(?i:was|were)\s++\p{L}++(?:\s++\p{L}++){0,4}?\s++and)?"
    r"\s++(?:(?i:later|also|reportedly|subsequently|eventually|then|allegedly)\s++)?\Z"
)
_DIED_DET, _DIED_NP = (_DIED.groupindex[g] for g in ("det", "np"))
_INCLUDING_END = regex.compile(r"(?i)(?<![\p{L}])including\s*+\Z")


# The groups of each pattern by number, read from the pattern built with a placeholder for every lexicon
# alternation (the lexicons fill in words, never groups; a parser checks its own patterns against these): the
# regex module reads a group name as a number first and only then looks it up, which costs several times an
# access by number (a dozen accesses per number found).
_GROUP_INDEX: dict[str, dict[str, int]] = {
    attr: dict(regex.compile(source, flags).groupindex)
    for attr, source, flags in (
        ("_core", _core_source("x", "x", "x"), regex.VERBOSE),
        ("_vague", _vague_source("x"), 0),
        ("_unit", _unit_source("x"), 0),
        ("_cas_after", _cas_after_source("x", "x"), 0),
        ("_cas_after_np", _cas_after_np_source("x", "x", "x"), 0),
        ("_cas_before", _cas_before_source("x"), 0),
        ("_cas_noun", _cas_noun_source("x", "x"), 0),
        ("_qual", _qual_source("x"), 0),
        ("_noun", _noun_source("x", "x"), 0),
        ("_victim_after", _victim_after_source("x"), 0),
        ("_victim_before", _victim_before_source("x"), 0),
    )
}
_CUR, _D1, _S1, _W1, _SEP, _D2, _S2, _W2 = (
    _GROUP_INDEX["_core"][g] for g in ("cur", "d1", "s1", "w1", "sep", "d2", "s2", "w2")
)
_VAGUE = _GROUP_INDEX["_vague"]["v"]
_UNIT = _GROUP_INDEX["_unit"]["u"]
_CAS_AFTER_AUX, _CAS_AFTER = (_GROUP_INDEX["_cas_after"][g] for g in ("aux", "c"))
_CAS_NP_MODS, _CAS_NP_AUX, _CAS_NP = (_GROUP_INDEX["_cas_after_np"][g] for g in ("mods", "aux", "c"))
_CAS_BEFORE = _GROUP_INDEX["_cas_before"]["c"]
_CAS_NOUN = _GROUP_INDEX["_cas_noun"]["c"]
_QUAL = _GROUP_INDEX["_qual"]["q"]
_MODS, _N = (_GROUP_INDEX["_noun"][g] for g in ("mods", "n"))  # of the counted noun
_A_DET, _A_NP = (_GROUP_INDEX["_victim_after"][g] for g in ("det", "np"))  # of the victim named after a passive verb
_PRON, _DET, _NP = (
    _GROUP_INDEX["_victim_before"][g] for g in ("pron", "det", "np")
)  # of one named after an active one


class _Draft(NamedTuple):
    start: int
    end: int
    value: float | None
    low: float | None
    high: float | None
    unit: str | None
    kind: QuantityKind
    approximate: bool
    qualifier: str | None
    vague: str | None
    noun: tuple[int, int] | None
    rule: str
    verb: bool  # the kind came from a casualty word after the noun (shared by a coordinated number)
    person: bool
    base: QuantityKind | None = None  # the kind of the counted noun, when a casualty word overrode it


class QuantityParser:
    """
    Find numbers with their bounds, unit, kind and counted noun ("as many as 70,000 Russian troops").

    .. versionadded:: 0.1.0
    """

    name = "quantities"
    requires: tuple[str, ...] = ()
    provides: tuple[str, ...] = ("quantities",)
    api_version: ClassVar[int] = PARSER_API_VERSION

    def __init__(self, *, nouns: Mapping[str, tuple[QuantityKind, bool]] | None = None) -> None:
        lex = _lexicons()
        if nouns is not None:
            lex = lex._replace(nouns=dict(nouns))
        self._lex = lex
        word = "(?i:" + _alt(lex.numbers) + r")(?![\p{L}])"
        scalewords = "(?i:" + _alt(w for w, (_, role) in lex.numbers.items() if role in ("scale", "dozen")) + ")"
        cur = _alt(lex.currencies)
        self._core = regex.compile(_core_source(cur, word, scalewords), regex.VERBOSE)
        self._vague = regex.compile(_vague_source(_alt(lex.vague)))
        self._unit = regex.compile(_unit_source(_alt(u for u in lex.units if u != "%")))
        after_cas = [w for w, (_, where) in lex.casualty.items() if "after" in where or "passive" in where]
        # words that may follow the counted people only in the passive ("2 men were shot and killed", but "two
        # gunmen shot and killed a man" counts the killers)
        self._passive_only = frozenset(
            w for w, (_, where) in lex.casualty.items() if where & {"after", "passive"} == {"passive"}
        )
        # the words that end a phrase skipped before a casualty word (see _skip): numbers, casualty, function words
        self._plain = frozenset(w.lower() for w in (*lex.stop, *lex.casualty, *lex.numbers, *lex.aux))
        before_cas = [w for w, (_, where) in lex.casualty.items() if "before" in where]
        noun_cas = [w for w, (_, where) in lex.casualty.items() if "noun" in where]
        self._cas_after = regex.compile(_cas_after_source(_alt(lex.aux), _alt(after_cas)), regex.IGNORECASE)
        self._cas_after_np = regex.compile(
            _cas_after_np_source(_alt(lex.stop | set(lex.casualty)), _alt(lex.aux), _alt(after_cas)),
            regex.IGNORECASE,
        )
        self._cas_before = _Ending(
            regex.compile(_cas_before_source(_alt(before_cas)), regex.IGNORECASE),
            [*before_cas, "a", "an", "the", "some", "of", "between"],
        )
        self._cas_noun = _Ending(
            regex.compile(_cas_noun_source(_alt(noun_cas), _alt(lex.link)), regex.IGNORECASE),
            [*noun_cas, *lex.link],
        )
        self._qual = _Ending(
            regex.compile(_qual_source(_alt(q for q in lex.qualifiers if q != "~"))),
            [q for q in lex.qualifiers if q != "~"],
            "~",
        )
        self._noun = regex.compile(_noun_source(_alt(lex.stop | set(lex.casualty)), _alt(lex.nouns)), regex.IGNORECASE)
        self._name_before = _Ending(
            regex.compile(r"(?<![\p{L}])(?i:" + _alt(lex.name_words) + r")\s*+\Z|[#№]\s*+\Z", regex.IGNORECASE),
            lex.name_words,
            "#№",
        )
        both = _alt(w for w, passive in lex.killing.items() if passive)
        self._victim_after = regex.compile(_victim_after_source(both))
        # its end alone, matched backwards from the verb: most verbs are not passive ("killing", "killed two"), and
        # the whole pattern would be tried at every position of the 90 characters before them
        self._passive_end = regex.compile(r"(?r)" + _passive_verb_source(both))
        self._victim_before = regex.compile(_victim_before_source(_alt(lex.killing)))
        self._killing_prefixed: dict[str, tuple[str, ...]] = {}
        self._killing_first = frozenset(w.split()[0] for w in lex.killing)
        roles = (
            dict.fromkeys(self._killing_first, _VERB_ROLE)
            | dict.fromkeys(_NEGATIONS, _NEGATION_ROLE)
            | {"died": _VERB_ROLE}
        )
        self._triggers = frozenset(w.lower() for w in (*lex.numbers, *lex.vague, "a", "an")) | {
            w.split()[0] for w in lex.vague
        }
        self._roles: dict[str, int] = roles | dict.fromkeys(self._triggers, _NUMBER_ROLE)
        # an article opens a number only before a scale word ("a dozen", "a hundred") or as the first word of a
        # vague phrase ("a few", "a number of"): the words that may follow it, in lower case
        scales = [w.lower() for w, (_, role) in lex.numbers.items() if role in ("scale", "dozen")]
        self._article_next: dict[str, tuple[str, ...]] = {
            article: tuple(
                sorted({*scales, *(v.lower().split()[1] for v in lex.vague if v.lower().split()[:1] == [article])})
            )
            for article in ("a", "an")
        }
        for name, groups in _GROUP_INDEX.items():
            pattern = getattr(self, name)
            found = dict((pattern.pattern if isinstance(pattern, _Ending) else pattern).groupindex)
            if found != groups:
                raise RuntimeError(f"the groups of {name} moved: {found}")

    # -----------------------------------------------------------------------------------------
    def parse(self, context: Context) -> list[Item | ReportWarning]:
        """Return the quantities of the document, in text order."""
        text = context.text
        analysis = context.analysis
        # the numbers of dates are no quantities; a duration ("six days") is both a time and a quantity
        taken = sorted((t.span.start, t.span.end) for t in context.times if t.rule != "times/duration")
        drafts = self.find(text, analysis, taken)
        mentions = sorted((sp.start, sp.end, a.id) for a in context.actors for sp in a.mentions)
        out: list[Item | ReportWarning] = []
        for i, d in enumerate(drafts):
            noun = Span(start=d.noun[0], end=d.noun[1]) if d.noun else None
            out.append(
                Quantity(
                    id=context.next_id(Quantity, i),
                    text=text[d.start : d.end],
                    span=Span(start=d.start, end=d.end),
                    value=d.value,
                    low=d.low,
                    high=d.high,
                    unit=d.unit,
                    kind=d.kind,
                    approximate=d.approximate,
                    qualifier=d.qualifier,
                    vague=d.vague,
                    noun=noun,
                    subject=_subject(mentions, d.noun) if d.noun else None,
                    rule=d.rule,
                )
            )
        return out

    def find(
        self, text: str, analysis: Analysis | None = None, taken: list[tuple[int, int]] | None = None
    ) -> list[_Draft]:
        """The quantities of *text* in text order, skipping numbers inside the *taken* spans (dates)."""
        analysis = analysis if analysis is not None and analysis.text is text else Analysis(text)
        taken = taken or []
        starts = [s for s, _ in taken]
        drafts: list[_Draft] = []
        last_end = 0
        words, tok_starts, tok_ends = analysis.tok_words, analysis.tok_starts, analysis.tok_ends
        firsts = analysis.sentence_first_tokens
        triggers = self._triggers
        roles = self._roles
        verbs: list[Token] = []
        negations: list[int] = []
        article_next = self._article_next
        n_words = len(words)
        # only digits, role words and hyphenated words ("twenty-five") can matter: the rest is skipped in C
        candidates = set(analysis.indices_of(roles))
        candidates.update(analysis.digit_tokens, analysis.joined_tokens)
        for i in sorted(candidates):
            w = words[i]
            start = tok_starts[i]
            if w[0].isdigit():
                role = _NUMBER_ROLE
            else:
                key = w.lower()
                role = roles.get(key, 0)
                if not role and "-" in key and key.split("-")[0] in triggers:
                    role = _NUMBER_ROLE
                if role == _VERB_ROLE:
                    verbs.append(Token(start, tok_ends[i], w, w[0].isupper(), i in firsts))
                elif role == _NEGATION_ROLE:
                    negations.append(start)
                elif key in article_next:
                    # "a"/"an" before any other word is no number ("a village"): skip the regex look-ups (a word
                    # outside ASCII may still match a lexicon word in any case, so it is left to them)
                    nxt = words[i + 1] if i + 1 < n_words else ""
                    if not nxt.isascii() or not nxt.lower().startswith(article_next[key]):
                        continue
            if role != _NUMBER_ROLE or start < last_end:
                continue
            if _inside(starts, taken, start, tok_ends[i]):
                continue
            tok = Token(start, tok_ends[i], w, w[0].isupper(), i in firsts)
            d = self._at(text, _currency_start(text, start), tok, analysis)
            if d is None:
                continue
            j = max(0, bisect.bisect_left(starts, d.start) - 1)
            if any(s < d.end and d.start < e for s, e in taken[j : j + 3]):
                continue
            drafts.append(d)
            last_end = d.end
        drafts.extend(self._victims(text, analysis, drafts, verbs))
        for pos in negations:
            m = _NO_CAS.match(text, pos)
            if m is None:
                continue
            c = m.group(_NO_CAS_C).lower()
            kind = QuantityKind.WOUNDED if ("inj" in c or "hurt" in c or "wound" in c) else QuantityKind.KILLED
            noun = (m.start(_NO_CAS_C), m.end(_NO_CAS_C))
            drafts.append(
                _Draft(m.start(), m.end(), 0.0, None, None, None, kind, False, None, None, noun,
                       "quantities/no-casualties", False, True)
            )  # fmt: skip
        drafts.sort(key=lambda d: (d.start, d.end))
        return _share_verbs(text, drafts)

    def _victims(self, text: str, analysis: Analysis, drafts: list[_Draft], verbs: list[Token]) -> list[_Draft]:
        """One person killed, named by an article or a pronoun: "a civilian was killed", "killing him"."""
        out: list[_Draft] = []
        if not verbs:
            return out  # (most texts: no spans to index)
        spans = _Spans([(d.start, d.end) for d in drafts] + [d.noun for d in drafts if d.noun])
        for tok in verbs:
            s, e = analysis.sentence_at(tok.start)
            found: tuple[int, int, int, int] | None = None
            passive = False
            m = self._victim_before.match(text, tok.start, e)
            if m is not None:
                if m[_PRON]:
                    found = (m.start(_PRON), m.end(_PRON), m.start(_PRON), m.end(_PRON))
                else:
                    np = m[_NP]
                    head = np.split()[-1].lower()
                    plural = head.endswith("s") and not head.endswith("ss")
                    if not (plural or head in self._lex.stop or np.split()[0].lower() in self._lex.numbers):
                        found = (m.start(_DET), m.end(_NP), m.start(_NP), m.end(_NP))
            if found is None:
                vend = tok.start + len(tok.text)
                for w in self._killing_from(tok.text.lower()):
                    if text[tok.start : tok.start + len(w)].lower() == w:
                        vend = tok.start + len(w)
                        break
                lo = max(s, tok.start - 90)
                a = self._victim_after.search(text, lo, vend) if self._passive_end.match(text, lo, vend) else None
                if a is not None and not a[_A_NP].split()[-1].lower().endswith("s"):
                    found = (a.start(_A_DET), a.end(_A_NP), a.start(_A_NP), a.end(_A_NP))
                    passive = True
                elif a is None and tok.text.lower() == "died":
                    # "a prisoner died", "a suspect was shot and died", "the other died"
                    d = _DIED.search(text, lo, tok.start)
                    if d is not None and not _plural(d[_DIED_NP]):
                        found = (d.start(_DIED_DET), d.end(_DIED_NP), d.start(_DIED_NP), d.end(_DIED_NP))
                        passive = True
            if found is None or spans.overlaps(found[0], found[1]):
                continue
            if passive and _INCLUDING_END.search(text, max(s, found[0] - 12), found[0]):
                continue  # "3 soldiers including a commander were killed": one of the three, not a fourth
            victims = [found]
            if passive:
                # "a man and a woman were found dead"
                b = _VICTIM_AND_BEFORE.search(text, max(s, found[0] - 60), found[0])
                if b is not None and not _plural(b[_AB_NP]) and self._a_person(b[_AB_NP]):
                    victims.insert(0, (b.start(_AB_DET), b.end(_AB_NP), b.start(_AB_NP), b.end(_AB_NP)))
            else:
                # "killing the father and a son"
                b = _VICTIM_AND_AFTER.match(text, found[1], e)
                if b is not None and not _plural(b[_AND_NP]) and self._a_person(b[_AND_NP]):
                    victims.append((b.start(_AND_DET), b.end(_AND_NP), b.start(_AND_NP), b.end(_AND_NP)))
            for v in victims:
                if spans.overlaps(v[0], v[1]):
                    continue
                spans.add(v[0], v[1])
                out.append(
                    _Draft(v[0], v[1], 1.0, None, None, None, QuantityKind.KILLED, False, None, None,
                           (v[2], v[3]), "quantities/singular-victim", passive, True)
                )  # fmt: skip
        return out

    def _a_person(self, np: str) -> bool:
        """Whether the head of a noun phrase names a person the lexicon knows ("a woman", "the father")."""
        head = np.split()[-1].lower()
        entry = self._lex.nouns.get(head)
        return entry is not None and entry[1]

    def _killing_from(self, word: str) -> tuple[str, ...]:
        """The killing verbs that start with *word* (lower case), longest first (remembered per word)."""
        found = self._killing_prefixed.get(word)
        if found is None:
            found = tuple(sorted((w for w in self._lex.killing if w.startswith(word)), key=len, reverse=True))
            if len(self._killing_prefixed) > 10_000:
                self._killing_prefixed.clear()
            self._killing_prefixed[word] = found
        return found

    # -----------------------------------------------------------------------------------------
    def _at(self, text: str, pos: int, tok: Token, analysis: Analysis) -> _Draft | None:
        lex = self._lex
        sent_start, sent_end = analysis.sentence_at(tok.start)
        vm = None if tok.text[0].isdigit() else self._vague.match(text, tok.start)  # no vague word opens with a digit
        if vm is not None:
            core = self._core.match(text, tok.start)
            if (
                core is None
                or core.end() <= vm.end(_VAGUE)
                or vm.group(_VAGUE).lower().startswith(("several", "a few"))
            ):
                return self._vague_draft(text, vm, sent_start, sent_end)
        m = self._core.match(text, pos)
        if m is None or m.end() <= tok.start:
            return None
        v1 = self._value(m, _D1, _S1, _W1)
        if v1 is None:
            return None
        if m.end() < len(text) and text[m.end()].isalpha():
            um = self._unit.match(text, m.end())
            if um is None or not um.group(_UNIT):
                return None  # "3rd", "7th", "2nd"
        cur = m[_CUR]
        if not cur and self._not_a_count(text, m, tok, v1, sent_start):
            return None
        v2 = self._value(m, _D2, _S2, _W2) if (m[_D2] or m[_W2]) else None
        end = m.end()
        start = m.start()
        fraction_kind = False
        signed = False
        if v2 is None and not m[_S1]:
            # "two and a half", "2 1/2", "two thirds", "one-half"
            fm = _fraction_after().match(text, end)
            if fm is not None:
                part = _fraction(fm)
                if part is not None:
                    whole, frac = part
                    if whole:
                        v1 = v1 + frac
                    elif m[_W1] or v1 < frac:
                        v1, fraction_kind = v1 * frac, True
                    else:
                        fm = None
                if fm is not None and part is not None:
                    end = fm.end()
            elif m[_D1] and not cur and _minus_sign(text, start):
                start, v1, signed = start - 1, -v1, True  # "-15 degrees", "−273.15°", "-2%" (undone below for counts)
        low: float | None = None
        high: float | None = None
        value: float | None = v1
        unit: str | None = lex.currencies[cur.strip()] if cur else None
        kind = QuantityKind.MONEY if cur else QuantityKind.COUNT
        rule = "quantities/money" if cur else "quantities/number"
        if fraction_kind:
            if not _OF_AFTER.match(text, end):
                return None  # "two thirds" on its own is no count of anything
            return self._finish(text, start, end, v1, None, None, "fraction", QuantityKind.RATIO, None, None, None,
                                "quantities/fraction", sent_start, sent_end)  # fmt: skip
        sep = (m[_SEP] or "").strip().lower()
        if len(sep) > 3 and sep[0] in "-‐" and sep[1].isspace():
            sep = sep[1:].strip()  # "8- to 16-metre": the hyphen only suspends the unit
        pre = self._qual.search(text, max(sent_start, start - 30), start)
        if v2 is not None:
            between = text[max(sent_start, start - 9) : start].lower().rstrip().endswith("between")
            if sep in ("to", ":", "-to-", "-", "–", "—") and v2 == 1 and v1 > 1 and not m[_S1]:
                # "six to one", "3:1": a ratio
                return self._finish(text, start, end, v1, None, None, "ratio", QuantityKind.RATIO, pre, None, None,
                                    "quantities/ratio", sent_start, sent_end)  # fmt: skip
            if sep == ":" or (sep == "and" and not between) or v2 <= v1 or (sep == "or" and v2 > 3 * v1):
                end = m.end(_D1) if m[_D1] else m.end(_W1)
                if m[_S1]:
                    end = m.end(_S1)
                v2 = None
            else:
                if m[_S2] and not m[_S1]:
                    v1 = v1 * _scale(m[_S2], bool(cur))
                low, high, value = v1, v2, v1
                rule = "quantities/range"
        # unit after the number: "500 square miles", "30 km", "12%", "5 million dollars"
        um = self._unit.match(text, end) if not cur else None
        if um is not None and um.group(_UNIT):
            u = " ".join(um.group(_UNIT).lower().split())
            unit, kind = lex.units.get(u, (u, QuantityKind.COUNT))
            if um is not None:
                end = um.end()
                rule = {
                    QuantityKind.AREA: "quantities/area",
                    QuantityKind.DISTANCE: "quantities/distance",
                    QuantityKind.PERCENTAGE: "quantities/percentage",
                    QuantityKind.MONEY: "quantities/money",
                    QuantityKind.DURATION: "quantities/duration",
                }.get(kind, "quantities/measure")
                if kind == QuantityKind.DURATION and _age_or_ago(text, end):
                    return None
                if v2 is None and not signed:
                    # the same unit after a second number: "10 km to 20 km", "between 5 km and 10 km"
                    rm = _UNIT_RANGE.match(text, end)
                    um2 = self._unit.match(text, rm.end()) if rm is not None else None
                    if rm is not None and um2 is not None and um2.group(_UNIT):
                        u2 = " ".join(um2.group(_UNIT).lower().split())
                        v2 = float(rm.group(_UNIT_RANGE_N).replace(",", ""))
                        between = text[max(sent_start, start - 9) : start].lower().rstrip().endswith("between")
                        if (
                            lex.units.get(u2, (u2,))[0] == unit
                            and v1 < v2 < 1e15
                            and (rm.group(_UNIT_RANGE_SEP).lower() != "and" or between)
                        ):
                            low, high, value, end = v1, v2, v1, um2.end()
                        else:
                            v2 = None
        d = self._finish(text, start, end, value, low, high, unit, kind, pre, None, None, rule, sent_start, sent_end,
                         word=bool(m[_W1]), first=v1, ranged=v2 is not None)  # fmt: skip
        if signed and d is not None and (d.noun is not None or d.kind in _UNSIGNED_KINDS):
            # a count of people, things or events is never negative: the dash before it is punctuation (a list
            # bullet, a parenthetical dash), not a sign: "-2 killed", "clashes -3 dead- were reported"
            d = d._replace(
                start=start + 1 if d.start == start else d.start,
                value=-v1,
                low=None if d.low is None else -d.low,
                high=None if d.high is None else -d.high,
            )
        return d

    def _vague_draft(self, text: str, vm: regex.Match[str], sent_start: int, sent_end: int) -> _Draft | None:
        phrase = " ".join(vm.group(_VAGUE).lower().split())
        if phrase in ("many", "numerous", "a number of", "few"):
            # only as counts of something the lexicon knows ("many civilians")
            nm = self._noun.match(text, vm.end())
            if nm is None or nm.group(_MODS).strip():
                return None
        low, high = self._lex.vague[phrase]
        key = phrase.removesuffix(" of")
        pre = self._qual.search(text, max(sent_start, vm.start() - 30), vm.start())
        return self._finish(text, vm.start(_VAGUE), vm.end(_VAGUE), None, low, high, None, QuantityKind.COUNT, pre, key,
                            vm.end(), "quantities/vague", sent_start, sent_end)  # fmt: skip

    def _finish(
        self,
        text: str,
        start: int,
        end: int,
        value: float | None,
        low: float | None,
        high: float | None,
        unit: str | None,
        kind: QuantityKind,
        pre: regex.Match[str] | None,
        vague: str | None,
        noun_from: int | None,
        rule: str,
        sent_start: int,
        sent_end: int,
        *,
        word: bool = False,
        first: float | None = None,
        ranged: bool = False,
    ) -> _Draft | None:
        lex = self._lex
        qualifier: str | None = None
        approximate = False
        if pre is not None:
            qualifier = " ".join(pre.group(_QUAL).lower().split())
            bound, approximate = lex.qualifiers.get(qualifier, ("approx", True))
            start = pre.start(_QUAL)
            if value is not None and not ranged:
                if bound == "low":
                    low = value
                elif bound == "high":
                    high = value
        # the counted noun: "70,000 Russian troops", "dozens of civilians"
        noun: tuple[int, int] | None = None
        person = False
        verb = False
        after = end if noun_from is None else noun_from
        if kind in (QuantityKind.COUNT,):
            nm = self._noun.match(text, after, sent_end)
            if nm is not None:
                head = " ".join(nm.group(_N).lower().split())
                nkind, person = lex.nouns.get(head, (QuantityKind.COUNT, False))
                mods = nm.group(_MODS)
                ns = nm.start(_MODS) + (len(mods) - len(mods.lstrip())) if mods.strip() else nm.start(_N)
                noun = (ns, nm.end(_N))
                kind = nkind
                after = nm.end()
                rule = "quantities/number-noun" if rule == "quantities/number" else rule
            elif value is not None and word and first is not None and first < 2 and not qualifier:
                # "one" alone is a pronoun more often than a count, unless a casualty word tells what befell it
                # ("one was killed", "killing one", "killed one of their chiefs", "one of the men was killed",
                # "one forestry official died")
                of = _ONE_OF.match(text, after, sent_end)
                at = after if of is None else of.end()
                if (
                    self._casualty_after(text, at, sent_end) is None
                    and self._cas_before.search(text, max(sent_start, start - 40), start) is None
                    and self._casualty_after(text, at, sent_end, np=True) is None
                ):
                    return None
                after = at
        # casualty words after ("12 people were killed"), before ("killing at least 12"),
        # or a casualty noun before ("the death toll rose to 30")
        base = kind
        if kind in _CASUALTY_READS and (noun is None or person):
            # the look-ups in the order they decide (each only when the ones before found nothing)
            cm = self._casualty_after(text, after, sent_end)
            bm = None if cm is not None else self._cas_before.search(text, max(sent_start, start - 40), start)
            nb = (
                None
                if cm is not None or bm is not None or (noun is not None and not person)
                else self._cas_noun.search(text, max(sent_start, start - 60), start)
            )
            if cm is not None:
                kind = lex.casualty[_norm(cm.group(_CAS_AFTER))][0]
                verb = True
                rule = "quantities/casualties"
            elif bm is not None:
                kind = lex.casualty[_norm(bm.group(_CAS_BEFORE))][0]
                rule = "quantities/casualties"
            elif nb is not None:
                # "the death toll rose to 30", "the bodies of 5 soldiers"
                kind = lex.casualty[_norm(nb.group(_CAS_NOUN))][0]
                noun = noun or (nb.start(_CAS_NOUN), nb.end(_CAS_NOUN))
                person = True
                rule = "quantities/casualties"
            elif (
                noun is None
                and kind == QuantityKind.COUNT
                and (am := self._casualty_after(text, after, sent_end, np=True))
                and lex.casualty[_norm(am.group(_CAS_NP))][0] in _PERSON_CASUALTIES
            ):
                # a word only people suffer ("killed", "wounded") after a noun the lexicon does not know: the noun
                # counts people ("3 Arbakis were killed"; things too go missing or get captured)
                kind = lex.casualty[_norm(am.group(_CAS_NP))][0]
                mods = am.group(_CAS_NP_MODS)
                noun = (am.start(_CAS_NP_MODS) + len(mods) - len(mods.lstrip()), am.end(_CAS_NP_MODS))
                person = verb = True
                rule = "quantities/casualties"
            elif noun is None and vague is None and value is not None and first is not None and word and first < 2:
                return None
        if kind == QuantityKind.CASUALTIES and noun is None and rule != "quantities/casualties":
            kind = QuantityKind.COUNT
        return _Draft(
            start, end, value, low, high, unit, kind, approximate, qualifier, vague, noun, rule, verb, person,
            base if base != kind else None,
        )  # fmt: skip

    def _casualty_after(self, text: str, pos: int, end: int, *, np: bool = False) -> regex.Match[str] | None:
        """
        A casualty word after the counted people (``_cas_after``), or after a noun phrase the lexicon does not
        know (``_cas_after_np``, *np*); a word read only in the passive needs an auxiliary before it.
        """
        m = (self._cas_after_np if np else self._cas_after).match(text, pos, end)
        if m is None:
            if np:
                return None
            skipped = self._skip(text, pos, end)
            m = None if skipped is None else self._cas_after.match(text, skipped, end)
            if m is None:
                return None
        c, aux = (_CAS_NP, _CAS_NP_AUX) if np else (_CAS_AFTER, _CAS_AFTER_AUX)
        if _norm(m.group(c)) in self._passive_only and _AUXILIARY.search(m.group(aux)) is None:
            return None
        return m

    def _skip(self, text: str, pos: int, end: int) -> int | None:
        """
        Where a casualty word may stand after the counted people, past what may come between (None when nothing
        does): a parenthesis ("5 civilians (2 men and 3 women) were killed"), words after "including" or "and"
        that hold no number, casualty or function word ("3 civilians including a commander were killed",
        "7 soldiers and alleged mercenaries were killed").
        """
        first = text[pos:end].lstrip()[:1]  # (``str.isspace`` holds for every ``\s``: no match is missed)
        if not first or first not in "(,aAiI\u0130":  # (U+0130 matches "i" ignoring case)
            return None  # no parenthesis, comma, "and" or "including" next: the two look-ups below would fail
        skipped = False
        pm = _PAREN.match(text, pos, end)
        if pm is not None:
            pos, skipped = pm.end(), True
        jm = _JOIN.match(text, pos, end)
        if jm is not None:
            q, n = jm.end(), 0
            while n < 5 and (wm := _SKIP_WORD.match(text, q, end)) is not None:
                if wm.group(_SKIP_WORD_W).lower() in self._plain:
                    break
                q, n = wm.end(), n + 1
            if n:
                pos, skipped = q, True
        return pos if skipped else None

    def _value(self, m: regex.Match[str], digits: int, scale: int, words: int) -> float | None:
        """The value of one number of a match of ``_CORE``, from its groups *digits*, *scale* and *words*."""
        d = m[digits]
        if d:
            try:
                v = float(d.replace(",", ""))
            except ValueError:
                return None
            s = m[scale]
            v = v * _scale(s, bool(m[_CUR])) if s else v
            return v if math.isfinite(v) and v < 1e15 else None
        w = m[words]
        value = words_to_number(w, self._lex.numbers) if w else None
        return value if value is not None and value < 1e15 else None

    def _not_a_count(self, text: str, m: regex.Match[str], tok: Token, v: float, sent_start: int) -> bool:
        """Dates, times of day, years, ages, addresses and names are not quantities."""
        s, e = m.start(), m.end(_D1) if m[_D1] else m.end(_W1)
        if m[_S1] and m[_S1].lower() in ("m", "k", "bn", "tn", "mln", "b", "t"):
            return True  # "5m" without a currency: metres or a model name, not a count
        tm = _TIME_OR_AGE.match(text, e, min(len(text), e + 16))
        if tm is not None and not (tm.group(_TIME_HRS) and len(m[_D1] or "") != 4):
            return True  # "10:30", "5 pm", "0600 hrs", "a 20-year-old", "20 years old" (but "48 hrs" is a duration)
        if self._name_before.search(text, max(0, s - 16), s):
            return True  # "aged 20", "No. 5", "Route 66", "Resolution 2231"
        pw = word_before(_PREV_RUN, text, max(sent_start, s - 30), s)
        prev = pw[1] if pw else ""
        lex_months = _months()
        nw = _NEXT_WORD.match(text, e)
        nxt = nw.group(_NEXT_WORD_W) if nw else ""
        if prev.rstrip(".").lower() in lex_months or nxt.rstrip(".").lower() in lex_months:
            return True  # "March 13", "13 March"
        if (
            prev[:1].isupper()
            and not prev.endswith(".")
            and pw is not None
            and not _sentence_start(text, pw[0])
            and prev.lower() not in self._lex.qualifiers
            and prev.lower() not in self._lex.casualty
            and prev.lower() not in self._lex.stop
        ):
            return True  # "Minsk 2", "Su 35": a capitalised word that does not open the sentence names the thing
        if m[_D1] and len(m[_D1]) == 4 and m[_D1].isdigit() and 1800 <= v <= 2100 and not m[_S1]:
            nm = self._noun.match(text, e)
            um = self._unit.match(text, e)
            if nm is None and (um is None or not um.group(_UNIT)):
                return True  # a year
            if nxt and nxt.lower() in ("year", "years"):
                return True
        if nxt[:1].isupper() and nw is not None:
            rest = text[nw.end() : nw.end() + 30].split()
            if rest and rest[0].rstrip(".,").lower() in self._lex.street:
                return True  # "10 Downing Street"
            if nxt.lower() in self._lex.street:
                return True
        return False


_TIME_OR_AGE = regex.compile(
    r"""
    \s*+(?::\d\d|[ap]\.?m\.?(?![\p{L}])|o['’]clock|(?P<hrs>hrs?)(?![\p{L}])|GMT|UTC)   # a time of day
    | [\-‐](?:year|month|week|day)s?[\-‐]old                                  # an age: "20-year-old"
    | \s++(?:years?|months?)\s++old
    """,
    regex.VERBOSE | regex.IGNORECASE,
)
# the run of letters, apostrophes and dots before the white space that ends a stretch, matched backwards: one
# attempt, where a forward search for "a word, then only white space" would try every position of the stretch
# (a reverse pattern's ``match`` is anchored at the end of the stretch; :func:`word_before` reads its group 1)
_PREV_RUN = regex.compile(r"(?r)(?P<w>[\p{L}'’.]*+)\s*+")
_PREV_RUN_W = _PREV_RUN.groupindex["w"]  # read by number: a name costs several times more


class _Ending:
    """
    A pattern that matches a stretch of text only at its end, after one of some *phrases* (or one of the
    characters *marks*) and white space ("at least 12": the qualifier right before a number). :meth:`search`
    answers as ``pattern.search`` does, but first tests with one backward match whether the letters before the
    final white space end like one of the phrases: most stretches end in no such word, and a forward search
    would try the whole alternation at every position of the stretch.
    """

    __slots__ = ("_marks", "_pattern", "_tails")

    def __init__(self, pattern: regex.Pattern[str], phrases: Iterable[str], marks: str = "") -> None:
        self._pattern = pattern
        self._marks = marks
        # each phrase's end: its last run of letters, apostrophes and dots, in lower case ("approx." for
        # "approx.", "toll" for "death toll"); None (always search) unless every phrase ends in plain ASCII ones
        tails: list[str] = []
        for phrase in phrases:
            tail = _PREV_RUN.match(phrase)
            if tail is None or not tail["w"] or not tail["w"].isascii() or tail.end("w") != len(phrase):
                self._tails: tuple[str, ...] | None = None
                break
            tails.append(tail["w"].lower())
        else:
            self._tails = tuple(sorted(set(tails)))

    @property
    def pattern(self) -> regex.Pattern[str]:
        """The pattern searched."""
        return self._pattern

    def search(self, text: str, lo: int, hi: int) -> regex.Match[str] | None:
        """``pattern.search(text, lo, hi)``."""
        tails = self._tails
        if tails is not None:
            run = _PREV_RUN.match(text, lo, hi)
            if run is not None:
                a, q = run.span(_PREV_RUN_W)
                word = text[a:q]
                # a match ends in one of the phrases, whose last characters are that word's (ASCII text matches
                # ASCII phrases exactly when their lower case does), or in one of the marks
                if word.isascii() and not word.lower().endswith(tails) and not (q > lo and text[q - 1] in self._marks):
                    return None
        return self._pattern.search(text, lo, hi)


_NEGATIONS = frozenset({"no", "without"})
_NUMBER_ROLE, _VERB_ROLE, _NEGATION_ROLE = 1, 2, 3


@data_cache
def _fraction_words() -> dict[str, int]:
    return {r[0]: int(r[1]) for r in load_table("quantities/fractions")}


@data_cache
def _fraction_after() -> regex.Pattern[str]:
    """After a number: "and a half", a fraction word ("two thirds", "one-half"), "1/2" ("2 1/2")."""
    return regex.compile(
        r"\s++and\s++an?\s++(?P<half>half)(?![\p{L}\-])"
        r"|[\s\-]++(?P<word>" + _alt(_fraction_words()) + r")(?![\p{L}\-])"
        r"|\s++(?P<num>[1-9])/(?P<den>[2-9]|1[0-6])(?![\p{N}/])",
        regex.IGNORECASE,
    )


# what may stand between counted people and a casualty word (see QuantityParser._skip)
_PAREN = regex.compile(r"\s*+\([^()\n]{1,120}\)")
_JOIN = regex.compile(r"(?:\s*+,)?\s++(?i:including(?:\s++(?:an?|the))?|and)(?![\p{L}])")
_SKIP_WORD = regex.compile(r"\s++(?P<w>[\p{L}][\p{L}\-'’]*+)")
_SKIP_WORD_W = _SKIP_WORD.groupindex["w"]
# "one of the men", "one of them": the one is one of the people named next
_ONE_OF = regex.compile(r"\s++of\s++(?i:the|them|those|these|their|his|her|its)(?![\p{L}])")
_OF_AFTER = regex.compile(r"\s++of(?![\p{L}])", regex.IGNORECASE)
# the word after a number
_NEXT_WORD = regex.compile(r"\s++(?P<w>[\p{L}][\p{L}\-'’]*+)")
_NEXT_WORD_W = _NEXT_WORD.groupindex["w"]
# "no casualties", "without injuries", "no one was killed": a count of zero
_NO_CAS = regex.compile(
    r"(?i:no|zero|without)\s++(?:(?i:reported|known|immediate|further|civilian|other|any)\s++)?"
    r"(?P<c>(?i:fatalities|casualties|deaths|injuries|dead|one\s++(?:was\s++)?(?:killed|injured|hurt|wounded)))"
    r"(?![\p{L}])"
)
_NO_CAS_C = _NO_CAS.groupindex["c"]


def _fraction(fm: regex.Match[str]) -> tuple[bool, float] | None:
    """(whether it adds to the whole number before it, the fraction) of a :func:`_fraction_after` match."""
    if fm["half"]:
        return True, 0.5
    if fm["word"]:
        return False, 1 / _fraction_words()[fm["word"].lower()]
    num, den = int(fm["num"]), int(fm["den"])
    return (True, num / den) if num < den else None


# the kinds a stated quantity of cannot be below zero (with a counted noun, any kind): a dash before one is no sign
_UNSIGNED_KINDS = frozenset(
    {
        QuantityKind.PERSONNEL,
        QuantityKind.CASUALTIES,
        QuantityKind.KILLED,
        QuantityKind.WOUNDED,
        QuantityKind.MISSING,
        QuantityKind.CAPTURED,
        QuantityKind.CIVILIANS,
        QuantityKind.EQUIPMENT,
        QuantityKind.AREA,
        QuantityKind.DURATION,
    }
)


_PERSON_CASUALTIES = frozenset({QuantityKind.KILLED, QuantityKind.WOUNDED})
# the kinds of counted people a casualty word may override ("killed one prisoner": a prisoner counts as captured)
_CASUALTY_READS = frozenset(
    {
        QuantityKind.COUNT,
        QuantityKind.CIVILIANS,
        QuantityKind.PERSONNEL,
        QuantityKind.CASUALTIES,
        QuantityKind.CAPTURED,
    }
)
_AUXILIARY = regex.compile(r"(?i)(?<![\p{L}])(?:was|were|been|be|being|is|are|got|get)(?![\p{L}])")


def _plural(np: str) -> bool:
    """Whether the head (last word) of a noun phrase is a plural ("civilians", not "boss" or "man")."""
    head = np.split()[-1].lower()
    return head.endswith("s") and not head.endswith("ss")


def _minus_sign(text: str, start: int) -> bool:
    """A minus sign just before *start* that stands alone ("fell to -15 degrees"), not a hyphen ("10-15")."""
    if start == 0 or text[start - 1] not in "-−":
        return False
    return start == 1 or text[start - 2] in " \t\n(["


_CURRENCY_BEFORE = ("US$", "USD ", "EUR ", "GBP ", "UAH ", "RUB ", "USD", "EUR", "GBP", "UAH", "RUB")


def _by_last_character(codes: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = {}
    for code in codes:
        out.setdefault(code[-1], []).append(code)
    return {k: tuple(v) for k, v in out.items()}


# only the codes ending in the character just before a number can stand there (their order kept)
_CURRENCY_ENDING = _by_last_character(_CURRENCY_BEFORE)


def _currency_start(text: str, pos: int) -> int:
    """Where a number at *pos* really starts when a currency sign or code stands before it ("$5", "USD 5")."""
    if pos > 0 and text[pos - 1] in "$€£₴₽¥":
        return pos - 1
    if pos == 0:
        return pos
    for code in _CURRENCY_ENDING.get(text[pos - 1], ()):
        if text.startswith(code, pos - len(code)) and pos >= len(code):
            return pos - len(code)
    return pos


_TIME_HRS = _TIME_OR_AGE.groupindex["hrs"]
# a second number after a number with its unit, to be followed by the same unit: "10 km to 20 km"
_UNIT_RANGE = regex.compile(r"\s*+(?P<sep>-|–|—|(?i:to|and))\s*+(?P<n>" + _DIGITS + r")(?![\p{N}]|[.,]\d)")
_UNIT_RANGE_SEP, _UNIT_RANGE_N = _UNIT_RANGE.groupindex["sep"], _UNIT_RANGE.groupindex["n"]
_AGE_OR_AGO = regex.compile(r"(?:[\-‐]old|\s++old|\s++(?:ago|earlier|later|before|after)(?![\p{L}]))")


def _age_or_ago(text: str, end: int) -> bool:
    return _AGE_OR_AGO.match(text[end : end + 12]) is not None


@data_cache
def _months() -> frozenset[str]:
    return frozenset(r[0].lower() for r in load_table("times/months"))


def _scale(s: str | None, currency: bool) -> float:
    if not s:
        return 1.0
    low = s.lower()
    if low in ("thousand", "k"):
        return 1e3
    if low in ("million", "mln", "m"):
        return 1e6
    if low in ("billion", "bn", "b"):
        return 1e9
    if low in ("trillion", "tn", "t"):
        return 1e12
    if low == "hundred":
        return 100.0
    return 1.0


def _norm(s: str) -> str:
    return " ".join(s.lower().split())


def _sentence_start(text: str, i: int) -> bool:
    j = i - 1
    while j >= 0 and text[j] in " \t\"'“‘([":
        j -= 1
    return j < 0 or text[j] in ".!?:;\n\r—–-•*"


class _Spans:
    """
    Spans of text, sorted by start: whether one overlaps a stretch is found among those that start at most the
    longest span's length before it (a bisection, not a scan of all: a document may name thousands of victims).
    """

    __slots__ = ("_longest", "_spans", "_starts")

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        self._spans = sorted(spans)
        self._starts = [a for a, _ in self._spans]
        self._longest = max((b - a for a, b in self._spans), default=0)

    def overlaps(self, start: int, end: int) -> bool:
        """Whether a span overlaps ``[start, end)``."""
        spans = self._spans
        i = bisect.bisect_left(self._starts, start - self._longest)
        while i < len(spans) and spans[i][0] < end:
            if spans[i][1] > start:
                return True
            i += 1
        return False

    def add(self, start: int, end: int) -> None:
        """Add the span ``[start, end)``."""
        i = bisect.bisect_left(self._starts, start)
        self._starts.insert(i, start)
        self._spans.insert(i, (start, end))
        self._longest = max(self._longest, end - start)


def _inside(starts: list[int], spans: list[tuple[int, int]], start: int, end: int) -> bool:
    i = bisect.bisect_right(starts, start) - 1
    return i >= 0 and spans[i][0] <= start and end <= spans[i][1]


def _subject(mentions: list[tuple[int, int, str]], noun: tuple[int, int]) -> str | None:
    """The actor whose mention overlaps the counted noun phrase, or ends right before it ("Russian losses")."""
    s, e = noun
    best: tuple[int, str] | None = None
    i = bisect.bisect_left(mentions, (s - 200,))
    while i < len(mentions) and mentions[i][0] < e:
        ms, me, ident = mentions[i]
        if s - 1 <= me and ms < e and (me > s or s - me <= 1):
            key = (-me, ident)  # the mention reaching furthest into the phrase, nearest its head
            if best is None or key < best:
                best = key
        i += 1
    return best[1] if best else None


_AND = regex.compile(r"\s*+,?\s*+and\s++\Z")
_INCLUDING = regex.compile(r"\s*+,?\s*+including\s++\Z", regex.IGNORECASE)


def _share_verbs(text: str, drafts: list[_Draft]) -> list[_Draft]:
    """In "two soldiers and a civilian were killed" the casualty word after the last number counts for each."""
    out = list(drafts)
    for i in range(len(out) - 2, -1, -1):
        a, b = out[i], out[i + 1]
        if not b.verb or a.verb or a.rule in ("quantities/no-casualties",) or not (a.person or a.noun is None):
            continue
        if a.kind not in (QuantityKind.COUNT, QuantityKind.CIVILIANS, QuantityKind.PERSONNEL):
            continue
        gap_from = a.noun[1] if a.noun else a.end
        if gap_from <= b.start and _AND.match(text[gap_from : b.start]):
            base = a.kind if a.kind != b.kind else None
            out[i] = a._replace(kind=b.kind, verb=True, rule="quantities/casualties", base=base)
        elif a.noun and gap_from <= b.start and b.base is not None and _INCLUDING.match(text[gap_from : b.start]):
            # "21 militants including 2 commanders were killed": the count after "including" is part of the one
            # before, which the casualty word tells of; the part keeps the kind of its noun (not counted twice)
            out[i] = a._replace(kind=b.kind, verb=True, rule="quantities/casualties")
            out[i + 1] = b._replace(kind=b.base, base=None, verb=False, rule="quantities/number-noun")
    return out
