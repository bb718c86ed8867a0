"""Choosing the language: the link (?lang=ko), the sidebar switch and the browser's language, among those the
content offers; the content and the pages' words follow, and an answer never changes."""

from __future__ import annotations

import re

import pytest
from app_pages import page_text

from knowledge import CONTENT_DIR, load_knowledge
from knowledge.translations import translate
from ui.content import CONTENT_DIR_ENV
from ui.language import from_locale

HANGUL = re.compile(r"[\uac00-\ud7a3]")


@pytest.fixture
def korean_offered(monkeypatch, content_dir, edit_content):
    edit_content("meta", lambda data: data.update(languages=["en", "ko"]))
    monkeypatch.setenv(CONTENT_DIR_ENV, str(content_dir))
    return content_dir


@pytest.mark.parametrize(
    ("locale", "language"),
    [("ko-KR", "ko"), ("ko", "ko"), ("KO_kr", "ko"), ("en-US", "en"), ("de-DE", "en"), (None, "en"), ("", "en")],
)
def test_the_browser_language_picks_an_offered_language(locale, language):
    assert from_locale(locale, ("en", "ko")) == language
    assert from_locale(locale, ("en",)) == "en"  # never a language the guide does not offer


def test_the_guide_offers_english_and_korean_and_ignores_another_language_in_a_link(open_page, kb):
    assert kb.meta.languages == ("en", "ko")
    at = open_page(query={"lang": "fr"})
    assert any("Part of this link (lang) was ignored" in e.value for e in at.info)
    assert not HANGUL.search(at.sidebar.error[0].value)
    assert [c.label for c in at.sidebar.get("button_group")][:1] == ["Language"]


def test_a_translation_says_who_checked_it_and_who_has_not(open_page, kb):
    korean = open_page(query={"lang": "ko"}).main.caption[-1].value
    assert "한국어를 읽는 의료인은 아직 이 번역을 확인하지 않았어요." in korean
    assert kb.meta.translation_review not in open_page().main.caption[-1].value  # English is the original


def test_a_korean_link_shows_the_content_and_the_chrome_in_korean(korean_offered, open_page):
    at = open_page(query={"lang": "ko", "region": "KR"})
    assert at.sidebar.error[0].value.endswith("지금 바로 119에 전화하세요.**")
    assert at.main.caption[-1].value.startswith("---\n\n이 안내서는")  # the footer
    assert "내용 버전 2.1.0, 마지막 검토일 2026년 11월 23일." in at.main.caption[-1].value
    assert at.query_params["lang"] == "ko"


def test_the_switch_changes_the_language_and_the_self_check_answer_stays_the_same(korean_offered, open_page):
    at = open_page("pages/self-check.py")
    at.checkbox(key="flag-vision-change").check().run()
    english_card = [e.value for e in at.main.error]
    switch = next(c for c in at.sidebar.get("button_group") if c.label == "Language")
    switch.set_value("ko").run()
    korean_card = [e.value for e in at.main.error]
    assert any("Emergency: call your local emergency number now" in v for v in english_card)
    assert any("응급:" in v for v in korean_card)
    assert at.checkbox(key="flag-vision-change").value is True  # the answers stay


@pytest.mark.parametrize("mode", ["consult", "workshop"])
def test_a_shared_screen_has_the_language_switch_on_the_page_itself(korean_offered, open_page, mode):
    """The consultation and workshop views start with the sidebar closed: the switch is at the top of the page."""
    at = open_page(query={"mode": mode})
    assert [c.label for c in at.main.get("button_group")][:1] == ["Language"]
    assert not [c for c in at.sidebar.get("button_group") if c.label == "Language"]
    next(c for c in at.main.get("button_group") if c.label == "Language").set_value("ko").run()
    assert HANGUL.search(at.main.caption[-1].value)  # the footer follows


def test_one_readers_words_and_number_never_reach_another_through_a_shared_cache(open_page, kb):
    """Scenario answers, chart specs and the sources' uses are cached once per process: a Korean reader in Korea
    first, then an English reader with no region, must get English and "your local emergency number"."""
    korean = open_page(query={"lang": "ko", "region": "KR", "mode": "workshop"})
    korean.switch_page("pages/scenarios.py").run()
    assert "119" in page_text(korean)
    english = open_page(query={"mode": "workshop"})
    english.switch_page("pages/scenarios.py").run()
    text = page_text(english)
    assert kb.scenarios[0].story in text and not HANGUL.search(text.replace("한국어", ""))
    assert "Emergency: call your local emergency number now" in text  # the first choice, with this reader's words
    assert "119" not in text


def test_changing_the_language_keeps_a_getting_worse_answer_and_the_level(open_page, kb):
    at = open_page("pages/self-check.py")
    at.number_input(key="self-check-days").set_value(2).run()
    at.checkbox(key="symptom-bruising").check().run()
    at.radio(key="trend-bruising").set_value("worse").run()
    before = [e.value for e in (*at.main.error, *at.main.warning) if "**" in e.value]
    switch = next(c for c in at.sidebar.get("button_group") if c.label == "Language")
    switch.set_value("ko").run()
    assert at.radio(key="trend-bruising").value == "worse"
    assert at.radio(key="trend-bruising").options == ["나아지고 있거나 그대로예요", "나빠지고 있어요"]
    level = next(level for level in kb.care_levels if any(level.title in v for v in before))
    korean = translate(load_knowledge(), CONTENT_DIR, "ko").level_by_id[level.id].title
    assert any(korean in e.value for e in (*at.main.error, *at.main.warning))  # the same level, in Korean
