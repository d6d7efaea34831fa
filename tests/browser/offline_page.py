"""A Chromium page that may load only file:// URLs, and helpers to drive the search box."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page


class OfflinePage:
    """A page that may load only file:// URLs; everything else is blocked and recorded."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.blocked: list[str] = []
        self.errors: list[str] = []
        page.route("**/*", self._route)
        page.on("pageerror", lambda error: self.errors.append(str(error)))
        page.on("console", lambda message: self.errors.append(message.text) if message.type == "error" else None)

    def _route(self, route) -> None:
        if route.request.url.startswith("file://"):
            route.continue_()
        else:
            self.blocked.append(route.request.url)
            route.abort()

    def search(self, query: str) -> list[str]:
        """Type into the real search box and return the term ids of the results, in order."""
        self.page.fill(".md-search__input", query)
        self.page.wait_for_function(
            "q => { const box = document.querySelector('[data-gl-search-result]');"
            " return box.dataset.renderedQuery === q && box.dataset.complete === 'true'; }",
            arg=query,
            timeout=10_000,
        )
        hrefs = self.page.eval_on_selector_all(".md-search-result__link", "links => links.map(a => a.getAttribute('href'))")
        return [_term_id(href) for href in hrefs]

    def all_results(self, query: str) -> list[str]:
        """Every result of a query, not only those the box shows, from the same ranking code."""
        urls = self.page.evaluate("q => window.__glossarySearch.load().then(() => window.__glossarySearch.search(q))", query)
        return [_term_id(url) for url in urls]


def _term_id(href: str) -> str:
    return href.split("?")[0].rsplit("/", 1)[-1].removesuffix(".html")


SEARCH_OUTCOMES = pytest.StashKey[list]()


def search_outcomes(config: pytest.Config) -> list[tuple[str, str, list[str]]]:
    """(query, expected first term, actual first term) for every suite query run this session."""
    return config.stash.setdefault(SEARCH_OUTCOMES, [])
