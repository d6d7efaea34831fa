"""Hover cards on term links, in Chromium from file://: mouse, keyboard focus and touch."""

from __future__ import annotations

from pathlib import Path

from offline_page import OfflinePage


def _card(page) -> str | None:
    return page.evaluate("(() => { const c = document.getElementById('gl-card'); return c && !c.hidden ? c.textContent : null; })()")


def _shown(page) -> str:
    """The card's text once it shows: its data is a small script loaded on the first hover."""
    page.wait_for_function("(() => { const c = document.getElementById('gl-card'); return c && !c.hidden; })()", timeout=5000)
    return _card(page) or ""


def test_hover_and_focus_show_both_names_and_summaries(offline: OfflinePage, real_site: Path) -> None:
    page = offline.page
    page.goto((real_site / "terms" / "rag.html").as_uri())
    assert _card(page) is None
    link = page.locator("article a[href='llm.html']").first
    link.hover()
    shown = _shown(page)
    assert shown and "大语言模型" in shown and "Large language model" in shown and "LLM" in shown
    assert "海量文本" in shown and "billions" in shown  # both one-line summaries
    page.mouse.move(0, 0)
    page.wait_for_function("document.getElementById('gl-card').hidden")
    page.locator("article a[href='vector-database.html']").first.focus()
    assert "向量数据库" in _shown(page)
    page.keyboard.press("Escape")
    assert _card(page) is None
    assert offline.blocked == [] and offline.errors == []


def test_touch_one_tap_follows_the_link_and_a_long_press_shows_the_card(browser, real_site: Path) -> None:
    context = browser.new_context(has_touch=True, is_mobile=True, viewport={"width": 390, "height": 844})
    page = OfflinePage(context.new_page())
    page.page.goto((real_site / "terms" / "rag.html").as_uri())
    link = page.page.locator("article a[href='llm.html']").first
    link.tap()
    page.page.wait_for_url("**/terms/llm.html")  # one tap, straight to the page
    page.page.go_back()
    page.page.wait_for_url("**/terms/rag.html")
    # A long press (touch held for longer than half a second) opens the card and stays on the page.
    box = page.page.locator("article a[href='llm.html']").first.bounding_box()
    cdp = context.new_cdp_session(page.page)
    point = [{"x": box["x"] + box["width"] / 2, "y": box["y"] + box["height"] / 2}]
    cdp.send("Input.dispatchTouchEvent", {"type": "touchStart", "touchPoints": point})
    page.page.wait_for_timeout(800)
    cdp.send("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})
    assert "大语言模型" in _shown(page.page)
    assert page.page.url.endswith("/terms/rag.html")
    context.close()


def _card_box(page) -> dict:
    return page.evaluate(
        "(() => { const r = document.getElementById('gl-card').getBoundingClientRect();"
        " return {top: r.top, bottom: r.bottom, left: r.left, right: r.right}; })()"
    )


def test_a_card_near_the_bottom_flips_above_and_stays_inside_the_viewport(browser, real_site: Path) -> None:
    for viewport in ({"width": 1366, "height": 900}, {"width": 390, "height": 844}):
        context = browser.new_context(viewport=viewport)
        page = context.new_page()
        page.goto((real_site / "terms" / "rag.html").as_uri())
        # The last term link in the English text, put a few pixels above the bottom edge.
        link = page.locator("div[lang=en] p a.gl-term-link").last
        page.evaluate(
            "() => { const links = document.querySelectorAll('div[lang=en] p a.gl-term-link'); const a = links[links.length - 1];"
            " a.scrollIntoView({block: 'start'}); window.scrollBy(0, a.getBoundingClientRect().bottom - window.innerHeight + 12); }"
        )
        link.hover()
        assert _shown(page)
        card, anchor = _card_box(page), link.bounding_box()
        assert card["bottom"] <= anchor["y"] + 1, (viewport, card, anchor)  # above the link
        assert card["top"] >= 0 and card["bottom"] <= viewport["height"]
        assert card["left"] >= 0 and card["right"] <= viewport["width"]
        context.close()


def test_related_terms_show_names_with_summaries_in_cards_and_dark_cards_have_an_edge(offline: OfflinePage, real_site: Path) -> None:
    page = offline.page
    page.goto((real_site / "terms" / "rag.html").as_uri())
    related = page.locator("h2#related + ul a").first
    assert related.text_content() == "大语言模型 · Large language model"
    assert "海量文本" not in page.content()  # the summary is the card's, not printed in the list
    related.hover()
    assert "海量文本" in _shown(page)
    page.emulate_media(color_scheme="dark")
    page.reload()
    page.locator("article p a[href='llm.html']").first.hover()
    _shown(page)
    border = page.evaluate("getComputedStyle(document.getElementById('gl-card')).borderTopStyle")
    assert border == "solid"


def test_shared_name_links_offer_the_choice(offline: OfflinePage, real_site: Path) -> None:
    page = offline.page
    page.goto((real_site / "terms" / "hugging-face.html").as_uri())  # its text mentions Transformers, a shared name
    choice = page.locator("article a[href*='shared-names.html#n-']")
    assert choice.count() > 0
    choice.first.hover()
    shown = _shown(page)
    assert "同名" in shown
    choice.first.click()
    page.wait_for_url("**/shared-names.html#n-*")


def test_pages_carry_no_card_data_and_each_card_loads_once_from_disk(offline: OfflinePage, real_site: Path) -> None:
    page = offline.page
    page.goto((real_site / "terms" / "rag.html").as_uri())
    before = page.content()
    assert page.locator("#gl-cards").count() == 0  # training data is linked from the prose, not listed as related
    for _ in range(2):
        page.locator("article p a[href='training-data.html']").first.hover()
        summary = _shown(page).split("训练数据")[-1][:20]
        assert summary and summary not in before
        page.mouse.move(0, 0)
        page.wait_for_function("document.getElementById('gl-card').hidden")
    loaded = page.evaluate("[...document.querySelectorAll('script[src*=\"cards/\"]')].map(s => s.src.split('/').slice(-2).join('/'))")
    assert loaded == ["cards/training-data.js"]
    assert offline.blocked == [] and offline.errors == []
