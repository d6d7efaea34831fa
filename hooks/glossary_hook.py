"""MkDocs adapter for the glossary engine: load and check on config, add pages on files.

Thin on purpose: all logic lives in glossary_core, which knows nothing of MkDocs. The glossary
is loaded afresh in on_config and what a build needs rides on the config object that belongs to
it. Hook modules are not reloaded by `mkdocs serve`, and only the edit loop uses that: under
`mkdocs serve --dirty` (make serve) the module remembers what the last build wrote, and MkDocs
rebuilds only the generated pages whose output changed (see _Build.output_changed), while the core
reuses what it computed for unchanged terms (glossary_core.memo).

The generated pages are produced in two forked processes (glossary_core.background) while
MkDocs works (in this process while serving, so that what they compute is kept): the index
pages from as soon as the glossary is loaded, the term pages and the search index from as soon
as jieba is. on_files adds every page as an empty file,
on_page_read_source hands MkDocs each page's front matter when it gets there, on_page_content
puts in the page's HTML (generated pages never pass through Markdown), and on_post_build writes the
files that are not pages (downloads, hover cards, the search index), produced last.
"""

from __future__ import annotations

import html
import shutil
import sys
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from urllib.parse import urlsplit

from glossary_core.background import Background
from glossary_core.chinese import SegmenterError, segmenter_for
from glossary_core.index_pages import index_slots
from glossary_core.load import load_glossary
from glossary_core.memo import MEMO
from glossary_core.model import Glossary
from glossary_core.problems import summary_line
from glossary_core.render import Page
from glossary_core.schema import categories
from glossary_core.site import SITE_FILES, index_outputs, term_outputs
from glossary_core.term_pages import redirect_pages, term_slots
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.toc import get_toc

_BUILD_KEY = "glossary_build"  # where this build's state rides on the config
_PROBLEMS_KEY = "glossary_problems"  # while serving: the problems every page shows ('' when none)


@dataclass
class _Build:
    glossary: Glossary
    index_pages: Background
    term_pages: Background | None = None  # with the search index; started once jieba is loaded
    source: dict[str, Background] = field(default_factory=dict)  # which one makes each page, from on_files
    pages: dict[str, Page] = field(default_factory=dict)  # generated pages as they arrive, by uri
    changed: dict[str, bool] = field(default_factory=dict)  # serve --dirty: whether each one's output changed

    def page(self, uri: str) -> Page:
        if uri not in self.pages:
            self.pages[uri] = self.source[uri].get(uri)
        return self.pages[uri]

    def output_changed(self, uri: str) -> bool:
        """Serve --dirty: whether the page differs from what the last build wrote (MkDocs asks twice)."""
        if uri not in self.changed:
            page = self.page(uri)
            output = hash((page.front_matter, page.html))
            self.changed[uri] = _last_outputs.get(uri) != output
            _last_outputs[uri] = output
        return self.changed[uri]

    def close(self) -> None:
        for outputs in (self.index_pages, self.term_pages):
            if outputs is not None:
                outputs.close()


_command = "build"  # which mkdocs command runs: set once in on_startup, the one hook MkDocs tells it
_dirty = False  # `mkdocs serve --dirty` (make serve): MkDocs rebuilds only pages whose files say they changed
# What the last build of this process wrote, so a dirty rebuild redoes only what changed: a hash of
# each generated page's output and of each file that is not a page, and whether it had problems.
_last_outputs: dict[str, int] = {}
_last_files: dict[str, int] = {}
_last_had_problems = False


def on_startup(command: str, dirty: bool) -> None:
    global _command, _dirty
    _command, _dirty = command, dirty


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    MEMO.start_build(keep=_command == "serve")
    if config.use_directory_urls:
        raise Abort(
            "use_directory_urls must be false in mkdocs.yml: generated pages link to one .html file per page, which works from disk too"
        )
    project_root = Path(config.config_file_path).resolve().parent
    glossary, problems = load_glossary(project_root / "glossary", project_root)
    config.extra[_PROBLEMS_KEY] = ""
    if problems:
        report = "\n".join(str(p) for p in problems)
        if _command != "serve":
            # Abort prints its message without a traceback; the problems are the message.
            raise Abort(f"{report}\n\n{summary_line(problems)}: the site was not built. Fix them and build again.")
        # While serving, a failed build would leave the browser waiting for good. Build the site
        # without terms instead, with the problems on every page; saving the fix rebuilds it.
        print(f"{report}\n\n{summary_line(problems)}: every page shows them until they are fixed.", file=sys.stderr)
        config.extra[_PROBLEMS_KEY] = f"{summary_line(problems)}\n\n{report}"
        glossary = Glossary({}, categories())
    # Index pages need neither jieba nor links: they are written while jieba loads here.
    site_url = config.site_url or ""
    # While serving, outputs are made here rather than in forked processes: what they compute is
    # kept for the next build (glossary_core.memo), so a saved edit recomputes one term's share.
    fork = None if _command != "serve" else False
    build = config.extra[_BUILD_KEY] = _Build(glossary, Background(lambda _: index_outputs(glossary, site_url), fork=fork))
    try:
        # Here, so a broken jieba stops the build before anything is built. Its dictionary is
        # shared with Material's search plugin, and the term pages' process inherits it.
        segmenter = segmenter_for(glossary)
    except SegmenterError as error:
        raise Abort(f"search and linking need jieba: {error}") from None
    # The search index needs the pages' URLs, which on_files sends once MkDocs has made the files.
    build.term_pages = Background(lambda receive: term_outputs(glossary, segmenter, lambda uri: receive()[uri], site_url), fork=fork)
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    global _last_had_problems
    build = config.extra[_BUILD_KEY]
    # A dirty rebuild right after problems appear or go redoes every page: each gains or loses the box.
    everything = bool(config.extra[_PROBLEMS_KEY]) or _last_had_problems
    _last_had_problems = bool(config.extra[_PROBLEMS_KEY])
    if _dirty and everything:
        _last_outputs.clear()
        _last_files.clear()
        for file in files.documentation_pages():
            file.is_modified = lambda: True  # the hand-written pages too, which MkDocs judges by date
    out_of_docs = _docs_to_project_root(config)  # once, not per page: it resolves paths on disk
    urls: dict[str, str] = {}
    for slots, outputs in ((index_slots, build.index_pages), (term_slots, build.term_pages)):
        for slot in slots(build.glossary):
            if files.get_file_from_path(slot.uri) is not None:
                raise Abort(f"docs/{slot.uri} clashes with a page the glossary generates: rename or remove docs/{slot.uri}")
            inclusion = InclusionLevel.UNDEFINED if slot.in_nav else InclusionLevel.NOT_IN_NAV
            # Empty until on_page_read_source: the page is still being written in the background.
            file = File.generated(config, slot.uri, content="", inclusion=inclusion)
            if slot.edit_path:
                # edit_uri is joined to the repository's docs/ URL; step out of docs/ to the YAML file.
                file.edit_uri = out_of_docs + slot.edit_path
            if _dirty:
                file.is_modified = partial(build.output_changed, slot.uri)  # by content: it has no date
            files.append(file)
            urls[slot.uri] = file.url  # the search index links pages by the URLs MkDocs gives them
            build.source[slot.uri] = outputs
    build.term_pages.send(urls)
    # Renamed terms keep their old addresses: a static page at each sends readers on.
    for uri, redirect in redirect_pages(build.glossary, config.site_url or "").items():
        if files.get_file_from_path(uri) is not None:
            raise Abort(f"docs/{uri} clashes with the redirect page of a former id: rename or remove docs/{uri}")
        files.append(File.generated(config, uri, content=redirect, inclusion=InclusionLevel.NOT_IN_NAV))
    return files


def on_page_read_source(page, config: MkDocsConfig) -> str | None:
    build = config.extra[_BUILD_KEY]
    if page.file.src_uri not in build.source:
        return None  # a page in docs/: MkDocs reads it itself
    return build.page(page.file.src_uri).front_matter


def on_page_content(content: str, page, config: MkDocsConfig, files: Files) -> str:
    # A generated page gave MkDocs only its front matter: its HTML and headings go in here.
    generated = config.extra[_BUILD_KEY].pages.pop(page.file.src_uri, None)
    if generated is None:
        return content
    # Names as the toc extension gives them: escaped, since the theme writes them into the page as they are.
    headings = [{"level": h.level, "id": h.anchor, "name": html.escape(h.title), "children": []} for h in generated.toc]
    page.toc = get_toc(headings)
    return generated.html


def on_post_template(output: str, template_name: str, config: MkDocsConfig) -> str:
    # The server answers a term page that the broken build could not make with 404.html.
    return on_post_page(output, None, config) if template_name == "404.html" else output


def on_post_page(output: str, page, config: MkDocsConfig) -> str:
    problems = config.extra.get(_PROBLEMS_KEY)
    if not problems:
        return output
    box = (
        '<div class="admonition failure gl-build-problems" role="alert"><p class="admonition-title">'
        "术语文件有问题，网站未完整构建 · The term files have problems; the site is not fully built</p>"
        f"<pre>{html.escape(problems)}</pre></div>"
    )
    return output.replace('<article class="md-content__inner md-typeset">', '<article class="md-content__inner md-typeset">' + box, 1)


def on_page_markdown(markdown: str, page, config: MkDocsConfig, files: Files) -> str:
    # Material's own search plugin stays on only because it draws the header search box; keep
    # generated pages out of its index so it does no work our index already does.
    if page.file.generated_by is not None:
        page.meta["search"] = {"exclude": True}
    return markdown


def on_post_build(config: MkDocsConfig) -> None:
    build = config.extra.pop(_BUILD_KEY)
    site = Path(config.site_dir)
    _relative_not_found_page(config)
    _remove_unused_payload(site)
    if _dirty and config.extra[_PROBLEMS_KEY]:
        # A dirty build keeps the last build's files: the term pages the broken glossary could not
        # make go, so the server answers them with 404.html, which shows the problems.
        for folder in ("terms", "categories", "cards"):
            shutil.rmtree(site / folder, ignore_errors=True)
    try:
        for outputs in (build.term_pages, build.index_pages):
            for path, content in outputs.get(SITE_FILES).items():
                if _dirty:
                    if _last_files.get(path) == hash(content):
                        continue  # unchanged since the last build wrote it
                    _last_files[path] = hash(content)
                target = site / path
                target.parent.mkdir(parents=True, exist_ok=True)
                if isinstance(content, bytes):
                    target.write_bytes(content)
                else:
                    target.write_text(content, encoding="utf-8")
    finally:
        build.close()


# What Material ships that no page here loads: its search (lunr and its language packs, the worker,
# its index of the hand-written pages; glossary-search.js does the searching) and source maps.
_UNUSED = ("assets/javascripts/lunr", "assets/javascripts/workers", "search/search_index.json")


def _remove_unused_payload(site: Path) -> None:
    for path in _UNUSED:
        target = site / path
        if target.is_dir():
            shutil.rmtree(target)
        elif target.is_file():
            target.unlink()
    for source_map in site.glob("assets/**/*.map"):
        source_map.unlink()


def _relative_not_found_page(config: MkDocsConfig) -> None:
    """404.html links with absolute paths (/ai-glossary/...), which point nowhere from disk: make
    them relative to the site root, where the page lives (its <base> restores them when served)."""
    page = Path(config.site_dir) / "404.html"
    root = urlsplit(config.site_url or "/").path.rstrip("/") + "/"
    if page.is_file() and root != "/":
        text = page.read_text(encoding="utf-8")
        text = text.replace(f'"base": "{root}"', '"base": "."')  # Material's script config, as on other root pages
        page.write_text(text.replace(f'="{root}', '="./').replace(f'": "{root}', '": "./'), encoding="utf-8")


def on_build_error(error: Exception) -> None:
    # The event gets no config, so it cannot reach this build's outputs; close every producer still
    # running (`mkdocs serve` runs one build at a time) rather than let it work for nothing.
    Background.close_all()


def _docs_to_project_root(config: MkDocsConfig) -> str:
    """The relative path from docs/ up to the project root: '../' for this site."""
    docs = Path(config.docs_dir).resolve()
    root = Path(config.config_file_path).resolve().parent
    return "../" * len(docs.relative_to(root).parts)
