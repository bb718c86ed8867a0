"""Choosing an injector: what is covered, what is missing, and what to ask next."""

from __future__ import annotations

from collections.abc import Iterable

from knowledge.queries.common import UnknownIdError, cited_sources
from knowledge.schema import (
    ChecklistItem,
    Knowledge,
    Model,
)


class ChecklistResult(Model):
    covered: tuple[ChecklistItem, ...]
    missing: tuple[ChecklistItem, ...]

    @property
    def ask_next(self) -> tuple[str, ...]:
        return tuple(item.ask_next for item in self.missing)

    @property
    def complete(self) -> bool:
        return not self.missing

    @property
    def sources(self) -> tuple[str, ...]:
        return cited_sources(self.covered, self.missing)


def checklist_result(k: Knowledge, ticked: Iterable[str]) -> ChecklistResult:
    """What is covered, what is missing, and the questions to ask next, in checklist order."""
    ticked_ids = set(ticked)
    unknown = ticked_ids - {item.id for item in k.checklist}
    if unknown:
        raise UnknownIdError(f"unknown checklist item id(s): {', '.join(sorted(unknown))}")
    return ChecklistResult(
        covered=tuple(i for i in k.checklist if i.id in ticked_ids),
        missing=tuple(i for i in k.checklist if i.id not in ticked_ids),
    )
