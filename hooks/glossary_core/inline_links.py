"""Inline term links in body text: [[id]] or [[id|shown text]]."""

from __future__ import annotations

import re
from collections.abc import Callable

INLINE_LINK = re.compile(r"\[\[([^\[\]|\n]+?)(?:\|([^\[\]\n]+?))?\]\]")


def find_inline_links(text: str) -> list[tuple[int, str]]:
    """(offset, id) of every inline link, in text order."""
    return [(m.start(), m.group(1).strip()) for m in INLINE_LINK.finditer(text)]


def replace_inline_links(text: str, to_markdown: Callable[[str, str | None], str]) -> str:
    """Replace each [[id|text]] with to_markdown(id, text or None)."""
    return INLINE_LINK.sub(lambda m: to_markdown(m.group(1).strip(), m.group(2).strip() if m.group(2) else None), text)
