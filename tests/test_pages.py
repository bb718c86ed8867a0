"""Every page through AppTest: it renders, and its main interaction shows what a user should see."""

from __future__ import annotations

import json

import pytest
import streamlit as st
from app_pages import PAGES, page_text

from knowledge.queries import SymptomReport, triage
from ui.content import CONTENT_DIR_ENV
from ui.text import long_date


@pytest.fixture(autouse=True)
def fresh_cache():
    st.cache_resource.clear()
    st.cache_data.clear()
    yield
    st.cache_resource.clear()


@pytest.mark.parametrize("page", PAGES)
def test_every_page_renders_with_the_safety_lines(page, open_page, kb):
    at = open_page(page)
    assert at.title, "every page has a main heading"
    footer = at.main.caption[-1].value  # in the main area, so it stays when the sidebar is closed
    assert kb.meta.disclaimer in footer  # education, not medical advice
    assert kb.meta.emergency_line.text in footer  # where to go in an emergency
    # in the sidebar, or on a participant's phone (no sidebar) at the end of the page
    lines = [e.value.strip("*") for e in (*at.sidebar.error, *at.main.error)]
    assert kb.meta.emergency_line.text in lines


def test_home_routes_worried_people_to_the_self_check(open_page):
    at = open_page()
    links = {link.proto.label: link.proto.page for link in at.get("page_link")}
    assert "self-check" in links["Start the symptom self-check"]
    assert "checklist" in links["Choosing an injector: questions to ask"]
    assert "reversibility" in links["Can my filler or Botox be reversed?"]


def choose(at, key: str, value) -> None:
    at.selectbox(key=key).set_value(value).run()
    assert not at.exception, [e.value for e in at.exception]


def type_product(at, text: str) -> None:
    at.text_input(key="product-query").input(text).run()
    assert not at.exception, [e.value for e in at.exception]


def test_radiesse_cannot_be_dissolved_and_options_are_listed(open_page):
    at = open_page("pages/reversibility.py")
    assert "Type a product name above" in page_text(at)
    type_product(at, "Radiesse")
    assert [w.value for w in at.main.warning] == ["**No: it cannot be dissolved**"]
    text = page_text(at)
    assert "**Matched:** Radiesse, by Merz Aesthetics. Made of **Calcium hydroxylapatite (CaHA)**" in text
    assert "Steroid injections" in text and "Dissolving with hyaluronidase" not in text


def test_a_full_record_name_is_found_and_can_be_dissolved_with_time_course(open_page):
    at = open_page("pages/reversibility.py")
    type_product(at, "Juvederm Volbella XC 0.55ml")
    assert [s.value for s in at.success] == ["**Yes: it can be dissolved**"]
    text = page_text(at)
    assert "**Matched:** Juvéderm Volbella XC" in text and "several days" in text


def test_a_misspelling_is_offered_not_taken(open_page):
    at = open_page("pages/reversibility.py")
    type_product(at, "restalyne kyse")
    radio = at.radio[0]
    assert radio.label == "Did you mean:" and radio.value is None
    assert "restylane-kysse" in radio.options[0] or "Kysse" in str(radio.options)
    assert not at.success  # nothing is answered until the person chooses
    radio.set_value("restylane-kysse").run()
    assert [s.value for s in at.success] == ["**Yes: it can be dissolved**"]


def test_a_misspelt_brand_is_offered_as_the_brand_and_its_lines(open_page):
    at = open_page("pages/reversibility.py")
    type_product(at, "Juviderm")
    radio = at.radio[0]
    assert radio.label == "Did you mean:" and radio.value is None and not at.success
    labels = radio.options  # as shown
    assert labels[0] == "Juvéderm, but I don't know which line" and labels[-1] == "None of these"
    assert "Juvéderm Voluma XC, by Allergan Aesthetics (AbbVie)" in labels
    radio.set_value("brand").run()
    assert "**Matched:** Juvéderm, without the line." in page_text(at)
    assert [s.value for s in at.success] == ["**Yes: it can be dissolved**"]


def test_a_generic_word_gets_the_honest_answer_never_a_product(open_page, kb):
    at = open_page("pages/reversibility.py")
    type_product(at, "lip filler")
    text = page_text(at)
    assert kb.lookup.generic_answer.text in text and "How to find out" in text
    assert "Matched" not in text and not at.success


def test_a_product_not_in_the_guide_says_so_and_how_to_find_out(open_page, kb):
    at = open_page("pages/reversibility.py")
    type_product(at, "Revolax Deep 1.1ml")
    text = page_text(at)
    assert f"not among the {len(kb.products)} products in this guide" in text
    assert "How to find out" in text and "Matched" not in text and not at.success


def test_a_hybrid_is_partly_dissolvable(open_page):
    at = open_page("pages/reversibility.py")
    type_product(at, "HArmonyCa")
    assert [w.value for w in at.main.warning] == ["**Partly: only its HA part can be dissolved**"]


def test_botox_is_not_a_filler_and_wears_off(open_page):
    at = open_page("pages/reversibility.py")
    type_product(at, "botox 50 units")
    text = page_text(at)
    assert "Not a filler: it cannot be dissolved, but it wears off" in text
    assert "3 months" in text and "eye drops" in text


def test_dont_know_says_how_to_find_out_for_fillers_and_toxins_and_never_yes(open_page):
    at = open_page("pages/reversibility.py")
    at.button[0].click().run()
    text = page_text(at)
    assert "How to find out" in text and "We cannot tell yet" in text
    assert "Botox or a similar injection" in text and "sticker" in text
    assert not at.success


def care_card_title(at) -> str:
    banners = [e.value for e in (*at.error, *at.warning, *at.info) if "**" in str(e.value)]
    return next(b for b in banners if "call your emergency number now" not in b or "Emergency:" in b)


def test_self_check_red_flag_shows_the_emergency_card_first(open_page, kb):
    at = open_page("pages/self-check.py")
    at.checkbox(key="flag-vision-change").check().run()
    assert not at.exception
    titles = [e.value for e in at.error]
    assert f"**{kb.level_by_id['emergency'].title}**" in titles
    text = page_text(at)
    assert kb.level_by_id["emergency"].do_this.text in text
    assert "A change in your sight" in text  # the why names the answer


def test_self_check_with_no_answers_gives_no_verdict_but_a_safety_net(open_page, kb):
    at = open_page("pages/self-check.py")
    text = page_text(at)
    assert kb.level_by_id["self_care"].title not in text
    assert "Tick any signs or symptoms above" in text
    assert "When to get help anyway" in text and kb.safety_net[0].text in text
    assert "you are fine" not in text.lower()


def test_self_check_usual_swelling_is_usual_recovery_with_aftercare(open_page, kb):
    at = open_page("pages/self-check.py")
    at.number_input(key="self-check-days").set_value(2).run()
    at.checkbox(key="symptom-swelling").check().run()
    text = page_text(at)
    assert f"**{kb.level_by_id['self_care'].title}**" in [i.value for i in at.info]
    assert "Aftercare" in text and "When to get help anyway" in text


def test_self_check_swelling_getting_worse_is_usual_on_day_one_and_urgent_on_day_four(open_page, kb):
    at = open_page("pages/self-check.py")
    at.number_input(key="self-check-days").set_value(1).run()
    at.checkbox(key="symptom-swelling").check().run()
    at.radio(key="trend-swelling").set_value("worse").run()
    assert f"**{kb.level_by_id['self_care'].title}**" in [i.value for i in at.main.info]
    at.number_input(key="self-check-days").set_value(4).run()
    assert f"**{kb.level_by_id['urgent'].title}**" in [w.value for w in at.main.warning]


def test_self_check_swelling_after_ten_days_needs_a_check(open_page, kb):
    at = open_page("pages/self-check.py")
    at.number_input(key="self-check-days").set_value(10).run()
    at.checkbox(key="symptom-swelling").check().run()
    assert f"**{kb.level_by_id['soon'].title}**" in [i.value for i in at.info]


def test_self_check_droopy_eyelid_is_asked_only_after_botox(open_page, kb):
    at = open_page("pages/self-check.py")
    assert not [c for c in at.checkbox if c.key == "symptom-droopy-eyelid"]
    at.radio(key="self-check-treatment").set_value("botox").run()
    at.checkbox(key="symptom-droopy-eyelid").check().run()
    assert f"**{kb.level_by_id['soon'].title}**" in [i.value for i in at.info]
    assert kb.symptom_by_id["droopy-eyelid"].why.text in page_text(at)


def test_self_check_page_agrees_with_the_triage_query(open_page, kb):
    at = open_page("pages/self-check.py")
    at.checkbox(key="symptom-hard-or-uneven").check().run()
    expected = triage(kb, "filler_ha", 0, [SymptomReport(symptom="hard-or-uneven")])
    assert f"**{expected.level.title}**" in [i.value for i in at.info]


def chart_spec(at) -> dict:
    return json.loads(at.get("vega_lite_chart")[0].proto.spec)


def test_timeline_draws_the_chosen_treatment_with_a_table(open_page):
    at = open_page("pages/timeline.py")
    spec = json.dumps(chart_spec(at))
    assert "Swelling after filler" in spec and "Days after treatment" in spec
    choose(at, "treatment", "botox")
    spec = chart_spec(at)
    assert "Botox effect" in json.dumps(spec)
    assert "illustrative" in spec["description"]
    assert at.get("arrow_data_frame") or at.dataframe
    assert "The curves are illustrative" in page_text(at)


def test_timeline_with_a_date_shows_calendar_dates_and_today(open_page):
    import datetime as dt

    at = open_page("pages/timeline.py")
    at.date_input(key="date").set_value(dt.date.today() - dt.timedelta(days=3)).run()
    spec = json.dumps(chart_spec(at))
    assert '"Today"' in spec and '"Date"' in spec
    assert f"({long_date(dt.date.today() - dt.timedelta(days=3))}" in page_text(at)


def test_checklist_with_gaps_lists_questions_to_ask(open_page, kb):
    at = open_page("pages/checklist.py")
    at.checkbox(key="check-qualifications").check().run()
    at.checkbox(key="check-product").check().run()
    text = page_text(at)
    assert f"You have covered 2 of {len(kb.checklist)}." in [p.proto.text for p in at.get("progress")]
    assert "Questions to ask next" in text
    assert next(i.ask_next for i in kb.checklist if i.id == "insurance") in text
    assert next(i.ask_next for i in kb.checklist if i.id == "product") not in text


def test_sources_page_lists_every_source_and_the_review_policy(open_page, kb):
    text = page_text(open_page("pages/sources.py"))
    assert all(source.title in text for source in kb.sources)
    assert kb.meta.update_policy in text
    assert all(entry.term in text for entry in kb.glossary)


def test_pages_read_the_facts_from_the_knowledge(open_page, edit_content, content_dir, monkeypatch):
    changed = "TEST: this material cannot be dissolved, says the edited content."
    edit_content(
        "materials",
        lambda d: next(m for m in d if m["id"] == "calcium-hydroxylapatite")["summary"].update(text=changed),
    )
    edit_content("care_levels", lambda d: d[0].update(title="TEST emergency title"))
    monkeypatch.setenv(CONTENT_DIR_ENV, str(content_dir))
    at = open_page("pages/reversibility.py")
    type_product(at, "radiesse")
    assert changed in page_text(at)
    at = open_page("pages/self-check.py")
    at.checkbox(key="flag-stroke-signs").check().run()
    assert "**TEST emergency title**" in [e.value for e in at.error]


@pytest.mark.parametrize("page", PAGES)
def test_invalid_content_shows_a_plain_unavailable_message(page, open_page, edit_content, content_dir, monkeypatch):
    edit_content("products/galderma", lambda d: d[0].update(material="nothing"))
    monkeypatch.setenv(CONTENT_DIR_ENV, str(content_dir))
    at = open_page(page)
    assert [t.value for t in at.title] == ["The guide is unavailable"]
    assert "emergency number" in at.error[0].value
    assert "nothing" not in page_text(at)  # no error details reach the user


def test_sources_page_says_who_checked_the_content_and_that_no_clinician_has_signed_it_off(open_page, kb):
    at = open_page("pages/sources.py")
    review = kb.meta.clinical_review
    assert review.status == "not_signed_off"
    assert [w.value for w in at.main.warning] == [f"**Not yet reviewed by a clinician.** {review.statement}"]
    assert kb.meta.reviewed_by in page_text(at)
    assert review.statement in at.main.caption[-1].value  # the footer on every page says so too
    # A source without a web address says why; every other source links to one.
    text = page_text(at)
    assert all(source.no_url in text for source in kb.sources if source.url is None)
