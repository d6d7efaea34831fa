#!/usr/bin/env python3
"""Search speed in headless Chromium, from file://: `make bench-search`.

For the real glossary and for 10,000 synthetic terms it prints: index bytes per term, the time
from opening search (pressing "s" on a fresh page, which starts loading the index) to the first
result of a typed query, and query latency p50/p95 (typing a query to results in the DOM).
"First result" is the first rendered result, which the index's names part gives before its
text part has finished loading. The 10,000-term index is measured inside the real site's pages: the search code and page are
the same, only the index differs, which avoids rendering 10,000 pages just to time search.
"""

from __future__ import annotations

import os
import random
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from glossary_core.load import load_glossary
from glossary_core.search_index import build_search_index, index_scripts
from playwright.sync_api import sync_playwright

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "scripts"))  # sibling modules (generator, browser flags), run as a script here
from headless_chromium import CHROMIUM, CHROMIUM_ARGS  # noqa: E402
from synthetic_glossary import write_glossary  # noqa: E402

OPEN_RUNS = 7
TARGETS = {"first result (ms)": 300, "p95 query (ms)": 50, "index bytes/term": 3000}

# Time from the "s" key to a rendered first result, measured inside the page.
OPEN_TO_FIRST_RESULT = """async query => {
  const box = document.querySelector('[data-gl-search-result]');
  const input = document.querySelector('.md-search__input');
  const start = performance.now();
  document.dispatchEvent(new KeyboardEvent('keydown', {key: 's', bubbles: true}));
  input.value = query;
  input.dispatchEvent(new Event('input'));
  while (!(box.dataset.renderedQuery === query && box.querySelector('.md-search-result__item'))) {
    await new Promise(resolve => setTimeout(resolve, 1));
  }
  return performance.now() - start;
}"""

# Per query: set the text, fire input (search and render run synchronously), force layout.
QUERY_LATENCIES = """queries => {
  const input = document.querySelector('.md-search__input');
  const list = document.querySelector('.md-search-result__list');
  return queries.map(query => {
    const start = performance.now();
    input.value = query;
    input.dispatchEvent(new Event('input'));
    list.offsetHeight;
    return performance.now() - start;
  });
}"""


def queries_for(glossary, rng: random.Random, count: int = 120) -> list[str]:
    """Realistic queries: whole and partial Chinese names, English names and words, mixed."""
    terms = list(glossary.terms.values())
    out = []
    for term in rng.sample(terms, min(count // 4, len(terms))):
        out += [term.zh, term.zh[: max(2, len(term.zh) // 2)], term.en.lower(), term.en.split()[0][:4]]
    return out[:count]


def measure(site: Path, queries: list[str], first_query: str) -> tuple[float, float, float]:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        opens = []
        for _ in range(OPEN_RUNS):
            page = browser.new_page()
            page.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file://") else route.abort())
            page.goto((site / "index.html").as_uri())
            opens.append(page.evaluate(OPEN_TO_FIRST_RESULT, first_query))
            page.close()
        page = browser.new_page()
        page.goto((site / "index.html").as_uri())
        page.evaluate(OPEN_TO_FIRST_RESULT, first_query)
        page.evaluate(QUERY_LATENCIES, queries[:10])  # warm-up: the JIT and the posting cache
        latencies = sorted(page.evaluate(QUERY_LATENCIES, queries))
        browser.close()
    p95 = latencies[min(len(latencies) - 1, int(round(0.95 * len(latencies))) - 1)]
    return statistics.median(opens), statistics.median(latencies), p95


def main() -> int:
    rng = random.Random(11)
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        print("building the real site ...", file=sys.stderr)
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
        subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(site)], cwd=REPO, check=True, env=env
        )
        names_file, text_file = site / "search" / "glossary-names.js", site / "search" / "glossary-text.js"

        def index_bytes() -> int:
            return names_file.stat().st_size + text_file.stat().st_size

        real, _ = load_glossary(REPO / "glossary", REPO)
        rows = [("real glossary", len(real.terms), index_bytes(), *measure(site, queries_for(real, rng), "检索增强"))]

        print("generating and indexing 10,000 synthetic terms ...", file=sys.stderr)
        write_glossary(10_000, Path(tmp) / "g10k")
        synthetic, problems = load_glossary(Path(tmp) / "g10k")
        assert not problems, problems[:3]
        names, text = index_scripts(build_search_index(synthetic, lambda uri: uri[:-3] + ".html"))
        names_file.write_text(names, encoding="utf-8")
        text_file.write_text(text, encoding="utf-8")
        first = next(iter(synthetic.terms.values())).zh[:2]
        rows.append(("synthetic", len(synthetic.terms), index_bytes(), *measure(site, queries_for(synthetic, rng), first)))

    print(
        f"{'glossary':<15} {'terms':>7} {'index bytes':>12} {'bytes/term':>10} "
        f"{'open→first result ms':>21} {'p50 query ms':>13} {'p95 query ms':>13}"
    )
    for name, terms, size, first_ms, p50, p95 in rows:
        print(f"{name:<15} {terms:>7,} {size:>12,} {size / terms:>10,.0f} {first_ms:>21.1f} {p50:>13.2f} {p95:>13.2f}")
    name, terms, size, first_ms, p50, p95 = rows[-1]
    verdicts = {"first result (ms)": first_ms, "p95 query (ms)": p95, "index bytes/term": size / terms}
    print(
        "targets at 10,000 terms: "
        + "; ".join(f"{k} {v:,.1f} (target < {TARGETS[k]:,}) {'met' if v < TARGETS[k] else 'MISSED'}" for k, v in verdicts.items())
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
