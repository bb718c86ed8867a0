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
    """The file names the content is made of, one per top-level field of `Knowledge`."""
    return [f"{name}{FILE_SUFFIX}" for name in Knowledge.model_fields]


def load_knowledge(directory: Path | str = CONTENT_DIR) -> Knowledge:
    """Load and validate all content in `directory`. Raises `ContentError` listing every problem."""
    raw, problems = _read(Path(directory))
    if problems:
        raise ContentError(problems)
    try:
        return Knowledge.model_validate(raw)
    except ValidationError as error:
        raise ContentError(_explain(error, raw)) from None


def _read(directory: Path) -> tuple[dict[str, Any], list[Problem]]:
    raw: dict[str, Any] = {}
    problems: list[Problem] = []
    if not directory.is_dir():
        return raw, [Problem(str(directory), "(folder)", "this content folder does not exist")]
    expected = content_files()
    for name in expected:
        path = directory / name
        if not path.is_file():
            problems.append(Problem(name, "(file)", "this file is missing"))
            continue
        try:
            raw[path.stem] = yaml.load(path.read_text(encoding="utf-8"), Loader=_SAFE_LOADER)
        except yaml.YAMLError as error:
            mark = getattr(error, "problem_mark", None)
            where = f" at line {mark.line + 1}" if mark else ""
            problems.append(Problem(name, "(file)", f"this is not valid YAML{where}"))
        except UnicodeDecodeError:
            problems.append(Problem(name, "(file)", "this file is not UTF-8 text"))
    for path in sorted(directory.glob(f"*{FILE_SUFFIX}")):
        if path.name not in expected:
            listing = ", ".join(expected)
            problems.append(Problem(path.name, "(file)", f"unexpected file; the content files are: {listing}"))
    return raw, problems


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


def _explain(error: ValidationError, raw: dict[str, Any]) -> list[Problem]:
    problems: list[Problem] = []
    for detail in error.errors():
        if detail["type"] == "cross_reference":
            for path, message in detail["ctx"]["problems"]:
                problems.append(_problem(raw, tuple(path), message))
            continue
        message = _PLAIN_MESSAGES.get(detail["type"])
        if message is None:
            message = detail["msg"].removeprefix("Value error, ").replace("Input should be", "should be")
            if detail["type"] == "too_short":
                message = f"needs at least {detail['ctx']['min_length']} item(s)"
        problems.append(_problem(raw, tuple(detail["loc"]), message))
    return problems


def _problem(raw: dict[str, Any], loc: tuple[str | int, ...], message: str) -> Problem:
    if not loc:
        return Problem("(content)", "(whole)", message)
    top, *rest = loc
    file = f"{top}{FILE_SUFFIX}"
    parts: list[str] = []
    node: Any = raw.get(str(top))
    for step in rest:
        if isinstance(step, int):
            entry = node[step] if _has(node, step) else None
            entry_id = entry.get("id") if isinstance(entry, dict) else None
            kind = "entry" if isinstance(entry, dict) else "item"
            parts.append(f"{kind} {step + 1}" + (f" (id '{entry_id}')" if entry_id else ""))
        else:
            parts.append(str(step))
        node = node[step] if _has(node, step) else None
    return Problem(file, " > ".join(parts) or "(whole file)", message)


def _has(node: Any, step: str | int) -> bool:
    if isinstance(node, list):
        return isinstance(step, int) and 0 <= step < len(node)
    return isinstance(node, dict) and step in node
