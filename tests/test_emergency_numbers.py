"""The emergency number where the reader is: guessed from the browser, chosen in the sidebar, carried in the link,
and said everywhere the guide says to call it."""

from __future__ import annotations

import pytest
import yaml

from knowledge import ContentError, load_knowledge
from knowledge.queries.emergency import region_from_locale, with_emergency_number
from knowledge.schema import EMERGENCY_NUMBER, REGIONS, iter_words


@pytest.fixture(scope="module")
def written():
    return load_knowledge()


@pytest.mark.parametrize(
    ("locale", "region"),
    [
        ("ko-KR", "KR"), ("ko", "KR"), ("en-GB", "UK"), ("en-US", "US"), ("fr-CA", "CA"), ("en_AU", "AU"),
        ("de-AT", "EU"), ("fr-FR", "EU"), ("en-IE", "EU"), ("en", None), ("pt-BR", None), (None, None), ("", None),
    ],
)  # fmt: skip
def test_the_browser_locale_picks_the_region(written, locale, region):
    assert region_from_locale(written, locale) == region


@pytest.mark.parametrize("region", [*REGIONS, None])
def test_every_call_to_action_says_the_regions_number(written, region):
    shown = with_emergency_number(written, region)
    number = shown.number_by_region[region].number if region else "your local emergency number"
    assert not [path for path, text in iter_words(shown) if EMERGENCY_NUMBER in text]
    assert f"Call {number} now." in shown.meta.emergency_line.text
    assert shown.level_by_id["emergency"].title == f"Emergency: call {number} now"
    assert f"Call {number} now" in shown.level_by_id["emergency"].do_this.for_treatment("botox").text
    before = dict(iter_words(written))
    for path, text in iter_words(shown):
        assert text == before[path].replace(EMERGENCY_NUMBER, number)  # only the placeholder changed


def test_the_numbers_are_the_ones_the_regions_own_services_give(written):
    numbers = {n.region: n.number for n in written.emergency_numbers}
    assert numbers == {"US": "911", "CA": "911", "UK": "999", "EU": "112", "KR": "119", "AU": "000"}
    for entry in written.emergency_numbers:
        assert all(written.source_by_id[s].authoritative for s in entry.fact.sources)


def edit_yaml(content_dir, name, change) -> None:
    path = content_dir / name
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def test_a_missing_region_or_an_unknown_placeholder_is_named(content_dir):
    edit_yaml(content_dir, "emergency_numbers.yaml", lambda data: data.pop())  # Australia's entry
    edit_yaml(content_dir, "meta.yaml", lambda data: data.update(disclaimer=data["disclaimer"] + " {number}"))
    with pytest.raises(ContentError) as caught:
        load_knowledge(content_dir)
    said = {str(p) for p in caught.value.problems}
    assert "emergency_numbers.yaml: (whole file): the region 'AU' needs one entry (found 0)" in said
    assert "meta.yaml: disclaimer: '{number}' is not a known placeholder here; allowed: {emergency_number}" in said


def test_a_link_names_the_region_and_the_sidebar_and_footer_say_its_number(open_page):
    at = open_page("pages/self-check.py", query={"region": "KR"})
    assert "Call 119 now." in at.sidebar.error[0].value
    assert "Call 119 now." in at.main.caption[-1].value
    assert at.sidebar.selectbox[0].value == "KR"
    assert at.query_params["region"] == "KR"


def test_choosing_a_region_changes_every_line_and_the_link(open_page):
    at = open_page("pages/home.py")
    assert "Call your local emergency number now." in at.sidebar.error[0].value  # AppTest names no locale
    at.sidebar.selectbox[0].select("UK").run()
    assert "Call 999 now." in at.sidebar.error[0].value
    assert "Call 999 now." in at.main.error[0].value  # the home page's own emergency line
    assert at.query_params["region"] == "UK"
    at.sidebar.selectbox[0].select("").run()
    assert "Call your local emergency number now." in at.sidebar.error[0].value
    assert "region" not in at.query_params


def test_a_link_with_an_unknown_region_is_ignored_with_a_note(open_page):
    at = open_page(query={"region": "XX"})  # the first run reads the link (a page switch would run again)
    assert any("Part of this link (region) was ignored" in e.value for e in at.info)
    assert "Call your local emergency number now." in at.sidebar.error[0].value
