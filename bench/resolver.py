"""Product lookup time per keystroke, over the shipped catalogue and over a synthetic one of 5,000 lines.

Every typed name in the lookup table (tests/lookup_cases.py) is typed letter by letter: each prefix is one
lookup, as if the box answered on every keystroke. Baseline, measured in the same run over the same catalogue:
one rapidfuzz `process.extractOne` (WRatio) over every name and alias, the simplest fuzzy lookup a kept
library gives. The first lookup of a catalogue also builds its index; that build is timed on its own.
No server is started. Usage (from the repo root):  .venv/bin/python bench/resolver.py [--lines 5000]
Prints figures only; asserts nothing.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from lookup_cases import CASES
from rapidfuzz import fuzz, process
from stclient import percentile

from knowledge import load_knowledge
from knowledge.queries import build_index, resolve
from knowledge.schema import Knowledge, Product

SYLLABLES = ["ka", "ze", "mi", "to", "ru", "vel", "lor", "sa", "ne", "qui", "dra", "fen", "mo", "lux", "pha", "ri"]
LINES = ["Volume", "Lips", "Deep", "Fine", "Soft", "Intense", "Contour", "Shape", "Hydro", "Skin", "Classic", "Ultra"]


def synthetic(k: Knowledge, lines: int, seed: int = 7) -> Knowledge:
    """The shipped catalogue plus made-up brands (about 8 lines each) up to `lines` product lines."""
    rng = random.Random(seed)
    materials = [m.id for m in k.materials]
    source = k.products[0].sources[0]
    products = list(k.products)
    brand_number = 0
    while len(products) < lines:
        brand_number += 1
        brand = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))).title()
        maker = f"{brand} Labs {brand_number}"
        material = rng.choice(materials)
        for n, line in enumerate(rng.sample(LINES, rng.randint(3, 10))):
            products.append(
                Product(
                    id=f"synthetic-{brand_number}-{n}",
                    name=f"{brand} {line} {rng.randint(1, 4) if rng.random() < 0.3 else ''}".strip(),
                    brand=brand,
                    aliases=(f"{brand}{n}",) if rng.random() < 0.2 else (),
                    material=material,
                    maker=maker,
                    sources=(source,),
                )
            )
    return k.model_copy(update={"products": tuple(products[:lines])})


def keystrokes() -> list[str]:
    return [case.typed[:i] for case in CASES for i in range(1, len(case.typed) + 1)]


def timed(function, queries: list[str]) -> list[float]:
    times = []
    for query in queries:
        start = time.perf_counter()
        function(query)
        times.append((time.perf_counter() - start) * 1000)
    return times


def row(label: str, times: list[float]) -> str:
    return (
        f"{label:<44}{statistics.median(times):>8.3f}{percentile(times, 95):>8.3f}"
        f"{percentile(times, 99):>8.3f}{max(times):>8.2f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, default=5000)
    args = parser.parse_args()
    queries = keystrokes()
    shipped = load_knowledge()
    print(f"{len(queries)} keystrokes from {len(CASES)} typed names; times in ms")
    print(f"{'':<44}{'p50':>8}{'p95':>8}{'p99':>8}{'max':>8}")
    for label, k in (("shipped", shipped), (f"synthetic {args.lines}", synthetic(shipped, args.lines))):
        names = [name for p in k.products for name in (p.name, *p.aliases)]
        start = time.perf_counter()
        build_index(k)
        build = (time.perf_counter() - start) * 1000
        resolve(k, "warm up")  # builds and caches the index used by resolve
        baseline = timed(lambda q, names=names: process.extractOne(q, names, scorer=fuzz.WRatio), queries)
        ours = timed(lambda q, k=k: resolve(k, q), queries)
        print(f"-- {label}: {len(k.products)} lines, {len(names)} names; index built in {build:.0f} ms")
        print(row("  baseline: rapidfuzz extractOne (WRatio)", baseline))
        print(row("  resolve", ours))


if __name__ == "__main__":
    main()
