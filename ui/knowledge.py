"""The knowledge, loaded and validated once per process."""

from __future__ import annotations

import logging
import os

import streamlit as st

from knowledge import CONTENT_DIR, ContentError, Knowledge, load_knowledge
from knowledge.queries import facts_by_source

log = logging.getLogger(__name__)

# Lets a test (or a content editor previewing changes) point the app at another content folder.
CONTENT_DIR_ENV = "GUIDE_CONTENT_DIR"


@st.cache_resource(show_spinner=False)
def _load(directory: str) -> Knowledge:
    return load_knowledge(directory)


def content_directory() -> str:
    """The content folder in use; also a cache key for anything derived from the knowledge."""
    return os.environ.get(CONTENT_DIR_ENV) or str(CONTENT_DIR)


def get_knowledge() -> Knowledge | None:
    """The validated knowledge, or None when the content is invalid (the problems go to the server log)."""
    try:
        return _load(content_directory())
    except ContentError as error:
        log.error("The guide is unavailable: %s", error)
        return None


def knowledge() -> Knowledge:
    """For pages: app.py has already stopped the run if the content is invalid."""
    loaded = get_knowledge()
    if loaded is None:
        st.stop()
    return loaded


@st.cache_resource(show_spinner=False)
def _facts_by_source(directory: str) -> dict[str, list[str]]:
    return facts_by_source(_load(directory))


def source_uses() -> dict[str, list[str]]:
    """Which facts rely on each source: the same for everyone, so worked out once per process (read only)."""
    return _facts_by_source(content_directory())
