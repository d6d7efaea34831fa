"""The memo that carries results from one build to the next under `mkdocs serve`."""

from __future__ import annotations

from glossary_core.memo import Memo


def test_a_result_is_reused_by_the_next_build_and_dropped_when_a_build_does_not_use_it() -> None:
    memo, calls = Memo(), []

    def compute(value: str):
        return lambda: calls.append(value) or value.upper()

    assert memo.get("a", compute("a")) == "A" and memo.get("a", compute("a")) == "A"
    memo.next_build()
    assert memo.get("a", compute("a")) == "A"  # kept from the last build
    memo.get("b", compute("b"))
    memo.next_build()
    memo.get("b", compute("b"))  # this build does not use "a"
    memo.next_build()
    assert memo.get("a", compute("a")) == "A"
    assert calls == ["a", "b", "a"]  # computed again only after a build went without it
