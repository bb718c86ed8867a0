"""Print how the product lookup does on the typed-name table (tests/lookup_cases.py) and on the table written
blind (tests/lookup_holdout.py).

Right: the expected product, brand or material (a misspelling offered as "did you mean ...?" counts as right).
Offered: an exact name that was only offered among others. Unknown: the honest "we cannot tell" answer.
Wrong: a different product or material, or a product for words that name none. Wrong must be 0.
Usage: .venv/bin/python scripts/lookup_report.py [--show-all]
"""

import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from lookup_cases import CASES, judge
from lookup_holdout import HOLDOUT, KNOWN_GAPS, expectation

from knowledge import load_knowledge
from knowledge.queries import resolve

OUTCOMES = ("right", "offered", "unknown", "wrong")
k = load_knowledge()
per_group: dict[str, Counter] = defaultdict(Counter)
misses = []
for case in CASES:
    resolution = resolve(k, case.typed)
    outcome = judge(resolution, case.expect)
    per_group[case.group][outcome] += 1
    if outcome != "right" or "--show-all" in sys.argv:
        got = resolution.product.id if resolution.product else [c.product.id for c in resolution.candidates][:3]
        misses.append(f"  {outcome:<8}{case.typed!r}: expected {case.expect}, got {resolution.kind} {got or ''}")

print(f"{len(CASES)} typed names, {len(k.products)} product lines in the catalogue")
print(f"{'group':<48}" + "".join(f"{o:>9}" for o in OUTCOMES))
total: Counter = Counter()
for group, counts in per_group.items():
    total += counts
    print(f"{group:<48}" + "".join(f"{counts[o]:>9}" for o in OUTCOMES))
print(f"{'all':<48}" + "".join(f"{total[o]:>9}" for o in OUTCOMES))
if misses:
    print("\n".join(misses))

blind: Counter = Counter()
for typed, expect, _ in HOLDOUT:
    resolution = resolve(k, typed)
    blind[judge(resolution, expectation(k, resolution, expect))] += 1
print(f"\nblind table: {len(HOLDOUT)} typed names: " + ", ".join(f"{blind[o]} {o}" for o in OUTCOMES))
print(f"  known gaps (wrong, listed in tests/lookup_holdout.py): {', '.join(KNOWN_GAPS)}")
