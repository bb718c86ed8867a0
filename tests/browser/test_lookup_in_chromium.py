"""The product box in a real Chromium: names typed letter by letter, as a person types them, and the verdict shown."""

from __future__ import annotations

import pytest
from chromium import assert_no_exception, content_as_read, open_app, settle, shoot

from knowledge.queries import verdict_words

K = content_as_read()
pytestmark = pytest.mark.browser


def verdict(material: str) -> str:
    return verdict_words(K, K.material_by_id[material].verdict).label


# (what is typed, the product to choose if only offered, the matched line shown, the verdict shown)
TYPED = [
    ("Juvéderm Voluma XC 1ml", None, "Juvéderm Voluma XC", verdict("hyaluronic-acid")),
    ("Raddiesse", "Radiesse, by Merz Aesthetics", "Radiesse", verdict("calcium-hydroxylapatite")),
    ("teosyal rha2", None, "RHA 2", verdict("hyaluronic-acid")),
    ("HArmonyCa", None, "HArmonyCa", verdict("ha-caha")),
    ("Daxxify 100 units", None, "Daxxify", verdict("botulinum-toxin")),
    ("보톡스", None, "Botox Cosmetic", verdict("botulinum-toxin")),
]


def type_slowly(page, text: str) -> None:
    box = page.get_by_label("Product name")
    box.click()
    box.fill("")
    for letter in text:
        page.keyboard.type(letter, delay=30)
    page.keyboard.press("Enter")
    settle(page)


@pytest.mark.parametrize(("typed", "choose", "matched", "shown"), TYPED, ids=[t[0] for t in TYPED])
def test_a_name_typed_letter_by_letter_shows_the_matched_product_and_verdict(
    typed, choose, matched, shown, page, server, artifacts
):
    open_app(page, server, "reversibility")
    type_slowly(page, typed)
    if choose:
        page.get_by_text("Did you mean:").wait_for()
        assert page.get_by_text(shown).count() == 0  # offered, never silently taken
        page.get_by_text(choose, exact=True).click()
        settle(page)
    page.get_by_text(shown).first.wait_for()
    assert page.get_by_text(f"Matched: {matched}, by ").first.is_visible()
    assert_no_exception(page)
    assert typed not in page.url  # the address holds a product id, never the typed text
    shoot(page, artifacts, f"lookup-{typed.replace(' ', '-')}-1280")


def test_a_word_that_names_no_product_gets_the_honest_answer(page, server, artifacts):
    open_app(page, server, "reversibility")
    type_slowly(page, "lip filler 1ml")
    page.get_by_text(verdict_words(K, "unknown").label).wait_for()
    assert page.get_by_text(verdict("hyaluronic-acid")).count() == 0
    assert page.get_by_text("Matched:").count() == 0
    assert "product=" not in page.url
    assert_no_exception(page)
    shoot(page, artifacts, "lookup-generic-1280")
