"""Shared helpers: build a throwaway project (mkdocs.yml + docs + a glossary) and run MkDocs on it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def make_project(where: Path, glossary_source: Path) -> Path:
    """A copy of the real site configuration around another glossary, ready for `mkdocs build`."""
    shutil.copytree(REPO / "docs", where / "docs")
    shutil.copytree(REPO / "overrides", where / "overrides")  # mkdocs.yml's theme.custom_dir
    shutil.copytree(glossary_source, where / "glossary")
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    (where / "mkdocs.yml").write_text(config.replace("hooks/glossary_hook.py", str(REPO / "hooks" / "glossary_hook.py")), encoding="utf-8")
    return where


def run_mkdocs(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", *args], cwd=project, env=env, capture_output=True, text=True, timeout=600
    )


@pytest.fixture(scope="session")
def small_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The small fixture glossary built strictly once for every test that reads its HTML."""
    project = make_project(tmp_path_factory.mktemp("small"), FIXTURES / "small-glossary")
    result = run_mkdocs(project, "build", "--strict", "--site-dir", str(project / "site"))
    assert result.returncode == 0, result.stderr
    return project / "site"
