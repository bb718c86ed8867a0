"""What a person explored in this session, for the take-home summary.

Kept in the session's memory only: never written to disk, logged or put in a URL. It is gone when
the session ends (the tab is closed, or the "clear" button is pressed).
"""

from __future__ import annotations

from typing import Any

import streamlit as st

KEY = "explored"


def remember(tool: str, inputs: dict[str, Any] | None) -> None:
    if st.session_state.get("mode") == "consult":
        return  # a shared screen gathers nothing personal
    store = st.session_state.setdefault(KEY, {})
    if inputs is None:
        store.pop(tool, None)
    else:
        store[tool] = inputs


def recall(tool: str) -> dict[str, Any] | None:
    return st.session_state.get(KEY, {}).get(tool)


def forget_all() -> None:
    st.session_state.pop(KEY, None)
