"""The hazard log names real tests, and the content's review is not overdue."""

from __future__ import annotations

import ast
import datetime as dt
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LOG = ROOT / "docs" / "safety.md"
REFERENCE = re.compile(r"`(tests/[\w/]+\.py)::(\w+)`")


def test_every_test_named_in_the_hazard_log_exists():
    references = REFERENCE.findall(LOG.read_text())
    assert len(references) >= 12
    missing = []
    for file, name in references:
        path = ROOT / file
        defined = path.exists() and any(
            isinstance(node, ast.FunctionDef) and node.name == name for node in ast.walk(ast.parse(path.read_text()))
        )
        if not defined:
            missing.append(f"{file}::{name}")
    assert missing == []


def test_every_hazard_has_a_guard():
    rows = [line for line in LOG.read_text().splitlines() if re.match(r"\| \d+ \|", line)]
    assert len(rows) >= 7
    assert all(REFERENCE.search(row) for row in rows)


def test_content_review_is_not_overdue(kb):
    """An outdated fact is a hazard: past the review date, this fails until the content is reviewed."""
    meta = kb.meta
    months = meta.review_every_months
    due = meta.reviewed.replace(
        year=meta.reviewed.year + (meta.reviewed.month - 1 + months) // 12,
        month=(meta.reviewed.month - 1 + months) % 12 + 1,
        day=min(meta.reviewed.day, 28),
    )
    assert dt.date.today() <= due, f"content review was due on {due}: check every source, then update meta.yaml"
