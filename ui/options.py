"""Choice lists for widgets, built from the knowledge (labels only; the facts stay in the knowledge)."""

from __future__ import annotations

from dataclasses import dataclass, field

from knowledge import Knowledge

UNKNOWN = "unknown"


@dataclass(frozen=True)
class Choice:
    label: str
    query: dict[str, str] = field(default_factory=dict)


def reversibility_choices(k: Knowledge) -> dict[str, Choice]:
    """Products (searchable by their aliases), then materials, then "I don't know"; keyed by a stable id."""
    choices = {
        p.id: Choice(f"{p.name} (also: {', '.join(p.aliases)})" if p.aliases else p.name, {"product": p.id})
        for p in k.products
    }
    choices |= {m.id: Choice(f"Made of: {m.name}", {"material": m.id}) for m in k.materials}
    choices[UNKNOWN] = Choice("I don't know what was used", {})
    return choices
