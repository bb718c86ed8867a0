"""Product lookup: what a person typed, read the way people type it, turned into an answer or ranked candidates.

- A name, a line, a former or local name, or an id, with or without brand, case, accents, volumes, units, "+",
  "(+)" or "XC" (knowledge/names.py), is taken as certain.
- A brand or a maker alone is taken as certain only when all its lines share one material (the answer is the
  same whichever line it was); otherwise its lines are offered.
- A word with one or two letters wrong, swapped or missing is matched with rapidfuzz's edit distance, and the
  product is only ever offered as "did you mean ...?", never silently taken.
- Words that name no product ("lip filler", "skin booster") never reach a product: they get the honest answer.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Literal

from pydantic import Field
from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from knowledge.names import distinctive, tokens
from knowledge.schema import Knowledge, Material, Model, Product

Kind = Literal["product", "brand", "material", "suggest", "generic", "not_found", "empty"]
CERTAIN: tuple[Kind, ...] = ("product", "brand", "material")


class Candidate(Model):
    product: Product
    matched: str = Field(description="the catalogue name the typed words matched")
    fuzzy: bool = Field(description="a typed word was read as a near spelling of this name")


class Resolution(Model):
    """What the lookup made of the typed text."""

    typed: str
    kind: Kind
    product: Product | None = None
    brand: str | None = Field(
        default=None, description="the brand or maker named (kind 'brand'; or offered with its lines, 'suggest')"
    )
    material: Material | None = Field(
        default=None, description="what it is made of; for a brand, the material most of its lines are made of"
    )
    candidates: tuple[Candidate, ...] = Field(default=(), description="ranked, best first (kind 'suggest')")

    @property
    def certain(self) -> bool:
        return self.kind in CERTAIN


def max_edits(*words: str) -> int:
    """How many letters may be wrong, swapped or missing between words (jamo for Hangul): the shorter sets it."""
    shortest = min(len(word) for word in words)
    return 0 if shortest <= 3 else 1 if shortest <= 5 else 2


@dataclass
class _Name:
    words: tuple[str, ...]
    text: str


@dataclass
class ProductIndex:
    """The catalogue in normal form, built once per knowledge."""

    noise: frozenset[str]
    generic: frozenset[str]
    line_words: frozenset[str]
    areas: tuple[tuple[str, ...], ...] = ()
    names: dict[str, list[_Name]] = field(default_factory=dict)  # product -> its names
    exact: dict[str, set[str]] = field(default_factory=dict)
    own_name: dict[str, str] = field(default_factory=dict)  # a product's own name (not an alias) -> product
    materials: dict[str, Material] = field(default_factory=dict)  # a material's name or alias -> material
    material_by_id: dict[str, Material] = field(default_factory=dict)
    by_word: dict[str, set[str]] = field(default_factory=dict)  # a distinctive word -> products it names
    family: dict[str, frozenset[str]] = field(default_factory=dict)  # product -> brand and maker words
    maker_only: dict[str, frozenset[str]] = field(default_factory=dict)  # product -> maker words not in its brand
    products: dict[str, Product] = field(default_factory=dict)
    brand_of: dict[str, set[str]] = field(default_factory=dict)  # brand in normal form -> products

    def distinctive(self, words: tuple[str, ...]) -> list[str]:
        return distinctive(words, self.generic)


def build_index(k: Knowledge) -> ProductIndex:
    index = ProductIndex(
        noise=k.lookup.noise, generic=k.lookup.general, line_words=k.lookup.lines, areas=k.lookup.areas
    )
    for material in k.materials:
        index.material_by_id[material.id] = material
        for alias in (material.name, *material.aliases):
            index.materials.setdefault(" ".join(tokens(alias, index.noise)), material)
    for product in k.products:
        index.products[product.id] = product
        brand_names = (product.brand, *product.brand_aliases)
        brand_words = frozenset(w for text in brand_names for w in tokens(text, index.noise)) - index.generic
        maker_words = frozenset(tokens(product.maker, index.noise)) - index.generic
        family = brand_words | maker_words
        index.family[product.id] = family
        index.maker_only[product.id] = maker_words - brand_words
        for brand in brand_names:
            index.brand_of.setdefault(" ".join(tokens(brand, index.noise)), set()).add(product.id)
        index.own_name.setdefault(" ".join(tokens(product.name, index.noise)), product.id)
        for text in dict.fromkeys((product.name, *product.aliases, product.id.replace("-", " "))):
            words = tokens(text, index.noise)
            index.names.setdefault(product.id, []).append(_Name(words, text))
            index.exact.setdefault(" ".join(words), set()).add(product.id)
            for word in (*index.distinctive(words), *family):
                index.by_word.setdefault(word, set()).add(product.id)
    return index


_INDEXES: dict[int, tuple[Knowledge, ProductIndex]] = {}


def index_for(k: Knowledge) -> ProductIndex:
    """The index of this knowledge (built on first use; a few are kept, keyed by the object itself)."""
    cached = _INDEXES.get(id(k))
    if cached is None or cached[0] is not k:
        if len(_INDEXES) > 8:
            _INDEXES.clear()
        cached = _INDEXES[id(k)] = (k, build_index(k))
    return cached[1]


def _readings(index: ProductIndex, word: str) -> list[tuple[str, int]]:
    """The catalogue words a typed word can be, nearest first: itself, and near spellings within the edit
    budget ("define" is a MaiLi line and one letter from Restylane's "Defyne")."""
    exact = [(word, 0)] if word in index.by_word else []
    if not max_edits(word):
        return exact
    found = process.extract(word, index.by_word.keys(), scorer=OSA.distance, score_cutoff=max_edits(word), limit=8)
    # The shorter word sets the budget: "chaeum" is not "chem" with two letters missing.
    near = [(match, int(d)) for match, d, _ in found if 0 < d <= max_edits(word, match)]
    return exact + sorted(near, key=lambda reading: reading[1])


@dataclass(order=True)
class _Fit:
    missing: int  # typed distinctive words this name does not explain
    extra: int  # distinctive words of this name the person did not type (a more specific line)
    generic_missed: int  # typed general words ("lips") this name lacks
    edits: int
    unlike: float  # 100 minus rapidfuzz's similarity of the whole names, to break ties
    text: str = field(compare=False)
    product_id: str = field(compare=False)
    named_family: bool = field(default=False, compare=False)  # the typed words are only brand or maker words
    line_missed: bool = field(default=False, compare=False)  # a typed line word ("smile") this name lacks

    @property
    def rank(self) -> tuple[int, int, int, int]:
        return (self.missing, self.extra, self.generic_missed, self.edits)


def resolve(k: Knowledge, typed: str, limit: int = 5) -> Resolution:
    """Read what a person typed and say what it names. Pure: the same text always gives the same answer."""
    index = index_for(k)
    words = _joined(index, _without_areas(index, tokens(typed, index.noise)))
    if not words:
        return Resolution(typed=typed, kind="empty")
    corrected = {w: _corrected(index, w) for w in words}
    words = tuple(corrected[w] or w for w in words)  # "Radiesse Pluss" reads as "radiesse plus", offered
    misspelt = any(corrected.values())
    key = " ".join(words)
    named = index.own_name.get(key)
    if named is not None:  # a product's own name wins over a brand of the same name ("Radiesse", "Restylane")
        return _product(index, typed, index.products[named])
    if key in index.brand_of and len(index.brand_of[key]) > 1:
        return _family(index, typed, index.brand_of[key], fuzzy=False, limit=limit)
    if len(index.exact.get(key, ())) == 1:
        return _product(index, typed, index.products[next(iter(index.exact[key]))])
    material = _material_named(index, words)
    if material is not None:
        return Resolution(typed=typed, kind="material", material=material)
    distinctive = index.distinctive(words)
    if not distinctive:
        return Resolution(typed=typed, kind="generic")

    readings = {word: _readings(index, word) for word in distinctive}
    unread = [word for word, options in readings.items() if not options]  # no catalogue word, even misspelt
    readings = {word: options for word, options in readings.items() if options}
    if not readings:
        return Resolution(typed=typed, kind="not_found")
    candidates = set().union(*(index.by_word[match] for options in readings.values() for match, _ in options))
    typed_words = set(words)
    fits = sorted(_best_fit(index, pid, readings, typed_words, key) for pid in candidates)
    best = fits[0]
    fuzzy = best.edits > 0 or misspelt
    if best.missing == 0 and best.named_family:
        # Every typed word is a brand or maker word: the person named a family, not a line.
        family = {fit.product_id for fit in fits if fit.missing == 0 and fit.named_family}
        return _family(index, typed, family, fuzzy=fuzzy, limit=limit, fits=fits)
    tied = {fit.product_id for fit in fits if fit.rank == best.rank}
    if best.missing == 0 and best.extra == 0 and len(tied) == 1:
        product = index.products[best.product_id]
        if best.line_missed or unread:
            # "Juvederm Ultra Smile" names the brand but a line we do not list: the brand's answer. A word we
            # cannot read at all ("Restylane Fynesse", "Seventy Hyal") makes it uncertain: the brand is offered.
            brand = index.brand_of[" ".join(tokens(product.brand, index.noise))]
            return _family(index, typed, brand, fuzzy=fuzzy or bool(unread), limit=limit, fits=fits)
        if not fuzzy:
            return _product(index, typed, product)
    return Resolution(typed=typed, kind="suggest", candidates=_candidates(index, fits, limit, fuzzy))


def _material_named(index: ProductIndex, words: tuple[str, ...]) -> Material | None:
    """A material named with only general words around it ("PLLA filler", "HA + CaHA hybrid", "my own fat"):
    the longest of its names whose words were all typed."""
    typed = set(words)
    best: tuple[int, Material] | None = None
    for name, material in index.materials.items():
        own = set(name.split())
        if own and own <= typed and typed - own <= index.generic and (best is None or len(own) > best[0]):
            best = (len(own), material)
    return best[1] if best else None


def _product(index: ProductIndex, typed: str, product: Product) -> Resolution:
    return Resolution(typed=typed, kind="product", product=product, material=index.material_by_id[product.material])


def _without_areas(index: ProductIndex, words: tuple[str, ...]) -> tuple[str, ...]:
    """The typed words without phrases that name a face area ("smile lines")."""
    out = list(words)
    for phrase in index.areas:
        n = len(phrase)
        i = 0
        while i + n <= len(out):
            if tuple(out[i : i + n]) == phrase:
                del out[i : i + n]
            else:
                i += 1
    return tuple(out)


def _joined(index: ProductIndex, words: tuple[str, ...]) -> tuple[str, ...]:
    """Two typed words that are one catalogue word ("eye light" for Eyelight, "style age" for Stylage)."""
    out = list(words)
    i = 0
    while i < len(out) - 1:
        first, second = out[i], out[i + 1]
        joined = first + second
        if joined in index.by_word or (
            first.isalpha()
            and second.isalpha()
            and min(len(first), len(second)) >= 3
            and not (first in index.generic and second in index.generic)
            and first not in index.by_word
            and second not in index.by_word
            and _readings(index, joined)
        ):
            out[i : i + 2] = [joined]
        else:
            i += 1
    return tuple(out)


def _corrected(index: ProductIndex, word: str) -> str | None:
    """The general word a typed word is a misspelling of ("pluss", "fillr"), if it is no catalogue word."""
    if word in index.generic or word in index.by_word or not max_edits(word) or _readings(index, word):
        return None
    near = process.extractOne(word, index.generic, scorer=OSA.distance, score_cutoff=max_edits(word))
    return near[0] if near is not None and near[1] <= max_edits(word, near[0]) else None


def _best_fit(
    index: ProductIndex, pid: str, readings: dict[str, list[tuple[str, int]]], typed_words: set[str], key: str
) -> _Fit:
    """How well this product's best name explains the typed words."""
    fits = []
    family = index.family[pid]
    for name in index.names[pid]:
        own = set(name.words)
        missing = edits = generic_missed = 0
        line_missed = False
        explained: set[str] = set()
        for options in readings.values():
            hit = next(((m, d) for m, d in options if m in own or m in family), None)
            if hit is None:
                missing += 1
            else:
                explained.add(hit[0])
                edits += hit[1]
        for word in sorted(w for w in typed_words if w in index.generic and w not in own):
            # A general word may be a misspelt word of this name ("Restylane kiss" for Kyss): a near reading.
            distances = ((int(OSA.distance(word, w)), w) for w in own - explained - typed_words - index.generic)
            near = [(d, w) for d, w in distances if d <= max_edits(word, w)]
            if near:
                distance, match = min(near)
                explained.add(match)
                edits += distance
            else:
                generic_missed += 1
                line_missed = line_missed or word in index.line_words
        extra = len([w for w in name.words if w not in explained and w not in typed_words and w not in family])
        unlike = 100 - fuzz.token_sort_ratio(key, " ".join(name.words))
        # Only brand or maker words typed, and the line itself not named ("Juvederm"; "Ipsen" for Dysport;
        # "Jetema" for Jetema The Toxin and the e.p.t.q. fillers).
        named_family = (
            bool(explained)
            and explained <= family
            and (extra > 0 or not explained & own or explained <= index.maker_only[pid])
        )
        fits.append(_Fit(missing, extra, generic_missed, edits, unlike, name.text, pid, named_family, line_missed))
    return min(fits)


def _family(
    index: ProductIndex,
    typed: str,
    product_ids: set[str],
    *,
    fuzzy: bool,
    limit: int,
    fits: list[_Fit] | None = None,
) -> Resolution:
    """A brand or maker named without a line. If every line gets the same answer (the same verdict), the answer
    is shown with the material most of its lines are made of: taken when the name was typed right, offered
    ("Did you mean Juvederm?") when it was misspelt. Otherwise its lines are offered."""
    products = [index.products[pid] for pid in sorted(product_ids)]
    materials = Counter(p.material for p in products)
    verdicts = {index.material_by_id[m].verdict for m in materials}
    brands = Counter(p.brand for p in products)
    label = brands.most_common(1)[0][0] if len(brands) == 1 else " ".join(typed.split()).strip()
    ordered = fits or []
    listed = {f.product_id for f in ordered}
    ordered = [*ordered, *(_Fit(0, 0, 0, 0, 0.0, p.name, p.id) for p in products if p.id not in listed)]
    family = [f for f in ordered if f.product_id in product_ids]
    if not fuzzy or len(verdicts) == 1:  # all its lines, by name, so the person can find theirs
        family = sorted(family, key=lambda f: index.products[f.product_id].name.casefold())
        limit = len(products)
    candidates = _candidates(index, family, limit, fuzzy)
    material = index.material_by_id[materials.most_common(1)[0][0]] if len(verdicts) == 1 else None
    kind: Kind = "brand" if material is not None and not fuzzy else "suggest"
    return Resolution(typed=typed, kind=kind, brand=label, material=material, candidates=candidates)


def _candidates(index: ProductIndex, fits: list[_Fit], limit: int, fuzzy: bool) -> tuple[Candidate, ...]:
    chosen: dict[str, Candidate] = {}
    for fit in fits:
        if fit.product_id not in chosen:
            chosen[fit.product_id] = Candidate(product=index.products[fit.product_id], matched=fit.text, fuzzy=fuzzy)
        if len(chosen) == limit:
            break
    return tuple(chosen.values())
