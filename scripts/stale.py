#!/usr/bin/env python3
"""Entries whose facts were last checked long ago, oldest first: `make stale`.

    python scripts/stale.py [--months 12]

Prints one line per entry: its review date, its file, and its names. Exit status 0, or 1 when the
glossary has problems to fix first; `make check` shows the same entries as warnings.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from glossary_core.load import load_glossary, stale_terms
from glossary_core.problems import summary_line

ROOT = Path(__file__).resolve().parents[1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--months", type=int, default=12, help="list entries not reviewed for this many months (default 12)")
    parser.add_argument("--glossary", type=Path, default=ROOT / "glossary")
    args = parser.parse_args(argv)
    glossary, problems = load_glossary(args.glossary, ROOT)
    if problems:
        print(f"stale: fix these first ({summary_line(problems)}); `make check` shows them", file=sys.stderr)
        return 1
    stale = stale_terms(glossary, date.today(), args.months)
    for term in stale:
        print(f"{term.reviewed}  {term.source_path}  {term.zh} · {term.en}")
    print(f"{len(stale)} of {len(glossary.terms)} entries not reviewed for {args.months} months", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
