"""The shared analysis: sentences."""

from __future__ import annotations

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from conflictnews import _analysis
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


_ASCII_PIECES = st.sampled_from(["word", "Kyiv", "12", "3.5", "'", "-", "--", "'s", " ", "\n", ",", ".", "—", "x", "_"])


@given(st.lists(_ASCII_PIECES, max_size=30).map("".join))
@example("Ukraine's mid-March push--then 'quiet' re-take")
def test_ascii_text_is_tokenized_as_by_the_unicode_pattern(text: str) -> None:
    """ASCII text goes through the ASCII reading of the token pattern: the tokens must be the same."""
    pattern = _analysis._TOKEN_SPLIT if "_" in text else _analysis._TOKEN_SPLIT_NO_UNDERSCORE
    words = pattern.split(text)[1::2]  # the Unicode reading
    starts, ends, found = _analysis._tokenize(text)
    assert found == words
    assert [text[s:e] for s, e in zip(starts, ends, strict=True)] == words
