"""The document language in a real Chromium follows the reader's language (screen readers read Korean as Korean),
from a link, from the browser's own language, and from the sidebar switch: with Korean offered (a content copy)."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest
import yaml
from chromium import assert_no_exception, open_app, running_app, settle, shoot

from knowledge import CONTENT_DIR
from ui.content import CONTENT_DIR_ENV


@pytest.fixture(scope="module")
def korean_server(artifacts):
    folder = Path(tempfile.mkdtemp(prefix="guide-korean-"))
    content = folder / "content"
    shutil.copytree(CONTENT_DIR, content)
    meta = yaml.safe_load((content / "meta.yaml").read_text(encoding="utf-8"))
    meta["languages"] = ["en", "ko"]
    (content / "meta.yaml").write_text(yaml.safe_dump(meta, allow_unicode=True), encoding="utf-8")
    with running_app(artifacts / "korean-server.log", folder, env={CONTENT_DIR_ENV: str(content)}) as running:
        yield running


def document_language(page) -> str:
    return page.evaluate("document.documentElement.lang")


def test_a_korean_link_sets_the_document_language_and_the_switch_sets_it_back(korean_server, page, artifacts):
    open_app(page, korean_server, "self-check?lang=ko&region=KR")
    page.wait_for_function("document.documentElement.lang === 'ko'", timeout=15_000)
    assert page.get_by_text("지금 바로 119에 전화하세요").first.is_visible()
    assert_no_exception(page)
    settle(page)
    shoot(page, artifacts, "self-check-korean-1280")
    page.locator("[data-testid=stSidebar]").get_by_text("English", exact=True).click()
    settle(page)
    page.wait_for_function("document.documentElement.lang === 'en'", timeout=15_000)
    assert page.get_by_text("Call 119 now.").first.is_visible()


def test_a_korean_browser_gets_korean_and_the_number_119_without_a_link(korean_server, browser):
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="ko-KR", is_mobile=True)
    page = context.new_page()
    try:
        open_app(page, korean_server, "")
        page.wait_for_function("document.documentElement.lang === 'ko'", timeout=15_000)
        assert document_language(page) == "ko"
        assert page.get_by_text("지금 바로 119에 전화하세요").first.is_visible()  # ko-KR: South Korea's number
        assert "lang=" not in page.url  # the browser's own language is not written into the link
    finally:
        context.close()
