"""Reversibility: HA dissolves, other fillers do not, Botox wears off, and 'I don't know' never reassures."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from knowledge import load_knowledge
from knowledge.queries import UnknownIdError, assess_reversibility

K = load_knowledge()

EXPECTED = {
    "juvederm-voluma-xc": "dissolvable",
    "restylane": "dissolvable",
    "belotero-balance": "dissolvable",
    "teosyal-rha-2": "dissolvable",
    "profhilo": "dissolvable",
    "harmonyca": "partly",
    "juvelook": "partly",
    "radiesse": "not_dissolvable",
    "sculptra": "not_dissolvable",
    "aesthefill": "not_dissolvable",
    "ellanse-m": "not_dissolvable",
    "bellafill": "not_dissolvable",
    "aquamid": "not_dissolvable",
    "adatosil-5000": "not_dissolvable",
    "rejuran-healer": "not_dissolvable",
    "botox": "wears_off",
    "dysport": "wears_off",
    "xeomin": "wears_off",
    "daxxify": "wears_off",
}
HA_MATERIALS = {"hyaluronic-acid", "ha-skin-booster"}


@pytest.mark.parametrize(("product", "verdict"), EXPECTED.items())
def test_product_verdict(product, verdict):
    result = assess_reversibility(K, product=product)
    assert result.verdict == verdict
    assert result.product.id == product
    assert result.sources and result.options


def test_ha_answer_names_hyaluronidase_its_time_course_and_waiting_for_swelling():
    result = assess_reversibility(K, material="hyaluronic-acid")
    assert result.dissolvable
    enzyme = result.options[0]
    assert enzyme.id == "hyaluronidase"
    assert "several days" in enzyme.time_course.text
    assert "another session" in enzyme.time_course.text
    assert any("swelling" in c.text for c in result.caveats)


NOT_DISSOLVABLE = [m.id for m in K.materials if m.verdict == "not_dissolvable"]


@pytest.mark.parametrize("material", NOT_DISSOLVABLE)
def test_non_ha_answer_offers_alternatives_but_never_the_enzyme(material):
    result = assess_reversibility(K, material=material)
    assert not result.dissolvable
    ids = {o.id for o in result.options}
    assert "hyaluronidase" not in ids
    assert ids & {"massage", "more-filler", "steroid-injection", "surgery", "wait-absorb"}


def test_the_guide_covers_the_materials_the_review_named():
    assert {"polycaprolactone", "polyacrylamide", "silicone", "ha-caha", "ha-pdlla", "ha-skin-booster"} <= set(
        K.material_by_id
    )
    assert {"polynucleotides", "fat", "collagen", "pdlla"} <= set(K.material_by_id)


@pytest.mark.parametrize("material", ["ha-caha", "ha-pdlla"])
def test_a_hybrid_is_partly_dissolvable_and_says_what_stays(material):
    result = assess_reversibility(K, material=material)
    assert result.verdict == "partly" and not result.dissolvable
    assert result.headline.text.startswith("Partly.")
    ids = {o.id for o in result.options}
    assert "hyaluronidase" in ids and ids - {"hyaluronidase"}  # the enzyme for the HA, and something for the rest
    assert "stay" in result.headline.text


@pytest.mark.parametrize("material", [m.id for m in K.materials if m.permanent])
def test_permanent_filler_says_it_is_permanent_and_what_removal_means(material):
    result = assess_reversibility(K, material=material)
    assert "permanent" in result.headline.text
    assert "surgery" in {o.id for o in result.options}


def test_daxxify_says_it_lasts_longer_than_other_toxins():
    result = assess_reversibility(K, product="daxxify")
    assert result.verdict == "wears_off"
    assert "6 months" in result.lasts.text
    waiting = next(o for o in result.options if o.id == "wait-wear-off")
    assert "6 months" in waiting.time_course.text and "About 3 months" not in waiting.time_course.text
    usual = next(o for o in assess_reversibility(K, product="botox").options if o.id == "wait-wear-off")
    assert "3 months" in usual.time_course.text


def test_botox_is_not_a_filler_and_wears_off_with_eye_drops_for_droopy_lid():
    result = assess_reversibility(K, product="botox")
    assert "not a filler" in result.headline.text
    assert "3 months" in result.lasts.text and "3 to 4 months" in result.lasts.text
    assert {"wait-wear-off", "eye-drops", "botox-top-up"} == {o.id for o in result.options}
    drops = next(o for o in result.options if o.id == "eye-drops")
    # The review's corrections: one drop is approved, the other off-label, and neither lifts a dropped brow.
    assert "approved" in drops.what.text and "off-label" in drops.caveats[0].text
    assert "not the eyebrow" in drops.caveats[1].text


def test_dont_know_explains_how_to_find_out():
    result = assess_reversibility(K)
    assert result.verdict == "unknown" and not result.dissolvable
    assert any("product" in c.text for c in result.how_to_find_out)
    assert result.sources


@given(st.sampled_from([None, *K.product_by_id]), st.sampled_from([None, *K.material_by_id]))
def test_unknown_is_never_dissolvable_and_every_answer_is_cited(product, material):
    result = assess_reversibility(K, product=product, material=material)
    if product is None and material is None:
        assert result.verdict == "unknown"
    assert result.dissolvable == (result.material is not None and result.material.id in HA_MATERIALS)
    assert result.sources


def test_unknown_ids_are_refused():
    with pytest.raises(UnknownIdError):
        assess_reversibility(K, product="nope")
    with pytest.raises(UnknownIdError):
        assess_reversibility(K, material="nope")
