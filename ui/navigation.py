"""Keep Streamlit from treating `pages/` as its legacy multipage layout.

Streamlit 1.67 decides once per process whether a `pages/` folder beside the entry script means the
legacy layout, and only the first `st.navigation` call turns that off. Until then a visit runs the
requested page script on its own, without app.py (no sidebar, no safety footer), or says "Page not
found" for a valid link. This app always navigates with `st.navigation`, so the server (serve.py) and
the tests switch the legacy layout off before the first run.
"""

from __future__ import annotations

from streamlit.runtime.pages_manager import PagesManager


def use_st_navigation_only() -> None:
    PagesManager.uses_pages_directory = False


class NavigationOnlyPagesManager(PagesManager):
    """For AppTest, which resets the class flag before each run: a subclass absorbs that reset."""

    uses_pages_directory = False
