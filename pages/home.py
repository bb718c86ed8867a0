"""Home: what the guide covers, and a route for each kind of visitor."""

import streamlit as st

from ui import render
from ui.content import for_page
from ui.pages import inside_app
from ui.text import t

inside_app()  # first: a visit Streamlit runs without app.py is handed to app.py

k = for_page()

st.title(k.meta.title)
st.markdown(t("home.intro"))
render.emergency_line(k)
render.act_now_line(k)

with st.container(border=True):
    st.header(t("home.worried_heading"))
    st.markdown(t("home.worried_text"))
    st.page_link("pages/self-check.py", label=t("home.start_self_check"), icon=":material/emergency:")

with st.container(border=True):
    st.header(t("home.thinking_heading"))
    st.markdown(t("home.thinking_text"))
    st.page_link("pages/checklist.py", label=t("home.checklist_link"), icon=":material/checklist:")
    st.page_link("pages/reversibility.py", label=t("home.reversibility_link"), icon=":material/undo:")

with st.container(border=True):
    st.header(t("home.already_heading"))
    st.markdown(t("home.already_text"))
    st.page_link("pages/timeline.py", label=t("pages.timeline"), icon=":material/timeline:")

st.page_link("pages/sources.py", label=t("home.sources_link"), icon=":material/menu_book:")
