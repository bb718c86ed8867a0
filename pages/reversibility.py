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
from ui.text import t

inside_app()  # first: a visit Streamlit runs without app.py is handed to app.py

k = for_page()
QUERY, DONT_KNOW, NONE_OF_THESE, UNKNOWN = "product-query", "dont-know", "none", "unknown"


def not_listed() -> str:
    return t("reversibility.not_listed", count=len(k.products))


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

st.title(t("pages.reversibility"))
st.markdown(t("reversibility.intro"))
query = st.text_input(
    t("reversibility.product_name"),
    key=QUERY,
    on_change=typed,
    placeholder=t("reversibility.placeholder"),
    max_chars=links.MAX_LENGTH,
)
st.button(t("reversibility.dont_know"), icon=":material/help:", on_click=dont_know)


def matched_line(found: Resolution, answer: Reversibility) -> None:
    """Say what the answer is about, so a wrong match is easy to see."""
    material = answer.material.name if answer.material else ""
    if answer.product:
        product = answer.product
        st.markdown(t("reversibility.matched_product", product=product.name, maker=product.maker, material=material))
        render.sources_caption(k, answer.product_sources, t("reversibility.made_of"))
    elif found.kind == "brand":
        st.markdown(t("reversibility.matched_brand", brand=found.brand, material=material))
    elif found.kind == "material":
        st.markdown(t("reversibility.matched_material", material=material))
    st.caption(t("reversibility.not_your_product"))


def show(answer: Reversibility) -> None:
    render.verdict_banner(k, answer.verdict)
    render.cited(k, answer.headline)
    if answer.how_to_find_out:
        st.header(t("reversibility.how_to_find_out"))
        render.cited_list(k, answer.how_to_find_out)
    if answer.options:
        st.header(t("reversibility.what_can_be_done"))
        for option in answer.options:
            render.method(k, option)
    if answer.lasts:
        st.header(t("reversibility.how_long_it_lasts"))
        render.cited(k, answer.lasts)
    if answer.caveats:
        st.header(t("reversibility.good_to_know"))
        render.cited_list(k, answer.caveats)
    st.page_link("pages/timeline.py", label=t("reversibility.see_timeline"), icon=":material/timeline:")


BRAND_OPTION = "brand"


def pick(found: Resolution) -> str | None:
    """Offer the candidates (and a misspelt brand as a whole, when all its lines get the same answer); the
    person chooses one, or none of them."""
    fuzzy = any(c.fuzzy for c in found.candidates)
    heading = t("reversibility.did_you_mean") if fuzzy else t("reversibility.which_one")
    labels = {
        c.product.id: t("reversibility.candidate", product=c.product.name, maker=c.product.maker)
        for c in found.candidates
    }
    if found.brand and found.material:
        labels = {BRAND_OPTION: t("reversibility.brand_any_line", brand=found.brand), **labels}
    labels[NONE_OF_THESE] = t("reversibility.none_of_these")
    key = "pick-" + hashlib.sha256(" ".join(found.typed.split()).casefold().encode()).hexdigest()[:12]
    return st.radio(
        heading,
        options=list(labels),
        format_func=labels.get,
        index=None,
        key=key,
    )


found = resolve(k, query or "")
if st.session_state.get(DONT_KNOW) and not query:
    explored.remember(explored.ReversibilityInputs())
    show(assess_reversibility(k))
elif found.kind == "empty":
    explored.forget(explored.ReversibilityInputs)
    st.info(t("reversibility.type_above"), icon=":material/arrow_upward:")
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
        with st.expander(t("reversibility.brand_lines", brand=found.brand, count=len(found.candidates))):
            st.markdown("\n".join(f"- {c.product.name}" for c in found.candidates))
    show(answer)
elif found.kind == "suggest":
    choice = pick(found)
    if choice is None:
        explored.forget(explored.ReversibilityInputs)
        st.info(t("reversibility.choose_product"), icon=":material/arrow_upward:")
    elif choice == BRAND_OPTION:
        explored.remember(explored.ReversibilityInputs(material=found.material.id))
        answer = assess_reversibility(k, material=found.material.id)
        matched_line(found.model_copy(update={"kind": "brand"}), answer)
        show(answer)
    elif choice == NONE_OF_THESE:
        explored.remember(explored.ReversibilityInputs())
        st.warning(not_listed(), icon=":material/search_off:")
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
    st.warning(not_listed(), icon=":material/search_off:")
    show(assess_reversibility(k))
