"""scripts/check.py: the same checks as the build, for contributors and CI."""

from __future__ import annotations

import subprocess
import sys

from support import FIXTURES, REPO


def _check(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(REPO / "scripts" / "check.py"), *args], capture_output=True, text=True, cwd=REPO)


def test_reports_every_problem_with_file_line_and_column() -> None:
    result = _check("--glossary", str(FIXTURES / "bad-input" / "several-files-broken" / "glossary"))
    assert result.returncode == 1
    lines = [ln for ln in result.stdout.splitlines() if not ln.startswith(" ")]
    assert [ln.split(":")[0] for ln in lines] == [
        "tests/fixtures/bad-input/several-files-broken/glossary/" + f for f in ("alpha.yaml", "beta.yaml", "gamma.yaml")
    ]
    assert "3 problems in 3 files" in result.stderr
    assert "Traceback" not in result.stdout + result.stderr


def test_github_annotations() -> None:
    result = _check("--format", "github", "--glossary", str(FIXTURES / "bad-input" / "duplicate-key" / "glossary"))
    assert result.stdout == (
        "::error file=tests/fixtures/bad-input/duplicate-key/glossary/alpha.yaml,line=14,col=1::"
        "duplicate key 'zh' (first defined on line 3): keep one and delete the other\n"
    )


def test_file_arguments_limit_the_report() -> None:
    glossary = FIXTURES / "bad-input" / "several-files-broken" / "glossary"
    result = _check("--glossary", str(glossary), str(glossary / "gamma.yaml"))
    assert result.returncode == 1 and "gamma.yaml" in result.stdout and "alpha.yaml" not in result.stdout


def test_clean_glossary_passes() -> None:
    result = _check("--glossary", str(FIXTURES / "small-glossary"))
    assert result.returncode == 0, result.stdout
    assert "no problems" in result.stderr
