"""Per language: how many texts the guide has (the content's and the pages' own words), how many are translated,
and every translated text identical to the English (often a missed translation; sometimes right, like a format
or a name). Runs in CI (make check); it reports, the tests enforce.

Usage: .venv/bin/python scripts/translation_report.py
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from knowledge import CONTENT_DIR, load_knowledge
from knowledge.schema import LANGUAGE_NAMES, SOURCE_LANGUAGE
from knowledge.translations import report
from ui.text import read_table

print("Content (knowledge/content, translations/<language>/):")
print(report(load_knowledge(), CONTENT_DIR))
table, problems = read_table()
print(f"\nPage words (ui/text): {len(table)} texts, {len(problems)} problems")
for language, name in LANGUAGE_NAMES.items():
    if language == SOURCE_LANGUAGE:
        continue
    done = {key: texts for key, texts in table.items() if texts.get(language)}
    same = sorted(key for key, texts in done.items() if texts[language].strip() == texts[SOURCE_LANGUAGE].strip())
    print(f"{name} ({language}): {len(done)} of {len(table)} translated, {len(same)} identical to English")
    for key in same:
        print(f"  same as English: {key}: {table[key][SOURCE_LANGUAGE][:60]!r}")
