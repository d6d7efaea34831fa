"""Hover cards on term links, in Chromium from file://: mouse, keyboard focus and touch."""

from __future__ import annotations

from pathlib import Path

from offline_page import OfflinePage


def _card(page) -> str | None:
    return page.evaluate("(() => { const c = document.getElementById('gl-card'); return c && !c.hidden ? c.textContent : null; })()")


def test_hover_and_focus_show_both_names_and_summaries(offline: OfflinePage, real_site: Path) -> None:
    page = offline.page
    page.goto((real_site / "terms" / "rag.html").as_uri())
    assert _card(page) is None
    link = page.locator("article a[href='llm.html']").first
    link.hover()
    shown = _card(page)
    assert shown and "大语言模型" in shown and "Large language model" in shown and "LLM" in shown
    assert "海量文本" in shown and "billions" in shown  # both one-line summaries
    page.mouse.move(0, 0)
    page.wait_for_function("document.getElementById('gl-card').hidden")
    page.locator("article a[href='vector-database.html']").first.focus()
    assert "向量数据库" in (_card(page) or "")
    page.keyboard.press("Escape")
    assert _card(page) is None
    assert offline.blocked == [] and offline.errors == []


def test_touch_first_tap_shows_the_card_second_tap_follows(browser, real_site: Path) -> None:
    context = browser.new_context(has_touch=True, is_mobile=True, viewport={"width": 400, "height": 800})
    page = OfflinePage(context.new_page())
    page.page.goto((real_site / "terms" / "rag.html").as_uri())
    link = page.page.locator("article a[href='llm.html']").first
    link.tap()
    assert "大语言模型" in (_card(page.page) or "")
    assert page.page.url.endswith("/terms/rag.html")
    link.tap()
    page.page.wait_for_url("**/terms/llm.html")
    context.close()


def test_shared_name_links_offer_the_choice(offline: OfflinePage, real_site: Path) -> None:
    page = offline.page
    page.goto((real_site / "terms" / "hugging-face.html").as_uri())  # its text mentions Transformers, a shared name
    choice = page.locator("article a[href*='shared-names.html#n-']")
    assert choice.count() > 0
    choice.first.hover()
    shown = _card(page) or ""
    assert "同名" in shown
    choice.first.click()
    page.wait_for_url("**/shared-names.html#n-*")
