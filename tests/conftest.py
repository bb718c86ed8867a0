"""Shared fixtures: the shipped knowledge, and an editable copy of the content for tests that break it."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from knowledge import CONTENT_DIR, Knowledge, load_knowledge
from knowledge.queries.emergency import with_emergency_number


@pytest.fixture(scope="session")
def kb() -> Knowledge:
    """The shipped knowledge base, validated, as a reader with no region chosen sees it (AppTest's browser names
    no locale): every {emergency_number} reads "your local emergency number" (the package is `knowledge`; pages
    call theirs `k`)."""
    return with_emergency_number(load_knowledge(), None)


EditContent = Callable[[str, Callable[[Any], Any]], None]


@pytest.fixture
def content_dir(tmp_path: Path) -> Path:
    """A private copy of the shipped content that a test may change."""
    target = tmp_path / "content"
    shutil.copytree(CONTENT_DIR, target)
    return target


@pytest.fixture
def edit_content(content_dir: Path) -> EditContent:
    """Change one content file of the copy: edit("materials", lambda data: ...)."""

    def edit(name: str, change: Callable[[Any], Any]) -> None:
        path = content_dir / f"{name}.yaml"
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        result = change(data)
        path.write_text(yaml.safe_dump(data if result is None else result, allow_unicode=True), encoding="utf-8")

    return edit


APP = str(Path(__file__).resolve().parents[1] / "app.py")


@pytest.fixture
def open_page():
    """Run the app at a page through AppTest: open_page("pages/timeline.py", query={"k": "v"}).

    AppTest starts every run as Streamlit does after a server start (the `pages/` folder seen as a legacy
    layout), so each page goes through ui/pages.py's hand-over to app.py, as a first visit would."""
    from streamlit.testing.v1 import AppTest

    def run(page: str | None = None, query: dict[str, str] | None = None) -> AppTest:
        at = AppTest.from_file(APP, default_timeout=30)
        at.query_params.update(query or {})
        at.run()
        if page:
            at.switch_page(page).run()
        assert not at.exception, [e.value for e in at.exception]
        return at

    return run


@pytest.fixture(scope="module")
def redis_server():
    """A real redis-server on a free local port for this module, stopped by its pid (tests/services.py)."""
    from services import redis_or_skip

    server = redis_or_skip()
    yield server
    server.stop()
