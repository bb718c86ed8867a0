"""Refuse widget values a browser could not have sent, instead of failing the page with a traceback.

A browser sends each widget's value in a typed field (a checkbox a true/false, a select box a string, a date box
a list of strings). Streamlit 1.67 reads whatever field arrives with the widget's own reader: a crafted message
with a number for a select box, a list for a text box, or NaN for a whole-number box raised inside Streamlit
(TypeError, ValueError) and logged a traceback on every run, and a wrongly typed value could stay in the session
and break the runs after it.

With this fix a value whose field does not fit the widget, or that the widget's reader cannot read, is dropped
with one warning line in the log (which widget, not the value), and the widget keeps its previous value, as if
the message had not carried it. Values a real browser sends are read exactly as before.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import wraps
from typing import Any

from serving.patching import replace

_LOG = logging.getLogger("guide.widget_values")
_NUMBERS = {"int_value", "double_value"}  # a number box may send either, depending on how it was typed


def fits(sent: str | None, expected: str | None) -> bool:
    """Whether a value in field `sent` can be meant for a widget registered with `expected`. No field means
    the value was cleared, which every widget allows."""
    return sent is None or expected is None or sent == expected or {sent, expected} <= _NUMBERS


def _refuse(widget_id: str, why: str) -> None:
    # Not deleted here (Streamlit may be iterating over the states): a KeyError makes Streamlit treat the value as
    # absent, so it keeps the widget's previous value, and the next run's clean-up drops what could not be read.
    _LOG.warning("A widget value from a browser was refused (%s); the widget keeps its previous value.", why)
    raise KeyError(widget_id)


def _checked(getitem: Callable[[Any, str], Any]) -> Callable[[Any, str], Any]:
    @wraps(getitem)
    def __getitem__(self: Any, widget_id: str) -> Any:
        stored = self.states.get(widget_id)
        metadata = self.widget_metadata.get(widget_id)
        if metadata is None or type(stored).__name__ != "Serialized":
            return getitem(self, widget_id)  # not a raw value from a browser: nothing to check
        sent = stored.value.WhichOneof("value")
        if not fits(sent, metadata.value_type):
            _refuse(widget_id, f"{sent} for a widget that takes {metadata.value_type}")
        try:
            return getitem(self, widget_id)
        except Exception as error:  # the widget's own reader failed on what was sent
            _refuse(widget_id, f"{type(error).__name__} reading {sent}")

    return __getitem__


def refuse_unreadable_widget_values() -> bool:
    """Check each browser-sent widget value before Streamlit reads it. Safe to call more than once; warns and
    leaves Streamlit alone if the target moved."""
    return replace(
        "streamlit.runtime.state.session_state",
        "WStates.__getitem__",
        _checked,
        parameters=["self", "k"],
        what="Widget value check",
    )
