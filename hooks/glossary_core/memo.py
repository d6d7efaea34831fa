"""Results kept from one build to the next in the same process, by their inputs: under `mkdocs
serve` a saved edit changes one term, and everything computed only from the others is reused.

Keys hold every input of the computation (file bytes, frozen Terms, texts), so a reused result is
the one a fresh build would compute. Entries not used by a build are dropped at the next one, so
memory follows the glossary, not the number of edits. A build that no other follows in its process
(`mkdocs build`, tests) keeps nothing: it would only hold memory.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import TypeVar

T = TypeVar("T")


class Memo:
    def __init__(self) -> None:
        self._keeping = False
        self._this_build: dict[Hashable, object] = {}
        self._last_build: dict[Hashable, object] = {}

    def get(self, key: Hashable, compute: Callable[[], T]) -> T:
        if not self._keeping:
            return compute()
        if key in self._this_build:
            return self._this_build[key]  # type: ignore[return-value]
        value = self._last_build[key] if key in self._last_build else compute()
        self._this_build[key] = value
        return value  # type: ignore[return-value]

    def start_build(self, *, keep: bool) -> None:
        """Start a build. With `keep` (another build will follow in this process), results are kept
        for it, and what the last build used stays reusable; anything older goes."""
        self._keeping = keep
        self._last_build, self._this_build = (self._this_build, {}) if keep else ({}, {})


# One per process; the MkDocs hook starts each build. Forked processes get a copy and add to it.
MEMO = Memo()
