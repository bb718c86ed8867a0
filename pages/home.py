"""Home: what the guide covers, and a route for each kind of visitor."""

import streamlit as st

from ui import render
from ui.content import for_page
from ui.pages import inside_app

inside_app()  # first: a visit Streamlit runs without app.py is handed to app.py

k = for_page()

st.title(k.meta.title)
st.markdown(
    "What can be undone after fillers and Botox, what is normal after treatment, "
    "when to get help, and how to choose who treats you."
)
render.emergency_line(k)
render.act_now_line(k)

with st.container(border=True):
    st.header("Worried about a symptom now?")
    st.markdown("Answer a few questions. You will see how soon to get help and who to contact.")
    st.page_link("pages/self-check.py", label="Start the symptom self-check", icon=":material/emergency:")

with st.container(border=True):
    st.header("Thinking about treatment?")
    st.markdown("Find out what can be reversed, and what to ask before you book.")
    st.page_link("pages/checklist.py", label="Choosing an injector: questions to ask", icon=":material/checklist:")
    st.page_link("pages/reversibility.py", label="Can my filler or Botox be reversed?", icon=":material/undo:")

with st.container(border=True):
    st.header("Already had treatment?")
    st.markdown("See what recovery usually looks like, day by day.")
    st.page_link("pages/timeline.py", label="Recovery timeline", icon=":material/timeline:")

st.page_link("pages/sources.py", label="Where the facts come from", icon=":material/menu_book:")
