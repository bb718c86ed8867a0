"""The app's page scripts, and what a reader sees on a page in an AppTest run."""

from __future__ import annotations

PAGES = [
    "pages/home.py",
    "pages/self_check.py",
    "pages/reversibility.py",
    "pages/timeline.py",
    "pages/checklist.py",
    "pages/scenarios.py",
    "pages/summary.py",
    "pages/sources.py",
]


def page_text(at) -> str:
    """Everything a reader sees in the main area and sidebar, as one string."""
    parts = []
    for kind in ("title", "header", "subheader", "markdown", "caption", "error", "warning", "info", "success"):
        parts += [str(element.value) for element in getattr(at, kind)]
    parts += [str(e.label) for e in at.get("checkbox")] + [str(e.label) for e in at.get("expander")]
    return "\n".join(parts)
