"""Copying, citing and reading in one language, in Chromium from file://."""

from __future__ import annotations

from pathlib import Path

import pytest

COPIES = [
    ("中文名", "检索增强生成"),
    ("English name", "Retrieval-augmented generation"),
    ("中文写法", "检索增强生成（retrieval-augmented generation，RAG）"),
    ("English style", "retrieval-augmented generation (RAG; 检索增强生成)"),
    ("链接 · Link", "https://ai-glossary.github.io/ai-glossary/terms/rag.html"),
]


@pytest.fixture
def page(browser, real_site: Path):
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto((real_site / "terms" / "rag.html").as_uri())
    yield page
    context.close()


@pytest.mark.parametrize(("label", "expected"), COPIES, ids=[c[0] for c in COPIES])
def test_copy_buttons_put_the_name_forms_writers_paste_on_the_clipboard(page, label: str, expected: str) -> None:
    page.get_by_role("button", name=label, exact=True).click()
    page.wait_for_function("document.querySelector('.gl-copy-status').textContent === '已复制 · Copied'")
    assert page.evaluate("navigator.clipboard.readText()") == expected


def test_copy_falls_back_where_the_clipboard_api_is_refused(page) -> None:
    # As on some file:// pages: writeText rejects, so the page copies through a selected textarea.
    page.evaluate(
        """() => {
          navigator.clipboard.writeText = () => Promise.reject(new Error('refused'));
          window.__copied = null;
          const original = document.execCommand.bind(document);
          document.execCommand = command => { window.__copied = document.activeElement.value; return original(command) || true; };
        }"""
    )
    page.get_by_role("button", name="中文写法", exact=True).click()
    page.wait_for_function("document.querySelector('.gl-copy-status').textContent === '已复制 · Copied'")
    assert page.evaluate("window.__copied") == "检索增强生成（retrieval-augmented generation，RAG）"


def test_the_cite_block_gives_three_styles_with_address_review_date_and_licence(page) -> None:
    page.click("details.gl-cite > summary")
    text = page.inner_text("details.gl-cite")
    url = "https://ai-glossary.github.io/ai-glossary/terms/rag.html"
    assert "GB/T 7714-2015" in text and "[EB/OL]" in text and "APA 7" in text and "@misc{aiglossary-rag," in text
    assert text.count(url) == 3 and "CC BY 4.0" in text
    reviewed = page.inner_text(".gl-facts").split("审校于 · Reviewed：")[1][:10]
    assert f"({reviewed})" in text and f"Reviewed {reviewed}" in text
    today = page.evaluate("new Date().toISOString().slice(0, 10)")
    assert f"[{today}]" in text  # GB/T's access date


def test_the_language_view_shows_one_language_and_is_remembered_across_pages(browser, real_site: Path) -> None:
    context = browser.new_context()
    page = context.new_page()
    page.goto((real_site / "terms" / "rag.html").as_uri())
    assert page.is_visible("h2#zh") and page.is_visible("h2#en")  # both by default
    page.click(".gl-lang button[data-view='en']")
    assert not page.is_visible("h2#zh") and not page.is_visible(".gl-body-zh") and page.is_visible("h2#en")
    assert not page.is_visible(".md-content .gl-lead:not([lang])") and page.is_visible(".md-content .gl-lead[lang='en']")
    # Another page, read from disk: the choice holds, and search results put English first.
    page.goto((real_site / "terms" / "lora.html").as_uri())
    assert page.get_attribute("html", "data-gl-lang") == "en"
    assert not page.is_visible("h2#zh") and page.is_visible("h2#en")
    assert page.get_attribute(".gl-lang button[data-view='en']", "aria-pressed") == "true"
    page.keyboard.press("s")
    page.fill(".md-search__input", "rag")
    page.wait_for_function("document.querySelector('[data-gl-search-result]').dataset.complete === 'true'")
    assert page.inner_text(".md-search-result__item:first-child h1").startswith("Retrieval-augmented generation · 检索增强生成")
    page.keyboard.press("Escape")
    page.click(".gl-lang button[data-view='zh']")
    assert page.is_visible("h2#zh") and not page.is_visible("h2#en")
    page.click(".gl-lang button[data-view='both']")
    assert page.is_visible("h2#zh") and page.is_visible("h2#en")
    context.close()


def test_without_javascript_the_page_shows_both_languages(browser, real_site: Path) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto((real_site / "terms" / "rag.html").as_uri())
    assert page.is_visible("h2#zh") and page.is_visible("h2#en") and page.is_visible(".gl-body-zh")
    context.close()
