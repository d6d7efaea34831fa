"""scripts/new_term.py: a new term file that passes the checker as written, and refusals that write nothing."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from glossary_core.schema import term_schema
from support import FIXTURES, REPO, schema_properties


def _run(script: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(REPO / "scripts" / script), *args], capture_output=True, text=True, cwd=REPO)


def _new(glossary: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return _run("new_term.py", "--glossary", str(glossary), *args)


@pytest.fixture
def small_glossary(tmp_path: Path) -> Path:
    """A writable copy of the small fixture glossary, so new terms sit among real ones."""
    return Path(shutil.copytree(FIXTURES / "small-glossary", tmp_path / "glossary"))


def test_new_term_fails_the_check_only_for_its_placeholders_until_they_are_written(small_glossary: Path) -> None:
    result = _new(small_glossary, "knowledge-distillation", "--zh", "知识蒸馏", "--en", "Knowledge distillation", "--category", "training")
    assert result.returncode == 0, result.stderr
    created = small_glossary / "knowledge-distillation.yaml"
    assert "created" in result.stdout and created.name in result.stdout

    check = _run("check.py", "--glossary", str(small_glossary))
    assert check.returncode == 1
    problems = [line for line in check.stdout.splitlines() if line.startswith("glossary/") or "knowledge-distillation.yaml:" in line]
    assert len(problems) == 4  # summary and body, in each language
    for line in problems:
        assert "still holds the template's placeholder" in line and ("'待补充'" in line or "'TODO'" in line)

    written = created.read_text(encoding="utf-8").replace("待补充：", "").replace("TODO: ", "")
    created.write_text(written, encoding="utf-8")
    check = _run("check.py", "--glossary", str(small_glossary))
    assert check.returncode == 0, check.stdout
    assert "no problems" in check.stderr

    text = created.read_text(encoding="utf-8")
    assert text.splitlines()[0] == "# yaml-language-server: $schema=../schema/term.schema.json"
    assert "\nid: knowledge-distillation\n" in text and "\nzh: 知识蒸馏\n" in text and "\ncategory: training\n" in text
    assert "待补充" in text and "TODO" in text  # placeholders a reviewer and grep can find


@pytest.mark.parametrize(
    ("zh", "en"),
    [
        ("注意力：机制 #1", "Attention: the mechanism #1"),  # ': ' and ' #' need quoting
        ("是", "yes"),  # a YAML 1.1 boolean
        ("“引号”", "'quoted' \"twice\""),
        ("１２３", "123"),  # a number
    ],
)
def test_names_that_need_quoting_stay_text(tmp_path: Path, zh: str, en: str) -> None:
    result = _new(tmp_path, "tricky", "--zh", zh, "--en", en)
    assert result.returncode == 0, result.stderr
    check = _run("check.py", "--glossary", str(tmp_path))
    assert [line for line in check.stdout.splitlines() if "tricky.yaml:" in line and "placeholder" not in line] == []
    data = _load(tmp_path / "tricky.yaml")
    assert (data["zh"], data["en"]) == (zh, en)


def test_every_field_is_explained_in_both_languages(tmp_path: Path) -> None:
    assert _new(tmp_path, "rag", "--zh", "检索增强生成", "--en", "Retrieval-augmented generation").returncode == 0
    lines = (tmp_path / "rag.yaml").read_text(encoding="utf-8").splitlines()
    comments = "".join(line.strip().removeprefix("#") for line in lines if line.strip().startswith("#"))
    squeeze = re.compile(r"\s+")
    for path, spec in schema_properties(term_schema()):  # descriptions are bilingual: test_contributing checks that
        assert squeeze.sub("", spec["description"]) in squeeze.sub("", comments), f"no note for {path}"
    for name in term_schema()["properties"]:
        assert any(re.match(rf"#? ?{name}:", line) for line in lines), f"{name} is neither written nor shown commented out"


@pytest.mark.parametrize("bad_id", ["RAG", "-rag", "rag-", "rag--x", "rag_x", "检索", "rag.yaml", ""])
def test_invalid_ids_are_refused(tmp_path: Path, bad_id: str) -> None:
    result = _new(tmp_path, "--zh", "名称", "--en", "Name", "--", bad_id)  # "--", as make new-term passes it
    assert result.returncode == 1
    assert f"'{bad_id}' is not a valid term id: use lowercase ASCII letters and digits joined by single hyphens" in result.stderr
    assert "nothing was written" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_an_existing_file_is_never_overwritten(small_glossary: Path) -> None:
    existing = small_glossary / "vector-store.yaml"
    before = existing.read_bytes()
    result = _new(small_glossary, "vector-store", "--zh", "新名称", "--en", "New name")
    assert result.returncode == 1
    assert "vector-store.yaml already exists: edit that file instead" in result.stderr
    assert existing.read_bytes() == before


def test_unknown_category_is_refused(tmp_path: Path) -> None:
    result = _new(tmp_path, "rag", "--zh", "检索增强生成", "--en", "RAG", "--category", "concept")
    assert result.returncode == 1
    assert "'concept' is not a category: use one of concepts, architectures," in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_a_standard_name_already_in_use_is_refused(small_glossary: Path) -> None:
    result = _new(small_glossary, "rag-2", "--zh", "另一个名字", "--en", "retrieval-augmented  GENERATION")
    assert result.returncode == 1
    assert "is already the en name of" in result.stderr and "retrieval-augmented-generation.yaml" in result.stderr
    assert not (small_glossary / "rag-2.yaml").exists()


def test_names_over_the_schema_limit_are_refused_with_the_checker_message(tmp_path: Path) -> None:
    result = _new(tmp_path, "long", "--zh", "长" * 61, "--en", "Long")
    assert result.returncode == 1
    assert "'zh' is 61 characters, over the limit of 60" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_a_name_must_fit_on_one_line(tmp_path: Path) -> None:
    result = _new(tmp_path, "two-lines", "--zh", "第一行\n第二行", "--en", "Name")
    assert result.returncode == 1 and "--zh must be a name on one line" in result.stderr


def test_missing_names_are_a_usage_error(tmp_path: Path) -> None:
    result = _new(tmp_path, "rag", "--zh", "检索增强生成")
    assert result.returncode == 2 and "--en" in result.stderr


def _load(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))
