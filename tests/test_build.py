"""Integration: real `mkdocs build --strict` runs on fixture glossaries, asserting on the HTML."""

from __future__ import annotations

import hashlib
import re
from html.parser import HTMLParser
from pathlib import Path

from support import FIXTURES, REPO, RealBuild, make_project, run_mkdocs, source_digest


def _read(site: Path, page: str) -> str:
    return (site / page).read_text(encoding="utf-8")


def test_one_page_per_term_file(small_site: Path) -> None:
    pages = sorted(p.stem for p in (small_site / "terms").glob("*.html"))
    assert pages == sorted(p.stem for p in (FIXTURES / "small-glossary").glob("*.yaml"))


def test_term_page_content(small_site: Path) -> None:
    page = _read(small_site, "terms/retrieval-augmented-generation.html")
    assert '<span class="gl-zh">检索增强生成</span>' in page and "Retrieval-augmented generation" in page
    assert '<abbr class="gl-abbr" title="缩写 · Abbreviation">RAG</abbr>' in page
    assert '<meta name="description" content="先检索相关资料' in page
    assert '<a href="vector-store.html">向量数据库</a>' in page  # inline link resolved
    assert "<code>&lt;b&gt;不变&lt;/b&gt;</code>" in page  # code kept literally
    assert '<a href="../categories/applications.html">' in page
    assert "https://arxiv.org/abs/2005.11401" in page


def test_edit_button_opens_the_yaml_file(small_site: Path) -> None:
    page = _read(small_site, "terms/vector-store.html")
    edit = re.search(r'<a href="([^"]+)" title="[^"]*" class="md-content__button md-icon" rel="edit"', page)
    assert edit and edit.group(1) == "https://github.com/ai-glossary/ai-glossary/edit/main/glossary/vector-store.yaml"


def test_backlinks_on_the_target_page(small_site: Path) -> None:
    page = _read(small_site, "terms/vector-store.html")
    backlinks = page[page.index('id="backlinks"') :]
    assert '<a href="retrieval-augmented-generation.html">检索增强生成 · Retrieval-augmented generation</a>' in backlinks


def test_index_pages(small_site: Path) -> None:
    home = _read(small_site, "index.html")
    assert "4 个术语 · 4 terms" in home
    assert _read(small_site, "a-z.html").count('href="terms/') == 6  # four names and two abbreviations, RAG and LoRA
    pinyin = _read(small_site, "pinyin.html")
    assert pinyin.index("重排") < pinyin.index("低秩适配") < pinyin.index("检索增强生成") < pinyin.index("向量数据库")
    assert "chóng" not in pinyin and "chong pai" in pinyin  # the pinyin override is shown as written
    category = _read(small_site, "categories/applications.html")
    assert 'href="../terms/retrieval-augmented-generation.html"' in category and 'href="../terms/chong-pai.html"' in category
    assert "Agent" in _read(small_site, "shared-names.html")


def test_term_pages_stay_out_of_the_navigation(small_site: Path) -> None:
    home = _read(small_site, "index.html")
    nav = home[home.index('<nav class="md-nav md-nav--primary"') :]
    assert "terms/" not in nav[: nav.index("</nav>")]


class _Attributes(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.handlers: list[str] = []
        self.scripts: list[str] = []
        self.hrefs: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handlers += [f"{tag} {k}" for k, _ in attrs if k.startswith("on")]
        self.hrefs += [v or "" for k, v in attrs if k in ("href", "src")]
        # Only scripts a browser runs count; JSON data blocks (hover cards) are inert text.
        self._in_script = tag == "script" and dict(attrs).get("type") in (None, "text/javascript", "module")

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.scripts.append(data)

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False


def test_hostile_content_comes_out_inert(tmp_path: Path) -> None:
    project = make_project(tmp_path, FIXTURES / "hostile-glossary")
    result = run_mkdocs(project, "build", "--strict", "--site-dir", str(tmp_path / "site"))
    assert result.returncode == 0, result.stderr
    for page in ("terms/evil.html", "terms/plain.html", "index.html", "a-z.html", "pinyin.html", "categories/concepts.html"):
        parsed = _Attributes()
        parsed.feed(_read(tmp_path / "site", page))
        assert parsed.handlers == [], page
        assert not any("__pwned" in s for s in parsed.scripts), page
        assert not any(h.strip().lower().startswith(("javascript:", "data:")) for h in parsed.hrefs), page


def test_broken_glossary_fails_the_build_with_every_problem_and_no_traceback(tmp_path: Path) -> None:
    project = make_project(tmp_path, FIXTURES / "bad-input" / "several-files-broken" / "glossary")
    digest = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in (project / "glossary").iterdir()}
    result = run_mkdocs(project, "build", "--strict", "--site-dir", str(tmp_path / "site"))
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "Traceback" not in output
    expected = (FIXTURES / "bad-input" / "several-files-broken" / "expected.txt").read_text(encoding="utf-8")
    for line in expected.splitlines():
        assert line in output
    assert "3 problems in 3 files" in output
    assert digest == {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in (project / "glossary").iterdir()}


def test_the_real_site_builds_strictly_without_touching_sources(real_build: RealBuild) -> None:
    built = {p.stem for p in (real_build.site / "terms").glob("*.html")}
    assert built == {p.stem for p in (REPO / "glossary").glob("*.yaml")}
    assert source_digest() == real_build.sources_before


def test_reference_urls_cannot_inject_links_or_handlers(tmp_path: Path) -> None:
    glossary = tmp_path / "glossary-source"
    glossary.mkdir()
    term = (FIXTURES / "hostile-glossary" / "plain.yaml").read_text(encoding="utf-8").replace("related: [evil]\n", "")
    urls = ["https://example.org/)[x](javascript:window.__pwned=16)", "https://example.org/){:onclick=window.__pwned=17}"]
    term += "references:\n" + "".join(f"  - title: T{i}\n    url: '{url}'\n" for i, url in enumerate(urls))
    term = term.replace("见[[evil]]。", "正文。").replace('See "><script>window.__pwned=5</script> for', "See")
    (glossary / "plain.yaml").write_text(term, encoding="utf-8")
    project = make_project(tmp_path / "project", glossary)
    result = run_mkdocs(project, "build", "--strict", "--site-dir", str(tmp_path / "site"))
    assert result.returncode == 0, result.stderr
    parsed = _Attributes()
    parsed.feed(_read(tmp_path / "site", "terms/plain.html"))
    assert parsed.handlers == []
    assert not any(h.strip().lower().startswith(("javascript:", "data:")) for h in parsed.hrefs)


def test_the_site_ships_nothing_no_page_loads(real_site: Path) -> None:
    # Material's own search payload and source maps: glossary-search.js does the searching.
    assert not (real_site / "assets" / "javascripts" / "lunr").exists()
    assert not (real_site / "assets" / "javascripts" / "workers").exists()
    assert not (real_site / "search" / "search_index.json").exists()
    assert list(real_site.glob("assets/**/*.map")) == []
    assert (real_site / "search" / "glossary-names.js").is_file() and (real_site / "search" / "glossary-text.js").is_file()
