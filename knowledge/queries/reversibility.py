"""Reversibility checker: what can be undone for a product, a material, or "I don't know"."""

from __future__ import annotations

import unicodedata

from knowledge.queries.common import UnknownIdError, cited_sources
from knowledge.schema import (
    Cited,
    Knowledge,
    Material,
    Method,
    Model,
    Product,
    Verdict,
)


class Reversibility(Model):
    verdict: Verdict
    headline: Cited
    product: Product | None = None
    material: Material | None = None
    lasts: Cited | None = None
    options: tuple[Method, ...] = ()
    caveats: tuple[Cited, ...] = ()
    how_to_find_out: tuple[Cited, ...] = ()

    @property
    def dissolvable(self) -> bool:
        return self.verdict == "dissolvable"

    @property
    def sources(self) -> tuple[str, ...]:
        own = self.product.sources if self.product else ()
        return tuple(dict.fromkeys((*own, *cited_sources(self))))


def _fold(text: str) -> str:
    """Lower-case and strip accents, so 'juvederm' finds 'Juvéderm'."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())


def product_names(product: Product) -> tuple[str, ...]:
    return (product.name, *product.aliases)


def search_products(k: Knowledge, query: str) -> list[Product]:
    """Products whose name or an alias contains the query; exact and prefix matches first."""
    needle = _fold(query)
    if not needle:
        return []
    ranked: list[tuple[int, int, Product]] = []
    for order, product in enumerate(k.products):
        names = [_fold(n) for n in product_names(product)]
        if needle in names:
            ranked.append((0, order, product))
        elif any(n.startswith(needle) for n in names):
            ranked.append((1, order, product))
        elif any(needle in n for n in names):
            ranked.append((2, order, product))
    return [p for _, _, p in sorted(ranked, key=lambda r: r[:2])]


def find_product(k: Knowledge, name: str) -> Product | None:
    """The product whose name or an alias is exactly `name` (ignoring case and accents)."""
    needle = _fold(name)
    return next((p for p in k.products if needle in (_fold(n) for n in product_names(p))), None)


def assess_reversibility(k: Knowledge, *, product: str | None = None, material: str | None = None) -> Reversibility:
    """What can be undone for a product id, a material id, or neither ("I don't know")."""
    if product is not None:
        if product not in k.product_by_id:
            raise UnknownIdError(f"unknown product id {product!r}")
        chosen_product = k.product_by_id[product]
        material = chosen_product.material
    else:
        chosen_product = None
    if material is None:
        advice = k.unknown_product
        return Reversibility(
            verdict="unknown",
            headline=advice.headline,
            how_to_find_out=advice.how_to_find_out,
            caveats=advice.meanwhile,
        )
    if material not in k.material_by_id:
        raise UnknownIdError(f"unknown material id {material!r}")
    chosen = k.material_by_id[material]
    options = tuple(k.method_by_id[m] for m in chosen.methods)
    return Reversibility(
        verdict=chosen.verdict,
        headline=chosen.summary,
        product=chosen_product,
        material=chosen,
        lasts=chosen.lasts,
        options=options,
        caveats=chosen.caveats,
    )
