"""The app's page scripts, and what a reader sees on a page in an AppTest run."""

from __future__ import annotations

from ui.pages import PAGE_TABLE

PAGES = [spec.script for spec in PAGE_TABLE]  # the app's own table (ui/pages.py)


def page_text(at) -> str:
    """Everything a reader sees in the main area and sidebar, as one string."""
    parts = []
    for kind in ("title", "header", "subheader", "markdown", "caption", "error", "warning", "info", "success"):
        parts += [str(element.value) for element in getattr(at, kind)]
    parts += [str(e.label) for e in at.get("checkbox")] + [str(e.label) for e in at.get("expander")]
    return "\n".join(parts)


def in_order(at) -> list[tuple[str, str]]:
    """The main area's elements as (type, value) in the order a reader meets them."""

    def walk(node, out):
        children = getattr(node, "children", None)
        if isinstance(children, dict):
            for key in sorted(children):
                walk(children[key], out)
        else:
            out.append((node.type, str(getattr(node, "value", ""))))
        return out

    return walk(at.main, [])
