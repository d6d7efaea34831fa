"""Problems are data: every check returns them, nothing raises for a content mistake."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in one file, at a 1-based line and column, said so a contributor can fix it."""

    path: str
    line: int
    col: int
    message: str
    excerpt: str = ""  # the offending source line with a caret under the column, when it helps

    def __str__(self) -> str:
        head = f"{self.path}:{self.line}:{self.col}: {self.message}"
        return f"{head}\n{self.excerpt}" if self.excerpt else head

    def github_annotation(self) -> str:
        # GitHub workflow commands need %, CR and LF escaped in the message.
        text = self.message.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        return f"::error file={self.path},line={self.line},col={self.col}::{text}"


def excerpt(source_lines: list[str], line: int, col: int, width: int = 72) -> str:
    """The source line `line` (1-based) with a caret under column `col`, or '' when out of range.

    Long lines are cut to a window around the column, and the caret is placed by display width,
    because a Chinese character takes two terminal cells.
    """
    if not 1 <= line <= len(source_lines):
        return ""
    # Tabs are shown as visible arrows so a tab-indentation error is obvious on screen.
    text = source_lines[line - 1].rstrip("\n").replace("\t", "→")
    start = 0
    if _cells(text) > width:
        start = max(0, col - 1 - width // 3)
        while start < col - 1 and _cells(text[start : col - 1]) > width // 2:
            start += 1
        text = text[start : start + width]  # at most `width` characters before trimming to cells
        while _cells(text) > width:
            text = text[:-1]
        text = ("…" if start else "") + text + "…"
    lead = _cells(text[: col - 1 - start + (1 if start else 0)])
    return f"    {text}\n    {' ' * lead}^"


def _cells(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def summary_line(problems: list[Problem]) -> str:
    files = len({p.path for p in problems})
    noun = "problem" if len(problems) == 1 else "problems"
    return f"{len(problems)} {noun} in {files} file{'s' if files != 1 else ''}"
