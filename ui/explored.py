"""What a person explored in this session, for the take-home summary: one typed record per tool.

Kept in the session's memory only: never written to disk, logged or put in a URL. It is gone when
the session ends (the tab is closed, or the "clear" button is pressed).
"""

from __future__ import annotations

import datetime as dt
from typing import TypeVar

import streamlit as st

from knowledge.schema import Model, SymptomReport

KEY = "explored"


class ReversibilityInputs(Model):
    """A product, a material, or neither ("I don't know")."""

    product: str | None = None
    material: str | None = None


class TimelineInputs(Model):
    treatment: str
    start: dt.date | None = None
    product: str | None = None


class SelfCheckInputs(Model):
    treatment: str
    days_since: int | None  # None: the number typed could not be used
    reports: tuple[SymptomReport, ...]


class ChecklistInputs(Model):
    ticked: tuple[str, ...]


Inputs = ReversibilityInputs | TimelineInputs | SelfCheckInputs | ChecklistInputs
AnyInputs = TypeVar("AnyInputs", ReversibilityInputs, TimelineInputs, SelfCheckInputs, ChecklistInputs)


def remember(inputs: Inputs) -> None:
    if st.session_state.get("mode") == "consult":
        return  # a shared screen gathers nothing personal
    st.session_state.setdefault(KEY, {})[type(inputs).__name__] = inputs


def forget(kind: type[Inputs]) -> None:
    st.session_state.get(KEY, {}).pop(kind.__name__, None)


def recall(kind: type[AnyInputs]) -> AnyInputs | None:
    found = st.session_state.get(KEY, {}).get(kind.__name__)
    return found if isinstance(found, kind) else None


def forget_all() -> None:
    st.session_state.pop(KEY, None)
