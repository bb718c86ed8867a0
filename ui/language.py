"""The reader's language: from the link (?lang=ko, kept across pages like the view), else the session's choice,
else the browser's language (st.context.locale), among the languages the content offers (meta.languages)."""

from __future__ import annotations

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from knowledge import Knowledge
from knowledge.schema import LANGUAGE_NAMES, SOURCE_LANGUAGE
from ui import links
from ui.style import LANGUAGE_SCRIPTS
from ui.text import LANGUAGE, t

CHOICE = "language-choice"


def offered(k: Knowledge | None) -> tuple[str, ...]:
    return k.meta.languages if k is not None else (SOURCE_LANGUAGE,)


def from_locale(locale: str | None, languages: tuple[str, ...]) -> str:
    """The browser's language if the guide offers it ('ko-KR' -> 'ko'), else English."""
    wanted = (locale or "").replace("_", "-").split("-")[0].lower()
    return wanted if wanted in languages else SOURCE_LANGUAGE


def current(k: Knowledge | None) -> str:
    """The session's language, set at the start of every run (before any words are drawn)."""
    languages = offered(k)
    chosen = links.read("lang", lambda raw: raw.lower() if raw.lower() in languages else None)
    if chosen is not None:
        st.session_state[LANGUAGE] = chosen
    guessed = from_locale(st.context.locale, languages)
    if st.session_state.get(LANGUAGE) not in languages:
        st.session_state[LANGUAGE] = guessed
    language = st.session_state[LANGUAGE]
    if language == guessed:  # keep a choice in the address, not the browser's own guess
        st.query_params.pop("lang", None)
    else:
        st.query_params["lang"] = language
    return language


def _chosen() -> None:
    st.session_state[LANGUAGE] = st.session_state[CHOICE]
    st.query_params.pop("lang", None)  # the link is read first on the next run: it must not undo the choice


def choose(k: Knowledge | None, where: DeltaGenerator) -> None:
    """The language switch, each language in its own name; only when there is a choice. In the sidebar, or at the
    top of the page in the consultation and workshop views (their sidebar starts closed)."""
    languages = offered(k)
    if len(languages) < 2:
        return
    st.session_state[CHOICE] = st.session_state[LANGUAGE]
    where.segmented_control(
        t("common.language"), options=list(languages), format_func=LANGUAGE_NAMES.get, key=CHOICE, on_change=_chosen
    )


def apply(k: Knowledge | None, language: str) -> None:
    """Tell the browser the page's language (<html lang>), so screen readers read Korean as Korean. Only where
    the language can change: with one language the page is English, as Streamlit's own page already says."""
    if len(offered(k)) > 1:
        st.html(LANGUAGE_SCRIPTS[language], unsafe_allow_javascript=True)
