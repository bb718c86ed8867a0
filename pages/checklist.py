"""Choosing an injector: tick what you already know; see what to ask next."""

import streamlit as st

from knowledge.queries import checklist_result
from ui import explored, render
from ui.content import for_page
from ui.pages import inside_app
from ui.text import t

inside_app()  # first: a visit Streamlit runs without app.py is handed to app.py

k = for_page()

st.title(t("pages.checklist"))
st.markdown(t("checklist.intro"))

ticked = []
for item in k.checklist:
    with st.container(border=True):
        if st.checkbox(f"**{item.topic}**: {item.question}", key=f"check-{item.id}"):
            ticked.append(item.id)
        st.caption(t("checklist.why_it_matters", text=item.why.text))
        render.sources_caption(k, item.why.sources)

result = checklist_result(k, ticked)
explored.remember(explored.ChecklistInputs(ticked=tuple(ticked)))
st.header(t("checklist.your_result"))
total = len(result.covered) + len(result.missing)
st.progress(len(result.covered) / total, text=t("checklist.covered_of", covered=len(result.covered), total=total))
if result.complete:
    st.success(t("checklist.complete"))
else:
    st.markdown(t("checklist.ask_next"))
    st.markdown("\n".join(f"{n}. {question}" for n, question in enumerate(result.ask_next, start=1)))
if result.covered:
    st.markdown(t("checklist.covered", topics=", ".join(item.topic for item in result.covered)))
