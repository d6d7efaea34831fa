"""Inline term links in text: [[id]], [[id|shown text]], and [[!passage]] to keep a passage unlinked."""

from __future__ import annotations

import re
from collections.abc import Callable

INLINE_LINK = re.compile(r"\[\[(!?)([^\[\]|\n]+?)(?:\|([^\[\]\n]+?))?\]\]")


def find_inline_links(text: str) -> list[tuple[int, str]]:
    """(offset, id) of every inline link, in text order; opted-out passages are not links."""
    return [(m.start(), m.group(2).strip()) for m in INLINE_LINK.finditer(text) if not m.group(1)]


def replace_inline_links(text: str, replacement: Callable[[str, str | None], str]) -> str:
    """Replace each [[id|text]] with replacement(id, text or None); [[!passage]] becomes the passage."""

    def replace(m: re.Match[str]) -> str:
        if m.group(1):
            return m.group(2) + (f"|{m.group(3)}" if m.group(3) else "")
        return replacement(m.group(2).strip(), m.group(3).strip() if m.group(3) else None)

    return INLINE_LINK.sub(replace, text)
