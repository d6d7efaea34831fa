"""Content is text, not HTML: the hostile fixture in Chromium from file://, hovered and searched.

Every payload in tests/fixtures/hostile-glossary sets window.__pwned or opens an alert() if it
ever runs as script; names, aliases, abbreviations, summaries, bodies and reference titles all
carry one, and they reach the page, the index pages, hover cards (JSON data) and search results.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest
from offline_page import OfflinePage
from playwright.sync_api import Browser
from support import FIXTURES, build_fixture_site

PAGES = ["terms/evil.html", "terms/plain.html", "index.html", "a-z.html", "pinyin.html", "categories/concepts.html", "shared-names.html"]
QUERIES = [
    "<script>window.__pwned=20</script>",
    '"><img src=x onerror=alert(21)>',
    "<svg onload",
    "onclick",
    "恶意",
    "evil",
    "plain",
]
EVIL_ZH = "<script>window.__pwned = 1</script>恶意"
# evil's body has a real Markdown image from the web; offline it is blocked, and that is all.
EXTERNAL_IMAGE = "https://example.org/x.png"


def _only_the_image_failed(offline: OfflinePage, page_path: str) -> bool:
    expected = [EXTERNAL_IMAGE] if page_path == "terms/evil.html" else []
    return offline.blocked == expected and offline.errors == ["Failed to load resource: net::ERR_FAILED"] * len(expected)


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_fixture_site(tmp_path_factory.mktemp("hostile"), FIXTURES / "hostile-glossary")


Watched = tuple[OfflinePage, list[str]]


@pytest.fixture
def watched(browser: Browser) -> Iterator[Watched]:
    """An offline page, and the messages of every dialog (alert, confirm, prompt) it opened."""
    context = browser.new_context()
    page = OfflinePage(context.new_page())
    dialogs: list[str] = []

    def on_dialog(dialog) -> None:
        dialogs.append(dialog.message)
        dialog.dismiss()

    page.page.on("dialog", on_dialog)
    yield page, dialogs
    context.close()


def _card(page) -> str:
    return page.evaluate("(() => { const c = document.getElementById('gl-card'); return c && !c.hidden ? c.textContent : ''; })()")


@pytest.mark.parametrize("page_path", PAGES)
def test_nothing_injected_runs_when_hovering_and_searching(watched: Watched, hostile_site: Path, page_path: str) -> None:
    offline, dialogs = watched
    page = offline.page
    page.goto((hostile_site / page_path).as_uri())
    links = page.locator("article a[href$='.html']")
    for i in range(links.count()):
        if links.nth(i).is_visible():
            links.nth(i).hover()
            links.nth(i).focus()
    page.mouse.move(0, 0)
    page.keyboard.press("Escape")
    page.keyboard.press("s")
    for query in QUERIES:
        offline.search(query)
    page.locator(".md-search-result__link").first.hover()  # evil's names and summaries, highlighted
    assert page.evaluate("window.__pwned === undefined")
    assert dialogs == []
    assert _only_the_image_failed(offline, page_path), (offline.errors, offline.blocked)


def test_hover_cards_and_search_results_show_hostile_names_as_text(watched: Watched, hostile_site: Path) -> None:
    offline, dialogs = watched
    page = offline.page
    page.goto((hostile_site / "terms" / "plain.html").as_uri())
    page.locator("article a[href='evil.html']").first.hover()
    page.wait_for_function("!document.getElementById('gl-card').hidden", timeout=5000)  # its data loads on hover
    card = _card(page)
    assert EVIL_ZH in card and "<b onclick=x>" in card  # the text as written, not elements
    page.keyboard.press("s")
    assert offline.search("恶意")[:1] == ["evil"]
    title = page.text_content(".md-search-result__list h1") or ""
    assert EVIL_ZH in title and "<b onclick=x>" in title
    assert page.eval_on_selector_all(".md-search-result__list script, .md-search-result__list b", "found => found.length") == 0
    assert page.evaluate("window.__pwned === undefined") and dialogs == []


def test_a_hostile_highlight_parameter_runs_nothing(watched: Watched, hostile_site: Path) -> None:
    # Search results link to pages with ?h=<query>, and the page marks those words in its text.
    offline, dialogs = watched
    page = offline.page
    query = quote("<script>window.__pwned=22</script> <img src=x onerror=alert(23)>")
    page.goto((hostile_site / "terms" / "evil.html").as_uri() + "?h=" + query)
    page.wait_for_load_state("load")
    marks = page.eval_on_selector_all("article mark", "ms => ms.map(m => m.textContent)")
    assert "script" in {m.lower() for m in marks}  # the words were searched for and marked, as text
    assert page.evaluate("window.__pwned === undefined") and dialogs == []
    assert _only_the_image_failed(offline, "terms/evil.html"), (offline.errors, offline.blocked)


def test_a_linked_name_reads_as_written(watched: Watched, hostile_site: Path) -> None:
    offline, _ = watched
    offline.page.goto((hostile_site / "terms" / "plain.html").as_uri())
    # The hand-written [[evil]] in the Chinese body (the shared-name box above it shows both names).
    assert offline.page.locator(".gl-body-zh p a[href='evil.html']").first.text_content() == EVIL_ZH
