"""Every kind of bad input gives exactly its expected messages, and loading changes no file."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from support import FIXTURES
from glossary_core.load import load_glossary

CASES = sorted(p for p in (FIXTURES / "bad-input").iterdir() if p.is_dir())


def _tree_digest(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_bad_input_gives_expected_messages(case: Path) -> None:
    before = _tree_digest(case)
    _, problems = load_glossary(case / "glossary", case)
    got = "".join(f"{p.path}:{p.line}:{p.col}: {p.message}\n" for p in problems)
    assert got == (case / "expected.txt").read_text(encoding="utf-8")
    assert _tree_digest(case) == before


def test_catalogue_covers_both_failures_and_accepted_surprises() -> None:
    expected = {c.name: (c / "expected.txt").read_text(encoding="utf-8") for c in CASES}
    accepted = {name for name, text in expected.items() if not text}
    assert accepted == {"byte-order-mark-accepted", "yaml11-surprises-accepted"}
    assert len(expected) - len(accepted) >= 20
