#!/usr/bin/env python3
"""`make bench`: the real glossary copied to 500 and 2,000 terms, built ours against plain Material.

For each size, three builds of the same terms in throwaway folders:
- ours: the real site configuration with our hook, reading glossary/*.yaml;
- anchor: stock MkDocs + Material with no hook, reading the pages our engine generates (front
  matter and HTML) as plain files in docs/ (same theme and plugins; term and category pages out of
  the navigation; our search index copied in), so the difference between the two is our code;
- plain: what a user would build without this project (make_plain): hand-written pages of the
  same prose, stock Material and its own search. The targets are measured against this one.

Each build runs in a fresh Python process (`--run-build`, below) that does what `mkdocs build`
does and times the hook's events, so the table can split a build into our code and MkDocs.
Then `mkdocs serve` runs on a 1,000-term copy, one term file is edited, and the time until
the served page shows the edit is measured. The table is printed and saved as docs/performance.md.
"""

from __future__ import annotations

import argparse
import datetime
import http.client
import json
import os
import platform
import re
import resource
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
HOOK = REPO / "hooks" / "glossary_hook.py"
SIZES = (500, 2_000)
SERVE_SIZE = 1_000
SERVE_EDITS = ["rag", "lora", "transformer", "rag", "hallucination"]  # terms whose summaries are edited while serving
TARGET_VS_PLAIN = 1.15  # our build's wall time / plain Material's, at every size
TARGET_PAGE_VS_PLAIN = 1.5  # a term page's bytes / the plain page's of the same prose
TARGET_PER_TERM = 1.25  # time per term at the largest size / at the smallest
TARGET_EDIT_LOOP = 2.0  # seconds from saving a term file to the served page showing the edit
SERVE_TIMEOUT = 600.0  # seconds; bounds every wait on `mkdocs serve`


@dataclass(frozen=True)
class Build:
    """One measured build: seconds, bytes and the peak resident memory of its process."""

    wall: float  # the whole `mkdocs build` process, interpreter start to exit
    cpu: float  # user + system CPU seconds of the build and of the process our hook forks
    background_cpu: float  # CPU seconds of the process our hook forks (site.publish); 0 for the anchor
    ours: float  # importing the engine plus the hook's events (wall seconds); 0 for the anchor
    peak_bytes: int  # peak resident memory of the build process
    background_peak_bytes: int  # the largest peak of the processes our hook forks; 0 for the others
    median_term_page: int
    site_bytes: int
    index_bytes: int


# --- one build, in its own process ------------------------------------------------------------


def run_build(project: Path, site_dir: Path, report: Path, with_hook: bool) -> None:
    """`mkdocs build` (load the config, on_startup, build, on_shutdown), timing the hook's events.

    Runs in a fresh interpreter so peak memory and import costs belong to this build alone.
    """
    from mkdocs.commands import build
    from mkdocs.config import load_config

    ours: dict[str, float] = {}
    if with_hook:
        # Import the engine before MkDocs loads the hook, so the import is charged to our code.
        start = time.perf_counter()
        import glossary_core.load  # noqa: F401
        import glossary_core.site  # noqa: F401

        ours["import"] = time.perf_counter() - start
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(site_dir))
    for event, handlers in config.plugins.events.items():
        handlers[:] = [_timed(h, f"on_{event}", ours) if _is_our_hook(h) else h for h in handlers]
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build.build(config)
    finally:
        config.plugins.on_shutdown()
    usage = resource.getrusage(resource.RUSAGE_SELF)
    # The hook's second process has ended by now (on_post_build waits for it), so it is counted here.
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    measured = {
        "ours": ours,
        "cpu": usage.ru_utime + usage.ru_stime,
        "background_cpu": children.ru_utime + children.ru_stime,
        "peak_bytes": _peak_resident_bytes(usage),
        # ru_maxrss is in KiB on Linux. A fork starts with the pages it shares with this process,
        # so this counts them too.
        "background_peak_bytes": children.ru_maxrss * 1024,
    }
    report.write_text(json.dumps(measured), encoding="utf-8")


def _peak_resident_bytes(usage: resource.struct_rusage) -> int:
    """This process's peak resident memory. Not ru_maxrss, which Linux keeps across exec: a build
    started from the bench, which holds a 2,000-term glossary, would report the bench's size."""
    for line in _read("/proc/self/status").splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) * 1024
    return usage.ru_maxrss * 1024  # no /proc: the best there is


def _is_our_hook(handler: object) -> bool:
    code = getattr(handler, "__code__", None)
    return code is not None and Path(code.co_filename).name == HOOK.name


def _timed(handler, name: str, totals: dict[str, float]):
    def timed(*args, **kwargs):
        start = time.perf_counter()
        try:
            return handler(*args, **kwargs)
        finally:
            totals[name] = totals.get(name, 0.0) + time.perf_counter() - start

    return timed


def measure_build(project: Path, *, with_hook: bool) -> Build:
    site = project / "site"
    report = project / "build-report.json"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    _read_sources(project)
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, __file__, "--run-build", str(project), str(site), str(report), *(["--with-hook"] if with_hook else [])],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=3600,
    )
    wall = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"build of {project} failed:\n{result.stdout}\n{result.stderr}")
    data = json.loads(report.read_text(encoding="utf-8"))
    term_pages = [p.stat().st_size for p in (site / "terms").glob("*.html")]
    return Build(
        wall=wall,
        cpu=data["cpu"] + data["background_cpu"],
        background_cpu=data["background_cpu"],
        ours=sum(data["ours"].values()),
        peak_bytes=data["peak_bytes"],
        background_peak_bytes=data["background_peak_bytes"],
        median_term_page=int(statistics.median(term_pages)),
        site_bytes=sum(p.stat().st_size for p in site.rglob("*") if p.is_file()),
        index_bytes=sum(p.stat().st_size for p in _index_files(site)),
    )


def _in_memory_folder() -> str | None:
    """/dev/shm where there is one: sources and sites in memory, so the times measure the builds'
    work and not this virtual machine's disk, whose writeback stalled one build's writes for
    seconds where the other's did not (both write the same bytes)."""
    shm = Path("/dev/shm")
    return str(shm) if shm.is_dir() and os.access(shm, os.W_OK) else None


def _read_sources(project: Path) -> None:
    """Read every source file once, so neither build waits on the disk: this machine's memory
    manager evicts idle files from the page cache, and a cold read of 10,000 files took longer
    than the build's own work (on_config 34 s instead of 7 s in one run)."""
    for path in project.rglob("*"):
        if path.is_file() and "site" not in path.relative_to(project).parts[:1]:
            path.read_bytes()


# --- the two projects -------------------------------------------------------------------------


def make_project(where: Path, glossary: Path) -> Path:
    """The real site configuration around another glossary (as tests/support.make_project)."""
    shutil.copytree(REPO / "docs", where / "docs")
    shutil.copytree(REPO / "overrides", where / "overrides")
    shutil.copytree(glossary, where / "glossary")
    shutil.copy(REPO / "CONTRIBUTING.md", where / "CONTRIBUTING.md")
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    (where / "mkdocs.yml").write_text(config.replace("hooks/glossary_hook.py", str(HOOK)), encoding="utf-8")
    return where


def make_anchor(where: Path, glossary: Path) -> Path:
    """The same project without the hook, our generated pages written into docs/ (see copy_index)."""
    from glossary_core.load import load_glossary
    from glossary_core.site import build_site

    make_project(where, glossary)
    config = (where / "mkdocs.yml").read_text(encoding="utf-8")
    without_hook = re.sub(r"^hooks:\n(?:  - .*\n)+", "", config, flags=re.M)
    assert without_hook != config, "mkdocs.yml has no hooks: entry to remove"
    # Term and category pages stay out of the navigation, as the hook keeps them.
    (where / "mkdocs.yml").write_text(without_hook + "\nnot_in_nav: |\n  /terms/\n  /categories/\n", encoding="utf-8")

    loaded, problems = load_glossary(where / "glossary", where)
    assert not problems, problems
    for page in build_site(loaded).pages:
        path = where / "docs" / page.uri
        path.parent.mkdir(parents=True, exist_ok=True)
        # The hook keeps every generated page out of Material's search index; so does the anchor.
        # A page is its front matter and its HTML, which Markdown passes through.
        text = f"{page.front_matter}\n{page.html}\n"
        path.write_text(text.replace("---\n", "---\nsearch:\n  exclude: true\n", 1), encoding="utf-8")
    return where


def make_plain(where: Path, glossary: Path) -> Path:
    """What a user would build without our engine: stock Material with its own search (jieba cuts
    the Chinese), one hand-written Markdown page per term with the same prose, names, related links
    and references, term pages out of the navigation. The navigation is the real site's: its index
    pages are written by hand too, an A–Z list of every term and a short page for each other."""
    import yaml

    shutil.copytree(REPO / "docs", where / "docs", ignore=shutil.ignore_patterns("assets"))
    shutil.copy(REPO / "CONTRIBUTING.md", where / "CONTRIBUTING.md")
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    for ours in (r"^hooks:\n(?:  - .*\n)+", r"^extra_javascript:\n(?:  - .*\n)+", r"^extra_css:\n(?:  - .*\n)+", r"^  custom_dir: .*\n"):
        config, found = re.subn(ours, "", config, flags=re.M)
        assert found, f"mkdocs.yml has no {ours!r} to remove"
    config = re.sub(r"^watch:\n(?:  - .*\n)+", "", config, flags=re.M)
    (where / "mkdocs.yml").write_text(config + "\nnot_in_nav: |\n  /terms/\n", encoding="utf-8")

    entries = [yaml.safe_load(path.read_text(encoding="utf-8")) for path in sorted(glossary.glob("*.yaml"))]
    titles = {e["id"]: _plain_title(e) for e in entries}
    docs = where / "docs"
    for page in re.findall(r"^\s*- [^:\n]+: (\S+\.md)$", config, flags=re.M):
        if not (docs / page).exists():
            (docs / page).parent.mkdir(parents=True, exist_ok=True)
            (docs / page).write_text(f"# {Path(page).stem}\n\n…\n", encoding="utf-8")
    a_z = ["# 英文索引 A–Z · English A–Z", ""] + [
        f"- [{titles[e['id']]}](terms/{e['id']}.md)" for e in sorted(entries, key=lambda e: e["en"].lower())
    ]
    (docs / "a-z.md").write_text("\n".join(a_z) + "\n", encoding="utf-8")
    (docs / "terms").mkdir(parents=True, exist_ok=True)
    for e in entries:
        names = [e["abbr"]] if e.get("abbr") else []
        for lang in ("zh", "en"):
            names += [a["name"] if isinstance(a, dict) else a for a in (e.get("aliases") or {}).get(lang, [])]
        lines = [f"# {titles[e['id']]}", ""]
        if names:
            lines += ["也作 · Also: " + "、".join(names), ""]
        lines += [e["summary"]["zh"], "", e["summary"]["en"], "", "## 释义 · Explanation", ""]
        lines += [_plain_links(e["body"]["zh"]), "", _plain_links(e["body"]["en"]), ""]
        if e.get("related"):
            lines += ["## 相关术语 · Related", ""] + [f"- [{titles[r]}]({r}.md)" for r in e["related"] if r in titles] + [""]
        if e.get("references"):
            lines += ["## 参考资料 · References", ""]
            lines += [f"- [{r['title']}]({r['url']})" + (f" ({r['year']})" if r.get("year") else "") for r in e["references"]] + [""]
        (docs / "terms" / f"{e['id']}.md").write_text("\n".join(lines), encoding="utf-8")
    return where


def _plain_title(entry: dict) -> str:
    return entry["zh"] if entry["zh"] == entry["en"] else f"{entry['zh']} · {entry['en']}"


def _plain_links(text: str) -> str:
    """[[id|text]] as a hand-written Markdown link to the first id; [[!passage]] as plain text."""
    from glossary_core.inline_links import replace_inline_links

    return replace_inline_links(text, lambda target, shown: f"[{shown or target}]({target.split('+')[0]}.md)")


def copy_index(built: Path, anchor: Path) -> None:
    """Our search index, as our build wrote it, into the anchor's docs/ so both sites carry it."""
    (anchor / "docs" / "search").mkdir(parents=True, exist_ok=True)
    for script in _index_files(built):
        shutil.copy(script, anchor / "docs" / "search" / script.name)


def _index_files(site: Path) -> list[Path]:
    """The search index our hook writes: search/glossary-*.js (Material's own index excluded)."""
    return sorted((site / "search").glob("glossary-*.js"))


# --- mkdocs serve -----------------------------------------------------------------------------


def measure_serve_reload(project: Path, term_ids: list[str]) -> list[float]:
    """Seconds from saving an edited term file until `mkdocs serve` serves the edited page: one
    edit to each term's summary in turn, one server, each edit after the last was served."""
    import yaml

    port = _free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    log = (project / "serve.log").open("w")
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dirty", "--dev-addr", f"127.0.0.1:{port}"],  # as `make serve`
        cwd=project,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        first = f"{_mount_path(project)}terms/{term_ids[0]}.html"
        _wait_for(lambda: _get(port, first) is not None, "mkdocs serve to serve the site", server, project)
        seconds = []
        for term_id in term_ids:
            page = f"{_mount_path(project)}terms/{term_id}.html"
            path = project / "glossary" / f"{term_id}.yaml"
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
            marker = f"Edited {time.time_ns()}"
            data["summary"]["en"] = f"{marker}. {data['summary']['en']}"
            header = "# yaml-language-server: $schema=../schema/term.schema.json\n"
            start = time.perf_counter()
            path.write_text(header + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10_000), encoding="utf-8")
            _wait_for(lambda: marker in (_get(port, page) or ""), "the edit to be served", server, project)  # noqa: B023 - called here
            seconds.append(time.perf_counter() - start)
            time.sleep(1)  # the watcher settles before the next save
        return seconds
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        log.close()


def _mount_path(project: Path) -> str:
    """Where `mkdocs serve` serves the site: the path of site_url ('/ai-glossary/'), as MkDocs does."""
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    site_url = re.search(r"^site_url:\s*(\S+)", config, flags=re.M)
    path = urllib.parse.urlsplit(site_url.group(1)).path if site_url else "/"
    return path if path.endswith("/") else path + "/"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _get(port: int, path: str) -> str | None:
    """The page's text, or None while the server is not answering it yet."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        body = response.read().decode("utf-8", "replace")
        return body if response.status == 200 else None
    except OSError:
        return None
    finally:
        connection.close()


def _wait_for(condition, what: str, server: subprocess.Popen, project: Path) -> None:
    deadline = time.monotonic() + SERVE_TIMEOUT
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"mkdocs serve exited while waiting for {what}:\n{(project / 'serve.log').read_text()}")
        if condition():
            return
        time.sleep(0.1)
    raise SystemExit(f"gave up after {SERVE_TIMEOUT:.0f} s waiting for {what}")


# --- the report -------------------------------------------------------------------------------


def machine(load_before: float) -> list[str]:
    cpus = [line.split(":", 1)[1].strip() for line in _read("/proc/cpuinfo").splitlines() if line.startswith("model name")]
    cpu = cpus[0] if cpus else platform.processor() or "unknown"
    mem_kib = next((int(line.split()[1]) for line in _read("/proc/meminfo").splitlines() if line.startswith("MemTotal:")), 0)
    return [
        f"- CPU: {cpu}, {os.cpu_count()} cores",
        f"- RAM: {mem_kib / 1024**2:.1f} GiB",
        f"- {platform.system()} {platform.release()}; Python {platform.python_version()}; "
        f"MkDocs {metadata.version('mkdocs')}; Material for MkDocs {metadata.version('mkdocs-material')}",
        f"- Date: {datetime.datetime.now().astimezone():%Y-%m-%d %H:%M %Z}",
        # Other work on the machine stretches wall times; CPU times move much less.
        f"- Load average (1 minute): {load_before:.2f} before the run, {os.getloadavg()[0]:.2f} after",
    ]


def _read(path: str) -> str:
    try:
        return Path(path).read_text(encoding="utf-8")
    except OSError:
        return ""


BUILDS = ("ours", "anchor", "plain")


@dataclass(frozen=True)
class Size:
    """One glossary size: the median build of each kind, and term page weight ours against plain."""

    builds: dict[str, Build]
    page_ratio_median: float  # per term: our page's bytes / the plain page's, median over terms
    page_ratio_max: float


def table(results: dict[int, Size]) -> list[str]:
    out = [
        "| terms | build | wall time (s) | CPU time (s) | of which 2nd process (s) | per term (ms) | our code (s) "
        "| MkDocs + Material (s) | peak memory (MiB) | 2nd process peak (MiB) | median term page (KB) | site (MB) |",
        "|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for n, size in results.items():
        for name, b in size.builds.items():
            out.append(
                f"| {n:,} | {name} | {b.wall:.2f} | {b.cpu:.2f} | {b.background_cpu:.2f} | {1000 * b.wall / n:.2f} "
                f"| {b.ours:.2f} | {b.wall - b.ours:.2f} "
                f"| {b.peak_bytes / 2**20:.0f} | {b.background_peak_bytes / 2**20:.0f} "
                f"| {b.median_term_page / 1000:.1f} | {b.site_bytes / 1e6:.1f} |"
            )
    return out


def targets(results: dict[int, Size], serve_seconds: list[float] | None) -> list[str]:
    def verdict(ok: bool) -> str:
        return "met" if ok else "**not met**"

    out = []
    for n, size in results.items():
        ours, anchor, plain = (size.builds[name] for name in BUILDS)
        ratio = ours.wall / plain.wall
        out.append(
            f"- {n:,} terms: our build takes {ratio:.2f}x plain Material's wall time ({ours.cpu / plain.cpu:.2f}x its CPU time, "
            f"{ours.peak_bytes / plain.peak_bytes:.2f}x its peak memory) (target at most {TARGET_VS_PLAIN}x): "
            f"{verdict(ratio <= TARGET_VS_PLAIN)}; {ours.wall / anchor.wall:.2f}x the anchor's"
        )
        out.append(
            f"- {n:,} terms: a term page weighs {size.page_ratio_median:.2f}x the plain page of the same prose "
            f"(median over terms; at most {size.page_ratio_max:.2f}x) (target at most {TARGET_PAGE_VS_PLAIN}x): "
            f"{verdict(size.page_ratio_median <= TARGET_PAGE_VS_PLAIN)}"
        )
    small, large = min(results), max(results)
    if small != large:
        per_small, per_large = (results[n].builds["ours"].wall / n for n in (small, large))
        ratio = per_large / per_small
        out.append(
            f"- time per term: {1000 * per_large:.2f} ms at {large:,} terms, {1000 * per_small:.2f} ms at {small:,}: "
            f"{ratio:.2f}x (target at most {TARGET_PER_TERM}x): {verdict(ratio <= TARGET_PER_TERM)}"
        )
    if serve_seconds:
        each = ", ".join(f"{s:.2f}" for s in serve_seconds)
        worst = max(serve_seconds)
        out.append(
            f"- `make serve` (`mkdocs serve --dirty`), {SERVE_SIZE:,} terms: an edited term file is served "
            f"{statistics.median(serve_seconds):.2f} s after it is saved, median of {len(serve_seconds)} edits "
            f"({each} s; at worst {worst:.2f} s) "
            f"(target at most {TARGET_EDIT_LOOP} s): {verdict(worst <= TARGET_EDIT_LOOP)}"
        )
    return out


def page(results: dict[int, Size], serve_seconds: list[float] | None, repeats: int, load_before: float) -> str:
    return "\n".join(
        [
            "---",
            "title: 性能 · Performance",
            "---",
            "",
            "# 性能 · Performance",
            "",
            "Written by `make bench` (scripts/bench.py); do not edit by hand. The real glossary is copied "
            "until it has the size measured (scripts/synthetic_glossary.py: copy k has every id, name and "
            "link suffixed with k), so every page carries real prose, names, links and references. Each size "
            "is built three ways:",
            "",
            "- **ours**: the real configuration, with the glossary hook reading `glossary/*.yaml`;",
            "- **anchor**: stock MkDocs + Material without the hook, building the pages our engine "
            "generates (front matter and HTML) as plain files in docs/ (same theme, our search index copied in): "
            "the difference is the cost of our code;",
            "- **plain**: what a user would build without this project: stock Material with its own search "
            "(jieba cuts the Chinese), one hand-written Markdown page per term with the same prose, names, "
            "related links and references, term pages out of the navigation; the navigation is the real site's, "
            "its index pages written by hand (an A–Z list of every term). The targets compare against this one.",
            "",
            f"Wall time is the whole build process, median of {repeats} runs, the three builds in turn, "
            "each after reading its source files once so none waits on the disk. "
            "Our hook renders pages and the search index in a second process while MkDocs converts pages "
            "in the first (see Architecture), so our build can use both cores of this machine: *CPU time* adds "
            "up both processes, and *of which 2nd process* is the forked one's share. "
            "*Our code* is the time the MkDocs process spends importing the engine and in the hook's events, "
            "waiting for pages included; the rest is MkDocs and Material. *Peak memory* is the MkDocs process's; "
            "the forked processes' largest is beside it (a fork shares the pages it inherited until it writes to them).",
            "",
            *table(results),
            "",
            "## Targets",
            "",
            *targets(results, serve_seconds),
            "",
            "## Machine",
            "",
            *machine(load_before),
            "",
        ]
    )


# --- main -------------------------------------------------------------------------------------


def progress(message: str) -> None:
    print(f"[{datetime.datetime.now():%H:%M:%S}] {message}", flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=list(SIZES), help="glossary sizes to build")
    parser.add_argument("--repeats", type=int, default=3, help="runs per build, the three builds in turn (medians kept)")
    parser.add_argument("--no-serve", action="store_true", help="skip the `mkdocs serve` edit-loop measurement")
    parser.add_argument("--output", type=Path, default=REPO / "docs" / "performance.md", help="the page to write ('-': none)")
    parser.add_argument("--run-build", nargs=3, type=Path, metavar=("PROJECT", "SITE", "REPORT"), help=argparse.SUPPRESS)
    parser.add_argument("--with-hook", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.run_build:
        run_build(*args.run_build, with_hook=args.with_hook)
        return 0

    from glossary_core.chinese import ChineseSegmenter
    from synthetic_glossary import replicate_glossary

    ChineseSegmenter(["术语"])  # jieba caches its dictionary on first use; do that before any timing
    load_before = os.getloadavg()[0]
    results: dict[int, Size] = {}
    serve_seconds = None
    with tempfile.TemporaryDirectory(prefix="glossary-bench-", dir=_in_memory_folder()) as tmp:
        for n in args.sizes:
            source = Path(tmp) / f"glossary-{n}"
            progress(f"{n:,} terms: copying the real glossary")
            replicate_glossary(n, source)
            projects = {
                "ours": make_project(Path(tmp) / f"ours-{n}", source),
                "anchor": make_anchor(Path(tmp) / f"anchor-{n}", source),
                "plain": make_plain(Path(tmp) / f"plain-{n}", source),
            }
            runs: dict[str, list[Build]] = {name: [] for name in BUILDS}
            for run in range(args.repeats):
                for name in BUILDS:
                    if name == "anchor":
                        copy_index(projects["ours"] / "site", projects["anchor"])
                    build = measure_build(projects[name], with_hook=name == "ours")
                    runs[name].append(build)
                    progress(f"{n:,} terms, run {run + 1}: {name} {build.wall:.1f} s ({build.ours:.1f} s in our code)")
            ratios = page_ratios(projects["ours"] / "site", projects["plain"] / "site")
            results[n] = Size({name: _median_build(builds) for name, builds in runs.items()}, statistics.median(ratios), max(ratios))
        if not args.no_serve:
            source = Path(tmp) / f"glossary-serve-{SERVE_SIZE}"
            replicate_glossary(SERVE_SIZE, source)
            project = make_project(Path(tmp) / "serve", source)
            progress(f"mkdocs serve, {SERVE_SIZE:,} terms: starting, then editing {len(SERVE_EDITS)} term files ...")
            serve_seconds = measure_serve_reload(project, SERVE_EDITS)
            progress(f"mkdocs serve: the edits were served after {', '.join(f'{s:.2f}' for s in serve_seconds)} s")

    print("\n".join(["", *table(results), "", *targets(results, serve_seconds)]))
    if str(args.output) != "-":
        args.output.write_text(page(results, serve_seconds, args.repeats, load_before), encoding="utf-8")
        progress(f"wrote {args.output}")
    return 0


def page_ratios(ours: Path, plain: Path) -> list[float]:
    """For each term page both sites have: its bytes in ours over its bytes in plain."""
    return [
        page.stat().st_size / (plain / "terms" / page.name).stat().st_size
        for page in (ours / "terms").glob("*.html")
        if (plain / "terms" / page.name).is_file()
    ]


def _median_build(builds: list[Build]) -> Build:
    """Each figure's median over repeated runs."""
    fields = Build.__dataclass_fields__
    return Build(**{name: type(getattr(builds[0], name))(statistics.median(getattr(b, name) for b in builds)) for name in fields})


if __name__ == "__main__":
    sys.exit(main())
