"""Translations: which texts are translated, how a missing or outdated one is named, and that a translation
changes the words and nothing else."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from knowledge import CONTENT_DIR, load_knowledge
from knowledge.queries.triage import triage
from knowledge.schema import SymptomReport
from knowledge.translations import TRANSLATIONS_DIR, check, slots, translate, write_skeleton


@pytest.fixture(scope="module")
def english():
    return load_knowledge()


def filled(folder: Path, language: str, make) -> None:
    """Fill every text of the language's files with make(english)."""
    for path in (folder / TRANSLATIONS_DIR / language).glob("*.yaml"):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))

        def fill(node):
            for value in node.values():
                if isinstance(value, dict) and "en" in value:
                    value[language] = make(value["en"])
                elif isinstance(value, dict):
                    fill(value)

        fill(data)
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


@pytest.fixture
def content_copy(tmp_path, english) -> Path:
    folder = tmp_path / "content"
    shutil.copytree(CONTENT_DIR, folder)
    shutil.rmtree(folder / TRANSLATIONS_DIR, ignore_errors=True)
    write_skeleton(english, folder, "ko")
    filled(folder, "ko", lambda text: f"번역 {text}")
    return folder


def test_the_texts_to_translate_are_what_readers_see_in_the_guides_words(english):
    found = {(s.part, s.entry, s.field) for s in slots(english)}
    assert ("meta", None, "emergency_line.text") in found
    assert ("meta", None, "disclaimer") in found
    assert ("symptoms", "vision-change", "question") in found
    assert ("symptoms", "vision-change", "why.versions.1.text") in found  # a treatment's own wording too
    assert ("care_levels", "emergency", "title") in found
    assert ("scenarios", english.scenarios[0].id, "story") in found
    # names stay as they are: products, makers, sources; so do ids and icons
    parts_and_fields = {(part, field) for part, _, field in found}
    assert not {("products", "name"), ("products", "maker"), ("sources", "title"), ("care_levels", "icon")} & (
        parts_and_fields
    )
    assert len(found) == len(slots(english)), "each text has one place"


def test_a_complete_translation_has_no_problem(content_copy, english):
    assert check(english, content_copy, "ko") == []


def test_a_missing_empty_outdated_or_unknown_text_is_named_by_file_field_and_language(content_copy, english):
    path = content_copy / TRANSLATIONS_DIR / "ko" / "symptoms.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    del data["vision-change"]["label"]
    data["vision-change"]["question"]["ko"] = "  "
    data["stroke-signs"]["why.text"]["en"] = "An older English text."
    data["no-such-sign"] = {"label": {"en": "x", "ko": "y"}}
    data["headache-flu"]["why.text"]["ko"] = "번역: 응급 번호로 전화하세요."  # the number's placeholder dropped
    data["bruising"]["label"]["ko"] = "1~3일 뒤 3~4개월"  # Markdown would strike the middle through
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")

    said = {str(p) for p in check(english, content_copy, "ko")}
    file = "translations/ko/symptoms.yaml"
    assert f"{file}: vision-change > label: no 한국어 (ko) text" in said
    assert f"{file}: vision-change > question: the 한국어 (ko) text is empty" in said
    assert any(p.startswith(f"{file}: stroke-signs > why > text: the English changed") for p in said)
    assert f"{file}: no-such-sign > label: not in the English content" in said
    assert (
        f"{file}: headache-flu > why > text: the 한국어 (ko) text must keep the placeholders ({{emergency_number}})"
        in said
    )
    assert any(p.startswith(f"{file}: bruising > label: the 한국어 (ko) text has '~'") for p in said)
    assert len(said) == 6


def test_an_offered_language_with_a_missing_text_fails_the_content_check(content_copy):
    meta = content_copy / "meta.yaml"
    meta.write_text(meta.read_text(encoding="utf-8") + "languages: [en, ko]\n", encoding="utf-8")
    path = content_copy / TRANSLATIONS_DIR / "ko" / "care_levels.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["emergency"]["title"]["ko"] = ""
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")

    done = subprocess.run(
        [sys.executable, "-m", "knowledge", "check", str(content_copy)], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 1
    assert "translations/ko/care_levels.yaml: emergency > title: the 한국어 (ko) text is empty" in done.stderr


def test_a_translation_changes_the_words_and_never_an_answer(content_copy, english):
    korean = translate(english, content_copy, "ko")
    assert korean.level_by_id["emergency"].title == f"번역 {english.level_by_id['emergency'].title}"
    assert korean.symptom_by_id["vision-change"].why.versions[0].text.startswith("번역 After Botox")
    assert korean.meta.emergency_line.sources == english.meta.emergency_line.sources
    assert [p.name for p in korean.products] == [p.name for p in english.products]
    for symptom in english.symptoms:
        for treatment in symptom.applies_to:
            for day in (0, 2, 10, 60, None):
                for worse in (False, True):
                    answer = [SymptomReport(symptom=symptom.id, worsening=worse)]
                    said = triage(korean, treatment, day, answer)
                    assert said.level.id == triage(english, treatment, day, answer).level.id
                    assert said.level.title.startswith("번역 ")
