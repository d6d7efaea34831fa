"""Names with a status (accepted, discouraged, former), search-only keywords, one meaning per
name, and review dates: loaded, checked, rendered and reported."""

from __future__ import annotations

import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from glossary_core.index_pages import home_page
from glossary_core.load import load_glossary, stale_terms
from glossary_core.term_pages import term_page
from support import FIXTURES, REPO

SMALL = FIXTURES / "small-glossary"


@pytest.fixture
def glossary_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "glossary"
    shutil.copytree(SMALL, folder)
    return folder


def _edit(folder: Path, name: str, old: str, new: str) -> None:
    path = folder / name
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new), encoding="utf-8")


def _messages(folder: Path) -> list[str]:
    return [f"{p.path}:{p.line}:{p.col}: {p.message}" for p in load_glossary(folder, folder.parent)[1]]


STATUS_ALIASES = """aliases:
  zh:
    - 矢量数据库
    - {name: 向量库房, status: discouraged, reason: 库房是仓储用语，不是数据库。}
  en:
    - {name: vector store, authority: LangChain documentation}
    - {name: Vector DB index, status: former, reason: Renamed in 2024.}
search_keywords: [Milvus example, 近邻检索库]
"""


def test_statuses_load_and_plain_strings_stay_accepted(glossary_dir: Path) -> None:
    _edit(glossary_dir, "vector-store.yaml", "aliases:\n  zh: [矢量数据库]\n  en: [Agent, vector store]\n", STATUS_ALIASES)
    glossary, problems = load_glossary(glossary_dir, glossary_dir.parent)
    assert problems == []
    term = glossary.terms["vector-store"]
    assert [(a.name, a.status) for a in term.aliases] == [
        ("矢量数据库", "accepted"),
        ("向量库房", "discouraged"),
        ("vector store", "accepted"),
        ("Vector DB index", "former"),
    ]
    assert term.aliases[2].authority == "LangChain documentation"
    assert term.search_keywords == ("Milvus example", "近邻检索库")
    # Discouraged names and keywords are found by search but never linked from prose as this term.
    assert "向量库房" in term.names and "向量库房" not in term.proper_names
    assert "Milvus example" not in term.names


def test_term_page_shows_names_by_status_with_reasons_and_the_review_date(glossary_dir: Path) -> None:
    _edit(glossary_dir, "vector-store.yaml", "aliases:\n  zh: [矢量数据库]\n  en: [Agent, vector store]\n", STATUS_ALIASES)
    glossary, _ = load_glossary(glossary_dir, glossary_dir.parent)
    page = term_page(glossary.terms["vector-store"], glossary).html
    recommended = page.index("推荐名称 · Recommended")
    accepted = page.index("也作 · Also called")
    former = page.index("旧称 · Former names")
    discouraged = page.index("不推荐 · Discouraged")
    assert recommended < accepted < former < discouraged
    assert "向量库房（库房是仓储用语，不是数据库。）" in page
    assert "Vector DB index</span>（Renamed in 2024.）" in page
    assert "vector store</span>（LangChain documentation）" in page
    assert '<p class="gl-names-discouraged"><strong>' in page
    assert "审校于 · Reviewed</strong>：2026-11-20" in page
    assert "Milvus example" not in page.split('<h2 id="zh"')[0]  # keywords are not presented as names


def test_a_discouraged_name_needs_a_reason(glossary_dir: Path) -> None:
    _edit(glossary_dir, "vector-store.yaml", "zh: [矢量数据库]", "zh: [{name: 向量库房, status: discouraged}]")
    assert _messages(glossary_dir) == [
        "glossary/vector-store.yaml:6:8: missing required field 'reason' in aliases.zh[0]: add it (一句话理由，显示给读者)"
    ]


def test_an_unknown_status_is_named(glossary_dir: Path) -> None:
    _edit(glossary_dir, "vector-store.yaml", "zh: [矢量数据库]", "zh: [{name: 向量库房, status: wrong}]")
    assert _messages(glossary_dir) == [
        "glossary/vector-store.yaml:6:29: 'wrong' is not a known aliases.zh[0].status: use one of accepted, discouraged, former"
    ]


def test_an_alias_may_not_be_another_entrys_headword_unless_shared_or_discouraged(glossary_dir: Path) -> None:
    _edit(glossary_dir, "vector-store.yaml", "zh: [矢量数据库]", "zh: [矢量数据库, 检索增强生成]")
    [message] = _messages(glossary_dir)
    assert message.startswith(
        "glossary/vector-store.yaml:6:15: the alias '检索增强生成' is a name of glossary/retrieval-augmented-generation.yaml"
    )
    assert "write it as {name: ..., shared: true}" in message

    _edit(glossary_dir, "vector-store.yaml", "检索增强生成]", "{name: 检索增强生成, shared: true}]")
    glossary, problems = load_glossary(glossary_dir, glossary_dir.parent)
    assert problems == []
    assert glossary.sharing_a_name_with("vector-store")["检索增强生成"] == ("retrieval-augmented-generation",)

    _edit(glossary_dir, "vector-store.yaml", "shared: true}", "status: discouraged, reason: 这是另一个概念的名称。}")
    glossary, problems = load_glossary(glossary_dir, glossary_dir.parent)
    assert problems == []
    assert "检索增强生成" not in glossary.sharing_a_name_with("vector-store")  # a discouraged name is not a shared one


def test_an_alias_may_not_be_another_entrys_abbreviation(glossary_dir: Path) -> None:
    _edit(glossary_dir, "vector-store.yaml", "zh: [矢量数据库]", "zh: [矢量数据库, RAG]")
    [message] = _messages(glossary_dir)
    assert "the alias 'RAG' is a name of glossary/retrieval-augmented-generation.yaml" in message


@pytest.mark.parametrize(
    ("written", "message"),
    [
        ("2026-02-30", "reviewed: '2026-02-30' is not a date: write the day the facts were checked as YYYY-MM-DD"),
        ("2999-01-01", "reviewed: 2999-01-01 is in the future: write the day the facts were last checked"),
        ("3 May 2026", "'reviewed' is '3 May 2026', which is not in the expected form: rewrite it in that form"),
    ],
)
def test_review_dates_must_be_real_past_days(glossary_dir: Path, written: str, message: str) -> None:
    _edit(glossary_dir, "vector-store.yaml", "reviewed: 2026-11-20", f"reviewed: {written}")
    assert _messages(glossary_dir) == [f"glossary/vector-store.yaml:15:11: {message}"]


def test_review_date_is_required(glossary_dir: Path) -> None:
    _edit(glossary_dir, "vector-store.yaml", "reviewed: 2026-11-20\n", "")
    [message] = _messages(glossary_dir)
    assert message.startswith("glossary/vector-store.yaml:1:1: missing required field 'reviewed': add it")


def test_stale_entries_are_listed_oldest_first(glossary_dir: Path) -> None:
    _edit(glossary_dir, "vector-store.yaml", "reviewed: 2026-11-20", "reviewed: 2024-05-01")
    _edit(glossary_dir, "chong-pai.yaml", "reviewed: 2026-11-20", "reviewed: 2025-06-30")
    glossary, _ = load_glossary(glossary_dir, glossary_dir.parent)
    assert [t.id for t in stale_terms(glossary, date(2026, 12, 3))] == ["vector-store", "chong-pai"]
    assert [t.id for t in stale_terms(glossary, date(2026, 6, 29))] == ["vector-store"]
    assert stale_terms(glossary, date(2026, 12, 3), months=40) == []


def _script(name: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(REPO / "scripts" / name), *args], capture_output=True, text=True, cwd=REPO)


def test_check_warns_about_stale_entries_without_failing_and_make_stale_lists_them(glossary_dir: Path) -> None:
    _edit(glossary_dir, "vector-store.yaml", "reviewed: 2026-11-20", "reviewed: 2024-05-01")
    check = _script("check.py", "--glossary", str(glossary_dir))
    assert check.returncode == 0, check.stdout + check.stderr
    assert "vector-store.yaml:1:1: warning: not reviewed since 2024-05-01: check its facts" in check.stdout
    github = _script("check.py", "--glossary", str(glossary_dir), "--format", "github")
    assert "::warning file=" in github.stdout and "vector-store.yaml,line=1::not reviewed since 2024-05-01" in github.stdout
    stale = _script("stale.py", "--glossary", str(glossary_dir))
    assert stale.returncode == 0
    assert stale.stdout.splitlines() == [f"2024-05-01  {glossary_dir.as_posix()}/vector-store.yaml  向量数据库 · Vector database"]
    assert "1 of 4 entries not reviewed for 12 months" in stale.stderr


def test_home_page_lists_the_most_recently_reviewed_first(glossary_dir: Path) -> None:
    _edit(glossary_dir, "chong-pai.yaml", "reviewed: 2026-11-20", "reviewed: 2026-11-30")
    _edit(glossary_dir, "vector-store.yaml", "reviewed: 2026-11-20", "reviewed: 2025-01-02")
    glossary, _ = load_glossary(glossary_dir, glossary_dir.parent)
    home = home_page(glossary).html
    recent = home[home.index("最近更新 · Recently updated") :].splitlines()
    items = [line for line in recent if line.startswith("<li>")]
    assert items[0].startswith("<li>2026-11-30 · <a") and "重排" in items[0]
    assert items[-1].startswith("<li>2025-01-02 · <a") and "向量数据库" in items[-1]
