"""The contribution kit: annotations, workflows, issue forms, editor settings, guide and licences."""

from __future__ import annotations

import configparser
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from glossary_core.problems import Problem
from glossary_core.schema import categories, term_schema
from support import FIXTURES, REPO, make_project, run_mkdocs, schema_properties

WORKFLOWS = sorted((REPO / ".github" / "workflows").glob("*.yml"))
ISSUE_FORMS = sorted(p for p in (REPO / ".github" / "ISSUE_TEMPLATE").glob("*.yml") if p.name != "config.yml")
PINNED_USE = re.compile(r"^\s*(?:- )?uses: ([\w.-]+/[\w./-]+)@([0-9a-f]{40}) # v\d+\.\d+\.\d+$")


def _yaml(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


# GitHub annotations


def test_github_annotation_format_is_exact(tmp_path: Path) -> None:
    new = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "new_term.py"), "rag", "--zh", "检索增强生成", "--en", "RAG", "--glossary", str(tmp_path)],
        capture_output=True,
        text=True,
    )
    assert new.returncode == 0, new.stderr
    term = tmp_path / "rag.yaml"
    lines = term.read_text(encoding="utf-8").splitlines()
    line = lines.index("category: concepts") + 1
    lines[line - 1] = "category: concept"
    term.write_text("\n".join(lines) + "\n", encoding="utf-8")

    result = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "check.py"), "--format", "github", "--glossary", str(tmp_path)],
        capture_output=True,
        text=True,
        cwd=REPO,
    )
    assert result.returncode == 1
    expected = f"::error file={term.as_posix()},line={line},col=11::'concept' is not a known category: did you mean 'concepts'?"
    assert result.stdout.startswith(expected)
    assert len(result.stdout.splitlines()) == 1


def test_github_annotation_escapes_what_would_end_the_command() -> None:
    problem = Problem("glossary/rag.yaml", 3, 5, "100% sure\r\nnot")
    assert problem.github_annotation() == "::error file=glossary/rag.yaml,line=3,col=5::100%25 sure%0D%0Anot"


# Workflows


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda p: p.name)
def test_workflow_parses_and_pins_every_action_to_a_commit(workflow: Path) -> None:
    data = _yaml(workflow)
    assert data["jobs"] and data["permissions"] == {"contents": "read"}
    uses = [line for line in workflow.read_text(encoding="utf-8").splitlines() if "uses:" in line]
    assert uses
    for line in uses:
        assert PINNED_USE.match(line), f"not pinned to a full commit SHA with a '# vX.Y.Z' comment: {line.strip()}"


def test_ci_runs_on_pull_requests_and_main_and_does_the_work() -> None:
    data = _yaml(REPO / ".github" / "workflows" / "ci.yml")
    triggers = data.get("on", data.get(True))  # YAML 1.1 reads the key `on` as true
    assert "pull_request" in triggers and triggers["push"]["branches"] == ["main"]
    steps = [step.get("run", step.get("uses", "")) for job in data["jobs"].values() for step in job["steps"]]
    for expected in (".venv/bin/python scripts/check.py --format github", "make test", "make build", "actions/upload-artifact@"):
        assert any(expected in step for step in steps), expected
    setup = next(step for job in data["jobs"].values() for step in job["steps"] if "actions/setup-python@" in step.get("uses", ""))
    assert setup["with"]["python-version"] == "3.11"


def test_only_the_pages_deploy_job_may_write() -> None:
    data = _yaml(REPO / ".github" / "workflows" / "pages.yml")
    writers = {name: job["permissions"] for name, job in data["jobs"].items() if "permissions" in job}
    assert writers == {"deploy": {"pages": "write", "id-token": "write"}}
    uses = " ".join(step.get("uses", "") for job in data["jobs"].values() for step in job["steps"])
    for action in ("actions/configure-pages@", "actions/upload-pages-artifact@", "actions/deploy-pages@"):
        assert action in uses
    ci = _yaml(REPO / ".github" / "workflows" / "ci.yml")
    assert all("permissions" not in job for job in ci["jobs"].values())


# Issue forms and pull-request template


@pytest.mark.parametrize("form", ISSUE_FORMS, ids=lambda p: p.name)
def test_issue_form_parses_with_the_keys_github_needs(form: Path) -> None:
    data = _yaml(form)
    assert data["name"] and data["description"] and data["body"]
    ids = []
    for item in data["body"]:
        assert item["type"] in {"markdown", "input", "textarea", "dropdown", "checkboxes"}
        if item["type"] == "markdown":
            assert item["attributes"]["value"]
            continue
        ids.append(item["id"])
        assert item["attributes"]["label"]
        if item["type"] in {"dropdown", "checkboxes"}:
            assert item["attributes"]["options"]
    assert len(ids) == len(set(ids))


def test_issue_forms_and_config() -> None:
    assert {p.name for p in ISSUE_FORMS} == {"new-term.yml", "correction.yml", "better-translation.yml"}
    config = _yaml(REPO / ".github" / "ISSUE_TEMPLATE" / "config.yml")
    assert isinstance(config["blank_issues_enabled"], bool)
    for link in config["contact_links"]:
        assert link["name"] and link["about"] and link["url"].startswith("https://")


def test_pull_request_checklist() -> None:
    text = (REPO / ".github" / "PULL_REQUEST_TEMPLATE.md").read_text(encoding="utf-8")
    items = re.split(r"^- \[ \] ", text, flags=re.MULTILINE)[1:]  # each box with its continuation lines
    for needle in ("Both languages", "Every reference exists", "own words", "copycheck", "`make check`"):
        assert any(needle in item for item in items), needle


# Editor support and hooks


def test_vscode_maps_term_files_to_the_schema() -> None:
    settings = json.loads((REPO / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    mapping = settings["yaml.schemas"]
    for schema, globs in mapping.items():
        assert (REPO / schema).resolve().is_file(), schema
        assert any(Path("glossary/lora.yaml").match(glob) for glob in globs)
    assert (REPO / "schema" / "term.schema.json").resolve() in {(REPO / s).resolve() for s in mapping}
    extensions = json.loads((REPO / ".vscode" / "extensions.json").read_text(encoding="utf-8"))
    assert "redhat.vscode-yaml" in extensions["recommendations"]


def test_every_schema_property_has_a_bilingual_description_and_valid_examples() -> None:
    for path, spec in schema_properties(term_schema()):
        description = spec.get("description", "")
        assert re.search(r"[\u4e00-\u9fff]", description) and re.search(r"[A-Za-z]{3}", description), path
        assert spec.get("examples"), f"{path} has no examples"
        for example in spec["examples"]:
            jsonschema.validate(example, spec)  # an example editors show must itself be valid


def test_editorconfig() -> None:
    parser = configparser.ConfigParser()
    parser.read_string("[top]\n" + (REPO / ".editorconfig").read_text(encoding="utf-8"))
    assert parser["top"]["root"] == "true"
    assert parser["*"]["charset"] == "utf-8" and parser["*"]["end_of_line"] == "lf" and parser["*"]["insert_final_newline"] == "true"
    assert parser["*.{yaml,yml,json}"]["indent_size"] == "2"
    assert parser["*.py"]["indent_size"] == "4"


def test_pre_commit_runs_ruff_and_the_checker_on_term_files() -> None:
    repos = _yaml(REPO / ".pre-commit-config.yaml")["repos"]
    ruff = next(r for r in repos if r["repo"] == "https://github.com/astral-sh/ruff-pre-commit")
    assert re.fullmatch(r"v\d+\.\d+\.\d+", ruff["rev"])
    assert {h["id"] for h in ruff["hooks"]} == {"ruff-check", "ruff-format"}
    local = next(r for r in repos if r["repo"] == "local")["hooks"][0]
    assert local["entry"] == ".venv/bin/python scripts/check.py" and local["language"] == "system"
    assert re.search(local["files"], "glossary/lora.yaml") and not re.search(local["files"], "docs/glossary/x.yaml")
    assert not re.search(local["files"], "glossary/notes.md")


# Guide and licences


def test_contributing_guide_covers_every_field_and_category() -> None:
    guide = (REPO / "CONTRIBUTING.md").read_text(encoding="utf-8")
    for path, _ in schema_properties(term_schema()):
        assert f"`{path.rsplit('.', 1)[-1].removesuffix('[]')}`" in guide, path
    for category in categories():
        assert f"`{category}`" in guide, category
    for needle in ("make new-term", "make check", "pre-commit install", "How review works"):
        assert needle in guide
    # Relative links would break once the guide is included in the site under docs/.
    assert not re.search(r"\]\((?!https?://|#)", guide)


def test_contributing_page_includes_the_guide() -> None:
    assert (REPO / "docs" / "contributing.md").read_text(encoding="utf-8") == '--8<-- "CONTRIBUTING.md"\n'


def test_licences() -> None:
    mit = (REPO / "LICENSE").read_text(encoding="utf-8")
    assert mit.startswith("MIT License") and "Copyright (c) 2026 The AI Glossary contributors" in mit
    content = (REPO / "LICENSE-CONTENT").read_text(encoding="utf-8")
    assert "CC BY 4.0" in content and "https://creativecommons.org/licenses/by/4.0/" in content


@pytest.mark.slow
def test_contributing_page_builds_strictly(tmp_path: Path) -> None:
    """The snippets settings proposed for mkdocs.yml; added here while mkdocs.yml lacks them."""
    project = make_project(tmp_path, FIXTURES / "small-glossary")
    config_file = project / "mkdocs.yml"
    config = config_file.read_text(encoding="utf-8")
    if "pymdownx.snippets" not in config:
        snippets = '  - pymdownx.snippets:\n      base_path: ["."]\n      check_paths: true\n'
        config = config.replace("markdown_extensions:\n", "markdown_extensions:\n" + snippets, 1)
    if "contributing.md" not in config:
        config = config.replace("\nnav:\n", "\nnav:\n  - 参与贡献 Contributing: contributing.md\n", 1)
    config_file.write_text(config, encoding="utf-8")
    # Snippets runs on every page: a term file must not be able to pull a repository file in.
    shutil.copy(REPO / "LICENSE", project / "LICENSE")
    new = [sys.executable, str(REPO / "scripts" / "new_term.py"), "--glossary", str(project / "glossary")]
    assert subprocess.run([*new, "--zh", "片段探针", "--en", "Snippet probe", "--", "snippet-probe"], capture_output=True).returncode == 0
    probe = project / "glossary" / "snippet-probe.yaml"
    written = probe.read_text(encoding="utf-8").replace("待补充：", "").replace("TODO: ", "")  # placeholders fail the build
    probe.write_text(written.replace("  en: |\n", '  en: |\n    --8<-- "LICENSE"\n\n'), encoding="utf-8")

    result = run_mkdocs(project, "build", "--strict", "--site-dir", str(project / "site"))
    assert result.returncode == 0, result.stderr
    page = (project / "site" / "contributing.html").read_text(encoding="utf-8")
    assert "五分钟添加一个术语" in page and "Add a term in five minutes" in page and "--8&lt;--" not in page
    probe_page = (project / "site" / "terms" / "snippet-probe.html").read_text(encoding="utf-8")
    assert "Permission is hereby granted" not in probe_page
    assert '<p>--8&lt;-- "LICENSE"</p>' in probe_page  # shown as the text it is
