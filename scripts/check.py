#!/usr/bin/env python3
"""Check term files without building the site: `make check`, pre-commit and CI use this.

    python scripts/check.py                     every file in glossary/
    python scripts/check.py glossary/rag.yaml   only problems in the named files (links are
                                                still checked against the whole glossary)
    python scripts/check.py --format github     GitHub annotations, one per problem

Entries whose facts were last checked (`reviewed`) more than 12 months ago are reported as
warnings: they do not fail the check. `make stale` lists them, oldest first.

Exit status: 0 when there is no problem (warnings allowed), 1 when there is any.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from datetime import date
from pathlib import Path

from glossary_core.load import load_glossary, shown_path, stale_terms, vanished_ids
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

    def warn(path: str, message: str, *, first_line: bool = False) -> None:
        if args.format == "github":
            print(f"::warning file={path}{',line=1' if first_line else ''}::{message}")
        else:
            print(f"{path}{':1:1' if first_line else ''}: warning: {message}")

    present = {p.stem for p in args.glossary.glob("*.yaml")}
    for old in [] if args.files else vanished_ids(glossary, ids_on_main(args.glossary) - present):
        warn(
            shown_path(args.glossary, ROOT),
            f"{old}.yaml is in the last commit on main but gone now, and no entry lists '{old}' under former_ids: "
            "if the term was renamed, add it there so links to the old page keep working",
        )
    for term in stale_terms(glossary, date.today()):
        if not args.files or term.source_path in wanted:
            message = f"not reviewed since {term.reviewed}: check its facts, then set reviewed to the day you did (make stale lists all)"
            warn(term.source_path, message, first_line=True)
    # Problems go to stdout and the summary to stderr: flushing first keeps the summary on a line
    # of its own after them when both streams go to one terminal or pipe.
    sys.stdout.flush()
    if problems:
        print(summary_line(problems), file=sys.stderr)
        return 1
    print(f"checked {len(args.files) or len(glossary.terms)} term file(s): no problems", file=sys.stderr)
    return 0


def ids_on_main(glossary_dir: Path) -> set[str]:
    """Term ids in the last commit on main (or origin/main); none where git or the branch is missing."""
    for branch in ("main", "origin/main"):
        try:
            listing = subprocess.run(
                ["git", "ls-tree", "--name-only", branch, "--", "."], cwd=glossary_dir, capture_output=True, text=True, timeout=20
            )
        except (OSError, subprocess.TimeoutExpired):
            return set()
        if listing.returncode == 0:
            return {Path(name).stem for name in listing.stdout.split() if name.endswith(".yaml")}
    return set()


if __name__ == "__main__":
    sys.exit(main())
