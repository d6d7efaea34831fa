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
    no_modern = ["--modern", str(tmp_path / "absent.yaml")]  # this test is about the inventory alone
    assert main(["--inventory", str(inventory), "--glossary", str(glossary), *no_modern]) == 0  # only seed 1 missing
    assert main(["--inventory", str(inventory), "--glossary", str(glossary), "--min-seed", "1", *no_modern]) == 1
    assert "c (seed_count 1)" in capsys.readouterr().out


def _modern(tmp: Path) -> Path:
    items = [
        {"id": "kv-cache", "zh": "KV 缓存", "en": "KV cache", "priority": 1},
        {"id": "lmarena", "zh": "LMArena", "en": "LMArena", "aliases": {"en": ["Chatbot Arena"]}, "priority": 1},
        {"id": "mcp", "zh": "模型上下文协议", "en": "Model Context Protocol", "priority": 2},
        {"id": "later", "zh": "以后", "en": "Later", "priority": 3},
    ]
    path = tmp / "modern.yaml"
    path.write_text(yaml.safe_dump(items, allow_unicode=True), encoding="utf-8")
    return path


def test_modern_terms_count_by_id_or_by_a_name_of_another_entry(tmp_path: Path, capsys) -> None:
    glossary = tmp_path / "glossary"
    glossary.mkdir()
    (glossary / "a.yaml").write_text("id: a\n", encoding="utf-8")
    (glossary / "b.yaml").write_text("id: b\n", encoding="utf-8")
    (glossary / "kv-cache.yaml").write_text("id: kv-cache\nzh: KV cache\nen: KV cache\n", encoding="utf-8")
    arena = "id: chatbot-arena\nzh: 大模型竞技场\nen: LMArena\naliases:\n  en: [{name: chatbot arena, status: former, reason: Renamed.}]\n"
    (glossary / "chatbot-arena.yaml").write_text(arena, encoding="utf-8")
    args = ["--inventory", str(_inventory(tmp_path)), "--modern", str(_modern(tmp_path)), "--glossary", str(glossary)]
    assert main(args) == 1  # mcp, priority 2, is missing
    out = capsys.readouterr().out
    assert "         1        2    2    100%" in out and "         2        0    1      0%" in out
    assert "lmarena -> chatbot-arena" in out and "mcp (priority 2)" in out
    (glossary / "mcp.yaml").write_text("id: mcp\n", encoding="utf-8")
    assert main(args) == 0  # only priority 3 is missing now
