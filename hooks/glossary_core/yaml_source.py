"""Read one term file strictly: UTF-8 only, no duplicate keys, no YAML 1.1 surprises, line numbers kept.

PyYAML's defaults are wrong for hand-written content: it keeps the last of two duplicate keys,
reads `NO`, `on` and `yes` as booleans, `1e3` as a number and `2024-01-01` as a date, and expands
aliases without limit. This loader keeps every plain scalar as text except null, decimal
integers and lower-case true/false (the only non-text values the schema has), rejects duplicate
keys and aliases, and records where every value starts so later checks can point at the right line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .problems import Problem, excerpt

MAX_FILE_BYTES = 128 * 1024  # the longest real entry is a few KB; this stops runaway files early
# A term nests three levels (references: - url:). libyaml's composer recurses in C and crashes the
# interpreter somewhere past 20,000 levels, which 128 KB of brackets can reach, so depth is capped.
MAX_DEPTH = 20
# Each level of nesting needs one of these characters, so a file with fewer of them cannot be too
# deep and skips the (slower) depth pre-check; real term files have under 200.
_NESTING_CHARS = "[{-?:"
_NESTING_CHECK_ABOVE = 1000

# A path into a loaded document: ("references", 2, "url").
DocPath = tuple[str | int, ...]


@dataclass(frozen=True)
class Position:
    line: int  # 1-based
    col: int  # 1-based


@dataclass
class SourceMap:
    """Where each value (and each mapping key) of a document starts in its file."""

    display_path: str
    lines: list[str]
    values: dict[DocPath, Position] = field(default_factory=dict)
    keys: dict[DocPath, Position] = field(default_factory=dict)
    literal_blocks: dict[DocPath, str] = field(default_factory=dict)  # values written with `|`, by path

    def at(self, path: DocPath, *, key: bool = False) -> Position:
        """The position of `path`, falling back to its nearest recorded parent, then to 1:1."""
        table = self.keys if key else self.values
        while path:
            if path in table:
                return table[path]
            if path in self.keys:
                return self.keys[path]
            path = path[:-1]
        return Position(1, 1)

    def problem(self, pos: Position, message: str) -> Problem:
        """A problem at `pos` in this file, with an excerpt of the line it points into."""
        return Problem(self.display_path, pos.line, pos.col, message, excerpt(self.lines, pos.line, pos.col))

    def problem_at(self, path: DocPath, message: str, *, key: bool = False, offset: int | None = None) -> Problem:
        """A problem at the value (or key) at `path`, or at character `offset` of its text."""
        return self.problem(self.in_text(path, offset) if offset is not None else self.at(path, key=key), message)

    def in_text(self, path: DocPath, offset: int) -> Position:
        """The file position of character `offset` inside the string value at `path`.

        Exact for literal blocks (`|`), where every text line is a file line; for other scalar
        styles YAML folds lines, so the start of the value is the honest answer.
        """
        start = self.at(path)
        if path not in self.literal_blocks:
            return start
        # Text starts on the line after the `|` indicator (later lines may be blank ones YAML kept).
        text_line = start.line + 1
        before = self.literal_blocks[path][:offset]
        line = text_line + before.count("\n")
        line_start = before.rfind("\n") + 1
        file_line = self.lines[line - 1] if line <= len(self.lines) else ""
        indent = len(file_line) - len(file_line.lstrip(" "))
        return Position(line, indent + (offset - line_start) + 1)


# libyaml's C parser when present (about 20x faster on 10,000 files), else PyYAML's own.
_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _StrictLoader(_BaseLoader):  # type: ignore[misc, valid-type]
    """Resolves only null, decimal integers and true/false implicitly; everything else stays text."""


_StrictLoader.yaml_implicit_resolvers = {}
_StrictLoader.add_implicit_resolver("tag:yaml.org,2002:null", re.compile(r"^(?:~|null|Null|NULL|)$"), ["~", "n", "N", ""])
_StrictLoader.add_implicit_resolver("tag:yaml.org,2002:int", re.compile(r"^[-+]?[0-9]+$"), list("-+0123456789"))
_StrictLoader.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|false)$"), ["t", "f"])

_ALIAS_MESSAGE = "YAML aliases (*name) are not allowed in term files"
_DEPTH_MESSAGE = (
    f"lists and mappings are nested more than {MAX_DEPTH} levels deep here; a term file needs three at most "
    "(references: - url:): remove the extra brackets or indentation"
)
_STR, _INT, _NULL, _BOOL = "tag:yaml.org,2002:str", "tag:yaml.org,2002:int", "tag:yaml.org,2002:null", "tag:yaml.org,2002:bool"
_SEQ, _MAP = "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"


def read_term_file(path: Path, display_path: str) -> tuple[Any, SourceMap | None, list[Problem]]:
    """Load one file into plain data with a SourceMap, or return the problems that stop it loading."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        return None, None, [Problem(display_path, 1, 1, f"cannot read the file: {error.strerror}")]
    return parse_term_file(raw, display_path)


def parse_term_file(raw: bytes, display_path: str) -> tuple[Any, SourceMap | None, list[Problem]]:
    """read_term_file() for a file's bytes already read."""

    def fail(line: int, col: int, message: str, lines: list[str] | None = None) -> tuple[Any, None, list[Problem]]:
        return None, None, [Problem(display_path, line, col, message, excerpt(lines or [], line, col))]

    if len(raw) > MAX_FILE_BYTES:
        return fail(1, 1, f"file is {len(raw):,} bytes; a term file may be at most {MAX_FILE_BYTES:,} bytes: shorten the body")
    try:
        text = raw.decode("utf-8-sig")  # a byte-order mark is harmless: accept it
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        col = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        return fail(line, col, f"the file is not valid UTF-8 (byte 0x{raw[error.start]:02x}): save it with UTF-8 encoding")
    lines = text.splitlines()
    if not text.strip() or all(not ln.strip() or ln.lstrip().startswith("#") for ln in lines):
        return fail(1, 1, "the file is empty: a term needs at least id, zh, en, category, summary and body (see CONTRIBUTING.md)")

    if sum(text.count(c) for c in _NESTING_CHARS) > _NESTING_CHECK_ABOVE:
        too_deep = _first_too_deep(text)
        if too_deep:
            return fail(too_deep.line + 1, too_deep.column + 1, _DEPTH_MESSAGE, lines)

    loader = _StrictLoader(text)
    try:
        root = loader.get_single_node()
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        if error.context_mark and (error.problem or "").startswith("found unexpected end of stream"):
            mark = error.context_mark  # the end of the file says nothing; where the open quote or bracket began does
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        at_tab = line <= len(lines) and "\t" in lines[line - 1][:col]
        return fail(line, col, _explain_yaml_error(error, at_tab), lines)
    except yaml.reader.ReaderError as error:  # a character YAML forbids anywhere, such as NUL or ESC
        if not isinstance(error.character, int) or chr(error.character) not in text:
            return fail(1, 1, f"YAML error: {error}")
        bad = chr(error.character)
        pos = _position_of(text, text.index(bad))  # the reader stops at the first one
        # The excerpt shows a visible stand-in: the raw character could ring or drive the terminal.
        shown = [ln.replace(bad, chr(0x2400 + ord(bad)) if ord(bad) < 0x20 else "\ufffd") for ln in lines]
        message = f"the file contains the invisible character U+{ord(bad):04X}, which YAML does not allow: delete it"
        return fail(pos.line, pos.col, message + " (it usually comes in with pasted text)", shown)
    except yaml.YAMLError as error:  # errors without a position are rare; still report, never raise
        return fail(1, 1, f"YAML error: {error}")
    finally:
        loader.dispose()

    source = SourceMap(display_path, lines)
    problems: list[Problem] = []
    data = _to_data(root, (), source, problems, set())
    return data, source, problems


# PyYAML's wording, and what it nearly always means in a hand-edited term file.
_YAML_HINTS = {
    "mapping values are not allowed": "unexpected ':' here: this line is indented differently from the one above, "
    "or its text contains ': ' and must be quoted",
    "could not find expected ':'": "a 'key: value' line is missing its ':', or a text block is indented less than its key",
    "did not find expected key": "expected another 'key: value' at this indentation: align this line with its siblings",
    "did not find expected '-' indicator": "a list item is indented differently from the items before it",
    "found unexpected end of stream": "the file ends inside a quoted text: close the quote that was opened",
    "found unknown escape character": "a backslash in double-quoted text starts an unknown escape: use single quotes or write \\\\",
    "did not find expected ',' or ']'": "a list in [brackets] is not closed, or two of its items have no ',' between them",
    "did not find expected ',' or '}'": "a mapping in {braces} is not closed, or two of its entries have no ',' between them",
}


def _position_of(text: str, index: int) -> Position:
    """Line and column of text[index], counting lines as str.splitlines() does (as SourceMap.lines)."""
    head = (text[:index] + "x").splitlines()  # the stand-in "x" keeps a line that ends at index
    return Position(len(head), len(head[-1]))


def _first_too_deep(text: str) -> yaml.Mark | None:
    """Where collections first nest deeper than MAX_DEPTH, from parser events (which never recurse)."""
    depth = 0
    try:
        for event in yaml.parse(text, Loader=_StrictLoader):
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    return event.start_mark
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    except yaml.YAMLError:
        pass  # the full load that follows reports it, with its position
    return None


def _explain_yaml_error(error: yaml.MarkedYAMLError, at_tab: bool) -> str:
    problem = error.problem or "invalid YAML"
    if at_tab:
        return "a tab character is used for indentation: YAML allows only spaces, replace the tab with spaces"
    if "expected a single document" in (error.context or ""):
        return "the file holds more than one YAML document (a second '---'): keep one term per file"
    for known, hint in _YAML_HINTS.items():
        if problem.startswith(known):
            opened = ""
            if known.startswith("did not find expected ','") and error.context_mark:
                opened = f"; it opens on line {error.context_mark.line + 1}"
            return f"YAML syntax error: {hint}{opened} (YAML says: {problem})"
    context = f" ({error.context})" if error.context else ""
    return f"YAML syntax error: {problem}{context}; check the indentation and quoting on this line or the one above"


def _to_data(node: yaml.Node, path: DocPath, source: SourceMap, problems: list[Problem], seen: set[int]) -> Any:
    mark = node.start_mark
    source.values[path] = Position(mark.line + 1, mark.column + 1)
    if not isinstance(node, yaml.ScalarNode) and len(path) >= MAX_DEPTH:  # path length = depth of enclosing collections
        problems.append(source.problem_at(path, _DEPTH_MESSAGE))
        return None
    # An alias (*name) is the same node object met a second time. Refusing it here, before any
    # expansion, keeps "billion laughs" documents to the size of their text.
    if id(node) in seen:
        if not any(p.message.startswith(_ALIAS_MESSAGE) for p in problems):  # once per file is enough
            problems.append(source.problem_at(path, _ALIAS_MESSAGE + ": write the value out in full", key=True))
        return None
    seen.add(id(node))

    if isinstance(node, yaml.ScalarNode):
        if node.tag == _NULL:
            return None
        if node.tag == _INT:
            # int() refuses 4,300+ digits (ValueError); no field needs a number that long, so it stays text.
            return int(node.value, 10) if len(node.value) <= 100 else node.value
        if node.tag == _BOOL:
            return node.value == "true"
        if node.tag != _STR:
            problems.append(source.problem_at(path, _tag_message(node.tag)))
            return node.value
        if node.style == "|":
            source.literal_blocks[path] = node.value
        return node.value

    if node.tag not in (_SEQ, _MAP):  # e.g. !!python/object on a list: never constructed, but say so
        problems.append(source.problem_at(path, _tag_message(node.tag)))
    if isinstance(node, yaml.SequenceNode):
        return [_to_data(item, path + (i,), source, problems, seen) for i, item in enumerate(node.value)]

    mapping: dict[str, Any] = {}
    for key_node, value_node in node.value:
        key_mark = Position(key_node.start_mark.line + 1, key_node.start_mark.column + 1)
        if not isinstance(key_node, yaml.ScalarNode):
            problems.append(source.problem(key_mark, "a key must be a plain name such as 'zh:', not a list or mapping"))
            continue
        key = key_node.value
        if key in mapping:
            first = source.keys[path + (key,)]
            problems.append(
                source.problem(key_mark, f"duplicate key '{key}' (first defined on line {first.line}): keep one and delete the other")
            )
            continue
        source.keys[path + (key,)] = key_mark
        mapping[key] = _to_data(value_node, path + (key,), source, problems, seen)
    return mapping


def _tag_message(tag: str) -> str:
    shown = "!!" + tag.removeprefix("tag:yaml.org,2002:") if tag.startswith("tag:yaml.org,2002:") else tag
    return f"unsupported YAML tag '{shown}': remove the tag and write plain text"
