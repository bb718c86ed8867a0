"""Provenance: where each source is cited in the guide."""

from __future__ import annotations

from knowledge.schema import (
    Cited,
    Knowledge,
    Path,
)


def describe(k: Knowledge, path: Path) -> str:
    """A reader's name for where a statement lives, e.g. 'Materials: CaHA filler (summary)'."""
    section = str(path[0]).replace("_", " ").capitalize()
    node: object = getattr(k, str(path[0]))
    rest = path[1:]
    if rest and isinstance(rest[0], int) and isinstance(node, tuple):
        entry = node[rest[0]]
        label = next(
            (getattr(entry, a) for a in ("plain_name", "name", "label", "topic", "term") if hasattr(entry, a)),
            None,
        )
        if label is None and isinstance(entry, Cited):
            label = f"item {rest[0] + 1}"
        rest = rest[1:]
        section = f"{section}: {label}" if label else section
    detail = ", ".join(str(p).replace("_", " ") for p in rest if isinstance(p, str))
    return f"{section} ({detail})" if detail else section


def facts_by_source(k: Knowledge) -> dict[str, list[str]]:
    """For each source id, where in the guide it is cited (every source appears, maybe with none)."""
    uses: dict[str, list[str]] = {s.id: [] for s in k.sources}
    for path, cited in k.citations:
        for sid in cited.sources:
            uses[sid].append(describe(k, path))
    for product in k.products:
        for sid in product.sources:
            uses[sid].append(f"Products: {product.name} (what it is made of)")
    return {sid: list(dict.fromkeys(places)) for sid, places in uses.items()}
