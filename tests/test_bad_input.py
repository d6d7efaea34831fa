"""Every kind of bad input gives exactly its expected messages, and loading changes no file."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import time
import tracemalloc
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import NamedTuple

import pytest
from glossary_core.load import load_glossary
from glossary_core.problems import summary_line
from support import FIXTURES, REPO, make_project, run_mkdocs

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


# Every kind of bad input the issue names, by catalogue case: none may go missing.
KINDS = {
    "YAML syntax error": ["bad-indentation", "unclosed-quote", "unclosed-bracket", "two-documents"],
    "tab indentation": ["tab-indentation"],
    "duplicate key": ["duplicate-key"],
    "empty file": ["empty-file", "empty-values"],
    "top level not a mapping": ["not-a-mapping", "not-a-mapping-text"],
    "unknown key, with 'did you mean'": ["unknown-key", "unknown-category"],
    "wrong type": ["wrong-type", "bad-reference", "unsupported-tags"],
    "missing required field": ["missing-fields"],
    "YAML 1.1 surprises accepted as text": ["yaml11-surprises-accepted"],
    "not UTF-8, or a character YAML forbids": ["not-utf8", "control-character"],
    "UTF-8 byte-order mark accepted": ["byte-order-mark-accepted"],
    "link to a missing term or to itself": ["unknown-related", "unknown-inline-link", "self-links", "link-marks-in-names"],
    "unsafe link": ["unsafe-link-schemes"],
    "id differs from the file name": ["id-differs-from-file-name"],
    "invalid file name": ["invalid-file-name"],
    "the same name in two terms": ["duplicate-names"],
    "alias bomb, deep nesting": ["alias-bomb", "nested-too-deep"],
    "very large file": ["too-large"],
    "stray files": ["stray-files"],
    "several files at once": ["several-files-broken"],
    "invisible characters in names, bidirectional controls in prose": ["invisible-characters"],
    "names that differ only by width, case or spacing": ["look-alike-names"],
    "former ids that clash": ["former-ids"],
    "the scaffold's placeholders left in": ["placeholders"],
}


def test_catalogue_has_a_case_for_every_kind() -> None:
    named = [case for cases in KINDS.values() for case in cases]
    assert sorted(named) == [c.name for c in CASES]  # every case is a known kind, every kind has its cases


def test_messages_say_what_to_do() -> None:
    # A message names the problem, then after a colon what to change; position comes from the file.
    for case in CASES:
        for line in (case / "expected.txt").read_text(encoding="utf-8").splitlines():
            path, row, col, message = line.split(":", 3)
            assert path.startswith("glossary/") and int(row) >= 1 and int(col) >= 1, line
            assert ": " in message.strip() or "did you mean" in message, line


@pytest.mark.parametrize(
    "case, shown, caret_col", [("unclosed-quote", 'en: "Alpha', 5), ("bad-indentation", "   en: A term definition", 6)]
)
def test_a_syntax_error_shows_the_line_with_a_caret(case: str, shown: str, caret_col: int) -> None:
    folder = FIXTURES / "bad-input" / case
    (problem,) = load_glossary(folder / "glossary", folder)[1]
    line, caret = problem.excerpt.splitlines()
    assert line.startswith("    " + shown)
    assert caret == " " * (4 + caret_col - 1) + "^" and problem.col == caret_col
    assert str(problem) == f"{problem.path}:{problem.line}:{problem.col}: {problem.message}\n{problem.excerpt}"


def test_a_forbidden_character_is_shown_but_never_sent_to_the_terminal() -> None:
    folder = FIXTURES / "bad-input" / "control-character"
    (problem,) = load_glossary(folder / "glossary", folder)[1]
    assert "\x1b" not in str(problem)  # ESC [31m would recolour the contributor's terminal
    assert problem.excerpt.splitlines()[0] == "    en: Al\u241b[31mpha"


def _write_term(tmp_path: Path, text: str) -> Path:
    glossary = tmp_path / "glossary"
    glossary.mkdir()
    (glossary / "alpha.yaml").write_text(text, encoding="utf-8")
    return glossary


def test_a_billion_laughs_is_refused_fast_in_little_memory(tmp_path: Path) -> None:
    # 10 items at the bottom, each of 40 levels 10 aliases of the one below: 10**41 strings if expanded.
    lines = ["l0: &l0 [" + ", ".join(["lol"] * 10) + "]"]
    lines += [f"l{n}: &l{n} [" + ", ".join([f"*l{n - 1}"] * 10) + "]" for n in range(1, 41)]
    glossary = _write_term(tmp_path, "\n".join(lines) + "\n")
    tracemalloc.start()
    started = time.perf_counter()
    try:
        _, problems = load_glossary(glossary, tmp_path)
        elapsed = time.perf_counter() - started
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    alias_message = "YAML aliases (*name) are not allowed in term files: write the value out in full"
    assert [(p.line, p.message) for p in problems] == [(2, alias_message)]
    assert elapsed < 1.0
    assert peak < 50 * 1024 * 1024


def test_nesting_deep_enough_to_crash_libyaml_is_refused(tmp_path: Path) -> None:
    # libyaml's composer recursed in C and killed the interpreter (SIGSEGV) past some 20,000
    # levels; 60,000 fit in 128 KB. Run in a child process so a regression fails this test
    # instead of taking pytest down with it. Short lines keep the excerpt cheap to draw.
    depth = 60_000
    brackets = "[" * depth
    text = "a:\n" + "\n".join("  " + brackets[i : i + 60] for i in range(0, depth, 60)) + "\n  " + "]" * depth + "\n"
    assert len(text.encode()) < 128 * 1024
    glossary = _write_term(tmp_path, text)
    code = (
        "import sys; from pathlib import Path; from glossary_core.load import load_glossary; "
        "print(*(p.message for p in load_glossary(Path(sys.argv[1]), Path(sys.argv[2]))[1]), sep='\\n')"
    )
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-c", code, str(glossary), str(tmp_path)], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("lists and mappings are nested more than 20 levels deep here")
    assert time.perf_counter() - started < 10


# --- the same cases through the real build ---------------------------------------------------------------


class CaseBuild(NamedTuple):
    returncode: int
    output: str
    sources_before: dict[str, str]
    sources_after: dict[str, str]


def _sources(project: Path) -> dict[str, str]:
    return {f"{folder}/{name}": digest for folder in ("glossary", "docs") for name, digest in _tree_digest(project / folder).items()}


@pytest.fixture(scope="module")
def case_builds(tmp_path_factory: pytest.TempPathFactory) -> dict[str, CaseBuild]:
    """Every catalogue case built strictly in a throwaway project, several builds at a time."""
    projects = {case.name: make_project(tmp_path_factory.mktemp(case.name), case / "glossary") for case in CASES}

    def build(project: Path) -> CaseBuild:
        before = _sources(project)
        result = run_mkdocs(project, "build", "--strict", "--site-dir", str(project / "site"))
        return CaseBuild(result.returncode, result.stdout + result.stderr, before, _sources(project))

    with ThreadPoolExecutor(max_workers=max(2, os.cpu_count() or 2)) as pool:
        return dict(zip(projects, pool.map(build, projects.values()), strict=True))


@pytest.mark.slow
@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_the_build_stops_with_the_expected_messages_and_changes_no_file(case: Path, case_builds: dict[str, CaseBuild]) -> None:
    build = case_builds[case.name]
    expected = (case / "expected.txt").read_text(encoding="utf-8").splitlines()
    assert "Traceback" not in build.output
    if not expected:  # the accepted cases
        assert build.returncode == 0, build.output
    else:
        assert build.returncode != 0
        for line in expected:
            assert line in build.output
        _, problems = load_glossary(case / "glossary", case)
        assert f"{summary_line(problems)}: the site was not built" in build.output
    assert build.sources_after == build.sources_before
    copied = {k.removeprefix("glossary/"): v for k, v in build.sources_after.items() if k.startswith("glossary/")}
    assert copied == _tree_digest(case / "glossary")  # and the project held the case's files, byte for byte


# --- all at once -------------------------------------------------------------------------------


def test_many_broken_files_are_all_reported_in_file_order_with_a_count(tmp_path: Path) -> None:
    """One run reports every broken file, not just the first: each file here stops at its own first
    problem, so each gives exactly the line its catalogue case expects."""
    cases = [
        "unclosed-quote",
        "tab-indentation",
        "duplicate-key",
        "empty-file",
        "not-utf8",
        "control-character",
        "two-documents",
        "alias-bomb",
        "unsupported-tags",
        "nested-too-deep",
        "bad-indentation",
    ]
    glossary = tmp_path / "glossary"
    glossary.mkdir()
    expected = []
    for number, case in enumerate(cases):
        name = f"t{number:02d}-{case}.yaml"
        shutil.copy(FIXTURES / "bad-input" / case / "glossary" / "alpha.yaml", glossary / name)
        for line in (FIXTURES / "bad-input" / case / "expected.txt").read_text(encoding="utf-8").splitlines():
            expected.append(line.replace("glossary/alpha.yaml:", f"{(glossary / name).as_posix()}:", 1))
    check = [sys.executable, str(REPO / "scripts" / "check.py"), "--glossary", str(glossary)]
    result = subprocess.run(check, capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    reported = [line for line in result.stdout.splitlines() if not line.startswith(" ")]
    assert reported == expected
    assert result.stderr.strip() == f"{len(expected)} problems in {len(cases)} files"


SECRET = "TOP-SECRET-FIRST-LINE: the link's target must never be read or shown"


def _glossary_with_a_link(tmp_path: Path, target: Path) -> Path:
    """A copy of the small glossary with one term file that is a symbolic link to `target`."""
    glossary = Path(shutil.copytree(FIXTURES / "small-glossary", tmp_path / "project" / "glossary"))
    os.symlink(target, glossary / "linked.yaml")
    return glossary


@pytest.mark.parametrize("inside", [False, True], ids=["outside the repository", "another term file"])
def test_a_symbolic_link_is_refused_without_reading_it(tmp_path: Path, inside: bool) -> None:
    outside = tmp_path / "secret.yaml"
    outside.write_text(SECRET + "\n", encoding="utf-8")
    glossary = _glossary_with_a_link(tmp_path, outside)
    if inside:  # even a link to a real term file is refused: links are never followed
        (glossary / "linked.yaml").unlink()
        os.symlink(glossary / "vector-store.yaml", glossary / "linked.yaml")
    glossary_data, problems = load_glossary(glossary, glossary.parent)
    assert [f"{p.path}:{p.line}:{p.col}: {p.message}" for p in problems] == [
        "glossary/linked.yaml:1:1: is a symbolic link: term files must be real files inside glossary/, so that a pull request "
        "cannot publish a file from elsewhere; replace the link with the file itself"
    ]
    assert "linked" not in glossary_data.terms


def test_a_symbolic_link_stops_the_build_and_its_target_is_never_shown(tmp_path: Path) -> None:
    outside = tmp_path / "secret.yaml"
    outside.write_text(SECRET + "\n", encoding="utf-8")
    glossary = _glossary_with_a_link(tmp_path, outside)
    project = tmp_path / "built"
    make_project(project, glossary)  # copies the link as a link
    assert (project / "glossary" / "linked.yaml").is_symlink()
    for result in (
        run_mkdocs(project, "build", "--strict", "--site-dir", str(project / "site")),
        subprocess.run(
            [sys.executable, str(REPO / "scripts" / "check.py"), "--glossary", str(project / "glossary")], capture_output=True, text=True
        ),
    ):
        assert result.returncode == 1
        output = result.stdout + result.stderr
        assert "linked.yaml:1:1: is a symbolic link" in output
        assert "TOP-SECRET" not in output and "Traceback" not in output
    assert not (project / "site" / "terms" / "linked.html").exists()


def test_a_glossary_folder_that_is_a_link_is_refused(tmp_path: Path) -> None:
    real = Path(shutil.copytree(FIXTURES / "small-glossary", tmp_path / "elsewhere"))
    (tmp_path / "project").mkdir()
    os.symlink(real, tmp_path / "project" / "glossary")
    glossary, problems = load_glossary(tmp_path / "project" / "glossary", tmp_path / "project")
    assert glossary.terms == {}
    assert [p.message for p in problems] == [
        "the glossary folder is a symbolic link: term files must live in the repository's own glossary/, not elsewhere"
    ]
