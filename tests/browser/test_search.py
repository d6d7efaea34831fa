"""The search regression suite and search behaviour, through the real search box in Chromium,
on the real site opened from disk with every non-file:// request blocked."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote

import pytest
import yaml
from offline_page import OfflinePage, search_outcomes

QUERIES = yaml.safe_load((Path(__file__).parents[1] / "search_queries.yaml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def search_page(browser, real_site: Path):
    context = browser.new_context()
    page = OfflinePage(context.new_page())
    page.page.goto((real_site / "index.html").as_uri())
    page.page.keyboard.press("s")
    yield page
    assert page.blocked == [] and page.errors == []
    context.close()


@pytest.mark.parametrize("case", QUERIES, ids=[f"{c['kind']}:{c['query']}" for c in QUERIES])
def test_query_finds_the_term_first(search_page: OfflinePage, case: dict, request: pytest.FixtureRequest) -> None:
    results = search_page.search(case["query"])
    search_outcomes(request.config).append((case["query"], case["first"], results[:1]))
    assert results[:1] == [case["first"]], f"{case['query']!r}: got {results[:5]}"
    for other in case.get("also", []):
        assert other in results[:5], f"{case['query']!r}: {other} not in the first five {results[:5]}"
    everything = search_page.all_results(case["query"])
    for other in case.get("found", []):
        assert other in everything, f"{case['query']!r}: {other} not found at all"


def test_suite_covers_every_kind_of_query() -> None:
    kinds = {c["kind"] for c in QUERIES}
    assert len(QUERIES) >= 60
    assert {"zh-exact", "zh-part", "zh-short-form", "en-case", "en-spacing", "en-plural", "en-word", "abbr", "alias", "mixed"} <= kinds
    assert sum(1 for c in QUERIES if c.get("finding")) >= 20


def test_adding_a_word_narrows_the_results(search_page: OfflinePage) -> None:
    broad = search_page.all_results("模型")
    narrow = search_page.all_results("模型 量化")
    narrower = search_page.all_results("模型 量化 int8")
    assert len(broad) > len(narrow) > len(narrower) > 0
    assert set(narrower) <= set(narrow) <= set(broad)


def test_no_results_says_so(search_page: OfflinePage) -> None:
    assert search_page.search("zzqqxx不存在的词") == []
    assert "没有找到" in search_page.page.text_content(".md-search-result__meta")


def test_keyboard_opens_search_and_follows_a_result_with_highlight(offline: OfflinePage, real_site: Path) -> None:
    page = offline.page
    page.goto((real_site / "terms" / "rag.html").as_uri())
    page.keyboard.press("/")
    assert page.evaluate("document.getElementById('__search').checked")
    assert page.evaluate("document.activeElement.classList.contains('md-search__input')")
    assert offline.search("低秩")[0] == "lora"
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.classList.contains('md-search-result__link')")
    page.keyboard.press("Enter")
    page.wait_for_url("**/terms/lora.html?h=*")
    marks = page.eval_on_selector_all("article mark", "ms => ms.map(m => m.textContent)")
    assert marks and set(marks) == {"低秩"}
    page.keyboard.press("s")
    page.keyboard.press("Escape")
    assert not page.evaluate("document.getElementById('__search').checked")
    assert offline.blocked == [] and offline.errors == []


def test_suggestion_completes_the_name_and_tab_accepts_it(offline: OfflinePage, real_site: Path) -> None:
    page = offline.page
    page.goto((real_site / "index.html").as_uri())
    page.keyboard.press("s")
    offline.search("Retrieval-aug")
    assert page.text_content(".md-search__suggest") == "Retrieval-augmented generation"
    page.keyboard.press("Tab")
    assert page.input_value(".md-search__input") == "Retrieval-augmented generation"


def test_site_works_offline_from_disk(offline: OfflinePage, real_site: Path) -> None:
    page = offline.page
    page.goto((real_site / "index.html").as_uri())
    # Styles: Material's stylesheet is applied (the header is coloured, not transparent).
    assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).backgroundColor") not in ("", "rgba(0, 0, 0, 0)")
    # Icons: inline SVGs are drawn with a size.
    assert page.evaluate("document.querySelector('.md-search__icon svg').getBoundingClientRect().width") > 0
    assert page.evaluate("document.querySelector('.md-source__icon svg').getBoundingClientRect().width") > 0
    # Navigation: nav and content links lead to real pages.
    page.click("nav.md-nav--primary >> text=A–Z")
    page.wait_for_url("**/a-z.html")
    page.get_by_role("link", name="Low-rank adaptation", exact=True).click()
    page.wait_for_url("**/terms/lora.html")
    assert "低秩适配" in page.text_content("h1")
    page.click(".gl-facts a")
    page.wait_for_url("**/categories/*.html")
    assert offline.blocked == [] and offline.errors == []


def test_a_discouraged_name_finds_its_term_and_is_labelled(search_page: OfflinePage) -> None:
    assert search_page.search("回报模型")[0] == "reward-model"
    via = search_page.page.text_content(".md-search-result__item:first-child .gl-result-via")
    assert via == "不推荐译名 · discouraged：回报模型"
    assert search_page.search("Facebook, Inc.")[0] == "meta"
    assert search_page.page.text_content(".md-search-result__item:first-child .gl-result-via") == "旧称 · former name：Facebook, Inc."
    assert search_page.search("偏好模型")[0] == "reward-model"
    assert search_page.page.text_content(".md-search-result__item:first-child .gl-result-via") == "也作 · also：偏好模型"
    search_page.search("奖励模型")  # the headword itself: no extra line
    assert search_page.page.query_selector(".md-search-result__item:first-child .gl-result-via") is None


def test_a_term_page_shows_name_status_and_review_date(offline: OfflinePage, real_site: Path) -> None:
    page = offline.page
    page.goto((real_site / "terms" / "reward-model.html").as_uri())
    facts = page.inner_text(".gl-facts")
    assert "推荐名称 · Recommended：奖励模型 · Reward model" in facts
    discouraged = page.inner_text(".gl-names-discouraged")
    assert discouraged.startswith("不推荐 · Discouraged：回报模型（") and "return" in discouraged
    assert page.evaluate("getComputedStyle(document.querySelector('.gl-names-discouraged strong')).color") != page.evaluate(
        "getComputedStyle(document.querySelector('.gl-facts strong')).color"
    )
    assert "审校于 · Reviewed：2026-12-03" in facts
    assert offline.blocked == [] and offline.errors == []


def test_nothing_is_searched_while_an_input_method_is_composing(offline: OfflinePage, real_site: Path) -> None:
    page = offline.page
    page.goto((real_site / "index.html").as_uri())
    page.keyboard.press("s")
    page.evaluate("window.__glossarySearch.load()")
    # What a pinyin input method does while the reader types damoxing: composition events around
    # input events whose value is unfinished Latin letters; then it commits 大模型.
    page.evaluate(
        """() => {
          const input = document.querySelector('.md-search__input');
          input.dispatchEvent(new CompositionEvent('compositionstart', {data: ''}));
          for (const partial of ['d', 'da', 'damo', 'damoxing']) {
            input.value = partial;
            input.dispatchEvent(new InputEvent('input', {data: partial, isComposing: true, inputType: 'insertCompositionText'}));
          }
        }"""
    )
    box = "[data-gl-search-result]"
    assert page.get_attribute(box, "data-rendered-query") is None  # nothing rendered for the letters
    assert page.inner_text(".md-search-result__list") == ""
    page.evaluate(
        """() => {
          const input = document.querySelector('.md-search__input');
          input.value = '大模型';
          input.dispatchEvent(new CompositionEvent('compositionend', {data: '大模型'}));
        }"""
    )
    page.wait_for_function("() => document.querySelector('[data-gl-search-result]').dataset.renderedQuery === '大模型'")
    first = page.get_attribute(".md-search-result__item:first-child a", "href")
    assert "terms/large-model.html" in first
    assert offline.errors == []


@pytest.mark.parametrize(
    ("query", "first"),
    [("什么是RAG", "rag"), ("大语言模型是什么？", "llm"), ("what is LoRA", "lora"), ("What is a transformer?", "transformer")],
)
def test_question_forms_find_their_term(search_page: OfflinePage, query: str, first: str) -> None:
    assert search_page.search(query)[0] == first


def test_no_match_offers_to_suggest_the_term(search_page: OfflinePage) -> None:
    assert search_page.search("zzqqxx不存在的词") == []
    link = search_page.page.query_selector(".md-search-result__meta a.gl-suggest-term")
    assert link is not None and link.inner_text() == "建议收录 · Suggest this term"
    href = link.get_attribute("href")
    assert href.startswith("https://github.com/ai-glossary/ai-glossary/issues/new?template=new-term.yml&title=")
    assert "zzqqxx" in unquote(href)


def test_tab_out_of_search_closes_it_and_escape_returns_focus(offline: OfflinePage, real_site: Path) -> None:
    page = offline.page
    page.goto((real_site / "terms" / "rag.html").as_uri())
    page.evaluate("() => { const a = document.querySelector('.md-content article p a'); a.dataset.glProbe = 'here'; a.focus(); }")
    page.keyboard.press("/")
    assert page.evaluate("document.getElementById('__search').checked")
    page.keyboard.press("Escape")
    assert not page.evaluate("document.getElementById('__search').checked")
    assert page.evaluate("document.activeElement.dataset.glProbe") == "here"
    page.keyboard.press("/")
    page.keyboard.type("zzqq")  # no suggestion to accept: Tab moves on and closes the overlay
    page.keyboard.press("Tab")
    assert not page.evaluate("document.getElementById('__search').checked")
    assert offline.errors == []


def test_a_name_equal_in_both_languages_is_shown_once(search_page: OfflinePage, real_site: Path, offline: OfflinePage) -> None:
    search_page.search("Transformer")
    title = search_page.page.inner_text(".md-search-result__item:first-child h1")
    assert title == "Transformer"
    page = offline.page
    page.goto((real_site / "terms" / "transformer.html").as_uri())
    assert page.inner_text("h1.gl-title").strip() == "Transformer"
    assert page.title().startswith("Transformer - ")
    a_z = (real_site / "a-z.html").read_text(encoding="utf-8")
    assert "Transformer</a> · Transformer" not in a_z


@pytest.mark.parametrize(
    ("query", "first"),
    [
        ("jiansuo zengqiang", "rag"),  # full syllables with a space
        ("jiansuozengqiang", "rag"),  # and without
        ("jszqsc", "rag"),  # initials
        ("canchawangluo", "resnet"),  # 残差 read cán chā, not chà
        ("wei tiao", "fine-tuning"),  # 微调 read wēi tiáo
        ("微調", "fine-tuning"),  # Traditional characters fold to Simplified
        ("檢索增強生成", "rag"),
        ("trasnformer", "transformer"),  # one typo in a Latin name of 5+ letters
        ("backpropagtion", "backpropagation"),
    ],
)
def test_pinyin_traditional_and_typos_find_the_term(search_page: OfflinePage, query: str, first: str) -> None:
    assert search_page.search(query)[:1] == [first]


def test_latin_queries_match_at_word_starts_only(search_page: OfflinePage) -> None:
    results = search_page.all_results("rag")
    assert results[0] == "rag"
    assert "pooling" not in results  # 'average pooling' holds 'rag' only inside a word
    assert "retrieval-augmented" not in "".join(results)
    # A later word of a name is still found from its start ('generation' in retrieval-augmented generation).
    assert "rag" in search_page.all_results("augmented generation")[:3]


def test_the_result_says_which_kind_of_name_matched(search_page: OfflinePage) -> None:
    search_page.search("jszqsc")
    assert search_page.page.text_content(".md-search-result__item:first-child .gl-result-via").startswith("拼音首字母 · pinyin initials：")
    search_page.search("trasnformer")
    assert search_page.page.text_content(".md-search-result__item:first-child .gl-result-via") == "拼写相近 · close spelling：Transformer"


def test_results_render_a_batch_at_a_time_and_more_on_scroll_or_arrow_down(search_page: OfflinePage) -> None:
    page = search_page.page
    ranking = search_page.all_results("模型")
    assert len(ranking) > 30
    assert search_page.search("模型") == ranking[:10]  # one batch: laying out all fifty made every keystroke slow
    page.eval_on_selector(".md-search__scrollwrap", "box => { box.scrollTop = box.scrollHeight; }")
    page.wait_for_function("document.querySelectorAll('.md-search-result__item').length >= 20")
    page.focus(".md-search-result__item:nth-child(20) .md-search-result__link")
    page.keyboard.press("ArrowDown")  # from the last result of a batch into the next one
    assert page.evaluate("document.activeElement === document.querySelectorAll('.md-search-result__link')[20]")
    hrefs = page.eval_on_selector_all(".md-search-result__link", "links => links.map(a => a.getAttribute('href'))")
    assert [href.split("?")[0].rsplit("/", 1)[-1].removesuffix(".html") for href in hrefs] == ranking[: len(hrefs)]
