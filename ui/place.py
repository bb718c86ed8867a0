"""Where the reader is, for the emergency number: chosen in the sidebar, carried in the link (?region=KR) like the
view, and first guessed from the browser's language and country (st.context.locale)."""

from __future__ import annotations

import streamlit as st

from knowledge import Knowledge
from knowledge.queries.emergency import known_region, region_from_locale
from knowledge.schema import REGIONS
from ui import links
from ui.text import t

REGION = "region"  # the session's region: a REGIONS code, or "" for "not listed"
CHOICE = "region-choice"
NOT_LISTED = ""


def current(k: Knowledge) -> str | None:
    """The session's region, set from the link when it names one, else kept, else guessed from the browser."""
    chosen = links.read(REGION, lambda raw: known_region(k, raw.upper()))
    if chosen is not None:
        st.session_state[REGION] = chosen
    guessed = region_from_locale(k, st.context.locale)
    if REGION not in st.session_state:
        st.session_state[REGION] = guessed or NOT_LISTED
    region = st.session_state[REGION] or None
    # Page switches drop query parameters: keep a choice in the address (not the browser's own guess, which
    # every visit makes again), so a shared link shows the same number.
    if region is None or region == guessed:
        st.query_params.pop(REGION, None)
    else:
        st.query_params[REGION] = region
    return region


def _chosen() -> None:
    st.session_state[REGION] = st.session_state[CHOICE] or NOT_LISTED
    st.query_params.pop(REGION, None)  # the link is read first on the next run: it must not undo the choice


def choose(k: Knowledge, region: str | None) -> None:
    """The sidebar control, under the emergency line it changes."""
    st.session_state[CHOICE] = region or NOT_LISTED
    numbers = k.number_by_region
    # Labels made now, in the reader's language: a format_func may also be called outside the page run.
    labels = {code: t("common.region_option", name=numbers[code].name, number=numbers[code].number) for code in REGIONS}
    labels[NOT_LISTED] = t("common.region_elsewhere")
    st.sidebar.selectbox(
        t("common.region_label"),
        options=list(labels),
        format_func=labels.get,
        key=CHOICE,
        on_change=_chosen,
        help=t("common.region_help"),
    )
