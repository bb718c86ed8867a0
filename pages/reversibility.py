"""Filler reversibility checker: a product, a material or "I don't know" in; what can be undone out."""

import streamlit as st

from knowledge.queries import Reversibility, assess_reversibility, find_product
from ui import explored, links, render
from ui.knowledge import knowledge
from ui.options import reversibility_choices

k = knowledge()
choices = reversibility_choices(k)


def from_link(raw: str) -> str | None:
    """A link may name a choice by id (?product=radiesse) or a product by name or alias (?product=Voluma)."""
    if raw in choices:
        return raw
    product = find_product(k, raw)
    return product.id if product else None


update_link = links.bind("product", from_link)

st.title("Can it be reversed?")
st.markdown("Choose the product you had, or what it is made of. If you are not sure, choose *I don't know*.")
choice = st.selectbox(
    "Product or material",
    options=list(choices),
    format_func=lambda key: choices[key].label,
    index=None,
    placeholder="Type a product name, e.g. Juvéderm or Radiesse",
    key="product",
    filter_mode="contains",
    on_change=update_link,
)
explored.remember("reversibility", None if choice is None else choices[choice].query)


def show(answer: Reversibility) -> None:
    render.verdict_banner(answer.verdict)
    if answer.product:
        st.markdown(f"**{answer.product.name}** ({answer.product.maker}) is made of **{answer.material.name}**.")
        render.sources_caption(k, answer.product.sources)
    render.cited(k, answer.headline)
    if answer.how_to_find_out:
        st.header("How to find out")
        render.cited_list(k, answer.how_to_find_out)
    if answer.options:
        st.header("What can be done")
        for option in answer.options:
            render.method(k, option)
    if answer.lasts:
        st.header("How long it lasts")
        render.cited(k, answer.lasts)
    if answer.caveats:
        st.header("Good to know")
        render.cited_list(k, answer.caveats)
    st.page_link("pages/timeline.py", label="See the recovery timeline", icon=":material/timeline:")


if choice is None:
    st.info("Choose a product above to see the answer.", icon=":material/arrow_upward:")
else:
    show(assess_reversibility(k, **choices[choice].query))
