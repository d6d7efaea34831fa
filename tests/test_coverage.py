"""scripts/coverage.py counts entries per seed_count and fails only for missing core terms."""

from __future__ import annotations

from pathlib import Path

import yaml
from coverage_report import coverage, main


def _inventory(tmp: Path) -> Path:
    items = [
        {"id": "a", "zh": "甲", "en": "A", "seed_count": 3},
        {"id": "b", "zh": "乙", "en": "B", "seed_count": 2},
        {"id": "c", "zh": "丙", "en": "C", "seed_count": 1},
    ]
    path = tmp / "inventory.yaml"
    path.write_text(yaml.safe_dump(items, allow_unicode=True), encoding="utf-8")
    return path


def test_counts_by_seed_count_and_lists_missing(tmp_path: Path) -> None:
    glossary = tmp_path / "glossary"
    glossary.mkdir()
    (glossary / "a.yaml").write_text("id: a\n", encoding="utf-8")
    inventory = yaml.safe_load(_inventory(tmp_path).read_text(encoding="utf-8"))
    by_seed, missing = coverage(inventory, glossary)
    assert by_seed == {3: (1, 1), 2: (0, 1), 1: (0, 1)}
    assert [m["id"] for m in missing] == ["b", "c"]


def test_exit_status_follows_the_core_terms(tmp_path: Path, capsys) -> None:
    glossary = tmp_path / "glossary"
    glossary.mkdir()
    for name in ("a", "b"):
        (glossary / f"{name}.yaml").write_text(f"id: {name}\n", encoding="utf-8")
    inventory = _inventory(tmp_path)
    assert main(["--inventory", str(inventory), "--glossary", str(glossary)]) == 0  # only seed 1 missing
    assert main(["--inventory", str(inventory), "--glossary", str(glossary), "--min-seed", "1"]) == 1
    assert "c (seed_count 1)" in capsys.readouterr().out
