"""Workshop scenarios: the facts and a question; participants decide; the trainer reveals the answer.

The answer comes from the same query the tool uses, so it always agrees with the tools.
"""

import streamlit as st

from knowledge.queries import answer_scenario
from ui import links, render
from ui.knowledge import knowledge

k = knowledge()
scenarios = {s.id: s for s in k.scenarios}
ids = list(scenarios)

update_link = links.bind("scenario", lambda raw: raw if raw in scenarios else None)
st.session_state.setdefault("scenario", ids[0])


def step(offset: int) -> None:
    st.session_state["scenario"] = ids[(ids.index(st.session_state["scenario"]) + offset) % len(ids)]
    update_link()


st.title("Case scenarios")
st.markdown("Read the case and decide together. Then reveal the answer and talk about why.")
chosen = st.selectbox(
    "Scenario",
    ids,
    format_func=lambda sid: f"{ids.index(sid) + 1}. {scenarios[sid].title}",
    key="scenario",
    on_change=update_link,
)
update_link()  # the address always names the scenario shown, ready to share
scenario = scenarios[chosen]
answer = answer_scenario(k, scenario)

with st.container(border=True):
    st.header(scenario.title)
    st.markdown(scenario.story)
    st.markdown(f"**{scenario.question}**")
    st.markdown(answer.prompt + "\n" + "\n".join(f"- {choice.label}" for choice in answer.choices))

revealed = st.toggle("Reveal the answer", key=f"reveal-{chosen}")
if revealed:
    with st.container(border=True, key="scenario-answer"):
        render.scenario_answer(k, answer)

previous, following = st.columns(2)
previous.button("Previous scenario", icon=":material/arrow_back:", on_click=step, args=(-1,), width="stretch")
following.button("Next scenario", icon=":material/arrow_forward:", on_click=step, args=(1,), width="stretch")
st.caption(f"Scenario {ids.index(chosen) + 1} of {len(ids)}. This page's address opens this scenario.")
