"""Print the reading grade of the guide's content: per content file, and overall.

Usage: .venv/bin/python scripts/readability_report.py
"""

import statistics
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from knowledge import load_knowledge
from knowledge.readability import flesch_kincaid_grader, user_texts

grade = flesch_kincaid_grader(Path(tempfile.gettempdir()) / "guide-nltk-data")
by_file: dict[str, list[float]] = defaultdict(list)
for where, text in user_texts(load_knowledge()):
    by_file[where.split(".")[0]].append(grade(text))
every = [g for grades in by_file.values() for g in grades]
print(f"{'content file':<18}{'blocks':>7}{'mean':>7}{'max':>7}")
for name, grades in sorted(by_file.items()):
    print(f"{name:<18}{len(grades):>7}{statistics.mean(grades):>7.1f}{max(grades):>7.1f}")
print(f"{'all':<18}{len(every):>7}{statistics.mean(every):>7.1f}{max(every):>7.1f}")
