"""Command line for content editors.

python -m knowledge check [DIR]   validate the content; print a summary, or every problem and exit 1
python -m knowledge schema        print the JSON Schema of the content (for editor autocompletion)
"""

from __future__ import annotations

import argparse
import json
import sys

from knowledge.loader import CONTENT_DIR, ContentError, load_knowledge
from knowledge.schema import Knowledge


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m knowledge", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="validate the content")
    check.add_argument("directory", nargs="?", default=str(CONTENT_DIR))
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
    print(
        f"OK: content {k.meta.version} (reviewed {k.meta.reviewed}): {len(k.sources)} sources, "
        f"{len(k.materials)} materials, {len(k.products)} products, {len(k.methods)} methods, "
        f"{len(k.care_levels)} care levels, {len(k.symptoms)} symptoms in {len(k.symptom_groups)} question groups, "
        f"{len(k.series)} timeline series, {len(k.phases)} phases, "
        f"{len(k.checklist)} checklist items, {len(k.citations)} cited statements"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
