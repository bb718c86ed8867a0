"""Entry point: page config, navigation over pages/, the sidebar, and the footer every page shares."""

import streamlit as st

from ui import render
from ui.knowledge import get_knowledge

st.set_page_config(page_title="Injectables reversal guide", page_icon="💉", layout="centered")

PAGES = [
    st.Page("pages/home.py", title="Home", icon=":material/home:", url_path="home", default=True),
    st.Page("pages/self_check.py", title="Symptom self-check", icon=":material/emergency:", url_path="self-check"),
    st.Page("pages/reversibility.py", title="Can it be reversed?", icon=":material/undo:", url_path="reversibility"),
    st.Page("pages/timeline.py", title="Recovery timeline", icon=":material/timeline:", url_path="timeline"),
    st.Page("pages/checklist.py", title="Choosing an injector", icon=":material/checklist:", url_path="checklist"),
    st.Page("pages/sources.py", title="Sources", icon=":material/menu_book:", url_path="sources"),
]

page = st.navigation(PAGES)
knowledge = get_knowledge()
render.sidebar(knowledge)
if knowledge is None:
    render.unavailable()
    st.stop()
page.run()
render.footer(knowledge)
