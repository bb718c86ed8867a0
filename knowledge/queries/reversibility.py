"""Reversibility checker: what can be undone for a product, a material, or "I don't know"."""

from __future__ import annotations

from typing import get_args

from pydantic import Field

from knowledge.queries.common import Tone, UnknownIdError, cited_sources
from knowledge.schema import (
    Cited,
    Knowledge,
    Material,
    Method,
    Model,
    Product,
    Verdict,
    VerdictPhrases,
)


class VerdictWords(Model):
    """How a verdict is said: its words (from the content, in the reader's language), and the tone and icon
    that go with them (never colour alone)."""

    label: str
    tone: Tone
    icon: str


# The tone and icon of each verdict; its words are the content's (phrases.yaml: verdicts).
VERDICTS: dict[Verdict, tuple[Tone, str]] = {
    "dissolvable": ("success", ":material/check_circle:"),
    "partly": ("warning", ":material/contrast:"),
    "not_dissolvable": ("warning", ":material/block:"),
    "wears_off": ("info", ":material/hourglass_bottom:"),
    "unknown": ("warning", ":material/help:"),
}
assert set(VERDICTS) == set(get_args(Verdict)) == set(VerdictPhrases.model_fields), "every verdict needs its words"


def verdict_words(k: Knowledge, verdict: Verdict) -> VerdictWords:
    tone, icon = VERDICTS[verdict]
    return VerdictWords(label=getattr(k.phrases.verdicts, verdict), tone=tone, icon=icon)


class Reversibility(Model):
    verdict: Verdict
    headline: Cited
    product: Product | None = None
    material: Material | None = None
    lasts: Cited | None = None
    options: tuple[Method, ...] = ()
    caveats: tuple[Cited, ...] = ()
    how_to_find_out: tuple[Cited, ...] = ()
    product_sources: tuple[str, ...] = Field(
        default=(), description="the strongest sources for what the product is made of, at most two"
    )

    @property
    def dissolvable(self) -> bool:
        return self.verdict == "dissolvable"

    @property
    def sources(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys((*self.product_sources, *cited_sources(self))))


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
    if chosen_product is not None and chosen_product.lasts is not None:  # "about 6 months", not the usual 3
        options = tuple(
            o.model_copy(update={"time_course": chosen_product.lasts}) if o.moves_with_duration else o for o in options
        )
    return Reversibility(
        verdict=chosen.verdict,
        headline=chosen.summary,
        product=chosen_product,
        material=chosen,
        lasts=chosen_product.lasts if chosen_product and chosen_product.lasts else chosen.lasts,
        options=options,
        caveats=chosen.caveats,
        product_sources=strongest_sources(k, chosen_product) if chosen_product else (),
    )


STRENGTH = ("regulator", "label", "guideline", "study", "manufacturer")


def strongest_sources(k: Knowledge, product: Product, limit: int = 2) -> tuple[str, ...]:
    """The product's sources that can show what it is made of, strongest kind first (context pages never)."""
    ranked = sorted(
        (sid for sid in product.sources if k.source_by_id[sid].kind in STRENGTH),
        key=lambda sid: STRENGTH.index(k.source_by_id[sid].kind),
    )
    return tuple(ranked[:limit])
