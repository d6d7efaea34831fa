"""Page Markdown from a checked glossary: links, escaping, ordering, shared names."""

from __future__ import annotations

import re

import pytest
from glossary_core.chinese import sort_key, spoken
from glossary_core.index_pages import a_z_page, pinyin_page
from glossary_core.load import load_glossary
from glossary_core.model import Bilingual, Glossary, Term
from glossary_core.render import Heading, content_markdown
from glossary_core.schema import categories
from glossary_core.site import all_pages
from glossary_core.term_pages import term_page
from support import FIXTURES, REPO


@pytest.fixture(scope="module")
def small() -> Glossary:
    glossary, problems = load_glossary(FIXTURES / "small-glossary", FIXTURES)
    assert problems == []
    return glossary


def _term(id: str, zh: str, en: str, **kw) -> Term:
    return Term(id, zh, en, "concepts", Bilingual("一句话定义。", "A definition."), Bilingual("正文", "Body"), **kw)


def test_inline_links_use_the_name_in_the_language_of_the_text(small: Glossary) -> None:
    page = term_page(small.terms["retrieval-augmented-generation"], small).html
    assert '<a href="vector-store.html">向量数据库</a>' in page  # zh text, default name
    assert '<a href="vector-store.html">Vector database</a>' in page  # en text, default name
    assert '<a href="low-rank-adaptation.html">低秩适配</a>' in page and '<a href="low-rank-adaptation.html">LoRA</a>' in page


def test_backlinks_come_from_related_and_inline_links(small: Glossary) -> None:
    assert small.backlinks["vector-store"] == ("retrieval-augmented-generation",)
    assert set(small.backlinks["retrieval-augmented-generation"]) == {"low-rank-adaptation"}


def test_shared_names_are_found_and_shown_on_each_page(small: Glossary) -> None:
    assert small.shared_names == {"agent": ("low-rank-adaptation", "vector-store")}
    page = term_page(small.terms["vector-store"], small).html
    assert "“Agent” 也指" in page and 'href="low-rank-adaptation.html"' in page


def test_term_page_edits_its_yaml_and_stays_out_of_the_nav(small: Glossary) -> None:
    page = term_page(small.terms["vector-store"], small)
    assert page.uri == "terms/vector-store.md"
    assert page.slot.edit_path == "small-glossary/vector-store.yaml"
    assert page.slot.in_nav is False


def test_raw_html_in_content_is_inert_but_code_is_kept() -> None:
    out = content_markdown('x <script>alert(1)</script> <img src=x onerror="alert(2)"> &#106;s `<b>` y')
    assert "<script" not in out and "<img" not in out and "&#106;" not in out
    assert "&lt;script>" in out and "&amp;#106;" in out and "`<b>`" in out


def test_hostile_names_are_escaped_everywhere() -> None:
    evil = _term("evil", "<script>alert(1)</script>", 'x" onmouseover="alert(1)', abbr="<b>")
    other = _term("other", "其他", "Other", related=("evil",))
    glossary = Glossary({"evil": evil, "other": other}, categories(), backlinks={"evil": ("other",)})
    for page in all_pages(glossary):
        for text in (page.front_matter, page.html):
            assert "<script>" not in text and "<b>" not in text, page.uri
        assert 'x" onmouseover' not in page.html, page.uri  # no attribute can be closed early


def test_polyphonic_characters_in_ai_words() -> None:
    assert spoken(_term("a", "指令微调", "Instruction tuning")) == "zhǐ lìng wēi tiáo"
    assert spoken(_term("b", "权重", "Weights")) == "quán zhòng"
    assert spoken(_term("c", "重排", "Rerank", pinyin="chong pai")) == "chong pai"


def test_pinyin_index_is_ordered_by_pinyin_and_grouped_by_initial(small: Glossary) -> None:
    page = pinyin_page(small)
    text = page.html
    order = [text.index(name) for name in ("重排", "低秩适配", "检索增强生成", "向量数据库")]  # c, d, j, x
    assert order == sorted(order)
    assert '<h2 id="c">C<a class="headerlink"' in text and '<h2 id="x">X<a' in text
    assert [h.anchor for h in page.toc] == ["c", "d", "j", "x"]  # the table of contents
    assert sort_key(small.terms["chong-pai"])[0] == "chong pai"


def test_a_to_z_lists_names_and_abbreviations(small: Glossary) -> None:
    text = a_z_page(small).html
    link = '<a href="terms/retrieval-augmented-generation.html"><span lang="en">RAG</span></a>'
    assert f"<li>{link} (Retrieval-augmented generation) · 检索增强生成</li>" in text
    assert text.index('<h2 id="l">') < text.index('<h2 id="r">') < text.index('<h2 id="v">')


# Words that pypinyin reads wrongly on its own, with the reading a Chinese reader expects.
POLYPHONES = {
    "残差连接": "cán chā lián jiē",
    "残差网络": "cán chā wǎng luò",
    "文本分类": "wén běn fēn lèi",
    "图像分类": "tú xiàng fēn lèi",
    "方差": "fāng chā",
    "长上下文": "cháng shàng xià wén",
    "微调": "wēi tiáo",
    "指令微调": "zhǐ lìng wēi tiáo",
    "重排序": "chóng pái xù",
    "调参": "tiáo cān",
    "长短期记忆": "cháng duǎn qī jì yì",
    "差分隐私": "chā fēn yǐn sī",
    "强化学习": "qiáng huà xué xí",
}


@pytest.mark.parametrize(("name", "reading"), POLYPHONES.items())
def test_polyphones_read_as_in_ai_writing(name: str, reading: str) -> None:
    term = Term("x", name, "X", "concepts", Bilingual("定义。", "Definition."), Bilingual("正文。", "Body."))
    assert spoken(term) == reading


def test_latin_only_names_get_no_pinyin_and_punctuation_keeps_to_its_syllable() -> None:
    def term(zh: str) -> Term:
        return Term("x", zh, "X", "concepts", Bilingual("定义。", "Definition."), Bilingual("正文。", "Body."))

    assert spoken(term("LoRA")) == ""
    assert spoken(term("查询、键、值")) == "chá xún、 jiàn、 zhí"


def test_a_and_pinyin_pages_file_punctuated_names_under_their_letter_and_name_the_other_group() -> None:
    from glossary_core.chinese import initial

    quoted = Term(
        "aiayn",
        "《Attention Is All You Need》",
        "Attention Is All You Need",
        "research-practice",
        Bilingual("论文。", "Paper."),
        Bilingual("正文。", "Body."),
    )
    assert initial(quoted) == "A"
    page = a_z_page(
        Glossary(
            {"x": Term("x", "八位整数", "8-bit integer", "concepts", Bilingual("定义。", "Definition."), Bilingual("正文。", "Body."))},
            categories(),
        )
    ).html
    assert '<h2 id="other">数字及其他 · Digits and other<a' in page


def test_headings_of_html_pages_carry_the_permalink_mkdocs_gives_the_others() -> None:
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    title = re.search(r"permalink_title: (.+)", config).group(1).strip()
    assert Heading("en", "English", "en").html() == (
        f'<h2 id="en" lang="en">English<a class="headerlink" href="#en" title="{title}">&para;</a></h2>'
    )
