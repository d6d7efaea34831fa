#!/usr/bin/env python3
"""`make bench`: build synthetic glossaries of 100, 1,000 and 10,000 terms, ours against an anchor.

For each size, two builds of the same pages in throwaway folders:
- ours: the real site configuration with our hook, reading glossary/*.yaml;
- anchor: stock MkDocs + Material with no hook, reading the Markdown our engine generates as
  plain files in docs/ (same theme, plugins and front matter; term and category pages out of the
  navigation; our search index copied in), so the difference between the two is our code.

Each build runs in a fresh Python process (`--run-build`, below) that does what `mkdocs build`
does and times the hook's events, so the table can split a build into our code and MkDocs.
Then `mkdocs serve` runs on a 1,000-term glossary, one term file is edited, and the time until
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
SIZES = (100, 1_000, 10_000)
SERVE_SIZE = 1_000
TARGET_VS_ANCHOR = 1.15  # our build time / the anchor's, at every size
TARGET_PER_TERM = 1.25  # time per term at 10,000 / at 1,000
TARGET_PAGE_WEIGHT = 1.10  # median term page at 10,000 / at 100
SERVE_TIMEOUT = 600.0  # seconds; bounds every wait on `mkdocs serve`


@dataclass(frozen=True)
class Build:
    """One measured build: seconds, bytes and the peak resident memory of its process."""

    wall: float  # the whole `mkdocs build` process, interpreter start to exit
    cpu: float  # user + system CPU seconds of the build and of the process our hook forks
    background_cpu: float  # CPU seconds of the process our hook forks (site.publish); 0 for the anchor
    ours: float  # importing the engine plus the hook's events (wall seconds); 0 for the anchor
    peak_bytes: int  # peak resident memory of the build process
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
    # ru_maxrss is in KiB on Linux.
    measured = {
        "ours": ours,
        "cpu": usage.ru_utime + usage.ru_stime,
        "background_cpu": children.ru_utime + children.ru_stime,
        "peak_bytes": usage.ru_maxrss * 1024,
    }
    report.write_text(json.dumps(measured), encoding="utf-8")


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
        path.write_text(page.markdown.replace("---\n", "---\nsearch:\n  exclude: true\n", 1), encoding="utf-8")
    return where


def copy_index(built: Path, anchor: Path) -> None:
    """Our search index, as our build wrote it, into the anchor's docs/ so both sites carry it."""
    (anchor / "docs" / "search").mkdir(parents=True, exist_ok=True)
    for script in _index_files(built):
        shutil.copy(script, anchor / "docs" / "search" / script.name)


def _index_files(site: Path) -> list[Path]:
    """The search index our hook writes: search/glossary-*.js (Material's own index excluded)."""
    return sorted((site / "search").glob("glossary-*.js"))


# --- mkdocs serve -----------------------------------------------------------------------------


def measure_serve_reload(project: Path, term_id: str) -> float:
    """Seconds from saving an edited term file until `mkdocs serve` serves the edited page."""
    import yaml

    port = _free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    log = (project / "serve.log").open("w")
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        page = f"{_mount_path(project)}terms/{term_id}.html"
        _wait_for(lambda: _get(port, page) is not None, "mkdocs serve to serve the site", server, project)
        path = project / "glossary" / f"{term_id}.yaml"
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        marker = f"Edited {time.time_ns()}"
        data["summary"]["en"] = f"{marker}. {data['summary']['en']}"
        header = "# yaml-language-server: $schema=../schema/term.schema.json\n"
        start = time.perf_counter()
        path.write_text(header + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10_000), encoding="utf-8")
        _wait_for(lambda: marker in (_get(port, page) or ""), "the edit to be served", server, project)
        return time.perf_counter() - start
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


def table(results: dict[int, tuple[Build, Build]]) -> list[str]:
    out = [
        "| terms | build | wall time (s) | CPU time (s) | of which 2nd process (s) | per term (ms) | our code (s) "
        "| MkDocs + Material (s) | peak memory (MiB) | median term page (KB) | site (MB) | search index (KB) |",
        "|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for n, pair in results.items():
        for name, b in zip(("ours", "anchor"), pair, strict=True):
            out.append(
                f"| {n:,} | {name} | {b.wall:.2f} | {b.cpu:.2f} | {b.background_cpu:.2f} | {1000 * b.wall / n:.2f} "
                f"| {b.ours:.2f} | {b.wall - b.ours:.2f} "
                f"| {b.peak_bytes / 2**20:.0f} | {b.median_term_page / 1000:.1f} | {b.site_bytes / 1e6:.1f} | {b.index_bytes / 1000:.0f} |"
            )
    return out


def targets(results: dict[int, tuple[Build, Build]], serve_seconds: float | None) -> list[str]:
    def verdict(ok: bool) -> str:
        return "met" if ok else "**not met**"

    out = []
    for n, (ours, anchor) in results.items():
        ratio = ours.wall / anchor.wall
        out.append(
            f"- {n:,} terms: our build takes {ratio:.2f}x the anchor's wall time ({ours.cpu / anchor.cpu:.2f}x its CPU time) "
            f"(target at most {TARGET_VS_ANCHOR}x): {verdict(ratio <= TARGET_VS_ANCHOR)}"
        )
    if 1_000 in results and 10_000 in results:
        per_1k, per_10k = results[1_000][0].wall / 1_000, results[10_000][0].wall / 10_000
        ratio = per_10k / per_1k
        out.append(
            f"- time per term: {1000 * per_10k:.2f} ms at 10,000 terms, {1000 * per_1k:.2f} ms at 1,000: "
            f"{ratio:.2f}x (target at most {TARGET_PER_TERM}x): {verdict(ratio <= TARGET_PER_TERM)}"
        )
    if 100 in results and 10_000 in results:
        small, large = results[100][0].median_term_page, results[10_000][0].median_term_page
        ratio = large / small
        out.append(
            f"- median term page: {large:,} bytes at 10,000 terms, {small:,} at 100: {ratio:.2f}x "
            f"(target at most {TARGET_PAGE_WEIGHT}x): {verdict(ratio <= TARGET_PAGE_WEIGHT)}"
        )
    if serve_seconds is not None:
        out.append(f"- `mkdocs serve`, {SERVE_SIZE:,} terms: an edited term file is served {serve_seconds:.1f} s after it is saved")
    return out


def page(results: dict[int, tuple[Build, Build]], serve_seconds: float | None, repeats: int, load_before: float) -> str:
    return "\n".join(
        [
            "---",
            "title: 性能 · Performance",
            "---",
            "",
            "# 性能 · Performance",
            "",
            "Written by `make bench` (scripts/bench.py); do not edit by hand. Synthetic glossaries "
            "(scripts/synthetic_glossary.py) are built twice each: **ours**, the real configuration "
            "with the glossary hook reading `glossary/*.yaml`; and the **anchor**, stock MkDocs + Material "
            "without the hook, building the Markdown our engine generates as plain files (same theme, "
            "plugins and front matter, term pages out of the navigation, our search index copied in). "
            "The difference between the two is the cost of our code.",
            "",
            f"Wall time is the whole build process, median of {repeats} runs, ours and the anchor in turn, "
            "each after reading its source files once so neither waits on the disk. "
            "Our hook renders pages and the search index in a second process while MkDocs converts pages "
            "in the first (see Architecture), so our build uses both cores of this machine: *CPU time* adds "
            "up both processes, and *of which 2nd process* is the forked one's share. "
            "*Our code* is the time the MkDocs process spends importing the engine and in the hook's events, "
            "waiting for pages included; the rest is MkDocs and Material. "
            "jieba's general dictionary, which Material's search plugin loads in both builds for the site's "
            "Chinese pages, is loaded by our hook in ours (Material then reuses it), so there it counts as our code. "
            "Term page sizes are medians because the seeded generator gives term-00000 different text at each size.",
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
    parser.add_argument("--repeats", type=int, default=3, help="runs per build, ours and the anchor in turn (medians kept)")
    parser.add_argument("--no-serve", action="store_true", help="skip the `mkdocs serve` reload measurement")
    parser.add_argument("--output", type=Path, default=REPO / "docs" / "performance.md", help="the page to write ('-': none)")
    parser.add_argument("--run-build", nargs=3, type=Path, metavar=("PROJECT", "SITE", "REPORT"), help=argparse.SUPPRESS)
    parser.add_argument("--with-hook", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.run_build:
        run_build(*args.run_build, with_hook=args.with_hook)
        return 0

    from glossary_core.chinese import ChineseSegmenter
    from synthetic_glossary import write_glossary

    ChineseSegmenter(["术语"])  # jieba caches its dictionary on first use; do that before any timing
    load_before = os.getloadavg()[0]
    results: dict[int, tuple[Build, Build]] = {}
    serve_seconds = None
    with tempfile.TemporaryDirectory(prefix="glossary-bench-", dir=_in_memory_folder()) as tmp:
        for n in args.sizes:
            source = Path(tmp) / f"glossary-{n}"
            progress(f"{n:,} terms: writing the synthetic glossary")
            write_glossary(n, source)
            ours_project = make_project(Path(tmp) / f"ours-{n}", source)
            progress(f"{n:,} terms: writing the anchor's pages")
            anchor_project = make_anchor(Path(tmp) / f"anchor-{n}", source)
            runs: list[tuple[Build, Build]] = []
            for run in range(args.repeats):
                progress(f"{n:,} terms, run {run + 1}: building ours ...")
                ours = measure_build(ours_project, with_hook=True)
                progress(f"{n:,} terms, run {run + 1}: ours {ours.wall:.1f} s ({ours.ours:.1f} s in our code); building the anchor ...")
                copy_index(ours_project / "site", anchor_project)
                anchor = measure_build(anchor_project, with_hook=False)
                progress(f"{n:,} terms, run {run + 1}: anchor {anchor.wall:.1f} s")
                runs.append((ours, anchor))
            results[n] = (_median_build([r[0] for r in runs]), _median_build([r[1] for r in runs]))
        if not args.no_serve:
            source = Path(tmp) / f"glossary-serve-{SERVE_SIZE}"
            write_glossary(SERVE_SIZE, source)
            project = make_project(Path(tmp) / "serve", source)
            progress(f"mkdocs serve, {SERVE_SIZE:,} terms: starting, then editing term-00001.yaml ...")
            serve_seconds = measure_serve_reload(project, "term-00001")
            progress(f"mkdocs serve: the edit was served after {serve_seconds:.1f} s")

    repeats = args.repeats
    print("\n".join(["", *table(results), "", *targets(results, serve_seconds)]))
    if str(args.output) != "-":
        args.output.write_text(page(results, serve_seconds, repeats, load_before), encoding="utf-8")
        progress(f"wrote {args.output}")
    return 0


def _median_build(builds: list[Build]) -> Build:
    """Each figure's median over repeated runs."""
    fields = Build.__dataclass_fields__
    return Build(**{name: type(getattr(builds[0], name))(statistics.median(getattr(b, name) for b in builds)) for name in fields})


if __name__ == "__main__":
    sys.exit(main())
