"""Live workshop rooms on screen: the trainer's projected view and the participant's phone view.

The room store (live/) keeps only the room; this module keeps a trainer's secret and a participant's voter id in
the tab's own session, never in a URL that is projected or shared. Answers and reasons come from the same
scenario query the scenarios page uses.
"""

from __future__ import annotations

import io
import os
from collections.abc import Callable
from urllib.parse import urlencode, urljoin, urlsplit

import segno
import streamlit as st

from knowledge import Knowledge
from knowledge.queries import ScenarioAnswer, answer_scenario, spread
from live import (
    REDIS_URL_ENV,
    NotJoined,
    NotTrainer,
    RoomError,
    RoomFull,
    RoomNotFound,
    RoomState,
    RoomStore,
    Stage,
    StoreUnavailable,
    TooFast,
    TooManyRooms,
    VotingClosed,
    codes,
    open_store,
)
from ui import render
from ui.caching import per_process
from ui.charts import letter, spread_chart
from ui.content import for_page, reader
from ui.style import PHONE_CSS, ROOM_CSS
from ui.text import t

JOIN_PATH = "join"
TRAINER_POLL_SECONDS = 1.0  # "N of M answered" on the projector
PARTICIPANT_POLL_SECONDS = 1.5  # how soon a phone follows the trainer
ROOM_KEY = "live-room"  # the trainer's (code, secret), in this tab's session only
VOTER_KEY = "voter"
NOTE_KEY = "room-note"



def room_error(error: RoomError) -> str:
    """What a room error tells a person, in their language (the store's own words are English)."""
    words = {
        RoomNotFound: lambda: t("rooms.error_not_found"),
        TooManyRooms: lambda: t("rooms.error_too_many_rooms"),
        RoomFull: lambda: t("rooms.error_full"),
        TooFast: lambda: t("rooms.error_too_fast"),
        VotingClosed: lambda: t("rooms.error_voting_closed"),
        NotJoined: lambda: t("rooms.error_not_joined"),
        NotTrainer: lambda: t("rooms.error_not_trainer"),
        StoreUnavailable: lambda: t("rooms.error_unavailable"),
    }
    said = next((say for kind, say in words.items() if isinstance(error, kind)), None)
    return said() if said else t("rooms.error_general")

def store() -> RoomStore:
    """One store per process: in memory, or Redis when GUIDE_REDIS_URL is set."""
    return _store(os.environ.get(REDIS_URL_ENV, ""))


@per_process(maxsize=4)
def _store(redis_url: str) -> RoomStore:  # the address is only the cache key: open_store reads the environment
    return open_store()


@per_process(maxsize=32)
def _answers(directory: str, language: str, region: str | None) -> dict[str, ScenarioAnswer]:
    """Every scenario's answer as this reader's content says it (their language, their emergency number): the
    arguments are the cache key, so one reader's words never reach another."""
    k = for_page()
    return {s.id: answer_scenario(k, s) for s in k.scenarios}


def scenario_answers() -> dict[str, ScenarioAnswer]:
    """Every scenario answered by its tool's query, once per process and reader's content (read only)."""
    return _answers(*reader())


@per_process(maxsize=500)
def qr_png(url: str) -> bytes:
    out = io.BytesIO()
    segno.make(url, error="m").save(out, kind="png", scale=12, border=4, dark="#000000", light="#ffffff")
    return out.getvalue()


def is_join_address() -> bool:
    """Whether the browser is at the join page's address (known before navigation decides the page)."""
    path = urlsplit(st.context.url or "").path.rstrip("/")
    return path.rsplit("/", 1)[-1] == JOIN_PATH


def join_link(code: str) -> str:
    """The join link, on the address the trainer's browser uses (so it works behind a proxy too)."""
    query = urlencode({"room": code})
    here = st.context.url
    return urljoin(here, f"{JOIN_PATH}?{query}") if here else f"/{JOIN_PATH}?{query}"


def note(message: str) -> None:
    st.session_state[NOTE_KEY] = message


def show_note() -> None:
    message = st.session_state.pop(NOTE_KEY, None)
    if message:
        st.warning(message, icon=":material/info:")


def attempt(action: Callable[[], object]) -> bool:
    """Run a store call; a refusal becomes a plain note on the page instead of an error."""
    try:
        action()
        return True
    except RoomError as error:
        note(room_error(error))
        return False


def choice_list(answer: ScenarioAnswer) -> str:
    """The prompt and the lettered choices, as shown on the big screen."""
    return answer.prompt + "\n\n" + "\n".join(f"- **{letter(i)}.** {c.label}" for i, c in enumerate(answer.choices))


# -- trainer


def trainer_room(s: RoomStore) -> tuple[str, str] | None:
    """The room this tab controls: from its session, or taken back with a private resume link."""
    raw = st.query_params.get("resume")
    if raw is not None:
        del st.query_params["resume"]  # the secret never stays in the address bar
        code, _, secret = raw.partition(".")
        code = codes.normal_code(code) or ""
        try:
            if code and codes.is_secret(secret) and s.is_trainer(code, secret):
                st.session_state[ROOM_KEY] = (code, secret)
            else:
                note(t("rooms.link_not_valid"))
        except RoomError as error:
            note(room_error(error))
    return st.session_state.get(ROOM_KEY)


def start_room(s: RoomStore, ids: list[str]) -> None:
    """A new room over every scenario, starting at the one chosen on the page."""
    chosen = st.session_state.get("scenario")
    try:
        st.session_state[ROOM_KEY] = s.create(ids, ids.index(chosen) if chosen in ids else 0)
    except RoomError as error:
        note(room_error(error))


def start_box(s: RoomStore, ids: list[str]) -> None:
    hours = s.limits.idle_seconds / 3600
    quiet = (
        t("rooms.quiet_hours", hours=f"{hours:g}")
        if hours >= 1
        else t("rooms.quiet_minutes", minutes=f"{s.limits.idle_seconds / 60:g}")
    )
    with st.container(border=True):
        st.markdown(t("rooms.start_text", quiet=quiet))
        st.button(t("rooms.start"), icon=":material/groups:", on_click=start_room, args=(s, ids), type="primary")


def _leave() -> None:
    st.session_state.pop(ROOM_KEY, None)


def _end(s: RoomStore, code: str, secret: str) -> None:
    if attempt(lambda: s.end(code, secret)):
        _leave()
        note(t("rooms.ended_note"))


def trainer_view(k: Knowledge, s: RoomStore, code: str, secret: str) -> None:
    st.html(ROOM_CSS)
    st.title(t("rooms.trainer_title"))
    show_note()
    try:
        state = s.state(code)
    except RoomNotFound:
        st.info(t("rooms.gone"))
        st.button(t("rooms.back"), on_click=_leave, icon=":material/arrow_back:")
        return
    except StoreUnavailable as error:
        st.warning(room_error(error), icon=":material/cloud_off:")
        st.button(t("rooms.try_again"), icon=":material/refresh:")
        return
    answers = scenario_answers()
    answer = answers.get(state.scenario)
    if answer is None:
        st.warning(t("rooms.scenario_missing"))
        st.button(t("rooms.end"), on_click=_end, args=(s, code, secret))
        return

    link = join_link(code)
    show_join = st.toggle(t("rooms.show_join"), value=True, key="room-show-join")
    if show_join:
        with st.container(border=True, key="room-join"):
            words, picture = st.columns([3, 2], vertical_alignment="center")
            with words:
                st.markdown(t("rooms.join_on_phone"))
                st.markdown(f"[{link}]({link})")
                with st.container(key="room-code"):
                    st.header(codes.spaced(code), anchor=False)
                st.caption(t("rooms.code_aloud", spelled=codes.spelled(code)))
            picture.image(qr_png(link), width=340, caption=t("rooms.qr_caption"), alt=t("rooms.qr_alt", link=link))

    st.caption(t("rooms.position", number=state.position + 1, total=len(state.scenarios)))
    with st.container(border=True):
        st.header(answer.scenario.title, anchor=False)
        st.markdown(answer.scenario.story)
        st.markdown(f"**{answer.scenario.question}**")
        st.markdown(choice_list(answer))

    _controls(s, code, secret, state)
    _live_counts(s, code, state.scenario)
    if state.stage == Stage.REVEALED:
        with st.container(border=True, key="scenario-answer"):
            render.scenario_answer(k, answer)

    with st.popover(t("rooms.trainer_link"), icon=":material/key:"):
        st.markdown(t("rooms.trainer_link_text"))
        st.code(
            urljoin(st.context.url or "/", "scenarios")
            + "?"
            + urlencode({"mode": "workshop", "resume": f"{code}.{secret}"}),
            language=None,
        )
    with st.popover(t("rooms.end"), icon=":material/stop_circle:"):
        st.markdown(t("rooms.end_text"))
        st.button(t("rooms.end_now"), on_click=_end, args=(s, code, secret), type="primary")


@st.fragment(run_every=TRAINER_POLL_SECONDS)
def _live_counts(s: RoomStore, code: str, scenario: str) -> None:
    try:
        state = s.state(code)
    except RoomError as error:
        st.warning(room_error(error), icon=":material/cloud_off:")
        return
    if state.scenario != scenario:  # moved from another tab: draw the whole page again
        st.rerun(scope="app")
    with st.container(key="room-count"):
        st.markdown(t("rooms.answered", answered=state.answered, participants=state.participants))
    if state.stage in (Stage.SPREAD, Stage.REVEALED):
        answer = scenario_answers()[scenario]
        rows = spread(answer, state.counts)
        revealed = state.stage == Stage.REVEALED
        st.altair_chart(
            spread_chart(rows, revealed=revealed),
            width="stretch",
            alt=t("rooms.chart_alt"),
        )
        st.caption(
            t(
                "rooms.how_room_answered",
                rows="; ".join(
                    t("rooms.row_right", letter=letter(i), choice=r.choice.label, votes=r.votes)
                    if revealed and r.choice.correct
                    else t("rooms.row", letter=letter(i), choice=r.choice.label, votes=r.votes)
                    for i, r in enumerate(rows)
                ),
            )
        )


def _controls(s: RoomStore, code: str, secret: str, state: RoomState) -> None:
    spread_shown = state.stage != Stage.VOTING
    revealed = state.stage == Stage.REVEALED
    show, reveal, back, forward = st.columns(4)
    show.button(
        t("rooms.hide_spread") if spread_shown and not revealed else t("rooms.show_spread"),
        icon=":material/bar_chart:",
        on_click=lambda: attempt(lambda: s.set_stage(code, secret, Stage.VOTING if spread_shown else Stage.SPREAD)),
        disabled=revealed,
        width="stretch",
    )
    reveal.button(
        t("scenarios.reveal"),
        icon=":material/visibility:",
        on_click=lambda: attempt(lambda: s.set_stage(code, secret, Stage.REVEALED)),
        disabled=revealed,
        type="primary",
        width="stretch",
    )
    last = len(state.scenarios) - 1
    back.button(
        t("scenarios.previous"),
        icon=":material/arrow_back:",
        on_click=lambda: attempt(lambda: s.move(code, secret, state.position - 1)),
        disabled=state.position == 0,
        width="stretch",
    )
    forward.button(
        t("scenarios.next"),
        icon=":material/arrow_forward:",
        on_click=lambda: attempt(lambda: s.move(code, secret, state.position + 1)),
        disabled=state.position == last,
        width="stretch",
    )


# -- participant


def participant_view(k: Knowledge, s: RoomStore) -> None:
    st.html(PHONE_CSS)
    st.title(t("join.title"))
    raw = st.query_params.get("room")
    code = codes.normal_code(raw)
    if code is None:
        if raw is not None:
            del st.query_params["room"]
            st.warning(t("join.bad_link_code"))
        _code_form()
        return
    voter = st.session_state.setdefault(VOTER_KEY, codes.new_voter())
    if st.session_state.get("joined") != code:
        try:
            s.join(code, voter)
            st.session_state["joined"] = code
        except RoomError as error:
            st.warning(room_error(error), icon=":material/info:")
            _code_form()
            return
    _follow(k, s, code, voter)


def _code_form() -> None:
    with st.form("join-form", border=False):
        typed = st.text_input(t("join.room_code"), max_chars=12, placeholder=t("join.code_example"), autocomplete="off")
        if st.form_submit_button(t("join.join"), type="primary", width="stretch"):
            code = codes.normal_code(typed)
            if code is None:
                st.warning(t("join.bad_typed_code"))
            else:
                st.query_params["room"] = code
                st.rerun()
    st.page_link("pages/home.py", label=t("join.go_home"), icon=":material/home:")


def _vote(s: RoomStore, code: str, voter: str, scenario: str, choice: str) -> None:
    attempt(lambda: s.vote(code, voter, scenario, choice))


@st.fragment(run_every=PARTICIPANT_POLL_SECONDS)
def _follow(k: Knowledge, s: RoomStore, code: str, voter: str) -> None:
    try:
        state = s.state(code, voter)
        answer = scenario_answers().get(state.scenario)
        mine = state.mine
    except RoomNotFound:
        st.info(t("join.ended"))
        st.page_link("pages/home.py", label=t("join.go_home"), icon=":material/home:")
        return
    except StoreUnavailable as error:
        st.warning(room_error(error), icon=":material/cloud_off:")
        return
    if answer is None:
        st.warning(t("join.scenario_missing"))
        return
    st.caption(t("join.position", code=codes.spaced(code), number=state.position + 1, total=len(state.scenarios)))
    st.subheader(answer.scenario.title, anchor=False)
    st.markdown(answer.scenario.story)
    st.markdown(f"**{answer.scenario.question}**")
    show_note()
    picked = answer.choice(mine) if mine else None
    if state.stage != Stage.REVEALED:
        st.markdown(answer.prompt)
        with st.container(key="choices"):
            for i, choice in enumerate(answer.choices):
                st.button(
                    f"{letter(i)}. {choice.label}",
                    key=f"choice-{state.scenario}-{choice.id}",
                    on_click=_vote,
                    args=(s, code, voter, state.scenario, choice.id),
                    type="primary" if choice.id == mine else "secondary",
                    icon=":material/check_circle:" if choice.id == mine else None,
                    width="stretch",
                )
        if picked:
            st.success(t("join.your_answer", choice=picked.label))
        else:
            st.markdown(t("join.tap_one"))
        return
    if picked is None:
        st.markdown(t("join.not_answered"))
    elif picked.correct:
        st.markdown(t("join.chose_right", choice=picked.label))
    else:
        st.markdown(t("join.chose_other", choice=picked.label))
    with st.container(border=True, key="scenario-answer"):
        render.scenario_answer(k, answer)
    st.caption(t("join.next_appears"))
