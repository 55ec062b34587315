"""
Datelines: "KYIV, Nov 19 (AP) —", "GAZA CITY, June 3 (Reuters) -", "BEIRUT (AFP) –".

A dateline opens a news story's first paragraph and says where the reporter filed from, not
where anything happened, and it is no part of the first sentence's grammar. The parsers use
:func:`dateline_spans` to keep it out of event places and out of reported contents.
"""

from __future__ import annotations

from collections.abc import Sequence

import regex

_DATELINE = regex.compile(
    r"""
    (?P<place>\p{Lu}[\p{Lu}\p{M}'.\-]*+(?:\ \p{Lu}[\p{Lu}\p{M}'.\-]*+){0,3}+)   # KYIV, GAZA CITY, SAN JOSE
    (?:,\ \p{Lu}[\p{L}.]{0,20}(?:\ (?:of\ |the\ |and\ )?\p{Lu}[\p{L}.]{0,20}){0,3})?  # , Calif. / , Republic of Congo
    (?:,?\ \p{Lu}\p{Ll}{2,8}\.?\ \d{1,2})?                                      # , Nov 19 / June 3
    (?:\ ?\([^()\n]{2,40}\))?                                                     # (Reuters)
    \ ?[-\u2013\u2014]{1,2}\ ++(?=[\p{Lu}"\u201c'])                               # the story opens
    """,
    regex.VERBOSE,
)
"""
An upper-case place, an optional region, an optional date, an optional agency, then a dash and a capital.
Matched only at a paragraph's start, with every repeat bounded: a few dozen steps at most.
"""


def dateline_spans(text: str, paragraphs: Sequence[tuple[int, int]], limit: int = 3) -> list[tuple[int, int]]:
    """
    The datelines among the first *limit* paragraphs of *text*, as ``(start, end)`` spans.

    A dateline's place must be written in capitals ("KYIV", not "Kyiv") or be followed by an agency
    in brackets ("Kyiv (Reuters) -"), so a sentence opening with a name and a dash is left alone.
    The span ends after the dash and its spaces, where the story's first sentence starts.
    """
    out: list[tuple[int, int]] = []
    for start, end in paragraphs[:limit]:
        m = _DATELINE.match(text, start, end)
        if m is None:
            continue
        place = m.group("place")
        letters = [c for c in place if c.isalpha()]
        capitals = len(letters) >= 3 and all(c.isupper() for c in letters)
        if capitals or "(" in m.group():
            out.append((m.start(), m.end()))
    return out
