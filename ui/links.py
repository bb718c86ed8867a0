"""Deep links: a widget's value mirrored in the URL, so a link opens a page in a given state.

Only product, treatment, dates, mode and scenario may go into a URL; symptom answers never do.
A value a link carries that the app does not know is dropped with a short notice, never an error.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import streamlit as st

from ui.text import reason, t

MAX_LENGTH = 100  # longer values are never valid ids or dates


def notice(name: str, reason: str | None = None) -> None:
    """Say that part of a link was ignored and why, without echoing what it held."""
    why = reason or t("common.link_not_recognised")
    st.info(t("common.link_ignored", name=name, why=why), icon=":material/link_off:")


def parsed(text: str, parse: Callable[[str], Any]) -> tuple[Any, str | None]:
    """`parse(text)` and no reason, or None and the short reason `parse` gave (None when it gave none)."""
    if len(text) > MAX_LENGTH:
        return None, None
    try:
        return parse(text), None
    except ValueError as error:
        return None, reason(error)


def read(name: str, parse: Callable[[str], Any]) -> Any:
    """The link's value for `name`, parsed; None if absent. An unusable value is dropped from the link with a
    notice; `parse` returns None, or raises ValueError with a short reason (fixed words, never the value)."""
    raw = st.query_params.get(name)
    if raw is None:
        return None
    value, reason = parsed(raw, parse)
    if value is None:
        del st.query_params[name]
        notice(name, reason)
    return value


def bind(key: str, parse: Callable[[str], Any], dump: Callable[[Any], str] = str) -> Callable[[], None]:
    """Call before creating the widget `key`: apply the link's value; return the on_change that updates the link."""
    value = read(key, parse)
    if value is not None and st.session_state.get(key) != value:
        st.session_state[key] = value

    def update_link() -> None:
        current = st.session_state.get(key)
        text = None if current is None else dump(current)
        if text is not None and parsed(text, parse)[0] is not None:
            st.query_params[key] = text
        else:  # nothing chosen, or a value the page refuses (it says why): the link keeps none
            st.query_params.pop(key, None)

    return update_link
