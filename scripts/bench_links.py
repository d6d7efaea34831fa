#!/usr/bin/env python3
"""Automatic-linking cost per page at 1,000 and 10,000 terms: `make bench-links`.

Linking must not slow down per page as the glossary grows: one automaton over all names is
built once, then each text is scanned once. This builds synthetic glossaries of each size,
times building the automaton, and times linking the texts of the same number of pages at each
size (CPU time of this process, so other load on the machine does not blur the comparison).
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
from pathlib import Path

from glossary_core.autolink import Linker
from glossary_core.chinese import segmenter_for
from glossary_core.load import TEXT_FIELDS, load_glossary, source_text

sys.path.insert(0, str(Path(__file__).resolve().parent))  # the sibling generator, run as a script here
from synthetic_glossary import write_glossary  # noqa: E402

SIZES = (1_000, 10_000)
PAGES = 300
MENTIONS = 5  # names of other terms inserted into each text


def measure(count: int, tmp: Path) -> tuple[float, float, int]:
    folder = tmp / f"g{count}"
    write_glossary(count, folder)
    glossary, problems = load_glossary(folder)
    assert not problems, problems[:3]
    segmenter = segmenter_for(glossary)
    start = time.process_time()
    linker = Linker(glossary, segmenter)
    automaton_seconds = time.process_time() - start
    # Synthetic prose rarely names other terms by chance, so each page's texts get MENTIONS names
    # of random other terms inserted, as real entries mention related terms in passing.
    rng = random.Random(3)
    terms = list(glossary.terms.values())
    pages = []
    for term in terms[:PAGES]:
        texts = {}
        for path in TEXT_FIELDS:
            words = source_text(term, path).split(" ") if path[1] == "en" else list(source_text(term, path))
            for other in rng.sample(terms, MENTIONS):
                words.insert(rng.randrange(len(words) + 1), f" {other.en.lower()} " if path[1] == "en" else f"，{other.zh}，")
            texts[path] = (" " if path[1] == "en" else "").join(words)
        pages.append((term.id, texts))
    links = 0
    start = time.process_time()
    for term_id, texts in pages:
        for language in ("zh", "en"):
            linked: set[str] = set()
            for path in (p for p in TEXT_FIELDS if p[1] == language):
                links += len(linker.annotate(texts[path], term_id, linked)[1])
    per_page_ms = (time.process_time() - start) / len(pages) * 1000
    return automaton_seconds, per_page_ms, links


def main() -> int:
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for count in SIZES:
            print(f"{count:,} terms ...", file=sys.stderr)
            rows.append((count, *measure(count, Path(tmp))))
    print(f"{'terms':>7} {'automaton build s':>18} {'linking ms/page':>16} {'links/page':>11}")
    for count, automaton, per_page, links in rows:
        print(f"{count:>7,} {automaton:>18.2f} {per_page:>16.2f} {links / PAGES:>11.1f}")
    ratio = rows[-1][2] / rows[0][2]
    print(f"linking time per page at {SIZES[-1]:,} vs {SIZES[0]:,} terms: {ratio:.2f}x (flat means it does not grow with the glossary)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
