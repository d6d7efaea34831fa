"""axe-core on the pages a reader meets, light and dark: no serious or critical violation."""

from __future__ import annotations

from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe

PAGES = ["index.html", "terms/rag.html", "a-z.html", "pinyin.html", "categories/training.html", "tags.html", "404.html", "search"]


@pytest.fixture(scope="module")
def axe() -> Axe:
    return Axe()  # axe-core ships inside the package: nothing is fetched


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("name", PAGES)
def test_no_serious_or_critical_violations(browser, real_site: Path, axe: Axe, scheme: str, name: str) -> None:
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    page.goto((real_site / ("index.html" if name == "search" else name)).as_uri())
    if name == "search":  # the search overlay open, with results
        page.keyboard.press("s")
        page.fill(".md-search__input", "rag")
        page.wait_for_function("document.querySelector('[data-gl-search-result]').dataset.complete === 'true'")
    # axe reads colours as they are at that instant: let Material's fades finish first, so it judges
    # the page a reader looks at, not a frame of an opening animation.
    page.add_style_tag(content="*, *::before, *::after { transition: none !important; animation: none !important; }")
    page.wait_for_timeout(300)
    violations = axe.run(page).response["violations"]
    serious = [(v["id"], v["impact"], [n["target"] for n in v["nodes"][:3]]) for v in violations if v["impact"] in ("serious", "critical")]
    assert serious == []
    context.close()
