"""
Actors: forces, armed groups, officials, outlets, organisations and sources, typed and coded.

Everything the parser knows is package data under ``conflictnews/data/actors`` (see
``docs/actors.md``): countries and demonyms, named armed groups, media and organisations,
known people with their offices, titles, descriptor nouns ("troops", "military sources",
"civilians"), capitals, and cue words. The tables are indexed once per process by their
first word, so reading a document costs one dictionary look-up per word of the shared token
index; grammar is only parsed around the words that hit:

* proper names (case-sensitive): named groups, media, organisations, known people,
  countries, capitals and seats of government;
* descriptor nouns, read backwards to their modifiers, a country qualifier ("Russian",
  "U.S.", "Ukraine's", "Turkish and Russian") and a determiner, and forwards to
  "of <Country>" ("military forces of Armenia");
* titles, read forwards to the names they introduce ("Presidents Trump and Putin") or
  backwards to an apposition ("Dmitry Peskov, the Kremlin spokesman");
* "militia" after a people's or a place's name ("Fulani militias");
* protest and riot cues, whose grammatical subject is the crowd.

Candidates are resolved left to right (the longest, then the strongest rule) and merged
into one :class:`~conflictnews.model.Actor` per real-world entity, every mention linked.
A country or capital becomes a government actor only where it acts ("Russia has claimed",
"Moscow is refusing", "Russia's aggressive posture"), never after a place preposition
("in Ukraine", "from Ukraine's Sumy region"). Offices and groups' kinds are resolved
against the publication date. Descriptors with no country ("police", "civilians") take
the document's country: from the locations parser when it ran first, else from the
countries and capitals the text names.

:func:`normalise_acled_actor` maps ACLED actor names onto the same kinds and countries, and
:func:`acled_inter` gives ACLED's actor category of a kind.
"""

from __future__ import annotations

import bisect
import datetime
import operator
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, ClassVar, NamedTuple

import regex

from conflictnews._analysis import Analysis
from conflictnews.lexicons import data_cache, load_lexicon, load_table
from conflictnews.model import ACLED_INTER, Actor, ActorKind, ReportWarning, Span
from conflictnews.parsers import PARSER_API_VERSION, Context, Item

__all__ = ["ActorParser", "acled_inter", "normalise_acled_actor"]

Rows = Sequence[Sequence[str]]

# Words exactly as the shared analysis splits them, so dictionary keys and documents agree.
_WORDS = regex.compile(r"[^\W_]++(?:['\u2019\-][^\W_]++)*+")
_POSS = ("'s", "\u2019s")

_DETS = frozenset({"a", "an", "another", "one", "two", "three", "several", "some", "many", "most", "the", "other"})
_SINGLE_DETS = frozenset({"a", "an", "another", "one"})
_PRONOUNS = frozenset({"he", "she", "it", "which", "who", "that", "this", "they"})
_PARTICLES = frozenset(
    {"al", "el", "bin", "ibn", "bint", "ben", "abu", "von", "van", "der", "den", "de", "da", "del", "di", "dos", "du",
     "la", "le"}
)  # fmt: skip
_IDENTITY_QUALIFIERS = frozenset({"ethnic", "communal", "clan", "sub-clan", "tribal", "community"})
_MILITIA_QUALIFIERS = _IDENTITY_QUALIFIERS | {"youth", "vigilante", "self-defence", "self-defense", "local"}
_LOCAL_STATE = frozenset({"regime", "government", "governmental", "govt"})  # "govt forces": the local state's
_CROWD_ROLES = ("protest", "protest_noun", "protest_act", "riot", "riot_noun", "riot_act")
_FAMILY_ORDER = {"name": 0, "people": 1, "title": 2, "head": 3, "militia": 4, **dict.fromkeys(_CROWD_ROLES, 5)}

# ---------------------------------------------------------------------------------------------------------------
# small helpers


def _norm(s: str) -> str:
    """Key for dictionary look-ups: one kind of apostrophe and hyphen, single spaces."""
    s = s.replace("\u2019", "'").replace("\u2018", "'").replace("\u2010", "-").replace("\u2011", "-")
    return " ".join(s.split())


def _date(value: str) -> datetime.date | None:
    value = value.strip()
    return datetime.date.fromisoformat(value) if value else None


def _cells(row: Sequence[str], n: int) -> list[str]:
    return [c.strip() for c in row[:n]] + [""] * max(0, n - len(row))


def _aliases(cell: str) -> list[tuple[str, bool]]:
    """(alias, weak) pairs from a | separated cell; a leading ~ marks a weak alias."""
    out: list[tuple[str, bool]] = []
    for a in cell.split("|"):
        a = a.strip()
        if a:
            out.append((a[1:], True) if a.startswith("~") else (a, False))
    return out


class _Period(NamedTuple):
    start: datetime.date | None
    end: datetime.date | None
    kind: ActorKind
    countries: tuple[str, ...]  # ("*",): the document's country
    title: str | None


def _valid(p: _Period, on: datetime.date) -> bool:
    return (p.start is None or p.start <= on) and (p.end is None or on < p.end)


def _pick(periods: Sequence[_Period], on: datetime.date | None) -> tuple[_Period, bool]:
    """The period valid on *on*, or else the latest one that ended (True: it is over) or the first to come."""
    if on is not None:
        for p in periods:
            if _valid(p, on):
                return p, False
        past = [p for p in periods if p.end is not None and p.end <= on]
        if past:
            return max(past, key=lambda p: p.end or datetime.date.min), True
        return min(periods, key=lambda p: p.start or datetime.date.min), False
    current = [p for p in periods if p.end is None]
    return (current[-1] if current else periods[-1]), False


class _Polity(NamedTuple):
    name: str  # "Russia"
    code: str  # "RU"
    dem: str  # "Russian"


class _Entity(NamedTuple):
    """A dictionary entry reachable by name."""

    type: str  # "group" | "org" | "person" | "country" | "capital" | "seat"
    name: str
    periods: tuple[_Period, ...]


class _Noun(NamedTuple):
    kind: ActorKind
    name: str  # template: {dem}, {country}, {np}
    flags: frozenset[str]
    title: str | None


class _Title(NamedTuple):
    canonical: str
    flags: frozenset[str]


class _Entry(NamedTuple):
    """One phrase of the first-word index."""

    family: str  # "name" | "people" | "title" | "head" | "militia" | "protest" | "riot"
    n: int  # words
    key: str  # normalised phrase (lower case in the case-insensitive index)
    dot: bool  # ends with a full stop ("U.S.")
    cs: bool
    rest: tuple[str, ...]  # the words after the first, as the index compares them


_MULTI = _Entry("multi", 0, "", False, False, ())  # in the first-word index: longer phrases start here


# ---------------------------------------------------------------------------------------------------------------
# the dictionaries, indexed


class _Tables:
    """Every dictionary the parser uses, indexed once."""

    def __init__(
        self,
        *,
        countries: Rows,
        demonyms: Rows,
        polities: Rows,
        capitals: Rows,
        groups: Rows,
        organizations: Rows,
        people: Rows,
        titles: Rows,
        nouns: Rows,
        modifiers: Iterable[str],
        cues: Rows,
        ethnic_groups: Iterable[str],
        name_stopwords: Iterable[str],
    ) -> None:
        # first-word indexes: word -> entries of one word; (first, second word) -> longer entries
        self.index_cs: dict[str, list[_Entry]] = {}
        self.index_ci: dict[str, list[_Entry]] = {}
        self.pairs_cs: dict[tuple[str, str], list[_Entry]] = {}
        self.pairs_ci: dict[tuple[str, str], list[_Entry]] = {}
        # --- countries, polities, demonyms
        self.by_code: dict[str, _Polity] = {}
        self.names: dict[str, list[_Entity]] = {}
        self.weak: set[tuple[str, str]] = set()  # (alias, entity name)
        self.dems: dict[str, _Polity] = {}
        self.plural_dems: dict[str, _Polity] = {}
        self.country_names: dict[str, _Polity] = {}
        dem_rows: dict[str, list[str]] = {}
        for r in demonyms:
            code, dems = _cells(r, 2)
            dem_rows[code] = [d.strip() for d in dems.split("|") if d.strip()]
        for row in countries:
            code, name, aliases = _cells(row, 3)
            if not code or not name:
                continue
            dl = dem_rows.get(code) or [name]
            pol = _Polity(name, code, dl[0])
            self.by_code[code] = pol
            for n in [name, *(a for a, _ in _aliases(aliases))]:
                self.country_names[_norm(n)] = pol
            for d in dl:
                self.dems.setdefault(_norm(d), pol)
        for row in polities:
            name, code, aliases, dems = _cells(row, 4)
            if not name or not code:
                continue
            pol = _Polity(name, code, name)
            for n in [name, *(a for a, _ in _aliases(aliases))]:
                self.country_names[_norm(n)] = pol
            for d in [name, *(d.strip() for d in dems.split("|") if d.strip())]:
                self.dems.setdefault(_norm(d), pol)
        for key, pol in self.country_names.items():
            self.dems.setdefault(key, pol)  # used attributively: "Pakistan Army", "Ukraine's forces"
            self._name(key, _Entity("country", pol.name, ()), weak=False)
        for key, pol in self.dems.items():
            if " " not in key and "." not in key and key[-1:] in ("n", "i", "o") and key not in self.country_names:
                self.plural_dems[key + "s"] = pol  # "Ukrainians", "Israelis", "Filipinos"
        for key in self.plural_dems:
            self._index(key, "people", cs=True)
        # --- capitals and seats of government
        self.capitals: dict[str, _Polity] = {}
        for row in capitals:
            name, code, kind, aliases = _cells(row, 4)
            capital_of = self.by_code.get(code)
            if not name or capital_of is None:
                continue
            for n in [name, *(a for a, _ in _aliases(aliases))]:
                self.capitals[_norm(n)] = capital_of
                self._name(_norm(n), _Entity("seat" if kind == "seat" else "capital", capital_of.name, ()), weak=False)
        self.qualifiers = dict(self.dems)  # before a title: "Russian", "Kremlin" (spokesman)
        for key, ents in self.names.items():
            if any(e.type == "seat" for e in ents):
                self.qualifiers.setdefault(key, self.capitals[key])
        # --- named groups, organisations, people
        periods: dict[tuple[str, str], list[_Period]] = {}
        aliases_of: dict[tuple[str, str], list[tuple[str, bool]]] = {}
        for row in groups:
            name, kind, ctry, start, end, aliases = _cells(row, 6)
            if not name or not kind:
                continue
            codes = tuple(c.strip() for c in ctry.split("|") if c.strip())
            periods.setdefault(("group", name), []).append(
                _Period(_date(start), _date(end), ActorKind(kind), codes, None)
            )
            aliases_of.setdefault(("group", name), []).extend([(name, False), *_aliases(aliases)])
        for row in organizations:
            name, kind, ctry, aliases = _cells(row, 4)
            if not name or not kind:
                continue
            periods.setdefault(("org", name), []).append(
                _Period(None, None, ActorKind(kind), (ctry,) if ctry else (), None)
            )
            aliases_of.setdefault(("org", name), []).extend([(name, False), *_aliases(aliases)])
        for row in people:
            name, ctry, title, start, end, aliases = _cells(row, 6)
            if not name:
                continue
            p = _Period(_date(start), _date(end), ActorKind.PERSON, (ctry,) if ctry else (), title or None)
            periods.setdefault(("person", name), []).append(p)
            aliases_of.setdefault(("person", name), []).extend([(name, False), *_aliases(aliases)])
        self.people: dict[str, _Entity] = {}
        for (typ, name), ps in periods.items():
            ent = _Entity(typ, name, tuple(ps))
            for alias, weak in dict.fromkeys(aliases_of[(typ, name)]):
                if alias == name and typ != "person" and self._descriptive(name, nouns):
                    continue  # "Ukrainian forces" is read as a descriptor, and merges with this entry by name
                self._name(_norm(alias), ent, weak=weak)
                first, _, tail = _norm(alias).partition(" ")
                if typ == "group" and tail and tail != tail.lower() and len(alias) > 6:
                    self._name(f"{first} {tail.lower()}", ent, weak=weak)  # "Al shabaab", "Islamic state"
                if typ == "person":
                    self.people.setdefault(_norm(alias), ent)
        for key in self.names:
            self._index(key, "name", cs=True)
        # --- titles, descriptor nouns, modifiers
        self.titles: dict[str, _Title] = {}
        for row in titles:
            surface, canonical, flags = _cells(row, 3)
            if not surface:
                continue
            fl = frozenset(f.strip() for f in flags.split(",") if f.strip())
            key = _norm(surface) if "cs" in fl else _norm(surface).lower()
            self.titles.setdefault(key, _Title(canonical or surface, fl))
            self._index(key, "title", cs="cs" in fl)
        self.nouns: dict[str, _Noun] = {}
        for row in nouns:
            phrase, kind, name, flags = _cells(row, 4)
            if not phrase or not kind:
                continue
            fl = frozenset(f.strip() for f in flags.split(",") if f.strip())
            self.nouns[_norm(phrase).lower()] = _Noun(ActorKind(kind), name or "{np}", fl, None)
            self._index(_norm(phrase).lower(), "head", cs=False)
        for key in ("militia", "militias", "militiamen", "militia members"):
            self._index(key, "militia", cs=False)
        for key in _KIN_GROUPS:
            self._index(key, "kin", cs=False)
        self.modifiers: set[str] = set()
        self.state_modifiers: set[str] = set()
        for m in modifiers:
            m = m.strip().lower()
            if m.endswith("*"):
                m = m[:-1]
                self.state_modifiers.add(m)
            if m:
                self.modifiers.add(m)
        # --- cues
        self.cues: dict[str, set[str]] = {}
        for row in cues:
            role, phrase = _cells(row, 2)
            if role and phrase:
                self.cues.setdefault(role, set()).add(_norm(phrase).lower())
        for role in _CROWD_ROLES:
            for phrase in self.cues.get(role, ()):
                self._index(phrase, role, cs=False)
        self.ethnic: set[str] = {_norm(e) for e in ethnic_groups if e.strip()}
        self.stop_names: set[str] = set()
        self.org_words: set[str] = set()  # "General Staff", "Labour Union": no person's name
        for w in name_stopwords:
            w = _norm(w)
            if w.endswith("*"):
                self.org_words.add(w[:-1])
            elif w:
                self.stop_names.add(w)
        self.stop_names.update(self.dems, self.country_names, self.plural_dems, self.capitals)
        self.support: set[tuple[str, ...]] = {tuple(_WORDS.findall(p)) for p in self.cues.get("support", ())}
        self.agent_words = self.cues.get("agent", set())
        self.place_preps = self.cues.get("place_prep", set())
        self.place_nouns = self.cues.get("place_noun", set())
        self.index_cs_lower = frozenset(k.lower() for k in self.index_cs)  # for the analysis' lower-case word index
        self.dems_lower = frozenset(k.lower() for k in self.dems)  # the same for the demonyms
        # the lower-case words that may open a phrase of either index: one look-up in the word index for both
        self.index_first_lower = frozenset(self.index_ci).union(self.index_cs_lower)
        for index in (self.index_cs, self.index_ci, self.pairs_cs, self.pairs_ci):
            for entries in index.values():
                entries.sort(key=lambda en: (-en.n, _FAMILY_ORDER.get(en.family, 9), en.key))
        # who holds which office: (title, country) -> people, for "the Russian president"
        self.offices: dict[tuple[str, str], list[tuple[_Entity, _Period]]] = {}
        for ent in dict.fromkeys(self.people.values()):
            for p in ent.periods:
                for code in p.countries:
                    if p.title:
                        self.offices.setdefault((p.title.lower(), code), []).append((ent, p))

        def cue_re(*roles: str) -> regex.Pattern[str]:
            words = sorted({w for r in roles for w in self.cues.get(r, ())}, key=lambda w: (-len(w), w))
            alt = "|".join(regex.escape(w).replace(r"\ ", r"\s++") for w in words) or "(?!)"
            return regex.compile(r"(?<![\p{L}\p{N}])(?i:" + alt + r")(?![\p{L}\p{N}])")

        self.anon_re = cue_re("anonymity")
        self.speech_re = cue_re("speech", "anonymity")
        vb = cue_re("victim_before").pattern
        self.victim_before_re = regex.compile(vb + r"(?:\s++[\p{L}\p{N}\-]++){0,3}?\s++$")
        self.victim_after_re = regex.compile(
            r"\s++(?:(?i:reportedly|also|allegedly|later|then)\s++)?" + cue_re("victim_after").pattern
        )
        # "two men shot at", "men in a car opened fire": up to four words, none an auxiliary, then the act
        self.perp_after_re = regex.compile(
            r"(?:\s++(?!(?i:was|were|is|are|been|being|be|had|has|have|got|and|or|who)(?![\p{L}\p{N}]))"
            r"[\p{L}\p{N}\-]++){0,4}?\s++(?:(?i:who)\s++)?(?:(?i:allegedly|reportedly|also|then|later)\s++)?"
            + cue_re("perp_after").pattern
            # "three people killed in shelling", "12 people killed, 46 wounded": a headline's passive, no act
            + r"(?!\s*+,\s*+\p{N}|\s++(?:(?i:in|by|during|near|after|when|while|as|and)(?![\p{L}\p{N}])))"
        )
        # "was abducted by four men", "were assaulted by unknown people"
        self.perp_before_re = regex.compile(
            cue_re("perp_before").pattern
            + r"(?:\s++[\p{L}\p{N}\-]++){0,6}?\s++(?i:by)(?:\s++[\p{L}\p{N}\-]++){0,4}?\s++$"
        )

    def _descriptive(self, name: str, nouns: Rows) -> bool:
        first, _, rest = name.partition(" ")
        return first in self.dems and any(_cells(r, 1)[0].lower() == rest.lower() for r in nouns)

    def _name(self, key: str, ent: _Entity, *, weak: bool) -> None:
        lst = self.names.setdefault(key, [])
        if ent not in lst:
            lst.append(ent)
        if weak:
            self.weak.add((key, ent.name))

    def _index(self, key: str, family: str, *, cs: bool) -> None:
        words = _WORDS.findall(key)
        if not words:
            return
        if not cs:
            words = [w.lower() for w in words]
        entry = _Entry(family, len(words), key, key.endswith("."), cs, tuple(words[1:]))
        for first in {words[0], words[0].replace("'", "\u2019")}:
            if len(words) == 1:
                lst = (self.index_cs if cs else self.index_ci).setdefault(first, [])
            else:
                for second in {words[1], words[1].replace("'", "\u2019")}:
                    lst = (self.pairs_cs if cs else self.pairs_ci).setdefault((first, second), [])
                    if entry not in lst:
                        lst.append(entry)
                lst = (self.index_cs if cs else self.index_ci).setdefault(first, [])
                if _MULTI not in lst:
                    lst.append(_MULTI)
                continue
            if entry not in lst:
                lst.append(entry)


_TABLE_FILES: dict[str, str] = {
    "countries": "actors/countries",
    "demonyms": "actors/demonyms",
    "polities": "actors/polities",
    "capitals": "actors/capitals",
    "groups": "actors/groups",
    "organizations": "actors/organizations",
    "people": "actors/people",
    "titles": "actors/titles",
    "nouns": "actors/nouns",
    "cues": "actors/cues",
}
_LEXICON_FILES: dict[str, str] = {
    "modifiers": "actors/modifiers",
    "ethnic_groups": "actors/ethnic_groups",
    "name_stopwords": "actors/name_stopwords",
}


def _load(name: str) -> Any:
    if name in _TABLE_FILES:
        return load_table(_TABLE_FILES[name])
    return sorted(load_lexicon(_LEXICON_FILES[name]))


@data_cache
def _default_tables() -> _Tables:
    return _Tables(**{name: _load(name) for name in (*_TABLE_FILES, *_LEXICON_FILES)})


# ---------------------------------------------------------------------------------------------------------------
# the parser


class _Cand(NamedTuple):
    """One mention, before mentions are merged into actors."""

    start: int
    end: int
    prio: float  # which rule wins a tie: a longer dictionary phrase beats a shorter one
    kind: ActorKind
    name: str
    country: str | None
    title: str | None
    rule: str
    conf: float
    entity: str | None = None  # the dictionary entry behind it (weak aliases)
    weak: bool = False
    location: str | None = None
    bare: str | None = None  # a descriptor with no country: its name template
    person: str | None = None  # the person's key


_CONF = {
    "actors/known-group": 0.9,
    "actors/known-person": 0.9,
    "actors/media": 0.9,
    "actors/organization": 0.9,
    "actors/titled-person": 0.85,
    "actors/apposition": 0.8,
    "actors/demonym-force": 0.85,
    "actors/demonym-weapon": 0.8,
    "actors/suspected": 0.6,
    "actors/self-named": 0.5,
    "actors/state-agent": 0.75,
    "actors/metonym": 0.75,
    "actors/anonymous-source": 0.75,
    "actors/generic-source": 0.7,
    "actors/descriptor": 0.7,
    "actors/militia": 0.7,
    "actors/protest-subject": 0.65,
    "actors/protest-event": 0.5,
    "actors/coref": 0.7,
    "actors/document-country": 0.55,
}


class ActorParser:
    """
    Find the actors an article names, typed and coded, with every mention linked.

    Each keyword argument replaces one package table (``data/actors/<name>.tsv`` or ``.txt``)
    with rows of the same shape, e.g. ``groups=[("Wagner Group", "external_forces", "RU", "",
    "", "Wagner|PMC Wagner")]``; tables not given are read from the package, once per process.
    The parser reads ``context.locations`` when a locations parser ran before it: capitals it
    flags as metonyms become government actors (with ``Actor.location`` set), and its places
    give descriptors such as "police" or "protesters" the document's country.

    .. versionadded:: 0.1.0
    """

    name = "actors"
    requires: tuple[str, ...] = ()
    provides: tuple[str, ...] = ("actors",)
    api_version: ClassVar[int] = PARSER_API_VERSION

    def __init__(
        self,
        *,
        countries: Rows | None = None,
        demonyms: Rows | None = None,
        polities: Rows | None = None,
        capitals: Rows | None = None,
        groups: Rows | None = None,
        organizations: Rows | None = None,
        people: Rows | None = None,
        titles: Rows | None = None,
        nouns: Rows | None = None,
        modifiers: Iterable[str] | None = None,
        cues: Rows | None = None,
        ethnic_groups: Iterable[str] | None = None,
        name_stopwords: Iterable[str] | None = None,
    ) -> None:
        given: dict[str, Any] = {
            "countries": countries,
            "demonyms": demonyms,
            "polities": polities,
            "capitals": capitals,
            "groups": groups,
            "organizations": organizations,
            "people": people,
            "titles": titles,
            "nouns": nouns,
            "modifiers": modifiers,
            "cues": cues,
            "ethnic_groups": ethnic_groups,
            "name_stopwords": name_stopwords,
        }
        self._tables: _Tables | None = None  # None: the package data, indexed on first use
        if any(v is not None for v in given.values()):
            self._tables = _Tables(**{k: (_load(k) if v is None else list(v)) for k, v in given.items()})

    def parse(self, context: Context) -> Iterator[Item | ReportWarning]:
        """Yield the document's actors in order of first mention."""
        tables = self._tables if self._tables is not None else _default_tables()
        yield from _Reading(tables, context).actors()


class _Reading:
    """The reading of one document; nothing survives the call."""

    def __init__(self, t: _Tables, context: Context) -> None:
        self.t = t
        self.ctx = context
        an: Analysis = context.analysis
        self.an = an
        self.text = context.text
        self.published = context.document.published
        self.words = an.tok_words
        self.lower = an.tok_lower
        self.starts = an.tok_starts
        self.ends = an.tok_ends
        self.n = len(self.words)
        self.n_chars = len(self.text)
        self.cands: list[_Cand] = []
        self.own_evidence: list[tuple[int, str, float]] = []  # (offset, country, weight) of names in the text
        self.riot_at: list[int] = []
        self._evidence: list[tuple[int, str, float, bool]] | None = None
        self._evidence_at: list[int] = []
        self._country_cache: dict[tuple[int, int], str | None] = {}
        self._place_spans: list[tuple[int, int, int]] | None = None
        self._place_starts: list[int] = []
        self._place_longest = 0

    # --- helpers over the token index

    def gap(self, k: int) -> str:
        """The text between word *k* and word *k* + 1."""
        return self.text[self.ends[k] : self.starts[k + 1]] if k + 1 < self.n else ""

    def spaced(self, k: int) -> bool:
        """Word *k* and the next are separated by white space only."""
        if k + 1 < self.n and self.starts[k + 1] - self.ends[k] == 1:
            ch = self.text[self.ends[k]]  # the usual one-character gap, read without slicing
            return ch != "\n" and ch.isspace()
        g = self.gap(k)
        return bool(g) and g.isspace() and "\n" not in g  # never across a line (paragraph) break

    def joined(self, k: int) -> bool:
        """Word *k* and the next are separated by white space, or by the full stop of "U.S." and white space."""
        if k + 1 < self.n and self.starts[k + 1] - self.ends[k] == 1 and self.text[self.ends[k]] == " ":
            return True
        g = self.gap(k)
        if g and g[0] == "." and len(self.words[k]) > 2:
            return False  # "from Uzbekistan. Protesters": a full stop after a word, not an abbreviation
        return bool(g) and (g.isspace() or (g[0] == "." and g[1:].isspace() and len(g) > 1))

    def match(self, i: int, en: _Entry) -> int | None:
        """The end offset of phrase *en* starting at word *i*, or None."""
        j = i + en.n - 1
        if j >= self.n:
            return None
        e = self.ends[j]
        w = self.words[j]
        if w.endswith(_POSS) and not en.key.endswith("'s"):
            e -= 2
        if en.dot and self.text[e : e + 1] == ".":
            e += 1
        if en.n == 1 and not en.dot:
            return e
        seq = self.words if en.cs else self.lower
        for x, want in enumerate(en.rest, i + 1):
            got = seq[x]
            if (
                got != want
                and got.replace("\u2019", "'") != want
                and (x != j or not got.endswith(_POSS) or got[:-2].replace("\u2019", "'") != want)
            ):
                return None
        surface = _norm(self.text[self.starts[i] : e])
        return e if (surface if en.cs else surface.lower()) == en.key else None

    def qualifier_ending(self, j: int, table: dict[str, _Polity]) -> tuple[_Polity, int, int] | None:
        """A country qualifier ("Russian", "U.S.", "Ukraine's", "North Korean") ending at word *j*."""
        if j < 0:
            return None
        last = self.words[j]
        if not last[:1].isupper():
            return None
        for size in (4, 3, 2, 1):
            k = j - size + 1
            if k < 0 or not self.words[k][:1].isupper():
                continue
            s, e = self.starts[k], self.ends[j]
            surface = self.text[s:e]
            poss = surface.endswith(_POSS)
            if poss:
                surface = surface[:-2]
            elif self.text[e : e + 1] == ".":
                dotted = table.get(_norm(surface + "."))
                if dotted is not None:
                    return dotted, k, s
            pol = table.get(surface) or (table.get(_norm(surface)) if size > 1 else None)
            if pol is not None:
                if (
                    not poss
                    and k >= 1
                    and self.lower[k - 1] in self.t.place_preps
                    and _norm(surface) in self.t.country_names
                ):
                    return None  # "in Ukraine troops ...": a place, not a qualifier ("of Zambia's army" is one)
                return pol, k, s
        return None

    def qualifiers_ending(self, j: int, table: dict[str, _Polity]) -> list[tuple[_Polity, int, int]]:
        """Coordinated qualifiers ending at word *j*: "Turkish and Russian", "Ukrainian, Russian"."""
        out: list[tuple[_Polity, int, int]] = []
        q = self.qualifier_ending(j, table)
        while q is not None and len(out) < 4:
            out.insert(0, q)
            k = q[1]
            if k >= 1 and self.gap(k - 1).strip() == ",":
                q = self.qualifier_ending(k - 1, table)
            elif k >= 2 and self.lower[k - 1] in ("and", "or") and self.spaced(k - 2) and self.spaced(k - 1):
                q = self.qualifier_ending(k - 2, table)
            else:
                q = None
        return out

    def names_org(self, last: int) -> bool:
        """
        The country name or demonym ending at word *last* opens an organisation's name ("workers of Vatican
        Knitwear", "Kenya Airways"): a capitalised word follows that is no descriptor, title, known name or
        stop word ("Pakistan Army", "Ukraine President", "Mexico City" keep their country), outside a headline.
        """
        k = last + 1
        if k >= self.n or self.words[last].endswith(_POSS) or not self.spaced(last):
            return False
        w = self.words[k]
        if not w[:1].isupper() or w.isupper():
            return False
        t = self.t
        lw = self.lower[k]
        if w in t.stop_names or w in t.index_cs or lw in t.index_ci or lw in t.place_nouns or w.endswith(_POSS):
            return False
        return not self.headline(k)

    def org_at(self, end: int) -> bool:
        """The name ending at offset *end* opens an organisation's name (see :meth:`names_org`)."""
        k = bisect.bisect_left(self.ends, end)
        return k < self.n and self.ends[k] == end and self.names_org(k)

    def headline(self, k: int) -> bool:
        """Word *k* is in a title-case line ("Russia Strikes Kyiv Power Grid")."""
        a = self.text.rfind("\n", 0, self.starts[k]) + 1
        b = self.text.find("\n", self.ends[k])
        line = self.text[a : b if b >= 0 else min(self.n_chars, a + 400)][:400]
        words = _WORDS.findall(line)
        return len(words) >= 3 and sum(1 for x in words if x[:1].isupper()) * 3 >= len(words) * 2

    def sentence_start(self, k: int) -> bool:
        return k in self.an.sentence_first_tokens

    # --- document-level facts

    def doc_country(self, pos: int | None = None) -> str | None:
        """
        The country of the places near *pos*: those of its sentence, else of its paragraph, else of the
        whole document (with *pos* None, the document's). Places come from the locations parser when it
        ran first; the countries and capitals the text names count too, for half as much beside them.
        """
        if self._evidence is None:
            ev: list[tuple[int, str, float, bool]] = [(p, c, w, False) for p, c, w in self.own_evidence]
            for loc in self.ctx.locations:
                if loc.country and not loc.metonym:
                    # countries and provinces are safer evidence than town names, which often recur abroad
                    weight = _LOCATION_WEIGHT.get(loc.kind.value, 1.0) * (loc.confidence or 0.5)
                    is_country = loc.kind.value == "country"
                    ev.extend(
                        # "protested against Pakistan", "people who came from Syria": a country the crowd faces
                        # or comes from is not where it stands
                        (m.start, loc.country, weight / _FACED if is_country and self.faced(m.start) else weight, True)
                        for m in loc.mentions
                        if not (is_country and self.org_at(m.end))  # "Vatican Knitwear": no place
                    )
            ev.sort()
            self._evidence = ev
            self._evidence_at = [e[0] for e in ev]
        if not self._evidence:
            return None
        ranges: list[tuple[int, int]] = []
        if pos is not None and self.an.sentences:
            ranges.append(self.an.sentence_at(pos))
            k = _paragraph(self.an.paragraphs, pos)
            para = self.an.paragraphs[k] if k >= 0 else None
            if para is not None:
                ranges.append(para)
        ranges.append((0, self.n_chars + 1))
        for a, b in ranges:
            if (a, b) not in self._country_cache:
                lo, hi = bisect.bisect_left(self._evidence_at, a), bisect.bisect_left(self._evidence_at, b)
                self._country_cache[(a, b)] = _best_country(self._evidence[lo:hi])
            found = self._country_cache[(a, b)]
            if found is not None:
                return found
        return None

    def faced(self, pos: int) -> bool:
        """The word before *pos* makes the place a target, an origin or a destination ("against", "from", "to")."""
        return self.faced_word(bisect.bisect_left(self.starts, pos))

    def faced_word(self, i: int) -> bool:
        """:meth:`faced` for the place named at word *i*."""
        return i > 0 and self.lower[i - 1] in _NOT_WHERE and self.spaced(i - 1)

    def countries_of(self, codes: Sequence[str], pos: int | None = None) -> str | None:
        if not codes:
            return None
        if "*" in codes:
            return self.doc_country(pos)
        if len(codes) == 1:
            return codes[0]
        dc = self.doc_country(pos)
        return dc if dc in codes else codes[0]

    # --- the reading

    def actors(self) -> list[Item | ReportWarning]:
        if self.n == 0:
            return []
        self.scan()
        self.location_metonyms()
        self.self_named()
        kept = self.suspected(self.resolve(self.cands))
        strong = {c.entity for c in kept if c.entity is not None and not c.weak}
        kept = [c for c in kept if not c.weak or c.entity in strong]
        kept = self.settle_bare(kept)
        kept = self.riots(kept)
        kept.extend(self.person_coref(kept))
        kept = self.group_coref(kept)
        return self.build(kept)

    def scan(self) -> None:
        """One pass over the words: every word looked up in the two first-word indexes."""
        t = self.t
        cs, ci = t.index_cs, t.index_ci
        words, lower = self.words, self.lower
        hits: list[tuple[int, _Entry, int]] = []
        # the words that start a dictionary phrase; hyphenated and possessive words get a second look
        # only the words that open a phrase, found through the analysis' word index
        # (a cased entry's word is in the cased index as written; a lower-case one as the word in lower case)
        found_at = [i for i in self.an.indices_of(t.index_first_lower) if lower[i] in ci or words[i] in cs]
        for i in self.an.joined_tokens:
            w = words[i]
            if "-" in w:
                self.hyphenated(i, w)
            if w.endswith(_POSS) and w not in cs and lower[i] not in ci:
                self.lookup(i, cs.get(w[:-2]), ci.get(lower[i][:-2]), hits)
        pairs_cs, pairs_ci = t.pairs_cs, t.pairs_ci
        for i in found_at:  # (:meth:`lookup` written out)
            f1 = cs.get(words[i])
            if f1 is not None:
                self.phrases_at(i, f1, pairs_cs, words, hits)
            f2 = ci.get(lower[i])
            if f2 is not None:
                self.phrases_at(i, f2, pairs_ci, lower, hits)
        # country counts first: descriptors with no country of their own need them
        for i, en, _ in hits:
            if en.family == "name":
                for ent in t.names.get(en.key, ()):
                    if ent.type in ("country", "capital"):
                        pol = (t.country_names if ent.type == "country" else t.capitals).get(en.key)
                        nxt = i + en.n
                        if nxt < self.n and lower[nxt] in _CURRENCY_WORDS:
                            continue  # "the US dollar exchange rate" is no place
                        if ent.type == "country" and self.names_org(nxt - 1):
                            continue  # "Vatican Knitwear": a company's name, no place
                        if pol is not None:
                            weight = 1 / _FACED if self.faced_word(i) else 1.0
                            self.own_evidence.append((self.starts[i], pol.code, weight))
                    elif ent.type == "group" and (en.key, ent.name) not in t.weak:
                        # a group that fights in one country only ("QSD", "Imbonerakure") tells where, a little
                        codes = {c for p in ent.periods for c in p.countries}
                        if len(codes) == 1 and "*" not in codes:
                            self.own_evidence.append((self.starts[i], next(iter(codes)), 0.25))
        # demonyms anywhere ("the Lebanese pound", "the Tunisian General Labour Union") count a little too
        # (only the words that may be one: a demonym in any case, or a possessive, which holds an apostrophe)
        maybe = self.an.indices_of(t.dems_lower)
        if self.an.joined_tokens:
            maybe = sorted({*maybe, *self.an.joined_tokens})
        for i in maybe:
            w = words[i]
            if not w[0].isupper():
                continue  # (the capitalised words only)
            pol = t.dems.get(w[:-2] if w.endswith(_POSS) else w)
            if pol is not None and not w.isupper():
                self.own_evidence.append((self.starts[i], pol.code, 0.25))
        for i, en, e in hits:
            fam = en.family
            if fam == "name":
                self.name(i, en, e)
            elif fam == "head":
                self.descriptor(i, en, e)
            elif fam == "title":
                self.titled(i, en, e)
            elif fam == "people":
                self.people(i, en, e)
            elif fam == "militia":
                self.militia(i, en, e)
            elif fam == "kin":
                self.kin_group(i, e)
            else:
                self.protest(i, e, fam)

    def lookup(
        self, i: int, f1: list[_Entry] | None, f2: list[_Entry] | None, hits: list[tuple[int, _Entry, int]]
    ) -> None:
        """The dictionary phrases that start at word *i*, by its index entries *f1* (cased) and *f2* (lower case)."""
        if f1 is not None:
            self.phrases_at(i, f1, self.t.pairs_cs, self.words, hits)
        if f2 is not None:
            self.phrases_at(i, f2, self.t.pairs_ci, self.lower, hits)

    def phrases_at(
        self,
        i: int,
        found: list[_Entry],
        pairs: dict[tuple[str, str], list[_Entry]],
        seq: list[str],
        hits: list[tuple[int, _Entry, int]],
    ) -> None:
        """:meth:`lookup` for one index's entries *found*, its two-word *pairs* and the words as it reads them."""
        for en in found:
            if en is _MULTI:
                if i + 1 < self.n:
                    nxt = seq[i + 1]
                    longer = pairs.get((seq[i], nxt))
                    if longer is None and nxt.endswith(_POSS):
                        longer = pairs.get((seq[i], nxt[:-2]))
                    for en2 in longer or ():
                        e = self.match(i, en2)
                        if e is not None:
                            hits.append((i, en2, e))
            elif en.dot:
                e = self.match(i, en)
                if e is not None:
                    hits.append((i, en, e))
            else:
                e = self.ends[i]
                hits.append((i, en, e - 2 if self.words[i].endswith(_POSS) else e))

    def add(self, c: _Cand) -> None:
        self.cands.append(c)

    # proper names -------------------------------------------------------------------------------------------------

    def hyphenated(self, i: int, w: str) -> None:
        """
        Names inside a hyphenated word: a group in "pro-Houthi forces" or "Taliban-planted" (never in
        "anti-Houthi"), and a capital in "Mogadishu-Wadajir district" as evidence of the document's country.
        """
        s = self.starts[i]
        parts: list[tuple[str, int, bool]] = []  # (part, offset, may name a group)
        if w.lower().startswith("pro-"):
            parts.append((w[4:], s + 4, True))
        head, _, rest = w.partition("-")
        if head[:1].isupper():
            parts.append((head, s, rest.islower()))
        for part, ps, group in parts:
            for ent in self.t.names.get(part, ()):
                if ent.type in ("group", "org"):
                    if group:
                        self.entity(ps, ps + len(part), part, ent, tail_from=None)
                elif ent.type in ("country", "capital"):
                    pol = (self.t.country_names if ent.type == "country" else self.t.capitals).get(part)
                    if pol is not None:
                        self.own_evidence.append((ps, pol.code, 0.5))

    def name(self, i: int, en: _Entry, e: int) -> None:
        t = self.t
        s = self.starts[i]
        j = i + en.n - 1
        for ent in t.names.get(en.key, ()):
            if ent.type in ("country", "capital"):
                pol = (t.country_names if ent.type == "country" else t.capitals).get(en.key)
                if pol is not None and self.acts(i, j, e):
                    rule = "actors/state-agent" if ent.type == "country" else "actors/metonym"
                    self.add(self.government(s, e, pol, rule))
            elif ent.type == "seat":
                pol = t.capitals.get(en.key)
                if pol is not None:
                    self.add(self.government(s, e, pol, "actors/metonym"))
            else:
                self.entity(s, e, en.key, ent, tail_from=j)

    def entity(self, s: int, e: int, key: str, ent: _Entity, *, tail_from: int | None) -> None:
        weak = (key, ent.name) in self.t.weak
        if ent.type == "person":
            self.add(self.known_person(s, e, ent, None, None, "actors/known-person", 5)._replace(weak=weak))
            return
        period, _ = _pick(ent.periods, self.published)
        if ent.type == "group" and tail_from is not None:
            tail = self.member_tail(tail_from, e)
            nxt = tail_from + 1
            weak = (
                weak
                and tail == e  # "IS militants", "KIA fighters": no longer ambiguous
                and not (nxt < self.n and self.spaced(tail_from) and self.lower[nxt] in _GROUP_ACTS)  # "an IS attack"
            )
            e = tail
        if ent.type == "group":
            rule = "actors/known-group"
        elif period.kind is ActorKind.MEDIA:
            rule = "actors/media"
        else:
            rule = "actors/organization"
        country = self.countries_of(period.countries, s)
        self.add(_Cand(s, e, 5, period.kind, ent.name, country, None, rule, _CONF[rule], ent.name, weak))

    def member_tail(self, j: int, e: int) -> int:
        """ "<Group> fighters", "NAF rebel forces": the group's members belong to its mention."""
        k = j + 1
        if k < self.n and self.spaced(j) and self.lower[k] in ("rebel", "armed", "allied"):
            k += 1
        if k < self.n and self.spaced(k - 1) and self.lower[k] in _MEMBER_NOUNS:
            return self.ends[k]
        return e

    def government(self, s: int, e: int, pol: _Polity, rule: str) -> _Cand:
        return _Cand(s, e, 5, ActorKind.GOVERNMENT, pol.name, pol.code, None, rule, _CONF[rule],
                     location=self.location_at(s, e))  # fmt: skip

    def location_at(self, s: int, e: int) -> str | None:
        """The first place (in the locations parser's order) with a mention covering ``[s, e)``."""
        if self._place_spans is None:
            spans = sorted((sp.start, sp.end, k) for k, loc in enumerate(self.ctx.locations) for sp in loc.mentions)
            self._place_spans = spans
            self._place_starts = [a for a, _, _ in spans]
            self._place_longest = max((b - a for a, b, _ in spans), default=0)
        spans, starts = self._place_spans, self._place_starts
        lo = bisect.bisect_left(starts, s - self._place_longest)
        hi = bisect.bisect_right(starts, s)
        found = min((k for a, b, k in spans[lo:hi] if a <= s and e <= b), default=None)
        return None if found is None else self.ctx.locations[found].id

    def acts(self, i: int, j: int, e: int) -> bool:
        """A country or capital that acts: a verb follows, or a possessive and a common noun ("Russia's posture")."""
        t = self.t
        prev = self.lower[i - 1] if i > 0 and self.spaced(i - 1) else ""
        if prev in t.place_preps:
            return False
        nxt = j + 1
        if self.words[j].endswith(_POSS):
            if nxt >= self.n or not self.spaced(j):
                return False
            w1 = self.words[nxt]
            return not (w1[0].isupper() or self.lower[nxt] in t.place_nouns)
        if nxt >= self.n or self.text[e : e + 1] == ".":
            return prev == "by"
        if not self.spaced(j) and not (self.gap(j).strip() == "," and self.lower[nxt] in ("along", "together")):
            return prev == "by"
        skipped = 0
        while skipped < 3 and nxt + 1 < self.n and self.spaced(nxt):
            # "The United States on Thursday demanded", "Denmark today accepted": a time phrase before the verb
            lw = self.lower[nxt]
            if lw in _TIME_ADVERBS:
                nxt, skipped = nxt + 1, skipped + 1
            elif lw == "on" and self.words[nxt + 1] in _day_names() and nxt + 2 < self.n and self.spaced(nxt + 1):
                nxt, skipped = nxt + 2, skipped + 2
            else:
                break
        w1 = self.words[nxt]
        lw1 = self.lower[nxt]
        if lw1 in ("along", "together") and nxt + 2 < self.n and self.lower[nxt + 1] == "with" and self.spaced(nxt):
            # "Washington along with its allies demanded": the companions stand between the name and its verb
            for k in range(nxt + 2, min(nxt + 8, self.n)):
                if self.gap(k - 1).strip() not in ("", ","):
                    break
                lk = self.lower[k]
                if k > nxt + 2 and (lk in t.agent_words or (lk.endswith("ed") and len(lk) > 4)):
                    return True
            return prev == "by"
        if lw1 in ("and", "or") and nxt + 1 < self.n and self.spaced(nxt):
            # "The United States and Britain struck": the second name decides for both
            for size in (4, 3, 2, 1):
                j2 = nxt + size
                if j2 < self.n and _norm(self.text[self.starts[nxt + 1] : self.ends[j2]]) in t.country_names:
                    return self.acts(nxt + 1, j2, self.ends[j2])
            return False
        if not w1[0].islower():
            return prev == "by"
        if lw1 in t.agent_words or (lw1.endswith("ed") and len(lw1) > 4):
            return True
        if lw1.endswith("ly") and nxt + 1 < self.n and self.spaced(nxt):
            lw2 = self.lower[nxt + 1]
            if lw2 in t.agent_words or (lw2.endswith("ed") and len(lw2) > 4):
                return True
        return prev == "by"

    # descriptor phrases -------------------------------------------------------------------------------------------

    def descriptor(self, h: int, en: _Entry, e_head: int) -> None:
        """A descriptor noun, read back to its modifiers, country qualifiers and determiner, on to "of <Country>"."""
        t = self.t
        noun = t.nouns.get(en.key)
        if noun is None:
            return
        h2 = h + en.n - 1
        mods: list[str] = []
        j = h - 1
        while j >= 0 and len(mods) < 2 and self.lower[j] in t.modifiers and self.spaced(j):
            mods.insert(0, self.lower[j])
            j -= 1
        if noun.kind is ActorKind.STATE_FORCES and j >= 0 and self.lower[j] in _FORMER and self.spaced(j):
            return  # "retired soldiers", "former policemen": veterans, no force
        unit_at = -1
        if "unit" in noun.flags:  # "the 93rd Mechanized Brigade": a unit only after an ordinal
            if j < 0 or not self.spaced(j) or not _ORDINAL.fullmatch(self.lower[j]):
                return
            unit_at = j
            j -= 1
        quals = self.qualifiers_ending(j, t.dems) if j >= 0 and self.joined(j) else []
        first = quals[0][1] if quals else j + 1
        det = ""
        if first >= 1 and self.spaced(first - 1):
            if self.lower[first - 1] in ("no", "neither", "nor", "without"):
                return  # "no reports", "neither civilians nor ..."
            if self.lower[first - 1] in _DETS:
                det = self.lower[first - 1]
        start = quals[0][2] if quals else self.starts[j + 1]
        if unit_at >= 0 and not quals and first >= 1 and self.lower[first - 1] == "the" and self.spaced(first - 1):
            start = self.starts[first - 1]
        end, of = self.of_country(h2, e_head)
        # coordinated countries: the last qualifier (or the first "of" country) takes the phrase, the others their word
        spans: list[tuple[_Polity, int, int]] = [(p, s, self.ends[k]) for p, k, s in quals]
        if spans:
            spans[-1] = (spans[-1][0], spans[-1][1], end if not of else e_head)
        for x, (p, s, e) in enumerate(of):
            spans.append((p, start, e) if x == 0 and not quals else (p, s, e))
        pols = [(p, s) for p, s, _ in spans]
        flags = noun.flags
        if det and (det != "the" or pols or "qualified" in flags):
            start = self.starts[first - 1]
        if "title" in flags:  # only built for unnamed titled people, see titled()
            return
        if "noverb" in flags and self.used_as_verb(h):
            return
        kind = noun.kind
        template = noun.name
        if "mob" in flags and "armed" not in mods and self.done_by(start):
            kind, template = ActorKind.RIOTERS, "{dem} rioters"  # "beaten up by locals": a mob
        elif "victim" in flags and (("perp" in flags and self.done_by(start)) or not self.victim(start, e_head)):
            if "perp" not in flags or not self.perpetrator(start, end, mods):
                return
            kind, template = _UNIDENTIFIED
            flags = flags | {"doc"}
        elif "perp" in flags and kind is not ActorKind.CIVILIANS and not self.perpetrator(start, end, mods):
            return
        if (
            "perp" in flags
            and kind is not ActorKind.CIVILIANS
            and "armed" not in mods
            and _GROUP_OF.search(self.text[max(0, start - 40) : start])
        ):
            kind, template = ActorKind.RIOTERS, "{dem} rioters"  # "beaten by a group of men": a mob
        if "qualified" in flags and not (pols or det == "the" or any(m in t.state_modifiers for m in mods)):
            return
        if "anon" in flags and det in _SINGLE_DETS and self.speech_follows(end):
            kind, template = ActorKind.ANONYMOUS_SOURCE, "{dem} " + en.key
        np = " ".join([*mods, en.key])
        if kind is ActorKind.STATE_FORCES:
            rule = (
                ("actors/demonym-weapon" if "weapon" in flags else "actors/demonym-force")
                if pols
                else "actors/descriptor"
            )
        elif kind is ActorKind.ANONYMOUS_SOURCE:
            rule = "actors/anonymous-source"
        elif kind is ActorKind.GENERIC:
            rule = "actors/generic-source"
        else:
            rule = "actors/descriptor"
        prio = 4 + 0.1 * en.n
        if pols:
            if of:
                prio += 1.5  # "forces of India and Pakistan": "Pakistan" here names no acting government
            for x, (pol, ps, pe) in enumerate(spans):
                s0 = start if x == 0 else ps
                if len(spans) == 1:
                    pe = end
                self.add(_Cand(s0, pe, prio, kind, self.fill(template, pol, np), pol.code, None, rule, _CONF[rule]))
            return
        if any(m in _LOCAL_STATE for m in mods):
            flags = flags | {"local", "doc"}  # "regime security forces", "government militias": the local state's
        if kind in (ActorKind.STATE_FORCES, ActorKind.GOVERNMENT) and "local" not in flags:
            # no country in the phrase: settled once the sides the document names are known
            self.add(_Cand(start, end, prio, kind, en.key, None, None, rule, 0.6, bare=template))
            return
        country = self.doc_country(start) if "doc" in flags else None
        pol2 = t.by_code.get(country) if country and kind not in _SOURCE_KINDS else None
        conf = _CONF[rule] - (0.1 if country else 0.0)
        self.add(_Cand(start, end, prio, kind, self.fill(template, pol2, np), country, None, rule, conf))

    def of_country(self, h2: int, e: int) -> tuple[int, list[tuple[_Polity, int, int]]]:
        """ "forces of Armenia", "military forces of India and Pakistan": the countries after the noun."""
        k = h2 + 1
        if not (k < self.n and self.lower[k] == "of" and self.spaced(h2) and self.spaced(k)):
            return e, []
        k += 1
        if k < self.n and self.lower[k] == "the" and self.spaced(k):
            k += 1
        out: list[tuple[_Polity, int, int]] = []
        end = e
        while k < self.n and len(out) < 4:
            found = None
            for size in (5, 4, 3, 2, 1):
                if k + size - 1 >= self.n:
                    continue
                s2, e2 = self.starts[k], self.ends[k + size - 1]
                pol = self.t.country_names.get(_norm(self.text[s2:e2]))
                if pol is not None:
                    found = (pol, k + size - 1, s2, e2)
                    break
            if found is None:
                break
            out.append((found[0], found[2], found[3]))
            end = found[3]
            k = found[1] + 1
            if k < self.n and self.gap(k - 1).strip() == ",":
                continue
            if k + 1 < self.n and self.lower[k] == "and" and self.spaced(k - 1) and self.spaced(k):
                k += 1
                if k < self.n and self.lower[k] == "the" and self.spaced(k):
                    k += 1
                continue
            break
        return end, out

    @staticmethod
    def fill(template: str, pol: _Polity | None, np: str) -> str:
        if pol is None:
            name = template.replace("{dem} ", "").replace("{dem}", "").replace("{country}", "")
        else:
            name = template.replace("{dem}", pol.dem).replace("{country}", pol.name)
        return name.replace("{np}", np).strip() or np

    def used_as_verb(self, h: int) -> bool:
        """ "Reuters reports that ...": a report noun right after a name or a pronoun is a verb."""
        if h == 0 or not self.spaced(h - 1):
            return False
        w = self.words[h - 1]
        if self.lower[h - 1] in _PRONOUNS:
            return True
        return w[0].isupper() and not self.sentence_start(h - 1)

    def victim(self, s: int, e: int) -> bool:
        if self.t.victim_before_re.search(self.text[max(0, s - 60) : s]):
            return True
        return bool(self.t.victim_after_re.match(self.text, e))

    def perpetrator(self, s: int, e: int, mods: Sequence[str]) -> bool:
        """ "two men opened fire", "was abducted by four men", "unknown people": the phrase names who did it."""
        if any(m in _UNKNOWN_MODIFIERS for m in mods):
            return True
        if self.t.perp_after_re.match(self.text, e, min(len(self.text), e + 60)):
            return True
        return self.done_by(s)

    def done_by(self, s: int) -> bool:
        """The phrase at *s* is the agent of a violent passive ("was abducted by four men")."""
        return bool(self.t.perp_before_re.search(self.text[max(0, s - 80) : s]))

    def speech_follows(self, e: int) -> bool:
        limit = min(self.an.sentence_at(e)[1], e + 80) if self.an.sentences else min(len(self.text), e + 80)
        return bool(self.t.speech_re.search(self.text, e, max(e, limit)))

    # titled people ------------------------------------------------------------------------------------------------

    def titled(self, ti: int, en: _Entry, e_title: int) -> None:
        """A title: the names it introduces, an apposition before it, or an unnamed office-holder or source."""
        t = self.t
        info = t.titles.get(en.key)
        if info is None:
            return
        ti2 = ti + en.n - 1
        q = ti - 1  # "Lebanon's caretaker prime minister": modifiers may stand between country and title
        while q >= 0 and self.lower[q] in t.modifiers and self.spaced(q):
            q -= 1
        quals = self.qualifiers_ending(q, t.qualifiers) if q >= 0 and self.joined(q) else []
        pol = quals[-1][0] if quals else None
        former_at = (quals[0][1] if quals else ti) - 1
        former = former_at >= 0 and self.lower[former_at] in ("former", "ex") and self.spaced(former_at)
        start = quals[-1][2] if quals else self.starts[ti]
        title = None if "honorific" in info.flags else info.canonical
        if former and title:
            title = f"former {title}"
        names = self.names_after(ti2, plural="plural" in info.flags)
        if names:
            for n_idx, (a, b) in enumerate(names):
                s0 = start if n_idx == 0 and len(names) == 1 else self.starts[a]
                self.add(self.person(s0, self.name_end(b), a, b, title, pol, "actors/titled-person", 6))
            return
        if "honorific" in info.flags or "plural" in info.flags:
            return
        if self.apposition(ti, quals, info):
            return
        self.unnamed(ti, ti2, e_title, info, pol, start)

    def name_end(self, b: int) -> int:
        e = self.ends[b]
        return e - 2 if self.words[b].endswith(_POSS) else e

    def names_after(self, k: int, *, plural: bool) -> list[tuple[int, int]]:
        """Word ranges of the names after word *k* (several only after a plural title)."""
        out: list[tuple[int, int]] = []
        cur: list[int] = []
        stop = self.t.stop_names
        k += 1
        first = k
        while k < self.n and len(out) < 4:
            g = self.gap(k - 1)
            lw = self.lower[k]
            if cur and plural and (g.strip() == "," or (lw == "and" and g.isspace())):
                out.append((cur[0], cur[-1]))
                cur = []
                k += 1 if lw == "and" else 0
                if lw == "and":
                    continue
            elif not g.isspace() and not ((cur or k == first) and g[0] == "." and g[1:].isspace() and len(g) > 1):
                break  # only white space between names, or the full stop of "Gen." or an initial
            w = self.words[k]
            base = w[:-2] if w.endswith(_POSS) else w
            if base in self.t.org_words:
                return []  # "General Staff", "General Labour Union"
            name_word = base[:1].isupper() and _norm(base) not in stop
            particle = bool(cur) and lw in _PARTICLES and k + 1 < self.n and self.words[k + 1][:1].isupper()
            if not (name_word or particle):
                break
            cur.append(k)
            if len(cur) > 4 or base != w:
                break
            k += 1
        if cur:
            while cur and self.lower[cur[-1]] in _PARTICLES:
                cur.pop()
            if cur:
                out.append((cur[0], cur[-1]))
        return out if plural else out[:1]

    def apposition(self, ti: int, quals: list[tuple[_Polity, int, int]], info: _Title) -> bool:
        """ "Dmitry Peskov, the Kremlin spokesman": a name of two or more words, a comma, the title."""
        k = (quals[0][1] if quals else ti) - 1
        while k >= 0 and self.lower[k] in self.t.modifiers and self.spaced(k):
            k -= 1
        if k >= 0 and self.lower[k] in ("the", "a", "an", "his", "her") and k >= 1:
            if not self.spaced(k):
                return False
            k -= 1
        if k < 1 or self.gap(k).strip() != ",":
            return False
        b = k
        a = b
        while a - 1 >= 0 and self.words[a - 1][:1].isupper() and self.spaced(a - 1) and b - a < 3:
            a -= 1
        if not self.words[b][:1].isupper() or b == a:
            return False
        if any(self.words[x] in self.t.stop_names or self.words[x] in self.t.org_words for x in range(a, b + 1)):
            return False
        pol = quals[-1][0] if quals else None
        self.add(self.person(self.starts[a], self.ends[b], a, b, info.canonical, pol, "actors/apposition", 5))
        return True

    def unnamed(self, ti: int, ti2: int, e: int, info: _Title, pol: _Polity | None, start: int) -> None:
        """ "the Russian president" (the known office-holder), "a Ukrainian colonel" (an anonymous source)."""
        det_at = (ti - 1) if pol is None else None
        if pol is not None:
            k = bisect.bisect_left(self.starts, start)
            det_at = k - 1
        det = self.lower[det_at] if det_at is not None and det_at >= 0 and self.spaced(det_at) else ""
        if det in _DETS and det_at is not None:
            start = self.starts[det_at]
        if pol is not None:
            holder = self.office_holder(info.canonical, pol.code)
            if holder is not None:
                self.add(holder._replace(start=start, end=e))
                return
        rank = "rank" in info.flags
        if pol is None and (det not in _SINGLE_DETS or not (rank or self.speech_follows(e))):
            return
        anonymous = bool(self.t.anon_re.search(self.text, e, min(len(self.text), e + 60)))
        label = ((pol.dem + " ") if pol else "") + info.canonical.lower()
        name = f"{label} (anonymous)" if anonymous else label
        self.add(_Cand(start, e, 4, ActorKind.ANONYMOUS_SOURCE, name, pol.code if pol else None, info.canonical,
                       "actors/anonymous-source", _CONF["actors/anonymous-source"]))  # fmt: skip

    def office_holder(self, title: str, code: str) -> _Cand | None:
        """The known person holding *title* for *code* on the publication date, when exactly one does."""
        if self.published is None:
            return None
        on = self.published
        found = {ent for ent, p in self.t.offices.get((title.lower(), code), ()) if _valid(p, on)}
        if len(found) != 1:
            return None
        ent = found.pop()
        return _Cand(0, 0, 4, ActorKind.PERSON, ent.name, code, title, "actors/coref", _CONF["actors/coref"],
                     ent.name, person=ent.name)  # fmt: skip

    def person(
        self, s: int, e: int, a: int, b: int, title: str | None, pol: _Polity | None, rule: str, prio: int
    ) -> _Cand:
        surface = _norm(self.text[self.starts[a] : self.name_end(b)])
        ent = self.t.people.get(surface)
        if ent is None and a < b:
            ent = self.t.people.get(_norm(self.words[b]))
        if ent is not None:
            return self.known_person(s, e, ent, title, pol, rule, prio)
        return _Cand(s, e, prio, ActorKind.PERSON, surface, pol.code if pol else None, title, rule, _CONF[rule],
                     person=surface)  # fmt: skip

    def known_person(
        self, s: int, e: int, ent: _Entity, title: str | None, pol: _Polity | None, rule: str, prio: int
    ) -> _Cand:
        """A person of the known-people list, titled as of the publication date."""
        period, over = _pick(ent.periods, self.published)
        country = pol.code if pol else (period.countries[0] if period.countries else None)
        if title is None:
            if period.title:
                title = f"former {period.title}" if over else period.title
        elif self.published is not None and not title.startswith("former "):
            held = [p for p in ent.periods if p.title and p.title.lower() == title.lower()]
            if held and all(p.end is not None and p.end <= self.published for p in held):
                title = f"former {title}"
        return _Cand(s, e, prio, ActorKind.PERSON, ent.name, country, title, rule, _CONF[rule], ent.name,
                     person=ent.name)  # fmt: skip

    # peoples, militias, protests ----------------------------------------------------------------------------------

    def people(self, i: int, en: _Entry, e: int) -> None:
        """ "Palestinians", "Ukrainians": a country's people, as civilians (a protest or riot subject wins)."""
        pol = self.t.plural_dems.get(en.key)
        if pol is not None:
            self.add(_Cand(self.starts[i], e, 3, ActorKind.CIVILIANS, f"{pol.dem} civilians", pol.code, None,
                           "actors/descriptor", 0.6))  # fmt: skip

    def militia(self, h: int, en: _Entry, e: int) -> None:
        """ "Fulani militias", "the Eyenkorin militia", "militias from the Hawadle and Jarer Weyne clans"."""
        t = self.t
        k = h - 1
        qual = ""
        if k >= 0 and self.lower[k] in _MILITIA_QUALIFIERS and self.spaced(k):
            qual = self.lower[k]
            k -= 1
        b = k
        a = b + 1
        while a - 1 >= 0 and a - 1 > b - 3 and self.words[a - 1][:1].isupper() and self.spaced(a - 1):
            a -= 1
        while a <= b and self.words[a] in ("The", "A", "An", "Armed", "Local", "Suspected"):
            a += 1
        country = self.doc_country(self.starts[h])
        if a <= b:
            who = _norm(self.text[self.starts[a] : self.ends[b]])
            if who in t.dems or who in t.country_names or (a == b and self.sentence_start(a) and who not in t.ethnic):
                return
            identity = qual in _IDENTITY_QUALIFIERS or who in t.ethnic or any(w in t.ethnic for w in who.split())
            kind = ActorKind.IDENTITY_MILITIA if identity else ActorKind.POLITICAL_MILITIA
            label = f"{who} {qual + ' ' if qual else ''}militia"
            self.add(_Cand(self.starts[a], e, 3, kind, label, country, None, "actors/militia", _CONF["actors/militia"]))
            return
        fm = _MILITIA_FROM.match(self.text, e)
        if fm is not None and fm.group("kin") is None:
            # "militias from Mbaivur and Mbasombo": villages' or towns' militias, not a country's or a named group's
            names = [_norm(x) for x in fm.group("who").split(" and ")]
            if any(x in t.dems or x in t.country_names or x in t.names for x in names):
                fm = None
        if fm is not None:
            label = f"{_norm(fm.group('who'))} communal militia"
            k0 = h
            while (
                k0 >= 1 and self.spaced(k0 - 1) and (self.lower[k0 - 1] in t.modifiers or self.lower[k0 - 1] in _DETS)
            ):
                k0 -= 1
            s0 = self.starts[k0]
            self.add(_Cand(s0, fm.end(), 5, ActorKind.IDENTITY_MILITIA, label, country, None, "actors/militia",
                           _CONF["actors/militia"]))  # fmt: skip

    def kin_group(self, h: int, e: int) -> None:
        """
        A named clan, caste, tribe or family as a side: "members of the Koli caste", "the Al Salih and Al Tlais
        families", "rival clans". ACLED codes such groups, when they fight, as identity militias.
        """
        if h + 1 < self.n and self.spaced(h) and self.lower[h + 1] in _KIN_NOT_SIDE:
            return  # "clan elders said", "a Rajput caste family": people of the group, not the group as a side
        k = h - 1
        names: list[int] = []
        while k >= 0 and len(names) < 7 and self.spaced(k):
            w = self.words[k]
            if w[:1].isupper() and not self.sentence_start(k) and self.lower[k] not in _DETS:
                names.append(k)
            elif self.lower[k] == "and" and names and k >= 1 and self.words[k - 1][:1].isupper():
                pass
            else:
                break
            k -= 1
        noun = self.lower[h]
        if not names:
            if k >= 0 and self.lower[k] == "rival" and self.spaced(k):
                a = k - 1 if k >= 1 and self.lower[k - 1] in _DETS and self.spaced(k - 1) else k
                country = self.doc_country(self.starts[h])
                self.add(_Cand(self.starts[a], e, 3, ActorKind.IDENTITY_MILITIA, f"{noun} militia", country, None,
                               "actors/militia", _CONF["actors/militia"]))  # fmt: skip
            return
        a = k + 1
        who = _norm(self.text[self.starts[a] : self.ends[h - 1]])
        t = self.t
        if who in t.dems or who in t.country_names or who in t.names or _norm(f"{who} {self.words[h]}") in t.names:
            return  # "the Russian clan", "IS families", "the Gulf Clan" (a named group)
        if k >= 1 and self.lower[k] == "the" and self.lower[k - 1] in ("from", "to") and self.spaced(k - 1):
            return  # "a citizen from the Subaihi tribe": a member, a victim more often than a side
        start = self.starts[a]
        if k >= 2 and self.lower[k] == "the" and self.lower[k - 1] == "of" and self.lower[k - 2] == "members":
            start = self.starts[k - 2]
        elif k >= 0 and self.lower[k] == "the" and self.spaced(k):
            start = self.starts[k]
        if self.victim(start, e):
            return
        label = f"{who} {noun.rstrip('s') if noun != 'families' else 'family'} militia"
        self.add(_Cand(start, e, 3, ActorKind.IDENTITY_MILITIA, label, self.doc_country(start), None,
                       "actors/militia", _CONF["actors/militia"]))  # fmt: skip

    def protest(self, i: int, ve: int, role: str) -> None:
        """
        A protest or riot cue: its grammatical subject is the crowd ("residents blocked the road").

        With no subject in sight a protest or riot cue stands for the crowd itself ("a demonstration
        was held"); an act cue ("blocked the road", "clashed") needs a subject that is no armed actor.
        A riot cue anywhere in a paragraph makes the protesters in it rioters.
        """
        kind = ActorKind.PROTESTERS if role.startswith("protest") else ActorKind.RIOTERS
        if (
            role.endswith("_act")
            and self.lower[i].endswith("ed")
            and i > 0
            and self.spaced(i - 1)
            and self.lower[i - 1] in _NOT_BEFORE_VERB
        ):
            return  # "the recovery of looted funds", "a torched car": a participle, no act
        if role == "riot_noun" and self.background(i):
            return  # "after the riots in the prisons last week": earlier unrest, not this crowd's
        if role == "riot_noun" and i + 1 < self.n and self.lower[i + 1] in _RIOT_GEAR and self.spaced(i):
            return  # "riot police", "riot gear": no riot
        if role.endswith("_noun"):
            verb = self.support_before(i)
            subject = self.subject_before(verb, armed=False) if verb is not None else None
        else:
            subject = self.subject_before(i, armed=role.endswith("_act"))
        if kind is ActorKind.RIOTERS and not (
            subject == "none"
            and role.endswith("_act")
            and not (i > 0 and self.lower[i - 1] in _PASSIVE)
            and not self.lower[i].startswith(_MUTUAL_ACTS)
        ):
            # not when police or troops act alone ("a police officer beat up"); "police clashed with" takes two
            self.riot_at.append(self.starts[i])
        if isinstance(subject, str):
            return  # passive ("was set on fire"), or an armed actor, a country or a person acts
        if subject is not None:
            a, b = subject
            if kind is ActorKind.PROTESTERS and any(self.lower[x] in _RIOTER_WORDS for x in range(a, b + 1)):
                kind = ActorKind.RIOTERS  # "rioters demonstrating against ..." stay rioters
            pol = self.subject_polity(a, b)
            country = pol.code if pol else self.doc_country(self.starts[a])
            pol = pol or (self.t.by_code.get(country) if country else None)
            word = "protesters" if kind is ActorKind.PROTESTERS else "rioters"
            name = f"{pol.dem} {word}" if pol else word
            self.add(_Cand(self.starts[a], self.name_end(b), 6, kind, name, country, None, "actors/protest-subject",
                           _CONF["actors/protest-subject"]))  # fmt: skip
            return
        if role.endswith("_act"):
            return
        word = "protesters" if kind is ActorKind.PROTESTERS else "rioters"
        country = self.doc_country(self.starts[i])
        pol = self.t.by_code.get(country) if country else None
        name = f"{pol.dem} {word}" if pol else word
        self.add(_Cand(self.starts[i], ve, 1, kind, name, country, None, "actors/protest-event",
                       _CONF["actors/protest-event"]))  # fmt: skip

    def subject_polity(self, a: int, b: int) -> _Polity | None:
        """
        The country a crowd's own words give: a demonym ("Greek workers"), one half of a hyphenated demonym
        ("Guinean-European binationals", the half of the document's country first); not a country name
        opening an organisation's name ("workers of Vatican Knitwear").
        """
        t = self.t
        for x in range(a, b + 1):
            w = self.words[x]
            pol = t.plural_dems.get(w) or t.dems.get(w[:-2] if w.endswith(_POSS) else w)
            if pol is not None:
                if self.names_org(x):
                    continue
                return pol
            if "-" in w and w[:1].isupper():
                found = [p for part in w.split("-") if (p := t.dems.get(part)) is not None and part[:1].isupper()]
                if found:
                    code = self.countries_of([p.code for p in found], self.starts[x])
                    return next((p for p in found if p.code == code), found[0])
        return None

    def background(self, i: int) -> bool:
        """A noun at word *i* after a time preposition ("after the intense protests and riots"): an earlier event."""
        k = i - 1
        while k >= 0 and i - k <= 5 and self.spaced(k):
            if self.lower[k] in _BEFORE_TIME:
                return True
            if self.lower[k] not in _NOUN_FILLER and self.lower[k] not in _BACKGROUND_FILLER:
                return False
            k -= 1
        return False

    def support_before(self, i: int) -> int | None:
        """The first word of a support verb before the protest noun at word *i* ("staged a massive sit-in")."""
        k = i - 1
        skipped = 0
        while k >= 0 and skipped < 3 and self.lower[k] in _NOUN_FILLER and self.spaced(k):
            k -= 1
            skipped += 1
        for size in (3, 2, 1):
            a = k - size + 1
            if a >= 0 and tuple(self.lower[a : k + 1]) in self.t.support:
                return a
        return None

    def subject_before(self, i: int, *, armed: bool) -> tuple[int, int] | str | None:
        """
        The words of the subject of the verb phrase at word *i*: from the start of its clause to its
        first verb, not past a place preposition; "none" when the clause is passive or its subject is
        an armed actor, a state or a person; None when there is no subject.
        """
        text = self.text
        vs = self.starts[i]
        ss = self.an.sentence_at(vs)[0] if self.an.sentences else 0
        seg_start = ss if ss <= vs else 0
        depth = 0
        commas: list[tuple[int, int]] = []  # the last two breaks, when commas
        subordinate = False  # the clause opens with "while", "after", "when" ...
        for m in _CLAUSE_BREAK.finditer(text, seg_start, vs):
            ch = m.group()
            if ch == "(":
                depth += 1
            elif ch == ")":
                depth = max(0, depth - 1)
            elif depth == 0:
                commas = [*commas[-1:], (m.start(), seg_start)] if ch == "," else []
                seg_start = m.end()
                subordinate = ch[0].isalpha()
        a = bisect.bisect_left(self.starts, seg_start)
        b = i - 1
        while b >= a and self.lower[b] in _VERB_LEAD:
            b -= 1
        if a > b and len(commas) == 2:
            # "Muslims, offering prayers at a mosque, pelted stones", "traders, angered by ..., threw": subject, aside
            aside = bisect.bisect_left(self.starts, commas[1][1])
            lw = self.lower[aside] if aside < self.n else ""
            if lw in _ASIDE_LEAD or (lw.endswith(("ing", "ed")) and len(lw) > 5):
                a = bisect.bisect_left(self.starts, commas[0][1])
                b = bisect.bisect_left(self.starts, commas[0][0]) - 1
        if b >= a and self.lower[b] in _PASSIVE:
            return "none"
        while a <= b and self.lower[a] in _CLAUSE_LEAD:
            a += 1
        if a > b or (self.lower[a] in _PLACE_LEAD and not self.lower[min(a + 1, b)][:1].isdigit()):
            return None
        if subordinate and len(self.lower[a]) > 5 and self.lower[a].endswith("ing"):
            return None  # "forces, while conducting an operation, clashed": a participle, its subject stands before
        last = a
        while last <= b:
            lw = self.lower[last]
            if last > a and (lw in _PLACE_LEAD or lw in _RELATIVE or self.verb_like(last)):
                break
            last += 1
        last -= 1
        if last - a > 12:
            return None
        t = self.t
        head = a + 1 if self.lower[a] in _DETS and a < last else a
        w = self.words[head]
        if any(e.type in _STATE_ENTITIES for e in t.names.get(w[:-2] if w.endswith(_POSS) else w, ())):
            return "none"  # "Russia protested", "Kyiv protested", "Zelensky protested"
        if armed:
            for x in range(a, last + 1):
                if self.lower[x] in _FORMER:
                    break  # "retired soldiers gathered": veterans, not an armed force
                if (
                    self.lower[x] in _ARMED
                    or self.lower[x] in _weapons()
                    or self.armed_noun_at(x, last)
                    or self.armed_name_at(x, last)
                    or (self.lower[x] in _KIN_GROUPS and x > a and self.words[x - 1][:1].isupper())
                ):
                    # "Russian troops marched", "Boko Haram members looted", "the Koli caste attacked", "drones hit"
                    return "none"
        return (a, last)

    def armed_noun_at(self, x: int, last: int) -> bool:
        """A descriptor noun of an armed kind ("artillery", "air force") starts at word *x*."""
        nouns = self.t.nouns
        for size in (1, 2):
            if x + size - 1 > last:
                break
            noun = nouns.get(" ".join(self.lower[x : x + size]))
            if noun is not None and noun.kind in _ARMED_KINDS:
                return True
        return False

    def armed_name_at(self, x: int, last: int) -> bool:
        """A named armed group or force of one to three words starts at word *x*."""
        for size in (1, 2, 3):
            if x + size - 1 > last:
                break
            key = _norm(self.text[self.starts[x] : self.ends[x + size - 1]])
            for e in self.t.names.get(key[:-2] if key.endswith("'s") else key, ()):
                if e.type == "group" and e.periods[0].kind in _ARMED_KINDS:
                    return True
        return False

    def verb_like(self, k: int) -> bool:
        """A finite verb by its look: a listed verb, or an -ed word after a noun ("residents banged pots")."""
        lw = self.lower[k]
        if lw in self.t.agent_words:
            return True
        if len(lw) > 4 and lw.endswith("ed") and lw not in self.t.modifiers:
            prev = self.lower[k - 1] if k > 0 else ""
            return not (prev in _DETS or prev in ("of", "and", "by", "with", "no") or prev[:1].isdigit())
        return False

    def location_metonyms(self) -> None:
        """Places the locations parser flagged as metonyms ("Moscow said") stand for their government."""
        for loc in self.ctx.locations:
            if not loc.metonym or not loc.country:
                continue
            pol = self.t.by_code.get(loc.country)
            if pol is None:
                continue
            for sp in loc.mentions:
                if 0 <= sp.start < sp.end <= len(self.text):
                    self.add(_Cand(sp.start, sp.end, 7, ActorKind.GOVERNMENT, pol.name, pol.code, None,
                                   "actors/metonym", 0.8, location=loc.id))  # fmt: skip

    # resolution ---------------------------------------------------------------------------------------------------

    @staticmethod
    def resolve(cands: list[_Cand]) -> list[_Cand]:
        """Non-overlapping mentions: leftmost first, then the longest, then the strongest rule."""
        kept: list[_Cand] = []
        last_end = -1
        for c in sorted(cands, key=lambda c: (c.start, -(c.end - c.start), -c.prio, c.name)):
            if c.end <= c.start:
                continue
            if c.start < last_end:
                prev = kept[-1]
                if c.prio > prev.prio and c.end - c.start >= prev.end - prev.start:
                    kept[-1] = c
                    last_end = c.end
                continue
            kept.append(c)
            last_end = c.end
        return kept

    def self_named(self) -> None:
        """
        "The children of fire initiative carried out an arson attack": a group no dictionary knows, told by a
        description with a group's head noun as the subject of carrying out an attack, is an armed group.
        """
        for i in self.an.indices_of(_PERP_VERBS):
            if i < 2 or self.lower[i - 1] not in _SELF_NAMED_HEADS or not _PERP_ACT.match(self.text, self.ends[i]):
                continue
            k = i - 1
            while k > 0 and i - k < 6 and self.spaced(k - 1) and self.lower[k - 1] not in _DETS:
                k -= 1
            if k == 0 or self.lower[k - 1] != "the" or not self.spaced(k - 1) or i - k < 3:
                continue  # a definite description of three words or more, a name: not "the new movement"
            start, end = self.starts[k - 1], self.ends[i - 1]
            if any(c.start < end and start < c.end for c in self.cands):
                continue  # a name or description the dictionaries know
            name = " ".join(self.lower[k:i])
            country = self.doc_country(start)
            rule = "actors/self-named"
            self.add(_Cand(start, end, 3, ActorKind.POLITICAL_MILITIA, name, country, None, rule, _CONF[rule]))

    def suspected(self, kept: list[_Cand]) -> list[_Cand]:
        """
        "Gunmen believed to belong to IS", "unknown gunmen presumably IS": an unidentified armed group the text
        ties to a named group is that group (and a weak name such as "IS" is no longer ambiguous there); so are
        the unidentified attackers told before the one named group that "claimed responsibility".
        """
        claimants = {
            c.entity
            for c in kept
            if c.rule == "actors/known-group"
            and c.kind in _GROUP_KINDS
            and _CLAIMED_RESPONSIBILITY.match(self.text, c.end)
        }
        if len(claimants) == 1:
            # "Militants ambushed a patrol ... JNIM claimed responsibility": the attackers are the claimant
            claimant = next(c for c in kept if c.entity in claimants)
            kept = [
                claimant._replace(start=c.start, end=c.end, rule="actors/suspected", conf=_CONF["actors/suspected"])
                if c.name == _UNIDENTIFIED[1] and c.start < claimant.start
                else c
                for c in kept
            ]
        out: list[_Cand] = []
        for i, c in enumerate(kept):
            nxt = kept[i + 1] if i + 1 < len(kept) else None
            if (
                nxt is not None
                and c.name == _UNIDENTIFIED[1]
                and nxt.rule == "actors/known-group"
                and nxt.start - c.end <= 40
                and _SUSPECTED.fullmatch(self.text, c.end, nxt.start)
            ):
                out.append(
                    nxt._replace(start=c.start, end=c.end, rule="actors/suspected", conf=_CONF["actors/suspected"])
                )
                kept[i + 1] = nxt._replace(weak=False)
                continue
            out.append(c)
        return out

    def settle_bare(self, kept: list[_Cand]) -> list[_Cand]:
        """Forces named with no country: the one side the document names, else its country, else none."""
        sides: dict[str, set[str]] = {}
        for c in kept:
            if (
                c.bare is None
                and c.country
                and c.kind in (ActorKind.STATE_FORCES, ActorKind.GOVERNMENT)
                and c.rule != "actors/demonym-weapon"  # "Israeli airstrikes hit regime positions": not Israel's regime
            ):
                sides.setdefault(_family(c.kind, c.name), set()).add(c.country)
        out: list[_Cand] = []
        for c in kept:
            if c.bare is None:
                out.append(c)
                continue
            named = sides.get(_family(c.kind, c.bare), set())
            if len(named) == 1:
                code: str | None = next(iter(named))
                rule = "actors/coref"
            elif not named:
                code, rule = self.doc_country(c.start), "actors/document-country"
            else:
                code, rule = None, c.rule
            pol = self.t.by_code.get(code) if code else None
            if pol is None and c.kind is ActorKind.GOVERNMENT:
                continue  # "the government" of no known country names no actor
            if pol is None:
                # several sides named: "soldiers" stays its own, unattributed actor
                out.append(c)
                continue
            out.append(c._replace(name=self.fill(c.bare, pol, c.name), country=code, rule=rule, conf=_CONF[rule]))
        return out

    def riots(self, kept: list[_Cand]) -> list[_Cand]:
        """Protesters in a paragraph that reports rioting are rioters."""
        if not self.riot_at or not any(c.kind is ActorKind.PROTESTERS for c in kept):
            return kept
        paras = self.an.paragraphs
        riot_paras = {_paragraph(paras, s) for s in self.riot_at}
        out = []
        for c in kept:
            if c.kind is ActorKind.PROTESTERS and _paragraph(paras, c.start) in riot_paras:
                c = c._replace(kind=ActorKind.RIOTERS, name=c.name.replace("protesters", "rioters"))
            out.append(c)
        return out

    def person_coref(self, kept: list[_Cand]) -> list[_Cand]:
        """A person named in full, later by surname alone ("General Oleksandr Syrskyi ... Syrskyi")."""
        by_last: dict[str, _Cand] = {}
        for c in kept:
            if c.kind is ActorKind.PERSON and c.person and " " in c.person:
                by_last.setdefault(c.person.split()[-1], c)
        if not by_last:
            return []
        spans = sorted((c.start, c.end) for c in kept)
        starts = [s for s, _ in spans]
        out: list[_Cand] = []
        for last in list(by_last):
            by_last[last + "'s"] = by_last[last + "\u2019s"] = by_last[last]
        words = self.words
        for k in self.an.indices_of({w.lower() for w in by_last}):
            w = words[k]
            if w not in by_last:
                continue
            found = by_last[w]
            base = w[:-2] if w.endswith(_POSS) else w
            s = self.starts[k]
            x = bisect.bisect_right(starts, s) - 1
            if x >= 0 and spans[x][1] > s:
                continue
            out.append(found._replace(start=s, end=s + len(base), rule="actors/coref", prio=2, weak=False))
        return out

    def group_coref(self, kept: list[_Cand]) -> list[_Cand]:
        """
        "Hamas … the militant group", "al-Shabaab … the group said": a definite description of an armed
        group is the named group told last before it, when no other collective came between.
        """
        named = {id(c) for c in kept if c.rule == "actors/known-group" and c.kind in _GROUP_KINDS}
        if not named:
            return kept
        kept = sorted(kept, key=_START_END)
        starts = [c.start for c in kept]
        found: list[tuple[int, int, _Cand]] = []  # (start, end, the named group's mention there), ascending
        nouns = self.an.indices_of(_GROUP_NOUNS)
        noun_starts = [self.starts[k] for k in nouns]
        for k in nouns:
            s = self.starts[k]
            if k < 1 or self.lower[k - 1] not in ("the", "militant", "armed", "jihadist", "rebel", "insurgent"):
                continue
            first = k - 1 if self.lower[k - 1] == "the" else k - 2
            if first < 0 or self.lower[first] != "the" or not all(self.spaced(x) for x in range(first, k)):
                continue
            start = self.starts[first]
            x = bisect.bisect_right(starts, s) - 1
            while x >= 0 and kept[x].end > start:  # the description's own mention ("militant"), if any
                x -= 1
            prev = kept[x] if x >= 0 else None
            if prev is None or id(prev) not in named or start - prev.end > _GROUP_REACH:
                continue  # "a group of residents … the group": another collective came last
            if bisect.bisect_left(noun_starts, prev.end) < bisect.bisect_left(noun_starts, start):
                continue  # "X intercepted a group of eleven people … The group comprised": the group told since
            end = self.ends[k]
            lo, hi = bisect.bisect_left(starts, start), bisect.bisect_left(starts, end)
            if any(kept[i].rule == "actors/known-group" and kept[i].end <= end for i in range(lo, hi)):
                continue
            rule = "actors/coref"
            found.append((start, end, prev._replace(start=start, end=end, rule=rule, prio=2, conf=_CONF[rule])))
        if not found:
            return kept
        found_starts = [s for s, _, _ in found]
        out = []
        for c in kept:  # the mentions inside a description ("militant") give way to the group's
            j = bisect.bisect_right(found_starts, c.start) - 1
            if j < 0 or not (found[j][0] <= c.start and c.end <= found[j][1]):
                out.append(c)
        out.extend(c for _, _, c in found)
        return sorted(out, key=_START_END)

    # output -------------------------------------------------------------------------------------------------------

    def build(self, kept: list[_Cand]) -> list[Item | ReportWarning]:
        groups: dict[tuple[str, ...], list[_Cand]] = {}
        for c in sorted(kept, key=_START_END):
            # (a kind is a str enum: it groups as its value does)
            key = ("person", c.person) if c.kind is ActorKind.PERSON and c.person else (
                c.kind, c.name.lower(), c.country or "")  # fmt: skip
            groups.setdefault(key, []).append(c)
        out: list[Item | ReportWarning] = []
        for i, g in enumerate(sorted(groups.values(), key=lambda g: (g[0].start, g[0].end))):
            if len(g) == 1:  # (most actors are named once: what the general case below gives for one mention)
                head = g[0]
                spans: tuple[Span, ...] = (Span(start=head.start, end=head.end),)
                title, country, location = head.title or None, head.country or None, head.location or None
            else:
                spans = tuple(Span(start=s, end=e) for s, e in dict.fromkeys((c.start, c.end) for c in g))
                head = max(g, key=lambda c: (c.conf, c.prio, -c.start))
                titled = [c.title for c in g if c.title and c.rule in ("actors/titled-person", "actors/apposition")]
                title = titled[0] if titled else next((c.title for c in g if c.title), None)
                country = head.country or next((c.country for c in g if c.country), None)
                location = next((c.location for c in g if c.location), None)
            out.append(
                Actor(
                    id=self.ctx.next_id(Actor, i),
                    name=head.name,
                    kind=head.kind,
                    country=country,
                    title=title,
                    mentions=spans,
                    rule=head.rule,
                    confidence=round(min(0.99, head.conf + 0.03 * (len(spans) - 1)), 2),
                    location=location,
                )
            )
        return out


def _best_country(evidence: Sequence[tuple[int, str, float, bool]]) -> str | None:
    """The country with the most weight (the first named on a tie); names count half beside resolved places."""
    if not evidence:
        return None
    scale = 0.5 if any(from_places for *_, from_places in evidence) else 1.0
    counts: dict[str, float] = {}
    first: dict[str, int] = {}
    for pos, code, weight, from_places in evidence:
        counts[code] = counts.get(code, 0.0) + (weight if from_places else weight * scale)
        first.setdefault(code, pos)
    return max(counts, key=lambda c: (counts[c], -first[c]))


def _family(kind: ActorKind, name: str) -> str:
    return "police" if name.endswith(" police") else kind.value


def _paragraph(paras: tuple[tuple[int, int], ...], pos: int) -> int:
    """Index of the paragraph holding *pos*, or -1 (paragraphs are sorted and do not overlap)."""
    i = bisect.bisect_right(paras, pos, key=_first) - 1
    return i if i >= 0 and pos < paras[i][1] else -1


_first = operator.itemgetter(0)
_START_END = operator.attrgetter("start", "end")


_LOCATION_WEIGHT = {"country": 3.0, "admin1": 2.0, "admin2": 1.5, "place": 1.0, "region": 0.5, "feature": 0.5}
_NOT_WHERE = frozenset({"against", "from", "to", "toward", "towards"})  # before a country: not where one stands
_FACED = 6  # such a country weighs a sixth as evidence of where an actor stands
_SOURCE_KINDS = frozenset({ActorKind.GENERIC, ActorKind.ANONYMOUS_SOURCE})
_KIN_GROUPS = ("clan", "clans", "sub-clan", "sub-clans", "caste", "tribe", "tribes", "tribesmen", "families")
_KIN_NOT_SIDE = frozenset(
    {"elder", "elders", "leader", "leaders", "chief", "chiefs", "spokesman", "representatives", "family", "member",
     "man", "woman", "men", "women", "boy", "girl", "boys", "girls", "child", "children", "councilor"}
)  # fmt: skip
_GROUP_ACTS = frozenset(
    {"attack", "attacks", "ambush", "ambushes", "snipers", "sniper", "cell", "cells", "remnants", "militant", "fighter",
     "member", "hideout", "hideouts", "positions", "suicide", "offensive", "assault", "insurgency"}
)  # fmt: skip
_MEMBER_NOUNS = frozenset(
    {"forces", "fighters", "militants", "members", "rebels", "elements", "militiamen", "insurgents", "troops",
     "soldiers", "gunmen", "commander", "commanders", "operatives", "units", "jihadists", "militia", "militias",
     "personnel", "cadres", "fighter", "militant", "member", "insurgent", "soldier", "gunman", "jihadist",
     "militiaman", "operative"}
)  # fmt: skip
_CAP_WORD = r"\p{Lu}[\p{L}\p{M}'\u2019\-]*+"
_MILITIA_FROM = regex.compile(
    r"\s++from\s++(?:the\s++)?(?P<who>" + _CAP_WORD + r"(?:\s++" + _CAP_WORD + r"){0,2}(?:\s++and\s++" + _CAP_WORD
    + r"(?:\s++" + _CAP_WORD + r"){0,2})?)(?P<kin>\s++(?i:(?:sub[\s\-])?clans?|communit(?:y|ies)|tribes?|villages?|"
    r"ethnic\s++groups?)(?![\p{L}\p{N}]))?"
)  # fmt: skip
_CLAUSE_BREAK = regex.compile(r"[,;:()\u2014\u2013]|[.!?](?=\s)|\s-\s|\b(?:said|when|after|as|while|because|but)\b")
_VERB_LEAD = frozenset(
    {"reportedly", "also", "allegedly", "then", "later", "again", "had", "have", "has", "reported", "and", "jointly",
     "peacefully", "briefly", "once", "all", "both", "themselves", "still"}
)  # fmt: skip
_BACKGROUND_FILLER = frozenset({"and", "or", "intense", "recent", "protests", "violent", "deadly"})
_BEFORE_TIME = frozenset({"after", "following", "since", "before", "amid", "despite", "during"})
# between an unidentified armed group and the named group it is tied to: "gunmen believed to belong to IS"
_SUSPECTED = regex.compile(
    r",?\s*+(?:(?:who\s++(?:are|were|was|is)\s++)?(?:believed|thought|suspected|said|reported|alleged)\s++to\s++"
    r"(?:belong\s++to|be(?:\s++(?:members|fighters|militants)\s++of)?)|presumably|probably|likely|allegedly|reportedly|"
    r"suspected\s++to\s++be|linked\s++to|affiliated\s++with|loyal\s++to|belonging\s++to)\s++(?:the\s++)?",
    regex.IGNORECASE,
)
_CLAIMED_RESPONSIBILITY = regex.compile(
    r"\s++(?:has\s++|have\s++|later\s++)?claimed\s++responsibility", regex.IGNORECASE
)
# "the X initiative carried out an arson attack": a group's head noun before a verb of perpetration
_PERP_VERBS = frozenset({"carried", "claimed"})
_PERP_ACT = regex.compile(
    r"\s++(?:out\s++(?:an?\s++|the\s++)?(?:[\p{L}\-]++\s++)?(?:attacks?|bombings?|assaults?|raids?|arson)|"
    r"responsibility\s++for)(?![\p{L}\p{N}])",
    regex.IGNORECASE,
)
_SELF_NAMED_HEADS = frozenset(
    {"initiative", "movement", "cell", "network", "collective", "brigade", "brigades", "battalion", "units", "front",
     "organisation", "organization"}
)  # fmt: skip
_FORMER = frozenset({"retired", "former", "ex"})  # "retired soldiers": no longer a force
_ASIDE_LEAD = frozenset({"mostly", "mainly", "including", "allegedly", "reportedly", "among", "some", "many"})
_NOUN_FILLER = frozenset(
    {"a", "an", "the", "their", "its", "his", "her", "massive", "large", "small", "peaceful", "violent", "joint",
     "another", "second", "new", "solidarity", "spontaneous", "silent", "protest", "several", "two", "mass"}
)  # fmt: skip
_STATE_ENTITIES = frozenset({"country", "capital", "seat", "person"})
_CLAUSE_LEAD = frozenset({"and", "but", "then", "while", "where", "when", "after", "before"})
_PLACE_LEAD = frozenset({"in", "on", "at", "near", "around", "outside", "inside", "across", "from", "over", "during"})
_ARMED = frozenset(
    {"police", "policemen", "policeman", "forces", "troops", "soldiers", "soldier", "army", "military", "militants",
     "fighters", "gunmen", "rebels", "militia", "militias", "militiamen", "insurgents", "jihadists", "gendarmes",
     "authorities", "armed", "assailants", "attackers", "bandits", "gang", "gangs", "gangsters", "cartel", "cartels",
     "criminals", "kidnappers", "robbers", "hitmen", "raiders", "tribesmen", "perpetrators", "guards", "regime"}
)  # fmt: skip
_TIME_ADVERBS = frozenset(("today", "yesterday", "tonight", "earlier", "later", "also", "again", "now", "then"))
"""What may stand between a country and its verb: "Russia on Tuesday demanded", "Denmark today accepted"."""


@data_cache
def _day_names() -> frozenset[str]:
    """The full weekday names of the times data ("on Tuesday" between a country and its verb)."""
    return frozenset(r[0] for r in load_table("times/weekdays") if r[2] == "full")


_GROUP_KINDS = frozenset({ActorKind.REBEL_GROUP, ActorKind.POLITICAL_MILITIA, ActorKind.IDENTITY_MILITIA})
_GROUP_NOUNS = frozenset({"group", "movement", "militia", "organisation", "organization"})
_GROUP_REACH = 1500
"""How far back (characters) the named group may stand that "the group" refers to."""

_ARMED_KINDS = frozenset(
    {ActorKind.STATE_FORCES, ActorKind.EXTERNAL_FORCES, ActorKind.REBEL_GROUP, ActorKind.POLITICAL_MILITIA,
     ActorKind.IDENTITY_MILITIA, ActorKind.GOVERNMENT}
)  # fmt: skip
_ORDINAL = regex.compile(r"\d++(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth")
_UNIDENTIFIED = (ActorKind.POLITICAL_MILITIA, "unidentified armed group")
_UNKNOWN_MODIFIERS = frozenset({"unknown", "unidentified", "armed"})
_GROUP_OF = regex.compile(r"(?i:groups?|crowds?)\s++of(?:\s++[\p{L}\p{N}\-]++){0,3}?\s*+$")
_CURRENCY_WORDS = frozenset({"dollar", "dollars", "euro", "euros", "pound", "pounds", "yuan", "rupee", "rupees"})
_NOT_BEFORE_VERB = frozenset({"a", "an", "the", "of", "its", "their", "his", "her", "newly", "recently"})
_MUTUAL_ACTS = ("clash", "scuffl", "brawl", "fought", "fight")
_RIOT_GEAR = frozenset({"police", "policemen", "gear", "squad", "squads", "unit", "units", "shields", "control"})
_RIOTER_WORDS = frozenset({"rioters", "rioter", "mob", "mobs", "looters"})
_PASSIVE = frozenset({"was", "were", "been", "being", "be", "is", "are", "got"})
_RELATIVE = frozenset({"who", "which", "that", "whose", "whom"})


# ---------------------------------------------------------------------------------------------------------------
# ACLED


def acled_inter(kind: ActorKind | str) -> int | None:
    """
    ACLED's actor category ("inter" code) of an actor *kind*, or None when ACLED has none.

    The codes are :data:`conflictnews.model.ACLED_INTER`'s: state forces 1, rebel groups 2,
    political militias 3, identity militias 4, rioters 5, protesters 6, civilians 7, external or
    other forces 8; a government counts as state forces.

    >>> acled_inter("rebel_group")
    2

    .. versionadded:: 0.1.0
    """
    k = ActorKind(kind)
    return ACLED_INTER[ActorKind.STATE_FORCES] if k is ActorKind.GOVERNMENT else ACLED_INTER.get(k)


class _MapRow(NamedTuple):
    pattern: regex.Pattern[str]
    kind: ActorKind
    country: str  # "{country}", a code, or ""


@data_cache
def _acled_rows() -> tuple[_MapRow, ...]:
    names = sorted({k.lower() for k in _default_tables().country_names}, key=lambda k: (-len(k), k))
    country_alt = "(?P<country>" + "|".join(regex.escape(k) for k in names) + ")"
    out: list[_MapRow] = []
    for row in load_table("actors/acled_actor_map"):
        pattern, kind, country = _cells(row, 3)
        if not pattern or not kind:
            continue
        rx = ""
        for part in regex.split(r"(\{country\}|\*)", pattern):
            if part == "{country}":
                rx += r"(?:the\s++)?" + country_alt
            elif part == "*":
                rx += ".*?"
            else:
                rx += regex.escape(part)
        out.append(_MapRow(regex.compile(rx, regex.IGNORECASE), ActorKind(kind), country))
    return tuple(out)


@data_cache
def _country_keys() -> dict[str, str]:
    return {k.lower(): pol.code for k, pol in _default_tables().country_names.items()}


def _country_code(name: str) -> str | None:
    key = _norm(name).lower()
    if key.startswith("the "):
        key = key[4:]
    return _country_keys().get(key)


def normalise_acled_actor(name: str, *, on: datetime.date | None = None) -> tuple[ActorKind | None, str | None]:
    """
    Map an ACLED actor name onto conflictnews' ``(kind, country)``.

    The rules are package data, ``data/actors/acled_actor_map.tsv`` (the first matching row
    wins): "Military Forces of <Country> (...)" and "Police Forces of <Country> (...)" are
    state forces, "Protesters (<Country>)" protesters, "Unidentified Armed Group (<Country>)"
    a political militia (ACLED codes it inter 3), "<X> Communal Militia (<Country>)" an identity
    militia, and so on. Names with no rule are looked up among the named groups and
    organisations (the whole name, the part after "<ACRONYM>:", or the acronym), and a trailing
    "(<Country>)" gives the country. An "A and/or B" name is read as A. A group whose kind
    changed over time (the Taliban: a rebel group until 2021-08-15) is read as of *on*, the
    event's date (by default the current row, the one with no end date).

    The country is None when the name gives none (a group active in several countries,
    "Unidentified Gang and/or Police Militia"): compare it as "any". ACLED's external forces
    (inter 8) are named like state forces ("Military Forces of Turkey (2016-)"), so they come
    back as state forces of their own country: whether they are external depends on where
    the event happened.

    >>> normalise_acled_actor("Military Forces of Ukraine (2019-)")
    (<ActorKind.STATE_FORCES: 'state_forces'>, 'UA')
    >>> normalise_acled_actor("Unidentified Armed Group (Syria)")
    (<ActorKind.POLITICAL_MILITIA: 'political_militia'>, 'SY')
    >>> normalise_acled_actor("Taliban")
    (<ActorKind.STATE_FORCES: 'state_forces'>, 'AF')

    .. versionadded:: 0.1.0
    """
    name = " ".join(str(name or "").split())
    if not name:
        return (None, None)
    name = regex.split(r"\s+and/or\s+", name, maxsplit=1)[0]
    for row in _acled_rows():
        m = row.pattern.fullmatch(name)
        if m is not None:
            if row.country == "{country}":
                return (row.kind, _country_code(m.group("country")))
            return (row.kind, row.country or None)
    t = _default_tables()
    trailing = regex.search(r"\(([^()]*)\)\s*$", name)
    trailing_code = _country_code(trailing.group(1)) if trailing else None
    candidates = [name]
    if ":" in name:
        acronym, _, full = name.partition(":")
        candidates += [full.strip(), acronym.strip()]
    candidates += [regex.sub(r"\s*\([^()]*\)", "", c).strip() for c in list(candidates)]
    for c in candidates:
        for ent in t.names.get(_norm(c), ()):
            if ent.type in ("group", "org"):
                period, _ = _pick(ent.periods, on)
                codes = period.countries
                code = trailing_code or (codes[0] if len(codes) == 1 and codes[0] != "*" else None)
                return (period.kind, code)
    return (None, trailing_code)


@data_cache
def _weapons() -> frozenset[str]:
    """Weapons and military equipment (the counted nouns of kind "equipment"): "drones attacked" is no crowd."""
    return frozenset(r[0] for r in load_table("quantities/nouns") if r[1] == "equipment" and " " not in r[0])
