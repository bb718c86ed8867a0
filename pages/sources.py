"""Sources: every source, what it supports, and when it was last checked; and the words explained."""

import streamlit as st

from ui import render
from ui.knowledge import knowledge, source_uses

k = knowledge()
uses = source_uses()

st.title("Sources")
st.markdown(
    f"Every fact in this guide names its sources. Content version **{k.meta.version}**, "
    f"last reviewed **{k.meta.reviewed:%d %B %Y}** by {k.meta.reviewed_by.lower()}."
)
st.markdown(f"**How the guide is kept up to date:** {k.meta.update_policy}")

for source in k.sources:
    with st.container(border=True):
        title = f"[{source.title}]({source.url})" if source.url else source.title
        st.markdown(f"**{title}**  \n{source.publisher}")
        st.caption(f"{render.SOURCE_KIND_LABELS[source.kind]} · last checked {source.reviewed:%d %B %Y}")
        if source.note:
            st.markdown(source.note)
        with st.expander(f"What it supports ({len(uses[source.id])})"):
            st.markdown("\n".join(f"- {place}" for place in uses[source.id]))

st.header("Words explained")
for entry in k.glossary:
    st.markdown(f"**{entry.term}**: {entry.meaning.text}")
    render.sources_caption(k, entry.meaning.sources)
