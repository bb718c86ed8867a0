"""Workshop scenarios: the facts and a question; participants decide; the trainer reveals the answer.

The answer comes from the same query the tool uses, so it always agrees with the tools. A trainer can start a
live room: participants answer on their phones, the room sees how answers split, then the answer is revealed.
"""

import streamlit as st

from ui import links, render, rooms
from ui.content import for_page
from ui.pages import inside_app
from ui.text import t

inside_app()  # first: a visit Streamlit runs without app.py is handed to app.py

k = for_page()
answers = rooms.scenario_answers()
ids = list(answers)
store = rooms.store()
live = rooms.trainer_room(store)

if live is not None:
    rooms.trainer_view(k, store, *live)
else:
    update_link = links.bind("scenario", lambda raw: raw if raw in answers else None)
    st.session_state.setdefault("scenario", ids[0])

    def step(offset: int) -> None:
        st.session_state["scenario"] = ids[(ids.index(st.session_state["scenario"]) + offset) % len(ids)]
        update_link()

    st.title(t("pages.scenarios"))
    rooms.show_note()
    st.markdown(t("scenarios.intro"))
    rooms.start_box(store, ids)

    chosen = st.selectbox(
        t("scenarios.scenario"),
        ids,
        format_func=lambda sid: f"{ids.index(sid) + 1}. {answers[sid].scenario.title}",
        key="scenario",
        on_change=update_link,
    )
    update_link()  # the address always names the scenario shown, ready to share
    answer = answers[chosen]
    scenario = answer.scenario

    with st.container(border=True):  # one block of text: half a workshop opens this page at once
        st.markdown(
            f"## {scenario.title}\n\n{scenario.story}\n\n**{scenario.question}**\n\n{rooms.choice_list(answer)}"
        )

    revealed = st.toggle(t("scenarios.reveal"), key=f"reveal-{chosen}")
    if revealed:
        with st.container(border=True, key="scenario-answer"):
            render.scenario_answer(k, answer)

    with st.container(horizontal=True):
        st.button(t("scenarios.previous"), icon=":material/arrow_back:", on_click=step, args=(-1,), width="stretch")
        st.button(t("scenarios.next"), icon=":material/arrow_forward:", on_click=step, args=(1,), width="stretch")
    st.caption(t("scenarios.position", number=ids.index(chosen) + 1, total=len(ids)))
