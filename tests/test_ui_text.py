"""The pages' words: one keyed table with every language, every key the code asks for is there, and none is
left over."""

from __future__ import annotations

import ast
from pathlib import Path

from ui.text import read_table

ROOT = Path(__file__).resolve().parents[1]
CODE = [ROOT / "app.py", *sorted((ROOT / "pages").glob("*.py")), *sorted((ROOT / "ui").glob("*.py"))]


def keys_asked_for() -> tuple[set[str], list[str]]:
    """Every key passed to t() in the app's code, and every t() call whose key is not written out."""
    asked: set[str] = set()
    unreadable: list[str] = []
    for path in CODE:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "t":
                first = node.args[0] if node.args else None
                if isinstance(first, ast.Constant) and isinstance(first.value, str):
                    asked.add(first.value)
                else:
                    unreadable.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    return asked, unreadable


def test_every_text_has_every_language_and_the_same_placeholders():
    _, problems = read_table()
    assert [str(p) for p in problems] == []


def test_every_key_the_code_asks_for_is_in_the_table_and_none_is_left_over():
    table, _ = read_table()
    asked, unreadable = keys_asked_for()
    assert unreadable == [], "write the key out, so this test can find it"
    assert sorted(asked - table.keys()) == []
    assert sorted(table.keys() - asked) == []


def test_a_missing_language_or_a_changed_placeholder_is_named(tmp_path):
    (tmp_path / "demo.yaml").write_text(
        "greeting:\n  en: 'Hello {name}'\n  ko: '안녕하세요 {이름}'\n"
        "farewell:\n  en: Goodbye\n"
        "empty:\n  en: Yes\n  ko: ''\n"
        "joiner:\n  en: ' or '\n  ko: ' 또는 '\n",
        encoding="utf-8",
    )
    table, problems = read_table(tmp_path)
    assert table["demo.joiner"] == {"en": " or ", "ko": " 또는 "}  # kept exactly: it joins words
    said = {str(p) for p in problems}
    assert said == {
        "ui/text/demo.yaml: greeting: the 한국어 (ko) text must keep the English placeholders",
        "ui/text/demo.yaml: farewell: no 한국어 (ko) text",
        "ui/text/demo.yaml: empty: needs one non-empty line per language (en:, ko:)",
    }
