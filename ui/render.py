"""Rendering helpers shared by the pages: citations, care cards, the sidebar and the page footer."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import get_args

import streamlit as st

from knowledge import Knowledge
from knowledge.queries import LEVEL_TONE, ScenarioAnswer, Tone, Triage, cited_sources, tip_materials, verdict_words
from knowledge.schema import SOURCE_LANGUAGE, CareLevel, Cited, Method, SourceKind, Verdict
from ui.text import language, long_date, t

# How each tone is drawn. Colour is never the only signal: each result also has its icon and words.
TONE = {"danger": st.error, "warning": st.warning, "info": st.info, "success": st.success}
assert set(TONE) == set(get_args(Tone)), "every tone needs a style"

# Levels whose card is placed right under the answers that led to it, and opens its reasons.
AT_ONCE = ("emergency", "act_now")

# The kinds of source in the order the Sources page lists them: evidence first, context last.
SOURCE_KIND_ORDER = ("regulator", "label", "guideline", "study", "manufacturer", "seed", "context")
assert set(SOURCE_KIND_ORDER) == set(get_args(SourceKind)), "every kind of source needs a place"


def source_links(k: Knowledge, source_ids: Iterable[str]) -> str:
    """Markdown naming each source, linked where it has a web address."""
    parts = []
    for sid in dict.fromkeys(source_ids):
        source = k.source_by_id[sid]
        parts.append(f"[{source.short}]({source.url})" if source.url else source.short)
    return " · ".join(parts)


_KIND_LABELS = {
    "regulator": lambda: t("common.kind_regulator"), "label": lambda: t("common.kind_label"),
    "guideline": lambda: t("common.kind_guideline"), "study": lambda: t("common.kind_study"),
    "manufacturer": lambda: t("common.kind_manufacturer"), "seed": lambda: t("common.kind_seed"),
    "context": lambda: t("common.kind_context"),
}  # fmt: skip
assert _KIND_LABELS.keys() == set(SOURCE_KIND_ORDER), "every kind of source needs a label"


def source_kind_label(kind: str) -> str:
    return _KIND_LABELS[kind]()


def sources_caption(k: Knowledge, source_ids: Iterable[str], label: str | None = None) -> None:
    ids = list(source_ids)
    if ids:
        st.caption(f"{label or t('common.sources')}: {source_links(k, ids)}")


def cited(k: Knowledge, statement: Cited, *, bullet: bool = False) -> None:
    """A statement followed by the sources it names."""
    st.markdown(f"- {statement.text}" if bullet else statement.text)
    sources_caption(k, statement.sources)


def cited_list(k: Knowledge, statements: Iterable[Cited]) -> None:
    for statement in statements:
        cited(k, statement, bullet=True)


def method(k: Knowledge, option: Method) -> None:
    with st.container(border=True):
        st.markdown(f"**{option.name}**")
        st.markdown(option.what.text)
        if option.time_course:
            st.markdown(t("common.how_long", text=option.time_course.text))
        for caveat in option.caveats:
            st.markdown(t("common.good_to_know", text=caveat.text))
        sources_caption(k, cited_sources(option))


def verdict_banner(k: Knowledge, verdict: Verdict) -> None:
    words = verdict_words(k, verdict)
    TONE[words.tone](f"**{words.label}**", icon=words.icon)


def level_banner(level: CareLevel) -> None:
    TONE[LEVEL_TONE[level.id]](f"**{level.title}**", icon=level.icon)


def acts_at_once(level: CareLevel) -> bool:
    return level.id in AT_ONCE


def care_card(k: Knowledge, result: Triage) -> None:
    """The self-check result, action first: what to do, how soon, who to contact, then why."""
    level = result.level
    with st.container(border=True, key=f"care-card-{level.id}"):
        level_banner(level)
        st.markdown(t("common.what_to_do", text=result.do_this.text))
        st.markdown(t("common.how_soon", text=level.how_soon))
        st.markdown(t("common.who_to_contact", text=level.contact))
        st.markdown(t("common.why_line", text=result.level_why.text))
        sources_caption(k, (*result.do_this.sources, *result.level_why.sources))
        with st.expander(t("common.why_this_result"), expanded=True):  # its reasons carry warnings: never hidden
            if result.triggering:
                st.markdown(t("common.answers_that_led"))
                for reason in result.triggering:
                    st.markdown(f"- **{reason.symptom.label}**: {reason.because.text}")
                    sources_caption(k, reason.because.sources)
            else:
                st.markdown(t("common.nothing_ticked"))
    if result.aftercare:
        st.markdown(t("common.aftercare_heading", treatment=result.treatment.name))
        for tip in result.aftercare:
            only = tip_materials(k, tip)
            prefix = t("common.only_after", materials=t("common.or").join(only)) if only else ""
            st.markdown(f"- **{tip.name}.** {prefix}{tip.text.text}")
            sources_caption(k, tip.text.sources)
    if not acts_at_once(level):
        safety_net(k, result)


def safety_net(k: Knowledge, result: Triage) -> None:
    st.markdown(t("common.get_help_anyway"))
    cited_list(k, result.safety_net)


def emergency_line(k: Knowledge) -> None:
    st.error(f"**{k.meta.emergency_line.text}**", icon=":material/e911_emergency:")


def act_now_line(k: Knowledge) -> None:
    st.warning(f"**{k.meta.act_now_line.text}**", icon=":material/warning:")


def safety_lines(k: Knowledge) -> None:
    emergency_line(k)
    act_now_line(k)


def sidebar(k: Knowledge | None, region_choice: Callable[[], None]) -> None:
    with st.sidebar:
        if k is None:
            return
        safety_lines(k)
        region_choice()  # right under the emergency line whose number it sets
        st.caption(k.meta.disclaimer)


def footer(k: Knowledge) -> None:
    st.caption(  # one element, its rule included: every element costs each visitor's first load
        f"---\n\n{k.meta.disclaimer} {k.meta.emergency_line.text} {k.meta.act_now_line.text} "
        f"{t('common.footer_version', version=k.meta.version, date=long_date(k.meta.reviewed))} "
        f"{k.meta.clinical_review.statement}"
        + (f" {k.meta.translation_review}" if language() != SOURCE_LANGUAGE else "")
    )


def unavailable() -> None:
    """Shown instead of any page when the content cannot be trusted. No facts, no error details."""
    st.title(t("common.unavailable_title"))
    st.error(t("common.unavailable_text"))


def scenario_answer(k: Knowledge, answer: ScenarioAnswer) -> None:
    """The revealed answer of a workshop scenario, then why, with sources."""
    TONE[answer.tone](f"**{answer.headline}**", icon=answer.icon)
    if not answer.agrees:
        st.error(t("common.answer_key_mismatch"))
    st.markdown(t("common.why_heading"))
    cited_list(k, answer.why)
