"""Session fixtures: the real glossary loaded once, the real site and the small fixture site,
each built strictly once."""

from __future__ import annotations

from pathlib import Path

import pytest
from glossary_core.load import load_glossary
from glossary_core.model import Glossary
from support import FIXTURES, REPO, RealBuild, build_fixture_site, run_mkdocs, source_digest


@pytest.fixture(scope="session")
def real_build(tmp_path_factory: pytest.TempPathFactory) -> RealBuild:
    """The real glossary, built strictly once per test session, exactly as `make build` does."""
    before = source_digest()
    site = tmp_path_factory.mktemp("real") / "site"
    result = run_mkdocs(REPO, "build", "--strict", "--site-dir", str(site))
    assert result.returncode == 0, result.stdout + result.stderr
    return RealBuild(site, before)


@pytest.fixture(scope="session")
def real_site(real_build: RealBuild) -> Path:
    return real_build.site


@pytest.fixture(scope="session")
def small_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The small fixture glossary built strictly once for every test that reads its HTML."""
    return build_fixture_site(tmp_path_factory.mktemp("small"), FIXTURES / "small-glossary")


@pytest.fixture(scope="session")
def real_glossary() -> Glossary:
    """The project's own glossary/, loaded once; it must have no problems."""
    loaded, problems = load_glossary(REPO / "glossary", REPO)
    assert problems == [], "\n".join(map(str, problems))
    return loaded
