"""
The exceptions conflictnews raises.

Everything odd about the *text* of a document is reported as a warning in the
report, never raised. Exceptions are for wrong arguments, bad configuration,
broken plugins and inputs over a limit the caller set (see ``docs/errors.md``).
"""

from __future__ import annotations

__all__ = [
    "ConflictNewsError",
    "InvalidDateError",
    "LimitExceededError",
    "ParserError",
    "PipelineError",
    "PluginLoadError",
    "SerializationError",
    "UnknownLexiconError",
    "UnknownParserError",
]


class ConflictNewsError(Exception):
    """Base class of every exception conflictnews raises on purpose."""


class InvalidDateError(ConflictNewsError, ValueError):
    """A date argument (such as *published*) could not be read."""

    def __init__(self, value: object, reason: str = "") -> None:
        msg = f"cannot read {value!r} as a date"
        if reason:
            msg += f": {reason}"
        super().__init__(msg)
        self.value = value


class SerializationError(ConflictNewsError, ValueError):
    """JSON or a dict could not be turned back into a report."""


class UnknownLexiconError(ConflictNewsError, KeyError):
    """No built-in or plugin lexicon has the requested name."""

    def __init__(self, name: str, available: tuple[str, ...] = ()) -> None:
        super().__init__(f"no lexicon named {name!r}; available: {', '.join(available) or 'none'}")
        self.name = name

    def __str__(self) -> str:
        return str(self.args[0])


class UnknownParserError(ConflictNewsError, KeyError):
    """No registered parser has the requested name."""

    def __init__(self, name: str, available: tuple[str, ...] = ()) -> None:
        super().__init__(f"no parser named {name!r}; available: {', '.join(available) or 'none'}")
        self.name = name

    def __str__(self) -> str:
        return str(self.args[0])


class PipelineError(ConflictNewsError):
    """The parsers of a pipeline cannot be ordered (a cycle or a missing provider)."""


class ParserError(ConflictNewsError):
    """A parser raised while reading a document (only raised in strict mode)."""

    def __init__(self, parser: str, cause: BaseException) -> None:
        super().__init__(f"parser {parser!r} failed: {cause!r}")
        self.parser = parser
        self.cause = cause


class PluginLoadError(ConflictNewsError):
    """A plugin could not be imported, had the wrong type or an incompatible API version."""


class LimitExceededError(ConflictNewsError, ValueError):
    """
    An input is over a limit the caller set (for example the maximum text length).

    *limit* names the limit (``"max_text_length"``), *maximum* is its value and
    *actual* the size of the input; each is None when the raiser did not say.
    """

    def __init__(
        self, message: str, *, limit: str | None = None, maximum: int | None = None, actual: int | None = None
    ) -> None:
        super().__init__(message)
        self.limit = limit
        self.maximum = maximum
        self.actual = actual
