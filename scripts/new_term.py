#!/usr/bin/env python3
"""Start a new term file from the commented template: `make new-term` uses this.

    python scripts/new_term.py rag --zh 检索增强生成 --en "Retrieval-augmented generation" --category applications

The placeholder texts start with 待补充 / TODO so they are easy to find, and scripts/check.py
and the build refuse the file, naming each line, until every one is replaced: an unfinished
file cannot be published by accident. Nothing else in the new file fails the check. It never
overwrites a file.

Exit status: 0 when the file was created, 1 when it was refused (nothing is written then).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
import textwrap
import unicodedata
from datetime import date
from pathlib import Path
from typing import Any

import yaml
from glossary_core.load import load_glossary, shown_path
from glossary_core.model import fold_name
from glossary_core.schema import ID_RULE, categories, is_valid_id, term_schema

ROOT = Path(__file__).resolve().parents[1]
SCHEMA_LINE = "# yaml-language-server: $schema=../schema/term.schema.json"
DEFAULT_CATEGORY = "concepts"


class Refused(Exception):
    """A reason not to write the file, said so the contributor can act on it."""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("id", help=f"the term id and file name: {ID_RULE}")
    parser.add_argument("--zh", required=True, help="the standard Chinese name, e.g. 检索增强生成")
    parser.add_argument("--en", required=True, help="the standard English name, e.g. 'Retrieval-augmented generation'")
    parser.add_argument("--category", default=DEFAULT_CATEGORY, help=f"one of: {', '.join(categories())} (default: {DEFAULT_CATEGORY})")
    parser.add_argument("--glossary", type=Path, default=ROOT / "glossary", help="the glossary folder (default: glossary/)")
    args = parser.parse_args(argv)

    try:
        path = create_term(args.glossary, args.id, args.zh, args.en, args.category)
    except Refused as reason:
        print(f"new_term: {reason}\nnothing was written.", file=sys.stderr)
        return 1
    print(f"created {shown_path(path, ROOT)}")
    print(
        f"next: replace every 待补充 and TODO in it, then run `make check` (or: .venv/bin/python scripts/check.py {shown_path(path, ROOT)})"
    )
    return 0


def create_term(glossary_dir: Path, term_id: str, zh: str, en: str, category: str = DEFAULT_CATEGORY) -> Path:
    """Write glossary_dir/<term_id>.yaml from the template, or raise Refused and write nothing."""
    zh, en = zh.strip(), en.strip()
    if not is_valid_id(term_id):
        raise Refused(f"'{term_id}' is not a valid term id: use {ID_RULE}")
    if category not in categories():
        raise Refused(f"'{category}' is not a category: use one of {', '.join(categories())}")
    for flag, name in (("--zh", zh), ("--en", en)):
        # Line breaks and invisible control characters would break the YAML or hide in the name.
        if not name or any(unicodedata.category(ch) in {"Cc", "Cf", "Zl", "Zp"} for ch in name):
            raise Refused(f"{flag} must be a name on one line, without control characters, not {name!r}")
    if not glossary_dir.is_dir():
        raise Refused(f"the glossary folder {shown_path(glossary_dir, ROOT)} does not exist")
    path = glossary_dir / f"{term_id}.yaml"
    if path.exists():
        raise Refused(f"{shown_path(path, ROOT)} already exists: edit that file instead")

    text = render(term_id, zh, en, category)
    _check_alone(path.name, text)
    _check_names_are_free(glossary_dir, zh, en)
    try:
        with path.open("x", encoding="utf-8", newline="\n") as out:  # "x": never overwrite, even in a race
            out.write(text)
    except FileExistsError:
        raise Refused(f"{shown_path(path, ROOT)} already exists: edit that file instead") from None
    return path


def render(term_id: str, zh: str, en: str, category: str, today: date | None = None) -> str:
    """The term file: every field with its note from the schema, placeholders where text is needed.

    The notes and examples are read from schema/term.schema.json, so the template cannot drift
    from the rules the checker applies.
    """
    today = today or date.today()
    lines = [
        SCHEMA_LINE,
        "# 由 scripts/new_term.py 生成。请替换所有“待补充”和“TODO”，写好后运行 make check。",
        "# Made by scripts/new_term.py. Replace every 待补充 and TODO, then run `make check`.",
        "# 以 # 开头的行是注释，可以删除。Lines starting with # are comments: delete them when you like.",
        "",
        *_note("id"),
        f"id: {term_id}",
        *_note("former_ids"),
        f"# former_ids: {_flow(_example('former_ids'))}",
        *_note("zh"),
        f"zh: {_scalar(zh)}",
        *_note("en"),
        f"en: {_scalar(en)}",
        *_note("abbr"),
        f"# abbr: {_flow(_example('abbr'))}",
        *_note("pinyin"),
        f"# pinyin: {_flow(_example('pinyin'))}",
        *_note("aliases"),
        "aliases:",
        *_note("aliases", "zh", indent=2),
        *_alias_forms(indent=2),
        f"  # 例 e.g. {_flow(_example('aliases', 'zh'))}",
        "  zh: []",
        *_note("aliases", "en", indent=2),
        f"  # 例 e.g. {_flow(_example('aliases', 'en'))}",
        "  en: []",
        *_note("authority"),
        *_note("authority", "zh"),
        *_note("authority", "en"),
        f"# authority: {_flow(_example('authority'))}",
        *_note("search_keywords"),
        f"# search_keywords: {_flow(_example('search_keywords'))}",
        *_note("category"),
        *(f"#   {c.id:<19} {c.zh} · {c.en}" for c in categories().values()),
        f"category: {category}",
        *_note("tags"),
        f"# 例 e.g. {_flow(_example('tags'))}",
        "tags: []",
        *_note("summary"),
        "summary:",
        *_note("summary", "zh", indent=2),
        f"  zh: {_scalar(f'待补充：用一句话定义{zh}，约 30–80 字。')}",
        *_note("summary", "en", indent=2),
        f"  en: {_scalar(f'TODO: define {en} in one sentence of about 15–40 words.')}",
        *_note("body"),
        "body:",
        *_note("body", "zh", indent=2),
        "  zh: |",
        "    待补充：它如何工作、为什么重要、一个具体的例子或数字、与容易混淆的术语有何不同。",
        "    核心术语写 150–500 字；产品或工具可以更短。",
        *_note("body", "en", indent=2),
        "  en: |",
        "    TODO: how it works, why it matters, one concrete example or number, and how it differs",
        "    from the terms it is confused with. Write for an English reader, not word for word.",
        *_note("related"),
        f"# 例 e.g. {_flow(_example('related'))}",
        "related: []",
        *_note("references"),
        "references: []",
        *(f"#   {key}: {spec['description']}" for key, spec in _node("references", "[]")["properties"].items()),
        "# 例 e.g.",
        "# references:",
        *(f"#   {'-' if i == 0 else ' '} {key}: {_flow(value)}" for i, (key, value) in enumerate(_example("references")[0].items())),
        *_note("reviewed"),
        f"reviewed: {today.isoformat()}",
    ]
    return "\n".join(lines) + "\n"


def _alias_forms(indent: int) -> list[str]:
    """How a name's status is written, from the schema: a plain string, or a mapping."""
    spec = _node("aliases", "zh")["items"]["anyOf"][1]["properties"]
    prefix = " " * indent + "# "
    return [f"{prefix}{key}: {field['description']}" for key, field in spec.items()]


# Where a bilingual description switches language: after 。 before Latin text, or after ". " before Chinese.
_LANGUAGE_SWITCH = re.compile(r"(?<=。)\s*(?=[A-Za-z])|(?<=\.)\s+(?=[\u4e00-\u9fff])")


def _node(*path: str) -> dict[str, Any]:
    """The schema of a field: _node("summary", "zh"); "[]" steps into a list's items."""
    node = term_schema()
    for part in path:
        node = node["items"] if part == "[]" else node["properties"][part]
    return node


def _note(*path: str, indent: int = 0) -> list[str]:
    """The schema's bilingual description of a field as comment lines, one language at a time."""
    prefix = " " * indent + "# "
    lines = []
    for part in _LANGUAGE_SWITCH.split(_node(*path)["description"]):
        # Chinese has no spaces to break at; its runs stay whole rather than being cut mid-word.
        lines += textwrap.wrap(part, width=100, initial_indent=prefix, subsequent_indent=prefix, break_long_words=False)
    return lines


def _example(*path: str) -> Any:
    """The schema's first example of a field."""
    return _node(*path)["examples"][0]


def _flow(value: Any) -> str:
    """A short value as one line of YAML, lists in [a, b] form like the existing term files."""
    if isinstance(value, list):
        return "[" + ", ".join(_flow(item) for item in value) + "]"
    return _scalar(value) if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def _scalar(text: str) -> str:
    """Text as a YAML value: plain when YAML reads it back unchanged, otherwise double-quoted.

    yaml.safe_load is stricter than the glossary's own loader (it also turns yes/1.5/dates into
    other types), so whatever survives it plain is read as the same text by the checker.
    """
    try:
        if yaml.safe_load(f"k: {text}") == {"k": text}:
            return text
    except yaml.YAMLError:
        pass
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a valid YAML double-quoted scalar


def _check_alone(file_name: str, text: str) -> None:
    """Run the checker's own rules on the new file by itself, before it touches the glossary."""
    with tempfile.TemporaryDirectory() as scratch:
        (Path(scratch) / file_name).write_text(text, encoding="utf-8")
        _, problems = load_glossary(Path(scratch))
    # The placeholders are meant to fail the check until they are written over; nothing else may.
    problems = [p for p in problems if "placeholder" not in p.message]
    if problems:
        details = "\n".join(f"  {p.message}" for p in problems)
        raise Refused(f"the new file would not pass the check:\n{details}")


def _check_names_are_free(glossary_dir: Path, zh: str, en: str) -> None:
    """Standard names are unique across the glossary: say which file already uses one."""
    glossary, _ = load_glossary(glossary_dir, ROOT)
    for term in glossary.terms.values():
        for field, name in (("zh", zh), ("en", en)):
            if fold_name(getattr(term, field)) == fold_name(name):
                raise Refused(
                    f"the {field} name '{name}' is already the {field} name of {term.source_path}: "
                    "if it is the same concept, edit that file; if not, choose a more specific name"
                )


if __name__ == "__main__":
    sys.exit(main())
