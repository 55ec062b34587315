"""The shared analysis: sentences."""

from __future__ import annotations

import pytest

from conflictnews._analysis import Analysis


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("Donald J. Trump said it. John F. Kennedy spoke.", ["Donald J. Trump said it.", "John F. Kennedy spoke."]),
        (
            "President Zelensky wrote on X. He urged partners to act.",
            ["President Zelensky wrote on X.", "He urged partners to act."],
        ),
        ("We need Plan B. The army waits.", ["We need Plan B.", "The army waits."]),
        ("The U.S. Army left. Troops stayed.", ["The U.S. Army left.", "Troops stayed."]),
    ],
)
def test_a_single_capital_is_an_initial_unless_a_sentence_plainly_starts_after_it(
    text: str, sentences: list[str]
) -> None:
    """'J. Trump' keeps its initial; 'on X. He urged' ends a sentence at the platform's name."""
    assert sentences == [text[s:e] for s, e in Analysis(text).sentences]
