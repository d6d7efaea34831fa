"""Contributors' prose (summaries and bodies) as HTML, made here so generated pages need no Markdown
from MkDocs: its per-page Markdown instance, link rewriting and tree walks cost more than the
prose itself (see docs/performance.md).

Prose is Markdown with the features it uses: paragraphs, emphasis, lists, tables, inline and
fenced code (highlighted as the hand-written pages are) and keys. Raw HTML and attribute lists
are made inert first (render.content_markdown). Term links are not Markdown: each [[id|text]]
becomes a placeholder the Markdown cannot touch, replaced by the finished <a> afterwards.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import markdown

from .inline_links import replace_inline_links
from .render import content_markdown

# Private-use characters: never written by Markdown, and a placeholder holds only digits between them.
_OPEN, _CLOSE = "\ue000", "\ue001"
_PLACEHOLDER = re.compile(f"{_OPEN}(\\d+){_CLOSE}")

LinkHtml = Callable[[str, "str | None"], str]  # (target, shown text or None) -> <a> element


class Prose:
    """One Markdown converter for every text of a build (made once: making one costs more than a page)."""

    def __init__(self) -> None:
        self._markdown = markdown.Markdown(
            extensions=["tables", "pymdownx.superfences", "pymdownx.highlight", "pymdownx.inlinehilite", "pymdownx.keys"],
            extension_configs={"pymdownx.highlight": {"use_pygments": True}},
        )

    def html(self, text: str, link: LinkHtml) -> str:
        """The text as HTML paragraphs, each [[id|text]] as the element `link` makes for it."""
        links: list[str] = []

        def hold(target: str, shown: str | None) -> str:
            links.append(link(target, shown))
            return f"{_OPEN}{len(links) - 1}{_CLOSE}"

        self._markdown.reset()
        converted = self._markdown.convert(content_markdown(replace_inline_links(text, hold)))
        return _PLACEHOLDER.sub(lambda m: links[int(m.group(1))], converted)
