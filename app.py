"""Entry point: page config, navigation over pages/, the view mode, the sidebar, and the shared footer."""

import streamlit as st

from ui import modes, render, rooms
from ui.knowledge import get_knowledge
from ui.style import ICON

mode = modes.current()
st.set_page_config(
    page_title="Injectables reversal guide",
    page_icon=ICON,
    layout="centered",
    initial_sidebar_state="auto" if mode == modes.DEFAULT else "collapsed",
)


def page(path: str, title: str, icon: str, url_path: str, *, show: bool = True, default: bool = False) -> st.Page:
    return st.Page(
        path, title=title, icon=icon, url_path=url_path, default=default, visibility="visible" if show else "hidden"
    )


PAGES = [
    page("pages/home.py", "Home", ":material/home:", "home", default=True),
    page("pages/self_check.py", "Symptom self-check", ":material/emergency:", "self-check"),
    page("pages/reversibility.py", "Can it be reversed?", ":material/undo:", "reversibility"),
    page("pages/timeline.py", "Recovery timeline", ":material/timeline:", "timeline"),
    page("pages/checklist.py", "Choosing an injector", ":material/checklist:", "checklist"),
    page("pages/scenarios.py", "Case scenarios", ":material/groups:", "scenarios", show=mode == "workshop"),
    page("pages/summary.py", "For my clinic", ":material/download:", "summary", show=not modes.is_presenting(mode)),
    page("pages/sources.py", "Sources", ":material/menu_book:", "sources"),
    page("pages/join.py", "Join a live workshop", ":material/groups:", rooms.JOIN_PATH, show=False),
]

# A participant's phone in a live room gets the page alone: no menu, no sidebar.
joining = rooms.is_join_address()
current_page = st.navigation(PAGES, position="hidden" if joining else "sidebar" if mode == modes.DEFAULT else "top")
joining = joining or current_page.url_path == rooms.JOIN_PATH
knowledge = get_knowledge()
modes.apply(mode)
if not joining:
    modes.switch(mode)
    render.sidebar(knowledge)
if knowledge is None:
    render.unavailable()
    st.stop()
current_page.run()
if joining:
    render.safety_lines(knowledge)
render.footer(knowledge)
