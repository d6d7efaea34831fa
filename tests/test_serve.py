"""`mkdocs serve --dirty` (make serve) with a broken term file: the server keeps answering, every
page shows the problems, and saving the fix brings the site back. `mkdocs build` still fails on them."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from support import FIXTURES, make_project, run_mkdocs

pytestmark = pytest.mark.slow


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_for(url: str, test, seconds: float = 90) -> str:
    """The page at url once test(page) holds; fails after `seconds`."""
    deadline, last = time.monotonic() + seconds, ""
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                last = response.read().decode("utf-8")
        except urllib.error.HTTPError as error:  # a 404 has a page too: the server's 404.html
            last = error.read().decode("utf-8")
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            last = ""
        if last and test(last):
            return last
        time.sleep(0.5)
    raise AssertionError(f"{url} never matched within {seconds} s; last page:\n{last[:2000]}")


@contextmanager
def _serving(project: Path) -> Iterator[str]:
    """`mkdocs serve --dirty` (as make serve) on the project, for as long as the block runs: its address."""
    port = _free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dirty", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        yield f"http://127.0.0.1:{port}/ai-glossary/"
    finally:
        server.terminate()
        server.wait(timeout=20)


def test_a_broken_file_while_serving_shows_its_problems_on_every_page_until_fixed(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project", FIXTURES / "small-glossary")
    term = project / "glossary" / "vector-store.yaml"
    good = term.read_text(encoding="utf-8")
    term.write_text(good.replace("category: data", "category: dta"), encoding="utf-8")

    build = run_mkdocs(project, "build", "--strict", "--site-dir", str(tmp_path / "site"))
    assert build.returncode == 1 and "glossary/vector-store.yaml:8:11: 'dta' is not a known category" in build.stdout + build.stderr

    with _serving(project) as base:
        message = "glossary/vector-store.yaml:8:11: &#x27;dta&#x27; is not a known category"
        home = _wait_for(base, lambda page: "gl-build-problems" in page)
        assert message in home
        assert message in _wait_for(base + "about.html", lambda page: "gl-build-problems" in page)

        term.write_text(good, encoding="utf-8")  # the fix
        fixed = _wait_for(base, lambda page: "gl-build-problems" not in page and "向量数据库" in page)
        assert "gl-build-problems" not in fixed
        assert "向量数据库" in _wait_for(base + "terms/vector-store.html", lambda page: "向量数据库" in page)


def test_breaking_a_file_while_serving_shows_the_problems_on_every_page_and_on_term_addresses(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project", FIXTURES / "small-glossary")
    term = project / "glossary" / "vector-store.yaml"
    good = term.read_text(encoding="utf-8")
    with _serving(project) as base:
        _wait_for(base + "terms/vector-store.html", lambda page: "向量数据库" in page)
        term.write_text(good.replace("category: data", "category: dta"), encoding="utf-8")
        message = "glossary/vector-store.yaml:8:11: &#x27;dta&#x27; is not a known category"
        for address in ("", "about.html", "terms/vector-store.html", "terms/low-rank-adaptation.html"):
            # The term pages could not be made: their addresses answer with 404.html, which shows them too.
            assert message in _wait_for(base + address, lambda page: "gl-build-problems" in page), address
        term.write_text(good, encoding="utf-8")  # the fix
        for address in ("", "about.html", "terms/low-rank-adaptation.html"):
            assert "gl-build-problems" not in _wait_for(base + address, lambda page: "gl-build-problems" not in page and "<h1" in page)
        assert "向量数据库" in _wait_for(base + "terms/vector-store.html", lambda page: "向量数据库" in page)


def test_a_saved_edit_reaches_every_output_that_shows_it(tmp_path: Path) -> None:
    """Serving rebuilds only what changed: what does show the edit must all be rebuilt."""
    project = make_project(tmp_path / "project", FIXTURES / "small-glossary")
    term = project / "glossary" / "vector-store.yaml"
    with _serving(project) as base:
        _wait_for(base + "terms/vector-store.html", lambda page: "向量数据库" in page)
        term.write_text(term.read_text(encoding="utf-8").replace("按向量相似度", "按余弦相似度"), encoding="utf-8")
        edited = "按余弦相似度存储"
        for address in ("terms/vector-store.html", "categories/data.html", "cards/vector-store.js", "search/glossary-text.js"):
            assert edited in _wait_for(base + address, lambda page: edited in page), address
        term.write_text(term.read_text(encoding="utf-8").replace("zh: 向量数据库", "zh: 向量库"), encoding="utf-8")
        # A new name reaches the pages that link to the term, and the term's own page.
        assert "向量库" in _wait_for(base + "terms/retrieval-augmented-generation.html", lambda page: ">向量库<" in page)
        assert "向量库" in _wait_for(base + "terms/vector-store.html", lambda page: 'class="gl-zh">向量库<' in page)
