"""
The ``talks`` parser: talks between parties ("peace talks", "ceasefire negotiations").

Each cue becomes an :class:`~conflictnews.Event` coded PLOVER ``CONSULT``,
linked to the first date in its sentence and marked ``planned`` when that date
starts after the publication date ("peace talks next week").
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

import regex

from conflictnews import PARSER_API_VERSION, Context, Event, Modality, PloverCoding, Span
from conflictnews.lexicons import load_lexicon

__all__ = ["TalksParser"]


class TalksParser:
    """
    Find talks between parties and report them as PLOVER ``CONSULT`` events.

    Args:
        cues: The cue phrases (lower case); by default the lexicon ``talks/cues``,
            which the ``example`` data pack of this distribution provides.
    """

    name = "talks"
    requires: tuple[str, ...] = ("times",)
    provides: tuple[str, ...] = ("events",)
    api_version: ClassVar[int] = PARSER_API_VERSION

    def __init__(self, *, cues: Iterable[str] | None = None) -> None:
        words = sorted(set(cues if cues is not None else load_lexicon("talks/cues")), key=lambda w: (-len(w), w))
        words = [w for w in words if w.strip()]
        # one alternation, longest cue first; any run of white space between words
        alternation = "|".join(r"\s++".join(regex.escape(part) for part in w.split()) for w in words)
        self._pattern = (
            regex.compile(rf"(?<![\p{{L}}\p{{N}}])(?:{alternation})(?![\p{{L}}\p{{N}}])", regex.IGNORECASE)
            if words
            else None
        )

    def parse(self, context: Context) -> list[Event]:
        """One event per cue, in text order."""
        if self._pattern is None:
            return []
        published = context.document.published
        out: list[Event] = []
        for m in self._pattern.finditer(context.text):
            start, end = context.analysis.sentence_at(m.start())
            time = next((t for t in context.times if start <= t.span.start and t.span.end <= end), None)
            planned = time is not None and time.start is not None and published is not None and time.start > published
            out.append(
                Event(
                    id=context.next_id(Event, len(out)),
                    text=m.group(),
                    trigger=Span(start=m.start(), end=m.end()),
                    sentence=Span(start=start, end=max(start, end)),
                    plover=PloverCoding(event_type="CONSULT"),
                    time=time.id if time is not None else None,
                    modality=Modality.PLANNED if planned else Modality.ASSERTED,
                    rule="talks/planned" if planned else "talks/cue",
                )
            )
        return out
