"""The app's pages, listed once: app.py navigates over them, the tests and benchmarks import them.

Started with `streamlit run app.py`, Streamlit 1.67 sees the `pages/` folder and treats the first visit after a
start as a legacy multipage app: it runs the requested page script on its own, without app.py (no sidebar, no
safety footer), until some script calls `st.navigation`. Each page script therefore starts with
`inside_app()`: run on its own, it runs app.py in its place, in the same run (so a click that started the run
is not lost). app.py's `st.navigation` switches the legacy layout off for the process and runs the page, and
the visit is served exactly like every later one. File names match the URL paths, so the legacy run and
app.py agree on which page was asked for. Only public Streamlit calls are used.
"""

from __future__ import annotations

import runpy
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path

import streamlit as st

from ui.text import t


@dataclass(frozen=True)
class PageSpec:
    script: str  # path from the app's folder; its file name is the URL path
    text: str  # its title's key in ui/text/pages.yaml
    icon: str
    url_path: str
    modes: frozenset[str] | None = None  # views it is listed in; None: all
    listed: bool = True  # in the menu at all

    @property
    def title(self) -> str:
        """The page's name in the session's language (English outside a page run)."""
        return _TITLES[self.text]()

    def shown_in(self, mode: str) -> bool:
        return self.listed and (self.modes is None or mode in self.modes)


# Each page's name, looked up only when asked for (navigation asks for every page on every run).
_TITLES = {
    "home": lambda: t("pages.home"), "self_check": lambda: t("pages.self_check"),
    "reversibility": lambda: t("pages.reversibility"), "timeline": lambda: t("pages.timeline"),
    "checklist": lambda: t("pages.checklist"), "scenarios": lambda: t("pages.scenarios"),
    "summary": lambda: t("pages.summary"), "sources": lambda: t("pages.sources"), "join": lambda: t("pages.join"),
}  # fmt: skip

APP = Path(__file__).resolve().parents[1] / "app.py"
HOME = PageSpec("pages/home.py", "home", ":material/home:", "home")
PAGE_TABLE: tuple[PageSpec, ...] = (
    HOME,
    PageSpec("pages/self-check.py", "self_check", ":material/emergency:", "self-check"),
    PageSpec("pages/reversibility.py", "reversibility", ":material/undo:", "reversibility"),
    PageSpec("pages/timeline.py", "timeline", ":material/timeline:", "timeline"),
    PageSpec("pages/checklist.py", "checklist", ":material/checklist:", "checklist"),
    PageSpec("pages/scenarios.py", "scenarios", ":material/groups:", "scenarios", frozenset({"workshop"})),
    PageSpec("pages/summary.py", "summary", ":material/download:", "summary", frozenset({"patient", "workshop"})),
    PageSpec("pages/sources.py", "sources", ":material/menu_book:", "sources"),
    PageSpec("pages/join.py", "join", ":material/groups:", "join", listed=False),
)
assert all(p.script == f"pages/{p.url_path}.py" for p in PAGE_TABLE), "a page's file name is its URL path"

_INSIDE_APP: ContextVar[bool] = ContextVar("inside_app", default=False)


def navigation_pages(mode: str) -> list[st.Page]:
    """st.Page objects for st.navigation. Home is the default page at "/" and also answers at "/home"."""
    pages = [
        st.Page(
            spec.script,
            title=spec.title,
            icon=spec.icon,
            # the default page is served at "/"; its own path only names it, so "/home" gets a hidden alias
            url_path="start" if spec is HOME else spec.url_path,
            default=spec is HOME,
            visibility="visible" if spec.shown_in(mode) else "hidden",
        )
        for spec in PAGE_TABLE
    ]
    pages.append(st.Page(HOME.script, title=HOME.title, icon=HOME.icon, url_path=HOME.url_path, visibility="hidden"))
    return pages


def run(page: st.Page) -> None:
    """Run the chosen page from app.py."""
    token = _INSIDE_APP.set(True)
    try:
        page.run()
    finally:
        _INSIDE_APP.reset(token)


def inside_app() -> None:
    """The first line of every page script (see the module's docstring)."""
    if not _INSIDE_APP.get():
        runpy.run_path(str(APP), run_name="__main__")
        st.stop()  # app.py has drawn the whole page; nothing of the stand-alone run is left to do
