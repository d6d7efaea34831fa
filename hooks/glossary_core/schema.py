"""The one JSON Schema for a term file, applied with messages that say what to change.

schema/term.schema.json is the single source of truth: editors use it for completion, and this
module uses it for checking and for the category list with its Chinese and English labels.
"""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import fastjsonschema
import jsonschema

from .problems import Problem
from .yaml_source import DocPath, Position, SourceMap

SCHEMA_PATH = Path(__file__).resolve().parents[2] / "schema" / "term.schema.json"
ID_RULE = "lowercase ASCII letters and digits joined by single hyphens, e.g. 'fine-tuning'"


@dataclass(frozen=True)
class Category:
    id: str
    zh: str
    en: str


@cache
def term_schema() -> dict[str, Any]:
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


@cache
def _compiled_check() -> Callable[[Any], Any]:
    """The schema compiled to Python: a tenth of jsonschema's time on a valid file, but it stops at
    the first error and words it its own way, so it only decides whether messages are needed."""
    return fastjsonschema.compile(term_schema())


def is_valid(data: Any) -> bool:
    try:
        _compiled_check()(data)
    except fastjsonschema.JsonSchemaValueException:
        return False
    return True


@cache
def _validator() -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(term_schema())


def categories() -> dict[str, Category]:
    """Categories in display order, from the schema's enum and its x-labels."""
    spec = term_schema()["properties"]["category"]
    labels = spec["x-labels"]
    return {cid: Category(cid, labels[cid]["zh"], labels[cid]["en"]) for cid in spec["enum"]}


def is_valid_id(text: str) -> bool:
    """The schema's own rule for ids, so file names and the scaffold agree with it."""
    return re.fullmatch(term_schema()["properties"]["id"]["pattern"], text) is not None


def validate(data: Any, source: SourceMap) -> list[Problem]:
    """Schema problems of one loaded document, in file order."""
    if not isinstance(data, dict):
        kind = _describe(data)
        pos = source.values.get((), Position(1, 1))  # where the document starts, after any leading comments
        message = (
            f"the file must be a mapping of fields (id:, zh:, en:, ...), not {kind}: "
            "write one 'key: value' per line, starting at the left margin"
        )
        return [source.problem(pos, message)]
    if is_valid(data):  # most files are: skip the slow validator that explains errors
        return []
    problems = []
    for error in _validator().iter_errors(data):
        problems.extend(_explain(error, source))
    return sorted(set(problems))


def dotted(path: DocPath) -> str:
    """('references', 2, 'url') -> 'references[2].url', as a contributor reads the file."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out or "(top level)"


def _explain(error: jsonschema.ValidationError, source: SourceMap) -> list[Problem]:
    path: DocPath = tuple(error.absolute_path)
    where = dotted(path)
    kind, schema, value = error.validator, error.schema, error.instance

    at = source.problem_at

    if kind == "anyOf":  # an alias: text, or a mapping with its status; explain against the form it was written in
        branch = 1 if isinstance(value, dict) else 0
        inner = [e for e in error.context or () if e.schema_path and e.schema_path[0] == branch]
        if isinstance(value, (str, dict)) and inner:
            return [p for e in inner for p in _explain(e, source)]
        return [at(path, f"'{where}' must be a name as text, or a mapping like {{name: ..., status: discouraged, reason: ...}}")]
    if kind == "additionalProperties":
        allowed = list(schema.get("properties", {}))
        out = []
        for name in value:
            if name in allowed:
                continue
            close = difflib.get_close_matches(str(name), allowed, n=1, cutoff=0.6)
            hint = f"did you mean '{close[0]}'? " if close else ""
            place = f" in {where}" if path else ""
            out.append(at(path + (name,), f"unknown key '{name}'{place}: {hint}allowed keys are {', '.join(allowed)}", key=True))
        return out
    if kind == "required":
        missing = [name for name in error.validator_value if name not in value]
        parent = f" in {where}" if path else ""
        # A list item has no key of its own: point at the item, not at the list's key.
        on_key = not path or isinstance(path[-1], str)
        return [
            at(path, f"missing required field '{name}'{parent}: add it ({_field_help(path + (name,))})", key=on_key) for name in missing
        ]
    if kind == "type":
        expected = _TYPE_WORDS.get(str(error.validator_value), str(error.validator_value))
        if value is None:  # `key:` with nothing after it; quoting nothing would not help
            optional = "" if _is_required(path) else ", or delete the line"
            return [at(path, f"'{where}' is empty: write {expected} here{optional}")]
        hint = ""
        if expected == "text" and not isinstance(value, (dict, list)):
            hint = ": put the value in quotes"
        elif expected == "a list" and isinstance(value, (str, int)):
            shown = str(value) if len(str(value)) <= 40 and "\n" not in str(value) else "first, second"
            hint = f": write the items in brackets, e.g. [{shown}]"
        elif expected == "a mapping of keys" and "properties" in schema:
            keys = " and ".join(f"'{k}:'" for k in schema["properties"] if k in schema.get("required", schema["properties"]))
            hint = f": write {keys} on indented lines under it"
        return [at(path, f"'{where}' must be {expected}, not {_describe(value)}{hint}")]
    if kind == "enum":
        options = [str(o) for o in error.validator_value]
        close = difflib.get_close_matches(str(value), options, n=1, cutoff=0.5)
        hint = f"did you mean '{close[0]}'? " if close else ""
        return [at(path, f"'{value}' is not a known {where}: {hint}use one of {', '.join(options)}")]
    if kind == "pattern":
        form = _PATTERN_WORDS.get(_field(path), "in the expected form")
        fix = _PATTERN_FIXES.get(_field(path), "rewrite it in that form")
        return [at(path, f"'{where}' is {value!r}, which is not {form}: {fix}")]
    if kind == "minLength":
        if value == "":
            return [at(path, f"'{where}' is empty: write it out")]
        return [at(path, f"'{where}' is too short (at least {error.validator_value} characters): write it out")]
    if kind == "maxLength":
        return [at(path, f"'{where}' is {len(value)} characters, over the limit of {error.validator_value}: shorten it")]
    if kind == "uniqueItems":
        seen, dupes = set(), []
        for item in value:
            key = json.dumps(item, sort_keys=True, ensure_ascii=False)
            if key in seen:
                dupes.append(item)
            seen.add(key)
        return [at(path, f"'{where}' lists {dupes[0]!r} more than once: remove the repeat")]
    if kind in ("minimum", "maximum"):
        return [at(path, f"'{where}' is {value}, outside {schema.get('minimum')}–{schema.get('maximum')}: check the year")]
    return [at(path, f"'{where}': {error.message}")]


def _field(path: DocPath) -> str:
    """The schema-level name of a path: ('references', 0, 'url') -> 'references.url'."""
    return ".".join(str(p) for p in path if not isinstance(p, int))


def _is_required(path: DocPath) -> bool:
    """Whether the schema requires the field at `path` (list items never are)."""
    if not path or isinstance(path[-1], int):
        return False
    return path[-1] in _schema_at(path[:-1]).get("required", [])


def _field_help(path: DocPath) -> str:
    return _schema_at(path).get("description", "see schema/term.schema.json").split("。")[0]


def _schema_at(path: DocPath) -> dict[str, Any]:
    """The part of the schema that describes the value at `path` ({} where it describes none)."""
    node = term_schema()
    for part in path:
        if isinstance(part, str) and "anyOf" in node:  # into an alias written as a mapping
            node = next((branch for branch in node["anyOf"] if "properties" in branch), {})
        node = node.get("items", {}) if isinstance(part, int) else node.get("properties", {}).get(part, {})
    return node


def _describe(value: Any) -> str:
    if value is None:
        return "empty"
    if isinstance(value, bool):
        return f"the boolean {value}"
    if isinstance(value, int):
        return f"the number {value}"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


_TYPE_WORDS = {"string": "text", "array": "a list", "object": "a mapping of keys", "integer": "a whole number"}
_PATTERN_WORDS = {
    "id": ID_RULE,
    "related": f"a term id ({ID_RULE})",
    "tags": f"a tag ({ID_RULE})",
    "pinyin": "lowercase toneless pinyin with syllables separated by spaces, e.g. 'wei tiao'",
    "references.url": "an http:// or https:// URL without spaces",
}
_PATTERN_FIXES = {
    "id": "make it the file name without .yaml",
    "related": "write the other term's id, its file name without .yaml",
    "pinyin": "write it like 'wei tiao', or delete the field to use the automatic pinyin",
    "references.url": "write the full address of the page, starting with https://",
}
