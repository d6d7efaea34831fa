#!/usr/bin/env python3
"""How much of the term inventory and of the modern-terms list has an entry: `make coverage`.

    python scripts/coverage_report.py [--inventory ../shared/content/terms-inventory.yaml]
                                      [--modern ../shared/content/modern-terms.yaml]
                                      [--min-seed N] [--max-priority N]

Inventory: for each seed_count (how many source notes mention a term), how many inventory ids
have a glossary/<id>.yaml. Modern terms: for each priority, how many candidates have an entry,
either under their own id or under another entry that has one of their names (headword,
abbreviation or alias), as when a candidate was merged into an existing term. Missing ids are
listed. Exit status 1 when an inventory term with seed_count of at least --min-seed (default 2)
or a modern term of priority at most --max-priority (default 2) has no entry.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

import yaml
from glossary_core.model import fold_name

ROOT = Path(__file__).resolve().parents[1]
CONTENT = ROOT.parent / "shared" / "content"


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


def names_by_entry(glossary_dir: Path) -> dict[str, str]:
    """Every folded headword, abbreviation and alias of the glossary, with the id that holds it.

    Read leniently (plain YAML, no checks): coverage is a count, and `make check` judges files."""
    owners: dict[str, str] = {}
    for path in sorted(glossary_dir.glob("*.yaml")):
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
        except (yaml.YAMLError, UnicodeDecodeError):
            continue
        if not isinstance(data, dict):
            continue
        aliases = data.get("aliases") or {}
        names = [data.get("zh"), data.get("en"), data.get("abbr")]
        names += [a if isinstance(a, str) else (a or {}).get("name") for lang in ("zh", "en") for a in aliases.get(lang) or ()]
        for name in names:
            if isinstance(name, str):
                owners.setdefault(fold_name(name), path.stem)
    return owners


def modern_coverage(candidates: list[dict], glossary_dir: Path) -> tuple[dict[int, tuple[int, int]], dict[str, str], list[dict]]:
    """{priority: (covered, total)}, {candidate id: the other entry covering it}, and the missing candidates."""
    present = {p.stem for p in glossary_dir.glob("*.yaml")}
    owners = names_by_entry(glossary_dir)
    totals, covered = Counter(), Counter()
    merged: dict[str, str] = {}
    missing = []
    for item in candidates:
        totals[item["priority"]] += 1
        aliases = item.get("aliases") or {}
        names = [item["zh"], item["en"], *aliases.get("zh", ()), *aliases.get("en", ())]
        holder = next((owners[fold_name(n)] for n in names if fold_name(n) in owners), None)
        if item["id"] in present:
            covered[item["priority"]] += 1
        elif holder is not None:
            covered[item["priority"]] += 1
            merged[item["id"]] = holder
        else:
            missing.append(item)
    return {p: (covered[p], totals[p]) for p in sorted(totals)}, merged, missing


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--inventory", type=Path, default=CONTENT / "terms-inventory.yaml")
    parser.add_argument("--modern", type=Path, default=CONTENT / "modern-terms.yaml")
    parser.add_argument("--glossary", type=Path, default=ROOT / "glossary")
    parser.add_argument("--min-seed", type=int, default=2, help="fail when an inventory term with at least this seed_count is missing")
    parser.add_argument("--max-priority", type=int, default=2, help="fail when a modern term of at most this priority is missing")
    args = parser.parse_args(argv)
    if not args.inventory.is_file():
        print(f"coverage: no inventory at {args.inventory}: pass --inventory PATH", file=sys.stderr)
        return 2
    inventory = yaml.safe_load(args.inventory.read_text(encoding="utf-8"))
    by_seed, missing = coverage(inventory, args.glossary)
    print("inventory (terms-inventory.yaml)")
    print(f"{'seed_count':>10} {'entries':>8} {'of':>4} {'share':>7}")
    for seed, (done, total) in by_seed.items():
        print(f"{seed:>10} {done:>8} {total:>4} {done / total:>7.0%}")
    done, total = sum(d for d, _ in by_seed.values()), sum(t for _, t in by_seed.values())
    print(f"{'all':>10} {done:>8} {total:>4} {done / total:>7.0%}")
    failed = any(m["seed_count"] >= args.min_seed for m in missing)
    if missing:
        print(f"\nmissing ({len(missing)}):")
        for item in sorted(missing, key=lambda m: (-m["seed_count"], m["id"])):
            print(f"  {item['id']} (seed_count {item['seed_count']}): {item['zh']} · {item['en']}")

    if args.modern.is_file():
        candidates = yaml.safe_load(args.modern.read_text(encoding="utf-8"))
        by_priority, merged, modern_missing = modern_coverage(candidates, args.glossary)
        print("\nmodern terms (modern-terms.yaml)")
        print(f"{'priority':>10} {'entries':>8} {'of':>4} {'share':>7}")
        for priority, (done, total) in by_priority.items():
            print(f"{priority:>10} {done:>8} {total:>4} {done / total:>7.0%}")
        if merged:
            print(f"\ncovered by another entry's name ({len(merged)}):")
            for candidate, holder in sorted(merged.items()):
                print(f"  {candidate} -> {holder}")
        if modern_missing:
            print(f"\nmissing ({len(modern_missing)}):")
            for item in sorted(modern_missing, key=lambda m: (m["priority"], m["id"])):
                print(f"  {item['id']} (priority {item['priority']}): {item['zh']} · {item['en']}")
        failed = failed or any(m["priority"] <= args.max_priority for m in modern_missing)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
