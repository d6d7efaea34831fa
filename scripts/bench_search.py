#!/usr/bin/env python3
"""Search speed in headless Chromium, from file://: `make bench-search`.

For the real glossary and for 10,000 terms (the real glossary copied until it has that many, as
scripts/bench.py does), each on a desktop CPU and on one slowed 4x through the DevTools protocol
(a mid-range phone), it prints: index bytes per term; the time from opening search (pressing "s"
on a fresh page, which starts loading the index) to the first result of a typed query; and the
latency of each keystroke, p50 and p95, while queries are typed one character at a time (every
prefix is searched, and its results rendered and laid out). Then, for each target, met or MISSED.
"First result" is the first rendered result, which the index's names part gives before its
text part has finished loading. The 10,000-term index is measured inside the real site's pages:
the search code and page are the same, only the index differs, which avoids rendering 10,000
pages just to time search.
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
from playwright.sync_api import Browser, Page, sync_playwright

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "scripts"))  # sibling modules (generator, browser flags), run as a script here
from headless_chromium import CHROMIUM, CHROMIUM_ARGS  # noqa: E402
from synthetic_glossary import replicate_glossary  # noqa: E402

OPEN_RUNS = 15  # fresh pages per open→first result median: single opens vary by ±30%
PHONE_SLOWDOWN = 4  # Chromium's CPU throttling rate for a mid-range phone, as in DevTools
OPEN_TARGET_MS = 300
KEYSTROKE_P95_TARGET_MS = 50
BYTES_PER_TERM_TARGET = 3000

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

# Each query typed one character at a time into an empty box: per keystroke, the time to set
# the text, fire input (search and render run synchronously) and lay the results out. Between
# keystrokes the page gets a turn of its event loop, as it would between a reader's keys.
KEYSTROKE_LATENCIES = """async queries => {
  const input = document.querySelector('.md-search__input');
  const list = document.querySelector('.md-search-result__list');
  const latencies = [];
  for (const query of queries) {
    input.value = '';
    input.dispatchEvent(new Event('input'));
    const characters = [...query];
    for (let end = 1; end <= characters.length; end++) {
      await new Promise(resolve => setTimeout(resolve, 0));
      const start = performance.now();
      input.value = characters.slice(0, end).join('');
      input.dispatchEvent(new Event('input'));
      list.offsetHeight;
      latencies.push(performance.now() - start);
    }
  }
  return latencies;
}"""


def queries_for(glossary, rng: random.Random, count: int = 120) -> list[str]:
    """Realistic queries: whole and partial Chinese names, English names and words, mixed."""
    terms = list(glossary.terms.values())
    out = []
    for term in rng.sample(terms, min(count // 4, len(terms))):
        out += [term.zh, term.zh[: max(2, len(term.zh) // 2)], term.en.lower(), term.en.split()[0][:4]]
    return out[:count]


def new_page(browser: Browser, slowdown: int) -> Page:
    """A page that may load only file:// URLs, its CPU slowed `slowdown` times from before it loads anything."""
    page = browser.new_page()
    page.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file://") else route.abort())
    if slowdown > 1:
        page.context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": slowdown})
    return page


def measure(site: Path, queries: list[str], first_query: str, slowdown: int) -> tuple[float, float, float, int]:
    """Median open→first result, keystroke p50 and p95 (ms), and how many keystrokes were timed."""
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        opens = []
        for _ in range(OPEN_RUNS):
            page = new_page(browser, slowdown)
            page.goto((site / "index.html").as_uri())
            opens.append(page.evaluate(OPEN_TO_FIRST_RESULT, first_query))
            page.close()
        page = new_page(browser, slowdown)
        page.goto((site / "index.html").as_uri())
        page.evaluate(OPEN_TO_FIRST_RESULT, first_query)
        page.evaluate("window.__glossarySearch.load()")  # typing starts once the whole index is in
        latencies = sorted(page.evaluate(KEYSTROKE_LATENCIES, queries))
        browser.close()
    p95 = latencies[min(len(latencies) - 1, int(round(0.95 * len(latencies))) - 1)]
    return statistics.median(opens), statistics.median(latencies), p95, len(latencies)


def main() -> int:
    rng = random.Random(11)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        print("building the real site ...", file=sys.stderr)
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
        subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(site)], cwd=REPO, check=True, env=env
        )
        names_file, text_file = site / "search" / "glossary-names.js", site / "search" / "glossary-text.js"

        def measure_both(name: str, glossary, first_query: str) -> None:
            size, queries = names_file.stat().st_size + text_file.stat().st_size, queries_for(glossary, rng)
            for cpu, slowdown in (("desktop", 1), (f"phone ({PHONE_SLOWDOWN}x)", PHONE_SLOWDOWN)):
                print(f"measuring {name}, {cpu} ...", file=sys.stderr)
                rows.append((name, len(glossary.terms), size, cpu, *measure(site, queries, first_query, slowdown)))

        real, _ = load_glossary(REPO / "glossary", REPO)
        measure_both("real glossary", real, "检索增强")

        print("copying the real glossary to 10,000 terms and indexing them ...", file=sys.stderr)
        replicate_glossary(10_000, Path(tmp) / "g10k")
        copied, problems = load_glossary(Path(tmp) / "g10k")
        assert not problems, problems[:3]
        names, text = index_scripts(build_search_index(copied, lambda uri: uri[:-3] + ".html"))
        names_file.write_text(names, encoding="utf-8")
        text_file.write_text(text, encoding="utf-8")
        measure_both("copied", copied, next(iter(copied.terms.values())).zh[:2])

    print(
        f"{'glossary':<15} {'terms':>7} {'index bytes':>12} {'bytes/term':>10} {'CPU':<12} "
        f"{'open→first result ms':>21} {'keystrokes':>10} {'p50 keystroke ms':>17} {'p95 keystroke ms':>17}"
    )
    for name, terms, size, cpu, first_ms, p50, p95, keystrokes in rows:
        print(
            f"{name:<15} {terms:>7,} {size:>12,} {size / terms:>10,.0f} {cpu:<12} "
            f"{first_ms:>21.1f} {keystrokes:>10,} {p50:>17.2f} {p95:>17.2f}"
        )
    print(f"targets, CPU slowed {PHONE_SLOWDOWN}x:")
    for name, terms, _, cpu, first_ms, _, p95, _ in rows:
        if cpu != "desktop":
            print(_verdict(f"{name} ({terms:,} terms): open→first result", first_ms, OPEN_TARGET_MS, "ms"))
            print(_verdict(f"{name} ({terms:,} terms): p95 keystroke", p95, KEYSTROKE_P95_TARGET_MS, "ms"))
    name, terms, size = rows[-1][:3]
    print(_verdict(f"{name} ({terms:,} terms): index bytes/term", size / terms, BYTES_PER_TERM_TARGET, "bytes"))
    return 0


def _verdict(what: str, value: float, target: float, unit: str) -> str:
    return f"- {what}: {value:,.1f} {unit} (target at most {target:,} {unit}): {'met' if value <= target else 'MISSED'}"


if __name__ == "__main__":
    sys.exit(main())
