"""What a reader sees first on a term page, in Chromium from file://, desktop and phone."""

from __future__ import annotations

from pathlib import Path

import pytest

VIEWPORTS = {"desktop": {"width": 1366, "height": 900}, "phone": {"width": 390, "height": 844}}

# WCAG contrast of an element's text against the first opaque background behind it.
CONTRAST = """
(selector) => {
  const rgb = c => c.match(/[\\d.]+/g).map(Number);
  const channel = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
  const lum = ([r, g, b]) => 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
  const over = (fg, bg) => { const a = fg.length > 3 ? fg[3] : 1; return [0, 1, 2].map(i => fg[i] * a + bg[i] * (1 - a)); };
  let node = document.querySelector(selector), bg = null;
  for (let n = node; n && !bg; n = n.parentElement) {
    const c = rgb(getComputedStyle(n).backgroundColor);
    if (c.length < 4 || c[3] > 0) bg = c.slice(0, 3);
  }
  bg = bg || [255, 255, 255];
  const fg = over(rgb(getComputedStyle(node).color), bg);
  const [hi, lo] = [lum(fg), lum(bg)].sort((a, b) => b - a);
  return (hi + 0.05) / (lo + 0.05);
}
"""


@pytest.mark.parametrize("viewport", VIEWPORTS, ids=list(VIEWPORTS))
@pytest.mark.parametrize("term", ["rag", "lora", "transformer"])
def test_both_definitions_are_above_the_fold(browser, real_site: Path, viewport: str, term: str) -> None:
    size = VIEWPORTS[viewport]
    context = browser.new_context(viewport=size, is_mobile=viewport == "phone", has_touch=viewport == "phone")
    page = context.new_page()
    page.goto((real_site / "terms" / f"{term}.html").as_uri())
    leads = page.eval_on_selector_all(
        ".md-content article .gl-lead", "ps => ps.map(p => [p.getAttribute('lang'), p.getBoundingClientRect().bottom])"
    )
    assert [lang for lang, _ in leads] == [None, "en"]  # Chinese, then English, before anything else of the entry
    assert all(bottom <= size["height"] for _, bottom in leads), leads
    title = page.eval_on_selector(".gl-title", "h => h.getBoundingClientRect().top")
    facts = page.eval_on_selector(".gl-facts", "f => f.getBoundingClientRect().top")
    assert title < leads[0][1] < facts  # title, definitions, then names and category
    context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_headwords_have_enough_contrast(browser, real_site: Path, scheme: str) -> None:
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    page.goto((real_site / "terms" / "rag.html").as_uri())
    for selector in (".gl-title .gl-zh", ".gl-title .gl-en"):
        assert page.evaluate(CONTRAST, selector) >= 4.5, (scheme, selector)
    context.close()


def test_a_chinese_title_keeps_its_words_together_on_a_phone(browser, real_site: Path) -> None:
    context = browser.new_context(viewport=VIEWPORTS["phone"], is_mobile=True)
    page = context.new_page()
    page.goto((real_site / "terms" / "rlhf.html").as_uri())
    # The name moves to a line of its own rather than leaving one character behind (强化学 / 习).
    lines = page.eval_on_selector(".gl-title .gl-zh", "s => s.getClientRects().length")
    assert lines == 1
    assert page.evaluate("document.documentElement.scrollWidth") <= VIEWPORTS["phone"]["width"]
    context.close()


def test_language_tags_and_bilingual_interface(offline, real_site: Path) -> None:
    page = offline.page
    page.goto((real_site / "terms" / "rag.html").as_uri())
    assert page.eval_on_selector("html", "h => h.lang") == "zh-Hans"
    assert page.eval_on_selector(".gl-title .gl-en", "s => s.lang") == "en"
    html = (real_site / "terms" / "rag.html").read_text(encoding="utf-8")
    labels = ("目录 · Contents", "回到顶部 · Back to top", "编辑此页 · Edit this page")
    labels += ("跳转到正文 · Skip to content", "本段链接 · Permanent link")
    for label in labels:
        assert label in html, label
    assert "首页 · Home" in page.inner_text(".gl-crumbs") and "应用与任务 · Applications and tasks" in page.inner_text(".gl-crumbs")


def test_a_long_referenced_by_list_folds_after_a_dozen(offline, real_site: Path) -> None:
    page = offline.page
    page.goto((real_site / "terms" / "transformer.html").as_uri())
    shown = page.eval_on_selector_all("h2#backlinks + ul > li", "items => items.length")
    assert shown == 12
    folded = page.locator("details.gl-more")
    assert folded.count() == 1 and not folded.evaluate("d => d.open")
    summary = page.inner_text("details.gl-more > summary")
    assert "个 ·" in summary
    # The rest is not on the page: it loads when the reader unfolds the list, from disk.
    assert folded.locator("li").count() == 0
    page.click("details.gl-more > summary")
    more = int(summary.split(" ")[1])
    page.wait_for_function(f"document.querySelectorAll('details.gl-more li a').length === {more}")
    first = folded.locator("li a").first
    assert first.get_attribute("href").endswith(".html") and " · " in first.inner_text()
    first.click()
    page.wait_for_url("**/terms/*.html")
    assert offline.blocked == [] and offline.errors == []


def test_the_404_page_is_styled_from_disk_bilingual_and_offers_search(offline, real_site: Path) -> None:
    page = offline.page
    page.goto((real_site / "404.html").as_uri())
    assert page.inner_text("h1") == "找不到这个页面 · Page not found"
    # Material's stylesheet loaded: the header has its colour, not an unstyled page.
    assert page.eval_on_selector(".md-header", "h => getComputedStyle(h).position") in ("sticky", "fixed")
    page.keyboard.press("s")
    assert offline.search("rag")[0] == "rag"
    assert offline.blocked == [] and offline.errors == []


def test_arriving_from_search_the_address_drops_h_and_highlights_can_be_cleared(offline, real_site: Path) -> None:
    page = offline.page
    page.goto((real_site / "terms" / "lora.html").as_uri() + "?h=低秩")
    assert page.locator("article mark").count() > 0
    assert "?h=" not in page.url  # a copied link carries no highlights
    page.click(".gl-clear-marks")
    assert page.locator("article mark").count() == 0 and page.locator(".gl-clear-marks").count() == 0


def test_print_shows_address_review_date_licence_and_reference_urls(offline, real_site: Path) -> None:
    page = offline.page
    page.goto((real_site / "terms" / "rag.html").as_uri())
    page.emulate_media(media="print")
    note = page.inner_text(".gl-print-only")
    assert "https://ai-glossary.github.io/ai-glossary/terms/rag.html" in note
    assert "审校于 · Reviewed" in note and "CC BY 4.0" in note
    after = page.eval_on_selector("#references + ol a", "a => getComputedStyle(a, '::after').content")
    assert "arxiv.org/abs/2005.11401" in after
    assert page.eval_on_selector("h2#backlinks", "h => getComputedStyle(h).display") == "none"
