"""A live workshop room in real Chromium: one trainer tab (projector size) and phones (390 px contexts), each
its own browser context, against a real server; with the in-memory store and with a real redis-server."""

from __future__ import annotations

import io
import re
import tempfile
import time
from pathlib import Path

import pytest
import zxingcpp
from chromium import READY, assert_no_exception, blocking_violations, content_as_read, running_app, settle, shoot
from PIL import Image
from services import redis_or_skip

from knowledge.queries import answer_scenario
from live import REDIS_URL_ENV

K = content_as_read()
pytestmark = pytest.mark.browser
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True, "device_scale_factor": 2}


@pytest.fixture(scope="module", params=["memory", "redis"])
def room_server(request, artifacts):
    """The app on its own port; for "redis" with GUIDE_REDIS_URL pointing at a redis-server started here."""
    redis = redis_or_skip() if request.param == "redis" else None
    env = {REDIS_URL_ENV: redis.url} if redis else {}
    try:
        with running_app(artifacts / f"server-rooms-{request.param}.log", Path(tempfile.mkdtemp()), env=env) as app:
            yield request.param, app
    finally:
        if redis:
            redis.stop()


def open_phone(browser, link: str, scheme: str = "light"):
    page = browser.new_context(**PHONE, color_scheme=scheme).new_page()
    page.goto(link)
    page.wait_for_selector(READY, timeout=30_000)
    page.get_by_text("Live workshop").first.wait_for()
    return page


def wait_for_text(page, text: str, timeout: float = 10) -> None:
    page.get_by_text(text, exact=False).first.wait_for(timeout=timeout * 1000)


def test_trainer_and_phones_run_three_scenarios(room_server, browser, artifacts, axe):
    kind, server = room_server
    phones_wanted = 10
    trainer_context = browser.new_context(viewport={"width": 1280, "height": 900})
    trainer = trainer_context.new_page()
    trainer.goto(f"{server.url}/scenarios?mode=workshop")
    trainer.wait_for_selector(READY, timeout=30_000)
    trainer.get_by_role("button", name="Start a live room").click()
    settle(trainer)
    link = trainer.locator(".st-key-room-join a").first.get_attribute("href")
    assert re.fullmatch(rf"{re.escape(server.url)}/join\?room=[A-Z0-9]{{6}}", link), link
    assert "resume" not in trainer.url and "secret" not in trainer.url
    # the QR code on the projected screen reads as the join link, at the size it is shown
    trainer.wait_for_function("() => document.querySelector('.st-key-room-join img')?.naturalWidth > 0")
    seen = zxingcpp.read_barcodes(Image.open(io.BytesIO(trainer.screenshot())))
    assert [code.text for code in seen] == [link]

    phones = [open_phone(browser, link, "dark" if i == 0 else "light") for i in range(phones_wanted)]
    wait_for_text(trainer, f"0 of {phones_wanted} answered")
    for step in range(3):
        scenario = K.scenarios[step]
        answer = answer_scenario(K, scenario)
        started = time.monotonic()
        for phone in phones:
            wait_for_text(phone, scenario.title)  # each phone follows the trainer by itself
        followed = time.monotonic() - started
        assert step == 0 or followed < 8, f"phones took {followed:.1f} s to follow"
        for i, phone in enumerate(phones):
            choice = answer.choices[i % len(answer.choices)]
            phone.locator(f".st-key-choice-{scenario.id}-{choice.id} button").click()
        for i, phone in enumerate(phones):
            choice = answer.choices[i % len(answer.choices)]
            wait_for_text(phone, f"Your answer: {choice.label}")
        wait_for_text(trainer, f"{phones_wanted} of {phones_wanted} answered")
        if step == 0:
            shoot(trainer, artifacts, f"room-{kind}-trainer-answered")
            shoot(phones[0], artifacts, f"room-{kind}-phone-answered")
        trainer.get_by_role("button", name="Show the spread").click()
        settle(trainer)
        trainer.get_by_text("How the room answered").wait_for()
        trainer.locator("[data-testid=stVegaLiteChart]").first.wait_for()
        if step == 0:
            assert blocking_violations(axe, trainer) == []
            assert blocking_violations(axe, phones[0]) == []
        trainer.get_by_role("button", name="Reveal the answer").click()
        settle(trainer)
        trainer.locator(".st-key-scenario-answer").get_by_text(answer.headline, exact=True).wait_for()
        for phone in phones:
            phone.locator(".st-key-scenario-answer").get_by_text(answer.headline, exact=True).wait_for(timeout=10_000)
            assert phone.locator(".st-key-choices").count() == 0, "no answering after the reveal"
        if step == 0:
            shoot(trainer, artifacts, f"room-{kind}-trainer-revealed")
            shoot(phones[1], artifacts, f"room-{kind}-phone-revealed")
        if step < 2:
            trainer.get_by_role("button", name="Next scenario").click()
            settle(trainer)

    for page in (trainer, *phones):
        assert_no_exception(page)
    width = phones[0].evaluate("document.documentElement.scrollWidth")
    assert width <= 390, "no sideways scroll on a phone"
    assert phones[0].locator("[data-testid=stSidebar]").count() == 0, "phones get no sidebar"

    trainer.get_by_role("button", name="End room").click()
    trainer.get_by_role("button", name="End the room now").click()
    settle(trainer)
    for phone in phones:
        wait_for_text(phone, "This room has ended")
    for page in (trainer, *phones):
        page.context.close()
