"""`mkdocs serve` with a broken term file: the server keeps answering, every page shows the
problems, and saving the fix brings the site back. `mkdocs build` still fails on them."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
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
                if test(last):
                    return last
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.5)
    raise AssertionError(f"{url} never matched within {seconds} s; last page:\n{last[:2000]}")


def test_a_broken_file_while_serving_shows_its_problems_on_every_page_until_fixed(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project", FIXTURES / "small-glossary")
    term = project / "glossary" / "vector-store.yaml"
    good = term.read_text(encoding="utf-8")
    term.write_text(good.replace("category: data", "category: dta"), encoding="utf-8")

    build = run_mkdocs(project, "build", "--strict", "--site-dir", str(tmp_path / "site"))
    assert build.returncode == 1 and "glossary/vector-store.yaml:8:11: 'dta' is not a known category" in build.stdout + build.stderr

    port = _free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        base = f"http://127.0.0.1:{port}/ai-glossary/"
        message = "glossary/vector-store.yaml:8:11: &#x27;dta&#x27; is not a known category"
        home = _wait_for(base, lambda page: "gl-build-problems" in page)
        assert message in home
        assert message in _wait_for(base + "about.html", lambda page: "gl-build-problems" in page)

        term.write_text(good, encoding="utf-8")  # the fix
        fixed = _wait_for(base, lambda page: "gl-build-problems" not in page and "向量数据库" in page)
        assert "gl-build-problems" not in fixed
        assert "向量数据库" in _wait_for(base + "terms/vector-store.html", lambda page: "向量数据库" in page)
    finally:
        server.terminate()
        server.wait(timeout=20)
