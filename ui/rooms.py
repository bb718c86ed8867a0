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
    RoomError,
    RoomNotFound,
    RoomState,
    RoomStore,
    Stage,
    StoreUnavailable,
    codes,
    open_store,
)
from ui import render
from ui.caching import per_process
from ui.charts import letter, spread_chart
from ui.content import content_directory, for_page
from ui.style import PHONE_CSS, ROOM_CSS

JOIN_PATH = "join"
TRAINER_POLL_SECONDS = 1.0  # "N of M answered" on the projector
PARTICIPANT_POLL_SECONDS = 1.5  # how soon a phone follows the trainer
ROOM_KEY = "live-room"  # the trainer's (code, secret), in this tab's session only
VOTER_KEY = "voter"
NOTE_KEY = "room-note"


def store() -> RoomStore:
    """One store per process: in memory, or Redis when GUIDE_REDIS_URL is set."""
    return _store(os.environ.get(REDIS_URL_ENV, ""))


@per_process(maxsize=4)
def _store(redis_url: str) -> RoomStore:  # the address is only the cache key: open_store reads the environment
    return open_store()


@per_process(maxsize=4)
def _answers(directory: str) -> dict[str, ScenarioAnswer]:
    k = for_page()
    return {s.id: answer_scenario(k, s) for s in k.scenarios}


def scenario_answers() -> dict[str, ScenarioAnswer]:
    """Every scenario answered by its tool's query, once per process (read only)."""
    return _answers(content_directory())


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
        note(error.message)
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
                note("This trainer link is not valid. Start a new room instead.")
        except RoomError as error:
            note(error.message)
    return st.session_state.get(ROOM_KEY)


def start_room(s: RoomStore, ids: list[str]) -> None:
    """A new room over every scenario, starting at the one chosen on the page."""
    chosen = st.session_state.get("scenario")
    try:
        st.session_state[ROOM_KEY] = s.create(ids, ids.index(chosen) if chosen in ids else 0)
    except RoomError as error:
        note(error.message)


def start_box(s: RoomStore, ids: list[str]) -> None:
    hours = s.limits.idle_seconds / 3600
    quiet = f"{hours:g} quiet hours" if hours >= 1 else f"{s.limits.idle_seconds / 60:g} quiet minutes"
    with st.container(border=True):
        st.markdown(
            "**Live room:** everyone answers each scenario on their own phone, the room sees how the answers "
            "split, then you reveal. It starts at the scenario chosen below. Nobody gives a name; the room and "
            f"its answers are deleted when you end it, or after {quiet}."
        )
        st.button("Start a live room", icon=":material/groups:", on_click=start_room, args=(s, ids), type="primary")


def _leave() -> None:
    st.session_state.pop(ROOM_KEY, None)


def _end(s: RoomStore, code: str, secret: str) -> None:
    if attempt(lambda: s.end(code, secret)):
        _leave()
        note("The room has ended. Everything in it is gone.")


def trainer_view(k: Knowledge, s: RoomStore, code: str, secret: str) -> None:
    st.html(ROOM_CSS)
    st.title("Case scenarios: live room")
    show_note()
    try:
        state = s.state(code)
    except RoomNotFound:
        st.info("This room has ended or timed out after a quiet spell. Everything in it is gone.")
        st.button("Back to the scenarios", on_click=_leave, icon=":material/arrow_back:")
        return
    except StoreUnavailable as error:
        st.warning(error.message, icon=":material/cloud_off:")
        st.button("Try again", icon=":material/refresh:")
        return
    answers = scenario_answers()
    answer = answers.get(state.scenario)
    if answer is None:
        st.warning("This room's scenario is not in this version of the guide. End the room and start a new one.")
        st.button("End room", on_click=_end, args=(s, code, secret))
        return

    link = join_link(code)
    show_join = st.toggle("Show how to join", value=True, key="room-show-join")
    if show_join:
        with st.container(border=True, key="room-join"):
            words, picture = st.columns([3, 2], vertical_alignment="center")
            with words:
                st.markdown("**Join on your phone:** scan the code, or open the link and type the room code.")
                st.markdown(f"[{link}]({link})")
                with st.container(key="room-code"):
                    st.header(codes.spaced(code), anchor=False)
                st.caption(f"Room code, read aloud: {codes.spelled(code)}. Nothing about you is asked or kept.")
            picture.image(
                qr_png(link), width=340, caption="QR code of the join link", alt=f"QR code of the join link, {link}"
            )

    st.caption(f"Scenario {state.position + 1} of {len(state.scenarios)}")
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

    with st.popover("Trainer link (keep private)", icon=":material/key:"):
        st.markdown(
            "Open this link to take this room back if you reload or change device. Anyone with it can run the "
            "room, so do not show it on the big screen."
        )
        st.code(
            urljoin(st.context.url or "/", "scenarios")
            + "?"
            + urlencode({"mode": "workshop", "resume": f"{code}.{secret}"}),
            language=None,
        )
    with st.popover("End room", icon=":material/stop_circle:"):
        st.markdown("Ending the room deletes it and every answer in it. Phones will say it has ended.")
        st.button("End the room now", on_click=_end, args=(s, code, secret), type="primary")


@st.fragment(run_every=TRAINER_POLL_SECONDS)
def _live_counts(s: RoomStore, code: str, scenario: str) -> None:
    try:
        state = s.state(code)
    except RoomError as error:
        st.warning(error.message, icon=":material/cloud_off:")
        return
    if state.scenario != scenario:  # moved from another tab: draw the whole page again
        st.rerun(scope="app")
    with st.container(key="room-count"):
        st.markdown(f"**{state.answered} of {state.participants} answered**")
    if state.stage in (Stage.SPREAD, Stage.REVEALED):
        answer = scenario_answers()[scenario]
        rows = spread(answer, state.counts)
        revealed = state.stage == Stage.REVEALED
        st.altair_chart(
            spread_chart(rows, revealed=revealed),
            width="stretch",
            alt="Bar chart of how many people chose each answer; the counts are listed below it.",
        )
        st.caption(
            "How the room answered: "
            + "; ".join(
                f"{letter(i)}. {r.choice.label}{' (right)' if revealed and r.choice.correct else ''}: {r.votes}"
                for i, r in enumerate(rows)
            )
        )


def _controls(s: RoomStore, code: str, secret: str, state: RoomState) -> None:
    spread_shown = state.stage != Stage.VOTING
    revealed = state.stage == Stage.REVEALED
    show, reveal, back, forward = st.columns(4)
    show.button(
        "Hide the spread" if spread_shown and not revealed else "Show the spread",
        icon=":material/bar_chart:",
        on_click=lambda: attempt(lambda: s.set_stage(code, secret, Stage.VOTING if spread_shown else Stage.SPREAD)),
        disabled=revealed,
        width="stretch",
    )
    reveal.button(
        "Reveal the answer",
        icon=":material/visibility:",
        on_click=lambda: attempt(lambda: s.set_stage(code, secret, Stage.REVEALED)),
        disabled=revealed,
        type="primary",
        width="stretch",
    )
    last = len(state.scenarios) - 1
    back.button(
        "Previous scenario",
        icon=":material/arrow_back:",
        on_click=lambda: attempt(lambda: s.move(code, secret, state.position - 1)),
        disabled=state.position == 0,
        width="stretch",
    )
    forward.button(
        "Next scenario",
        icon=":material/arrow_forward:",
        on_click=lambda: attempt(lambda: s.move(code, secret, state.position + 1)),
        disabled=state.position == last,
        width="stretch",
    )


# -- participant


def participant_view(k: Knowledge, s: RoomStore) -> None:
    st.html(PHONE_CSS)
    st.title("Live workshop")
    raw = st.query_params.get("room")
    code = codes.normal_code(raw)
    if code is None:
        if raw is not None:
            del st.query_params["room"]
            st.warning("That is not a room code. Codes have 6 letters and numbers, like the one on the big screen.")
        _code_form()
        return
    voter = st.session_state.setdefault(VOTER_KEY, codes.new_voter())
    if st.session_state.get("joined") != code:
        try:
            s.join(code, voter)
            st.session_state["joined"] = code
        except RoomError as error:
            st.warning(error.message, icon=":material/info:")
            _code_form()
            return
    _follow(k, s, code, voter)


def _code_form() -> None:
    with st.form("join-form", border=False):
        typed = st.text_input("Room code", max_chars=12, placeholder="e.g. KCP 4MX", autocomplete="off")
        if st.form_submit_button("Join", type="primary", width="stretch"):
            code = codes.normal_code(typed)
            if code is None:
                st.warning("That is not a room code. Check the code on the big screen and try again.")
            else:
                st.query_params["room"] = code
                st.rerun()
    st.page_link("pages/home.py", label="Go to the guide's home page", icon=":material/home:")


def _vote(s: RoomStore, code: str, voter: str, scenario: str, choice: str) -> None:
    attempt(lambda: s.vote(code, voter, scenario, choice))


@st.fragment(run_every=PARTICIPANT_POLL_SECONDS)
def _follow(k: Knowledge, s: RoomStore, code: str, voter: str) -> None:
    try:
        state = s.state(code, voter)
        answer = scenario_answers().get(state.scenario)
        mine = state.mine
    except RoomNotFound:
        st.info("This room has ended. Thank you for taking part. Nothing you chose is kept.")
        st.page_link("pages/home.py", label="Go to the guide's home page", icon=":material/home:")
        return
    except StoreUnavailable as error:
        st.warning(error.message, icon=":material/cloud_off:")
        return
    if answer is None:
        st.warning("The trainer's scenario is not in this version of the guide.")
        return
    st.caption(f"Room {codes.spaced(code)} · Scenario {state.position + 1} of {len(state.scenarios)}")
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
            st.success(f"Your answer: **{picked.label}**. You can change it until the trainer reveals the answer.")
        else:
            st.markdown("Tap one answer. You can change it until the trainer reveals the answer.")
        return
    if picked is None:
        st.markdown("You did not answer this one. Here is the answer and why.")
    elif picked.correct:
        st.markdown(f"You chose **{picked.label}**, which matches the answer.")
    else:
        st.markdown(f"You chose **{picked.label}**. Here is the answer and why.")
    with st.container(border=True, key="scenario-answer"):
        render.scenario_answer(k, answer)
    st.caption("The next scenario appears here by itself when the trainer moves on.")
