"""Headless Debian Chromium for browser tests, with every request that is not file:// blocked."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from headless_chromium import CHROMIUM, CHROMIUM_ARGS
from offline_page import SEARCH_OUTCOMES, OfflinePage
from playwright.sync_api import Browser, sync_playwright


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not Path(CHROMIUM).exists():
        pytest.fail("Chromium is missing: run `make test` (it installs Debian's chromium) or apt-get install chromium")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def offline(browser: Browser) -> Iterator[OfflinePage]:
    context = browser.new_context()
    page = OfflinePage(context.new_page())
    yield page
    context.close()


def pytest_terminal_summary(terminalreporter, exitstatus, config: pytest.Config) -> None:
    outcomes = config.stash.get(SEARCH_OUTCOMES, [])
    if outcomes:
        right = sum(1 for _, expected, got in outcomes if got == [expected])
        terminalreporter.write_line(f"search top-1 accuracy: {right}/{len(outcomes)} ({100 * right / len(outcomes):.1f}%)")
