"""The product lookup: the typed-name table (tests/lookup_cases.py), properties that hold for every name in the
catalogue, and the content rules every product line must meet."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lookup_cases import CASES, judge
from lookup_holdout import HOLDOUT, KNOWN_GAPS, expectation

from knowledge import load_knowledge
from knowledge.queries import products_for, resolve, timeline
from knowledge.schema import Product

K = load_knowledge()
NAMES = [(p.id, name) for p in K.products for name in (p.name, *p.aliases)]
TOXINS = products_for(K, "botox")


@pytest.mark.parametrize("case", CASES, ids=[f"{c.group}: {c.typed}" for c in CASES])
def test_typed_name_gets_the_expected_answer(case):
    resolution = resolve(K, case.typed)
    got = resolution.product.id if resolution.product else [c.product.id for c in resolution.candidates][:3]
    assert judge(resolution, case.expect) == "right", f"{case.typed!r}: {resolution.kind} {got}"


@pytest.mark.parametrize(("typed", "expect", "why"), HOLDOUT, ids=[row[0] for row in HOLDOUT])
def test_blind_table_name_gets_an_answer_that_is_not_wrong(typed, expect, why):
    resolution = resolve(K, typed)
    outcome = judge(resolution, expectation(K, resolution, expect))
    if typed in KNOWN_GAPS:
        assert outcome == "wrong", f"{typed!r} now works: take it off KNOWN_GAPS"
    else:
        assert outcome in ("right", "unknown"), f"{typed!r} ({why}): {resolution.kind}"


def test_blind_table_is_mostly_right():
    outcomes = [judge(r, expectation(K, r, e)) for r, e in ((resolve(K, t), e) for t, e, _ in HOLDOUT)]
    assert len(HOLDOUT) >= 300
    assert outcomes.count("right") >= 0.97 * len(HOLDOUT)


def test_the_table_is_big_and_covers_every_way_people_type():
    assert len(CASES) >= 200
    groups = {c.group for c in CASES}
    assert len(groups) >= 8
    assert sum(c.expect == "unknown" for c in CASES) >= 25
    assert sum(c.expect.startswith("offer:") for c in CASES) >= 40
    assert sum(any("\uac00" <= ch <= "\ud7a3" for ch in c.typed) for c in CASES) >= 15  # Hangul


def test_every_product_in_the_table_exists():
    for case in CASES:
        pid = case.expect.removeprefix("offer:")
        if ":" not in pid and pid not in ("unknown", "ask"):
            assert pid in K.product_by_id, case


# Properties over the whole catalogue.


@pytest.mark.parametrize(("product_id", "name"), NAMES, ids=[f"{pid}={name}" for pid, name in NAMES])
def test_every_name_and_alias_resolves_to_its_product(product_id, name):
    resolution = resolve(K, name)
    assert resolution.kind == "product" and resolution.product.id == product_id, resolution.kind


def _no_accents(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


DRESSING = st.sampled_from(
    [
        str.lower,
        str.upper,
        _no_accents,
        lambda s: f"{s} 1ml",
        lambda s: f"{s} 0.55 ml",
        lambda s: f"{s} XC",
        lambda s: f"  {s} with lidocaine ",
        lambda s: f"2 x 1ml {s}",
        lambda s: f"{s}®",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(NAMES), st.lists(DRESSING, min_size=1, max_size=3))
def test_a_name_in_any_case_accents_units_or_xc_still_resolves(named, dressings):
    product_id, name = named
    typed = name
    for dress in dressings:
        typed = dress(typed)
    resolution = resolve(K, typed)
    assert resolution.kind == "product" and resolution.product.id == product_id, (typed, resolution.kind)


GENERAL = sorted(K.lookup.generic_words + K.lookup.line_words)
DECORATION = st.sampled_from(["", "1ml", "0.5 ml", "2", "+", "(+)", "XC", "with lidocaine", "x2"])


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(GENERAL), min_size=1, max_size=4), DECORATION)
def test_words_that_name_no_product_never_get_a_product(words, decoration):
    resolution = resolve(K, " ".join([*words, decoration]))
    assert resolution.kind in ("generic", "material", "empty"), (words, resolution.kind)
    assert resolution.product is None and not resolution.candidates


def _misspell(word: str, position: int, kind: int) -> str:
    i = position % len(word)
    if kind == 0:
        return word[:i] + word[i + 1 :]  # a letter missing
    if kind == 1:
        return word[:i] + word[i] + word[i:]  # a letter doubled
    j = min(i + 1, len(word) - 1)
    return word[:i] + word[j] + word[i] + word[j + 1 :] if j > i else word  # two letters swapped


@settings(max_examples=300, deadline=None)
@given(st.sampled_from([w for w in GENERAL if len(w) >= 4]), st.integers(0, 20), st.integers(0, 2))
def test_a_misspelt_general_word_is_never_taken_as_a_product(word, position, kind):
    resolution = resolve(K, _misspell(word, position, kind) + " filler")
    assert resolution.kind not in ("product", "brand"), (word, resolution.kind, resolution.product)


SYLLABLES = ["ka", "zu", "mi", "tor", "vex", "quo", "lin", "dar", "pho", "jix", "wen", "sul", "bri", "oxa"]
UNRELATED_NAME = st.lists(st.sampled_from(SYLLABLES), min_size=3, max_size=4).map("".join)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(UNRELATED_NAME, UNRELATED_NAME, st.sampled_from([m.id for m in K.materials]))
def test_adding_a_product_never_changes_how_an_unrelated_exact_name_resolves(brand, line, material):
    before = {name: resolve(K, name) for _, name in NAMES}
    new = Product(
        id="new-line",
        name=f"{brand.title()} {line.title()}",
        brand=brand.title(),
        material=material,
        maker=f"{brand.title()} Labs",
        sources=(K.products[0].sources[0],),
    )
    wider = K.model_copy(update={"products": (*K.products, new)})
    for _, name in NAMES:
        after = resolve(wider, name)
        assert (after.kind, after.product.id if after.product else None) == (
            before[name].kind,
            before[name].product.id,
        ), name
    assert resolve(wider, new.name).product.id == "new-line"


def test_a_near_spelling_is_offered_never_taken():
    for typed in ("Juvaderm Voluma", "Radiese", "Botx", "Scultra"):
        resolution = resolve(K, typed)
        assert resolution.kind == "suggest" and resolution.candidates[0].fuzzy, typed


def test_an_empty_box_is_empty():
    assert resolve(K, "").kind == "empty"
    assert resolve(K, "   ").kind == "empty"
    assert resolve(K, "1ml").kind == "empty"


# What every line in the catalogue must carry.


def test_every_product_line_has_a_material_with_reversal_guidance_and_a_source_that_can_show_it():
    assert len(K.products) >= 150
    for product in K.products:
        material = K.material_by_id[product.material]
        assert material.summary.text and material.methods, product.id
        kinds = {K.source_by_id[sid].kind for sid in product.sources}
        assert kinds & {"regulator", "label", "manufacturer", "guideline", "study"}, product.id


def test_every_toxin_has_a_duration_and_the_timeline_uses_it():
    assert len(TOXINS) >= 12
    usual = K.material_by_id["botulinum-toxin"].wears_off
    for product in TOXINS:
        wears_off = product.wears_off or K.material_by_id[product.material].wears_off
        assert wears_off is not None, product.id
        window = next(w for w in timeline(K, "botox", product=product.id).windows if w.id == "botox-wears-off")
        assert (window.days.start, window.days.end) == (wears_off.start, wears_off.end), product.id
    daxxify = next(w for w in timeline(K, "botox", product="daxxify").windows if w.id == "botox-wears-off")
    assert daxxify.days.start > usual.start


def test_permanent_materials_say_so_and_what_removal_means():
    for material in (m for m in K.materials if m.permanent):
        assert "permanent" in material.summary.text.lower(), material.id
        assert "surgery" in material.methods, material.id


def test_the_catalogue_covers_the_regions_and_kinds_people_have():
    regions = {r for p in K.products for r in p.regions}
    assert {"US", "CA", "UK", "EU", "KR", "AU"} <= regions
    materials = {p.material for p in K.products}
    assert {"hyaluronic-acid", "ha-skin-booster", "calcium-hydroxylapatite", "poly-l-lactic-acid", "pdlla"} <= materials
    assert {"polycaprolactone", "pmma", "polyacrylamide", "silicone", "polynucleotides", "ha-caha", "ha-pdlla"} <= (
        materials
    )
