"""MkDocs adapter for the glossary engine: load and check on config, add pages on files.

Thin on purpose: all logic lives in glossary_core, which knows nothing of MkDocs. Hook modules
are not reloaded by `mkdocs serve`, so nothing here outlives one build: the glossary is loaded
afresh in on_config and kept on the config object that belongs to that build.
"""

from __future__ import annotations

from pathlib import Path

from glossary_core.load import load_glossary
from glossary_core.problems import summary_line
from glossary_core.search_index import SegmenterError
from glossary_core.site import build_site
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.structure.files import File, Files, InclusionLevel

_GLOSSARY_KEY = "glossary_terms"  # where this build's Glossary rides on the config


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    project_root = Path(config.config_file_path).resolve().parent
    glossary, problems = load_glossary(project_root / "glossary", project_root)
    if problems:
        # Abort prints its message without a traceback; the problems are the message.
        report = "\n".join(str(p) for p in problems)
        raise Abort(f"{report}\n\n{summary_line(problems)}: the site was not built. Fix them and build again.")
    config.extra[_GLOSSARY_KEY] = glossary
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    try:
        site = build_site(config.extra[_GLOSSARY_KEY])
    except SegmenterError as error:
        raise Abort(f"search and linking need jieba: {error}") from None
    out_of_docs = _path_from_docs(config, "")  # once, not per page: it resolves paths on disk
    for page in site.pages:
        if files.get_file_from_path(page.uri) is not None:
            raise Abort(f"docs/{page.uri} clashes with a page the glossary generates: rename or remove docs/{page.uri}")
        inclusion = InclusionLevel.UNDEFINED if page.in_nav else InclusionLevel.NOT_IN_NAV
        file = File.generated(config, page.uri, content=page.markdown, inclusion=inclusion)
        if page.edit_path:
            # edit_uri is joined to the repository's docs/ URL; step out of docs/ to the YAML file.
            file.edit_uri = out_of_docs + page.edit_path
        files.append(file)

    # Our search index replaces Material's for terms; URLs come from MkDocs so they match the site.
    def page_url(uri: str) -> str:
        return files.get_file_from_path(uri).url

    names, text = site.search_index_scripts(page_url)
    files.append(File.generated(config, "search/glossary-names.js", content=names))
    files.append(File.generated(config, "search/glossary-text.js", content=text))
    return files


def on_page_markdown(markdown: str, page, config: MkDocsConfig, files: Files) -> str:
    # Material's own search plugin stays on only because it draws the header search box; keep
    # generated pages out of its index so it does no work our index already does.
    if page.file.generated_by is not None:
        page.meta["search"] = {"exclude": True}
    return markdown


def _path_from_docs(config: MkDocsConfig, project_path: str) -> str:
    docs = Path(config.docs_dir).resolve()
    root = Path(config.config_file_path).resolve().parent
    depth = len(docs.relative_to(root).parts)
    return "../" * depth + project_path
