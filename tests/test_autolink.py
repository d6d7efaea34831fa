"""Automatic links: every rule of issue 5 on a small hand-made glossary, with the real jieba."""

from __future__ import annotations

import json

import pytest
from glossary_core.autolink import Linker
from glossary_core.chinese import ChineseSegmenter
from glossary_core.model import Alias, Bilingual, Glossary, Term
from glossary_core.schema import categories
from glossary_core.site import build_site
from glossary_core.term_pages import card_scripts, term_page


def _term(id: str, zh: str, en: str, abbr: str | None = None, category: str = "concepts", **kw) -> Term:
    return Term(id, zh, en, category, Bilingual("一句话定义。", "A one-line definition."), Bilingual("正文。", "Body."), abbr=abbr, **kw)


TERMS = [
    _term("llm", "大语言模型", "Large language model", "LLM"),
    _term("lm", "语言模型", "Language model"),
    _term("quantization", "量化", "Quantization"),
    _term("qat", "量化感知训练", "Quantization-aware training", "QAT"),
    _term("rag", "检索增强生成", "Retrieval-augmented generation", "RAG"),
    _term("data", "数据", "Data"),
    _term("chain", "链", "Chain", category="tools"),
    _term("meta", "Meta", "Meta", category="companies-products"),
    _term("ai-agent", "AI 智能体", "AI agent", aliases=(Alias("Agent", "en"),)),
    _term("rl-agent", "强化学习智能体", "RL agent", aliases=(Alias("Agent", "en"),)),
    _term("page", "本页术语", "This page"),
]


@pytest.fixture(scope="module")
def glossary() -> Glossary:
    terms = {t.id: t for t in TERMS}
    return Glossary(terms, categories(), links={t: () for t in terms}, shared_names={"agent": ("ai-agent", "rl-agent")})


@pytest.fixture(scope="module")
def linker(glossary: Glossary) -> Linker:
    return Linker(glossary, ChineseSegmenter(n for t in TERMS for n in t.names))


def link(linker: Linker, text: str, page: str = "page", already: set[str] | None = None) -> str:
    return linker.annotate(text, page, already if already is not None else set())[0]


def test_longest_match_wins(linker: Linker) -> None:
    assert link(linker, "它是一个大语言模型。") == "它是一个[[llm|大语言模型]]。"
    assert link(linker, "采用量化感知训练的模型") == "采用[[qat|量化感知训练]]的模型"
    assert link(linker, "Each large language model differs.") == "Each [[llm|large language model]] differs."


def test_chinese_names_match_inside_chinese_text_without_spaces(linker: Linker) -> None:
    assert link(linker, "用LLM做量化") == "用[[llm|LLM]]做[[quantization|量化]]"
    assert link(linker, "这些数据很干净") == "这些[[data|数据]]很干净"


def test_chinese_names_do_not_match_inside_a_longer_word(linker: Linker) -> None:
    assert link(linker, "把结果写入数据库") == "把结果写入数据库"  # 数据库 is one word; 数据 is inside it
    assert link(linker, "区块链和思维链") == "区块链和思维链"  # one-character names never link


def test_english_names_match_on_word_boundaries(linker: Linker) -> None:
    assert link(linker, "quantizations and prequantization") == "quantizations and prequantization"
    assert link(linker, "Quantization, then data.") == "[[quantization|Quantization]], then [[data|data]]."


def test_abbreviations_and_proper_names_are_case_sensitive(linker: Linker) -> None:
    assert link(linker, "a rag doll") == "a rag doll"
    assert link(linker, "RAG helps") == "[[rag|RAG]] helps"
    assert link(linker, "meta information about Meta") == "meta information about [[meta|Meta]]"


def test_only_the_first_mention_in_a_section(linker: Linker) -> None:
    linked: set[str] = set()
    first = link(linker, "RAG 和 RAG", already=linked)
    second = link(linker, "再说 RAG", already=linked)
    assert first == "[[rag|RAG]] 和 RAG" and second == "再说 RAG"


def test_code_headings_links_and_urls_are_left_alone(linker: Linker) -> None:
    text = "# RAG\n`RAG` and\n```\nRAG\n```\n[RAG](https://example.org/RAG) [[llm|RAG]] https://x.org/RAG"
    assert link(linker, text) == text


def test_never_a_link_to_the_page_itself_nor_inside_its_own_name(linker: Linker) -> None:
    assert link(linker, "RAG 即检索增强生成", page="rag") == "RAG 即检索增强生成"
    # "语言模型" inside the page's own name 大语言模型 must not link to lm.
    assert link(linker, "大语言模型", page="llm") == "大语言模型"


def test_opted_out_passages_stay_plain(linker: Linker, glossary: Glossary) -> None:
    assert link(linker, "[[!RAG]] 与 RAG") == "[[!RAG]] 与 [[rag|RAG]]"
    page = Term(
        "page", "本页术语", "This page", "concepts", Bilingual("一句话定义。", "One line."), Bilingual("[[!RAG]] 不链接。", "Body.")
    )
    html = term_page(page, glossary).html
    assert "RAG 不链接" in html and "[[!" not in html


def test_shared_names_lead_to_a_choice(linker: Linker, glossary: Glossary) -> None:
    assert link(linker, "An Agent acts.") == "An [[ai-agent+rl-agent|Agent]] acts."
    assert link(linker, "An Agent acts.", page="ai-agent") == "An Agent acts."  # the page's own name
    page = Term("page", "本页术语", "This page", "concepts", Bilingual("一句话定义。", "One line."), Bilingual("正文。", "An Agent acts."))
    html = term_page(page, glossary, {("body", "en"): link(linker, "An Agent acts.")}).html
    assert '<a href="../shared-names.html#n-' in html and 'data-gl-choice="ai-agent rl-agent">Agent</a>' in html


def test_backlinks_count_automatic_links(glossary: Glossary) -> None:
    page = Term(
        "page", "本页术语", "This page", "concepts", Bilingual("一句话定义。", "One line."), Bilingual("用大语言模型。", "Uses RAG.")
    )
    site = build_site(Glossary({**glossary.terms, "page": page}, categories(), links={t: () for t in glossary.terms}))
    assert "page" in site.glossary.backlinks["llm"] and "page" in site.glossary.backlinks["rag"]


def test_hover_cards_are_scripts_per_term_that_hold_text_only(glossary: Glossary) -> None:
    evil = Term("evil", "恶意", "Evil", "concepts", Bilingual("</script>[[llm]]「x」。", "x"), Bilingual("正文。", "Body."))
    g = Glossary({**glossary.terms, "evil": evil}, categories())
    cards = dict(card_scripts(g))
    assert set(cards) == {f"cards/{t}.js" for t in g.terms}
    prefix = 'window.__glossaryCard("evil",'
    assert cards["cards/evil.js"].startswith(prefix)
    # JSON is JavaScript: the card is data, and the link reads as the name the reader sees.
    assert json.loads(cards["cards/evil.js"][len(prefix) : -3]) == ["恶意", "Evil", "", "</script>大语言模型「x」。", "x"]
