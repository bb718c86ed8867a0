"""The words of the pages, outside the content, in every language the guide can be written in: one keyed table,
kept in `ui/text/*.yaml` (one file per page or part of the app), each key with its text in every language:

    # ui/text/self_check.yaml
    title:
      en: Symptom self-check
      ko: 증상 자가 점검
    days_ago:
      en: "How many days ago was it? ({today} means today)"
      ko: "며칠 전에 맞았나요? ({today}은 오늘이에요)"

Pages hold no words of their own: `t("self_check.title")`, `t("self_check.days_ago", today=0)`. A text's
`{name}` placeholders are the same in every language (`problems` checks). The content's words are translated
apart (knowledge/translations.py).
"""

from __future__ import annotations

import datetime as dt
import string
from functools import cache
from pathlib import Path
from typing import Annotated

import streamlit as st
from babel.dates import format_date
from pydantic import StringConstraints, TypeAdapter, ValidationError
from streamlit.runtime.scriptrunner import get_script_run_ctx

from knowledge import Problem
from knowledge.loader import load_table
from knowledge.queries.common import InputRejected
from knowledge.schema import LANGUAGE_NAMES, SOURCE_LANGUAGE
from knowledge.translations import TILDE

TEXT_DIR = Path(__file__).with_name("text")
# How each language writes dates (Babel's locale data): the guide's English is British ("23 November 2026").
BABEL_LOCALES = {"en": "en_GB", "ko": "ko_KR"}
LANGUAGE = "language"  # the session's language (ui/language.py sets it at the start of every run)
# Kept exactly as written (a joining word like " or " keeps its spaces); a text of only spaces is refused.
_LINE = TypeAdapter(dict[str, Annotated[str, StringConstraints(min_length=1, pattern=r"\S")]])


def placeholders(text: str) -> list[str]:
    return sorted(name for _, name, _, _ in string.Formatter().parse(text) if name is not None)


def read_table(folder: Path = TEXT_DIR) -> tuple[dict[str, dict[str, str]], list[Problem]]:
    """Every text, keyed "file.key" (a file `self_check.yaml` holds the keys `self_check.*`), and every problem:
    a language missing or empty, a placeholder that differs from the English, a file that is not a table."""
    table: dict[str, dict[str, str]] = {}
    problems: list[Problem] = []
    for path in sorted(folder.glob("*.yaml")):
        shown = f"ui/text/{path.name}"
        data = load_table(path, shown, problems, "'key: {en: ..., ko: ...}'")
        if data is None:
            continue
        for key, line in data.items():
            try:
                texts = _LINE.validate_python(line)
            except ValidationError:
                problems.append(Problem(shown, str(key), "needs one non-empty line per language (en:, ko:)"))
                continue
            for language, name in LANGUAGE_NAMES.items():
                if "~" in texts.get(language, ""):
                    problems.append(Problem(shown, str(key), f"the {name} ({language}) text has '~': {TILDE}"))
                if language not in texts:
                    problems.append(Problem(shown, str(key), f"no {name} ({language}) text"))
                elif placeholders(texts[language]) != placeholders(texts.get(SOURCE_LANGUAGE, "")):
                    problems.append(
                        Problem(shown, str(key), f"the {name} ({language}) text must keep the English placeholders")
                    )
            for language in texts.keys() - LANGUAGE_NAMES.keys():
                problems.append(Problem(shown, str(key), f"'{language}' is not a language of the guide"))
            table[f"{path.stem}.{key}"] = texts
    return table, problems


@cache
def _table() -> dict[str, dict[str, str]]:
    table, problems = read_table()
    if problems:  # the tests check the table; a broken one must not reach a reader half-translated
        raise ValueError("ui/text has problems:\n" + "\n".join(str(p) for p in problems))
    return table


def language() -> str:
    """The session's language (English until ui/language.py has chosen one, and outside a page run)."""
    if get_script_run_ctx() is None:
        return SOURCE_LANGUAGE
    return st.session_state.get(LANGUAGE, SOURCE_LANGUAGE)


def t(key: str, **values: object) -> str:
    """The page text `key` in the session's language, with its placeholders filled in."""
    texts = _table()[key]
    text = texts.get(language()) or texts[SOURCE_LANGUAGE]
    return text.format(**values) if values else text


def long_date(day: dt.date) -> str:
    """A date as the session's language writes it: "23 November 2026", "2026년 11월 23일"."""
    return format_date(day, "long", locale=BABEL_LOCALES[language()])


def full_date(day: dt.date) -> str:
    """With the weekday: "Monday, 23 November 2026", "2026년 11월 23일 월요일"."""
    return format_date(day, "full", locale=BABEL_LOCALES[language()])


def reason(error: ValueError) -> str:
    """Why a typed or linked value was not used, in the reader's language (a tool's InputRejected), else the
    error's own words."""
    if not isinstance(error, InputRejected):
        return str(error)
    values = error.values
    words = {
        "days_empty": lambda: t("common.reason_days_empty"),
        "days_not_number": lambda: t("common.reason_days_not_number"),
        "days_negative": lambda: t("common.reason_days_negative"),
        "days_too_many": lambda: t("common.reason_days_too_many", most=f"{values['most']:,}"),
        "days_not_whole": lambda: t("common.reason_days_not_whole"),
        "date_out_of_range": lambda: t(
            "common.reason_date_out_of_range", first=long_date(values["first"]), last=long_date(values["last"])
        ),
        "date_malformed": lambda: t("common.reason_date_malformed"),
    }
    return words[error.code]()
