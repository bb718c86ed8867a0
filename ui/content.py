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
from ui.text import language, t

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


Reader = tuple[str, str, str | None]  # content folder, language, region


def reader() -> Reader:
    """Everything that makes one reader's content differ from another's. Every per-process cache of something
    made from `for_page()` takes it as its key, so one reader's words (or emergency number) never reach another."""
    return content_directory(), language(), st.session_state.get(REGION) or None


def loaded_or_none() -> Knowledge | None:
    """The validated knowledge for this reader: in their language, with the emergency number of their region in
    every text (app.py sets both first: ui/language.py, ui/place.py); None when the content is invalid."""
    if source_content() is None:
        return None
    return _for_reader(*reader())


def for_page() -> Knowledge:
    """For pages: app.py has already stopped the run if the content is invalid."""
    loaded = loaded_or_none()
    if loaded is None:
        st.stop()
    return loaded


# The Sources page's words for the parts and fields of the content, looked up one at a time.
_PROVENANCE_WORDS = {
    "aftercare": lambda: t("provenance.aftercare"),
    "care_levels": lambda: t("provenance.care_levels"),
    "checklist": lambda: t("provenance.checklist"),
    "emergency_numbers": lambda: t("provenance.emergency_numbers"),
    "glossary": lambda: t("provenance.glossary"),
    "lookup": lambda: t("provenance.lookup"),
    "materials": lambda: t("provenance.materials"),
    "meta": lambda: t("provenance.meta"),
    "methods": lambda: t("provenance.methods"),
    "phases": lambda: t("provenance.phases"),
    "products": lambda: t("provenance.products"),
    "safety_net": lambda: t("provenance.safety_net"),
    "scenarios": lambda: t("provenance.scenarios"),
    "series": lambda: t("provenance.series"),
    "symptom_groups": lambda: t("provenance.symptom_groups"),
    "symptoms": lambda: t("provenance.symptoms"),
    "unknown_product": lambda: t("provenance.unknown_product"),
    "act_now_line": lambda: t("provenance.act_now_line"),
    "caveats": lambda: t("provenance.caveats"),
    "do_this": lambda: t("provenance.do_this"),
    "emergency_line": lambda: t("provenance.emergency_line"),
    "escalations": lambda: t("provenance.escalations"),
    "explanation": lambda: t("provenance.explanation"),
    "fact": lambda: t("provenance.fact"),
    "generic_answer": lambda: t("provenance.generic_answer"),
    "headline": lambda: t("provenance.headline"),
    "how_to_find_out": lambda: t("provenance.how_to_find_out"),
    "intro": lambda: t("provenance.intro"),
    "lasts": lambda: t("provenance.lasts"),
    "meaning": lambda: t("provenance.meaning"),
    "meanwhile": lambda: t("provenance.meanwhile"),
    "reason": lambda: t("provenance.reason"),
    "summary": lambda: t("provenance.summary"),
    "teaching_point": lambda: t("provenance.teaching_point"),
    "text": lambda: t("provenance.text"),
    "time_course": lambda: t("provenance.time_course"),
    "versions": lambda: t("provenance.versions"),
    "what": lambda: t("provenance.what"),
    "why": lambda: t("provenance.why"),
    "item": lambda: t("provenance.item"),
    "made_of": lambda: t("provenance.made_of"),
}


def _provenance_word(name: str) -> str:
    """The Sources page's word for a part or field of the content, in the reader's language."""
    return _PROVENANCE_WORDS[name]()


@per_process(maxsize=32)
def _facts_by_source(directory: str, language: str, region: str | None) -> dict[str, list[str]]:
    return facts_by_source(_for_reader(directory, language, region), _provenance_word)


def source_uses() -> dict[str, list[str]]:
    """Which facts rely on each source, named in the reader's language: the same for every reader of that
    language, so worked out once per process (read only)."""
    return _facts_by_source(*reader())
