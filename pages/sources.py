"""Sources: who checked the content, every source and what it supports, and the words explained."""

import streamlit as st

from knowledge.schema import AUTHORITY_KINDS, Source
from ui import render
from ui.content import for_page, source_uses
from ui.pages import inside_app
from ui.text import long_date, t

inside_app()  # first: a visit Streamlit runs without app.py is handed to app.py

k = for_page()
uses = source_uses()
review = k.meta.clinical_review

st.title(t("pages.sources"))
st.markdown(t("sources.intro", version=k.meta.version, date=long_date(k.meta.reviewed)))
with st.container(border=True, key="review-status"):
    st.markdown(t("sources.who_checked"))
    st.markdown(f"{k.meta.reviewed_by}")
    if review.status == "signed_off":
        st.success(
            t(
                "sources.signed_off",
                clinician=review.clinician,
                date=long_date(review.signed_off_on),
                statement=review.statement,
            )
        )
    else:
        st.warning(t("sources.not_reviewed", statement=review.statement), icon=":material/pending:")
    st.markdown(t("sources.kept_up_to_date", policy=k.meta.update_policy))
st.markdown(t("sources.evidence_note"))


def entry(source: Source) -> str:
    """One source as a paragraph: title and link, who and when, its kind, and every fact it supports."""
    title = f"[{source.title}]({source.url})" if source.url else source.title
    byline = ", ".join(part for part in (source.author, source.publisher, str(source.year or "")) if part)
    lines = [f"**{title}**", byline, t("sources.last_checked", date=long_date(source.reviewed))]
    if source.no_url:
        lines.append(t("sources.no_web_address", why=source.no_url))
    if source.note:
        lines.append(source.note)
    lines.append(t("sources.what_it_supports", count=len(uses[source.id]), facts="; ".join(uses[source.id])))
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

st.header(t("sources.words_explained"))
for entry in k.glossary:
    st.markdown(f"**{entry.term}**: {entry.meaning.text}")
    render.sources_caption(k, entry.meaning.sources)
