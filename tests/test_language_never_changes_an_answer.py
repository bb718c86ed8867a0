"""The language never changes an answer: the clinical triage table and the typed-name lookup table give the same
levels and the same products with the content in English and in Korean (the shipped translation)."""

from __future__ import annotations

import pytest
from lookup_cases import CASES as NAMES
from triage_cases import CASES as TRIAGE

from knowledge import CONTENT_DIR, load_knowledge
from knowledge.queries import assess_reversibility, resolve, triage
from knowledge.schema import SymptomReport
from knowledge.translations import check, translate

ENGLISH = load_knowledge()
KOREAN = translate(ENGLISH, CONTENT_DIR, "ko")


def test_the_korean_translation_is_complete():
    assert check(ENGLISH, CONTENT_DIR, "ko") == []
    assert KOREAN.level_by_id["emergency"].title != ENGLISH.level_by_id["emergency"].title


@pytest.mark.parametrize("case", TRIAGE, ids=lambda c: f"{c.treatment}-{c.days}-{'+'.join(c.answers) or 'none'}")
def test_a_triage_case_gets_the_same_level_in_both_languages(case):
    reports = [SymptomReport(symptom=s, worsening=w) for s, w in case.reports]
    english = triage(ENGLISH, case.treatment, case.days, reports)
    korean = triage(KOREAN, case.treatment, case.days, reports)
    assert korean.level.id == english.level.id
    assert [r.symptom.id for r in korean.triggering] == [r.symptom.id for r in english.triggering]


@pytest.mark.parametrize("case", NAMES, ids=lambda c: c.typed)
def test_a_typed_name_finds_the_same_product_in_both_languages(case):
    english, korean = resolve(ENGLISH, case.typed), resolve(KOREAN, case.typed)
    assert korean.kind == english.kind
    assert (korean.product and korean.product.id) == (english.product and english.product.id)
    assert (korean.material and korean.material.id) == (english.material and english.material.id)
    assert [c.product.id for c in korean.candidates if c.product] == [
        c.product.id for c in english.candidates if c.product
    ]
    if english.product is not None:
        verdict = assess_reversibility(ENGLISH, product=english.product.id).verdict
        assert assess_reversibility(KOREAN, product=english.product.id).verdict == verdict
