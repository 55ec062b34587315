"""Datelines are found at a story's start and kept out of event places and reported contents."""

from __future__ import annotations

import pytest

import conflictnews as cn
from conflictnews._analysis import Analysis
from conflictnews._dateline import dateline_spans


@pytest.mark.parametrize(
    ("text", "dateline"),
    [
        ("KYIV, Nov 19 (AP) \u2014 A Russian missile struck a block of flats.", "KYIV, Nov 19 (AP) \u2014 "),
        ("GAZA CITY, June 3 (Reuters) - Israeli strikes killed 33 people.", "GAZA CITY, June 3 (Reuters) - "),
        ("SAN JOSE, Calif., Jan 5 (AP) - A man died.", "SAN JOSE, Calif., Jan 5 (AP) - "),
        ("BEIRUT (AFP) \u2013 Protesters gathered.", "BEIRUT (AFP) \u2013 "),
        (
            "GOMA, Democratic Republic of Congo, Dec 10 (Reuters) - M23 advanced.",
            "GOMA, Democratic Republic of Congo, Dec 10 (Reuters) - ",
        ),
        ("WASHINGTON \u2014 The president said.", "WASHINGTON \u2014 "),
        ("Headline\n\nKHARTOUM, Nov 20 (Reuters) - The army said.", "KHARTOUM, Nov 20 (Reuters) - "),
        ("NATO - the alliance said nothing.", None),
        ("Kyiv - the capital was quiet.", None),
        ("The army said it had taken KYIV - a claim.", None),
    ],
)
def test_datelines(text: str, dateline: str | None) -> None:
    """An upper-case place (or one with an agency in brackets) and a dash opening a paragraph, before a capital."""
    found = [text[s:e] for s, e in dateline_spans(text, Analysis(text).paragraphs)]

    assert ([dateline] if dateline else []) == found


def test_a_dateline_is_no_event_place_nor_part_of_a_claim() -> None:
    """The filing city is not where the strikes fell; the officials' claim starts after the dash."""
    text = "KHARTOUM, Nov 20 (Reuters) - Drone strikes killed 12 people in El Obeid, local officials said."
    report = cn.parse(text)
    places = {loc.id: loc.name for loc in report.locations}

    assert ["El Obeid"] == [places[e.location] for e in report.events if e.location]
    assert ["Drone strikes killed 12 people in El Obeid"] == [
        text[c.content.start : c.content.end] for c in report.claims
    ]
