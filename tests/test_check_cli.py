"""scripts/check.py: the same checks as the build, for contributors and CI."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from support import FIXTURES, REPO, build_fixture_site


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


def test_the_summary_starts_a_line_of_its_own_when_both_streams_share_a_pipe() -> None:
    glossary = FIXTURES / "bad-input" / "several-files-broken" / "glossary"
    merged = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "check.py"), "--glossary", str(glossary)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        cwd=REPO,
    )
    lines = merged.stdout.splitlines()
    assert lines[-1] == "3 problems in 3 files"
    assert not any("^" in line and "problem" in line for line in lines)


def test_github_annotations_carry_the_same_messages_as_text() -> None:
    glossary = str(FIXTURES / "bad-input" / "look-alike-names" / "glossary")
    text = [ln.split(": ", 1)[1] for ln in _check("--glossary", glossary).stdout.splitlines() if not ln.startswith(" ")]
    github = [ln.split("::", 2)[2] for ln in _check("--format", "github", "--glossary", glossary).stdout.splitlines()]
    assert text == github and len(text) == 3


def _git(folder: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=folder, check=True, capture_output=True)


def test_a_term_file_gone_from_main_without_a_former_id_is_a_warning(tmp_path: Path) -> None:
    glossary = Path(shutil.copytree(FIXTURES / "small-glossary", tmp_path / "glossary"))
    _git(tmp_path, "init", "-q", "-b", "main")
    _git(tmp_path, "add", "glossary")
    _git(tmp_path, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", "terms")
    (glossary / "vector-store.yaml").rename(glossary / "vector-database.yaml")
    for path in glossary.iterdir():  # the id and every link to it
        path.write_text(path.read_text(encoding="utf-8").replace("vector-store", "vector-database"), encoding="utf-8")
    renamed = (glossary / "vector-database.yaml").read_text(encoding="utf-8")

    result = _check("--glossary", str(glossary))
    assert result.returncode == 0, result.stdout  # a warning, not a failure
    assert (
        "vector-store.yaml is in the last commit on main but gone now, and no entry lists 'vector-store' under former_ids" in result.stdout
    )

    (glossary / "vector-database.yaml").write_text(
        renamed.replace("id: vector-database\n", "id: vector-database\nformer_ids: [vector-store]\n"), encoding="utf-8"
    )
    result = _check("--glossary", str(glossary))
    assert result.returncode == 0 and "gone now" not in result.stdout


def test_a_former_id_gets_a_page_that_redirects_to_the_term(tmp_path: Path) -> None:
    glossary = Path(shutil.copytree(FIXTURES / "small-glossary", tmp_path / "glossary"))
    term = glossary / "vector-store.yaml"
    term.write_text(
        term.read_text(encoding="utf-8").replace("id: vector-store\n", "id: vector-store\nformer_ids: [vector-db]\n"), encoding="utf-8"
    )
    site = build_fixture_site(tmp_path / "project", glossary)
    page = (site / "terms" / "vector-db.html").read_text(encoding="utf-8")
    assert '<meta http-equiv="refresh" content="0; url=vector-store.html">' in page
    assert '<link rel="canonical" href="https://ai-glossary.github.io/ai-glossary/terms/vector-store.html">' in page
    assert '<a href="vector-store.html">' in page
    assert (site / "terms" / "vector-store.html").exists()
