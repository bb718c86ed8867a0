"""What a reader sees in an AppTest run, as text."""

from __future__ import annotations


def page_text(at) -> str:
    """Everything a reader sees in the main area and sidebar, as one string."""
    parts = []
    for kind in ("title", "header", "subheader", "markdown", "caption", "error", "warning", "info", "success"):
        parts += [str(element.value) for element in getattr(at, kind)]
    parts += [str(e.label) for e in at.get("checkbox")] + [str(e.label) for e in at.get("expander")]
    return "\n".join(parts)
