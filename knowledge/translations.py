"""The guide in other languages: translation files over the English content, checked text by text.

English is the source: the content files hold it. Every field marked `Words` in the schema (what readers see in
the guide's own words) is a *text to translate*. A language's translations live in `translations/<code>/`, one
file per content part, named like the part (`translations/ko/symptoms.yaml`). Each text is kept with the English
it was translated from, so a change to the English shows up as a translation to check, not as a silent mismatch:

    vision-change:              # the entry's id (or its position, from 1, in a part whose entries have none)
      why.versions.1.text:      # the field's path in the entry: names, and positions from 1
        en: After Botox, blurred or double vision ...
        ko: 보톡스 후에 ...

Parts that are one group of fields (meta, lookup, unknown_product) have no entry level: the paths are at the top.
Ids, numbers, product and source names are never translated, so every query gives the same answer in every
language: only the words change.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, get_origin

import yaml
from pydantic import BaseModel

from knowledge.loader import FILE_SUFFIX, Problem, load_table
from knowledge.schema import LANGUAGE_NAMES, PLACEHOLDER, SOURCE_LANGUAGE, Knowledge, is_words

TRANSLATIONS_DIR = "translations"
# Pages draw texts as Markdown, which reads two '~' as strikethrough: "1~3일 ... 3~4개월" came out struck through.
TILDE = "Markdown strikes text through between two of them; write ranges with '∼' (1∼3일) or '–'"


@dataclass(frozen=True)
class Slot:
    """One text to translate: where it is, and its English."""

    part: str  # the content part (its file name without .yaml)
    entry: str | None  # the entry's id, or its position from 1; None in a part that is one group of fields
    field: str  # the path in the entry, e.g. "why.versions.1.text" (positions from 1)
    english: str

    def file(self, language: str) -> str:
        return f"{TRANSLATIONS_DIR}/{language}/{self.part}{FILE_SUFFIX}"

    def where(self) -> str:
        return " > ".join(x for x in (self.entry, self.field.replace(".", " > ")) if x)


def _texts(model: BaseModel, prefix: str = "") -> Iterator[tuple[str, str]]:
    """(path, text) of every translated field in a model and the models inside it."""
    for name, info in type(model).model_fields.items():
        value = getattr(model, name)
        if value is None:
            continue
        if is_words(info.annotation, info) and isinstance(value, str):
            yield f"{prefix}{name}", value
        elif isinstance(value, BaseModel):
            yield from _texts(value, f"{prefix}{name}.")
        elif isinstance(value, tuple):
            for position, item in enumerate(value, start=1):
                if isinstance(item, BaseModel):
                    yield from _texts(item, f"{prefix}{name}.{position}.")


KEYS = ("id", "region")  # what names an entry in a translation file; else its position from 1


def entry_key(item: BaseModel | dict[str, Any], position: int) -> str:
    get = item.get if isinstance(item, dict) else lambda name: getattr(item, name, None)
    return str(next((get(name) for name in KEYS if get(name)), position))


def slots(k: Knowledge) -> list[Slot]:
    """Every text to translate in the (English) content, in content order."""
    found: list[Slot] = []
    for part in Knowledge.model_fields:
        value = getattr(k, part)
        if isinstance(value, tuple):
            for position, item in enumerate(value, start=1):
                key = entry_key(item, position)
                found += [Slot(part, key, path, text) for path, text in _texts(item)]
        else:
            found += [Slot(part, None, path, text) for path, text in _texts(value)]
    return found


# ------------------------------------------------------------------------------------------- reading the files


@dataclass(frozen=True)
class Translation:
    english: str  # the English it was made from
    text: str  # in the language


Table = dict[tuple[str, str | None, str], Translation]  # (part, entry, field) -> translation


def read_translations(directory: Path, language: str) -> tuple[Table, list[Problem]]:
    """A language's translation files: every well-formed text, and a problem for each malformed one."""
    table: Table = {}
    problems: list[Problem] = []
    folder = directory / TRANSLATIONS_DIR / language
    for part, info in Knowledge.model_fields.items():
        path = folder / f"{part}{FILE_SUFFIX}"
        if not path.is_file():
            continue
        shown = f"{TRANSLATIONS_DIR}/{language}/{path.name}"
        data = load_table(path, shown, problems, "'id:' entries")
        if data is None:
            continue
        listed = get_origin(info.annotation) is tuple
        entries = data.items() if listed else [(None, data)]
        for entry, fields in entries:
            where = str(entry) if entry is not None else ""
            if not isinstance(fields, dict):
                problems.append(Problem(shown, where or "(whole file)", "must be a group of 'field: {en, text}' lines"))
                continue
            for field, pair in fields.items():
                label = " > ".join(x for x in (where, str(field).replace(".", " > ")) if x)
                english, text = (pair.get(SOURCE_LANGUAGE), pair.get(language)) if isinstance(pair, dict) else (0, 0)
                if not isinstance(english, str) or not isinstance(text, str):
                    problems.append(
                        Problem(shown, label, f"needs two lines: '{SOURCE_LANGUAGE}:' (the English) and '{language}:'")
                    )
                    continue
                table[(part, None if entry is None else str(entry), str(field))] = Translation(
                    " ".join(english.split()), text.strip()
                )
    return table, problems


def check(k: Knowledge, directory: Path, language: str) -> list[Problem]:
    """Every text of the content translated, from the current English, and nothing else: each problem names the
    translation file, the entry and field, and the language."""
    name = f"{LANGUAGE_NAMES.get(language, language)} ({language})"
    table, problems = read_translations(directory, language)
    expected = slots(k)
    known = {(s.part, s.entry, s.field) for s in expected}
    for slot in expected:
        found = table.get((slot.part, slot.entry, slot.field))
        if found is None:
            problems.append(Problem(slot.file(language), slot.where(), f"no {name} text"))
        elif not found.text:
            problems.append(Problem(slot.file(language), slot.where(), f"the {name} text is empty"))
        elif "~" in found.text:
            problems.append(Problem(slot.file(language), slot.where(), f"the {name} text has '~': {TILDE}"))
        elif sorted(PLACEHOLDER.findall(found.text)) != sorted(PLACEHOLDER.findall(slot.english)):
            wanted = ", ".join(PLACEHOLDER.findall(slot.english)) or "none"
            problems.append(
                Problem(slot.file(language), slot.where(), f"the {name} text must keep the placeholders ({wanted})")
            )
        elif found.english != " ".join(slot.english.split()):
            problems.append(
                Problem(
                    slot.file(language),
                    slot.where(),
                    f"the English changed since the {name} text was made: check it, then copy the new English "
                    f"into '{SOURCE_LANGUAGE}:'",
                )
            )
    for part, entry, field in table:
        if (part, entry, field) not in known:
            where = " > ".join(x for x in (entry, field.replace(".", " > ")) if x)
            problems.append(
                Problem(f"{TRANSLATIONS_DIR}/{language}/{part}{FILE_SUFFIX}", where, "not in the English content")
            )
    return problems


# ------------------------------------------------------------------------------------------- applying them


def _set(node: Any, field: str, text: str) -> None:
    *steps, last = field.split(".")
    for step in steps:
        node = node[int(step) - 1] if step.isdigit() else node[step]
    node[last] = text


def translate(k: Knowledge, directory: Path, language: str) -> Knowledge:
    """The content in `language`: every text replaced by its translation, everything else as it is, validated
    again as a whole. Call after `check` found no problem (a missing text stays English)."""
    if language == SOURCE_LANGUAGE:
        return k
    table, _ = read_translations(directory, language)
    raw = k.model_dump(mode="python")
    for (part, entry, field), found in table.items():
        node = raw[part]
        if entry is not None:
            node = next((e for i, e in enumerate(node, start=1) if entry_key(e, i) == entry), None)
            if node is None:
                continue
        try:
            _set(node, field, found.text)
        except (KeyError, IndexError, TypeError):
            continue
    return Knowledge.model_validate(raw)


def skeleton(k: Knowledge, directory: Path, language: str) -> dict[str, dict[Any, Any]]:
    """The translation files for `language` as they should be: what is already translated from the current
    English kept, every other text with its English and an empty line to fill in. part -> file content."""
    table, _ = read_translations(directory, language)
    files: dict[str, dict[Any, Any]] = {}
    for slot in slots(k):
        found = table.get((slot.part, slot.entry, slot.field))
        english = " ".join(slot.english.split())
        text = found.text if found and found.english == english else ""
        entries = files.setdefault(slot.part, {})
        fields = entries.setdefault(slot.entry, {}) if slot.entry is not None else entries
        fields[slot.field] = {SOURCE_LANGUAGE: english, language: text}
    return files


def write_skeleton(k: Knowledge, directory: Path, language: str) -> list[Path]:
    folder = directory / TRANSLATIONS_DIR / language
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for part, content in skeleton(k, directory, language).items():
        path = folder / f"{part}{FILE_SUFFIX}"
        path.write_text(yaml.safe_dump(content, allow_unicode=True, sort_keys=False, width=110), encoding="utf-8")
        written.append(path)
    return written


def report(k: Knowledge, directory: Path) -> str:
    """Per language: how many texts, how many translated, and those identical to the English (often a text
    that was missed; sometimes right, like a name)."""
    expected = slots(k)
    lines = [f"{len(expected)} texts to translate in content {k.meta.version}; offered: {', '.join(k.meta.languages)}"]
    for language, name in LANGUAGE_NAMES.items():
        if language == SOURCE_LANGUAGE:
            continue
        table, _ = read_translations(directory, language)
        done = [s for s in expected if (found := table.get((s.part, s.entry, s.field))) and found.text]
        same = [
            s
            for s in done
            if table[(s.part, s.entry, s.field)].text.casefold() == " ".join(s.english.split()).casefold()
        ]
        lines.append(
            f"{name} ({language}): {len(done)} of {len(expected)} translated, {len(same)} identical to English"
        )
        lines += [f"  same as English: {s.file(language)}: {s.where()}: {s.english[:60]!r}" for s in same]
    return "\n".join(lines)
