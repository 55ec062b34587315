"""
Locations: find place names and resolve them against the embedded gazetteer.

Candidates are runs of capitalised words (with "of", "al-", "de" … inside),
looked up longest first in the gazetteer's name index: one dict look-up per
candidate, never a scan of the gazetteer. A candidate becomes a location only
with enough evidence (a known country or division, a locative word before it,
a descriptor after it, a large population), and never where the actor parser
found a person, outlet or group. Ambiguous names are resolved by the
countries and divisions named in the same article and sentence, then by
population; the deciding evidence is kept in ``rule``.

A name and the qualifiers written after it — "Town (District, Admin1)",
"Town, Admin1", "X in the Y region" — are one address, innermost first, and
are read together: of the countries and divisions the qualifiers may name,
the one in which most of the names lie decides every name's reading ("Niger"
after a Nigerian town is the state, not the country; "Choluteca (Choluteca)"
is the town in its department); a town none of whose readings lies there is a
place the gazetteer lacks, not a namesake abroad (see ``_resolve_chain``).
"""

from __future__ import annotations

import bisect
import itertools
import math
import operator
import re
from collections import Counter
from collections.abc import Callable, Iterable
from typing import ClassVar, NamedTuple

import regex

from conflictnews._analysis import Analysis
from conflictnews._gazetteer import Gazetteer, Place, load_gazetteer, normalize_name
from conflictnews._phrases import PhraseMatcher
from conflictnews.lexicons import data_cache, load_lexicon, load_table
from conflictnews.model import ActorKind, GeoRelation, Location, LocationKind, ReportWarning, Span
from conflictnews.parsers import PARSER_API_VERSION, Context, Item

__all__ = ["LocationParser"]


# Words allowed inside a multi-word place name ("Bosnia and Herzegovina", "Isle of Man").
def _connectors() -> frozenset[str]:
    return load_lexicon("locations/connectors")  # cached by load_lexicon; read on first use, not at import


# Particles that glue the words of a foreign name ("Wadi al Washka", "Rio de Janeiro"); unlike "on" or "and",
# they never join a name to the next English word.
def _name_particles() -> frozenset[str]:
    return load_lexicon("locations/particles")


_ARTICLE_PREFIX = frozenset({"al-", "el-", "ad-", "as-", "ar-", "an-", "at-", "az-", "ash-"})
# Actors whose words are never places ("New York Times", "Marco Rubio", "Wagner Group").
_NOT_PLACE_KINDS = frozenset(
    {
        ActorKind.PERSON,
        ActorKind.MEDIA,
        ActorKind.ORGANIZATION,
        ActorKind.REBEL_GROUP,
        ActorKind.POLITICAL_MILITIA,
        ActorKind.IDENTITY_MILITIA,
        ActorKind.STATE_FORCES,
        ActorKind.EXTERNAL_FORCES,
        ActorKind.ANONYMOUS_SOURCE,
        ActorKind.PROTESTERS,
        ActorKind.RIOTERS,
        ActorKind.CIVILIANS,
        ActorKind.GENERIC,
    }
)
_KIND = {
    "country": LocationKind.COUNTRY,
    "admin1": LocationKind.ADMIN1,
    "admin2": LocationKind.ADMIN2,
    "place": LocationKind.PLACE,
    "region": LocationKind.REGION,
    "feature": LocationKind.FEATURE,
}
_MAX_WORDS = 6
_STRONG_KINDS = frozenset({"country", "admin1", "region", "feature"})
_AUX = regex.compile(
    r"\s++(?:(?:is|was|has|had|have|will|would|has\s++been|is\s++now|continues\s++to|also)\s++)?(?:\p{L}+ly\s++)?"
    r"(\p{L}++)"
)


_LOWER_WORD_AFTER = regex.compile(r"[ \t]++\p{Ll}")  # a common word after a name: "Somali police"

_NOTHING: frozenset[str] = frozenset()
_NO_PAIRS: frozenset[tuple[str | None, str]] = frozenset()

_UNKNOWN: tuple[int, str, tuple[Place, ...]] = (0, "", ())  # not looked up yet

# readings decided by a qualifier: they place the report in their country
_SETTLING_RULES = ("locations/admin1-qualifier", "locations/qualifies-place")

# a town abroad this big may be named in a report about another country ("stuck in Lima", "flights to Dubai")
_FOREIGN_FAMOUS = 100_000

# the most names of one address read together: a town and up to four qualifiers
_CHAIN_MAX = 5
# what a qualifier's reading gains for naming a division rather than a town ("Borno" in "(…, Borno)")
_CONTAINER_BONUS = {"admin1": 3.0, "admin2": 2.0, "region": 2.0}
# towns that seat a division: a qualifier read as one names its district or province ("Gwoza (Gwoza, Borno)")
_SEATS = frozenset({"PPLC", "PPLA", "PPLA2", "PPLA3", "PPLA4", "PPLG"})


_START = operator.itemgetter(0)  # a candidate's start


def _FIRST_START(r: tuple[_Cand, Place, str, float]) -> int:  # a resolved reading's start
    return r[0].start


class _Cand(NamedTuple):
    start: int
    end: int  # end of the name itself
    span_end: int  # end including a descriptor ("Kursk region")
    key: str
    places: tuple[Place, ...]
    level: str | None  # descriptor level: admin1 | admin2 | place
    relation: tuple[int, str] | None  # (phrase start, relation)
    locative: bool
    sentence_initial: bool
    in_paren_of: int | None  # index of the candidate this one qualifies: "Ilorin (Borgu, Niger)"
    in_longer_name: bool  # capitalised words right before or after: part of a name the gazetteer lacks
    particle_after: bool = False  # "Valle de Etla": a particle and a capitalised word follow the name
    respelled: bool = False  # found under a transliteration variant of the written name ("Wassit" as "Wasit")


# a reading of a name: its score before document evidence, the place, its kind, country and admin1, and
# whether the name is the place's main name
_Reading = tuple[float, Place, str, str | None, str | None, bool]

# a name's readings in an address: its places, their document-independent scores, places and countries, the
# readings in each (country, normalised admin1 or "") area, the areas its readings frame as a qualifier, and its
# usual reading (the best before the document's evidence)
_AddressReadings = tuple[
    tuple[Place, ...],
    tuple[float, ...],
    tuple[Place, ...],
    tuple[str | None, ...],
    dict[tuple[str | None, str], tuple[int, ...]],
    tuple[tuple[str | None, str], ...],
    Place | None,
]


@data_cache
def _data() -> tuple[frozenset[str], dict[str, str], frozenset[str], frozenset[str], dict[str, str]]:
    common = load_lexicon("locations/common_words") | load_lexicon("locations/name_words")
    descriptors = {" ".join(r[0].lower().split()): r[1] for r in load_table("locations/descriptors")}
    locatives = load_lexicon("locations/locatives")
    verbs = load_lexicon("locations/metonym_verbs")
    relations = {" ".join(r[0].lower().split()): r[1] for r in load_table("locations/relations")}
    return common, descriptors, locatives, verbs, relations


class LocationParser:
    """
    Find and resolve place names: countries, divisions, towns, regions and features.

    Args:
        gazetteer: The gazetteer to resolve against (default: the embedded one, loaded on first use).
    """

    name = "locations"
    requires: tuple[str, ...] = ()
    provides: tuple[str, ...] = ("locations",)
    api_version: ClassVar[int] = PARSER_API_VERSION

    def __init__(self, *, gazetteer: Gazetteer | None = None) -> None:
        self._gazetteer = gazetteer
        common, descriptors, locatives, verbs, relations = _data()
        self._common = common
        self._descriptors = descriptors
        self._locatives = locatives
        self._verbs = verbs
        self._relations = PhraseMatcher(relations.items())
        # capitalised words that open no person's name: "A Gainesville man", "East Oxford"
        self._not_first_names = _function_words() | load_lexicon("locations/before_names")
        self._norm_cache: dict[str, str] = {}
        self._aliases: tuple[dict[str, tuple[Place, ...]], frozenset[str]] | None = None
        # unknown names -> their reading under a transliteration variant (a pure function of the gazetteer)
        self._respell_cache: dict[str, tuple[int, str, tuple[Place, ...]] | None] = {}
        self._abbr_cache: dict[str, tuple[Place, str] | None] = {}  # abbreviation target -> place, its key
        # one-word names -> their reading (a pure function of the gazetteer and the alias table)
        self._single: dict[str, tuple[int, str, tuple[Place, ...]] | None] = {}
        # (name, descriptor level) -> the places last weighed for it and their document-independent scores
        self._readings: dict[tuple[str, str | None], tuple[tuple[Place, ...], tuple[_Reading, ...]]] = {}
        # (name, descriptor level, as a qualifier) -> its readings as :meth:`_resolve_chain` weighs them
        self._address: dict[tuple[str, str | None, bool], _AddressReadings] = {}

    @property
    def gazetteer(self) -> Gazetteer:
        """The gazetteer in use (the embedded one unless another was given)."""
        if self._gazetteer is None:
            self._gazetteer = load_gazetteer()
        return self._gazetteer

    def _admin1_aliases(self) -> tuple[dict[str, tuple[Place, ...]], frozenset[str]]:
        """Divisions under names the gazetteer lacks ("Nord-Ouest" for Cameroon's North-West), and their first words."""
        if self._aliases is None:
            gaz = self.gazetteer
            found: dict[str, list[Place]] = {}
            for name, cc, target in load_table("locations/admin1_names"):
                place = gaz.admin1(cc, target)
                if place is not None:
                    found.setdefault(normalize_name(name), []).append(place)
            self._aliases = {k: tuple(v) for k, v in found.items()}, frozenset(k.split()[0] for k in found)
        return self._aliases

    def _norm(self, word: str) -> str:
        n = self._norm_cache.get(word)
        if n is None:
            n = normalize_name(word[:-2] if _possessive(word) else word)
            if len(self._norm_cache) > 100_000:
                self._norm_cache.clear()
            self._norm_cache[word] = n
        return n

    # -- candidates ---------------------------------------------------------------------------

    def _candidates(self, context: Context, evidence: dict[str, int]) -> list[_Cand]:
        an = context.analysis
        text = an.text
        words, starts, ends, lower = an.tok_words, an.tok_starts, an.tok_ends, an.tok_lower
        firsts = an.sentence_first_tokens
        gaz = self.gazetteer
        heads = gaz.heads()
        aliases, alias_heads = self._admin1_aliases()
        norm = self._norm
        norm_cache = self._norm_cache
        has = gaz.has_normalized
        single = self._single
        blocked = _blocked_spans(context, evidence)
        n = len(words)
        caps = an.capitalised_tokens
        arabic = [i for i in an.joined_tokens if words[i][0] in "ae" and _capitalised(words[i])]  # "al-Hasakeh"
        if arabic:
            caps = sorted({*caps, *arabic})
        name_parts: _NameParts | None = None  # built on first use: most texts never need it
        speakers: frozenset[str] | None = None  # the same
        before = load_lexicon("locations/before_names")
        calendar = _calendar_words()
        institutions = load_lexicon("locations/institution_words")
        given = load_lexicon("locations/given_names")
        abbreviations = self._abbreviations(an, gaz)
        if abbreviations:
            blocked = sorted([*blocked, *((c.start, c.end) for c in abbreviations)])
        out: list[_Cand] = list(abbreviations)
        blocked_tokens = _tokens_inside(blocked, starts, ends)
        if an.joined_tokens:
            out += self._compound_parts(an, blocked_tokens)
        connectors = _connectors()
        new_cand = tuple.__new__
        next_free = 0
        for i in caps:
            if i < next_free or i in blocked_tokens:
                continue
            found: tuple[int, str, tuple[Place, ...]] | None = None
            head = norm_cache.get(words[i]) or norm(words[i])
            longest = 1
            if head in heads or head in alias_heads:
                # the words joined to this one by single spaces, with connectors only inside ("Bosnia and …")
                limit = min(_MAX_WORDS, n - i)
                while (
                    longest < limit
                    and (
                        text[ends[i + longest - 1] : starts[i + longest]] == " "
                        or (  # "St. Louis", "Ft. Worth": an abbreviated first word and its dot
                            longest == 1
                            and lower[i] in _DOTTED_FIRST
                            and text[ends[i] : starts[i + 1]] == ". "
                            and words[i + 1][0].isupper()
                            and not _possessive(words[i + 1])  # "St. Michael's School": a saint's, not a town
                        )
                    )
                ):
                    inner = words[i + longest - 1]
                    # (``w[0].isupper() or _capitalised(w)``: the call only for a word not opening with a capital)
                    if (
                        longest > 1
                        and not (inner[0].isupper() or _capitalised(inner))
                        and inner.lower() not in connectors
                    ):
                        break
                    longest += 1
            while longest > 1 and not (words[i + longest - 1][0].isupper() or _capitalised(words[i + longest - 1])):
                longest -= 1  # a name ends on a capitalised word: "Bosnia and", "Kursk region" are no keys
            if longest > 1:
                parts = [head, *[norm(x) for x in words[i + 1 : i + longest]]]
                for j in range(longest, 1, -1):
                    if _capitalised(words[i + j - 1]):
                        key = " ".join(parts[:j])
                        if has(key) or key in aliases:
                            found = (j, key, _with_aliases(gaz, aliases, key))
                            break
            if found is None:
                found = single.get(head, _UNKNOWN)
                if found is _UNKNOWN:
                    known = has(head) or head in aliases
                    found = single[head] = (1, head, _with_aliases(gaz, aliases, head)) if known else None
                    if len(single) > 100_000:
                        single.clear()
            respelled = False
            if found is None and len(head) >= 5 and head not in self._common:
                if name_parts is None:
                    name_parts = self._name_parts(an, gaz)
                if head in name_parts:
                    continue
                # an unknown name named as a place ("Wassit province", "near Pervomaisk"): try the usual
                # transliteration variants ("Wasit", "Pervomaysk")
                named = i + 1 < n and lower[i + 1] in self._descriptors and text[ends[i] : starts[i + 1]] == " "
                if named or (i > 0 and lower[i - 1] in self._locatives and text[ends[i - 1] : starts[i]] == " "):
                    found = self._respelled(gaz, head)
                    respelled = found is not None
            if found is None:
                continue
            j, key, places = found
            if j == 1 and key in calendar:
                next_free = i + 1
                continue  # "in May 2008", "through Thursday": a date, not the town or island of that name
            # (no span of *blocked* holds the name: it would hold word i, which is not in *blocked_tokens*)
            if (
                j == 1
                and key in before
                and (
                    _in_longer_name(text, words, starts, ends, i, i + 1, firsts)
                    or (i > 0 and lower[i - 1] == "the" and _before_a_noun(text, words, lower, starts, ends, i + 1))
                )
            ):
                # "Northern Iraq", "Afikpo South LGA", "Mundri East county", "the East part of Cali": a compass
                # word in a longer name or before a noun is no region of its own ("(Balaka, Southern)" is)
                next_free = i + 1
                continue
            k = i - 1  # the word before the name, past "the" and a compass word: "in (the) central Van"
            while k >= 0 and i - k <= 3 and lower[k] in before and not text[ends[k] : starts[k + 1]].strip():
                k -= 1
            locative = k >= 0 and not text[ends[k] : starts[k + 1]].strip() and lower[k] in self._locatives
            if (
                locative
                and j == 1
                and key in self._common
                and (
                    lower[i - 1] == "the"
                    or (
                        lower[k] == "of"
                        and k > 0
                        and text[ends[k - 1] : starts[k]] == " "  # "Court of", not "Meanwhile.\n\nof"
                        and _capitalised(words[k - 1])
                        and places[0].kind != "country"
                    )
                )
            ):
                # "outside the Bank", "the Supreme Court of Justice": a common noun in a name, not a town
                # ("the Bank of Japan" names the country)
                locative = False
            if (
                j == 1
                and not locative
                and key in given
                and (i == 0 or lower[i - 1] not in _SAINT_FORT)  # (not "St. Louis Hills", "Fort Wayne Road")
                and i + 1 < n
                and _capitalised(words[i + 1])
                and text[ends[i] : starts[i + 1]] == " "
                and lower[i + 1] not in self._descriptors
            ):
                next_free = i + 1
                continue  # "Mary Middleton", "Helen Kunz": a given name opening a person's name
            if (
                j == 1
                and places[0].kind not in _STRONG_KINDS
                and not locative
                and not (
                    i + 1 < n
                    and lower[i + 1] in institutions
                    and words[i + 1][0].isupper()  # "the Athens Police Department", not "Tal Tamer city"
                    and text[ends[i] : starts[i + 1]] == " "
                )
            ):
                if name_parts is None:
                    name_parts = self._name_parts(an, gaz)
                if key in name_parts:
                    continue  # "Allen said": a surname seen earlier in "Paul Allen", not the town ("in Allen" is)
                if all(p.population < _FOREIGN_FAMOUS for p in places[:5]):
                    if speakers is None:
                        speakers = _speakers(an, norm)
                    if key in speakers:
                        continue  # "Robertson said … Robertson and her father": a person ("Liverpool said": the city)
            end = ends[i + j - 1] - (2 if _possessive(words[i + j - 1]) else 0)  # "Europe's" -> "Europe"
            span_end, level = end, None
            # a descriptor after the name: "Kursk region", "Sumy Oblast", "Borgu LGA"
            if i + j < n and _joined(text, ends, starts, i + j - 1, i + j + 1, words):
                d1 = lower[i + j]
                d2 = f"{d1} {lower[i + j + 1]}" if i + j + 1 < n else ""
                if d2 in self._descriptors:
                    level, span_end = self._descriptors[d2], ends[i + j + 1]
                elif d1 in self._descriptors:
                    level, span_end = self._descriptors[d1], ends[i + j]
                if level == "road" and words[i + j][:1].isupper():
                    level = "skip"  # "the Presidente Dutra Highway": a road's own name, not the town it leads to
            # "the city of Ternopil", "the village of Pishchane": the word before "of" names the level
            if level is None and i >= 2 and lower[i - 1] == "of" and lower[i - 2] in _LEVEL_OF:
                level = self._descriptors.get(lower[i - 2]) if _joined(text, ends, starts, i - 2, i, words) else None
            longer = (
                level is None
                and _in_longer_name(text, words, starts, ends, i, i + j, firsts)
                and not (
                    i + j < n
                    and lower[i + j] in institutions
                    and not _possessive(words[i + j - 1])
                    and text[ends[i + j - 1] : starts[i + j]] == " "
                    and not _glued_before(text, words, starts, ends, i, firsts)
                )
            )
            out.append(
                new_cand(  # tuple.__new__: skips the NamedTuple's Python-level __new__; every field, in order:
                    _Cand,  # (start, end, span_end, key, places, level, relation, locative, sentence_initial,
                    (  # in_paren_of, in_longer_name, particle_after, respelled)
                        starts[i],
                        end,
                        span_end,
                        key,
                        places,
                        level,
                        None,
                        locative,
                        i in firsts,
                        None,
                        longer,
                        longer
                        and i + j + 1 < n
                        and lower[i + j] in _name_particles()
                        and _capitalised(words[i + j + 1]),
                        respelled,
                    ),
                )
            )
            next_free = i + j
        out.sort(key=_START)
        return out

    def _compound_parts(self, an: Analysis, blocked_tokens: set[int]) -> list[_Cand]:
        """
        Towns in hyphenated words the gazetteer does not know whole: a legislator's party and home town
        ("Rep. Wendell Gilliard, D-Charleston"), and a town joined to its county or school district
        ("Athens-Clarke County", "Paris-Henry County", "Watertown-ML"). Only towns are read (not countries or
        divisions: "Russia-Ukraine talks" is no place), and never a given name ("Jean-Pierre").
        """
        words, starts, ends, text, lower = an.tok_words, an.tok_starts, an.tok_ends, an.text, an.tok_lower
        gaz = self.gazetteer
        given = load_lexicon("locations/given_names")
        firsts = an.sentence_first_tokens
        out: list[_Cand] = []
        surnames: set[str] | None = None  # built on first use
        for i in an.joined_tokens:
            w = words[i]
            first, _, rest = w.partition("-")
            if i in blocked_tokens or not first or not rest[:1].isupper() or "-" in rest:
                continue
            if first in ("D", "R", "I"):
                piece, offset, locative = rest, len(first) + 1, True  # "D-Charleston": the member's home town
            elif first[0].isupper() and len(first) > 3 and not (i + 1 < len(words) and lower[i + 1] in _ROUTE_WORDS):
                # a town joined to its county, district or neighbour: "Athens-Clarke County", "the Fargo-Moorhead
                # area" (not "the Mumbai-Barwani stretch" of a highway: a road between two towns)
                piece, offset, locative = first, 0, False
            else:
                continue
            key = self._norm(piece)
            if key in given or key in self._common or not gaz.has_normalized(key) or gaz.has_normalized(self._norm(w)):
                continue
            places = tuple(p for p in gaz.lookup_normalized(key) if p.kind == "place")
            if not places:
                continue
            if not offset:
                if surnames is None:
                    # double-barrelled surnames: after a given name once ("Mario Diaz-Balart"), or a speaker's, they
                    # are the person's wherever they stand
                    speakers = _speakers(an, self._norm)
                    surnames = {
                        words[k]
                        for k in an.joined_tokens
                        if _glued_before(text, words, starts, ends, k, firsts) or self._norm(words[k]) in speakers
                    }
                if w in surnames:
                    continue
            start = starts[i] + offset
            out.append(
                _Cand(
                    start=start,
                    end=start + len(piece),
                    span_end=start + len(piece),
                    key=key,
                    places=places,
                    level=None,
                    relation=None,
                    locative=locative,
                    sentence_initial=i in firsts and not offset,
                    in_paren_of=None,
                    in_longer_name=False,
                )
            )
        return out

    def _respelled(self, gaz: Gazetteer, key: str) -> tuple[int, str, tuple[Place, ...]] | None:
        """:func:`_respelled`, remembered per name."""
        cache = self._respell_cache
        if key in cache:
            return cache[key]
        found = cache[key] = _respelled(gaz, key)
        if len(cache) > 10_000:
            cache.clear()
        return found

    def _name_parts(self, an: Analysis, gaz: Gazetteer) -> _NameParts:
        """
        Words that follow another capitalised word in a name the gazetteer does not know ("Paul Allen",
        "Lopez Obrador"): alone later in the text they are that name again, not a town.

        Only the word pairs are found here; whether a pair makes its second word a name part is worked out
        when that word is asked about (most are never asked about).
        """
        words, starts, ends = an.tok_words, an.tok_starts, an.tok_ends
        text = an.text
        norm = self._norm
        pairs: dict[str, list[int]] = {}
        caps = an.capitalised_tokens  # words whose first letter is a capital ("al-Hasakeh" starts no pair)
        caps_set: frozenset[int] | None = None  # built on first use: most texts write no initial
        for i in [i for i, k in itertools.pairwise(caps) if k == i + 1]:  # a capital word right after another
            gap = text[ends[i] : starts[i + 1]]
            if gap == " ":
                pairs.setdefault(norm(words[i + 1]), []).append(i)
            elif (
                gap == ". "
                and len(words[i]) == 1
                and i > 0
                and text[ends[i - 1] : starts[i]] == " "
                and len(words[i + 1]) > 1
            ):
                if caps_set is None:
                    caps_set = frozenset(caps)
                if (i - 1) in caps_set:
                    pairs.setdefault(norm(words[i + 1]), []).append(i)  # "Marsha J. Moore": a surname after an initial
        return _NameParts(self, gaz, words, pairs)

    def _name_pair(self, gaz: Gazetteer, a: str, b: str) -> bool:
        """Do the capitalised words *a* *b*, written one after the other, make *b* part of a name (see above)?"""
        if a.lower() in self._descriptors or b.lower() in self._descriptors:
            return False
        if a.lower() in self._not_first_names:
            return False  # "A Gainesville man", "While Athens serves": a capitalised function word, not a first name
        if _possessive(a) and gaz.has_normalized(self._norm(a)):
            return False  # "Russia's Novorossiysk", "Kyiv's Obolon": a place's place, not a person's second name
        return not gaz.has_normalized(f"{self._norm(a)} {self._norm(b)}")

    def _abbreviations(self, an: Analysis, gaz: Gazetteer) -> list[_Cand]:
        """Abbreviations of countries and US states written in capitals: "U.S.", "UK", "DRC", "W.Va."."""
        out: list[_Cand] = []
        text = an.text
        for m in _abbreviation_matches(text):
            if text[m.end() : m.end() + 8].lower().startswith((" dollar", "-dollar")):
                continue  # "the high US dollar exchange rate": a currency, not the country
            target = _abbreviation_table()[m.group()]
            if target in self._abbr_cache:
                found = self._abbr_cache[target]
            else:
                if len(target) == 2:
                    place = gaz.country(target)
                elif target[2:3] == ":":  # "US:Kentucky" for "Ky.": a first-level division
                    place = gaz.admin1(target[:2], target[3:])
                else:
                    place = next(iter(gaz.lookup(target)), None)
                found = self._abbr_cache[target] = None if place is None else (place, normalize_name(place.name))
            if found is None:
                continue
            place, key = found
            i = an.sentence_index(m.start())
            out.append(
                _Cand(
                    start=m.start(),
                    end=m.end(),
                    span_end=m.end(),
                    key=key,
                    places=(place,),
                    level=None,
                    relation=None,
                    locative=True,
                    sentence_initial=an.sentences[i][0] == m.start() if an.sentences else False,
                    in_paren_of=None,
                    in_longer_name=False,
                )
            )
        return out

    # -- parse ---------------------------------------------------------------------------------

    def parse(self, context: Context) -> Iterable[Item | ReportWarning]:
        """Return the document's locations, one per resolved place, with all its mentions."""
        if not context.analysis.capitalised_tokens:  # no word opens with a capital: no name
            return []
        # (plain dicts where a Counter's arithmetic is not needed: creating a Counter costs ~10 times as much)
        groups: dict[str, int] = {}  # countries of the armed groups named: "Houthi forces shelled …" (Yemen)
        cands = self._candidates(context, groups)
        if not cands:
            return []
        text = context.text
        an = context.analysis
        cands = _link_parentheses(text, cands)
        # evidence from the whole document: countries named as places or by actors
        countries: dict[str, int] = {}  # (a Counter's arithmetic only in the rare second pass below)
        own: dict[str, int] = {}  # the evidence a name gives for its own country
        local: dict[str, int] = {}  # the same, from divisions and towns only (not countries or actors)
        for a in context.actors:
            if a.country:
                countries[a.country] = countries.get(a.country, 0) + len(a.mentions)
        for code, count in groups.items():
            countries[code] = countries.get(code, 0) + count
        demonyms = _demonym_countries()
        for i in an.indices_of(demonyms):  # "the Tunisian General Labour Union in Beja"
            w = an.tok_words[i]
            if w[0].isupper() and not w.isupper():  # "US", "UAE": abbreviations are read as countries above
                code = demonyms[an.tok_lower[i]]
                countries[code] = countries.get(code, 0) + 1
        for c in cands:
            top = c.places[0]
            if top.kind == "country" and self._accept(c, top, an):
                code = top.country or ""
                countries[code] = countries.get(code, 0) + 3
            elif (
                top.country
                and (len(c.places) == 1 or all(p.country == top.country for p in c.places[:40]))
                and self._accept(c, top, an, countries)
            ):
                # every reading of the name lies in one country
                countries[top.country] = countries.get(top.country, 0) + 1
                own[c.key] = own.get(c.key, 0) + 1
                local[top.country] = local.get(top.country, 0) + 1
        # the first-level divisions the report names as places ("Tennessee", "W.Va."): a town's namesake lying in
        # one of them is the one meant ("Athens" in a Tennessee story)
        divisions: dict[tuple[str | None, str], int] = {}
        for c in cands:
            top = c.places[0]
            if (
                top.kind == "admin1"
                and c.level in (None, "admin1")
                and countries.get(top.country or "", 0)
                and self._accept(c, top, an, countries)
            ):
                area = (top.country, self._norm(top.admin1 or top.name))
                divisions[area] = divisions.get(area, 0) + 1
        quals_of: dict[int, list[_Cand]] = {}
        for c in cands:
            if c.in_paren_of is not None:
                quals_of.setdefault(c.in_paren_of, []).append(c)
        resolved = self._resolve_all(cands, an, countries, quals_of, local, own, divisions)
        # a second pass once qualified names have placed the report: "Kagara (Rafi LGA, Niger)" is in Nigeria,
        # so a bare "Tripoli" or "Al Jawf" elsewhere in it is read in the light of that
        settling = [
            place.country
            for _, place, rule, _ in resolved
            if place.country and place.country not in countries and rule.startswith(_SETTLING_RULES)
        ]
        if settling:
            settled = Counter(countries) + Counter(settling)
            resolved = self._resolve_all(cands, an, dict(settled), quals_of, local, own, divisions)
        return self._build(context, resolved)

    def _resolve_all(
        self,
        cands: list[_Cand],
        an: Analysis,
        countries: dict[str, int],
        quals_of: dict[int, list[_Cand]],
        local: dict[str, int],
        own: dict[str, int],
        divisions: dict[tuple[str | None, str], int],
    ) -> list[tuple[_Cand, Place, str, float]]:
        resolved: list[tuple[_Cand, Place, str, float]] = []
        total = sum(countries.values()) or 1
        # "Bida (Bida LGA, Niger)", "Toluca, Mexico": each address read as a whole
        chained: dict[int, tuple[Place, str, float] | None] = {}
        deferred: list[tuple[_Cand, Place, str, float]] = []  # read only as words of a longer name
        if quals_of:
            addresses: dict[int, list[int]] = {}
            for idx, c in enumerate(cands):
                if c.in_paren_of is not None:
                    addresses.setdefault(c.in_paren_of, [c.in_paren_of]).append(idx)
            for members in addresses.values():
                chained.update(self._resolve_chain(cands, members[:_CHAIN_MAX], countries, total))
        for idx, c in enumerate(cands):
            if idx in chained:
                choice = chained[idx]
                if choice is None:
                    continue  # no reading of the name lies in the division its address names
                if choice[1].startswith("locations/admin1-qualifier") or self._accept(c, choice[0], an, countries):
                    resolved.append((c, *choice))
                continue
            parent = None
            if c.in_paren_of is not None and chained.get(c.in_paren_of, True) is not None:
                parent = cands[c.in_paren_of].places  # (not a town the gazetteer lacks: "Tarma (Borno)")
            choice = self._resolve(c, countries, quals_of, idx, parent, total, divisions)
            if choice is None:
                continue
            if (
                not choice[1].startswith("locations/admin1-qualifier")
                and choice[0].kind not in _STRONG_KINDS
                and any(
                    q.level == "admin1" and an.text[c.span_end : q.start] in _IN_DIVISION for q in quals_of.get(idx, ())
                )
            ):
                continue  # "Pishchane in the Kharkiv region": no namesake lies there, so the gazetteer lacks it
            place, rule, conf = choice
            # "Kagara (Rafi LGA, Niger)", "Caripe, Monagas state": a town in the division named after it
            placed = rule.startswith("locations/admin1-qualifier") and c.level != "skip"
            if not (placed or self._accept(c, place, an, countries)) or self._foreign(
                c, place, quals_of.get(idx), countries, local, own
            ):
                if c.in_longer_name and not c.particle_after and c.key not in load_lexicon("locations/given_names"):
                    deferred.append((c, place, rule, conf))  # "the Charleston Gold Dome Lions Club": see below
                continue
            if resolved and place.kind not in _STRONG_KINDS:
                prev_c, prev_place = resolved[-1][0], resolved[-1][1]
                if (
                    _possessive(an.text[prev_c.start : prev_c.end + 2])
                    and an.text[prev_c.end : c.start] in _POSSESSIVE_GAPS
                    and prev_place.country != place.country
                ):
                    continue  # "Beirut's Hamra district": the place lies in Beirut's country, or is not known
            resolved.append((c, place, rule, conf))
        if deferred and resolved:
            # a town the report names on its own is the one its longer names start with or end on ("Charleston"
            # … "the Charleston Gold Dome Lions Club", "East Oxford"): one town per name in a story
            towns = {r[0].key: r[1] for r in resolved if r[1].kind == "place"}
            kept = [
                r
                for r in deferred
                if towns.get(r[0].key) is r[1]
                and self._accept(r[0]._replace(in_longer_name=False), r[1], an, countries)
            ]
            if kept:
                resolved = sorted([*resolved, *kept], key=_FIRST_START)
        return resolved

    def _accept(self, c: _Cand, place: Place, an: Analysis, doc_countries: dict[str, int] | None = None) -> bool:
        """Is there enough evidence to read this candidate as a place?"""
        single = " " not in c.key
        if c.level == "skip":
            return False  # "San Lorenzo neighborhood", "Sanaa Street": a feature of a town, not the town
        if c.level == "road":
            # "the Halba highway", "the Jalalabad road": named for the town it leads to, when the town lies in a
            # country the story names (not "al Malaqa road" in Syria as Malaga, Spain)
            return place.kind == "place" and bool(doc_countries) and place.country in (doc_countries or ())
        if place.kind == "country" and not c.locative and c.key in _demonyms():
            return False  # "a Saudi officer", "the Saudi-led coalition": the adjective, not the country ("in Saudi" is)
        if (
            not c.locative
            and c.level is None
            and place.kind != "country"
            and _demonym_countries().get(c.key.lower(), place.country) != place.country
            and _LOWER_WORD_AFTER.match(an.text, c.end)
        ):
            return False  # "Somali police", "Somali protesters": the country's adjective, not Ethiopia's Somali region
        if place.kind == "country" and an.text[c.end : c.end + 1] == "-" and an.text[c.end + 1 : c.end + 2].islower():
            return False  # "the U.S.-backed foundation", "Russia-occupied Crimea": half of an adjective
        if single and (c.key in _connectors() or len(c.key) < 3) and not (c.locative and place.population >= 100_000):
            return False  # "Al", "Sur", "de": a connector or a fragment on its own is not a place ("in Van" is)
        if c.in_longer_name and place.kind not in ("country", "admin1") and place.population < 100_000:
            return False  # "Bar Elias", "Wadi al Washka": the gazetteer knows only part of the name
        common = single and c.key in self._common
        if place.kind in _STRONG_KINDS and not common:
            return True
        if c.level is not None or c.in_paren_of is not None:
            return True
        if common:
            # "March", "Of", "Nice": only after a locative word, never opening a sentence
            # ("in the West Zone of Rio": a common word opening a longer name is not the place)
            return c.locative and not c.sentence_initial and not c.in_longer_name and place.population >= 1000
        if c.locative:
            return True
        if c.sentence_initial:
            return place.population >= 100_000 or place.kind in _STRONG_KINDS
        if place.country and doc_countries and place.country in doc_countries:
            return place.population >= 1_000 or not single  # "Russian troops shelled Sudzha"
        return place.population >= 5_000 or not single

    @staticmethod
    def _foreign(
        c: _Cand,
        place: Place,
        quals: list[_Cand] | None,
        countries: dict[str, int],
        local: dict[str, int],
        own: dict[str, int],
    ) -> bool:
        """
        Is this town's only reading in a country the document does not otherwise place itself in?

        "Goyali, Gadabay" with Gadabay in Azerbaijan and the only Goyali in India, or a village "Shewan"
        in an Afghan report read as the one in China: the gazetteer lacks the local place, and a small
        namesake abroad is a worse answer than none.
        """
        if countries.get(place.country or "", 0) > own.get(c.key, 0):
            return False
        if c.respelled and not (c.level == "admin1" and place.kind == "admin1"):
            return True  # a guessed spelling needs the report to be about that country ("Arzoo village")
        if place.kind not in ("place", "admin1") or c.level == "admin1":
            return False
        if c.in_longer_name and (place.kind == "place" or c.particle_after):
            # "Ras Al Ain" read as Al Ain in the Emirates, "Valle de Etla" as Honduras' Valle department
            # (but "Donetsk Filtration Station" is near Donetsk)
            return True
        if place.kind != "place":
            return False
        if quals:
            # a qualifier that lies in one country only, which the rest of the document names too
            homes = [{p.country for p in q.places[:40]} for q in quals]
            if any(place.country in h for h in homes):
                return False
            return any(
                len(h) == 1 and countries.get(next(iter(h)) or "", 0) > own.get(q.key, 0)
                for h, q in zip(homes, quals, strict=True)
            )
        if place.population >= _FOREIGN_FAMOUS or c.level is not None:
            return False  # a city known abroad, or "Atakent town": named as a place outright
        # towns and divisions elsewhere in the report that lie mostly in one other country (a country named
        # outright is often only an actor's: "Saudi forces deployed to Hadibu")
        others = {k: v for k, v in local.items() if k != place.country}
        total = sum(others.values())
        return total >= 1 and max(others.values()) * 2 >= total + local.get(place.country or "", 0)

    def _resolve(
        self,
        c: _Cand,
        countries: dict[str, int],
        quals_of: dict[int, list[_Cand]],
        idx: int,
        parent: tuple[Place, ...] | None,
        total: int,
        divisions: dict[tuple[str | None, str], int] | None = None,
    ) -> tuple[Place, str, float] | None:
        """
        The best reading of *c*, why, and how sure; *total* is the sum of *countries* (at least 1); *divisions*
        counts the first-level divisions the report names, by (country, normalised name).
        """
        level, key = c.level, c.key
        readings = self._readings.get((key, level))
        if readings is None or readings[0] is not c.places:
            readings = self._readings[(key, level)] = (c.places, self._scored(c.places, key, level))
            if len(self._readings) > 20_000:
                self._readings.clear()
        norm = self._norm
        # qualifiers after this name: "Ilorin (Borgu LGA, Niger)", "Vodyane, Donetsk"
        quals = quals_of.get(idx, ())
        qual_admin1: set[str] | frozenset[str] = _NOTHING
        qual_names: set[str] | frozenset[str] = _NOTHING
        qual_countries: set[str | None] | frozenset[str] = _NOTHING
        if quals:
            qual_admin1 = {norm(p.admin1 or p.name) for q in quals for p in q.places if p.kind == "admin1"}
            qual_names = {q.key for q in quals}
            qual_countries = {p.country for q in quals for p in q.places if p.kind in ("country", "admin1")}
        parent_admin: set[tuple[str | None, str]] | frozenset[tuple[str | None, str]] = _NO_PAIRS
        parent_countries: set[str | None] | frozenset[str] = _NOTHING
        if parent is not None:
            # this candidate qualifies another: prefer the division that contains the parent's places
            parent_admin = {(p.country, norm(p.admin1 or "")) for p in parent[:40]}
            parent_countries = {p.country for p in parent[:40]}
        share_of = countries.get
        div_total = sum(divisions.values()) if divisions else 0
        best: tuple[float, Place, str] | None = None
        second = -math.inf
        for score, p, kind, country, admin1, named in readings[1]:
            why = "population"
            share = share_of(country or "", 0) / total
            if share:
                score += 4 * share + 1
                why = "document-country"
                if div_total and admin1 and divisions:
                    d = divisions.get((country, norm(admin1)), 0)
                    if d:
                        score += 3 * d / div_total
                        why = "document-admin1"
            if quals and admin1 and (norm(admin1) in qual_admin1 or norm(admin1) in qual_names):
                score += 8
                why = "admin1-qualifier"
            elif quals and country in qual_countries:
                score += 3
                why = "country-qualifier"
            if named:
                score += 1  # its main name, not an alternate spelling from another language
            if parent is not None:
                if kind == "admin1" and (country, norm(admin1 or p.name)) in parent_admin:
                    score += 8
                    why = "qualifies-place"
                elif country in parent_countries:
                    score += 2
            if best is None or score > best[0]:
                if best is not None and best[0] > second:
                    second = best[0]
                best = (score, p, why)
            elif score > second:
                second = score
        if best is None:
            return None
        margin = best[0] - second if second > -math.inf else 5.0
        return best[1], _rule(f"locations/{best[2]}", c), _confidence(margin)

    def _resolve_chain(
        self, cands: list[_Cand], members: list[int], countries: dict[str, int], total: int
    ) -> dict[int, tuple[Place, str, float] | None]:
        """
        Read an address as a whole: a name and the qualifiers written after it ("Bida (Bida LGA, Niger)",
        "Toluca, Mexico"), innermost first.

        Every reading of a qualifier frames a part of the world: its country and first-level division (a country
        frames the whole country). A name lies in a frame when one of its readings, other than the one framing it,
        has that country and division. The frame in which the most names lie wins, then the one whose names'
        readings score best on population, kind and the document's countries. When at least two names lie in it
        ("Niger" the Nigerian state Bida lies in, not the country), each name takes its best reading there, and a
        name none of whose readings lies there is left unresolved: a qualifier that names another country or
        division (a second province named after the first, as sources sometimes write them), or a town the gazetteer
        does not know under that name (a small namesake abroad). Otherwise the names are read one by one.

        *members* are the indices of the address's names in *cands*, the first name first (at most
        :data:`_CHAIN_MAX`). Returns the decided names by index (``None``: left unresolved).
        """
        # each name's readings (remembered per name); its usual reading is its best before the document's evidence
        names = [self._address_readings(cands[k], n > 0) for n, k in enumerate(members)]
        tops = [r[6] for r in names]
        head_areas = names[0][4]
        if tops[0] is not None and tops[0].kind == "country":
            # a country stays the country: "in Lebanon, U.S. officials said" is a list, not a town in the US, and
            # in "northern Nigeria (Gwoza, Borno)" only the qualifiers make an address
            head_areas = {}
        # only an area two names lie in can decide: the others are not weighed
        all_areas = [head_areas, *(r[4] for r in names[1:])]
        frames = [f for f in dict.fromkeys(f for r in names[1:] for f in r[5]) if sum(f in a for a in all_areas) > 1]
        bonus: dict[str | None, float] = {}  # what the document's countries add to a reading's score

        def best_of(r: _AddressReadings, idxs: Iterable[int]) -> tuple[float, Place] | None:
            found: tuple[float, Place] | None = None
            for i in idxs:
                country = r[3][i]
                extra = bonus.get(country)
                if extra is None:
                    share = countries.get(country or "", 0) / total
                    extra = bonus[country] = 4 * share + 1 if share else 0.0
                if found is None or r[1][i] + extra > found[0]:
                    found = (r[1][i] + extra, r[2][i])
            return found

        best: tuple[int, bool, float] | None = None
        second: tuple[int, bool, float] | None = None
        best_picks: list[tuple[float, Place] | None] = []
        for area in frames:
            picks: list[tuple[float, Place] | None] = [None]
            taken: set[int] = set()
            for r in names[1:]:
                pick = best_of(r, r[4].get(area, ()))
                picks.append(pick)
                if pick is not None and pick[1].kind != "place":
                    taken.add(id(pick[1]))
            # the name before its division is not that division ("Choluteca (Choluteca)" is the town)
            head = names[0]
            picks[0] = best_of(head, (i for i in head_areas.get(area, ()) if id(head[2][i]) not in taken))
            count = len({id(sp[1]) for sp in picks if sp is not None})  # two names of one town agree on nothing
            # as many names in a division as in the whole country: the division ("Toluca, Mexico")
            rank = (count, bool(area[1]), sum(sp[0] for sp in picks if sp is not None))
            if best is None or rank > best:
                best, best_picks, second = rank, picks, best
            elif second is None or rank > second:
                second = rank
        if best is None or best[0] < 2:
            return self._unplaced(cands, members, names, tops)
        # how sure: as in :meth:`_resolve`, from the margin over the next area (5 when it holds fewer names)
        margin = 5.0 if second is None or second[:2] != best[:2] else min(5.0, best[2] - second[2])
        conf = _confidence(margin)
        out: dict[int, tuple[Place, str, float] | None] = {}
        for n, (k, pick) in enumerate(zip(members, best_picks, strict=True)):
            c = cands[k]
            if pick is None:
                top = tops[n]
                if top is not None and n == 0 and (top.kind in _STRONG_KINDS or top.population >= _FOREIGN_FAMOUS):
                    continue  # a known division or city: read on its own ("Lagos, Nigeria" aside)
                out[k] = None
                continue
            out[k] = (pick[1], _rule("locations/admin1-qualifier" if n == 0 else "locations/qualifies-place", c), conf)
        return out

    def _address_readings(self, c: _Cand, qualifier: bool) -> _AddressReadings:
        """
        The readings :meth:`_resolve_chain` weighs for *c* as the first name of an address or as a *qualifier*,
        remembered per name: their scores before the document's evidence (a qualifier's division readings gain
        :data:`_CONTAINER_BONUS`), places and countries, the readings in each area (a country's first-level
        division, and the whole country), the areas a qualifier's readings frame, and its usual reading.
        """
        cache_key = (c.key, c.level, qualifier)
        found = self._address.get(cache_key)
        if found is not None and found[0] is c.places:
            return found
        readings = self._readings.get((c.key, c.level))
        if readings is None or readings[0] is not c.places:
            readings = self._readings[(c.key, c.level)] = (c.places, self._scored(c.places, c.key, c.level))
        norm = self._norm
        bases: list[float] = []
        places: list[Place] = []
        homes: list[str | None] = []
        areas: dict[tuple[str | None, str], list[int]] = {}
        frames: dict[tuple[str | None, str], None] = {}
        for i, (score, p, kind, country, admin1, named) in enumerate(readings[1]):
            bases.append(score + (1 if named else 0) + (_CONTAINER_BONUS.get(kind, 0.0) if qualifier else 0.0))
            places.append(p)
            homes.append(country)
            a1 = norm(admin1) if admin1 else ""
            areas.setdefault((country, a1), []).append(i)
            if a1:
                areas.setdefault((country, ""), []).append(i)
            if kind != "place" or p.feature_code in _SEATS or p.population >= _FOREIGN_FAMOUS:
                # (a village frames no address: a province's name is also a hamlet's in many countries)
                frames[(country, "" if kind == "country" else a1)] = None
        found = (
            c.places,
            tuple(bases),
            tuple(places),
            tuple(homes),
            {k: tuple(v) for k, v in areas.items()},
            tuple(frames) if qualifier else (),
            places[max(range(len(bases)), key=bases.__getitem__)] if bases else None,
        )
        self._address[cache_key] = found
        if len(self._address) > 20_000:
            self._address.clear()
        return found

    @staticmethod
    def _unplaced(
        cands: list[_Cand], members: list[int], names: list[_AddressReadings], tops: list[Place | None]
    ) -> dict[int, tuple[Place, str, float] | None]:
        """
        The names of an address in which no two names agree that lie in none of the countries its last
        qualifier may name as a division or country ("Tarma (Borno)" with the only Tarma in Peru): a town the
        gazetteer does not know, not a small namesake abroad. A qualifier read only as towns decides nothing (it
        may name a part of the town: "Caracas (Chacao)"). Divisions and cities of 100,000 or more are kept (the
        qualifier may be the unknown name), unless they are words of a longer name the gazetteer lacks ("Port"
        in "Port Harcourt City LGA"; a country opening the address is kept).
        """
        homes = {p.country for p in names[-1][2] if p.kind in ("admin1", "country")}
        if not homes:
            return {}
        out: dict[int, tuple[Place, str, float] | None] = {}
        for n, k in enumerate(members[:-1]):
            top = tops[n]
            if top is None or any(country in homes for country in names[n][3]):
                continue
            if (cands[k].in_longer_name and (n or top.kind != "country")) or (
                top.kind not in _STRONG_KINDS and top.population < _FOREIGN_FAMOUS and cands[k].level != "admin1"
            ):
                out[k] = None  # (a word of a longer name the gazetteer lacks)
        return out

    def _scored(self, places: tuple[Place, ...], key: str, level: str | None) -> tuple[_Reading, ...]:
        """
        The readings :meth:`_resolve` weighs for a name *key* with descriptor *level*, with the part of each
        score that does not depend on the document (its population and kind) and whether *key* is its main name.
        """
        if level == "admin1":
            admins = [p for p in places if p.kind == "admin1"]
            if admins:
                places = tuple(admins)
        elif level in ("admin2", "place"):
            local = [p for p in places if p.kind in ("admin2", "place")]
            if local:
                places = tuple(local)
        out: list[_Reading] = []
        for p in places[:40]:
            score = math.log10(p.population + 10)
            kind = p.kind
            if kind == "country":
                score += 6
            elif kind == "region" or (kind == "admin1" and level == "admin1"):
                score += 2.5
            elif p.feature_code in ("PPLC", "PPLA"):
                score += 1  # a capital or division seat is the usual reading of a bare name
            out.append((score, p, kind, p.country, p.admin1, self._norm(p.name) == key))
        return tuple(out)

    def _build(self, context: Context, resolved: list[tuple[_Cand, Place, str, float]]) -> list[Item | ReportWarning]:
        if not resolved:
            return []
        text = context.text
        an = context.analysis
        gov_spans = sorted(
            (sp.start, sp.end) for a in context.actors if a.kind == ActorKind.GOVERNMENT for sp in a.mentions
        )
        groups: dict[tuple[object, ...], list[tuple[_Cand, Place, str, float]]] = {}
        for r in resolved:
            p = r[1]
            key = (p.geonames_id, p.name, p.kind, p.country, p.latitude, p.longitude)
            groups.setdefault(key, []).append(r)
        ordered = sorted(groups.values(), key=lambda g: g[0][0].start)
        rels = list(self._relations.finditer(an))  # "north of", "near": once for the text, looked up per name
        rel_starts = [s for s, _, _ in rels]
        out: list[Item | ReportWarning] = []
        for n, group in enumerate(ordered):
            p, rule = group[0][1], group[0][2]
            mentions = [Span(start=r[0].start, end=r[0].span_end) for r in group]
            relations: list[GeoRelation] = []
            metonym = False
            capital = p.feature_code == "PPLC"  # only a capital stands for its government
            for r in group:
                c = r[0]
                if rels:
                    rel = _relation(text, rels, rel_starts, c)
                    if rel is not None:
                        relations.append(GeoRelation(span=Span(start=rel[0], end=c.span_end), relation=rel[1]))
                if capital and self._metonymic(text, c, gov_spans, p):
                    metonym = True
            out.append(
                Location(
                    id=context.next_id(Location, n),
                    name=p.name,
                    kind=_KIND.get(p.kind, LocationKind.PLACE),
                    country=p.country,
                    admin1=p.admin1,
                    latitude=p.latitude,
                    longitude=p.longitude,
                    geonames_id=p.geonames_id,
                    mentions=mentions,
                    relations=relations,
                    metonym=metonym,
                    rule=rule,
                    confidence=group[0][3] if len(group) == 1 else max(r[3] for r in group),
                )
            )
        return out

    def _metonymic(self, text: str, c: _Cand, gov_spans: list[tuple[int, int]], place: Place) -> bool:
        if place.feature_code != "PPLC":
            return False
        if any(s < c.end and c.start < e for s, e in gov_spans):
            return True
        m = _AUX.match(text, c.span_end)
        return bool(m and m.group(1).lower() in self._verbs)


def _relation(text: str, rels: list[tuple[int, int, str]], rel_starts: list[int], c: _Cand) -> tuple[int, str] | None:
    """The relation phrase right before a name ("north of Sudzha", "near the town of"), if any."""
    found: tuple[int, str] | None = None
    for k in range(bisect.bisect_left(rel_starts, c.start - 30), bisect.bisect_left(rel_starts, c.start)):
        s, e, rel = rels[k]
        if e <= c.start and text[e : c.start].strip().lower() in ("", "the"):
            found = (s, rel)
    return found


class _NameParts:
    """The words of a text that are second words of names (:meth:`LocationParser._name_parts`), as a set."""

    __slots__ = ("_found", "_gaz", "_pairs", "_parser", "_words")

    def __init__(self, parser: LocationParser, gaz: Gazetteer, words: list[str], pairs: dict[str, list[int]]) -> None:
        self._parser, self._gaz, self._words, self._pairs = parser, gaz, words, pairs
        self._found: dict[str, bool] = {}

    def __contains__(self, key: str) -> bool:
        pairs = self._pairs.get(key)
        if pairs is None:
            return False
        found = self._found.get(key)
        if found is None:
            words, pair = self._words, self._parser._name_pair
            found = self._found[key] = any(pair(self._gaz, words[i], words[i + 1]) for i in pairs)
        return found


def _possessive(w: str) -> bool:
    return len(w) > 3 and w[-2] in "'\u2019" and w[-1] in "sS"


@data_cache
def _abbreviation_table() -> dict[str, str]:
    return {r[0]: r[1] for r in load_table("locations/abbreviations")}


@data_cache
def _abbreviation_pattern() -> regex.Pattern[str]:
    forms = sorted(_abbreviation_table(), key=len, reverse=True)
    alternation = "|".join(regex.escape(f) for f in forms)
    # whole words only; "U.S." may end a sentence, so its final dot is part of the match
    return regex.compile(rf"(?<![\p{{L}}\p{{N}}.])(?:{alternation})(?![\p{{L}}\p{{N}}])")


@data_cache
def _abbreviation_starts() -> dict[str, tuple[str, ...]]:
    """
    The abbreviations by their first three characters (a shorter form by itself): a quick test for where
    :func:`_abbreviation_pattern` may match ("U.S", "US", "DRC", "Ky.": rarer in a text than "Ky" or "Pa" alone).
    """
    out: dict[str, list[str]] = {}
    for form in _abbreviation_table():
        if form:
            out.setdefault(form[:3], []).append(form)
    return {c: tuple(forms) for c, forms in out.items()}


@data_cache
def _abbreviation_hint() -> re.Pattern[str]:
    """
    Any of the first three characters of :func:`_abbreviation_starts`, written literally, as a tree of
    alternatives by character ("U(?:\\.S|K|S|...)"): where a capital starts none, one test fails, not one per key.
    """
    return re.compile(_literal_tree(sorted(_abbreviation_starts())))


def _literal_tree(keys: list[str]) -> str:
    """A pattern matching exactly the non-empty strings *keys*, its alternatives grouped by their first character."""
    by_first: dict[str, list[str]] = {}
    for k in keys:
        by_first.setdefault(k[0], []).append(k[1:])
    alts = []
    for c, rests in by_first.items():
        tails = [r for r in rests if r]
        if not tails:
            alts.append(re.escape(c))
        else:
            inner = _literal_tree(tails)
            alts.append(f"{re.escape(c)}(?:{inner})" + ("?" if len(tails) < len(rests) else ""))
    return "|".join(alts)


def _abbreviation_matches(text: str) -> list[regex.Match[str]]:
    """
    The matches of :func:`_abbreviation_pattern` in *text*, as its ``finditer`` gives them. The pattern is
    tried only where one of the abbreviations is written, found with ``str.find`` on their first three characters
    (the regex engine would try it at every character).
    """
    starts = _abbreviation_starts()
    first = _abbreviation_hint().search(text) if starts else None
    if first is None:
        return []  # none of the first three characters is written (one search in C, not one find per pair)
    pattern = _abbreviation_pattern()
    hits: list[int] = []
    get = starts.get
    # every place where one of the first three characters is written (overlapping ones too), and there each
    # key that starts (a one-character form and a longer one may both start at a place)
    search = _abbreviation_hint().search
    hint: re.Match[str] | None = first
    while hint is not None:
        k = hint.start()
        hint = search(text, k + 1)
        for size in (3, 2, 1):
            forms = get(text[k : k + size])
            if forms is not None and text.startswith(forms, k):
                hits.append(k)
                break
    if not hits:
        return []
    out: list[regex.Match[str]] = []
    last = 0
    for pos in hits:
        if pos >= last:
            m = pattern.match(text, pos)  # its lookbehind still sees the text before *pos*
            if m is not None:
                out.append(m)
                last = m.end()
    return out


def _speakers(an: Analysis, norm: Callable[[str], str]) -> frozenset[str]:
    """The capitalised words (normalised) that stand right before a verb of saying: "Robertson said"."""
    words, starts, ends, text = an.tok_words, an.tok_starts, an.tok_ends, an.text
    return frozenset(
        norm(words[i - 1])
        for i in an.indices_of(load_lexicon("locations/speech_verbs"))
        if i > 0 and words[i - 1][0].isupper() and text[ends[i - 1] : starts[i]] == " "
    )


@data_cache
def _calendar_words() -> frozenset[str]:
    """Full month and weekday names in lower case, from the times parser's ``times/months`` and ``times/weekdays``."""
    rows = (*load_table("times/months"), *load_table("times/weekdays"))
    return frozenset(name.lower() for name, _, form in rows if form == "full")


def _function_words() -> frozenset[str]:
    return load_lexicon("locations/function_words")


def _capitalised(w: str) -> bool:
    c = w[0]
    if c.isupper():
        return True
    if c not in "ae":
        return False
    # Arabic article prefixes: "al-Hasakeh", "ash-Shaddadi"
    k = w.find("-", 1, 4)
    return k > 0 and w[: k + 1].lower() in _ARTICLE_PREFIX and w[k + 1 : k + 2].isupper()


@data_cache
def _demonym_countries() -> dict[str, str]:
    """Lower-case one-word demonyms ("syrian", "ukrainian") and their countries' codes."""
    out: dict[str, str] = {}
    for row in load_table("actors/demonyms"):
        if len(row) > 1:
            for d in row[1].split("|"):
                d = d.strip().lower()
                if d and " " not in d:
                    out.setdefault(d, row[0])
    return out


@data_cache
def _demonyms() -> frozenset[str]:
    """Lower-case demonyms: a place may follow them ("Syrian Idlib")."""
    return frozenset(_demonym_countries())


def _in_longer_name(
    text: str, words: list[str], starts: list[int], ends: list[int], i: int, j: int, firsts: frozenset[int]
) -> bool:
    """Are words i..j-1 glued to other capitalised words (directly, or through "al", "de", "of" …)?"""
    n = len(words)
    if _glued_before(text, words, starts, ends, i, firsts):
        return True
    if j < n and text[ends[j - 1] : starts[j]] == " " and not _possessive(words[j - 1]):  # "Beirut's Hamra district"
        after = words[j]
        if _capitalised(after):
            return True
        if (
            after.lower() in _name_particles()
            and j + 1 < n
            and _capitalised(words[j + 1])
            and text[ends[j] : starts[j + 1]] == " "
        ):
            return True
    return False


def _glued_before(
    text: str, words: list[str], starts: list[int], ends: list[int], i: int, firsts: frozenset[int]
) -> bool:
    """Is word i glued to a capitalised word before it (directly, or through "al", "de" …)? (:func:`_in_longer_name`)"""
    if i > 0 and i not in firsts and text[ends[i - 1] : starts[i]] == " ":
        before = words[i - 1]
        low = before.lower()
        if _capitalised(before) and (i - 1) not in firsts and low not in _demonyms() and low not in _function_words():
            return True  # ("A Charleston man" after a dash: the article opens no name)
        if (
            low in _name_particles()
            and i > 1
            and _capitalised(words[i - 2])
            and text[ends[i - 2] : starts[i - 1]] == " "
        ):
            return True
    return False


def _before_a_noun(text: str, words: list[str], lower: list[str], starts: list[int], ends: list[int], j: int) -> bool:
    """Is word j a lower-case word other than a connector, right after word j-1 ("the East part", "the North side")?"""
    return (
        j < len(words)
        and text[ends[j - 1] : starts[j]] == " "
        and words[j][0].islower()
        and words[j].isalpha()
        and lower[j] not in _connectors()
    )


def _joined(text: str, ends: list[int], starts: list[int], i: int, j: int, words: list[str]) -> bool:
    """Words i..j-1 form one name: single spaces between them, connectors only inside."""
    for k in range(i, j - 1):
        gap = text[ends[k] : starts[k + 1]]
        if gap != " ":
            return False
        if k > i and not _capitalised(words[k]) and words[k].lower() not in _connectors():
            return False
    return True


# armed groups whose name places a report in their one country of operation ("Hezbollah", "Houthis"); not
# state or foreign forces, which fight abroad ("Israeli forces", "Wagner")
_HOME_GROUP_KINDS = frozenset({"rebel_group", "political_militia", "identity_militia"})


@data_cache
def _actor_names() -> tuple[PhraseMatcher[bool], frozenset[str], dict[str, str]]:
    """
    Names of known people, outlets, organisations and armed groups (the actor dictionaries), title words, and
    the names (as written) of armed groups that operate in one country, with that country's code.

    The locations parser runs before the actor parser (which reads places to give "police" or "protesters"
    their country), so it reads the same dictionaries to keep "New York" in "New York Times", "Rubio" in
    "Marco Rubio" or "Wagner" from becoming places, and to count "Houthi fighters" as evidence for Yemen.
    """
    names: set[str] = set()
    homes: dict[str, str] = {}
    for table, alias_col in (("actors/organizations", 3), ("actors/people", 5), ("actors/groups", 5)):
        for row in load_table(table):
            names.add(row[0])
            aliases = row[alias_col].split("|") if len(row) > alias_col and row[alias_col] else []
            names.update(a.lstrip("~") for a in aliases)
            if table == "actors/groups" and row[1] in _HOME_GROUP_KINDS and len(row[2]) == 2 and row[2].isupper():
                for a in (row[0], *aliases):
                    if a and not a.startswith("~") and homes.setdefault(a, row[2]) != row[2]:
                        homes[a] = ""  # a name shared by groups of two countries is no evidence
    titles = frozenset(r[0].lower().rstrip(".") for r in load_table("actors/titles") if " " not in r[0])
    return PhraseMatcher((n, True) for n in names if n), titles, {k: v for k, v in homes.items() if v}


def _rule(base: str, c: _Cand) -> str:
    """The rule of a reading: *base*, and what the candidate's own words added (a level word, a respelling)."""
    return base + ("+descriptor" if c.level else "") + ("+respelled" if c.respelled else "")


def _confidence(margin: float) -> float:
    """How sure a reading is, from its score's margin over the next one (a logistic curve)."""
    return round(1 / (1 + math.exp(-margin)), 3)


def _blocked_spans(context: Context, evidence: dict[str, int] | None = None) -> list[tuple[int, int]]:
    """
    Where no place can start: names of people, outlets and groups, dates, and people found by earlier parsers.
    The countries of the one-country armed groups named are added to *evidence*.
    """
    an = context.analysis
    matcher, titles, homes = _actor_names()
    spans = [(s, e) for s, e, _ in matcher.finditer(an)]
    if evidence is not None:
        text = an.text
        for s, e in spans:
            home = homes.get(text[s:e])  # as written: "Houthi", not "houthi"
            if home:
                evidence[home] = evidence.get(home, 0) + 1
        for i in an.joined_tokens:  # "pro-Houthi forces", "anti-Balaka militia"
            prefix, _, rest = an.tok_words[i].partition("-")
            home = homes.get(rest) if prefix.lower() in ("pro", "anti", "ex") else None
            if home:
                evidence[home] = evidence.get(home, 0) + 1
    # a capitalised word after a title is a person: "President Zelensky", "Gen. Syrskyi"
    words, starts, ends = an.tok_words, an.tok_starts, an.tok_ends
    last = len(words) - 1
    spans += [(starts[i + 1], ends[i + 1]) for i in an.indices_of(titles) if i < last and words[i + 1][:1].isupper()]
    spans += [(sp.start, sp.end) for a in context.actors if a.kind in _NOT_PLACE_KINDS for sp in a.mentions]
    spans += [(t.span.start, t.span.end) for t in context.times]
    spans.sort()
    return spans


@data_cache
def _respellings() -> tuple[tuple[str, str], ...]:
    """Transliteration variants, in the order they are tried (``locations/respellings.tsv``)."""
    return tuple((r[0], r[1]) for r in load_table("locations/respellings"))


_DOUBLE = regex.compile(r"(\p{L})\1")


def _respelled(gaz: Gazetteer, key: str) -> tuple[int, str, tuple[Place, ...]] | None:
    """
    The gazetteer's places under a transliteration variant of *key*: doubled letters single, "ai"/"ay", "dh"/"d",
    "kh"/"h" …, a final "a"/"ah"; only divisions and towns of 1,000 people or more.
    """
    firsts = [key, _DOUBLE.sub(r"\1", key), key[:-1] + "ah" if key.endswith("a") else key]
    respellings = _respellings()
    firsts += [key.replace(a, b) for a, b in respellings if a in key]
    seen: set[str] = set()
    best: tuple[tuple[bool, int, str], tuple[Place, ...]] | None = None
    for v in dict.fromkeys(firsts):  # a fixed order: the answer must not depend on string hashing
        for w in (v, *(v.replace(a, b) for a, b in respellings if a in v)):
            if w == key or w in seen:
                continue
            seen.add(w)
            if gaz.has_normalized(w):
                places = tuple(p for p in gaz.lookup_normalized(w) if p.kind in _STRONG_KINDS or p.population >= 1000)
                if places:
                    # several variants may name places: a division first, then the most populous
                    rank = (places[0].kind in _STRONG_KINDS, places[0].population, w)
                    if best is None or rank > best[0]:
                        best = (rank, places)
    if best is None:
        return None
    return 1, best[0][2], best[1]


def _with_aliases(gaz: Gazetteer, aliases: dict[str, tuple[Place, ...]], key: str) -> tuple[Place, ...]:
    """The gazetteer's places named *key*, then the divisions known under that name from the alias table."""
    places = gaz.lookup_normalized(key) if gaz.has_normalized(key) else ()
    extra = aliases.get(key)
    if extra:
        places = (*places, *(p for p in extra if p not in places))
    return places


def _tokens_inside(spans: list[tuple[int, int]], starts: list[int], ends: list[int]) -> set[int]:
    """Indices of the tokens that lie wholly inside one of *spans*."""
    out: set[int] = set()
    n = len(starts)
    for s, e in spans:
        k = bisect.bisect_left(starts, s)
        while k < n and ends[k] <= e:
            out.add(k)
            k += 1
    return out


_LEVEL_OF = frozenset(("city", "town", "village", "province", "region", "oblast", "governorate", "district"))
"""Words naming a level in "the city of X" ("the Department of Labor", "the State of Play" are no places)."""

_ROUTE_WORDS = frozenset(
    ("stretch", "road", "highway", "route", "border", "axis", "corridor", "railway", "line", "expressway", "motorway")
)
"""Words after "Town-Town" that make it a road between two towns ("the Mumbai-Barwani stretch"), not one town."""

_DOTTED_FIRST = frozenset(("st", "ste", "ft", "mt"))
"""Abbreviations that open a place's name with a dot: "St. Louis", "Ft. Myers", "Mt. Vernon"."""

_SAINT_FORT = frozenset(("st", "saint", "ste", "san", "santa", "fort", "ft", "mount", "mt", "port", "lake"))
"""Words that make a given name after them a place's name: "St. Louis", "Fort Wayne", "Lake Charles"."""

_IN_DIVISION = (" in ", " in the ")
_POSSESSIVE_GAPS = ("'s ", "\u2019s ")
"""What stands between a name and the division placing it: "Pishchane in the Kharkiv region"."""

_PAREN = regex.compile(r"\(([^()\n]{1,120})\)")


def _link_parentheses(text: str, cands: list[_Cand]) -> list[_Cand]:
    """
    Mark the names that qualify the name before them: inside "(…)" right after it
    ("Ilorin (Borgu LGA, Niger)") or after one comma ("Vodyane, Donetsk").
    """
    out = list(cands)
    for idx, c in enumerate(cands):
        if (
            idx + 1 < len(cands)
            and cands[idx + 1].level == "admin1"
            and out[idx].in_paren_of is None
            and text[c.span_end : cands[idx + 1].start] in _IN_DIVISION
        ):
            out[idx + 1] = cands[idx + 1]._replace(in_paren_of=idx)  # "Pishchane in the Kharkiv region"
            continue
        after = text[c.span_end : c.span_end + 2]
        if after == ", " and idx + 1 < len(cands) and cands[idx + 1].start == c.span_end + 2:
            nxt = cands[idx + 1]
            if out[idx].in_paren_of is None and any(p.kind in ("admin1", "country") for p in nxt.places[:5]):
                out[idx + 1] = nxt._replace(in_paren_of=idx)
            continue
        if not after.startswith(" (") and not after.startswith("("):
            continue
        m = _PAREN.match(text, c.span_end + (1 if after.startswith(" ") else 0))
        if not m:
            continue
        for k in range(idx + 1, len(cands)):
            q = cands[k]
            if q.start >= m.end():
                break
            if q.start >= m.start():
                out[k] = q._replace(in_paren_of=idx)
    return out
