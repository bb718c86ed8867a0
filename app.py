"""Entry point: page config, navigation over pages/, the view mode, the sidebar, and the shared footer."""

import streamlit as st

import serving
from ui import language, modes, pages, place, render, rooms
from ui.content import loaded_or_none, source_content
from ui.style import ICON
from ui.text import t

serving.apply_in_app()  # once per process: see serving/__init__.py
mode = modes.current()
written = source_content()
reader_language = language.current(written)  # before any words: every text below is in the reader's language
st.set_page_config(
    page_title=t("common.app_title"),
    page_icon=ICON,
    layout="centered",
    initial_sidebar_state="auto" if mode == modes.DEFAULT else "collapsed",
)


# A participant's phone in a live room gets the page alone: no menu, no sidebar.
joining = rooms.is_join_address()
current_page = st.navigation(
    pages.navigation_pages(mode), position="hidden" if joining else "sidebar" if mode == modes.DEFAULT else "top"
)
joining = joining or current_page.url_path == rooms.JOIN_PATH
region = place.current(written) if written is not None else None
guide = loaded_or_none()
modes.apply(mode)
language.apply(written, reader_language)
if not joining:
    language.choose(written, st.sidebar if mode == modes.DEFAULT else st.container())
    modes.switch(mode)
    render.sidebar(guide, lambda: place.choose(guide, region))
if guide is None:
    render.unavailable()
    st.stop()
pages.run(current_page)
if joining:
    render.safety_lines(guide)
render.footer(guide)
