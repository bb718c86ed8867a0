"""Print how the self-check does on the clinical case table (tests/triage_cases.py).

Emergency/act-now sensitivity: of the cases that need emergency care or action now, the share given that level
or a more urgent one. Exact level: the share given exactly the expected level. Over-triage: of the usual-recovery
cases, the share sent to a more urgent level.
Usage: .venv/bin/python scripts/triage_report.py
"""

import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from triage_cases import CASES, score

from knowledge import load_knowledge
from knowledge.queries import SymptomReport, triage
from knowledge.schema import CARE_LEVELS

k = load_knowledge()


def level_of(case) -> str:
    reports = [SymptomReport(symptom=s, worsening=w) for s, w in case.reports]
    return triage(k, case.treatment, case.days, reports).level.id


result = score(level_of, CARE_LEVELS)
per_level = Counter(case.expected for case in CASES)
print(f"{result.cases} cases: " + ", ".join(f"{per_level[level]} {level}" for level in CARE_LEVELS))
print(f"{'emergency/act-now sensitivity':<34}{result.urgent_caught}/{result.urgent_cases}  {result.sensitivity:.1%}")
print(f"{'exact level':<34}{result.exact}/{result.cases}  {result.exact_rate:.1%}")
over = f"{result.self_care_over}/{result.self_care_cases}"
print(f"{'over-triage of self-care cases':<34}{over}  {result.over_triage:.1%}")
print(f"{'under-triaged cases':<34}{len(result.under)}")
for case in result.under:
    print(f"  {case.name}: expected {case.expected}, got {level_of(case)} ({case.basis})")
