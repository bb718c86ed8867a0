"""The guide's content for the app: the knowledge package's validated `Knowledge`, loaded once per process (a
cache no browser message can empty: ui/caching.py), and what pages derive from it once."""

from __future__ import annotations

import os
from pathlib import Path

import streamlit as st
from streamlit.logger import get_logger

from knowledge import CONTENT_DIR, ContentError, Knowledge, load_knowledge, translations
from knowledge.queries import facts_by_source
from knowledge.queries.emergency import with_emergency_number
from knowledge.schema import SOURCE_LANGUAGE
from ui.caching import per_process
from ui.place import REGION
from ui.text import language

log = get_logger(__name__)  # Streamlit's logger: shown at --logger.level info

# Lets a test (or a content editor previewing changes) point the app at another content folder.
CONTENT_DIR_ENV = "GUIDE_CONTENT_DIR"


@per_process(maxsize=8)
def _load(directory: str) -> Knowledge:
    loaded = load_knowledge(directory)
    log.info("Loaded the knowledge from %s", directory)
    return loaded


def content_directory() -> str:
    """The content folder in use; also a cache key for anything derived from the knowledge."""
    return os.environ.get(CONTENT_DIR_ENV) or str(CONTENT_DIR)


@per_process(maxsize=32)
def _for_reader(directory: str, language: str, region: str | None) -> Knowledge:
    written = _load(directory)
    if language != SOURCE_LANGUAGE:
        problems = translations.check(written, Path(directory), language)
        if problems:  # never half a language: the check in CI names each missing text
            log.error("The %s translation is incomplete (%d problems); showing English", language, len(problems))
        else:
            written = translations.translate(written, Path(directory), language)
    return with_emergency_number(written, region)


def source_content() -> Knowledge | None:
    """The validated knowledge as written, {emergency_number} and all; None when the content is invalid (the
    problems go to the server log)."""
    try:
        return _load(content_directory())
    except ContentError as error:
        log.error("The guide is unavailable: %s", error)
        return None


def loaded_or_none() -> Knowledge | None:
    """The validated knowledge for this reader: in their language, with the emergency number of their region in
    every text (app.py sets both first: ui/language.py, ui/place.py); None when the content is invalid."""
    if source_content() is None:
        return None
    return _for_reader(content_directory(), language(), st.session_state.get(REGION) or None)


def for_page() -> Knowledge:
    """For pages: app.py has already stopped the run if the content is invalid."""
    loaded = loaded_or_none()
    if loaded is None:
        st.stop()
    return loaded


@per_process(maxsize=8)
def _facts_by_source(directory: str) -> dict[str, list[str]]:
    return facts_by_source(_load(directory))


def source_uses() -> dict[str, list[str]]:
    """Which facts rely on each source: the same for everyone, so worked out once per process (read only)."""
    return _facts_by_source(content_directory())
