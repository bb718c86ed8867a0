"""Keep the repository's details from any browser that asks.

Streamlit 1.67 answers a `load_git_info` message from any client with the name of the repository the app runs
from, its branch and module, and the lists of untracked and uncommitted files, when the app is served from a git
checkout (as `make run` is). Its own page asks for this only to offer a "deploy" link, which this app's viewer
toolbar does not show. With this fix the server sees no repository, so it sends nothing back.
"""

from __future__ import annotations

from serving.patching import replace


class _NoRepository:
    """Stands in for streamlit.git_util.GitRepo: whatever the folder, there is no repository to describe."""

    def __init__(self, path: str) -> None:
        self.path = path

    def get_repo_info(self) -> None:
        return None


def hide_repository() -> bool:
    """Make Streamlit's git lookup find no repository. Safe to call more than once; warns if the target moved."""
    return replace(
        "streamlit.git_util", "GitRepo", lambda _original: _NoRepository, parameters=["path"], what="Git info fix"
    )
