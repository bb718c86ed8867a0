"""Read the content files, validate them as one whole, and explain any problem in plain words."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from knowledge.schema import Knowledge

CONTENT_DIR = Path(__file__).parent / "content"
FILE_SUFFIX = ".yaml"
# libyaml's safe loader when PyYAML was built with it (about 5 times faster), else the pure-Python one.
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the content: which file, which field, and what is wrong."""

    file: str
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}: {self.field}: {self.message}"


class ContentError(Exception):
    """The content is not valid. Lists every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        lines = "\n".join(f"  - {p}" for p in problems)
        super().__init__(f"The guide's content has {len(problems)} problem(s):\n{lines}")


def content_files() -> list[str]:
    """The file names the content is made of, one per top-level field of `Knowledge`. A part that is a list
    may instead be a folder of the same name holding several files (e.g. `products/allergan.yaml`)."""
    return [f"{name}{FILE_SUFFIX}" for name in Knowledge.model_fields]


# Where each entry of a part kept as a folder came from: part -> [(file name, index in that file), ...]
Origins = dict[str, list[tuple[str, int]]]


def load_knowledge(directory: Path | str = CONTENT_DIR) -> Knowledge:
    """Load and validate all content in `directory`. Raises `ContentError` listing every problem."""
    raw, origins, problems = _read(Path(directory))
    if problems:
        raise ContentError(problems)
    try:
        return Knowledge.model_validate(raw)
    except ValidationError as error:
        raise ContentError(_explain(error, raw, origins)) from None


def _load_yaml(path: Path, shown: str, problems: list[Problem]) -> Any:
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=_SAFE_LOADER)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark else ""
        problems.append(Problem(shown, "(file)", f"this is not valid YAML{where}"))
    except UnicodeDecodeError:
        problems.append(Problem(shown, "(file)", "this file is not UTF-8 text"))
    return None


def load_table(path: Path, shown: str, problems: list[Problem], expected: str) -> dict[Any, Any] | None:
    """A YAML file that must hold one table (a mapping); None, with a problem naming `shown`, if it does not.
    `expected` says what the table holds, for the message."""
    data = _load_yaml(path, shown, problems)
    if data is None and not any(p.file == shown for p in problems):
        return {}
    if data is not None and not isinstance(data, dict):
        problems.append(Problem(shown, "(whole file)", f"must be a table of {expected}"))
        return None
    return data


def _read(directory: Path) -> tuple[dict[str, Any], Origins, list[Problem]]:
    raw: dict[str, Any] = {}
    origins: Origins = {}
    problems: list[Problem] = []
    if not directory.is_dir():
        return raw, origins, [Problem(str(directory), "(folder)", "this content folder does not exist")]
    expected = content_files()
    for name in expected:
        path, folder = directory / name, directory / name.removesuffix(FILE_SUFFIX)
        if path.is_file() and folder.is_dir():
            problems.append(Problem(name, "(file)", f"there is also a folder '{folder.name}/': keep one of them"))
        elif path.is_file():
            raw[path.stem] = _load_yaml(path, name, problems)
        elif folder.is_dir():
            raw[folder.name], origins[folder.name] = _read_folder(folder, problems)
        else:
            problems.append(Problem(name, "(file)", f"this file (or a folder '{folder.name}/' of files) is missing"))
    for path in sorted(directory.glob(f"*{FILE_SUFFIX}")):
        if path.name not in expected:
            listing = ", ".join(expected)
            problems.append(Problem(path.name, "(file)", f"unexpected file; the content files are: {listing}"))
    return raw, origins, problems


def _read_folder(folder: Path, problems: list[Problem]) -> tuple[list[Any], list[tuple[str, int]]]:
    """The entries of every file in a content folder, in file-name order, and where each came from."""
    entries: list[Any] = []
    where: list[tuple[str, int]] = []
    files = sorted(folder.glob(f"*{FILE_SUFFIX}"))
    if not files:
        problems.append(Problem(f"{folder.name}/", "(folder)", "this folder has no .yaml files"))
    for path in files:
        shown = f"{folder.name}/{path.name}"
        data = _load_yaml(path, shown, problems)
        if data is None:
            continue
        if not isinstance(data, list):
            problems.append(Problem(shown, "(whole file)", "must be a list (one '- ' entry per item)"))
            continue
        entries += data
        where += [(path.name, i) for i in range(len(data))]
    return entries, where


_PLAIN_MESSAGES = {
    "missing": "this field is required but missing",
    "extra_forbidden": "this is not a known field (check the spelling)",
    "string_too_short": "must not be empty",
    "string_pattern_mismatch": "an id may use only lower-case letters, digits, '-' and '_'",
    "date_from_datetime_parsing": "must be a date written like 2026-01-31",
    "date_parsing": "must be a date written like 2026-01-31",
    "date_type": "must be a date written like 2026-01-31",
    "url_parsing": "must be a full web address starting with http:// or https://",
    "tuple_type": "must be a list (one '- ' line per item)",
    "model_type": "must be a group of fields (name: value lines)",
    "model_attributes_type": "must be a group of fields (name: value lines)",
}


def _explain(error: ValidationError, raw: dict[str, Any], origins: Origins) -> list[Problem]:
    problems: list[Problem] = []
    for detail in error.errors():
        if detail["type"] == "cross_reference":
            for path, message in detail["ctx"]["problems"]:
                problems.append(_problem(raw, tuple(path), message, origins))
            continue
        message = _PLAIN_MESSAGES.get(detail["type"])
        if message is None:
            message = detail["msg"].removeprefix("Value error, ").replace("Input should be", "should be")
            if detail["type"] == "too_short":
                message = f"needs at least {detail['ctx']['min_length']} item(s)"
        problems.append(_problem(raw, tuple(detail["loc"]), message, origins))
    return problems


def _problem(raw: dict[str, Any], loc: tuple[str | int, ...], message: str, origins: Origins) -> Problem:
    if not loc:
        return Problem("(content)", "(whole)", message)
    top, *rest = loc
    file = f"{top}{FILE_SUFFIX}"
    parts: list[str] = []
    node: Any = raw.get(str(top))
    for depth, step in enumerate(rest):
        if isinstance(step, int):
            entry = node[step] if _has(node, step) else None
            entry_id = entry.get("id") if isinstance(entry, dict) else None
            kind = "entry" if isinstance(entry, dict) else "item"
            shown = step
            if depth == 0 and str(top) in origins and 0 <= step < len(origins[str(top)]):
                name, shown = origins[str(top)][step]  # name the file in the folder, and the entry in it
                file = f"{top}/{name}"
            parts.append(f"{kind} {shown + 1}" + (f" (id '{entry_id}')" if entry_id else ""))
        else:
            parts.append(str(step))
        node = node[step] if _has(node, step) else None
    return Problem(file, " > ".join(parts) or "(whole file)", message)


def _has(node: Any, step: str | int) -> bool:
    if isinstance(node, list):
        return isinstance(step, int) and 0 <= step < len(node)
    return isinstance(node, dict) and step in node
