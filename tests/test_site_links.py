"""scripts/check_site_links.py: every internal link and anchor of a built site resolves."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from support import REPO

SCRIPT = REPO / "scripts" / "check_site_links.py"


def _check(site: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(SCRIPT), str(site)], capture_output=True, text=True, timeout=120)


def _page(path: Path, body: str, canonical: str | None = None) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    head = f'<link rel="canonical" href="{canonical}">' if canonical else ""
    path.write_text(f"<!doctype html><html><head>{head}</head><body>{body}</body></html>", encoding="utf-8")


def test_a_tiny_site_with_a_broken_link_and_a_broken_anchor(tmp_path: Path) -> None:
    site = tmp_path / "site"
    _page(
        site / "index.html",
        '<h2 id="top">Top</h2>'
        '<a href="terms/a.html">fine</a> <a href="terms/a.html#zh">fine anchor</a> <a href="#top">same page</a>'
        '<a href="terms/a.html?h=x#zh">query and anchor</a> <a href="terms/">folder index</a> <a href="terms/%E4%B8%AD.html">encoded</a>'
        '<img src="img/logo.png"> <a href="https://example.org/missing">external</a> <a href="mailto:a@example.org">mail</a>'
        '<a href="/base/terms/a.html#en">root-relative</a>'
        '<a href="terms/missing.html">broken file</a> <a href="terms/a.html#nowhere">broken anchor</a>'
        '<a href="../outside.html">outside the site</a> <a href="/elsewhere/terms/a.html">root-relative outside</a>',
        canonical="https://example.org/base/index.html",
    )
    _page(site / "terms" / "a.html", '<h2 id="zh">中文</h2><a name="en"></a><a href="../index.html#top">back</a>')
    _page(site / "terms" / "index.html", "")
    _page(site / "terms" / "中.html", "")
    (site / "img").mkdir()
    (site / "img" / "logo.png").write_bytes(b"png")
    (tmp_path / "outside.html").write_text("exists, but not in the site", encoding="utf-8")

    result = _check(site)
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "index.html: broken link -> terms/missing.html",
        "index.html: broken link -> terms/a.html#nowhere",
        "index.html: broken link -> ../outside.html",
        "index.html: broken link -> /elsewhere/terms/a.html",
    ]
    assert result.stderr.strip() == "checked 13 internal links on 4 pages: 4 broken"


def test_a_site_without_broken_links_passes(tmp_path: Path) -> None:
    _page(tmp_path / "index.html", '<a href="index.html">self</a>')
    result = _check(tmp_path)
    assert result.returncode == 0 and result.stdout == ""


def test_the_real_site_has_no_broken_internal_link(real_site: Path) -> None:
    result = _check(real_site)
    assert result.returncode == 0, result.stdout
    pages = len(list(real_site.rglob("*.html")))
    assert f"on {pages} pages: 0 broken" in result.stderr
    assert int(result.stderr.split()[1]) > 10 * pages  # the term pages' many links were all seen
