"""From a checked glossary to everything a build publishes: linked pages and the search index.

The one place that orders the stages, so the MkDocs hook, the benchmarks and the tests build the
same site: jieba is loaded once, automatic links are found once, and backlinks count them.
`index_outputs` and `term_outputs` yield the outputs one by one, in the order MkDocs will ask for
them, so they can be produced in other processes while MkDocs converts the first ones (see
background.py and the hook).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace

from .autolink import Linker
from .chinese import ChineseSegmenter, segmenter_for
from .exports import download_files
from .index_pages import downloads_page, index_pages
from .inline_links import find_inline_links
from .load import TEXT_FIELDS, source_text
from .memo import MEMO
from .model import Glossary, Term
from .render import Page
from .schema import term_schema
from .search_index import build_search_index, index_scripts
from .term_pages import card_scripts, more_backlinks_scripts, term_pages
from .yaml_source import DocPath

# The search index's two parts, as the site serves them (docs/assets/javascripts/glossary-search.js).
SEARCH_SCRIPTS = ("search/glossary-names.js", "search/glossary-text.js")
# The last output of index_outputs() and of term_outputs(): the files that are not pages, by path
# in the site (downloads; hover cards and the search index), for the hook to write after the build.
SITE_FILES = "\0site files"

Texts = dict[str, dict[DocPath, str]]  # id -> field -> text with automatic links added


@dataclass(frozen=True)
class Site:
    glossary: Glossary  # with backlinks that include automatic links
    texts: Texts
    pages: list[Page]


def all_pages(glossary: Glossary, texts: Texts | None = None) -> list[Page]:
    """Every generated page; `texts` holds term texts with automatic links added (see link_glossary)."""
    _, downloads = _downloads(glossary, "")
    return [*index_pages(glossary), downloads, *term_pages(glossary, texts)]


def build_site(glossary: Glossary, segmenter: ChineseSegmenter | None = None) -> Site:
    """Every page at once, for tests and benchmarks; the build uses index_outputs() and term_outputs()."""
    linked, texts = link_glossary(glossary, segmenter or segmenter_for(glossary))
    return Site(linked, texts, all_pages(linked, texts))


def index_outputs(glossary: Glossary, site_url: str = "") -> Iterator[tuple[str, object]]:
    """The index pages (render.Page), in index_slots() order: they need neither jieba nor links.
    The download files are made last so the other pages are not kept waiting; the downloads page,
    which lists their sizes, comes after them, and then the files themselves as SITE_FILES."""
    for page in index_pages(glossary):
        yield page.uri, page
    files, page = _downloads(glossary, site_url)
    yield page.uri, page
    yield SITE_FILES, {download_path(name): content for name, content in files.items()}


def _downloads(glossary: Glossary, site_url: str) -> tuple[dict[str, bytes], Page]:
    """The download files, and the page listing them with their sizes."""
    # Kept between builds of one process (memo.py): while serving, an edit to one page's links
    # does not change the data, and making the Anki deck and the TBX takes a quarter second.
    files = MEMO.get(("downloads", site_url, tuple(glossary.terms.values())), lambda: download_files(glossary, site_url, term_schema()))
    return files, downloads_page({name: len(content) for name, content in files.items()})


def download_path(name: str) -> str:
    return f"downloads/{name}"


def term_outputs(
    glossary: Glossary, segmenter: ChineseSegmenter, page_url: Callable[[str], str], site_url: str = ""
) -> Iterator[tuple[str, object]]:
    """The term pages (render.Page), in render.term_slots() order, then SITE_FILES: the hover
    cards, the rest of long "referenced by" lists and the search index (SEARCH_SCRIPTS).

    Every term's automatic links are found before the first page, which needs all its
    backlinks. `page_url` is first called for the search index, after the last page.
    """
    linked, texts = link_glossary(glossary, segmenter)
    for page in term_pages(linked, texts, site_url):
        yield page.uri, page
    files: dict[str, str | bytes] = {**dict(card_scripts(linked)), **dict(more_backlinks_scripts(linked))}
    files.update(zip(SEARCH_SCRIPTS, index_scripts(build_search_index(linked, page_url, segmenter)), strict=True))
    yield SITE_FILES, files


def link_glossary(glossary: Glossary, segmenter: ChineseSegmenter) -> tuple[Glossary, Texts]:
    """Automatic links in every text, and the glossary with backlinks that count them.

    A term's links depend on its own texts and on every term's names only, so under `mkdocs
    serve` (memo.py) an edit to one term's prose links that term's texts again and no others.
    """
    names = glossary.names_digest
    linker = MEMO.get(("linker", names), lambda: Linker(glossary, segmenter))
    texts: Texts = {}
    links = {term_id: list(targets) for term_id, targets in glossary.links.items()}
    for term in glossary.terms.values():
        texts[term.id], found = MEMO.get(("links", names, term), lambda term=term: _link_term(term, linker))
        links[term.id].extend(found)
    backlinks: dict[str, list[str]] = {}
    for source_id, targets in links.items():
        for target in dict.fromkeys(targets):
            backlinks.setdefault(target, []).append(source_id)
    linked_glossary = replace(
        glossary,
        links={k: tuple(dict.fromkeys(v)) for k, v in links.items()},
        backlinks={k: tuple(v) for k, v in backlinks.items()},
    )
    return linked_glossary, texts


def _link_term(term: Term, linker: Linker) -> tuple[dict[DocPath, str], list[str]]:
    """The term's texts with automatic links, and the ids they link to (one each, not choices)."""
    texts: dict[DocPath, str] = {}
    found: list[str] = []
    for language in ("zh", "en"):
        # A section is one language of the page: a term is linked at its first mention there,
        # and not again where the contributor already linked it by hand.
        linked = {target for path in TEXT_FIELDS if path[1] == language for _, target in find_inline_links(source_text(term, path))}
        for path in (p for p in TEXT_FIELDS if p[1] == language):
            texts[path], ids = linker.annotate(source_text(term, path), term.id, linked)
            found.extend(group[0] for group in ids if len(group) == 1)
    return texts, found
