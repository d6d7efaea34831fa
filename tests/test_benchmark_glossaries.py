"""The benchmarks' glossaries load without a problem, so `make bench*` measure real builds."""

from __future__ import annotations

import sys
from pathlib import Path

from glossary_core.load import load_glossary
from support import REPO

sys.path.insert(0, str(REPO / "scripts"))
from synthetic_glossary import replicate_glossary, write_glossary  # noqa: E402


def test_a_sampled_glossary_loads(tmp_path: Path) -> None:
    write_glossary(60, tmp_path / "glossary")
    glossary, problems = load_glossary(tmp_path / "glossary", tmp_path)
    assert problems == [] and len(glossary.terms) == 60


def test_a_copied_glossary_loads_with_links_inside_each_copy(tmp_path: Path) -> None:
    real = len(list((REPO / "glossary").glob("*.yaml")))
    replicate_glossary(real + 40, tmp_path / "glossary")
    glossary, problems = load_glossary(tmp_path / "glossary", tmp_path)
    assert problems == [] and len(glossary.terms) == real + 40
    copies = [t for t in glossary.terms.values() if t.id.endswith("-copy1")]
    assert len(copies) == 40 and all(r.endswith("-copy1") for t in copies for r in t.related)
