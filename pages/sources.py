"""Sources: who checked the content, every source and what it supports, and the words explained."""

import streamlit as st

from ui import render
from ui.content import for_page, source_uses
from ui.pages import inside_app

inside_app()  # first: a visit Streamlit runs without app.py is handed to app.py

k = for_page()
uses = source_uses()
review = k.meta.clinical_review

st.title("Sources")
st.markdown(
    f"Every fact in this guide names its sources. Content version **{k.meta.version}**, "
    f"last checked against its sources on **{k.meta.reviewed:%d %B %Y}**."
)
with st.container(border=True, key="review-status"):
    st.markdown("**Who checked this content**")
    st.markdown(f"{k.meta.reviewed_by}")
    if review.status == "signed_off":
        st.success(f"Signed off by {review.clinician} on {review.signed_off_on:%d %B %Y}. {review.statement}")
    else:
        st.warning(f"**Not yet reviewed by a clinician.** {review.statement}", icon=":material/pending:")
    st.markdown(f"**How the guide is kept up to date:** {k.meta.update_policy}")
st.markdown(
    "A health fact in this guide always rests on a regulator, product labelling, a guideline or a "
    "published study. Source articles and makers' web pages are shown as context only."
)

weight = list(render.SOURCE_KIND_LABELS)  # regulators first; source articles and makers' pages last
for source in sorted(k.sources, key=lambda s: weight.index(s.kind)):
    with st.container(border=True):
        title = f"[{source.title}]({source.url})" if source.url else source.title
        byline = ", ".join(part for part in (source.author, source.publisher, str(source.year or "")) if part)
        st.markdown(f"**{title}**  \n{byline}")
        st.caption(f"{render.SOURCE_KIND_LABELS[source.kind]} · last checked {source.reviewed:%d %B %Y}")
        if source.no_url:
            st.markdown(f"*No web address:* {source.no_url}")
        if source.note:
            st.markdown(source.note)
        with st.expander(f"What it supports ({len(uses[source.id])})"):
            st.markdown("\n".join(f"- {place}" for place in uses[source.id]))

st.header("Words explained")
for entry in k.glossary:
    st.markdown(f"**{entry.term}**: {entry.meaning.text}")
    render.sources_caption(k, entry.meaning.sources)
