"""Filler reversibility checker: a product name as it is on the record in, what can be undone out.

The typed name is read by the product lookup (knowledge/queries/lookup.py). The answer always names the product
and material it matched, so a wrong match is visible; a near spelling is only offered, never taken.
"""

import hashlib

import streamlit as st

from knowledge.queries import Resolution, Reversibility, assess_reversibility, resolve
from ui import explored, links, render
from ui.content import for_page
from ui.pages import inside_app

inside_app()  # first: a visit Streamlit runs without app.py is handed to app.py

k = for_page()
QUERY, DONT_KNOW, NONE_OF_THESE, UNKNOWN = "product-query", "dont-know", "none", "unknown"
NOT_LISTED = (
    f"That name is not among the {len(k.products)} products in this guide. Check the spelling on your record, "
    "or ask the clinic what the product is made of."
)


def from_link(raw: str) -> Resolution | str | None:
    """A link may name a product by id, name or alias (?product=voluma): kept only if the lookup is certain."""
    if raw == UNKNOWN:
        return UNKNOWN
    found = resolve(k, raw)
    return found if found.certain else None


def same_answer(a: Resolution, b: Resolution) -> bool:
    return (a.kind, a.product, a.material) == (b.kind, b.product, b.material)


def typed() -> None:
    st.session_state[DONT_KNOW] = False
    found = resolve(k, st.session_state.get(QUERY) or "")
    # The address gets the product's id, never free text a person typed.
    if found.kind == "product":
        st.query_params["product"] = found.product.id
    else:
        st.query_params.pop("product", None)


def dont_know() -> None:
    st.session_state[QUERY] = ""
    st.session_state[DONT_KNOW] = True
    st.query_params["product"] = UNKNOWN


linked = links.read("product", from_link)
if linked == UNKNOWN:
    st.session_state[QUERY], st.session_state[DONT_KNOW] = "", True
elif linked is not None and not same_answer(linked, resolve(k, st.session_state.get(QUERY) or "")):
    # Fill the box from the link, unless what is typed there already names the same thing ("voluma" stays).
    st.session_state[QUERY] = linked.product.name if linked.product else linked.typed

st.title("Can it be reversed?")
st.markdown(
    "Type the product name as it is on your treatment record, for example *Juvéderm Voluma XC 1 ml*, "
    "*Restylane Kysse*, *Radiesse (+)*, *Azzalure* or *보톡스*. Then press Enter."
)
query = st.text_input(
    "Product name",
    key=QUERY,
    on_change=typed,
    placeholder="e.g. Juvederm Volbella, Sculptra, Dysport",
    max_chars=links.MAX_LENGTH,
)
st.button("I don't know what was used", icon=":material/help:", on_click=dont_know)


def matched_line(found: Resolution, answer: Reversibility) -> None:
    """Say what the answer is about, so a wrong match is easy to see."""
    material = answer.material.name if answer.material else ""
    if answer.product:
        product = answer.product
        st.markdown(f"**Matched:** {product.name}, by {product.maker}. Made of **{material}**.")
        render.sources_caption(k, answer.product_sources, "What it is made of")
    elif found.kind == "brand":
        st.markdown(
            f"**Matched:** {found.brand}, without the line. Every line of it in this guide gets the same answer, "
            f"shown here for **{material}**."
        )
    elif found.kind == "material":
        st.markdown(f"**Matched the material:** {material}.")
    st.caption("Not your product? Check the name on your record and type it again.")


def show(answer: Reversibility) -> None:
    render.verdict_banner(answer.verdict)
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


BRAND_OPTION = "brand"


def pick(found: Resolution) -> str | None:
    """Offer the candidates (and a misspelt brand as a whole, when all its lines get the same answer); the
    person chooses one, or none of them."""
    heading = "Did you mean:" if any(c.fuzzy for c in found.candidates) else "Which one is it?"
    labels = {c.product.id: f"{c.product.name}, by {c.product.maker}" for c in found.candidates}
    if found.brand and found.material:
        labels = {BRAND_OPTION: f"{found.brand}, but I don't know which line", **labels}
    key = "pick-" + hashlib.sha256(" ".join(found.typed.split()).casefold().encode()).hexdigest()[:12]
    return st.radio(
        heading,
        options=[*labels, NONE_OF_THESE],
        format_func=lambda pid: labels.get(pid, "None of these"),
        index=None,
        key=key,
    )


found = resolve(k, query or "")
if st.session_state.get(DONT_KNOW) and not query:
    explored.remember(explored.ReversibilityInputs())
    show(assess_reversibility(k))
elif found.kind == "empty":
    explored.forget(explored.ReversibilityInputs)
    st.info("Type a product name above to see the answer.", icon=":material/arrow_upward:")
elif found.kind == "product":
    explored.remember(explored.ReversibilityInputs(product=found.product.id))
    answer = assess_reversibility(k, product=found.product.id)
    matched_line(found, answer)
    show(answer)
elif found.kind in ("brand", "material"):
    explored.remember(explored.ReversibilityInputs(material=found.material.id))
    answer = assess_reversibility(k, material=found.material.id)
    matched_line(found, answer)
    if found.kind == "brand" and found.candidates:
        with st.expander(f"Lines of {found.brand} in this guide ({len(found.candidates)})"):
            st.markdown("\n".join(f"- {c.product.name}" for c in found.candidates))
    show(answer)
elif found.kind == "suggest":
    choice = pick(found)
    if choice is None:
        explored.forget(explored.ReversibilityInputs)
        st.info("Choose the product that matches your record.", icon=":material/arrow_upward:")
    elif choice == BRAND_OPTION:
        explored.remember(explored.ReversibilityInputs(material=found.material.id))
        answer = assess_reversibility(k, material=found.material.id)
        matched_line(found.model_copy(update={"kind": "brand"}), answer)
        show(answer)
    elif choice == NONE_OF_THESE:
        explored.remember(explored.ReversibilityInputs())
        st.warning(NOT_LISTED, icon=":material/search_off:")
        show(assess_reversibility(k))
    else:
        explored.remember(explored.ReversibilityInputs(product=choice))
        answer = assess_reversibility(k, product=choice)
        matched_line(found, answer)
        show(answer)
elif found.kind == "generic":
    explored.remember(explored.ReversibilityInputs())
    render.cited(k, k.lookup.generic_answer)
    show(assess_reversibility(k))
else:
    explored.remember(explored.ReversibilityInputs())
    st.warning(NOT_LISTED, icon=":material/search_off:")
    show(assess_reversibility(k))
