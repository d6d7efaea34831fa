"""Outputs produced in a forked process: the same as produced here, failures reported, no hangs."""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from glossary_core.background import Background, BackgroundError, Outputs, Receive, can_fork
from glossary_core.chinese import segmenter_for
from glossary_core.exports import DOWNLOADS
from glossary_core.index_pages import index_slots
from glossary_core.load import load_glossary
from glossary_core.site import SEARCH_SCRIPTS, SITE_FILES, build_site, index_outputs, term_outputs
from glossary_core.term_pages import term_slots
from support import REPO

forked_only = pytest.mark.skipif(not can_fork(), reason="needs fork (Linux)")
both_ways = pytest.mark.parametrize("fork", [pytest.param(True, marks=forked_only), False], ids=["forked", "in-process"])


@pytest.fixture
def start() -> Iterator[Callable[..., Background]]:
    """Background(outputs, fork=...), closed after the test whatever happened in it."""
    started: list[Background] = []

    def make(outputs: Outputs, *, fork: bool) -> Background:
        started.append(Background(outputs, fork=fork))
        return started[-1]

    yield make
    for background in started:
        background.close()


def numbers(receive: Receive, count: int = 50) -> Iterator[tuple[str, str]]:
    for i in range(count):
        yield f"page-{i}", f"content {i} " * i


@both_ways
def test_every_output_arrives_whatever_order_it_is_asked_in(start: Callable[..., Background], fork: bool) -> None:
    background = start(numbers, fork=fork)
    wanted = [f"page-{i}" for i in (49, 0, 17, 18, 3)]
    assert [background.get(key) for key in wanted] == [dict(numbers(lambda: None))[key] for key in wanted]
    with pytest.raises(BackgroundError, match="no output 'page-0'"):  # each is handed out once
        background.get("page-0")


@both_ways
def test_a_failing_producer_reports_its_traceback(start: Callable[..., Background], fork: bool) -> None:
    def failing(receive: Receive) -> Iterator[tuple[str, str]]:
        yield "first", "fine"
        raise ValueError("the renderer broke")

    background = start(failing, fork=fork)
    assert background.get("first") == "fine"
    with pytest.raises((BackgroundError, ValueError), match="the renderer broke") as raised:
        background.get("second")
    if fork:  # from another process, the traceback is the only way to find the bug
        assert "Traceback" in str(raised.value) and "ValueError" in str(raised.value)


@both_ways
def test_a_value_sent_after_the_start_reaches_the_producer(start: Callable[..., Background], fork: bool) -> None:
    """The build starts the producer before MkDocs has made its files, and sends their URLs later."""

    def echo(receive: Receive) -> Iterator[tuple[str, str]]:
        yield "early", "needs nothing"
        yield "late", f"got {receive()['url']} and again {receive()['url']}"

    background = start(echo, fork=fork)
    assert background.get("early") == "needs nothing"
    background.send({"url": "terms/rag.html"})
    assert background.get("late") == "got terms/rag.html and again terms/rag.html"


@forked_only
def test_a_producer_that_dies_is_reported_not_waited_for(start: Callable[..., Background]) -> None:
    def dying(receive: Receive) -> Iterator[tuple[str, str]]:
        yield "first", "fine"
        os._exit(3)

    background = start(dying, fork=True)
    assert background.get("first") == "fine"
    with pytest.raises(BackgroundError, match="exited early \\(exit code 3\\)"):
        background.get("second")


@forked_only
def test_the_producer_runs_ahead_of_a_slow_reader(start: Callable[..., Background], tmp_path: Path) -> None:
    """Nobody asks for anything, yet all outputs are produced: a pipe that filled up (64 KiB) would
    stop the producer until MkDocs asked, and the second core would sit idle."""
    finished = tmp_path / "finished"

    def large(receive: Receive) -> Iterator[tuple[str, str]]:
        for i in range(40):
            yield f"page-{i}", "x" * 1_000_000
        finished.write_text("all sent")
        yield "last", "done"

    background = start(large, fork=True)
    deadline = time.monotonic() + 60
    while not finished.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert finished.exists(), "the producer stopped while nobody read its outputs"
    assert background.get("page-39") == "x" * 1_000_000


@forked_only
def test_close_stops_a_producer_still_at_work() -> None:
    def endless(receive: Receive) -> Iterator[tuple[str, str]]:
        yield "first", "fine"
        while True:
            time.sleep(1)

    background = Background(endless, fork=True)
    assert background.get("first") == "fine"
    process = background._process
    started = time.monotonic()
    background.close()
    assert not process.is_alive() and time.monotonic() - started < 10


def test_the_build_publishes_the_same_pages_as_build_site_in_slot_order() -> None:
    """The build's two producers (index pages and downloads; term pages, cards and search index) and build_site()
    (everything at once) agree, and each produces its pages in the order the hook adds their
    files, so MkDocs rarely waits."""
    glossary, problems = load_glossary(REPO / "glossary", REPO)
    assert not problems
    segmenter = segmenter_for(glossary)

    def page_url(uri: str) -> str:
        return uri.removesuffix(".md") + ".html"

    index = dict(index_outputs(glossary))
    terms = dict(term_outputs(glossary, segmenter, page_url))
    assert [uri for uri in index if uri.endswith(".md")] == [slot.uri for slot in index_slots(glossary)]
    assert list(terms) == [slot.uri for slot in term_slots(glossary)] + [SITE_FILES]
    assert set(SEARCH_SCRIPTS) < set(terms[SITE_FILES]) and "cards/rag.js" in terms[SITE_FILES]
    assert {path for path in index[SITE_FILES]} == {f"downloads/{name}" for name in DOWNLOADS}
    pages = {uri: content for uri, content in (index | terms).items() if uri.endswith(".md")}  # not the files that are not pages
    assert {page.uri: page for page in build_site(glossary, segmenter).pages} == pages


@forked_only
def test_sending_a_large_value_does_not_wait_for_the_producer_to_need_it(start: Callable[..., Background]) -> None:
    """The build sends 10,000 page URLs (far more than a pipe holds) long before the search index
    reads them; blocking until then stopped MkDocs for 8 seconds."""

    def slow_to_ask(receive: Receive) -> Iterator[tuple[str, str]]:
        yield "first", "fine"
        time.sleep(30)
        yield "late", str(len(receive()))

    background = start(slow_to_ask, fork=True)
    assert background.get("first") == "fine"
    started = time.monotonic()
    background.send({f"terms/term-{i:05d}.md": f"terms/term-{i:05d}.html" for i in range(10_000)})
    assert time.monotonic() - started < 5
