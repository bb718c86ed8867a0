"""Plain language: every text block of the content at grade 9 or below, and the average at 8 or below."""

from __future__ import annotations

import statistics

import pytest

from knowledge.readability import flesch_kincaid_grader, user_texts

MAX_BLOCK_GRADE = 9.0
MAX_AVERAGE_GRADE = 8.0


@pytest.fixture(scope="module")
def grade(tmp_path_factory):
    return flesch_kincaid_grader(tmp_path_factory.mktemp("nltk_data"))


@pytest.fixture(scope="module")
def grades(kb, grade):
    return {where: grade(text) for where, text in user_texts(kb)}


def test_every_block_is_grade_9_or_below(grades):
    too_hard = {where: g for where, g in grades.items() if g > MAX_BLOCK_GRADE}
    assert too_hard == {}


def test_average_is_grade_8_or_below(grades):
    assert statistics.mean(grades.values()) <= MAX_AVERAGE_GRADE


def test_the_check_can_fail(grade):
    hard = (
        "Intravascular administration of crosslinked hyaluronic acid formulations necessitates immediate "
        "recognition of ischaemic manifestations and expeditious administration of hyaluronidase."
    )
    assert grade(hard) > MAX_BLOCK_GRADE


def test_unavoidable_terms_are_in_the_glossary(kb):
    terms = " ".join(entry.term.lower() for entry in kb.glossary)
    for word in ("hyaluronidase", "hyaluronic acid", "ptosis", "botulinum toxin", "off-label", "nodule"):
        assert word in terms
