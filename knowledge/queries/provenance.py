"""Provenance: where each source is cited in the guide."""

from __future__ import annotations

from collections.abc import Callable

from knowledge.schema import (
    Cited,
    Knowledge,
    Path,
)

# The words for the parts and fields of the content a place is named by ("materials", "summary"), and for
# "item" ("item {n}") and "made_of" (a product's "what it is made of"): English by default; the app passes the
# reader's language.
Words = Callable[[str], str]


def english(name: str) -> str:
    special = {"item": "item {n}", "made_of": "what it is made of"}
    return special.get(name) or name.replace("_", " ")


def describe(k: Knowledge, path: Path, words: Words = english) -> str:
    """A reader's name for where a statement lives, e.g. 'Materials: CaHA filler (summary)'."""
    first = words(str(path[0]))
    section = first[:1].upper() + first[1:]
    node: object = getattr(k, str(path[0]))
    rest = path[1:]
    if rest and isinstance(rest[0], int) and isinstance(node, tuple):
        entry = node[rest[0]]
        label = next(
            (getattr(entry, a) for a in ("plain_name", "name", "label", "topic", "term") if hasattr(entry, a)),
            None,
        )
        if label is None and isinstance(entry, Cited):
            label = words("item").format(n=rest[0] + 1)
        rest = rest[1:]
        section = f"{section}: {label}" if label else section
    detail = ", ".join(words(p) for p in rest if isinstance(p, str))
    return f"{section} ({detail})" if detail else section


def facts_by_source(k: Knowledge, words: Words = english) -> dict[str, list[str]]:
    """For each source id, where in the guide it is cited (every source appears, maybe with none)."""
    uses: dict[str, list[str]] = {s.id: [] for s in k.sources}
    for path, cited in k.citations:
        for sid in cited.sources:
            uses[sid].append(describe(k, path, words))
    products = words("products")
    products = products[:1].upper() + products[1:]
    for product in k.products:
        for sid in product.sources:
            uses[sid].append(f"{products}: {product.name} ({words('made_of')})")
    return {sid: list(dict.fromkeys(places)) for sid, places in uses.items()}
