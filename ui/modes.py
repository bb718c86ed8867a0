"""Patient, consultation and workshop views. The mode is kept for the session and shown in the URL."""

from __future__ import annotations

import streamlit as st

from ui import links
from ui.style import BASE_CSS, LARGE_TYPE_CSS
from ui.text import t

MODES = ("patient", "consult", "workshop")
DEFAULT = "patient"
SWITCH = "mode-switch"


def current() -> str:
    """The mode from the link if it has a valid one, else the session's, else patient."""
    chosen = links.read("mode", lambda raw: raw if raw in MODES else None)
    if chosen is not None:
        st.session_state["mode"] = chosen
    mode = st.session_state.get("mode", DEFAULT)
    # Page switches drop query parameters: put the mode back so the address can be shared as is.
    if mode == DEFAULT:
        st.query_params.pop("mode", None)
    else:
        st.query_params["mode"] = mode
    return mode


def _switched() -> None:
    st.session_state["mode"] = st.session_state[SWITCH] or DEFAULT
    st.query_params["mode"] = st.session_state["mode"]


def switch(mode: str) -> None:
    """The sidebar control that changes the view."""
    st.session_state[SWITCH] = mode
    names = {
        "patient": t("common.mode_patient"),
        "consult": t("common.mode_consult"),
        "workshop": t("common.mode_workshop"),
    }
    st.sidebar.segmented_control(
        t("common.view"),
        options=list(MODES),
        format_func=names.get,
        key=SWITCH,
        on_change=_switched,
        help=t("common.view_help"),
    )


def apply(mode: str) -> None:
    st.html(BASE_CSS if mode == DEFAULT else BASE_CSS + LARGE_TYPE_CSS)


def active() -> str:
    """The mode chosen for this session (app.py resolves it at the start of every run)."""
    return st.session_state.get("mode", DEFAULT)


def large_type() -> bool:
    """Consultation and workshop views are read from a distance."""
    return active() != DEFAULT


def is_presenting(mode: str) -> bool:
    """A shared screen: nothing personal is gathered or shown."""
    return mode == "consult"
