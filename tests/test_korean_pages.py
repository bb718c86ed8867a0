"""Every page in Korean (a content copy that offers Korean): no English words except names, units, addresses and
source titles; and in English, no Hangul. The English still on the Korean pages is listed, word for word, in
STILL_ENGLISH with the reason: the test fails when any other English appears, and when a listed one is gone (so
the list only ever shrinks)."""

from __future__ import annotations

import re

import pytest
from app_pages import PAGES, page_text

from knowledge import load_knowledge
from knowledge.schema import LANGUAGE_NAMES
from ui.content import CONTENT_DIR_ENV

HANGUL = re.compile(r"[\uac00-\ud7a3]")
ENGLISH_WORD = re.compile(r"(?<![A-Za-z])[A-Za-z][A-Za-z'’-]{2,}(?![A-Za-z])")
LINK_TARGET = re.compile(r"\]\([^)]*\)|https?://\S+|[\w.-]+@[\w.-]+")
# A link notice names the part of the address it ignored as the address spells it: "이 링크의 일부(date)".
LINK_PART = re.compile(r"\((?:date|product|treatment|mode|scenario|region|lang)\)")

# Allowed in Korean text, besides the names taken from the content below: units, abbreviations the Korean text
# keeps (as Korean clinics write them), and the guide's language names.
ALLOWED_WORDS = {
    "HA", "CaHA", "PLLA", "PDLLA", "PCL", "PMMA", "PAAG", "PN", "ml", "mg", "NHS", "FDA", "EU", "MFDS", "PSA",
    "CQC", "English", "Triple", "Zero", "QR", "PDF", "ics", "Enter",
}  # fmt: skip
# Organisations the Korean text names as they call themselves.
PROPER_NAMES = {"Professional Standards Authority"}


def allowed_names() -> set[str]:
    """Names that stay as written in every language: products, brands, makers; and each source's own record
    (short name, title, publisher, author, and the editors' note of what it says, kept in the source's words)."""
    k = load_knowledge()
    names: set[str] = set()
    for product in k.products:
        names |= {product.name, product.brand, product.maker, *product.aliases, *product.brand_aliases}
    for source in k.sources:
        names |= {source.short, source.title, source.publisher}
        names |= {x for x in (source.author, source.no_url, source.note) if x}
    return {n for n in names if n} | PROPER_NAMES


NAMES = sorted(allowed_names(), key=len, reverse=True)  # longest first, so a longer name is removed whole


def english_in(text: str) -> list[str]:
    """English words left in a Korean text once names, addresses and allowed words are taken out."""
    for name in NAMES:
        if name in text:
            text = text.replace(name, " ")
    text = LINK_PART.sub(" ", LINK_TARGET.sub(" ", text))
    return sorted({w for w in ENGLISH_WORD.findall(text) if w not in ALLOWED_WORDS})


# What is still English on the Korean pages, and why. Remove an entry when its words are translated.
STILL_ENGLISH: dict[str, set[str]] = {}


def visible(at) -> str:
    parts = [page_text(at)]
    for kind in ("radio", "selectbox", "multiselect", "button_group", "segmented_control"):
        for widget in at.get(kind):
            parts += [str(getattr(widget, "label", ""))] + [str(o) for o in getattr(widget, "options", [])]
    for kind in ("button", "toggle", "text_input", "number_input", "date_input", "page_link"):
        for widget in at.get(kind):
            parts.append(str(getattr(widget, "label", "") or getattr(getattr(widget, "proto", None), "label", "")))
    return "\n".join(parts)


@pytest.fixture
def korean_offered(monkeypatch, content_dir, edit_content):
    edit_content("meta", lambda data: data.update(languages=["en", "ko"]))
    monkeypatch.setenv(CONTENT_DIR_ENV, str(content_dir))


@pytest.mark.parametrize("page", PAGES)
def test_a_korean_page_has_no_english_but_names(page, korean_offered, open_page):
    at = open_page(page, query={"lang": "ko", "region": "KR", "mode": "workshop"})
    found = set(english_in(visible(at)))
    assert found == STILL_ENGLISH.get(page, set())


@pytest.mark.parametrize("page", PAGES)
def test_an_english_page_has_no_hangul_but_product_names(page, open_page):
    at = open_page(page, query={"mode": "workshop"})
    text = visible(at)
    for name in [*NAMES, *LANGUAGE_NAMES.values()]:  # the switch names each language in its own words
        text = text.replace(name, " ")
    assert HANGUL.findall(text) == []


def test_korean_answers_and_refusals_have_no_english_but_names(korean_offered, open_page):
    """Past the first view: a care card, a verdict, a revealed scenario answer, a refused number and a refused
    link date, all in Korean."""
    query = {"lang": "ko", "region": "KR"}
    at = open_page("pages/self-check.py", query=query)
    at.checkbox(key="flag-vision-change").check().run()
    at.number_input(key="self-check-days").set_value(-1).run()
    assert "지금 바로 119에 전화하세요" in visible(at)
    assert english_in(visible(at)) == []

    at = open_page("pages/reversibility.py", query=query)
    at.text_input[0].input("Sculptra").run()
    assert english_in(visible(at)) == []

    at = open_page(query={**query, "mode": "workshop"})
    at.switch_page("pages/scenarios.py").run()
    at.toggle[0].set_value(True).run()
    assert english_in(visible(at)) == []

    at = open_page(query={**query, "date": "2026-02-30"})
    at.switch_page("pages/timeline.py").run()
    assert english_in(visible(at)) == []


def test_a_korean_phone_with_a_wrong_room_code_is_told_in_korean(korean_offered, open_page):
    phone = open_page("pages/join.py", query={"lang": "ko", "room": "KCP4MX"})  # well formed, but no such room
    text = visible(phone)
    assert "이 코드로 된 실시간 방이 없어요" in text
    assert english_in(text) == []
