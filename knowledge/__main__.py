"""Command line for content editors.

python -m knowledge check [DIR]          validate the content and the translations of every offered language;
                                         print a summary, or every problem and exit 1
python -m knowledge translations LANG    list what LANG still lacks (`--update` writes the translation files with
                                         every text still to do, keeping the done ones); exit 1 if anything
python -m knowledge report               per language: texts, translated, and any identical to the English
python -m knowledge schema               print the JSON Schema of the content (for editor autocompletion)
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from knowledge import translations
from knowledge.loader import CONTENT_DIR, ContentError, load_knowledge
from knowledge.schema import Knowledge


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m knowledge", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="validate the content")
    check.add_argument("directory", nargs="?", default=str(CONTENT_DIR))
    todo = commands.add_parser("translations", help="what a language still lacks")
    todo.add_argument("language", choices=[c for c in translations.LANGUAGE_NAMES if c != "en"])
    todo.add_argument("--update", action="store_true", help="write the files, every missing text to fill in")
    todo.add_argument("directory", nargs="?", default=str(CONTENT_DIR))
    report = commands.add_parser("report", help="per language: texts, translated, identical to English")
    report.add_argument("directory", nargs="?", default=str(CONTENT_DIR))
    commands.add_parser("schema", help="print the JSON Schema of the content")
    args = parser.parse_args(argv)

    if args.command == "schema":
        print(json.dumps(Knowledge.model_json_schema(), indent=2))
        return 0
    try:
        k = load_knowledge(args.directory)
    except ContentError as error:
        print(error, file=sys.stderr)
        return 1
    directory = Path(args.directory)
    if args.command == "translations":
        if args.update:
            for path in translations.write_skeleton(k, directory, args.language):
                print(f"wrote {path}")
        problems = translations.check(k, directory, args.language)
        for problem in problems:
            print(problem)
        total = len(translations.slots(k))
        print(f"{args.language}: {total - len(problems)} of {total} texts done")
        return 1 if problems else 0
    if args.command == "report":
        print(translations.report(k, directory))
        return 0
    problems = [p for code in k.meta.languages[1:] for p in translations.check(k, directory, code)]
    if problems:
        print(ContentError(problems), file=sys.stderr)
        return 1
    print(
        f"OK: content {k.meta.version} (reviewed {k.meta.reviewed}): {len(k.sources)} sources, "
        f"{len(k.materials)} materials, {len(k.products)} products, {len(k.methods)} methods, "
        f"{len(k.care_levels)} care levels, {len(k.symptoms)} symptoms in {len(k.symptom_groups)} question groups, "
        f"{len(k.series)} timeline series, {len(k.phases)} phases, "
        f"{len(k.checklist)} checklist items, {len(k.citations)} cited statements; "
        f"languages {', '.join(k.meta.languages)}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
