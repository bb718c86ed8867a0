"""What every tool's queries share: the error for an unknown id, and collecting cited sources."""

from __future__ import annotations

from typing import Literal

from knowledge.schema import (
    Knowledge,
    Treatment,
    iter_cited,
)

# How strongly a result is drawn. The words and an icon always go with it: colour is never the only signal.
Tone = Literal["danger", "warning", "info", "success"]


class UnknownIdError(ValueError):
    """A query was given an id that the content does not have."""


def cited_sources(*values: object) -> tuple[str, ...]:
    """The source ids cited anywhere in the given values, in order of first mention."""
    ordered: dict[str, None] = {}
    for value in values:
        for _, cited in iter_cited(value):
            ordered.update(dict.fromkeys(cited.sources))
    return tuple(ordered)


def known_treatment(k: Knowledge, treatment: str) -> Treatment:
    if treatment not in k.treatment_by_id:
        raise UnknownIdError(f"unknown treatment id {treatment!r}")
    return k.treatment_by_id[treatment]


class InputRejected(ValueError):
    """A typed or linked value a tool cannot use, with the reason as a code and its values (for the page to say
    in the reader's language); str() gives the English reason, for logs and tests."""

    def __init__(self, code: str, english: str, **values: object) -> None:
        super().__init__(english)
        self.code = code
        self.values = values
