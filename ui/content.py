"""The guide's content for the app: the knowledge package's validated `Knowledge`, loaded once per process (a
cache no browser message can empty: ui/caching.py), and what pages derive from it once."""

from __future__ import annotations

import os

import streamlit as st
from streamlit.logger import get_logger

from knowledge import CONTENT_DIR, ContentError, Knowledge, load_knowledge
from knowledge.queries import facts_by_source
from ui.caching import per_process

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


def loaded_or_none() -> Knowledge | None:
    """The validated knowledge, or None when the content is invalid (the problems go to the server log)."""
    try:
        return _load(content_directory())
    except ContentError as error:
        log.error("The guide is unavailable: %s", error)
        return None


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
