#!/usr/bin/env python3
"""How much of the term inventory has an entry: `make coverage`.

    python scripts/coverage_report.py [--inventory ../shared/content/terms-inventory.yaml] [--min-seed N]

Prints, for each seed_count (how many source notes mention a term), how many inventory ids have
a glossary/<id>.yaml, then lists the missing ids. Exit status 1 when an id with seed_count of at
least --min-seed (default 2: the core terms) has no entry.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]


def coverage(inventory: list[dict], glossary_dir: Path) -> tuple[dict[int, tuple[int, int]], list[dict]]:
    """{seed_count: (entries, total)} and the inventory items that have no entry."""
    present = {p.stem for p in glossary_dir.glob("*.yaml")}
    totals, covered = Counter(), Counter()
    missing = []
    for item in inventory:
        totals[item["seed_count"]] += 1
        if item["id"] in present:
            covered[item["seed_count"]] += 1
        else:
            missing.append(item)
    return {seed: (covered[seed], totals[seed]) for seed in sorted(totals, reverse=True)}, missing


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--inventory", type=Path, default=ROOT.parent / "shared" / "content" / "terms-inventory.yaml")
    parser.add_argument("--glossary", type=Path, default=ROOT / "glossary")
    parser.add_argument("--min-seed", type=int, default=2, help="fail when a term with at least this seed_count is missing")
    args = parser.parse_args(argv)
    if not args.inventory.is_file():
        print(f"coverage: no inventory at {args.inventory}: pass --inventory PATH", file=sys.stderr)
        return 2
    inventory = yaml.safe_load(args.inventory.read_text(encoding="utf-8"))
    by_seed, missing = coverage(inventory, args.glossary)
    print(f"{'seed_count':>10} {'entries':>8} {'of':>4} {'share':>7}")
    for seed, (done, total) in by_seed.items():
        print(f"{seed:>10} {done:>8} {total:>4} {done / total:>7.0%}")
    done, total = sum(d for d, _ in by_seed.values()), sum(t for _, t in by_seed.values())
    print(f"{'all':>10} {done:>8} {total:>4} {done / total:>7.0%}")
    required = [m for m in missing if m["seed_count"] >= args.min_seed]
    if missing:
        print(f"\nmissing ({len(missing)}):")
        for item in sorted(missing, key=lambda m: (-m["seed_count"], m["id"])):
            print(f"  {item['id']} (seed_count {item['seed_count']}): {item['zh']} · {item['en']}")
    return 1 if required else 0


if __name__ == "__main__":
    sys.exit(main())
