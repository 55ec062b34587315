"""
Find dates and periods in news text and normalise them against the publication date.

Two passes over the text. The first finds *atoms* with one combined pattern:
full and partial calendar dates ("March 16, 2025", "16 March", "2025-03-16"),
months, years, seasons, quarters, weekdays, relative days ("yesterday"),
relative periods ("last week", "the past three days", "two days ago"),
anaphoric days ("the next day"), vague references ("now", "recently"),
durations ("six days", "months of talks": TimeML P6D, PXM, with no date) and
recurring times ("every Friday", "daily": TimeML SETs).
The second pass reads the few words before each atom: a part of the period
("early", "mid-", "the end of"), a preposition kept as the modifier ("since",
"as of", "by"), and whether a bare month, year, season or weekday is licensed
as a date at all; it also joins two atoms into a range ("between March 10 and
13", "from August to March").

Relative and year-less expressions resolve against ``Document.published``
(anaphoric ones against the last day the text itself pinned down). Without a
publication date they stay unresolved, with an ``unresolved-time`` warning:
nothing is guessed from the clock.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import calendar
import datetime
from collections.abc import Iterable, Mapping
from typing import ClassVar, NamedTuple

import regex
from dateutil.relativedelta import relativedelta

from conflictnews._analysis import Analysis, word_before
from conflictnews._phrases import alternation
from conflictnews.lexicons import load_lexicon, load_table
from conflictnews.model import Precision, ReportWarning, Span, TimeExpression
from conflictnews.parsers import PARSER_API_VERSION, Context, Item

__all__ = ["TimeParser", "resolve_month_day"]

_MIN_YEAR, _MAX_YEAR = 1000, 2199
_ORDER = {Precision.DAY: 0, Precision.WEEK: 1, Precision.MONTH: 2, Precision.SEASON: 3, Precision.YEAR: 4}
_ONE_DAY = datetime.timedelta(days=1)

# ---------------------------------------------------------------------------------------------
# The atom pattern. {MON}, {MONFULL}, {WD}, {NUM} are filled from the lexicons.

_YEAR = r"(?:1[0-9]\d\d|20\d\d|21\d\d)"
_DAY = r"(?:3[01]|[12][0-9]|0?[1-9])(?![\p{N}]|\s?+(?i:[ap]\.?m)(?![\p{L}]))(?:st|nd|rd|th)?+"
_SEP = r"\s*+(?:-|–|—|to|and|through|until|till)\s*+"

_ATOMS = r"""
(?<![\p{{L}}\p{{N}}]|[\p{{N}}][.,:/])
(?:
  # March 16, 2025 | Sunday, March 16 | March 10-13, 2025 | March 30 to April 2
  (?P<md>
    (?:(?P<md_wd>{WD})\.?+,?+\s++)?
    (?P<md_mon>{MON})\.?+\s++
    (?P<md_d1>{DAY})
    (?:(?P<md_sep>{SEP})(?:(?P<md_mon2>{MON})\.?+\s++)?(?P<md_d2>{DAY}))?
    (?:,?+\s++(?P<md_y>{YEAR})(?![\p{{N}}]|[.,]\d))?
  )
  # 16 March 2025 | Sunday 16 March | 10-13 March | the 16th of March
  | (?P<dm>
    (?:(?P<dm_wd>{WD})\.?+,?+\s++(?:the\s++)?)?
    (?P<dm_d1>{DAY})
    (?:(?P<dm_sep>{SEP})(?P<dm_d2>{DAY}))?
    \s++(?:of\s++)?
    (?P<dm_mon>{MON})(?:\.(?=,?+\s++\d))?  # "20 Sept. 2024", but not the full stop of "on 18 March."
    (?:,?+\s++(?P<dm_y>{YEAR})(?![\p{{N}}]|[.,]\d))?
  )
  # 2025-03-16, 2025/03/16
  | (?P<iso>(?P<iso_y>{YEAR})(?P<iso_s>[-/])(?P<iso_m>1[0-2]|0[1-9])(?P=iso_s)(?P<iso_d>3[01]|[12]\d|0[1-9])
    (?:T\d\d:\d\d(?::\d\d)?+(?:\.\d++)?+(?:Z|[+-]\d\d:?\d\d)?+)?)
  # 16/03/2025, 16.03.2025
  | (?P<num>(?P<num_a>[0-3]?\d)(?P<num_s>[./])(?P<num_b>[0-3]?\d)(?P=num_s)(?P<num_y>{YEAR}))
  # August 2024, March of 2023
  | (?P<my>(?P<my_mon>{MON})\.?+,?+\s++(?:of\s++)?(?P<my_y>{YEAR})(?![\p{{N}}]|[.,]\d))
  # Q3 2024, the third quarter, fourth-quarter, the year-ago quarter, that quarter, year-earlier
  | (?P<qu>
    (?:(?P<qu_that>(?i:that))\s++)?
    (?:(?P<qu_y0>{YEAR})\s++)?
    (?P<qu_mods>(?:(?i:last|this|next|previous|preceding|current|latest|coming|same|comparable|recent|most\s++recent
        |year[\s\-]++(?:ago|earlier)|prior[\s\-]++year|fiscal)\s++){{0,3}})
    (?:(?P<qu_n>(?i:first|second|third|fourth|1st|2nd|3rd|4th))[\s\-]++)?
    (?P<qu_unit>(?i:quarter|period))
    (?:\s++(?:of\s++)?(?P<qu_y>{YEAR}))?
    | Q(?P<qu_n2>[1-4])(?:\s++(?P<qu_y2>{YEAR}))?
    | (?P<qu_adj>(?i:year[\s\-]++(?:ago|earlier)))
  )
  # the coming weeks, in recent days, the near future, now ...
  | (?P<rf>(?i:
      (?:the\s++)?coming\s++(?:days|weeks|months|years)
    | recent\s++(?:days|weeks|months|years)
    | the\s++(?:near\s++|distant\s++)?future
    | the\s++past(?!\s++(?:{NUM}|\d|days?|weeks?|months?|years?|hours?|decades?|weekends?|fortnight|centur)\p{{L}}*+)
    | at\s++present | at\s++the\s++moment | these\s++days | nowadays | currently | recently
    | recent(?=\s++\p{{Ll}})
    | now(?![\-‐])
  ))
  # last week, this month, the past three days, next year, the previous week
  | (?P<ru>
    (?P<ru_rel>(?i:last|this|next|past|coming|previous|preceding|following|current))\s++
    (?:(?P<ru_n>{NUM}|\d{{1,3}}(?![\p{{N}}.,]))\s++)?
    (?P<ru_unit>(?i:weekend|week|month|year|decade|fortnight|day|hour)s?+)
  )
  # (over) the weekend
  | (?P<we>(?<=(?i:the)\s++)(?i:weekend))
  # two days ago, a year earlier, 48 hours later
  | (?P<ag>
    (?P<ag_n>{NUM}|\d{{1,3}}(?![\p{{N}}.,]))\s++
    (?P<ag_unit>(?i:day|week|month|year|decade|hour)s?+)\s++
    (?P<ag_dir>(?i:ago|earlier|later|before(?=\s*+[.,;:)]|\s*+$)|after(?=\s*+[.,;:)]|\s*+$)))
  )
  # six days, 48 hours, a year, several months, a 16-hour flight: a duration (no age: "a 20-year-old")
  | (?P<du>
    (?P<du_n>{NUM}|\d{{1,3}}(?![\p{{N}}.,]))(?:\s++|[\-‐])
    (?P<du_unit>(?i:seconds|(?:minute|hour|day|week|month|year|decade|fortnight)s?+))
    (?![\-‐]|\s++old(?![\p{{L}}])|\s++of\s++age(?![\p{{L}}]))
  )
  # months of talks, years of war: a vague duration
  | (?P<vp>(?P<vp_unit>(?i:hours|days|weeks|months|years|decades))(?=\s++of\s++(?!(?:the|age)(?![\p{{L}}]))\p{{Ll}}))
  # daily, weekly, annually: a recurring time (TimeML SET)
  | (?P<fr>(?i:daily|weekly|monthly|annually|yearly|hourly))
  # the next day, the day before, that night, the same day
  | (?P<an>(?i:
      the\s++(?P<an_rel>next|following|previous|preceding|same)\s++(?P<an_unit>day|morning|afternoon|evening|night)
    | the\s++day\s++(?P<an_dir>before|after)(?=\s*+[.,;:)]|\s*+$)
    | that\s++(?P<an_that>day|night|morning|afternoon|evening)
  ))
  # yesterday, today, tonight, overnight, last night, this morning
  | (?P<rd>(?i:
      the\s++day\s++before\s++yesterday | the\s++day\s++after\s++tomorrow
    | yesterday | today | tomorrow | tonight | overnight | last\s++night
    | this\s++(?:morning|afternoon|evening)
  )(?:\s++(?P<rd_tod>(?i:morning|afternoon|evening|night)))?)
  # every Tuesday, each July, every month: a recurring time (TimeML SET)
  | (?P<st>(?i:each|every)\s++
    (?:(?P<st_wd>{WDFULL})|(?P<st_mon>{MONFULL})|(?P<st_unit>(?i:day|week|month|quarter|year))))
  # (last | this | next) Tuesday (night)
  | (?P<wd>
    (?:(?P<wd_rel>(?i:last|this|next|coming|past))\s++)?
    (?P<wd_name>{WDFULL})
    (?:\s++(?P<wd_tod>(?i:morning|afternoon|evening|night)))?
  )
  # (last | this | next) summer (of 2024)
  | (?P<se>
    (?:(?P<se_rel>(?i:last|this|next|coming|past))\s++)?
    (?P<se_name>(?i:spring|summer|autumn|fall|winter))
    (?:\s++(?:of\s++)?(?P<se_y>{YEAR})(?![\p{{N}}]|[.,]\d))?
  )
  # (last | this | next) August
  | (?P<mo>(?:(?P<mo_rel>(?i:last|this|next|coming|past))\s++)?(?P<mo_mon>{MONFULL}))
  # 2024, 1990s
  | (?P<yr>(?P<yr_y>{YEAR})(?P<yr_s>s)?+(?![\p{{N}}]|[.,]\d))
  # the 13th
  | (?P<od>the\s++(?P<od_d>3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th)(?!\s++(?:of\s++)?(?:{MON})(?![\p{{L}}])))
)
(?![\p{{L}}\p{{N}}])
"""

# What may stand just before an atom: a preposition (kept as the modifier), "the", and a part of the period.
_PREFIX = regex.compile(
    r"""
    (?<![\p{L}\p{N}])
    (?:(?P<prep>since|as\s++of|by|until|till|through|before|after|from|between|around|about|circa|approximately
        |in|on|during|throughout|over|at|of|to|and|or|for|within|last|this|next)\s++)?
    (?:(?P<the>the)\s++)?
    (?:(?P<part>early|mid|late|earlier|later|(?:the\s++)?(?:end|beginning|start|middle|turn|close)\s++of(?:\s++the)?)
       (?:\s++|[\-‐–]))?
    \Z
    """,
    regex.VERBOSE | regex.IGNORECASE,
)
# A match of _PREFIX is a run of these words, each after no letter or digit and before white space or a dash
_PREFIX_WORDS = (
    *("since", "as", "by", "until", "till", "through", "before", "after", "from", "between", "around", "about"),
    *("circa", "approximately", "in", "on", "during", "throughout", "over", "at", "of", "to", "and", "or", "for"),
    *("within", "last", "this", "next", "the", "early", "mid", "late", "earlier", "later", "end", "beginning"),
    *("start", "middle", "turn", "close"),
)
# The run of such words that ends at a position, read right to left: no match of _PREFIX starts before it
_PREFIX_RUN = regex.compile(
    r"(?:(?<![\p{L}\p{N}])(?:"
    + "|".join(sorted(_PREFIX_WORDS, key=lambda w: (-len(w), w)))
    + r")(?:\s++|[\-\u2010\u2013]))*+",
    regex.IGNORECASE | regex.REVERSE,
)
_PREFIX_REACH = 40  # characters before an atom searched for its prefix
# The groups of the prefix and of the atom pattern by number: the regex module answers a group name only after
# failing to read it as a number, which costs ten times a look-up by number (and an atom reads a dozen groups).
_P_PREP, _P_THE, _P_PART = (_PREFIX.groupindex[g] for g in ("prep", "the", "part"))
_G: dict[str, int] = dict(
    regex.compile(
        _ATOMS.format(MON="M", MONFULL="M", WD="W", WDFULL="W", NUM="N", DAY=_DAY, SEP=_SEP, YEAR=_YEAR), regex.VERBOSE
    ).groupindex
)


def _prefix(text: str, start: int) -> regex.Match[str] | None:
    """
    ``_PREFIX.search(text, start - 40, start)``: the preposition, "the" and part of the period before an atom.

    The search tries the pattern at every character of the window, leftmost first; a match can only
    start inside the run of the pattern's words that ends at *start*, so over a long window the search
    starts there (the run read right to left by one reverse match): the same match, found at fewer places.
    """
    lo = max(0, start - _PREFIX_REACH)
    if start - lo > 12:  # a short window is searched as it is
        run = _PREFIX_RUN.match(text, lo, start)
        if run is not None and run.start() > lo:
            lo = run.start()
    m: regex.Match[str] | None = _PREFIX.search(text, lo, start)
    return m


_YEAR_PREPS = frozenset({"in", "since", "by", "until", "till", "before", "after", "during", "from", "of", "through"})
_PART_WORD = {"early": "early", "mid": "mid", "late": "late", "earlier": "earlier", "later": "later"}
_PART_OF = {"end": "late", "close": "late", "beginning": "early", "start": "early", "turn": "early", "middle": "mid"}
_KEEP_PREP = {"since", "as of", "by", "until", "till", "through", "before", "after", "from", "around", "about"}
_PREP_NORMAL = {"till": "until", "about": "around", "circa": "around", "approximately": "around"}

# Prepositions that make a bare month, season or year a date ("in May", "since 2014").
_LICENSING = {
    "since",
    "as of",
    "by",
    "until",
    "till",
    "through",
    "before",
    "after",
    "from",
    "between",
    "in",
    "during",
    "throughout",
    "around",
    "of",
    "last",
    "this",
    "next",
    "over",
    "within",
}

_RANGE_GAP = regex.compile(r"\s*+(?P<sep>-|–|—|to|and|through|until|till)\s*+\Z", regex.IGNORECASE)
_NEXT_WORD = regex.compile(r"[\s\-‐]*+(?P<w>[\p{L}][\p{L}'’]*+)?")
# the run of letters, digits, dots and apostrophes before the white space and commas that end a stretch, matched
# backwards (for :func:`word_before`; its word is group 1)
_PREV_RUN = regex.compile(r"(?r)(?P<w>[\p{L}\p{N}.'’]*+)[\s,]*+")
_OF_NONYEAR = regex.compile(r"\s++of\s++(?!" + _YEAR + r")")
_PAST_VERB = regex.compile(r"(?<![\p{L}])\p{Ll}{3,}ed(?:\s++(?:on|in|at|since|during|until|by|last|early|late))?\s*+\Z")
_PASSIVE_TO_BE = regex.compile(
    r"(?<![\p{L}])(?:(?i:to|will|would|could|should|must|may|might)\s++(?:have\s++)?be(?:en)?|(?i:is|are|being))"
    r"\s++\p{L}++\s*+(?:\p{L}++\s*+)?\Z"
)
_NON_DIGIT = regex.compile(r"\D")
_CAPWORD = regex.compile(r"[\s,]*+(?P<w>\p{Lu}[\p{L}]*+)")
# their groups by number (a name costs several times more: the regex module tries it as a number first)
_RANGE_GAP_SEP = _RANGE_GAP.groupindex["sep"]
_NEXT_WORD_W = _NEXT_WORD.groupindex["w"]
_CAPWORD_W = _CAPWORD.groupindex["w"]


class _State:
    """What the text has pinned down so far: the last day, and the last quarter named."""

    __slots__ = ("day", "quarter")

    def __init__(self) -> None:
        self.day: datetime.date | None = None
        self.quarter: tuple[int, int] | None = None

    def update(self, found: _Found, day: datetime.date | None) -> None:
        if found.when is None or not found.sets_context:
            return
        if found.precision == Precision.DAY and day is not None:
            self.day = day
        v = found.when.value
        if len(v) == 7 and v[4:6] == "-Q":
            self.quarter = (int(v[:4]), int(v[6]))


class _When(NamedTuple):
    start: datetime.date
    end: datetime.date
    precision: Precision | None
    value: str


class _Found(NamedTuple):
    """One time expression before it gets its id."""

    start: int
    end: int
    when: _When | None
    value: str | None
    precision: Precision | None
    relative: bool
    anchor: datetime.date | None
    modifier: str | None
    rule: str
    sets_context: bool = True  # False for periods read back from context ("a year earlier")


def _month_end(y: int, m: int) -> datetime.date:
    return datetime.date(y, m, calendar.monthrange(y, m)[1])


def _day(d: datetime.date, suffix: str = "") -> _When:
    return _When(d, d, Precision.DAY, d.isoformat() + suffix)


def _month(y: int, m: int) -> _When:
    return _When(datetime.date(y, m, 1), _month_end(y, m), Precision.MONTH, f"{y:04d}-{m:02d}")


def _year(y: int) -> _When:
    return _When(datetime.date(y, 1, 1), datetime.date(y, 12, 31), Precision.YEAR, f"{y:04d}")


def _week(d: datetime.date) -> _When:
    iy, iw, wd = d.isocalendar()
    monday = d - datetime.timedelta(days=wd - 1)
    return _When(monday, monday + datetime.timedelta(days=6), Precision.WEEK, f"{iy:04d}-W{iw:02d}")


def _weekend(d: datetime.date) -> _When:
    w = _week(d)
    return _When(w.end - _ONE_DAY, w.end, Precision.WEEK, w.value + "-WE")


def _season(y: int, code: str, first: int) -> _When:
    start = datetime.date(y, first, 1)
    last = start + relativedelta(months=2)
    return _When(start, _month_end(last.year, last.month), Precision.SEASON, f"{y:04d}-{code}")


def _quarter(y: int, q: int) -> _When:
    m = 3 * (q - 1) + 1
    return _When(datetime.date(y, m, 1), _month_end(y, m + 2), Precision.SEASON, f"{y:04d}-Q{q}")


def _valid(y: int, m: int, d: int) -> datetime.date | None:
    if not (_MIN_YEAR <= y <= _MAX_YEAR and 1 <= m <= 12):
        return None
    if d < 1 or d > calendar.monthrange(y, m)[1]:
        return None
    return datetime.date(y, m, d)


def resolve_month_day(month: int, day: int, anchor: datetime.date, *, future: bool = False) -> datetime.date | None:
    """
    The date of year-less *month*/*day* nearest *anchor*: on or before it, or on or after it when *future*.

    >>> resolve_month_day(3, 13, datetime.date(2025, 3, 16))
    datetime.date(2025, 3, 13)
    >>> resolve_month_day(12, 24, datetime.date(2025, 3, 16))
    datetime.date(2024, 12, 24)
    """
    years = range(anchor.year + 1, anchor.year - 5, -1) if not future else range(anchor.year - 1, anchor.year + 5)
    for y in years:
        d = _valid(y, month, day)
        if d is not None and (d >= anchor if future else d <= anchor):
            return d
    return None


def _narrow(w: _When, part: str) -> _When:
    """The early, middle or late third of a month or a year (other periods keep their bounds)."""
    if part not in ("early", "mid", "late") or w.precision not in (Precision.MONTH, Precision.YEAR):
        return w
    if w.precision == Precision.MONTH:
        y, m = w.start.year, w.start.month
        bounds = {"early": (1, 10), "mid": (11, 20), "late": (21, w.end.day)}[part]
        return w._replace(start=datetime.date(y, m, bounds[0]), end=datetime.date(y, m, bounds[1]))
    y = w.start.year
    months = {"early": (1, 4), "mid": (5, 8), "late": (9, 12)}[part]
    return w._replace(start=datetime.date(y, months[0], 1), end=_month_end(y, months[1]))


def _shift(d: datetime.date, unit: str, n: int) -> datetime.date:
    unit = unit.rstrip("s")
    if unit == "day":
        return d + datetime.timedelta(days=n)
    if unit == "hour":
        return d + datetime.timedelta(hours=24 * n // 24) if abs(n) >= 24 else d
    if unit in ("week", "fortnight"):
        return d + datetime.timedelta(weeks=n * (2 if unit == "fortnight" else 1))
    if unit == "month":
        return d + relativedelta(months=n)
    if unit == "year":
        return d + relativedelta(years=n)
    return d + relativedelta(years=10 * n)  # decade


def _unit_period(d: datetime.date, unit: str) -> _When:
    """The calendar period of *unit* ("week", "month", …) that holds *d*."""
    unit = unit.rstrip("s")
    if unit in ("day", "hour"):
        return _day(d)
    if unit in ("week", "fortnight"):
        return _week(d)
    if unit == "weekend":
        return _weekend(d)
    if unit == "month":
        return _month(d.year, d.month)
    if unit == "year":
        return _year(d.year)
    decade = d.year // 10 * 10
    return _When(datetime.date(decade, 1, 1), datetime.date(decade + 9, 12, 31), Precision.YEAR, f"{decade // 10}X")


def _duration(n: int, unit: str) -> str:
    unit = unit.rstrip("s")
    if unit == "hour":
        return f"PT{n}H"
    if unit == "fortnight":
        return f"P{2 * n}W"
    if unit == "decade":
        return f"P{n}DE"
    return f"P{n}{unit[0].upper()}"


_TIME_OF_DAY = {"morning": "TMO", "afternoon": "TAF", "evening": "TEV", "night": "TNI"}


def _vague_duration(unit: str) -> str:
    """The TIMEX3 value of a vague number of *unit*s ("recent weeks" → PXW, "the past few hours" → PTXH)."""
    unit = unit.rstrip("s")
    if unit == "hour":
        return "PTXH"
    if unit == "decade":
        return "PXDE"
    if unit == "fortnight":
        return "PXW"
    return f"PX{unit[0].upper()}"


def _alternation(words: Iterable[str]) -> str:
    """One alternation, longest first, of *words* in title and upper case (case-sensitive on purpose)."""
    forms: set[str] = set()
    for w in words:
        forms.update({w, w[:1].upper() + w[1:], w.upper()})
    return alternation(forms, case_sensitive=True)


def _words(words: list[str]) -> str:
    """The number words (plain lower-case letters, listed longest first) as one case-insensitive trie."""
    if all(w.isascii() and w.isalpha() and w.islower() for w in words) and words == sorted(
        words, key=lambda w: (-len(w), w)
    ):
        return alternation(words)
    return "|".join(words)


class _Lexicons(NamedTuple):
    months: dict[str, int]
    full_months: frozenset[str]
    weekdays: dict[str, int]
    full_weekdays: frozenset[str]
    seasons: dict[str, tuple[str, int]]
    numbers: dict[str, int]
    future: tuple[str, ...]
    past: tuple[str, ...]
    count_nouns: frozenset[str]
    name_words: frozenset[str]
    not_year_before: frozenset[str]


def _default_lexicons() -> _Lexicons:
    months = {r[0]: int(r[1]) for r in load_table("times/months")}
    full_m = frozenset(r[0] for r in load_table("times/months") if r[2] == "full")
    weekdays = {r[0]: int(r[1]) for r in load_table("times/weekdays")}
    full_w = frozenset(r[0] for r in load_table("times/weekdays") if r[2] == "full")
    seasons = {r[0]: (r[1], int(r[2])) for r in load_table("times/seasons")}
    numbers = {r[0]: int(float(r[1])) for r in load_table("quantities/numbers") if r[2] in ("unit", "teen", "tens")}
    tense = load_table("times/tense")
    future = tuple(r[0] for r in tense if r[1] == "future")
    past = tuple(r[0] for r in tense if r[1] == "past")
    nouns = frozenset(r[0].lower() for r in load_table("quantities/nouns"))
    names = load_lexicon("times/weekday_names")
    not_year = load_lexicon("times/not_year_before")
    return _Lexicons(months, full_m, weekdays, full_w, seasons, numbers, future, past, nouns, names, not_year)


class TimeParser:
    """
    Find dates and periods ("March 16, 2025", "last August", "this week", "on Tuesday") and normalise them.

    Args:
        months: Month name → number (default: the ``times/months`` table).
        weekdays: Weekday name → ISO weekday number (default: ``times/weekdays``).
        month_first: Read an ambiguous numeric date such as 03/04/2025 as month/day (US style)
            instead of day/month.
        lookahead_days: A year-less date ("March 20", "in May") whose clause shows no tense is read as
            upcoming when it falls at most this many days after the publication date, else as past.

    .. versionadded:: 0.1.0
    """

    name = "times"
    requires: tuple[str, ...] = ()
    provides: tuple[str, ...] = ("times",)
    api_version: ClassVar[int] = PARSER_API_VERSION

    def __init__(
        self,
        *,
        months: Mapping[str, int] | None = None,
        weekdays: Mapping[str, int] | None = None,
        month_first: bool = False,
        lookahead_days: int = 120,
    ) -> None:
        lex = _default_lexicons()
        if months is not None:
            lex = lex._replace(months=dict(months), full_months=frozenset(months))
        if weekdays is not None:
            lex = lex._replace(weekdays=dict(weekdays), full_weekdays=frozenset(weekdays))
        self._lex = lex
        self._month_first = month_first
        self._lookahead = lookahead_days
        self._months = {k.lower(): v for k, v in lex.months.items()}
        self._weekdays = {k.lower(): v for k, v in lex.weekdays.items()}
        num_words = sorted(lex.numbers, key=lambda w: (-len(w), w))
        tens = [w for w in num_words if lex.numbers[w] >= 20]
        units = [w for w in num_words if lex.numbers[w] < 10]
        num = (
            r"(?i:(?:" + _words(tens) + r")[\s\-]++(?:" + _words(units) + r")|"
            r"a\s++couple\s++of|a\s++few|several|few|couple\s++of|an?|" + _words(num_words) + r")"
        )
        pattern = regex.compile(
            _ATOMS.format(
                MON=_alternation(lex.months),
                MONFULL=_alternation(lex.full_months),
                WD=_alternation(lex.weekdays),
                WDFULL=_alternation(lex.full_weekdays),
                NUM=num,
                DAY=_DAY,
                SEP=_SEP,
                YEAR=_YEAR,
            ),
            regex.VERBOSE,
        )
        if pattern.groupindex != _G:  # the lexicons fill in words, never groups
            raise ValueError("the atom pattern's groups changed")
        self._pattern = pattern
        self._triggers = frozenset(
            {k.lower() for k in (*lex.months, *lex.weekdays, *lex.seasons, *lex.numbers)} | _GRAMMAR_TRIGGERS
        )
        self._openers = self._triggers | _WEAK
        # The trigger words an atom can open with: those some text starting with the word (in any of the cases
        # the pattern reads) could match, by a partial match after "the " (which both lookbehinds of the pattern
        # accept: no letter before an atom, "the" before "weekend"). "near" ("the near future"), "day" or
        # "weeks" only ever follow another word: the pattern is not tried at them. With any other lookbehind
        # in the pattern this cannot be told, and every trigger word is tried.
        forms: dict[str, set[str]] = {}
        for w in (*lex.months, *lex.weekdays):
            for f in (w, w[:1].upper() + w[1:], w.upper()):
                forms.setdefault(f.lower(), set()).add(f)
        self._atom_words = self._triggers
        # the beginnings of atoms ("the day", "two armed") that may start one (True), may not (False) or failed
        # to once (None, not asked yet), filled as they are met
        self._opens: dict[str, bool | None] = {}
        self._filtered = self._pattern.pattern.count("(?<") == 2
        if self._filtered:
            self._atom_words = frozenset(
                k
                for k in self._triggers
                if any(
                    self._pattern.match("the " + v, 4, partial=True)
                    for v in {k, k[:1].upper() + k[1:], k.title(), k.upper(), *forms.get(k, ())}
                )
            )
        # what may follow a number of one to three digits that opens an atom: "3 May", "3 and 4 May", "3 years ago"
        self._after_small = frozenset(self._months) | load_lexicon("times/after_small_number")
        # these three only answer "is there one?", so the order of their words does not matter
        self._future = regex.compile(r"(?<![\p{L}])(?:" + alternation(lex.future) + r")(?![\p{L}])", regex.IGNORECASE)
        self._past = regex.compile(r"(?<![\p{L}])(?:" + alternation(lex.past) + r")(?![\p{L}])", regex.IGNORECASE)
        self._past_after = regex.compile(
            r"[\s,]*+(?:[\p{L}'’]++\s++){0,2}?(?:" + alternation(lex.past) + r"|\p{Ll}{3,}ed)(?![\p{L}])",
            regex.IGNORECASE,
        )

    # -----------------------------------------------------------------------------------------
    def parse(self, context: Context) -> list[Item | ReportWarning]:
        """Return the time expressions of the document, in text order, and a warning for each unresolved one."""
        text = context.text
        found = self.find(text, context.document.published, context)
        out: list[Item | ReportWarning] = []
        warnings: list[ReportWarning] = []
        for i, f in enumerate(found):
            w = f.when
            out.append(
                TimeExpression(
                    id=context.next_id(TimeExpression, i),
                    text=text[f.start : f.end],
                    span=Span(start=f.start, end=f.end),
                    start=w.start if w else None,
                    end=w.end if w else None,
                    precision=f.precision,
                    value=f.value,
                    relative=f.relative,
                    anchor=f.anchor,
                    modifier=f.modifier,
                    rule=f.rule,
                )
            )
            if f.relative and w is None and f.value is None:
                warnings.append(
                    ReportWarning(
                        code="unresolved-time",
                        message=f"{text[f.start : f.end]!r} is relative and the document has no publication date",
                        span=Span(start=f.start, end=f.end),
                        parser=self.name,
                    )
                )
        return out + list(warnings)

    def find(self, text: str, published: datetime.date | None, context: Context | None = None) -> list[_Found]:
        """The time expressions of *text*, resolved against *published*, in text order."""
        analysis = context.analysis if context is not None and context.analysis.text is text else Analysis(text)
        atoms = self._atoms(text, analysis)
        found: list[_Found] = []
        state = _State()
        i = 0
        while i < len(atoms):
            m = atoms[i]
            nxt = atoms[i + 1] if i + 1 < len(atoms) else None
            pre = self._prefix(text, m.start())
            # a range of two atoms: "between March 10 and 13", "from August to March", "2014-2022"
            if nxt is not None:
                try:
                    rng = self._range(text, m, nxt, pre, published, state, context)
                except (OverflowError, ValueError):  # a date outside the calendar (year 1 or 9999)
                    rng = None
                if rng is not None:
                    found.append(rng)
                    state.update(rng, rng.when.end if rng.when else None)
                    i += 2
                    continue
            try:
                atoms_found = self._atom(text, m, pre, published, state, context)
            except (OverflowError, ValueError):
                # "next week" when published is 9999-12-31: outside the calendar, so left unresolved
                atoms_found = self._atom(text, m, pre, None, _State(), context)
            for f in atoms_found:
                if f.precision == Precision.DAY and f.value is not None and len(f.value) == 10:
                    f = _with_clock(text, f, found[-1].end if found else 0)
                    f = _week_of(text, f, found[-1].end if found else 0)
                found.append(f)
                state.update(f, f.when.start if f.when else None)
            i += 1
        return found

    def _atoms(self, text: str, analysis: Analysis) -> list[regex.Match[str]]:
        """
        The atoms of *text*, leftmost first and not overlapping.

        The combined pattern is tried only where a token could open an atom (a month, a digit, "last",
        "the" before "past" …): scanning every character position with it would be several times slower.
        """
        triggers, weak, pattern, atom_words = self._triggers, _WEAK, self._pattern, self._atom_words
        opens = self._opens
        words, lower = analysis.tok_words, analysis.tok_lower
        tok_starts, tok_ends = analysis.tok_starts, analysis.tok_ends
        atoms: list[regex.Match[str]] = []
        last_end = 0
        n = len(words)
        # only these tokens can open an atom; every other one would be skipped below
        candidates = set(analysis.indices_of(self._openers))
        candidates.update(analysis.digit_tokens, analysis.joined_tokens)
        for i in sorted(candidates):
            tok_start = tok_starts[i]
            if tok_start < last_end:
                continue
            w = words[i]
            if "-" in w or "'" in w or "’" in w:
                # "mid-March", "year-ago", "Tuesday's": try each part that follows a hyphen too
                starts = [tok_start] + [tok_start + j + 1 for j, ch in enumerate(w) if ch == "-"]
            else:
                key = lower[i]
                if not (
                    key in atom_words
                    or w[0].isdigit()
                    or (key in weak and i + 1 < n and _next_ok(words[i + 1], triggers))
                ):
                    continue
                if len(w) <= 3 and w.isdigit() and not self._small_number_opens(text, analysis, i):
                    continue  # "70 troops", "12%", "3." — no date starts here (a cheap test before the big pattern)
                starts = [tok_start]
            for pos in starts:
                if pos < last_end:
                    continue
                if len(starts) > 1 or pos != tok_start or "'" in w or "’" in w:
                    key = _key(text, pos, tok_ends[i])
                    if not (key in atom_words or key[:1].isdigit()):
                        continue
                lead = None
                if len(starts) == 1 and not w[0].isdigit():
                    # the pattern costs several microseconds a call, however early it fails: a beginning (the word
                    # and the next one: "the day", "two armed") that failed before is asked once whether it may
                    # open an atom at all, and skipped from then on when it may not
                    lead = text[pos : tok_ends[i + 1] if i + 1 < n else tok_ends[i]]
                    ok = opens.get(lead, True)
                    if ok is None:
                        ok = self._may_open(lead)
                    if not ok:
                        continue
                m = pattern.match(text, pos)
                if lead is not None and lead not in opens:
                    if len(opens) > 50_000:  # a bound for long runs over varied text
                        opens.clear()
                    opens[lead] = True if m is not None else None  # a match shows it may; a failure, not yet
                if m is not None and m.end() > pos:
                    atoms.append(m)
                    last_end = m.end()
                    break
        return atoms

    def _may_open(self, lead: str) -> bool:
        """
        Whether an atom may start with the text *lead* (a word, the white space after it and the next word).

        A partial match after "the " (which both lookbehinds of the pattern accept, as for the opening words):
        None means no text starting with *lead* matches, wherever it stands. The answer is remembered.
        (Asked only of a beginning met twice without a match: a one-off would pay the call twice.)
        """
        ok = self._opens[lead] = not self._filtered or self._pattern.match("the " + lead, 4, partial=True) is not None
        return ok

    def _small_number_opens(self, text: str, analysis: Analysis, i: int) -> bool:
        """May the number of one to three digits at token *i* open a date ("3 May", "16/03/2025", "3-4 May")?"""
        words = analysis.tok_words
        if i + 1 >= len(words):
            return False
        gap = text[analysis.tok_ends[i] : analysis.tok_starts[i + 1]]
        if not gap.strip():
            nxt = analysis.tok_lower[i + 1]
            return nxt in self._after_small or nxt.split("-", 1)[0].rstrip(".") in self._after_small
        return gap.strip() in ("-", "–", "—", "/", ".", "/.")

    # -----------------------------------------------------------------------------------------
    def _prefix(self, text: str, start: int) -> regex.Match[str] | None:
        return _prefix(text, start)

    def _tense(self, text: str, start: int, end: int, context: Context | None) -> str | None:
        """
        "future", "past" or None for the clause around ``[start, end)``.

        A past cue just before the date ("said Friday", "was killed on May 3") wins over a future cue
        further off; a future cue near the date ("will meet on Tuesday", "on Tuesday, talks will") makes it future.
        """
        if context is not None and context.analysis.text is text:
            s, e = context.analysis.sentence_at(start)
        else:
            s, e = max(0, start - 200), min(len(text), end + 200)
        s, e = min(s, start), max(e, end)
        near = max(s, start - 30)
        if self._future.search(text, near, start):
            return "future"
        if (self._past.search(text, near, start) or _PAST_VERB.search(text, near, start)) and not _PASSIVE_TO_BE.search(
            text, max(s, start - 50), start
        ):
            return "past"
        if self._past_after.match(text, end, e):
            return "past"
        if self._future.search(text, max(s, start - 60), min(e, end + 40)):
            return "future"
        return None

    def _number(self, word: str) -> int | None:
        w = " ".join(word.lower().replace("-", " ").split())
        if w.isdigit():
            return int(w)
        if w in ("a", "an", "one"):
            return 1
        if w in ("a couple of", "couple of"):
            return 2
        if w in ("a few", "few", "several"):
            return None
        total = 0
        for part in w.split():
            if part not in self._lex.numbers:
                return None
            total += self._lex.numbers[part]
        return total

    # -----------------------------------------------------------------------------------------
    def _atom(
        self,
        text: str,
        m: regex.Match[str],
        pre: regex.Match[str] | None,
        published: datetime.date | None,
        state: _State,
        context: Context | None,
    ) -> list[_Found]:
        kind = _kind(m)
        start, end = m.start(), m.end()
        prep = (pre.group(_P_PREP) or "").lower() if pre else ""
        prep = " ".join(prep.split())
        part = _part(pre)
        the = bool(pre and pre.group(_P_THE))
        lic = prep in _LICENSING or bool(part)
        # extend the span over the part of the period ("early", "mid-", "the end of")
        if pre is not None and part is not None:
            ps = pre.start(_P_PART)
            if pre.group(_P_THE) and pre.start(_P_THE) < ps and kind in ("ru", "se", "qu", "yr", "od", "we"):
                ps = pre.start(_P_THE)
            start = ps
        elif the and kind in ("ru", "se", "qu", "od", "we") and pre is not None:
            start = pre.start(_P_THE)
        modifier = _modifier(prep, part)
        mk = _Maker(self, text, m, start, end, modifier, published, state, context, prep, part)

        if kind == "md":
            return mk.month_day("md")
        if kind == "dm":
            return mk.month_day("dm")
        if kind == "iso":
            d = _valid(int(m[_G["iso_y"]]), int(m[_G["iso_m"]]), int(m[_G["iso_d"]]))
            return mk.absolute(_day(d) if d else None, "times/iso-date")
        if kind == "num":
            a, b, y = int(m[_G["num_a"]]), int(m[_G["num_b"]]), int(m[_G["num_y"]])
            if m[_G["num_s"]] == "." or not self._month_first:
                day, mon = (a, b) if b <= 12 else (b, a)
            else:
                mon, day = (a, b) if a <= 12 else (b, a)
            d = _valid(y, mon, day)
            return mk.absolute(_day(d) if d else None, "times/numeric-date")
        if kind == "my":
            y = int(m[_G["my_y"]])
            mon = self._months[m[_G["my_mon"]].lower()]
            if not _MIN_YEAR <= y <= _MAX_YEAR:
                return []
            return mk.absolute(_narrow(_month(y, mon), part or ""), "times/month-year")
        if kind == "qu":
            return mk.quarter()
        if kind == "rf":
            return mk.reference()
        if kind == "ru":
            return mk.relative_unit(the)
        if kind == "we":
            return mk.weekend()
        if kind == "ag":
            return mk.ago()
        if kind == "du":
            return mk.duration()
        if kind == "vp":
            unit = m[_G["vp_unit"]].lower()
            return [mk._found(None, "times/duration", relative=False, value=_vague_duration(unit))]
        if kind == "fr":
            word = m.group()
            if word[0].isupper() and not _sentence_start(text, m.start()):
                return []  # "China Daily", "the Daily Mail": a name
            unit = {"daily": "D", "weekly": "W", "monthly": "M", "annually": "Y", "yearly": "Y"}.get(word.lower())
            return [mk._found(None, "times/set", relative=False, value=f"P1{unit}" if unit else "PT1H")]
        if kind == "an":
            return mk.anaphoric()
        if kind == "rd":
            if _name_before(text, m.start()) and m.group()[:1].isupper():
                return []  # "Russia Today", "USA Today"
            return mk.relative_day()
        if kind == "st":
            return mk.recurring()
        if kind == "wd":
            if (
                not m[_G["wd_rel"]]
                and not m[_G["wd_tod"]]
                and _in_name(text, m.start(), m.end(), prep, self._months, self._lex.name_words)
            ):
                return []  # "the Sunday Times", "Bloody Sunday"
            return mk.weekday()
        if kind == "se":
            name = m[_G["se_name"]].lower()
            if not (m[_G["se_rel"]] or m[_G["se_y"]]):
                if name in ("fall", "spring") and not (prep and the) and prep not in ("in", "during", "since", "by"):
                    return []
                if not lic or _OF_NONYEAR.match(text, m.end()):
                    return []  # "the fall of Avdiivka"
            return mk.season()
        if kind == "mo":
            if not m[_G["mo_rel"]] and not lic:
                return []  # "troops March on", "Theresa May"
            return mk.month()
        if kind == "yr":
            if not self._is_year(text, m, prep, part, the):
                return []
            return mk.year()
        if kind == "od":
            if prep not in ("on", "by", "since", "until", "till", "from", "before", "after", "of"):
                return []
            w = _NEXT_WORD.match(text, m.end())
            nxt = (w.group(_NEXT_WORD_W) or "").lower() if w else ""
            if nxt and nxt not in ("and", "or", "at", "when", "as", "of", "in", "after", "before", "but"):
                return []  # "the 3rd Assault Brigade", "the 13th century"
            return mk.ordinal_day()
        return []

    def _is_year(self, text: str, m: regex.Match[str], prep: str, part: str | None, the: bool) -> bool:
        y = int(m[_G["yr_y"]])
        if not 1800 <= y <= 2100:
            return False
        pw = word_before(_PREV_RUN, text, max(0, m.start() - 30), m.start())
        prev = pw[1].lower().rstrip(".") if pw else ""
        before = text[max(0, m.start() - 2) : m.start()]
        if any(c in before for c in "$€£#¥₴₽"):
            return False
        if prev in self._lex.not_year_before:
            return False
        capitalised = prev and pw is not None and pw[1][:1].isupper()
        if capitalised and pw is not None and not (prep or the or part) and not _sentence_start(text, pw[0]):
            return False  # "Resolution 2231", "Su 2025": a capitalised word that is not a sentence opener names it
        w = _NEXT_WORD.match(text, m.end())
        nxt = w.group(_NEXT_WORD_W) if w else None
        if nxt and text[m.end() : m.end() + 1] in ("-", "‐") and nxt.lower() in ("year", "years", "old"):
            return False
        if prep in _YEAR_PREPS or part:
            return True  # "in 2014", "since 2014", "mid-2024"
        if nxt and nxt.lower() in self._lex.count_nouns:
            return False  # "2000 troops", "1500 km"
        if prep or the:
            return True
        # with no preposition, a plural noun after the number makes it a count: "killed 2000 civilians"
        return not (nxt and nxt.islower() and len(nxt) > 3 and nxt.endswith("s") and not nxt.endswith("ss"))

    # -----------------------------------------------------------------------------------------
    def _range(
        self,
        text: str,
        a: regex.Match[str],
        b: regex.Match[str],
        pre: regex.Match[str] | None,
        published: datetime.date | None,
        state: _State,
        context: Context | None,
    ) -> _Found | None:
        ka, kb = _kind(a), _kind(b)
        if ka not in _RANGEABLE or kb not in _RANGEABLE:
            return None
        gap = _RANGE_GAP.match(text, a.end(), b.start()) if b.start() - a.end() <= 12 else None
        if gap is None:
            return None
        sep = gap.group(_RANGE_GAP_SEP).lower()
        prep = " ".join((pre.group(_P_PREP) or "").lower().split()) if pre else ""
        if sep == "and" and prep != "between":
            return None
        open_range = ka == kb and ka in ("md", "dm", "my")  # "March 10 to March 13" needs no "from"
        if sep in ("to", "through", "until", "till") and prep not in ("from", "between") and not open_range:
            return None
        if (ka == "yr" or kb == "yr") and ka != kb:
            return None
        one = self._atom(text, a, pre, published, state, context)
        if len(one) != 1:
            return None
        first = one[0]
        # the second atom is licensed by the range itself ("from August to March")
        two = self._atom(text, b, _prefix(text, b.start()), published, state, context)
        if len(two) != 1 and kb == "mo":
            two = self._atom(text, b, _PREFIX.search("in ", 0, 3), published, state, context)
        if len(two) != 1:
            return None
        second = two[0]
        wa, wb = first.when, second.when
        rule = "times/range"
        if wa is None or wb is None:
            relative = first.relative or second.relative
            return _Found(first.start, second.end, None, None, None, relative, None, _modifier(prep, None), rule)
        # a year-less first part lies before the second ("from August to March" → August of the year before)
        if wa.start > wb.end:
            shift = relativedelta(years=1)
            if ka in ("mo", "md", "dm", "se") and first.relative:
                wa = _When(wa.start - shift, wa.end - shift, wa.precision, _shift_value(wa.value, -1))
            elif kb in ("mo", "md", "dm", "se") and second.relative:
                wb = _When(wb.start + shift, wb.end + shift, wb.precision, _shift_value(wb.value, 1))
            else:
                return None
        precision = max((wa.precision, wb.precision), key=lambda p: _ORDER.get(p, 9) if p else 9)
        value = f"{wa.value}/{wb.value}"
        when = _When(wa.start, wb.end, precision, value)
        relative = first.relative or second.relative
        anchor = first.anchor or second.anchor
        return _Found(first.start, second.end, when, value, precision, relative, anchor, first.modifier, rule)


_CLOCK_BEFORE = regex.compile(
    r"""
    (?<![\p{L}\p{N}:.,])
    (?:(?P<h>1[0-2]|0?[1-9])(?::(?P<mi>[0-5]\d))?+\s*+(?P<ap>(?i:[ap]))(?:\.\s?+|\s?+)(?i:m)\.?+
      | (?P<h24>[01]\d|2[0-3]):(?P<mi24>[0-5]\d)
      | (?P<noon>(?i:noon)))
    (?:\s++(?:[A-Z]{2,4}|local\s++time))?+
    ,?+\s++\Z
    """,
    regex.VERBOSE,
)


def _with_clock(text: str, f: _Found, floor: int) -> _Found:
    """A day with the clock time just before it ("10 p.m. Wednesday", "noon Thursday"): 1998-02-11T22:00."""
    m = _CLOCK_BEFORE.search(text, max(floor, f.start - 24), f.start)
    if m is None:
        return f
    if m["noon"]:
        h, mi = 12, 0
    elif m["h24"]:
        h, mi = int(m["h24"]), int(m["mi24"])
    else:
        h, mi = int(m["h"]) % 12 + (12 if m["ap"].lower() == "p" else 0), int(m["mi"] or 0)
    return f._replace(start=m.start(), value=f"{f.value}T{h:02d}:{mi:02d}")


_WEEK_OF = regex.compile(r"(?<![\p{L}])(?i:the)\s++(?i:week)\s++(?i:of)\s++\Z")


def _week_of(text: str, f: _Found, floor: int) -> _Found:
    """ "The week of March 6": the ISO week that holds the day."""
    m = _WEEK_OF.search(text, max(floor, f.start - 16), f.start)
    if m is None or f.when is None or f.value is None or len(f.value) != 10:
        return f
    w = _week(f.when.start)
    return f._replace(start=m.start(), when=w, value=w.value, precision=w.precision, rule="times/week-of")


_RANGEABLE = {"md", "dm", "iso", "num", "my", "mo", "yr", "wd", "se"}


_WEAK = frozenset({"the", "a", "an", "that", "at", "these", "each", "every"})
"""Words that open an atom only before another trigger word: "the past week", "a year ago", "that day"."""

_GRAMMAR_TRIGGERS = frozenset(
    {
        *("last", "this", "next", "past", "coming", "previous", "preceding", "following", "current", "latest"),
        *("same", "comparable", "recent", "recently", "most", "prior", "fiscal", "year", "first", "second"),
        *("third", "fourth", "quarter", "period", "q1", "q2", "q3", "q4", "yesterday", "today", "tomorrow"),
        *("tonight", "overnight", "now", "currently", "nowadays", "several", "few", "couple", "near", "distant"),
        *("future", "day", "days", "week", "weeks", "month", "months", "years", "decade", "decades", "hour"),
        *("hours", "present", "moment", "weekend", "fortnight", "morning", "afternoon", "evening", "night"),
        *("daily", "weekly", "monthly", "annually", "yearly", "hourly"),
    }
)
"""Grammar words that can open an atom (the lexicon words — months, weekdays, numbers — are added to them)."""


def _key(text: str, pos: int, end: int) -> str:
    """The lower-cased word at *pos* (up to a hyphen or an apostrophe)."""
    j = end
    for mark in "-'’":  # the first of the three marks, each found by str.find (no loop over the characters)
        k = text.find(mark, pos, j)
        if k != -1:
            j = k
    return text[pos:j].lower()


def _next_ok(w: str, triggers: frozenset[str]) -> bool:
    if w[:1].isdigit():
        return True
    if "-" in w or "'" in w or "’" in w:
        return _key(w, 0, len(w)) in triggers
    return w.lower() in triggers  # the key of a word with no mark: the whole word


def _shift_value(value: str, years: int) -> str:
    y = int(value[:4]) + years
    return f"{y:04d}{value[4:]}"


_KINDS = (
    *("md", "dm", "iso", "num", "my", "qu", "rf", "ru", "we", "ag", "du", "vp", "fr", "an", "rd", "st", "wd"),
    *("se", "mo", "yr", "od"),
)


_KIND_SET = frozenset(_KINDS)


def _kind(m: regex.Match[str]) -> str:
    # one kind's group takes part in a match, and it encloses the others of its alternative: it closes last
    last: str | None = m.lastgroup
    if last in _KIND_SET:
        return str(last)
    # by group number: the regex module answers a group name only after failing to read it as a number
    groups = m.re.groupindex
    for k in _KINDS:
        if m.group(groups[k]) is not None:
            return k
    return ""


def _part(pre: regex.Match[str] | None) -> str | None:
    if pre is None or not pre.group(_P_PART):
        return None
    p = pre.group(_P_PART).lower()
    if p in _PART_WORD:
        return _PART_WORD[p]
    for word, norm in _PART_OF.items():
        if word in p:
            return norm
    return None


def _modifier(prep: str, part: str | None) -> str | None:
    words = []
    if prep in _KEEP_PREP:
        words.append(_PREP_NORMAL.get(prep, prep))
    if part:
        words.append(part)
    return " ".join(words) or None


def _sentence_start(text: str, i: int) -> bool:
    j = i - 1
    while j >= 0 and text[j] in " \t\"'“‘([":
        j -= 1
    return j < 0 or text[j] in ".!?:;\n\r—–-•*"


def _name_before(text: str, start: int) -> bool:
    """True when a capitalised word that does not open the sentence stands right before *start*."""
    pw = word_before(_PREV_RUN, text, max(0, start - 30), start)
    if pw is None or not pw[1][:1].isupper() or pw[1].endswith("."):
        return False
    # a comma between them is allowed: in running text a capitalised "Today" or "Now" after "Word," is still a name
    # ("on Newsnight, Today and ..."); only title-case headlines write the date so ("A Job, Now Divided")
    return not _sentence_start(text, pw[0])


def _in_name(text: str, start: int, end: int, prep: str, months: Mapping[str, int], names: frozenset[str]) -> bool:
    """A weekday inside a name: "the Sunday Times", "Bloody Sunday", "Good Friday"."""
    if not prep:
        nw = _CAPWORD.match(text, end)
        if (
            nw is not None
            and "," not in text[end : nw.start(_CAPWORD_W)]
            and nw.group(_CAPWORD_W).lower() not in months
        ):
            return True
    pw = word_before(_PREV_RUN, text, max(0, start - 30), start)
    # the name word right before the weekday, only white space between: "Good Friday", not "went well, good, Friday"
    return pw is not None and pw[1].lower() in names and not text[pw[0] + len(pw[1]) : start].strip()


class _Maker:
    """Builds the resolved :class:`_Found` items for one atom."""

    def __init__(
        self,
        parser: TimeParser,
        text: str,
        m: regex.Match[str],
        start: int,
        end: int,
        modifier: str | None,
        published: datetime.date | None,
        state: _State,
        context: Context | None,
        prep: str,
        part: str | None,
    ) -> None:
        self.p, self.text, self.m = parser, text, m
        self.start, self.end, self.modifier = start, end, modifier
        self.published, self.state, self.context = published, state, context
        self.prep, self.part = prep, part

    def _found(
        self,
        when: _When | None,
        rule: str,
        *,
        relative: bool,
        anchor: datetime.date | None = None,
        start: int | None = None,
        end: int | None = None,
        value: str | None = None,
        precision: Precision | None = None,
    ) -> _Found:
        if when is not None and self.part:
            when = _narrow(when, self.part)
        return _Found(
            self.start if start is None else start,
            self.end if end is None else end,
            when,
            when.value if when is not None else value,
            when.precision if when is not None else precision,
            relative,
            anchor if when is not None or value is not None else None,
            self.modifier,
            rule,
        )

    def absolute(self, when: _When | None, rule: str) -> list[_Found]:
        if when is None:
            return []
        return [self._found(when, rule, relative=False)]

    def _tense(self) -> str | None:
        return self.p._tense(self.text, self.m.start(), self.m.end(), self.context)

    def _future(self) -> bool:
        return self._tense() == "future"

    def _ahead(self, ahead: datetime.date | None, anchor: datetime.date) -> bool:
        """Whether a year-less date lies ahead: the clause says so, or it is close ahead and nothing says past."""
        tense = self._tense()
        if tense is not None:
            return tense == "future"
        return ahead is not None and (ahead - anchor).days <= self.p._lookahead

    def _partial_anchor(self) -> datetime.date | None:
        """The anchor for a year-less date: the publication date, else the last day the text gave."""
        return self.published or self.state.day

    # ---- calendar dates ----------------------------------------------------------------------
    def month_day(self, k: str) -> list[_Found]:
        m, months = self.m, self.p._months
        mon = months[m[_G[f"{k}_mon"]].lower()]
        mon2 = months[m[_G["md_mon2"]].lower()] if k == "md" and m[_G["md_mon2"]] else mon
        d1 = int(_NON_DIGIT.sub("", m[_G[f"{k}_d1"]]))
        d2s = m[_G[f"{k}_d2"]]
        d2 = int(_NON_DIGIT.sub("", d2s)) if d2s else None
        ys = m[_G[f"{k}_y"]]
        sep = (m[_G[f"{k}_sep"]] or "").strip().lower()
        if k == "dm" and not m[_G["dm_wd"]] and not ys and self._looks_like_count():
            return []
        if d2 is not None and sep == "and" and self.prep != "between":
            # "on March 10 and 13": two days, not a range
            s2 = m.start(_G[f"{k}_d2"])
            e1 = m.end(_G[f"{k}_d1"])
            firsts = self._one_day(mon, d1, ys, end=e1 if k == "md" else None)
            seconds = self._one_day(mon2, d2, ys, start=s2, end=self.end if k == "md" else None)
            if k == "dm":
                # "10 and 13 March": both days share the month written after them
                firsts = [f._replace(end=m.end(_G[f"{k}_d1"])) for f in firsts]
            return firsts + seconds
        if d2 is None:
            return self._one_day(mon, d1, ys)
        # a range inside one atom: "March 10-13", "10-13 March 2025", "March 30 to April 2"
        one = self._one_day(mon, d1, ys)
        two = self._one_day(mon2, d2, ys)
        if len(one) != 1 or len(two) != 1:
            return one or two
        a, b = one[0].when, two[0].when
        if a is None or b is None:
            return [one[0]._replace(when=None, value=None, precision=None, rule="times/range")]
        if a.start > b.start:
            if ys:
                return one
            a = _day(a.start - relativedelta(years=1))
        when = _When(a.start, b.end, Precision.DAY, f"{a.value}/{b.value}")
        return [
            _Found(self.start, self.end, when, when.value, Precision.DAY, one[0].relative, one[0].anchor, self.modifier,
                   "times/range")
        ]  # fmt: skip

    def _looks_like_count(self) -> bool:
        """'5 May' after a counting word ("at least 5 May...") is rare; after "killed" it is a count."""
        pw = word_before(_PREV_RUN, self.text, max(0, self.m.start() - 30), self.m.start())
        return pw is not None and pw[1].lower() in ("least", "than", "killed", "killing", "wounded", "about")

    def _one_day(
        self, mon: int, day: int, ys: str | None, *, start: int | None = None, end: int | None = None
    ) -> list[_Found]:
        k = _kind(self.m)
        if ys:
            exact = _valid(int(ys), mon, day)
            if exact is None:
                return []
            rule = "times/month-day-year" if k == "md" else "times/day-month-year"
            return [self._found(_day(exact), rule, relative=False, start=start, end=end)]
        rule = "times/month-day" if k == "md" else "times/day-month"
        if _valid(2000, mon, day) is None:
            return []
        anchor = self._partial_anchor()
        if anchor is None:
            return [self._found(None, rule, relative=True, start=start, end=end)]
        wd = self.m[_G[f"{k}_wd"]]
        fits = [] if not wd else [
            c for y in (anchor.year - 1, anchor.year, anchor.year + 1)
            if (c := _valid(y, mon, day)) is not None and c.isoweekday() == self.p._weekdays[wd.lower()]
        ]  # fmt: skip
        if fits:
            # "Saturday, April 25": the year in which that day is a Saturday, nearest the anchor
            d: datetime.date | None = min(fits, key=lambda c: abs((c - anchor).days))
        else:
            ahead = resolve_month_day(mon, day, anchor, future=True)
            d = resolve_month_day(mon, day, anchor, future=self._ahead(ahead, anchor))
        return [self._found(_day(d) if d else None, rule, relative=True, anchor=anchor, start=start, end=end)]

    def quarter(self) -> list[_Found]:
        m, state, a = self.m, self.state, self.published
        mods = " ".join((m[_G["qu_mods"]] or "").lower().replace("-", " ").split())
        back = 1 if ("ago" in mods or "earlier" in mods or "prior year" in mods or m[_G["qu_adj"]]) else 0
        n: int | None = None
        if m[_G["qu_n2"]]:
            n = int(m[_G["qu_n2"]])
        elif m[_G["qu_n"]]:
            n = {"f": 1, "s": 2, "t": 3, "1": 1, "2": 2, "3": 3, "4": 4}[m[_G["qu_n"]][0].lower()]
            if m[_G["qu_n"]].lower().startswith("fo"):
                n = 4
        ys = m[_G["qu_y"]] or m[_G["qu_y2"]] or m[_G["qu_y0"]]
        is_period = (m[_G["qu_unit"]] or "").lower() == "period"
        if m[_G["qu_adj"]]:
            # "year-earlier", "year-ago": the quarter last named, a year back; else last year
            if state.quarter is not None:
                y, q = state.quarter
                return [
                    self._found(_quarter(y - 1, q), "times/quarter", relative=True, anchor=a)._replace(
                        sets_context=False
                    )
                ]
            anchor = state.day or a
            if anchor is None:
                return [self._found(None, "times/quarter", relative=True)]
            return [self._found(_year(anchor.year - 1), "times/quarter", relative=True, anchor=anchor)]
        if ys and (n or state.quarter):
            q = n or (state.quarter[1] if state.quarter else 1)
            return [self._found(_quarter(int(ys) - back, q), "times/quarter", relative=back > 0 or not n)]
        if ys:
            return [self._found(_year(int(ys) - back), "times/quarter", relative=back > 0)]
        if (
            n is None
            and (is_period or not mods)
            and state.quarter is None
            and not (mods and ("current" in mods or "last" in mods or "previous" in mods or "latest" in mods))
        ):
            return []  # "the quarter" with no quarter named before: a district, most likely
        if n is None and not (self.prep or m[_G["qu_that"]] or mods or self._the()):
            return []
        if a is None:
            return [self._found(None, "times/quarter", relative=True)]
        cur = (a.month - 1) // 3 + 1
        if n is not None:
            y = a.year if n <= cur else a.year - 1
            if ("next" in mods or "coming" in mods) and n <= cur:
                y = a.year + 1
            return [
                self._found(_quarter(y - back, n), "times/quarter", relative=True, anchor=a)._replace(
                    sets_context=not back
                )
            ]
        if "current" in mods or "this" in mods:
            y, q = a.year, cur
        elif any(w in mods for w in ("last", "previous", "preceding", "latest", "recent")) or state.quarter is None:
            y, q = (a.year, cur - 1) if cur > 1 else (a.year - 1, 4)
        else:
            y, q = state.quarter
        found = self._found(_quarter(y - back, q), "times/quarter", relative=True, anchor=a)
        return [found._replace(sets_context=not back)]

    def _the(self) -> bool:
        return self.text[max(0, self.m.start() - 4) : self.m.start()].lower() == "the "

    # ---- references ----------------------------------------------------------------------------
    def reference(self) -> list[_Found]:
        s = " ".join(self.m.group().lower().split())
        if s == "now" and _name_before(self.text, self.m.start()) and self.m.group()[:1].isupper():
            return []  # "Peace Now"
        if s in ("now", "currently", "at present", "at the moment", "these days", "nowadays"):
            a = self.published
            if a is None:
                return [self._found(None, "times/present-ref", relative=True)]
            return [self._found(_When(a, a, None, "PRESENT_REF"), "times/present-ref", relative=True, anchor=a)]
        if "future" in s or "coming" in s:
            return [self._found(None, "times/future-ref", relative=True, value="FUTURE_REF")]
        if s.startswith("recent "):
            # "in recent weeks": an unspecified number of weeks (TimeML PXW), not a point in the past
            return [self._found(None, "times/vague-period", relative=True, value=_vague_duration(s.split()[-1]))]
        return [self._found(None, "times/past-ref", relative=True, value="PAST_REF")]

    # ---- relative periods ----------------------------------------------------------------------
    def relative_unit(self, the: bool) -> list[_Found]:
        m = self.m
        rel = m[_G["ru_rel"]].lower()
        unit = m[_G["ru_unit"]].lower()
        plural = unit.endswith("s")
        base = unit.rstrip("s")
        ns = m[_G["ru_n"]]
        n = self.p._number(ns) if ns else 1
        anaphoric = rel in ("previous", "preceding", "following")
        anchor = (self.state.day or self.published) if anaphoric else self.published
        rule = {
            "week": "times/relative-week",
            "weekend": "times/weekend",
            "fortnight": "times/relative-week",
            "month": "times/relative-month",
            "year": "times/relative-year",
            "decade": "times/relative-year",
            "day": "times/past-period",
            "hour": "times/past-period",
        }[base]
        if (
            base in ("day", "hour")
            and not ns
            and rel not in ("past", "last", "next", "coming", "previous", "following")
        ):
            return []
        if (plural and not ns) and base not in ("weekend",):
            # "the past weeks", "the coming months": vague
            if rel in ("past", "last", "previous", "preceding"):
                return [self._found(None, "times/past-ref", relative=True, value="PAST_REF")]
            if rel in ("next", "coming", "following"):
                return [self._found(None, "times/future-ref", relative=True, value="FUTURE_REF")]
            return []
        if anchor is None:
            return [self._found(None, rule, relative=True)]
        if n is None:  # "the past few days", "the next several years": a vague number of units (TimeML PXD, PXY)
            if base == "weekend":
                value = "PAST_REF" if rel in ("past", "last", "previous", "preceding") else "FUTURE_REF"
                return [self._found(None, f"times/{value[:-4].lower()}-ref", relative=True, value=value)]
            return [self._found(None, "times/vague-period", relative=True, value=_vague_duration(base))]
        # a period that ends (or starts) at the anchor: "the past week", "the last three days", "the next 48 hours"
        if (
            ns
            or (rel == "past")
            or (the and rel in ("last", "next", "coming"))
            or (rel == "coming" and base != "weekend")
        ):
            if base == "weekend":
                w = _weekend(anchor if rel not in ("last", "past") else anchor - datetime.timedelta(days=7))
                return [self._found(w, rule, relative=True, anchor=anchor)]
            span_days = _shift(anchor, base, n) if rel in ("next", "coming", "following") else _shift(anchor, base, -n)
            if base == "hour":
                span_days = anchor + datetime.timedelta(days=(n + 23) // 24 * (1 if rel in ("next", "coming") else -1))
            lo, hi = (anchor, span_days) if span_days >= anchor else (span_days, anchor)
            precision = {"day": Precision.DAY, "hour": Precision.DAY, "week": Precision.WEEK,
                         "fortnight": Precision.WEEK, "month": Precision.MONTH}.get(base, Precision.YEAR)  # fmt: skip
            value = _duration(n, base)
            return [self._found(_When(lo, hi, precision, value), "times/past-period", relative=True, anchor=anchor)]
        # a calendar period: "last week", "this month", "next year", "the following week"
        step = {"last": -1, "previous": -1, "preceding": -1, "this": 0, "current": 0,
                "next": 1, "following": 1, "coming": 1}.get(rel, 0)  # fmt: skip
        if base == "weekend":
            if rel == "this":
                return [self._found(_weekend(anchor), rule, relative=True, anchor=anchor)]
            return [self._found(_weekend(anchor + datetime.timedelta(weeks=step)), rule, relative=True, anchor=anchor)]
        if base in ("day", "hour"):
            return [self._found(_day(anchor + datetime.timedelta(days=step)), rule, relative=True, anchor=anchor)]
        w = _unit_period(_shift(anchor, base, step), base)
        if base == "decade" and rel in ("last", "past"):
            w = _When(_shift(anchor, "year", -10), anchor, Precision.YEAR, "P1DE")
        return [self._found(w, rule, relative=True, anchor=anchor)]

    def weekend(self) -> list[_Found]:
        """ "The weekend": the last one up to the anchor, or the next one when the clause speaks of the future."""
        a = self.published
        if a is None:
            return [self._found(None, "times/weekend", relative=True)]
        w = _weekend(a)
        if self._future():
            w = w if a <= w.end else _weekend(a + datetime.timedelta(weeks=1))
        elif w.start > a:
            w = _weekend(a - datetime.timedelta(weeks=1))
        return [self._found(w, "times/weekend", relative=True, anchor=a)]

    def ago(self) -> list[_Found]:
        m = self.m
        n = self.p._number(m[_G["ag_n"]])
        unit = m[_G["ag_unit"]].lower()
        base = "hour" if unit.startswith("hour") else unit.rstrip("s")
        direction = m[_G["ag_dir"]].lower()
        anchor = self.published if direction == "ago" else (self.state.day or self.published)
        if n is None:
            value = "PAST_REF" if direction in ("ago", "earlier", "before") else "FUTURE_REF"
            return [self._found(None, "times/ago", relative=True, value=value)]
        if anchor is None:
            return [self._found(None, "times/ago", relative=True)]
        sign = -1 if direction in ("ago", "earlier", "before") else 1
        if base == "year" and self.state.quarter is not None and sign < 0:
            # "a year earlier" after "the third quarter": the same quarter a year back
            y, q = self.state.quarter
            return [
                self._found(_quarter(y - n, q), "times/ago", relative=True, anchor=anchor)._replace(sets_context=False)
            ]
        if base == "hour":
            d = anchor + datetime.timedelta(days=sign * (n // 24))
            return [self._found(_day(d), "times/ago", relative=True, anchor=anchor)]
        d = _shift(anchor, base, sign * n)
        w = _unit_period(d, base)
        return [self._found(w, "times/ago", relative=True, anchor=anchor)]

    def duration(self) -> list[_Found]:
        """ "Six days", "48 hours", "several months": a length of time, not a date (TimeML DURATION)."""
        m = self.m
        number, unit = m[_G["du_n"]], m[_G["du_unit"]]
        if unit[0].isupper() and not number[0].isupper():
            return []  # "60 Minutes", "28 Days Later": a title
        n = self.p._number(number)
        unit = unit.lower().rstrip("s")
        if unit in ("minute", "second"):
            value = f"PT{'X' if n is None else n}{unit[0].upper()}"
        else:
            value = _vague_duration(unit) if n is None else _duration(n, unit)
        return [self._found(None, "times/duration", relative=False, value=value)]

    def anaphoric(self) -> list[_Found]:
        m = self.m
        anchor = self.state.day or self.published
        if m[_G["an_rel"]]:
            step = {"next": 1, "following": 1, "previous": -1, "preceding": -1, "same": 0}[m[_G["an_rel"]].lower()]
        elif m[_G["an_dir"]]:
            step = -1 if m[_G["an_dir"]].lower() == "before" else 1
        else:
            step = 0
        if anchor is None:
            return [self._found(None, "times/anaphoric", relative=True)]
        d = anchor + datetime.timedelta(days=step)
        return [self._found(_day(d), "times/anaphoric", relative=True, anchor=anchor)]

    def relative_day(self) -> list[_Found]:
        s = " ".join(self.m[_G["rd"]].lower().split())
        a = self.published
        if a is None:
            return [self._found(None, "times/relative-day", relative=True)]
        if s == "overnight":
            w = _When(a - _ONE_DAY, a, Precision.DAY, (a - _ONE_DAY).isoformat() + "TNI")
            return [self._found(w, "times/relative-day", relative=True, anchor=a)]
        offsets = {
            "the day before yesterday": -2,
            "the day after tomorrow": 2,
            "yesterday": -1,
            "today": 0,
            "tomorrow": 1,
            "tonight": 0,
            "last night": -1,
        }
        # the part of the day keeps the date and adds TimeML's TMO/TAF/TEV/TNI: "this morning", "last night"
        words = s.split()
        tod = _TIME_OF_DAY.get(words[-1], "") if len(words) > 1 or s == "tonight" else ""
        if s == "tonight":
            tod = "TNI"
        if s.startswith("this "):
            return [self._found(_day(a, tod), "times/relative-day", relative=True, anchor=a)]
        key = " ".join(words[:-1]) if words[-1] in _TIME_OF_DAY and s != "last night" else s
        d = a + datetime.timedelta(days=offsets.get(key, 0))
        return [self._found(_day(d, tod), "times/relative-day", relative=True, anchor=a)]

    def recurring(self) -> list[_Found]:
        """ "Every Tuesday" (XXXX-WXX-2), "each July" (XXXX-07), "every month" (P1M): no single date."""
        m = self.m
        if m[_G["st_wd"]]:
            value = f"XXXX-WXX-{self.p._weekdays[m[_G['st_wd']].lower()]}"
        elif m[_G["st_mon"]]:
            value = f"XXXX-{self.p._months[m[_G['st_mon']].lower()]:02d}"
        else:
            value = f"P1{m[_G['st_unit']][0].upper()}"
        return [self._found(None, "times/set", relative=False, value=value)]

    def weekday(self) -> list[_Found]:
        m = self.m
        wd = self.p._weekdays[m[_G["wd_name"]].lower()]
        rel = (m[_G["wd_rel"]] or "").lower()
        a = self.published
        if a is None:
            return [self._found(None, "times/weekday", relative=True)]
        today = a.isoweekday()
        if rel == "this":
            d = a + datetime.timedelta(days=wd - today)
        elif rel in ("next", "coming"):
            d = a + datetime.timedelta(days=(wd - today) % 7 or 7)
        elif rel in ("last", "past"):
            d = a - datetime.timedelta(days=(today - wd) % 7 or 7)
        elif self._future():
            d = a + datetime.timedelta(days=(wd - today) % 7)
        else:
            d = a - datetime.timedelta(days=(today - wd) % 7)
        # "Saturday night" keeps the day's value: TimeML corpora annotate most such nights as plain dates
        # (unlike "this morning" or "last night", which take the part-of-day suffix)
        return [self._found(_day(d), "times/weekday", relative=True, anchor=a)]

    def season(self) -> list[_Found]:
        m = self.m
        code, first = self.p._lex.seasons[m[_G["se_name"]].lower()]
        if m[_G["se_y"]]:
            return [self._found(_season(int(m[_G["se_y"]]), code, first), "times/season", relative=False)]
        a = self.published
        if a is None:
            return [self._found(None, "times/season", relative=True)]
        rel = (m[_G["se_rel"]] or "").lower()
        # the season of year y starts in month `first` of y (winter y runs Dec y - Feb y+1)
        cands = [_season(y, code, first) for y in range(a.year - 2, a.year + 2)]
        if rel in ("last", "past"):
            w = max((c for c in cands if c.end < a), key=lambda c: c.start)
        elif rel in ("next", "coming"):
            w = min((c for c in cands if c.start > a), key=lambda c: c.start)
        elif rel == "this" or not self._future():
            if rel == "this":
                inside = [c for c in cands if c.start <= a <= c.end]
                w = inside[0] if inside else min((c for c in cands if c.start > a), key=lambda c: c.start)
            else:
                w = max((c for c in cands if c.start <= a), key=lambda c: c.start)
        else:
            w = min((c for c in cands if c.end >= a), key=lambda c: c.start)
        return [self._found(w, "times/season", relative=True, anchor=a)]

    def month(self) -> list[_Found]:
        m = self.m
        mon = self.p._months[m[_G["mo_mon"]].lower()]
        rel = (m[_G["mo_rel"]] or "").lower()
        a = self._partial_anchor() if not rel else self.published
        if a is None:
            return [self._found(None, "times/month", relative=True)]
        if rel == "this":
            y = a.year
        elif rel in ("last", "past"):
            y = a.year if mon < a.month else a.year - 1
        elif rel in ("next", "coming"):
            y = a.year if mon > a.month else a.year + 1
        elif self._ahead(datetime.date(a.year if mon >= a.month else a.year + 1, mon, 1), a) and mon != a.month:
            y = a.year if mon >= a.month else a.year + 1
        else:
            y = a.year if mon <= a.month else a.year - 1
        return [self._found(_month(y, mon), "times/month", relative=True, anchor=a)]

    def year(self) -> list[_Found]:
        m = self.m
        y = int(m[_G["yr_y"]])
        if m[_G["yr_s"]]:
            if y % 10:
                return []
            w = _When(datetime.date(y, 1, 1), datetime.date(y + 9, 12, 31), Precision.YEAR, f"{y // 10}X")
            return [self._found(w, "times/decade", relative=False)]
        return [self._found(_year(y), "times/year", relative=False)]

    def ordinal_day(self) -> list[_Found]:
        day = int(self.m[_G["od_d"]])
        anchor = self.state.day or self.published
        if anchor is None:
            return [self._found(None, "times/ordinal-day", relative=True)]
        # the day of the anchor's month, or of the month before when that day is still to come
        d = _valid(anchor.year, anchor.month, day)
        if d is None or (d > anchor and not self._future()):
            prev = anchor - relativedelta(months=1)
            d = _valid(prev.year, prev.month, day)
        if d is None:
            return []
        return [self._found(_day(d), "times/ordinal-day", relative=True, anchor=anchor)]
