"""Live workshop rooms through AppTest: a trainer's tab and participants' tabs sharing one room store,
in memory and on a real redis-server."""

from __future__ import annotations

import pytest
import streamlit as st
from app_pages import page_text
from services import start_redis

from knowledge.queries import answer_scenario
from live import REDIS_URL_ENV, codes
from ui.rooms import ROOM_KEY


@pytest.fixture(params=["memory", "redis"])
def store_kind(request, monkeypatch):
    """Every test here runs on both stores; the app picks Redis when GUIDE_REDIS_URL is set."""
    if request.param == "redis":
        monkeypatch.setenv(REDIS_URL_ENV, request.getfixturevalue("redis_server").url)
    else:
        monkeypatch.delenv(REDIS_URL_ENV, raising=False)
    st.cache_resource.clear()
    yield request.param
    st.cache_resource.clear()


def button(at, label: str):
    found = [b for b in at.button if b.label == label]
    assert found, f"no button {label!r} in {[b.label for b in at.button]}"
    return found[0]


def start_room(open_page):
    trainer = open_page("pages/scenarios.py", query={"mode": "workshop"})
    button(trainer, "Start a live room").click().run()
    assert not trainer.exception
    code, secret = trainer.session_state[ROOM_KEY]
    return trainer, code, secret


def join(open_page, code: str):
    phone = open_page("pages/join.py", query={"room": code})
    assert not phone.exception
    return phone


def banners(at) -> str:
    return "\n".join(str(e.value) for e in (*at.success, *at.info, *at.warning, *at.error))


def choose(phone, scenario_id: str, choice_id: str):
    phone.button(key=f"choice-{scenario_id}-{choice_id}").click().run()
    assert not phone.exception


def test_a_room_runs_join_vote_spread_reveal_next_end(store_kind, open_page, kb):
    trainer, code, secret = start_room(open_page)
    text = page_text(trainer)
    assert codes.spaced(code) in text and "0 of 0 answered" in text
    assert f"/join?room={code}" in text
    assert trainer.get("image"), "the QR code of the join link is shown"
    assert secret not in str(trainer.query_params), "the trainer's secret is never in the address"

    first = kb.scenarios[0]
    answer = answer_scenario(kb, first)
    phones = [join(open_page, code) for _ in range(3)]
    for phone in phones:
        assert first.story in page_text(phone)
        assert [b.label for b in phone.button][: len(answer.choices)] == [
            f"{chr(65 + i)}. {c.label}" for i, c in enumerate(answer.choices)
        ]
        assert not phone.sidebar.children or not any(b.label == "Reveal the answer" for b in phone.button)
    wrong = next(c for c in answer.choices if not c.correct)
    choose(phones[0], first.id, answer.correct[0])
    choose(phones[1], first.id, wrong.id)
    choose(phones[1], first.id, wrong.id)  # a double tap counts once
    choose(phones[2], first.id, wrong.id)
    choose(phones[2], first.id, answer.correct[0])  # a changed answer moves
    assert f"Your answer: **{wrong.label}**" in page_text(phones[1])

    trainer.run()
    assert "3 of 3 answered" in page_text(trainer)
    assert f"**{answer.headline}**" not in banners(trainer), "nothing gives the answer away before the reveal"
    button(trainer, "Show the spread").click().run()
    assert trainer.get("vega_lite_chart")
    assert f"{wrong.label}: 1" in page_text(trainer) and f"{answer.choice(answer.correct[0]).label}: 2" in page_text(
        trainer
    )
    button(trainer, "Reveal the answer").click().run()
    assert f"**{answer.headline}**" in banners(trainer) and "(right): 2" in page_text(trainer)

    choose(phones[1], first.id, answer.correct[0])  # a tap that arrives after the reveal is refused politely
    assert "Answers are closed for this scenario" in page_text(phones[1])
    assert f"**{answer.headline}**" in banners(phones[1])
    assert f"You chose **{wrong.label}**" in page_text(phones[1])
    trainer.run()
    assert "3 of 3 answered" in page_text(trainer)

    button(trainer, "Next scenario").click().run()
    second = kb.scenarios[1]
    assert second.story in page_text(trainer) and "0 of 3 answered" in page_text(trainer)
    phones[0].run()
    assert second.story in page_text(phones[0])

    button(trainer, "End the room now").click().run()
    assert "The room has ended" in page_text(trainer)
    phones[0].run()
    assert "This room has ended" in page_text(phones[0])


def test_a_trainer_takes_the_room_back_with_the_private_link_only(store_kind, open_page):
    _, code, secret = start_room(open_page)
    stranger = open_page("pages/scenarios.py", query={"mode": "workshop", "resume": f"{code}.{codes.new_secret()}"})
    assert "This trainer link is not valid" in page_text(stranger)
    assert ROOM_KEY not in stranger.session_state
    again = open_page("pages/scenarios.py", query={"mode": "workshop", "resume": f"{code}.{secret}"})
    assert again.session_state[ROOM_KEY] == (code, secret)
    assert "resume" not in again.query_params, "the secret leaves the address bar at once"
    assert codes.spaced(code) in page_text(again)


@pytest.mark.parametrize(
    ("link", "says"),
    [
        ("<script>alert(1)</script>", "That is not a room code"),
        ("0OIL12", "That is not a room code"),
        ("KCP4MX", "There is no live room with this code"),
    ],
)
def test_bad_codes_get_a_plain_message_and_a_way_back(store_kind, open_page, link, says):
    phone = open_page("pages/join.py", query={"room": link})
    text = page_text(phone)
    assert says in text and "<script>" not in text
    assert [t.label for t in phone.text_input] == ["Room code"]
    assert phone.get("page_link"), "a way back to the guide"


def test_typing_the_code_joins_the_room(store_kind, open_page, kb):
    _, code, _ = start_room(open_page)
    phone = open_page("pages/join.py")
    phone.text_input[0].input(f" {code[:3].lower()}-{code[3:]} ")
    phone.button[0].click().run()
    assert kb.scenarios[0].story in page_text(phone)


def test_when_redis_goes_away_pages_say_so_and_recover(open_page, monkeypatch, kb, redis_server):
    server = start_redis()
    monkeypatch.setenv(REDIS_URL_ENV, server.url)
    st.cache_resource.clear()
    trainer, code, _ = start_room(open_page)
    phone = join(open_page, code)
    server.stop()
    phone.run()
    trainer.run()
    for at in (phone, trainer):
        assert not at.exception
        assert "The live room is unavailable right now" in page_text(at)
    newcomer = open_page("pages/join.py", query={"room": code})
    assert "unavailable right now" in page_text(newcomer)
    back = start_redis(server.port)  # an empty server: the old room is gone, but the pages work again
    try:
        phone.run()
        assert "This room has ended" in page_text(phone)
        _, code2, _ = start_room(open_page)
        assert kb.scenarios[0].story in page_text(join(open_page, code2))
    finally:
        back.stop()
        st.cache_resource.clear()


def test_a_room_starts_at_the_scenario_on_screen(store_kind, open_page, kb):
    fourth = kb.scenarios[3]
    trainer = open_page("pages/scenarios.py", query={"mode": "workshop", "scenario": fourth.id})
    button(trainer, "Start a live room").click().run()
    text = page_text(trainer)
    assert fourth.story in text and f"Scenario 4 of {len(kb.scenarios)}" in text
