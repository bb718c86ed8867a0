"""Security configuration, no user text in raw HTML, and a visible label on every widget."""

from __future__ import annotations

import ast
import tomllib
from pathlib import Path

import pytest
import streamlit as st
from app_pages import PAGES

ROOT = Path(__file__).resolve().parents[1]
CONFIG = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())
VIEW_CODE = [ROOT / "app.py", *sorted((ROOT / "pages").glob("*.py")), *sorted((ROOT / "ui").glob("*.py"))]


def test_usage_statistics_are_off():
    assert CONFIG["browser"]["gatherUsageStats"] is False


def test_xsrf_protection_is_on_and_error_details_are_hidden():
    assert CONFIG["server"]["enableXsrfProtection"] is True
    assert CONFIG["client"]["showErrorDetails"] == "none"


def test_deployment_guide_documents_allowed_hosts():
    assert "server.allowedHosts" in (ROOT / "README.md").read_text()


def raw_html_calls(path: Path) -> list[ast.Call]:
    calls = []
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Call):
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            unsafe = any(kw.arg == "unsafe_allow_html" for kw in node.keywords)
            if name == "html" or unsafe:
                calls.append(node)
    return calls


def test_raw_html_only_ever_gets_fixed_style_rules():
    """st.html and unsafe_allow_html take only the constant style sheets of ui/style.py, never user text."""
    found = {path.name: raw_html_calls(path) for path in VIEW_CODE}
    allowed = {  # file -> the names its calls may use: the style sheets, and in modes.py the choice between them
        "modes.py": {"BASE_CSS", "LARGE_TYPE_CSS", "mode", "DEFAULT"},
        "rooms.py": {"ROOM_CSS", "PHONE_CSS"},
        "language.py": {"LANGUAGE_SCRIPTS", "language"},  # the fixed <script src> of static/lang-*.js
    }
    scripts = {"language.py"}  # the only file whose call may run a script: a fixed file of the app's own
    assert {name for name, calls in found.items() if calls} == set(allowed)
    for name, calls in found.items():
        for call in calls:
            keywords = [ast.unparse(k) for k in call.keywords]
            assert len(call.args) == 1, ast.unparse(call)
            assert keywords == (["unsafe_allow_javascript=True"] if name in scripts else []), ast.unparse(call)
            argument = call.args[0]
            assert not [n for n in ast.walk(argument) if isinstance(n, (ast.Call, ast.JoinedStr, ast.Constant))]
            assert {n.id for n in ast.walk(argument) if isinstance(n, ast.Name)} <= allowed[name], ast.unparse(call)


WIDGETS = ("checkbox", "radio", "selectbox", "number_input", "date_input", "toggle", "button_group", "text_input")


@pytest.fixture(autouse=True)
def fresh_cache():
    st.cache_resource.clear()
    yield


@pytest.mark.parametrize("page", PAGES)
def test_every_widget_has_a_visible_label(page, open_page):
    at = open_page(page, query={"mode": "workshop"})
    if page == "pages/self-check.py":  # show the follow-up questions too
        at.checkbox(key="symptom-swelling").check().run()
    widgets = [w for kind in WIDGETS for w in at.get(kind)]
    assert widgets
    for widget in widgets:
        assert widget.proto.label.strip(), widget
        assert widget.proto.label_visibility.value == widget.proto.label_visibility.VISIBLE
