#!/usr/bin/env python3
"""Check every internal link of a built site: `make check-links` runs it after a build.

    python scripts/check_site_links.py site/

Every href and src in every .html page that points inside the site (a relative or root-relative
URL; http(s), mailto and any other scheme are not internal) must name a file that exists, and
its #fragment, if any, an id= (or an <a name=>) on the target page. Prints
`page: broken link -> target` for each broken one, then a count. Exit status: 0 when nothing is
broken, 1 otherwise.

Root-relative URLs (/ai-glossary/index.html, as on 404.html, which may be served at any path)
start with the path the site is served under; it is read from the pages' canonical links.
"""

from __future__ import annotations

import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit


class _Page(HTMLParser):
    """The link targets (href, src) and the anchors (id, name) of one HTML page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.anchors: set[str] = set()
        self.canonical: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "link" and ("rel", "canonical") in attrs:
            self.canonical = dict(attrs).get("href")
        for name, value in attrs:
            if value is None:
                continue
            if name in ("href", "src"):
                self.links.append(value)
            elif name == "id" or (name == "name" and tag == "a"):
                self.anchors.add(value)


def parse(page: Path) -> _Page:
    parsed = _Page()
    parsed.feed(page.read_text(encoding="utf-8", errors="replace"))
    parsed.close()
    return parsed


def broken_links(site: Path) -> tuple[list[tuple[str, str]], int, int]:
    """(page, link) for every broken internal link, and how many pages and internal links were checked."""
    site = site.resolve()
    pages = {page: parse(page) for page in sorted(site.rglob("*.html"))}
    base = _base_path(site, pages)
    broken: list[tuple[str, str]] = []
    checked = 0
    for page, parsed in pages.items():
        for link in parsed.links:
            url = urlsplit(link.strip())
            if url.scheme or url.netloc:  # http(s), mailto, and anything else outside the site
                continue
            checked += 1
            if not _resolves(site, base, page, url.path, url.fragment, pages):
                broken.append((page.relative_to(site).as_posix(), link))
    return broken, len(pages), checked


def _base_path(site: Path, pages: dict[Path, _Page]) -> str:
    """The URL path the site is served under ('/ai-glossary/'), from a canonical link; '/' if none."""
    for page, parsed in pages.items():
        path = urlsplit(parsed.canonical or "").path
        for shown in (page.relative_to(site).as_posix(), page.relative_to(site).as_posix().removesuffix("index.html")):
            if shown and path.endswith("/" + shown):
                return path.removesuffix(shown)
    return "/"


def _resolves(site: Path, base: str, page: Path, path: str, fragment: str, pages: dict[Path, _Page]) -> bool:
    if path:
        if path.startswith("/"):  # root-relative: must be under the path the site is served at
            if not path.startswith(base):
                return False
            target = site / unquote(path.removeprefix(base))
        else:
            target = page.parent / unquote(path)
        target = target.resolve()
        if target.is_dir():
            target = target / "index.html"
        if not target.is_relative_to(site) or not target.is_file():
            return False
    else:
        target = page  # "#fragment" or "?query" alone: this same page
    if not fragment or target.suffix != ".html":
        return True
    target_page = pages.get(target) or parse(target)
    return fragment in target_page.anchors or unquote(fragment) in target_page.anchors


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1 or not Path(args[0]).is_dir():
        print(__doc__, file=sys.stderr)
        return 2
    broken, pages, links = broken_links(Path(args[0]))
    for page, link in broken:
        print(f"{page}: broken link -> {link}")
    print(f"checked {links} internal links on {pages} pages: {len(broken)} broken", file=sys.stderr)
    return 1 if broken else 0


if __name__ == "__main__":
    sys.exit(main())
