"""From a checked glossary to everything a build publishes: linked pages and the search index.

The one place that orders the stages, so the MkDocs hook, the benchmarks and the tests build the
same site: jieba is loaded once, automatic links are found once, and backlinks count them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from .autolink import Linker
from .inline_links import find_inline_links
from .load import TEXT_FIELDS, source_text
from .model import Glossary
from .render import Page, all_pages
from .search_index import ChineseSegmenter, build_search_index, index_scripts
from .yaml_source import DocPath


@dataclass(frozen=True)
class Site:
    glossary: Glossary  # with backlinks that include automatic links
    texts: dict[str, dict[DocPath, str]]  # id -> field -> text with automatic links added
    pages: list[Page]
    segmenter: ChineseSegmenter

    def search_index_scripts(self, page_url: Callable[[str], str]) -> tuple[str, str]:
        """The search index's names part and text part, as two classic scripts."""
        return index_scripts(build_search_index(self.glossary, page_url, self.segmenter))


def build_site(glossary: Glossary) -> Site:
    segmenter = ChineseSegmenter(name for term in glossary.terms.values() for name in term.names)
    linker = Linker(glossary, segmenter)
    texts: dict[str, dict[DocPath, str]] = {}
    links = {term_id: list(targets) for term_id, targets in glossary.links.items()}
    for term in glossary.terms.values():
        texts[term.id] = {}
        for language in ("zh", "en"):
            # A section is one language of the page: a term is linked at its first mention there,
            # and not again where the contributor already linked it by hand.
            linked = {target for path in TEXT_FIELDS if path[1] == language for _, target in find_inline_links(source_text(term, path))}
            for path in (p for p in TEXT_FIELDS if p[1] == language):
                annotated, found = linker.annotate(source_text(term, path), term.id, linked)
                texts[term.id][path] = annotated
                links[term.id].extend(ids[0] for ids in found if len(ids) == 1)
    backlinks: dict[str, list[str]] = {}
    for source_id, targets in links.items():
        for target in dict.fromkeys(targets):
            backlinks.setdefault(target, []).append(source_id)
    linked_glossary = replace(
        glossary,
        links={k: tuple(dict.fromkeys(v)) for k, v in links.items()},
        backlinks={k: tuple(v) for k, v in backlinks.items()},
    )
    return Site(linked_glossary, texts, all_pages(linked_glossary, texts), segmenter)
