"""The shipped content is valid, and each kind of bad content is caught and explained."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from knowledge import ContentError, load_knowledge
from knowledge.queries import facts_by_source

ROOT = Path(__file__).resolve().parents[1]


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "knowledge", *args], cwd=ROOT, capture_output=True, text=True)


def problems_of(directory: Path) -> list[str]:
    with pytest.raises(ContentError) as caught:
        load_knowledge(directory)
    return [str(p) for p in caught.value.problems]


def test_shipped_content_passes_check():
    result = run_cli("check")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("OK: content")
    assert "5 materials" in result.stdout


def test_schema_command_prints_json_schema_of_every_file():
    result = run_cli("schema")
    assert result.returncode == 0
    schema = json.loads(result.stdout)
    assert {"meta", "sources", "symptoms", "checklist"} <= set(schema["properties"])
    assert schema["$defs"]["Cited"]["additionalProperties"] is False


def test_knowledge_module_imports_neither_streamlit_nor_altair():
    code = "import sys, knowledge.queries; print(sorted(m for m in ('streamlit', 'altair') if m in sys.modules))"
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


# Each row: (file to edit, how to break it, text every problem line must hold)
BAD_CONTENT = {
    "unknown source id": (
        "materials",
        lambda d: d[0]["summary"].update(sources=["no-such-source"]),
        [
            "materials.yaml",
            "entry 1 (id 'hyaluronic-acid') > summary > sources > item 1",
            "unknown source id 'no-such-source'",
        ],
    ),
    "missing source": (
        "materials",
        lambda d: d[1]["lasts"].update(sources=[]),
        ["materials.yaml", "entry 2 (id 'calcium-hydroxylapatite') > lasts > sources", "needs at least 1 item"],
    ),
    "dangling reference": (
        "products/galderma",
        lambda d: d[0].update(material="unobtainium"),
        ["products/galderma.yaml", "entry 1 (id 'restylane') > material", "unknown material id 'unobtainium'"],
    ),
    "a product with only a clinic page as its source": (
        "products/galderma",
        lambda d: d[0].update(sources=["ctx-kr-clinic-brands"]),
        ["products/galderma.yaml", "(id 'restylane') > sources", "needs a regulator listing, a label or the maker"],
    ),
    "a product name that only says what kind of product it is": (
        "products/galderma",
        lambda d: d[0]["aliases"].append("Lip filler"),
        ["products/galderma.yaml", "(id 'restylane') > aliases > item", "'Lip filler' has no word that names"],
    ),
    "a product name of general words and a number": (
        "products/galderma",
        lambda d: d[0]["aliases"].append("Ultra 2"),
        ["products/galderma.yaml", "(id 'restylane') > aliases > item", "only general words and numbers"],
    ),
    "one name for two products": (
        "products/galderma",
        lambda d: d[1]["aliases"].append("Restylane"),
        ["products/galderma.yaml", "(id 'restylane-lyft') > aliases", "'Restylane' already names 'restylane'"],
    ),
    "a toxin without a duration": (
        "materials",
        lambda d: next(m for m in d if m["id"] == "botulinum-toxin").pop("wears_off") and None,
        ["materials.yaml", "(id 'botulinum-toxin') > wears_off", "a toxin needs the days when its effect"],
    ),
    "a permanent filler that does not say what removal means": (
        "materials",
        lambda d: next(m for m in d if m["id"] == "pmma").update(methods=["steroid-injection"]),
        ["materials.yaml", "(id 'pmma') > methods", "a permanent material must say what removal means"],
    ),
    "duplicate id": (
        "symptoms",
        lambda d: d[1].update(id=d[0]["id"]),
        ["symptoms.yaml", "entry 1 (id 'vision-change') > id", "used more than once"],
    ),
    "inverted range": (
        "phases",
        lambda d: d[0].update(days={"start": 7, "end": 2}),
        ["phases.yaml", "entry 1 (id 'swelling-usual') > days", "start (7) must not be after end (2)"],
    ),
    "unknown field": (
        "checklist",
        lambda d: d[0].update(colour="red"),
        ["checklist.yaml", "entry 1 (id 'qualifications') > colour", "not a known field"],
    ),
    "empty text": (
        "care_levels",
        lambda d: d[0]["do_this"].update(text="   "),
        ["care_levels.yaml", "entry 1 (id 'emergency') > do_this > text", "must not be empty"],
    ),
    "missing field": (
        "sources/guide",
        lambda d: d[0].pop("reviewed") and None,
        ["sources/guide.yaml", "entry 1 (id 'seed-filler-reversal') > reviewed", "required but missing"],
    ),
    "red flag below emergency": (
        "symptoms",
        lambda d: d[0].update(level="soon", signals=[]),
        ["symptoms.yaml", "entry 1 (id 'vision-change') > level", "red-flag symptom must lead to 'emergency'"],
    ),
    "escalation that lowers the level": (
        "symptoms",
        lambda d: next(s for s in d if s["id"] == "swelling")["escalations"][0].update(level="self_care"),
        ["symptoms.yaml", "(id 'swelling') > escalations > entry 1 > level", "not more urgent"],
    ),
    "unreachable care level": (
        "symptoms",
        lambda d: [
            s for s in d if s["level"] != "soon" and all(e["level"] != "soon" for e in s.get("escalations", []))
        ],
        ["care_levels.yaml", "entry 4 (id 'soon') > id", "no symptom leads to the level 'soon'"],
    ),
    "care levels out of order": (
        "care_levels",
        lambda d: [d[1], d[0], *d[2:]],
        ["care_levels.yaml", "(whole file)", "most urgent first: emergency, act_now, urgent, soon, self_care"],
    ),
    "a statement resting on a seed article alone": (
        "symptoms",
        lambda d: next(s for s in d if s["id"] == "fever")["why"].update(sources=["seed-filler-side-effects"]),
        ["symptoms.yaml", "(id 'fever') > why > sources", "needs at least one regulator, guideline, label or study"],
    ),
    "a blocked-vessel sign below act-now": (
        "symptoms",
        lambda d: next(s for s in d if s["id"] == "skin-colour-change").update(level="urgent"),
        [
            "symptoms.yaml",
            "(id 'skin-colour-change') > signals > entry 1 > danger",
            "a sign of 'blocked_vessel' must lead to 'act_now' or more urgent",
        ],
    ),
    "a danger window the rules do not cover": (
        "symptoms",
        lambda d: next(s for s in d if s["id"] == "bruising")["escalations"][0].update(until_day=2),
        ["symptoms.yaml", "(id 'bruising') > signals > entry 1 > danger", "on day 3 getting worse it leads to 'soon'"],
    ),
    "getting worse escalated while the timeline still rises": (
        "symptoms",
        lambda d: next(s for s in d if s["id"] == "swelling")["escalations"][0].update(from_day=0),
        [
            "symptoms.yaml",
            "(id 'swelling') > escalations > entry 1 > from_day",
            "the timeline series 'swelling' still rises to its peak on day 1",
        ],
    ),
    "longer than usual while the timeline is still high": (
        "symptoms",
        lambda d: next(s for s in d if s["id"] == "tenderness")["escalations"][1].update(from_day=2),
        [
            "symptoms.yaml",
            "(id 'tenderness') > escalations > entry 2 > from_day",
            "the timeline series 'swelling' is still at 90 (peak 100) that day",
        ],
    ),
    "a sign the timeline calls usual, asked as a warning": (
        "symptoms",
        lambda d: next(s for s in d if s["id"] == "swelling").update(level="soon", escalations=[]),
        ["symptoms.yaml", "(id 'swelling') > level", "draws this sign as usual recovery"],
    ),
    "two versions for one treatment": (
        "symptoms",
        lambda d: next(s for s in d if s["id"] == "swelling")["why"]["versions"][1].update(
            treatments=["botox", "hyaluronidase"]
        ),
        [
            "symptoms.yaml",
            "(id 'swelling') > why > versions > entry 2 > treatments",
            "'hyaluronidase' has two versions",
        ],
    ),
    "a red flag not asked for every treatment": (
        "symptoms",
        lambda d: d[0].update(applies_to=["botox"]),
        ["symptoms.yaml", "(id 'vision-change') > applies_to", "applies to all"],
    ),
    "a sign in a heading that does not exist": (
        "symptoms",
        lambda d: next(s for s in d if s["id"] == "skin-colour-change").update(group="elsewhere"),
        ["symptoms.yaml", "(id 'skin-colour-change') > group", "unknown question group 'elsewhere'"],
    ),
    "a source with no address and no reason": (
        "sources/guide",
        lambda d: d[1].pop("no_url") and None,
        ["sources/guide.yaml", "entry 2 (id 'seed-filler-side-effects')", "needs either a url or, if it has none"],
    ),
    "a clinical sign-off without a name": (
        "meta",
        lambda d: d["clinical_review"].update(status="signed_off"),
        ["meta.yaml", "clinical_review", "a sign-off needs the clinician's name and the date"],
    ),
    "maker's aftercare for the wrong treatment": (
        "aftercare",
        lambda d: next(t for t in d if t["id"] == "plla-massage").update(treatments=["filler_ha"]),
        ["aftercare.yaml", "(id 'plla-massage') > materials > item 1", "belongs to the treatment 'filler_other'"],
    ),
    "a treatment without aftercare": (
        "aftercare",
        lambda d: [t for t in d if "botox" not in t["treatments"]],
        ["treatments.yaml", "(id 'botox') > id", "has no aftercare for every material"],
    ),
    "unknown treatment": (
        "series",
        lambda d: d[0].update(treatments=["laser"]),
        ["series.yaml", "entry 1 (id 'swelling') > treatments > item 1", "unknown treatment id 'laser'"],
    ),
}


@pytest.mark.parametrize("case", BAD_CONTENT, ids=list(BAD_CONTENT))
def test_bad_content_is_named_by_file_field_and_reason(case, content_dir, edit_content):
    file, breaks, expected = BAD_CONTENT[case]
    edit_content(file, breaks)
    problems = problems_of(content_dir)
    assert any(all(part in line for part in expected) for line in problems), problems

    result = run_cli("check", str(content_dir))
    assert result.returncode == 1
    assert expected[0] in result.stderr and expected[2] in result.stderr


def test_every_problem_is_listed_at_once(content_dir, edit_content):
    edit_content("products/galderma", lambda d: d[0].update(material="x"))
    edit_content("products/galderma", lambda d: d[1].update(sources=["y"]))
    edit_content("materials", lambda d: d[0]["summary"].update(sources=["z"]))
    problems = problems_of(content_dir)
    assert len(problems) == 3, problems


def test_missing_file_and_broken_yaml_are_reported(content_dir):
    (content_dir / "glossary.yaml").unlink()
    (content_dir / "checklist.yaml").write_text("- id: [unclosed\n", encoding="utf-8")
    (content_dir / "notes.yaml").write_text("[]\n", encoding="utf-8")
    (content_dir / "products" / "galderma.yaml").write_text("id: not-a-list\n", encoding="utf-8")
    problems = problems_of(content_dir)
    assert "glossary.yaml: (file): this file (or a folder 'glossary/' of files) is missing" in problems
    assert "products/galderma.yaml: (whole file): must be a list (one '- ' entry per item)" in problems
    assert any(p.startswith("checklist.yaml: (file): this is not valid YAML at line") for p in problems)
    assert any(p.startswith("notes.yaml: (file): unexpected file") for p in problems)


def test_every_source_is_cited_and_every_seed_is_used(kb):
    uses = facts_by_source(kb)
    assert all(uses.values()), [sid for sid, places in uses.items() if not places]
    seeds = [s.id for s in kb.sources if s.kind == "seed"]
    assert seeds == ["seed-filler-reversal", "seed-filler-side-effects", "seed-botox-reversal"]


def test_content_states_version_review_date_and_policy(kb):
    assert kb.meta.version
    assert kb.meta.reviewed.year >= 2026
    assert "every 6 months" in kb.meta.update_policy
    assert all(s.reviewed <= kb.meta.reviewed for s in kb.sources)


def test_models_are_immutable(kb):
    with pytest.raises(Exception):  # noqa: B017 - pydantic raises its own ValidationError for frozen models
        kb.meta.version = "2"


def test_a_phrase_must_keep_what_its_tool_fills_in(content_dir, edit_content):
    def change(data):
        data["still_missing"] = "Still missing."  # {items} dropped: the answer would not say what is missing
        data["choose_level"] = "Choose one {level}."  # a placeholder no tool fills in

    edit_content("phrases", change)
    with pytest.raises(ContentError) as caught:
        load_knowledge(content_dir)
    said = {str(p) for p in caught.value.problems}
    assert said == {
        "phrases.yaml: still_missing: must say {items}",
        "phrases.yaml: choose_level: '{level}' is not a known placeholder here; allowed: {emergency_number}",
    }
