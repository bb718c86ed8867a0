"""Sources: who checked the content, every source and what it supports, and the words explained."""

import streamlit as st

from knowledge.schema import AUTHORITY_KINDS, Source
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


def entry(source: Source) -> str:
    """One source as a paragraph: title and link, who and when, its kind, and every fact it supports."""
    title = f"[{source.title}]({source.url})" if source.url else source.title
    byline = ", ".join(part for part in (source.author, source.publisher, str(source.year or "")) if part)
    lines = [f"**{title}**", byline, f"*Last checked {source.reviewed:%d %B %Y}*"]
    if source.no_url:
        lines.append(f"*No web address:* {source.no_url}")
    if source.note:
        lines.append(source.note)
    lines.append(f"*What it supports ({len(uses[source.id])}):* " + "; ".join(uses[source.id]))
    return "  \n".join(line for line in lines if line)


# One block per kind of source, regulators first: 400 sources as a few elements, not thousands, so the page
# opens fast on a phone. The evidence kinds are open; context-only kinds (makers' pages, source articles) are
# folded, as they never support a health fact alone.
for kind in render.SOURCE_KIND_ORDER:
    label = render.source_kind_label(kind)
    group = [source for source in k.sources if source.kind == kind]
    if group:
        with st.expander(f"{label} ({len(group)})", expanded=kind in AUTHORITY_KINDS):
            st.markdown("\n\n".join(entry(source) for source in group))

st.header("Words explained")
for entry in k.glossary:
    st.markdown(f"**{entry.term}**: {entry.meaning.text}")
    render.sources_caption(k, entry.meaning.sources)
