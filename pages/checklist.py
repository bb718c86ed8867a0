"""Choosing an injector: tick what you already know; see what to ask next."""

import streamlit as st

from knowledge.queries import checklist_result
from ui import explored, render
from ui.content import for_page
from ui.pages import inside_app

inside_app()  # first: a visit Streamlit runs without app.py is handed to app.py

k = for_page()

st.title("Choosing an injector")
st.markdown("Before you book, tick each thing you already know or have checked. Each item says why it matters.")

ticked = []
for item in k.checklist:
    with st.container(border=True):
        if st.checkbox(f"**{item.topic}**: {item.question}", key=f"check-{item.id}"):
            ticked.append(item.id)
        st.caption(f"Why it matters: {item.why.text}")
        render.sources_caption(k, item.why.sources)

result = checklist_result(k, ticked)
explored.remember(explored.ChecklistInputs(ticked=tuple(ticked)))
st.header("Your result")
total = len(result.covered) + len(result.missing)
st.progress(len(result.covered) / total, text=f"You have covered {len(result.covered)} of {total}.")
if result.complete:
    st.success("You have covered every item. Keep the answers with your treatment record.")
else:
    st.markdown("**Questions to ask next:**")
    st.markdown("\n".join(f"{n}. {question}" for n, question in enumerate(result.ask_next, start=1)))
if result.covered:
    st.markdown("**Covered:** " + ", ".join(item.topic for item in result.covered))
