"""The memo that carries results from one build to the next under `mkdocs serve`."""

from __future__ import annotations

from glossary_core.memo import Memo


def test_a_result_is_reused_by_the_next_build_and_dropped_when_a_build_does_not_use_it() -> None:
    memo, calls = Memo(), []

    def compute(value: str):
        return lambda: calls.append(value) or value.upper()

    memo.start_build(keep=True)
    assert memo.get("a", compute("a")) == "A" and memo.get("a", compute("a")) == "A"
    memo.start_build(keep=True)
    assert memo.get("a", compute("a")) == "A"  # kept from the last build
    memo.get("b", compute("b"))
    memo.start_build(keep=True)
    memo.get("b", compute("b"))  # this build does not use "a"
    memo.start_build(keep=True)
    assert memo.get("a", compute("a")) == "A"
    assert calls == ["a", "b", "a"]  # computed again only after a build went without it


def test_a_build_no_other_follows_keeps_nothing() -> None:
    memo, calls = Memo(), []
    memo.start_build(keep=True)
    memo.get("a", lambda: calls.append("a"))
    memo.start_build(keep=False)  # `mkdocs build`: nothing will reuse it
    memo.get("a", lambda: calls.append("a"))
    memo.get("a", lambda: calls.append("a"))
    memo.start_build(keep=True)
    memo.get("a", lambda: calls.append("a"))
    assert calls == ["a", "a", "a", "a"]
