"""Helpers shared by the tests: paths, throwaway MkDocs projects, schema walking."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any, NamedTuple

REPO = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def make_project(where: Path, glossary_source: Path) -> Path:
    """A copy of the real site configuration around another glossary, ready for `mkdocs build`."""
    shutil.copytree(REPO / "docs", where / "docs")
    shutil.copytree(REPO / "overrides", where / "overrides")  # mkdocs.yml's theme.custom_dir
    shutil.copytree(glossary_source, where / "glossary", symlinks=True)  # a link stays a link, as in a checkout
    # docs/contributing.md includes it with pymdownx.snippets, which reads from the project root.
    shutil.copy(REPO / "CONTRIBUTING.md", where / "CONTRIBUTING.md")
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    (where / "mkdocs.yml").write_text(config.replace("hooks/glossary_hook.py", str(REPO / "hooks" / "glossary_hook.py")), encoding="utf-8")
    return where


def schema_properties(node: dict[str, Any], prefix: str = "") -> list[tuple[str, dict[str, Any]]]:
    """Every property of a JSON schema, nested ones included, as (dotted path, schema) pairs."""
    out = []
    for name, spec in node.get("properties", {}).items():
        out.append((f"{prefix}{name}", spec))
        out += schema_properties(spec, f"{prefix}{name}.")
        out += schema_properties(spec.get("items", {}), f"{prefix}{name}[].")
    return out


class RealBuild(NamedTuple):
    site: Path
    sources_before: dict[str, str]  # digests of glossary/ and docs/ taken just before the build


def build_fixture_site(where: Path, glossary_source: Path) -> Path:
    """A throwaway project around `glossary_source`, built strictly; its site folder."""
    project = make_project(where, glossary_source)
    result = run_mkdocs(project, "build", "--strict", "--site-dir", str(project / "site"))
    assert result.returncode == 0, result.stdout + result.stderr
    return project / "site"


def source_digest() -> dict[str, str]:
    """A hash of every file in glossary/ and docs/, to prove a build changed none of them."""
    return {
        p.relative_to(REPO).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for folder in (REPO / "glossary", REPO / "docs")
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def run_mkdocs(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run([sys.executable, "-m", "mkdocs", *args], cwd=project, env=env, capture_output=True, text=True, timeout=600)
