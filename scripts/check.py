#!/usr/bin/env python3
"""Check term files without building the site: `make check`, pre-commit and CI use this.

    python scripts/check.py                     every file in glossary/
    python scripts/check.py glossary/rag.yaml   only problems in the named files (links are
                                                still checked against the whole glossary)
    python scripts/check.py --format github     GitHub annotations, one per problem

Exit status: 0 when there is no problem, 1 when there is any.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from glossary_core.load import load_glossary, shown_path
from glossary_core.problems import summary_line

ROOT = Path(__file__).resolve().parents[1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("files", nargs="*", type=Path, help="term files to report on (default: all)")
    parser.add_argument("--glossary", type=Path, default=ROOT / "glossary", help="the glossary folder")
    parser.add_argument("--format", choices=["text", "github"], default="text")
    args = parser.parse_args(argv)

    glossary, problems = load_glossary(args.glossary, ROOT)
    if args.files:
        wanted = {shown_path(f, ROOT) for f in args.files}
        problems = [p for p in problems if p.path in wanted]

    for problem in problems:
        print(problem.github_annotation() if args.format == "github" else problem)
    if problems:
        print(summary_line(problems), file=sys.stderr)
        return 1
    print(f"checked {len(args.files) or len(glossary.terms)} term file(s): no problems", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
